using System.Collections.Concurrent;

namespace EcoSite.Core.Output;

/// <summary>
/// What a written page links to and which ids it has: the input of the link check, whether the page was rendered in
/// this build or taken over from the previous output. <see cref="SourceFile"/> is the content file the page shows,
/// where a broken link is reported.
/// </summary>
internal sealed record PageLinks
{
    public PageLinks(string outputPath, string? sourceFile, IReadOnlyList<string> links, IReadOnlyList<string> images, IReadOnlySet<string> ids)
    {
        OutputPath = outputPath;
        SourceFile = sourceFile;
        _values = new Values(links, images, ids);
    }

    /// <summary>
    /// A kept page's links as the build state holds them, taken apart only when asked for: a one-page build keeps
    /// thousands of pages whose links the link check never looks at (their previous results stand,
    /// <see cref="LinkState.PreviousResults"/>). <paramref name="values"/> must not fail (the state checked the line).
    /// </summary>
    internal PageLinks(string outputPath, string? sourceFile, Func<Values> values)
    {
        OutputPath = outputPath;
        SourceFile = sourceFile;
        _make = values;
    }

    internal sealed record Values(IReadOnlyList<string> Links, IReadOnlyList<string> Images, IReadOnlySet<string> Ids);

    private readonly Func<Values>? _make;
    // Made once by whichever thread asks first (another thread making it too makes equal values).
    private Values? _values;

    private Values Get() => _values ??= _make!();

    public string OutputPath { get; }

    public string? SourceFile { get; }

    public IReadOnlyList<string> Links => Get().Links;

    public IReadOnlyList<string> Images => Get().Images;

    public IReadOnlySet<string> Ids => Get().Ids;

    /// <summary>
    /// The page was not rendered: its file in the previous output stays, so its links, images and ids are the ones the
    /// previous build checked (<see cref="PageReuse"/>).
    /// </summary>
    public bool Kept { get; init; }

    /// <summary>
    /// Finds href, src and id attributes in the HTML EcoSite itself wrote (templates, Markdig and the sanitizer all
    /// write double-quoted attributes).
    /// With <paramref name="strings"/>, every link, image and id is that pool's string: the pages of a build repeat each
    /// other's navigation, and a shard of a million-page site keeps the links of its 200,000 pages for the link check.
    /// </summary>
    public static PageLinks Scan(string outputPath, string? sourceFile, string html, LinkStrings? strings = null)
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
                if (name.SequenceEqual("href")) links.Add(Decode(value, strings));
                else if (name.SequenceEqual("src")) images.Add(Decode(value, strings));
                else if (name.SequenceEqual("id")) ids.Add(Decode(value, strings));
            }
            i = valueStart + end + 1;
        }
        // Arrays, not the lists' doubled capacity: a shard keeps these until its link check.
        return new PageLinks(outputPath, sourceFile, links.ToArray(), images.ToArray(), ids);
    }

    private static string Decode(ReadOnlySpan<char> value, LinkStrings? strings)
    {
        if (!value.Contains('&')) return strings is null ? value.ToString() : strings.Of(value);
        var decoded = System.Net.WebUtility.HtmlDecode(value.ToString());
        return strings is null ? decoded : strings.Of(decoded);
    }
}

/// <summary>
/// One string for each distinct value the pages of a build link to or name as an id (<see cref="PageLinks.Scan"/>);
/// thread-safe. A value already seen costs no new string.
/// </summary>
internal sealed class LinkStrings
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public LinkStrings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pool's string equal to <paramref name="value"/>, added when there is none.</summary>
    public string Of(ReadOnlySpan<char> value) => _lookup.TryGetValue(value, out var s) ? s : Of(value.ToString());

    public string Of(string value) => _strings.GetOrAdd(value, value);

    /// <summary>Distinct values so far.</summary>
    public int Count => _strings.Count;
}
