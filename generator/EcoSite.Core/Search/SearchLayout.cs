using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Output;

namespace EcoSite.Core.Search;

/// <summary>
/// What the next build needs to patch a language's search index instead of building it whole
/// (<see cref="SearchIndexUpdate"/>), kept in the build state (<c>.ecosite-state/search-&lt;lang&gt;-layout.txt</c>):
/// "today", the rounded average length, the SHA-256 of each file of the term counts (<see cref="SearchTokenCache"/>:
/// one file per first character of the keys, after its header line), each
/// document in index order (path, key of its text, hash of its sources, length, date, text language), and each term chunk and document
/// chunk (first item, name). The file ends with a SHA-256 of everything before it: a file cut short or edited is not
/// used. Like every state file it is written from scratch by a cold build, so it is the same bytes whatever the history.
/// </summary>
internal sealed record SearchLayout(
    DateOnly Today,
    int Average,
    IReadOnlyList<SearchLayout.Doc> Docs,
    IReadOnlyList<(string First, string Name)> Terms,
    IReadOnlyList<(int First, string Name)> Documents)
{
    private const string Kind = "search-layout";

    /// <param name="Source">The hash of what the document's text is made from (<see cref="SearchTokenCache.Source"/>).</param>
    internal readonly record struct Doc(string Path, string Key, string Source, int Length, DateOnly? Date, string? TextLang);

    /// <summary>
    /// The file, as UTF-8 bytes written straight into one buffer (no text of the whole file is made: at 10,000 pages it is
    /// a few megabytes per language, made on every build); null when a path or a language cannot be written on a line
    /// (then there is no layout, cold or not).
    /// </summary>
    public byte[]? ToBytes(IReadOnlyList<(char Bucket, string Sha)> counts)
    {
        var header = RenderState.Header(Kind);
        var w = new Utf8Buffer(Encoding.UTF8.GetByteCount(header) + 128 + Docs.Count * 200 + Terms.Count * 48 + Documents.Count * 48);
        w.Text(header);
        var body = w.Length;
        w.Text("today\t").Date(Today).Line();
        w.Text("average\t").Number(Average).Line();
        w.Text("counts\t").Number(counts.Count).Line();
        foreach (var (bucket, sha) in counts) w.Char(bucket).Tab().Text(sha).Line();
        w.Text("docs\t").Number(Docs.Count).Line();
        foreach (var d in Docs)
        {
            if (!Plain(d.Path) || d.Path.Length == 0 || (d.TextLang is { } l && (!Plain(l) || l.Length == 0))) return null;
            w.Text(d.Path).Tab().Text(d.Key).Tab().Text(d.Source).Tab().Number(d.Length).Tab();
            if (d.Date is { } date) w.Date(date);
            w.Tab().Text(d.TextLang ?? "").Line();
        }
        w.Text("terms\t").Number(Terms.Count).Line();
        foreach (var (first, name) in Terms)
        {
            if (!Plain(first)) return null;
            w.Text(name).Tab().Text(first).Line();
        }
        w.Text("dchunks\t").Number(Documents.Count).Line();
        foreach (var (first, name) in Documents) w.Number(first).Tab().Text(name).Line();
        var hash = Convert.ToHexStringLower(SHA256.HashData(w.Written[body..]));
        w.Text("sha256\t").Text(hash).Line();
        return w.Written.ToArray();
    }

    /// <summary>The file as text (<see cref="ToBytes"/>, decoded).</summary>
    public string? ToText(IReadOnlyList<(char Bucket, string Sha)> counts) => ToBytes(counts) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>A growing byte buffer that UTF-8 is written into: texts encoded in place, numbers and dates formatted in place.</summary>
    private sealed class Utf8Buffer(int capacity)
    {
        private byte[] _bytes = new byte[Math.Max(capacity, 256)];
        private int _length;

        public int Length => _length;

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

        private Span<byte> Room(int bytes)
        {
            if (_length + bytes > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes));
            return _bytes.AsSpan(_length);
        }

        public Utf8Buffer Text(string s)
        {
            _length += Encoding.UTF8.GetBytes(s, Room(Encoding.UTF8.GetMaxByteCount(s.Length)));
            return this;
        }

        public Utf8Buffer Char(char c)
        {
            Span<char> one = [c];
            _length += Encoding.UTF8.GetBytes(one, Room(4));
            return this;
        }

        public Utf8Buffer Tab()
        {
            Room(1)[0] = (byte)'\t';
            _length++;
            return this;
        }

        public Utf8Buffer Line()
        {
            Room(1)[0] = (byte)'\n';
            _length++;
            return this;
        }

        public Utf8Buffer Number(int n)
        {
            if (!n.TryFormat(Room(11), out var written, default, CultureInfo.InvariantCulture)) throw new InvalidOperationException();
            _length += written;
            return this;
        }

        public Utf8Buffer Date(DateOnly d)
        {
            if (!d.TryFormat(Room(32), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture)) throw new InvalidOperationException();
            _length += written;
            return this;
        }
    }

    /// <summary>
    /// The layout in a state file of this generator; null for none, another generator's, or one that is not exactly
    /// as a build writes it (its closing hash does not match, a line does not parse).
    /// </summary>
    public static SearchLayout? Parse(string? text)
    {
        if (RenderState.Body(text, Kind) is null) return null;
        var end = text!.LastIndexOf("sha256\t", StringComparison.Ordinal);
        if (end < RenderState.Header(Kind).Length || text[^1] != '\n' || text.IndexOf('\n', end) != text.Length - 1
            || text[(end + 7)..^1] != Sha(Encoding.UTF8.GetBytes(text[RenderState.Header(Kind).Length..end]))) return null;
        var lines = text[..end].Split('\n');
        var at = 1; // the header
        try
        {
            var today = DateOnly.ParseExact(Value(lines[at++], "today"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var average = Number(Value(lines[at++], "average"));
            var counts = new (char, string)[Number(Value(lines[at++], "counts"))];
            for (var i = 0; i < counts.Length; i++)
            {
                var f = lines[at++].Split('\t');
                if (f.Length != 2 || f[0].Length != 1 || !SearchTokenCache.IsBucket(f[0][0]) || (i > 0 && f[0][0] <= counts[i - 1].Item1)) return null;
                counts[i] = (f[0][0], f[1]);
            }
            var docs = new Doc[Number(Value(lines[at++], "docs"))];
            for (var i = 0; i < docs.Length; i++)
            {
                var f = lines[at++].Split('\t');
                if (f.Length != 6 || f[1].Length == 0 || !SearchTokenCache.IsBucket(f[1][0])) return null;
                docs[i] = new Doc(f[0], f[1], f[2], Number(f[3]),
                    f[4].Length == 0 ? null : DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[5].Length == 0 ? null : f[5]);
            }
            var terms = new (string, string)[Number(Value(lines[at++], "terms"))];
            for (var i = 0; i < terms.Length; i++)
            {
                var f = lines[at++].Split('\t');
                if (f.Length != 2) return null;
                terms[i] = (f[1], f[0]);
            }
            var chunks = new (int, string)[Number(Value(lines[at++], "dchunks"))];
            for (var i = 0; i < chunks.Length; i++)
            {
                var f = lines[at++].Split('\t');
                if (f.Length != 2) return null;
                chunks[i] = (Number(f[0]), f[1]);
            }
            if (at != lines.Length - 1 || lines[at].Length != 0) return null;
            return new SearchLayout(today, average, docs, terms, chunks) { Counts = counts };
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The counts files the layout was written with (read back only): each file's first character of the keys, and the
    /// SHA-256 of its bytes after the header line, in order.
    /// </summary>
    public IReadOnlyList<(char Bucket, string Sha)> Counts { get; private init; } = [];

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// The SHA-256 of a state file after its first line: the header names the generator's own build, which the reader
    /// checks apart, and the JIT and native builds of one version write the same bytes after it.
    /// </summary>
    public static string BodySha(byte[] file)
    {
        var start = Array.IndexOf(file, (byte)'\n') + 1;
        return Convert.ToHexStringLower(SHA256.HashData(file.AsSpan(start)));
    }

    private static bool Plain(string s) => s.AsSpan().IndexOfAny('\t', '\n') < 0;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Value(string line, string name) =>
        line.StartsWith(name + "\t", StringComparison.Ordinal) ? line[(name.Length + 1)..] : throw new FormatException(name);

    private static int Number(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (s.Length == 1 || s[0] != '0') ? n : throw new FormatException(s);
}
