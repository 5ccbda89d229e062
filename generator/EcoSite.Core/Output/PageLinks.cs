namespace EcoSite.Core.Output;

/// <summary>
/// What a written page links to and which ids it has: the input of the link check, whether the page was rendered in
/// this build or taken over from the previous output. <see cref="SourceFile"/> is the content file the page shows,
/// where a broken link is reported.
/// </summary>
internal sealed record PageLinks(string OutputPath, string? SourceFile, IReadOnlyList<string> Links, IReadOnlyList<string> Images, IReadOnlySet<string> Ids)
{
    /// <summary>
    /// The page was not rendered: its file in the previous output stays, so its links, images and ids are the ones the
    /// previous build checked (<see cref="PageReuse"/>).
    /// </summary>
    public bool Kept { get; init; }

    /// <summary>
    /// Finds href, src and id attributes in the HTML EcoSite itself wrote (templates, Markdig and the sanitizer all
    /// write double-quoted attributes).
    /// </summary>
    public static PageLinks Scan(string outputPath, string? sourceFile, string html)
    {
        var links = new List<string>();
        var images = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var span = html.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var eq = span[i..].IndexOf("=\"");
            if (eq < 0) break;
            var at = i + eq;
            var nameStart = at;
            while (nameStart > 0 && (char.IsAsciiLetterOrDigit(span[nameStart - 1]) || span[nameStart - 1] == '-')) nameStart--;
            var name = span[nameStart..at];
            var valueStart = at + 2;
            var end = span[valueStart..].IndexOf('"');
            if (end < 0) break;
            var value = span.Slice(valueStart, end);
            var isAttr = nameStart > 0 && char.IsWhiteSpace(span[nameStart - 1]);
            if (isAttr)
            {
                if (name.SequenceEqual("href")) links.Add(Decode(value));
                else if (name.SequenceEqual("src")) images.Add(Decode(value));
                else if (name.SequenceEqual("id")) ids.Add(Decode(value));
            }
            i = valueStart + end + 1;
        }
        return new PageLinks(outputPath, sourceFile, links, images, ids);
    }

    private static string Decode(ReadOnlySpan<char> value) =>
        value.Contains('&') ? System.Net.WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
