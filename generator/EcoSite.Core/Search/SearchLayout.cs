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
    public byte[]? ToBytes(IReadOnlyList<(char Bucket, string Sha)> counts) => Write(Today, Average, counts, Docs.Count, null, (w, i) => Line(w, Docs[i]), Terms, Documents);

    /// <summary>
    /// This layout as read back (<see cref="Parse(byte[])"/>) with some documents' lines <paramref name="rewritten"/> and
    /// the rest copied from the file's bytes as they are, with new counts hashes and chunks: the same bytes
    /// <see cref="ToBytes"/> writes for the new values, since a line read back holds exactly what a build writes for
    /// its values (the parse checked each field) and a copied line's values are the ones kept. Without the bytes of a
    /// parse (a layout made in memory), every line is written.
    /// </summary>
    public byte[]? Patched(DateOnly today, int average, IReadOnlyList<(char Bucket, string Sha)> counts, IReadOnlyDictionary<int, Doc> rewritten,
        IReadOnlyList<(string First, string Name)> terms, IReadOnlyList<(int First, string Name)> documents) =>
        Write(today, average, counts, Docs.Count, ReadBack is { } r ? r.Bytes.Length + 4096 + rewritten.Count * 256 + (terms.Count + documents.Count) * 64 : null, (w, i) =>
        {
            if (rewritten.TryGetValue(i, out var d)) return Line(w, d);
            if (ReadBack is not { } read) return Line(w, Docs[i]);
            var start = read.Fields[i * FieldBounds];
            w.Bytes(read.Bytes.AsSpan(start, read.Fields[i * FieldBounds + FieldBounds - 1] + 1 - start));
            return true;
        }, terms, documents);

    /// <param name="capacity">The bytes to start with (a patch: about the old file's); null for an estimate from the counts.</param>
    private static byte[]? Write(DateOnly today, int average, IReadOnlyList<(char Bucket, string Sha)> counts, int docs, int? capacity, Func<Utf8Buffer, int, bool> doc,
        IReadOnlyList<(string First, string Name)> terms, IReadOnlyList<(int First, string Name)> documents)
    {
        var header = RenderState.Header(Kind);
        var w = new Utf8Buffer(capacity ?? Encoding.UTF8.GetByteCount(header) + 128 + docs * 200 + terms.Count * 48 + documents.Count * 48);
        w.Text(header);
        var body = w.Length;
        w.Text("today\t").Date(today).Line();
        w.Text("average\t").Number(average).Line();
        w.Text("counts\t").Number(counts.Count).Line();
        foreach (var (bucket, sha) in counts) w.Char(bucket).Tab().Text(sha).Line();
        w.Text("docs\t").Number(docs).Line();
        for (var i = 0; i < docs; i++)
            if (!doc(w, i)) return null;
        w.Text("terms\t").Number(terms.Count).Line();
        foreach (var (first, name) in terms)
        {
            if (!Plain(first)) return null;
            w.Text(name).Tab().Text(first).Line();
        }
        w.Text("dchunks\t").Number(documents.Count).Line();
        foreach (var (first, name) in documents) w.Number(first).Tab().Text(name).Line();
        var hash = Convert.ToHexStringLower(SHA256.HashData(w.Written[body..]));
        w.Text("sha256\t").Text(hash).Line();
        return w.Written.ToArray();
    }

    /// <summary>A document's line; false when its path or language cannot be written on a line.</summary>
    private static bool Line(Utf8Buffer w, Doc d)
    {
        if (!Plain(d.Path) || d.Path.Length == 0 || (d.TextLang is { } l && (!Plain(l) || l.Length == 0))) return false;
        w.Text(d.Path).Tab().Text(d.Key).Tab().Text(d.Source).Tab().Number(d.Length).Tab();
        if (d.Date is { } date) w.Date(date);
        w.Tab().Text(d.TextLang ?? "").Line();
        return true;
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

        public Utf8Buffer Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Room(bytes.Length));
            _length += bytes.Length;
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
    public static SearchLayout? Parse(string? text) => text is null ? null : Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The layout from the state file's bytes, read in place: its closing hash checked over the bytes, each line split
    /// at its tabs where it lies, and only the values kept made into strings (no text of the whole file, no line).
    /// </summary>
    public static SearchLayout? Parse(byte[] bytes)
    {
        var header = Encoding.UTF8.GetBytes(RenderState.Header(Kind));
        var all = bytes.AsSpan();
        if (!all.StartsWith(header)) return null;
        var end = all.LastIndexOf("sha256\t"u8);
        if (end < header.Length || all[^1] != '\n' || all[end..].IndexOf((byte)'\n') != all.Length - 1 - end
            || !Ascii.Equals(all[(end + 7)..^1], Convert.ToHexStringLower(SHA256.HashData(all[header.Length..end])))) return null;
        var lines = new Lines(bytes, header.Length, end);
        Span<Range> f = stackalloc Range[7];
        try
        {
            var today = ParseDate(Value(lines.Next(), "today"u8));
            var average = Number(Value(lines.Next(), "average"u8));
            var counts = new (char, string)[Number(Value(lines.Next(), "counts"u8))];
            for (var i = 0; i < counts.Length; i++)
            {
                var line = lines.Next();
                if (Split(line, f) != 2 || line[f[0]].Length != 1 || !SearchTokenCache.IsBucket((char)line[f[0]][0])
                    || (i > 0 && (char)line[f[0]][0] <= counts[i - 1].Item1)) return null;
                counts[i] = ((char)line[f[0]][0], Encoding.UTF8.GetString(line[f[1]]));
            }
            // Each document's line is checked and its fields' bounds kept; its strings are made only when asked for
            // (a patch compares most documents' fields with the new ones in place and copies their lines as they are).
            var count = Number(Value(lines.Next(), "docs"u8));
            if (count > bytes.Length) return null;
            var bounds = new int[count * FieldBounds];
            var lengths = new int[count];
            var dates = new DateOnly?[count];
            for (var i = 0; i < count; i++)
            {
                var at = lines.At;
                var line = lines.Next();
                if (Split(line, f) != 6 || line[f[1]].Length == 0 || !SearchTokenCache.IsBucket((char)line[f[1]][0])) return null;
                lengths[i] = Number(line[f[3]]);
                dates[i] = line[f[4]].Length == 0 ? null : ParseDate(line[f[4]]);
                var b = bounds.AsSpan(i * FieldBounds, FieldBounds);
                b[0] = at;
                for (var k = 0; k < 6; k++) b[k + 1] = at + f[k].End.Value;
            }
            var read = new Read(bytes, bounds, lengths, dates);
            var docs = new ReadDocs(read);
            var terms = new (string, string)[Number(Value(lines.Next(), "terms"u8))];
            for (var i = 0; i < terms.Length; i++)
            {
                var line = lines.Next();
                if (Split(line, f) != 2) return null;
                terms[i] = (Encoding.UTF8.GetString(line[f[1]]), Encoding.UTF8.GetString(line[f[0]]));
            }
            var chunks = new (int, string)[Number(Value(lines.Next(), "dchunks"u8))];
            for (var i = 0; i < chunks.Length; i++)
            {
                var line = lines.Next();
                if (Split(line, f) != 2) return null;
                chunks[i] = (Number(line[f[0]]), Encoding.UTF8.GetString(line[f[1]]));
            }
            if (!lines.AtEnd) return null;
            return new SearchLayout(today, average, docs, terms, chunks) { Counts = counts };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The lines of the file's body, each without its line break; the body must end with one.</summary>
    private ref struct Lines(byte[] bytes, int start, int end)
    {
        private int _at = start;

        public readonly bool AtEnd => _at == end;

        /// <summary>Where the next line starts in the file.</summary>
        public readonly int At => _at;

        public ReadOnlySpan<byte> Next()
        {
            if (_at >= end) throw new FormatException("line");
            var rest = bytes.AsSpan(_at, end - _at);
            var nl = rest.IndexOf((byte)'\n');
            if (nl < 0) throw new FormatException("line");
            _at += nl + 1;
            return rest[..nl];
        }
    }

    /// <summary>The fields of a line at its tabs, into <paramref name="fields"/>; their number (one more than fits: too many).</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var n = 0;
        var start = 0;
        while (true)
        {
            var tab = line[start..].IndexOf((byte)'\t');
            if (n == fields.Length) return n + 1;
            if (tab < 0)
            {
                fields[n++] = start..line.Length;
                return n;
            }
            fields[n++] = start..(start + tab);
            start += tab + 1;
        }
    }

    /// <summary>The bounds kept per document line: its start, then the end of each of its six fields (the last: the line break).</summary>
    private const int FieldBounds = 7;

    /// <summary>A layout's file as read back: its bytes, each document line's field bounds, lengths and dates.</summary>
    private sealed record Read(byte[] Bytes, int[] Fields, int[] Lengths, DateOnly?[] Dates)
    {
        public ReadOnlySpan<byte> Field(int doc, int field)
        {
            var start = field == 0 ? Fields[doc * FieldBounds] : Fields[doc * FieldBounds + field] + 1;
            return Bytes.AsSpan(start, Fields[doc * FieldBounds + field + 1] - start);
        }

        public string Text(int doc, int field) => Encoding.UTF8.GetString(Field(doc, field));

        public Doc Doc(int i) => new(Text(i, 0), Text(i, 1), Text(i, 2), Lengths[i], Dates[i], Field(i, 5).Length == 0 ? null : Text(i, 5));
    }

    /// <summary>The documents of a layout read back, each made when asked for.</summary>
    private sealed class ReadDocs(Read read) : IReadOnlyList<Doc>
    {
        public Read Read => read;

        public Doc this[int index] => (uint)index < (uint)Count ? read.Doc(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => read.Lengths.Length;

        public IEnumerator<Doc> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return read.Doc(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The file read back, when the documents are its own (a layout made in memory, or a copy given other documents, has none).</summary>
    private Read? ReadBack => Docs is ReadDocs d ? d.Read : null;

    /// <summary>Whether document <paramref name="i"/>'s path is <paramref name="path"/> (compared in place when read back).</summary>
    public bool PathIs(int i, string path) => ReadBack is { } r ? Same(r.Field(i, 0), path) : Docs[i].Path == path;

    /// <summary>Whether document <paramref name="i"/>'s key is <paramref name="key"/>.</summary>
    public bool KeyIs(int i, string key) => ReadBack is { } r ? Same(r.Field(i, 1), key) : Docs[i].Key == key;

    /// <summary>Whether document <paramref name="i"/>'s recorded source hash is that of <paramref name="d"/> (<see cref="SearchTokenCache.HasSource"/>).</summary>
    public bool SourceIs(int i, SearchDocument d) => ReadBack is { } r ? SearchTokenCache.HasSource(d, r.Field(i, 2)) : SearchTokenCache.HasSource(d, Docs[i].Source);

    /// <summary>Whether document <paramref name="i"/>'s text language is <paramref name="lang"/> (null: none).</summary>
    public bool TextLangIs(int i, string? lang) => ReadBack is { } r ? Same(r.Field(i, 5), lang ?? "") : Docs[i].TextLang == lang;

    public string KeyOf(int i) => ReadBack is { } r ? r.Text(i, 1) : Docs[i].Key;

    public string SourceOf(int i) => ReadBack is { } r ? r.Text(i, 2) : Docs[i].Source;

    public int LengthOf(int i) => ReadBack is { } r ? r.Lengths[i] : Docs[i].Length;

    public DateOnly? DateOf(int i) => ReadBack is { } r ? r.Dates[i] : Docs[i].Date;

    /// <summary>
    /// Whether <paramref name="bytes"/> are the UTF-8 of <paramref name="s"/>, exactly (an ASCII text compared in place; any
    /// other encoded and compared, so bytes that only decode to the text, a replaced invalid sequence, are not it).
    /// </summary>
    private static bool Same(ReadOnlySpan<byte> bytes, string s)
    {
        if (bytes.Length == s.Length && Ascii.Equals(bytes, s)) return true;
        if (Ascii.IsValid(s) || bytes.Length < s.Length || bytes.Length > 3 * s.Length) return false;
        Span<byte> buffer = s.Length <= 256 ? stackalloc byte[3 * s.Length] : new byte[3 * s.Length];
        return Encoding.UTF8.TryGetBytes(s, buffer, out var n) && buffer[..n].SequenceEqual(bytes);
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

    private static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name) =>
        line.StartsWith(name) && line.Length > name.Length && line[name.Length] == '\t' ? line[(name.Length + 1)..] : throw new FormatException("value");

    private static int Number(ReadOnlySpan<byte> s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (s.Length == 1 || s[0] != '0') ? n : throw new FormatException("number");

    private static DateOnly ParseDate(ReadOnlySpan<byte> s)
    {
        Span<char> chars = stackalloc char[16];
        if (s.Length > chars.Length) throw new FormatException("date");
        var n = Encoding.UTF8.GetChars(s, chars);
        return DateOnly.ParseExact(chars[..n], "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
