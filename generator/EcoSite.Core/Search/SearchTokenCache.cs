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
    /// <summary>
    /// This build's documents, each as its line of the state file: one string per document instead of a dictionary of
    /// its terms (at 10,000 pages the dictionaries were about a third of a cold build's peak memory).
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _kept = new(StringComparer.Ordinal);

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

    public bool TryGet(string key, out Dictionary<string, int> counts, out int length)
    {
        counts = null!;
        length = 0;
        if (!_previous.TryGetValue(key, out var line)) return false;
        // key \t length (\t term \t count)*; anything else is not a line this class wrote, and is tokenized again.
        var parts = line.Split('\t');
        if (parts.Length % 2 != 0 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length))
            return false;
        counts = new Dictionary<string, int>(parts.Length / 2 - 1, StringComparer.Ordinal);
        for (var i = 2; i < parts.Length; i += 2)
            if (parts[i].Length == 0 || !int.TryParse(parts[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                || !counts.TryAdd(parts[i], n))
                return false;
        return true;
    }

    /// <summary>
    /// Records a document of this build (thread-safe): its terms with their counts, each term once. A document with a
    /// term the format cannot hold is not kept (tokenized again next time).
    /// </summary>
    public void Keep(string key, IEnumerable<(string Term, int Count)> counts, int length)
    {
        if (_kept.ContainsKey(key)) return;
        var sorted = counts.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Term, b.Term));
        var sb = new StringBuilder(key.Length + 16 + sorted.Length * 8);
        sb.Append(key).Append('\t').Append(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (term, n) in sorted)
        {
            if (term.Length == 0 || term.AsSpan().IndexOfAny('\t', '\n') >= 0) return;
            sb.Append('\t').Append(term).Append('\t').Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        _kept.TryAdd(key, sb.Append('\n').ToString());
    }

    /// <summary>The state file: this build's documents, by key.</summary>
    public string ToText()
    {
        var lines = _kept.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value).ToList();
        var header = RenderState.Header(Kind);
        var sb = new StringBuilder(header, header.Length + lines.Sum(l => l.Length));
        foreach (var line in lines) sb.Append(line);
        return sb.ToString();
    }
}
