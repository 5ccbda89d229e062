using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Output;

namespace EcoSite.Core.Search;

/// <summary>
/// Each search document's term counts and length, keyed by a hash of the text it indexes (title, keywords, summary,
/// body): tokenizing is most of what the index costs, and after a one-page change all but one document's text is what
/// the previous build tokenized. Read from and written to the build state (<see cref="RenderState"/>); holds exactly
/// the documents of the index just built, sorted by key, so its bytes depend only on the site.
/// </summary>
internal sealed class SearchTokenCache
{
    private const string Kind = "search";
    private readonly Dictionary<string, string> _previous;
    private readonly ConcurrentDictionary<string, (Dictionary<string, int> Counts, int Length)> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _keptLines = new(StringComparer.Ordinal);

    private SearchTokenCache(Dictionary<string, string> previous) => _previous = previous;

    /// <summary>Kept lines by key; parsed only when asked for (on the index's threads).</summary>
    public static SearchTokenCache Parse(string? stateFile)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        if (RenderState.Body(stateFile, Kind) is { } body)
            foreach (var line in body.Split('\n'))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0) previous[line[..tab]] = line;
            }
        return new SearchTokenCache(previous);
    }

    public static string Key(SearchDocument d)
    {
        var text = string.Join('\u0001', [d.Title, string.Join('\u0002', d.Keywords), d.Summary, d.Body]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// The previous build's counts of the document with this key, each term numbered by <paramref name="number"/>
    /// (no string is made per term), and keeps the line for the next state file. Only a line exactly as
    /// <see cref="ToText"/> writes it is taken (terms in ordinal order, counts without leading zeros), so the line
    /// kept is the line a cold build writes; anything else is tokenized again.
    /// </summary>
    public bool TryGet(string key, Func<ReadOnlySpan<char>, int> number, out (int Term, int Tf)[] counts, out int length)
    {
        counts = [];
        length = 0;
        if (!_previous.TryGetValue(key, out var line)) return false;
        // key \t length (\t term \t count)*
        var pos = key.Length;
        if (Field(line, ref pos) is not { } lengthField || !Count(line.AsSpan(lengthField), out length)) return false;
        var list = new List<(int, int)>();
        Range previous = default;
        while (pos < line.Length)
        {
            if (Field(line, ref pos) is not { } term || term.End.Value == term.Start.Value
                || (list.Count > 0 && line.AsSpan(term).SequenceCompareTo(line.AsSpan(previous)) <= 0)) return false;
            if (Field(line, ref pos) is not { } tfField || !Count(line.AsSpan(tfField), out var tf)) return false;
            list.Add((number(line.AsSpan(term)), tf));
            previous = term;
        }
        counts = list.ToArray();
        _keptLines.TryAdd(key, line);
        return true;
    }

    /// <summary>The field after the tab at <paramref name="pos"/>, up to the next tab or the end; moves past it.</summary>
    private static Range? Field(string line, ref int pos)
    {
        if (pos >= line.Length || line[pos] != '\t') return null;
        var start = pos + 1;
        var tab = line.IndexOf('\t', start);
        pos = tab < 0 ? line.Length : tab;
        return start..pos;
    }

    private static bool Count(ReadOnlySpan<char> text, out int n) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n)
        && (text.Length == 1 || text[0] != '0');

    /// <summary>Records a document tokenized in this build (thread-safe).</summary>
    public void Keep(string key, Dictionary<string, int> counts, int length) => _kept.TryAdd(key, (counts, length));

    /// <summary>The state file: this build's documents. A document with a term the format cannot hold is left out (tokenized again next time).</summary>
    public string ToText()
    {
        var sb = new StringBuilder(RenderState.Header(Kind));
        foreach (var key in _kept.Keys.Concat(_keptLines.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (_keptLines.TryGetValue(key, out var line))
            {
                sb.Append(line).Append('\n');
                continue;
            }
            var (counts, length) = _kept[key];
            if (counts.Keys.Any(t => t.Length == 0 || t.AsSpan().IndexOfAny('\t', '\n') >= 0)) continue;
            sb.Append(key).Append('\t').Append(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (term, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
                sb.Append('\t').Append(term).Append('\t').Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
