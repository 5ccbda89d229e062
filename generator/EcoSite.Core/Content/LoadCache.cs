using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Output;

namespace EcoSite.Core.Content;

/// <summary>
/// What loading each Markdown file produced in the previous build into the same output (state file <c>load</c>, see
/// <see cref="BuildState"/>): the article version with its rendered body, the diagnostics the file reported, and the
/// lookups its links and attachments made in the content tree. A file is parsed again unless its SHA-256, its path and
/// every lookup's answer (present, with the same size) are the recorded ones; the whole cache is ignored when the
/// generator (<see cref="InputFingerprint.Tool"/>, which changes with any change to its code) or the site's languages
/// differ. Nothing else reaches an article's parse (the loader takes no clock and no other setting), so a cached
/// result is what parsing the file again would give, and the site is assembled from cached and fresh results as a
/// cold load assembles it (docs/incremental.md, "The load cache").
/// The format is a small hand-written binary one (no reflection: Native AOT), checked by <see cref="BuildState"/>.
/// </summary>
internal sealed class LoadCache
{
    private const string Format = "EcoSite load cache 1";

    private readonly BuildState _state;
    private readonly string _key;
    private readonly Func<string, byte[]?> _hashOf;
    private readonly Dictionary<string, Entry> _previous;
    private readonly ConcurrentDictionary<string, Entry> _next = new(StringComparer.Ordinal);
    private int _parsed;

    private LoadCache(BuildState state, string key, Func<string, byte[]?> hashOf, Dictionary<string, Entry> previous)
    {
        _state = state;
        _key = key;
        _hashOf = hashOf;
        _previous = previous;
    }

    /// <summary>Markdown files parsed by this build (the others came from the cache).</summary>
    public int Parsed => _parsed;

    /// <summary>Markdown files taken from the cache.</summary>
    public int Reused => _next.Count(e => e.Value.Reused);

    private sealed record Entry(byte[] Hash, IReadOnlyList<(string RelPath, long Bytes)> Lookups, IReadOnlyList<Diagnostic> Diagnostics, LoadedVersion? Result)
    {
        public bool Reused { get; init; }

        /// <summary>The entry's bytes as read, written back as they are: a one-file change does not encode 10,000 entries again.</summary>
        public ReadOnlyMemory<byte> Raw { get; init; }
    }

    /// <summary>The cache of <paramref name="state"/> for this generator and these languages; empty when there is none that fits.</summary>
    public static LoadCache Open(BuildState state, IReadOnlyList<string> languages, Func<string, byte[]?> hashOf)
    {
        var key = $"{InputFingerprint.Tool}\n{string.Join(",", languages)}";
        return new LoadCache(state, key, hashOf, Read(state.Read("load"), key));
    }

    /// <summary>
    /// The article of <paramref name="file"/>: the recorded one (with its diagnostics added again) when nothing it
    /// depends on changed, else <paramref name="parse"/>'s, recorded for the next build.
    /// </summary>
    public LoadedVersion? Load(ContentFile file, ContentTree tree, DiagnosticBag diagnostics, Func<DiagnosticBag, LoadedVersion?> parse)
    {
        var rel = file.RelPath;
        var hash = _hashOf(rel);
        if (hash is not null && _previous.TryGetValue(rel, out var known) && known.Hash.AsSpan().SequenceEqual(hash) && Same(known.Lookups, tree))
        {
            diagnostics.AddRange(known.Diagnostics);
            _next[rel] = known with { Reused = true };
            return known.Result;
        }
        Interlocked.Increment(ref _parsed);
        // The hash must be of the bytes parsed: the fingerprint's is when it kept them; otherwise (its stamp vouched
        // for the file) read them here, hash them and hand them to the loader.
        if (!tree.HasKept(file))
        {
            hash = null;
            if (file.Bytes <= SourceText.MaxFileBytes)
            {
                try
                {
                    var bytes = FileProbe.ReadAllBytes(file.FullPath);
                    hash = SHA256.HashData(bytes);
                    tree.Keep(file, bytes);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The loader reads it again and reports what fails.
                }
            }
        }
        var own = new DiagnosticBag();
        var result = ContentTree.RecordLookups(() => parse(own), out var lookups);
        var reported = own.ToSortedList();
        diagnostics.AddRange(reported);
        if (hash is not null) _next[rel] = new Entry(hash, lookups.Distinct().ToList(), reported, result);
        return result;
    }

    private static bool Same(IReadOnlyList<(string RelPath, long Bytes)> lookups, ContentTree tree)
    {
        foreach (var (rel, bytes) in lookups)
            if ((tree.Find(rel)?.Bytes ?? -1) != bytes) return false;
        return true;
    }

    /// <summary>
    /// Records the entries of this build's files (a file no longer loaded drops out) when any was parsed or dropped;
    /// best effort, as every state file (<see cref="BuildState"/>).
    /// </summary>
    public void Save()
    {
        if (_parsed == 0 && _next.Count == _previous.Count) return;
        _state.Write("load", stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Format);
            writer.Write(_key);
            var entries = _next.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            writer.Write(entries.Count);
            foreach (var (rel, entry) in entries)
            {
                if (entry.Raw.IsEmpty) Write(writer, rel, entry);
                else writer.Write(entry.Raw.Span);
            }
        });
    }

    private static Dictionary<string, Entry> Read(ReadOnlyMemory<byte>? bytes, string key)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (bytes is not { } payload) return entries;
        try
        {
            var reader = new StateReader(payload);
            if (reader.ReadString() != Format || reader.ReadString() != key) return entries;
            var count = reader.ReadInt32();
            if (count < 0 || count > payload.Length) return entries;
            entries.EnsureCapacity(count);
            for (var i = 0; i < count; i++)
            {
                var start = reader.Position;
                var (rel, entry) = ReadEntry(reader);
                entries[rel] = entry with { Raw = payload[start..reader.Position] };
            }
            if (reader.Position == payload.Length) return entries;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or OverflowException)
        {
        }
        // A cache that does not read back whole is not used at all.
        return new Dictionary<string, Entry>(StringComparer.Ordinal);
    }

    private static void Write(BinaryWriter w, string rel, Entry e)
    {
        w.Write(rel);
        w.Write(e.Hash);
        w.Write(e.Lookups.Count);
        foreach (var (path, bytes) in e.Lookups)
        {
            w.Write(path);
            w.Write(bytes);
        }
        w.Write(e.Diagnostics.Count);
        foreach (var d in e.Diagnostics)
        {
            w.Write(d.Code);
            w.Write(d.Severity == Severity.Error);
            w.Write(d.File);
            w.Write(d.Line);
            w.Write(d.Column);
            w.Write(d.Message);
        }
        w.Write(e.Result is not null);
        if (e.Result is not { } r) return;
        w.Write(r.ParkId);
        w.Write((int)r.Section);
        w.Write(r.Slug);
        var v = r.Version;
        w.Write(v.Lang);
        w.Write(v.File);
        w.Write(v.Title);
        w.Write(v.Date?.DayNumber ?? -1);
        w.Write((int)v.Kind);
        w.Write(v.Summary);
        w.Write(v.BodyHtml);
        w.Write(v.Attachments.Count);
        foreach (var a in v.Attachments)
        {
            w.Write(a.Name);
            w.Write(a.SitePath);
            w.Write(a.Bytes);
        }
        w.Write(v.Case is not null);
        if (v.Case is { } c)
        {
            w.Write(c.Enterprise is not null);
            if (c.Enterprise is { } ent)
            {
                w.Write(ent.Id);
                w.Write(ent.File);
                w.Write(ent.Pos.Line);
                w.Write(ent.Pos.Column);
            }
            WriteText(w, c.Technology);
            foreach (var n in new[] { c.Benefits.EnergySavedTce, c.Benefits.WaterSavedM3, c.Benefits.Co2ReducedT, c.Benefits.SolidWasteUtilisedT, c.Benefits.EconomicBenefit10kCny })
                WriteNumber(w, n);
        }
        w.Write(v.Record is not null);
        if (v.Record is { } rec)
        {
            WriteString(w, rec.IndexNo);
            WriteText(w, rec.Publisher);
            WriteString(w, rec.DocNo);
        }
    }

    private static (string, Entry) ReadEntry(StateReader r)
    {
        var rel = r.ReadString();
        var hash = r.ReadBytes(32);
        if (hash.Length != 32) throw new InvalidDataException("cut short");
        var lookups = new List<(string, long)>();
        for (var n = Count(r); n > 0; n--) lookups.Add((r.ReadString(), r.ReadInt64()));
        var diagnostics = new List<Diagnostic>();
        for (var n = Count(r); n > 0; n--)
        {
            var code = r.ReadString();
            var severity = r.ReadBoolean() ? Severity.Error : Severity.Warning;
            diagnostics.Add(new Diagnostic(code, severity, r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString()));
        }
        if (!r.ReadBoolean()) return (rel, new Entry(hash, lookups, diagnostics, null));
        var parkId = r.ReadString();
        var section = (Section)InRange(r.ReadInt32(), (int)Section.Pages);
        var slug = r.ReadString();
        var lang = r.ReadString();
        var file = r.ReadString();
        var title = r.ReadString();
        var day = r.ReadInt32();
        DateOnly? date = day < 0 ? null : DateOnly.FromDayNumber(day);
        var kind = (NewsKind)InRange(r.ReadInt32(), (int)NewsKind.Report);
        var summary = r.ReadString();
        var html = r.ReadString();
        var attachments = new List<Attachment>();
        for (var n = Count(r); n > 0; n--) attachments.Add(new Attachment(r.ReadString(), r.ReadString(), r.ReadInt64()));
        CaseInfo? caseInfo = null;
        if (r.ReadBoolean())
        {
            var enterprise = r.ReadBoolean() ? new EnterpriseRef(r.ReadString(), r.ReadString(), new SourcePos(r.ReadInt32(), r.ReadInt32())) : null;
            var technology = ReadText(r);
            caseInfo = new CaseInfo(enterprise, technology, new Benefits(ReadNumber(r), ReadNumber(r), ReadNumber(r), ReadNumber(r), ReadNumber(r)));
        }
        DocumentRecord? record = null;
        if (r.ReadBoolean()) record = new DocumentRecord(ReadString(r), ReadText(r), ReadString(r));
        var version = new ArticleVersion(lang, file, title, date, kind, summary, html, attachments, caseInfo) { Record = record };
        return (rel, new Entry(hash, lookups, diagnostics, new LoadedVersion(parkId, section, slug, version)));
    }

    private static int Count(StateReader r)
    {
        var n = r.ReadInt32();
        return n is >= 0 and <= 1_000_000 ? n : throw new InvalidDataException("bad count");
    }

    private static int InRange(int value, int max) => value >= 0 && value <= max ? value : throw new InvalidDataException("bad value");

    private static void WriteString(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadString(StateReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteNumber(BinaryWriter w, double? n)
    {
        w.Write(n.HasValue);
        if (n is { } v) w.Write(v);
    }

    private static double? ReadNumber(StateReader r) => r.ReadBoolean() ? r.ReadDouble() : null;

    private static void WriteText(BinaryWriter w, LocalizedText? text)
    {
        w.Write(text?.Values.Count ?? -1);
        if (text is null) return;
        foreach (var (lang, value) in text.Values)
        {
            w.Write(lang);
            w.Write(value);
        }
    }

    private static LocalizedText? ReadText(StateReader r)
    {
        var n = r.ReadInt32();
        if (n < 0) return null;
        if (n > 1000) throw new InvalidDataException("bad count");
        var values = new List<KeyValuePair<string, string>>(n);
        for (var i = 0; i < n; i++) values.Add(new(r.ReadString(), r.ReadString()));
        return new LocalizedText(values);
    }
}
