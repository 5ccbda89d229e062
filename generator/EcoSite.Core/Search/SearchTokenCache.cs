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
    /// This build's documents, each as its line of the state file (without the line end): one string per document
    /// instead of a dictionary of its terms (at 10,000 pages the dictionaries were about a third of a cold build's peak
    /// memory).
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _kept = new(StringComparer.Ordinal);

    private SearchTokenCache(Dictionary<string, string> previous) => _previous = previous;

    /// <summary>
    /// The first characters a key can start with (<see cref="Key"/> is hexadecimal): the counts are kept in one file per
    /// first character (<see cref="RenderState.Search"/>), so a build that changes a few documents reads and writes only
    /// the files that hold their keys.
    /// </summary>
    public const string Buckets = "0123456789abcdef";

    public static bool IsBucket(char c) => Buckets.Contains(c);

    /// <summary>Kept lines by key, from the counts files (any of them missing); parsed only when asked for (on the index's threads).</summary>
    public static SearchTokenCache Parse(IEnumerable<string?> stateFiles)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stateFile in stateFiles)
            if (RenderState.Body(stateFile, Kind) is { } body)
                foreach (var line in body.Split('\n'))
                {
                    var tab = line.IndexOf('\t', StringComparison.Ordinal);
                    if (tab > 0) previous[line[..tab]] = line;
                }
        return new SearchTokenCache(previous);
    }

    /// <summary>
    /// A hash of what a document's indexed text is made from (its title, keywords, summary, and its body: the SHA-256 of
    /// its HTML's UTF-8 bytes when it was made <see cref="SearchDocument.FromHtml"/>, else its text): equal sources give
    /// an equal text, so the next build takes a document whose source hashes as recorded
    /// (<see cref="SearchLayout.Doc.Source"/>) with its recorded <see cref="Key"/>, without reading its HTML (an
    /// article's body is hashed from the load cache's bytes, never decoded: <see cref="HtmlBody.Sha256"/>), turning it
    /// into text or hashing the text. The strings are hashed as they are in memory (UTF-16), each with its length, so
    /// nothing is encoded; the body's hash goes in as 32 bytes after the length 32.
    /// </summary>
    public static string Source(SearchDocument d)
    {
        Span<byte> hash = stackalloc byte[16];
        Source(d, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether <paramref name="d"/>'s <see cref="Source"/> is <paramref name="recorded"/>, without making a string of it.</summary>
    public static bool HasSource(SearchDocument d, string recorded)
    {
        Span<byte> hash = stackalloc byte[16];
        Source(d, hash);
        Span<char> hex = stackalloc char[32];
        return Convert.TryToHexStringLower(hash, hex, out var n) && hex[..n].SequenceEqual(recorded);
    }

    /// <summary>As <see cref="HasSource(SearchDocument, string)"/> with the recorded hash as the state file's bytes (ASCII).</summary>
    public static bool HasSource(SearchDocument d, ReadOnlySpan<byte> recorded)
    {
        Span<byte> hash = stackalloc byte[16];
        Source(d, hash);
        Span<byte> hex = stackalloc byte[32];
        return Convert.TryToHexStringLower(hash, hex, out var n) && hex[..n].SequenceEqual(recorded);
    }

    /// <summary>The first 16 bytes of the SHA-256 that <see cref="Source"/> writes in hexadecimal.</summary>
    private static void Source(SearchDocument d, Span<byte> result)
    {
        var html = d.BodyHtml;
        var kind = html is null ? "t" : "h";
        var count = d.Keywords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = html is null ? d.Body : null;
        var bodySha = html?.Sha256;
        // The bytes the hash is over, laid out in one buffer and hashed in one call (no hash object per document).
        var size = 4 * (5 + d.Keywords.Count) + 2L * (kind.Length + d.Title.Length + count.Length + d.Summary.Length) + (body is null ? 32 : 2L * body.Length);
        foreach (var k in d.Keywords) size += 2L * k.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(checked((int)size));
        try
        {
            var at = 0;
            void Add(ReadOnlySpan<byte> bytes, int length)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), length);
                at += 4;
                bytes.CopyTo(buffer.AsSpan(at));
                at += bytes.Length;
            }
            void AddText(string s) => Add(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()), s.Length);
            AddText(kind);
            AddText(d.Title);
            AddText(count);
            foreach (var k in d.Keywords) AddText(k);
            AddText(d.Summary);
            if (body is not null) AddText(body);
            else if (bodySha is { Length: 32 }) Add(bodySha, 32);
            else throw new InvalidOperationException("an HTML body's hash that is not a SHA-256");
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, at), hash);
            hash[..16].CopyTo(result);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
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
        if (!_previous.TryGetValue(key, out var line) || Parse(line, key.Length, number) is not { } parsed) return false;
        (counts, length) = (parsed.Counts.ToArray(), parsed.Length);
        _kept.TryAdd(key, line);
        return true;
    }

    /// <summary>
    /// The length and the counts of a line as <see cref="ToText"/> writes it, from the tab at <paramref name="pos"/>
    /// (after the key): key \t length (\t term \t count)*, terms in ordinal order, counts without leading zeros; each
    /// term made by <paramref name="term"/>. Null for anything else.
    /// </summary>
    private static (List<(T Term, int Tf)> Counts, int Length)? Parse<T>(string line, int pos, Func<ReadOnlySpan<char>, T> term)
    {
        if (Field(line, ref pos) is not { } lengthField || !Count(line.AsSpan(lengthField), out var length)) return null;
        var list = new List<(T, int)>();
        Range previous = default;
        while (pos < line.Length)
        {
            if (Field(line, ref pos) is not { } t || t.End.Value == t.Start.Value
                || (list.Count > 0 && line.AsSpan(t).SequenceCompareTo(line.AsSpan(previous)) <= 0)) return null;
            if (Field(line, ref pos) is not { } tfField || !Count(line.AsSpan(tfField), out var tf)) return null;
            list.Add((term(line.AsSpan(t)), tf));
            previous = t;
        }
        return (list, length);
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

    /// <summary>
    /// Records a document tokenized in this build (thread-safe): its terms with their counts, each term once. A document
    /// with a term the format cannot hold is not kept (tokenized again next time).
    /// </summary>
    public void Keep(string key, IEnumerable<(string Term, int Count)> counts, int length)
    {
        if (_kept.ContainsKey(key)) return;
        if (Line(key, counts, length) is { } line) _kept.TryAdd(key, line);
    }

    /// <summary>A document's line as a build writes it: terms in ordinal order; null when a term cannot be written.</summary>
    public static string? Line(string key, IEnumerable<(string Term, int Count)> counts, int length)
    {
        var sorted = counts.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Term, b.Term));
        var sb = new StringBuilder(key.Length + 16 + sorted.Length * 8);
        sb.Append(key).Append('\t').Append(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (term, n) in sorted)
        {
            if (term.Length == 0 || term.AsSpan().IndexOfAny('\t', '\n') >= 0) return null;
            sb.Append('\t').Append(term).Append('\t').Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The terms and length of a line as a build writes it; null for anything else.</summary>
    public static (List<(string Term, int Tf)> Counts, int Length)? ParseLine(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return tab <= 0 ? null : Parse(line, tab, span => span.ToString());
    }

    /// <summary>
    /// The state files: this build's documents by key, one file for each first character of the keys that has any (a
    /// character no key starts with has no file), in order.
    /// </summary>
    public List<(char Bucket, byte[] File)> ToFiles()
    {
        var files = new List<(char, byte[])>();
        var header = RenderState.Header(Kind);
        foreach (var bucket in _kept.OrderBy(k => k.Key, StringComparer.Ordinal).GroupBy(k => k.Key[0]))
        {
            if (!IsBucket(bucket.Key)) throw new InvalidOperationException("a search key that is not hexadecimal: " + bucket.First().Key);
            var sb = new StringBuilder(header);
            foreach (var (_, line) in bucket) sb.Append(line).Append('\n');
            files.Add((bucket.Key, Encoding.UTF8.GetBytes(sb.ToString())));
        }
        return files;
    }
}
