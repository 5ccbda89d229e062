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
    private static readonly LinkState Empty = new("", [], []);

    // The file is not split up front: a build reuses almost every page, but a page's line is only taken apart when it
    // is asked for. The strings (one a line) are made on first use; pages are found by binary search over their
    // lines, which a build writes in ordinal order of their paths (a line out of order is only not found: the page is
    // then read back).
    private readonly string _body;
    private readonly int[] _stringStarts;
    private readonly string?[] _strings;
    private readonly int[] _pageStarts;

    private LinkState(string body, int[] stringStarts, int[] pageStarts)
    {
        _body = body;
        _stringStarts = stringStarts;
        _strings = new string?[Math.Max(0, stringStarts.Length - 1)];
        _pageStarts = pageStarts;
    }

    /// <summary>
    /// The state file, UTF-8: the header, the number of strings, the strings one a line in order of first use, then a
    /// line per page: its path and three tab-separated lists of string numbers (links, images, ids in ordinal order).
    /// Made in two passes, the first numbering the strings and counting the bytes, the second writing them into one
    /// array of that size: for a shard of a million-page site (200,000 pages) the file is tens of MB, and building it
    /// as a string (then a second string with the header, then its UTF-8 copy) held several times that at the build's peak.
    /// </summary>
    public static BinaryFile ToFile(IReadOnlyList<PageLinks> pages)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new List<string>();
        var header = RenderState.Header(Kind);
        long size = Utf8.GetByteCount(header);
        foreach (var p in pages)
        {
            if (!Stored(p)) continue;
            size += Utf8.GetByteCount(p.OutputPath) + 1; // the line break
            foreach (var list in Lists(p))
            {
                size += 1 + Math.Max(0, list.Count - 1); // the tab before the list, the spaces between numbers
                foreach (var v in list)
                {
                    if (!index.TryGetValue(v, out var i))
                    {
                        index[v] = i = strings.Count;
                        strings.Add(v);
                        size += Utf8.GetByteCount(v) + 1;
                    }
                    size += Digits(i);
                }
            }
        }
        size += Digits(strings.Count) + 1;
        var bytes = new byte[checked((int)size)];
        var at = 0;
        Write(header);
        Number(strings.Count);
        bytes[at++] = (byte)'\n';
        foreach (var v in strings)
        {
            Write(v);
            bytes[at++] = (byte)'\n';
        }
        foreach (var p in pages)
        {
            if (!Stored(p)) continue;
            Write(p.OutputPath);
            foreach (var list in Lists(p))
            {
                bytes[at++] = (byte)'\t';
                for (var k = 0; k < list.Count; k++)
                {
                    if (k > 0) bytes[at++] = (byte)' ';
                    Number(index[list[k]]);
                }
            }
            bytes[at++] = (byte)'\n';
        }
        if (at != bytes.Length) throw new InvalidOperationException($"the link state was counted as {bytes.Length} bytes but is {at}");
        return new BinaryFile(RenderState.Links, bytes);

        void Write(string text) => at += Utf8.GetBytes(text, bytes.AsSpan(at));
        void Number(int i)
        {
            if (!i.TryFormat(bytes.AsSpan(at), out var n, default, System.Globalization.CultureInfo.InvariantCulture))
                throw new InvalidOperationException("the link state ran past its counted size");
            at += n;
        }
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A page holding a string with a line break (an attribute can) is left out and read back from its file instead.</summary>
    private static bool Stored(PageLinks p) =>
        p.OutputPath.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 && !p.Links.Concat(p.Images).Concat(p.Ids).Any(s => s.AsSpan().IndexOfAny('\n', '\r') >= 0);

    private static IEnumerable<IReadOnlyList<string>> Lists(PageLinks p)
    {
        yield return p.Links;
        yield return p.Images;
        yield return p.Ids.Order(StringComparer.Ordinal).ToList();
    }

    private static int Digits(int i)
    {
        var n = 1;
        while (i >= 10)
        {
            i /= 10;
            n++;
        }
        return n;
    }

    /// <summary>The state file of the previous build, or an empty state when there is none or it is not this generator's.</summary>
    public static LinkState Parse(string? stateFile)
    {
        if (RenderState.Body(stateFile, Kind) is not { } body) return Empty;
        var first = body.IndexOf('\n');
        if (first < 0 || !int.TryParse(body.AsSpan(0, first), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count > body.Length)
            return Empty;
        // Line i of the strings runs from stringStarts[i] to stringStarts[i + 1] - 1 (its line break).
        var stringStarts = new int[count + 1];
        var at = first + 1;
        for (var i = 0; i <= count; i++)
        {
            stringStarts[i] = at;
            if (i == count) break;
            var end = body.IndexOf('\n', at);
            if (end < 0) return Empty;
            at = end + 1;
        }
        var pages = new List<int>();
        while (at < body.Length)
        {
            pages.Add(at);
            var end = body.IndexOf('\n', at);
            if (end < 0) break;
            at = end + 1;
        }
        return new LinkState(body, stringStarts, [.. pages]);
    }

    /// <summary>The line of a page (without its line break), or empty when the state has none for it.</summary>
    private ReadOnlySpan<char> LineOf(string outputPath)
    {
        int lo = 0, hi = _pageStarts.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var line = Line(_pageStarts[mid]);
            var tab = line.IndexOf('\t');
            var path = tab < 0 ? line : line[..tab];
            var c = path.SequenceCompareTo(outputPath);
            if (c == 0) return tab > 0 ? line : default;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return default;
    }

    private ReadOnlySpan<char> Line(int start)
    {
        var rest = _body.AsSpan(start);
        var end = rest.IndexOf('\n');
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>The links of the page at <paramref name="outputPath"/> as the previous build found them; null when not kept or not readable.</summary>
    public PageLinks? Find(string outputPath, string? sourceFile)
    {
        var line = LineOf(outputPath);
        if (line.IsEmpty) return null;
        line = line[(line.IndexOf('\t') + 1)..];
        var lists = new List<string>[3];
        for (var part = 0; part < 3; part++)
        {
            var tab = line.IndexOf('\t');
            // Exactly three tab-separated lists after the path.
            if (part < 2 ? tab < 0 : tab >= 0) return null;
            if (Strings(part < 2 ? line[..tab] : line) is not { } list) return null;
            lists[part] = list;
            if (part < 2) line = line[(tab + 1)..];
        }
        return new PageLinks(outputPath, sourceFile, lists[0], lists[1], new HashSet<string>(lists[2], StringComparer.Ordinal));
    }

    private List<string>? Strings(ReadOnlySpan<char> indexes)
    {
        var result = new List<string>();
        if (indexes.IsEmpty) return result;
        foreach (var range in indexes.Split(' '))
        {
            if (!int.TryParse(indexes[range], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) || i >= _strings.Length)
                return null;
            // Made once, by whichever thread asks first (another thread making it too makes an equal string).
            result.Add(_strings[i] ??= _body.Substring(_stringStarts[i], _stringStarts[i + 1] - 1 - _stringStarts[i]));
        }
        return result;
    }
}
