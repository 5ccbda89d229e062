using System.Text;

namespace EcoSite.Core.Output;

/// <summary>
/// Every page's links, images and ids (<see cref="PageLinks"/>) in the build state (<see cref="RenderState"/>), so a
/// page the next build reuses is not read back and scanned for the link check. Strings are stored once (a page's
/// navigation repeats its neighbours'), each page as indexes into them. A page holding a string with a line break
/// (an attribute can) is left out and read back from its file instead.
/// </summary>
internal sealed class LinkState
{
    private const string Kind = "links";
    private readonly string[] _strings;
    private readonly Dictionary<string, string> _pages;

    private LinkState(string[] strings, Dictionary<string, string> pages)
    {
        _strings = strings;
        _pages = pages;
    }

    public static TextFile ToFile(IReadOnlyList<PageLinks> pages)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new StringBuilder();
        var lines = new StringBuilder();
        void Add(IEnumerable<string> values)
        {
            lines.Append('\t');
            var first = true;
            foreach (var v in values)
            {
                if (!index.TryGetValue(v, out var i))
                {
                    index[v] = i = index.Count;
                    strings.Append(v).Append('\n');
                }
                if (!first) lines.Append(' ');
                lines.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                first = false;
            }
        }
        foreach (var p in pages)
        {
            if (p.OutputPath.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 || p.Links.Concat(p.Images).Concat(p.Ids).Any(s => s.AsSpan().IndexOfAny('\n', '\r') >= 0))
                continue;
            lines.Append(p.OutputPath);
            Add(p.Links);
            Add(p.Images);
            Add(p.Ids.Order(StringComparer.Ordinal));
            lines.Append('\n');
        }
        return new TextFile(RenderState.Links, $"{RenderState.Header(Kind)}{index.Count}\n{strings}{lines}");
    }

    /// <summary>The state file of the previous build, or an empty state when there is none or it is not this generator's.</summary>
    public static LinkState Parse(string? stateFile)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        if (RenderState.Body(stateFile, Kind) is not { } body) return new LinkState([], pages);
        var lines = body.Split('\n');
        if (!int.TryParse(lines[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count > lines.Length - 1)
            return new LinkState([], pages);
        var strings = lines[1..(count + 1)];
        foreach (var line in lines.AsSpan(count + 1))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0) pages[line[..tab]] = line;
        }
        return new LinkState(strings, pages);
    }

    /// <summary>The links of the page at <paramref name="outputPath"/> as the previous build found them; null when not kept or not readable.</summary>
    public PageLinks? Find(string outputPath, string? sourceFile)
    {
        if (!_pages.TryGetValue(outputPath, out var line)) return null;
        var parts = line.Split('\t');
        if (parts.Length != 4 || Strings(parts[1]) is not { } links || Strings(parts[2]) is not { } images || Strings(parts[3]) is not { } ids) return null;
        return new PageLinks(outputPath, sourceFile, links, images, new HashSet<string>(ids, StringComparer.Ordinal));
    }

    private List<string>? Strings(string indexes)
    {
        var result = new List<string>();
        if (indexes.Length == 0) return result;
        foreach (var s in indexes.Split(' '))
        {
            if (!int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) || i >= _strings.Length) return null;
            result.Add(_strings[i]);
        }
        return result;
    }
}
