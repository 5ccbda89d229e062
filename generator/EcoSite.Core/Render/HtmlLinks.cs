namespace EcoSite.Core.Render;

/// <summary>
/// Finds href, src and id attributes in the HTML EcoSite itself wrote (templates, Markdig and the sanitizer all
/// write double-quoted attributes), for the link check after rendering.
/// </summary>
public static class HtmlLinks
{
    public static RenderedPage Scan(string outputPath, string? sourceFile, string html)
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
        return new RenderedPage(outputPath, sourceFile, links, images, ids);
    }

    private static string Decode(ReadOnlySpan<char> value) =>
        value.Contains('&') ? System.Net.WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
