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

    /// <summary>The file; null when a path or a language cannot be written on a line (then there is no layout, cold or not).</summary>
    public string? ToText(IReadOnlyList<(char Bucket, string Sha)> counts)
    {
        var sb = new StringBuilder(RenderState.Header(Kind), 64 + Docs.Count * 100 + Terms.Count * 40);
        sb.Append("today\t").Append(Iso(Today)).Append('\n')
            .Append("average\t").Append(Average.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("counts\t").Append(counts.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (bucket, sha) in counts) sb.Append(bucket).Append('\t').Append(sha).Append('\n');
        sb.Append("docs\t").Append(Docs.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var d in Docs)
        {
            if (!Plain(d.Path) || d.Path.Length == 0 || (d.TextLang is { } l && (!Plain(l) || l.Length == 0))) return null;
            sb.Append(d.Path).Append('\t').Append(d.Key).Append('\t').Append(d.Source).Append('\t').Append(d.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(d.Date is { } date ? Iso(date) : "").Append('\t').Append(d.TextLang ?? "").Append('\n');
        }
        sb.Append("terms\t").Append(Terms.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (first, name) in Terms)
        {
            if (!Plain(first)) return null;
            sb.Append(name).Append('\t').Append(first).Append('\n');
        }
        sb.Append("dchunks\t").Append(Documents.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (first, name) in Documents)
            sb.Append(first.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(name).Append('\n');
        var hash = Sha(Encoding.UTF8.GetBytes(sb.ToString(RenderState.Header(Kind).Length, sb.Length - RenderState.Header(Kind).Length)));
        sb.Append("sha256\t").Append(hash).Append('\n');
        return sb.ToString();
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
