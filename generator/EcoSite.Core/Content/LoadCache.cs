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
/// <summary>
/// What loading each Markdown file produced in the previous build into the same output (state files <c>load-00</c> to
/// <c>load-3f</c>, see <see cref="BuildState"/>): the article version with its rendered body, the diagnostics the file
/// reported, and the lookups its links and attachments made in the content tree. A file is parsed again unless its
/// SHA-256, its path and every lookup's answer (present, with the same size) are the recorded ones; a part is ignored
/// when the generator (<see cref="InputFingerprint.Tool"/>, which changes with any change to its code) or the site's
/// languages differ, or when it is missing, garbled or not as a build writes it (its files are then parsed again).
/// Nothing else reaches an article's parse (the loader takes no clock and no other setting), so a cached result is
/// what parsing the file again would give, and the site is assembled from cached and fresh results as a cold load
/// assembles it (docs/incremental.md, "The load cache").
/// The entries are spread over <see cref="Parts"/> files by a hash of their paths (<see cref="PartOf"/>), so a one-file
/// change rewrites and checksums one part; an entry is framed by its length and only its path is decoded when its part
/// is read, the rest when its file asks for it. The format is a small hand-written binary one (no reflection: Native
/// AOT), each part checked by <see cref="BuildState"/>.
/// </summary>
internal sealed class LoadCache
{
    private const string Format = "EcoSite load cache 2";

    /// <summary>How many files the entries are spread over (a function of nothing but the path, so a cold build makes the same parts).</summary>
    public const int Parts = 64;

    /// <summary>The state file of a part: <c>load-00</c> to <c>load-3f</c>.</summary>
    public static string PartName(int part) => "load-" + part.ToString("x2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The state file of the cache before it was in parts (2026-12-03), deleted by the first save.</summary>
    private const string Whole = "load";

    /// <summary>The part an entry is kept in: FNV-1a over the path's UTF-16 code units, modulo <see cref="Parts"/>.</summary>
    public static int PartOf(string relPath)
    {
        var h = 2166136261u;
        foreach (var c in relPath) h = (h ^ c) * 16777619u;
        return (int)(h % Parts);
    }

    private readonly BuildState _state;
    private readonly string _key;
    private readonly Func<string, byte[]?> _hashOf;
    // Each part's entries by path, as read (with their number in the part); null when the part is missing or unusable.
    private readonly Dictionary<string, Recorded>?[] _previous;
    // Per part, which of its entries this build took (by number): a taken entry is written back as it was read. One
    // flag an entry rather than a concurrent dictionary node per file (10,000 a build, for the one part rewritten).
    private readonly bool[]?[] _taken;
    // The entries this build parsed, by path.
    private readonly ConcurrentDictionary<string, Entry> _fresh = new(StringComparer.Ordinal);
    // Per part: entries taken from it, and whether an entry was parsed into it (both make a part be written again).
    private readonly int[] _reusedIn = new int[Parts];
    private readonly bool[] _parsedIn = new bool[Parts];
    private int _parsed;
    private int _reused;
    private bool _saved;

    private LoadCache(BuildState state, string key, Func<string, byte[]?> hashOf, Dictionary<string, Recorded>?[] previous)
    {
        _state = state;
        _key = key;
        _hashOf = hashOf;
        _previous = previous;
        _taken = new bool[]?[Parts];
        for (var i = 0; i < Parts; i++) _taken[i] = previous[i] is { } entries ? new bool[entries.Count] : null;
    }

    /// <summary>An entry of a part as read: its bytes as written (path, length, rest) and its number in the part.</summary>
    internal readonly record struct Recorded(ReadOnlyMemory<byte> Raw, int Index);

    /// <summary>Markdown files parsed by this build (the others came from the cache).</summary>
    public int Parsed => _parsed;

    /// <summary>Markdown files taken from the cache.</summary>
    public int Reused => _reused;

    /// <summary>An entry of this build: the bytes read (kept, written back as they are) or a fresh parse's.</summary>
    private readonly record struct Next(ReadOnlyMemory<byte> Raw, Entry? Fresh);

    private sealed record Entry(byte[] Hash, IReadOnlyList<(string RelPath, long Bytes)> Lookups, IReadOnlyList<Diagnostic> Diagnostics, LoadedVersion? Result);

    /// <summary>
    /// The cache of <paramref name="state"/> for this generator and these languages; parts that do not fit are empty.
    /// <paramref name="ahead"/>, when it reads the same folder, gives the parts it read (see <see cref="ReadAhead"/>).
    /// </summary>
    public static LoadCache Open(BuildState state, IReadOnlyList<string> languages, Func<string, byte[]?> hashOf, ReadAhead? ahead = null)
    {
        var key = $"{InputFingerprint.Tool}\n{string.Join(",", languages)}";
        Dictionary<string, Recorded>?[] previous;
        if (ahead is not null && ahead.Folder == state.Folder) previous = ahead.Take(key);
        else
        {
            var parts = new Dictionary<string, Recorded>?[Parts];
            Parallel.For(0, Parts, i => parts[i] = ReadPart(state.Read(PartName(i)), i, out var read) is { } entries && read == key ? entries : null);
            previous = parts;
        }
        return new LoadCache(state, key, hashOf, previous);
    }

    /// <summary>
    /// The parts of a build state read ahead on another thread while a build does its serial work before the load
    /// (listing the content, reading the stamps and site.yaml, hashing the changed files), which leaves the second core
    /// idle at times: a one-page build then finds them read and checked. The reading begins only once the build knows
    /// a content file changed (<see cref="Begin"/>, told by a <see cref="ChangeWatch"/> during the content scan): an
    /// unchanged build, which never loads, reads none of them (17 MB at 10,000 pages). Nothing is decided from them
    /// here: each part keeps the generator and languages it was written for, and <see cref="Take"/> gives only the parts
    /// written for the build's own (site.yaml is not read yet when the reading begins). A part is read at most once, by
    /// this thread or by the one that takes them, which reads the parts not read yet itself (and begins the reading on
    /// the other thread, if no change was seen); <see cref="Dispose"/> (a build that stops, or finds its output
    /// unchanged) stops the reading after the part in hand, or keeps it from beginning. Reading the state is all it
    /// does, so a build that never takes the parts is as it would have been, the reading aside.
    /// </summary>
    public sealed class ReadAhead : IDisposable
    {
        private readonly BuildState _state;
        private readonly (Dictionary<string, Recorded>? Entries, string? Key)[] _parts = new (Dictionary<string, Recorded>?, string?)[Parts];
        // The reading on the other thread: null until it begins; a completed task once disposed (it never begins then).
        private Task? _task;
        private int _next = -1;
        private volatile bool _stopped;

        private ReadAhead(BuildState state)
        {
            _state = state;
            Watch = new ChangeWatch(Begin);
        }

        /// <summary>The state folder read.</summary>
        public string Folder => _state.Folder;

        /// <summary>What begins the reading when it sees a changed content file: given to the content scan and to the previous stamps' reading.</summary>
        public ChangeWatch Watch { get; }

        /// <summary>
        /// A reading of the load cache of the build state of <paramref name="outputDir"/>, not begun; null (nothing to
        /// read) when it has no state folder, as before a cold build, or the folder cannot be told.
        /// </summary>
        public static ReadAhead? Of(string outputDir)
        {
            try
            {
                var state = BuildState.Of(outputDir);
                return FileProbe.Kind(state.Folder) == FileKind.Directory ? new ReadAhead(state) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>Whether the reading on the other thread has begun (a change was seen, or the parts were taken).</summary>
        public bool Begun => Volatile.Read(ref _task) is { } task && task != Disposed;

        private static readonly Task Disposed = Task.CompletedTask;

        /// <summary>Begins the reading on the thread pool, unless it has begun or the reading was disposed; thread-safe.</summary>
        public void Begin()
        {
            var task = new Task(Read);
            if (Interlocked.CompareExchange(ref _task, task, null) is null) task.Start(TaskScheduler.Default);
        }

        private void Read()
        {
            while (!_stopped)
            {
                var i = Interlocked.Increment(ref _next);
                if (i >= Parts) return;
                var entries = ReadPart(_state.Read(PartName(i)), i, out var key);
                _parts[i] = (entries, key);
            }
        }

        /// <summary>Every part, read by now or here, each only when it was written for <paramref name="key"/> (else null).</summary>
        public Dictionary<string, Recorded>?[] Take(string key)
        {
            _stopped = false;
            Begin();
            Read();
            // The parts the other thread has in hand; it reads no other once this thread has claimed the rest.
            _task!.Wait();
            var parts = new Dictionary<string, Recorded>?[Parts];
            for (var i = 0; i < Parts; i++) parts[i] = _parts[i].Key == key ? _parts[i].Entries : null;
            return parts;
        }

        /// <summary>
        /// Stops the reading after the part in hand, and waits for it: once a build has returned, nothing reads its
        /// state any more (a test that deletes the folder, a build that follows).
        /// </summary>
        public void Dispose()
        {
            _stopped = true;
            Interlocked.CompareExchange(ref _task, Disposed, null);
            try
            {
                _task.Wait();
            }
            catch (AggregateException)
            {
                // The reading's own failure: the build that took the parts saw it; one that did not needs nothing from it.
            }
        }
    }

    /// <summary>
    /// The article of <paramref name="file"/>: the recorded one (with its diagnostics added again) when nothing it
    /// depends on changed, else <paramref name="parse"/>'s, recorded for the next build.
    /// </summary>
    public LoadedVersion? Load(ContentFile file, ContentTree tree, DiagnosticBag diagnostics, Func<DiagnosticBag, LoadedVersion?> parse)
    {
        var rel = file.RelPath;
        var part = PartOf(rel);
        var hash = _hashOf(rel);
        if (hash is not null && _previous[part] is { } entries && entries.TryGetValue(rel, out var recorded)
            && Decode(recorded.Raw, rel, hash, tree) is { } known)
        {
            if (known.Diagnostics.Count > 0) diagnostics.AddRange(known.Diagnostics);
            // Each file is loaded once, so each flag is set by one thread; Save reads them after the parallel load has joined.
            _taken[part]![recorded.Index] = true;
            Interlocked.Increment(ref _reusedIn[part]);
            Interlocked.Increment(ref _reused);
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
        if (hash is not null)
        {
            _fresh[rel] = new Entry(hash, lookups.Distinct().ToList(), reported, result);
            Volatile.Write(ref _parsedIn[part], true);
        }
        return result;
    }

    /// <summary>
    /// Records the parts whose entries changed: one that an entry was parsed into, or that gave fewer entries than it
    /// holds (a file gone, changed or no longer recorded), is written again from this build's entries of it (deleted
    /// when it has none); the others are left as they are. Best effort, as every state file (<see cref="BuildState"/>).
    /// </summary>
    public void Save()
    {
        // Once: the entries are let go after it (below).
        if (_saved) return;
        _saved = true;
        List<(string Rel, Next Entry)>?[]? byPart = null;
        for (var i = 0; i < Parts; i++)
        {
            if (!_parsedIn[i] && _reusedIn[i] == (_previous[i]?.Count ?? 0)) continue;
            if (byPart is null)
            {
                byPart = new List<(string, Next)>?[Parts];
                foreach (var (rel, entry) in _fresh) (byPart[PartOf(rel)] ??= []).Add((rel, new Next(default, entry)));
            }
            if (_previous[i] is { } previous && _taken[i] is { } taken)
                foreach (var (rel, recorded) in previous)
                    if (taken[recorded.Index]) (byPart[i] ??= []).Add((rel, new Next(recorded.Raw, null)));
            var entries = byPart[i];
            if (entries is null)
            {
                Delete(PartName(i));
                continue;
            }
            entries.Sort((a, b) => string.CompareOrdinal(a.Rel, b.Rel));
            var part = i;
            _state.Write(PartName(i), stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(Format);
                writer.Write(_key);
                writer.Write(part);
                writer.Write(entries.Count);
                foreach (var (rel, entry) in entries)
                {
                    if (entry.Fresh is { } fresh) WriteFramed(writer, rel, fresh);
                    else writer.Write(entry.Raw.Span);
                }
            });
        }
        if (byPart is not null) Delete(Whole);
        // What was read and recorded is not needed after this: the loaded site keeps only the entries' results. Let go of
        // the parts' lookups (one path string an entry) and this build's entries before the render, whose every full
        // collection would mark them again.
        Array.Clear(_previous);
        Array.Clear(_taken);
        _fresh.Clear();
    }

    private void Delete(string name)
    {
        try
        {
            var path = _state.PathOf(name);
            if (FileProbe.Kind(path) == FileKind.Regular) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// A part's entries by path, each its bytes as written (the path, the length of the rest, the rest), with the
    /// generator and languages it was written for (<paramref name="key"/>, which the caller compares with its own), or
    /// null when the part is missing, of another format or part, or does not read back whole.
    /// </summary>
    private static Dictionary<string, Recorded>? ReadPart(ReadOnlyMemory<byte>? bytes, int part, out string? key)
    {
        key = null;
        if (bytes is not { } payload) return null;
        try
        {
            var reader = new StateReader(payload);
            if (!reader.StringIs(Format)) return null;
            var written = reader.ReadString();
            if (reader.ReadInt32() != part) return null;
            var count = reader.ReadInt32();
            if (count < 0 || count > payload.Length) return null;
            var entries = new Dictionary<string, Recorded>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var start = reader.Position;
                var rel = reader.ReadString();
                reader.Skip(reader.ReadInt32());
                // A build writes them in ordinal order of their paths, each in its path's part; neither is needed to read
                // them (an entry in another part is never asked for), but a path twice is not as a build writes it.
                entries.Add(rel, new Recorded(payload[start..reader.Position], i));
            }
            if (reader.Position != payload.Length) return null;
            key = written;
            return entries;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The entry framed in <paramref name="raw"/> when it holds <paramref name="hash"/> and every lookup it recorded
    /// gets the same answer from <paramref name="tree"/>; null otherwise, and when it does not read back whole (then
    /// the file is parsed again).
    /// </summary>
    private static Entry? Decode(ReadOnlyMemory<byte> raw, string rel, byte[] hash, ContentTree tree)
    {
        try
        {
            var r = new StateReader(raw);
            r.Skip(r.ReadLength());
            var length = r.ReadInt32();
            if (length != r.Length - r.Position) return null;
            if (!r.Take(32).SequenceEqual(hash)) return null;
            var pool = Pool.Get();
            for (var n = Count(r); n > 0; n--)
            {
                var path = pool.Read(r);
                if ((tree.Find(path)?.Bytes ?? -1) != r.ReadInt64()) return null;
            }
            var (diagnostics, result) = ReadRest(r, rel, pool);
            return r.Position == r.Length ? new Entry(hash, [], diagnostics, result) : null;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>An entry as a part holds it: its path, the length of the rest, the rest (<see cref="WriteRest"/>).</summary>
    private static void WriteFramed(BinaryWriter w, string rel, Entry e)
    {
        using var rest = new MemoryStream();
        using (var inner = new BinaryWriter(rest, Encoding.UTF8, leaveOpen: true)) WriteRest(inner, e);
        w.Write(rel);
        w.Write(checked((int)rest.Length));
        w.Write(rest.GetBuffer(), 0, (int)rest.Length);
    }

    private static void WriteRest(BinaryWriter w, Entry e)
    {
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
        w.Write(v.PlaceholderInBody);
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

    /// <summary>
    /// An entry's diagnostics and result, after its lookups. Short strings that repeat across entries (codes, paths,
    /// languages, park ids) come from <paramref name="pool"/>; one equal to the entry's path is that string.
    /// </summary>
    private static readonly List<Diagnostic> NoDiagnostics = [];

    private static (List<Diagnostic>, LoadedVersion?) ReadRest(StateReader r, string rel, Pool pool)
    {
        var n = Count(r);
        var diagnostics = n == 0 ? NoDiagnostics : new List<Diagnostic>(n);
        for (; n > 0; n--)
        {
            var code = pool.Read(r);
            var severity = r.ReadBoolean() ? Severity.Error : Severity.Warning;
            diagnostics.Add(new Diagnostic(code, severity, pool.Read(r, rel), r.ReadInt32(), r.ReadInt32(), r.ReadString()));
        }
        if (!r.ReadBoolean()) return (diagnostics, null);
        var parkId = pool.Read(r);
        var section = (Section)InRange(r.ReadInt32(), (int)Section.Pages);
        var slug = r.ReadString();
        var lang = pool.Read(r);
        var file = pool.Read(r, rel);
        var title = r.ReadString();
        var day = r.ReadInt32();
        DateOnly? date = day < 0 ? null : DateOnly.FromDayNumber(day);
        var kind = (NewsKind)InRange(r.ReadInt32(), (int)NewsKind.Report);
        var summary = r.ReadString();
        // The body, by far the largest string, stays UTF-8 until something asks for it.
        var html = r.TakeStringMemory();
        var placeholder = r.ReadBoolean();
        var count = Count(r);
        var attachments = new List<Attachment>(count);
        for (; count > 0; count--) attachments.Add(new Attachment(r.ReadString(), pool.Read(r), r.ReadInt64()));
        CaseInfo? caseInfo = null;
        if (r.ReadBoolean())
        {
            var enterprise = r.ReadBoolean() ? new EnterpriseRef(r.ReadString(), pool.Read(r, rel), new SourcePos(r.ReadInt32(), r.ReadInt32())) : null;
            var technology = ReadText(r);
            caseInfo = new CaseInfo(enterprise, technology, new Benefits(ReadNumber(r), ReadNumber(r), ReadNumber(r), ReadNumber(r), ReadNumber(r)));
        }
        DocumentRecord? record = null;
        if (r.ReadBoolean()) record = new DocumentRecord(ReadString(r), ReadText(r), ReadString(r));
        var version = new ArticleVersion(lang, file, title, date, kind, summary, null!, attachments, caseInfo)
        {
            BodyUtf8 = html, Record = record, PlaceholderInBody = placeholder,
        };
        return (diagnostics, new LoadedVersion(parkId, section, slug, version));
    }

    /// <summary>
    /// Strings of this thread's decoding that repeat across entries, each made once: decoded into a buffer on the stack
    /// and looked up by its characters, so a string already made costs no allocation.
    /// </summary>
    private sealed class Pool
    {
        private const int MaxChars = 256;

        [ThreadStatic]
        private static Pool? t_pool;

        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        private Pool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public static Pool Get() => t_pool ??= new Pool();

        /// <summary>The next string of <paramref name="r"/>; <paramref name="same"/> itself when it is equal to it.</summary>
        public string Read(StateReader r, string? same = null)
        {
            var bytes = r.TakeString();
            if (bytes.Length > MaxChars) return Encoding.UTF8.GetString(bytes);
            Span<char> chars = stackalloc char[MaxChars];
            var n = Encoding.UTF8.GetChars(bytes, chars);
            var span = chars[..n];
            if (same is not null && span.SequenceEqual(same)) return same;
            if (_lookup.TryGetValue(span, out var known)) return known;
            // A long-running process (serve) keeps its threads: the pool does not grow without end.
            if (_strings.Count >= 100_000) _strings.Clear();
            var made = new string(span);
            _strings[made] = made;
            return made;
        }
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
