using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Output;

/// <summary>
/// Stage 5, the written site: where the files of a render plan go. <see cref="InMemory"/> (check) only records their
/// paths for the link check; <see cref="Open"/> (build) writes them through <see cref="SiteWriter"/> and makes the
/// build incremental: equal input fingerprints confirm an unchanged site, a page whose inputs hash as in the previous
/// build is left where it is (<see cref="PageReuse"/>), and only files whose bytes changed are written
/// (docs/incremental.md).
/// </summary>
internal sealed class SiteOutput : IDisposable, Search.IPreviousOutput
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly string? _dir;
    private readonly InputFingerprint? _fingerprint;
    private readonly BuildManifest? _previous;
    private SiteWriter? _writer;
    private string? _inputs;
    private Dictionary<string, string> _jobHashes = new(StringComparer.Ordinal);

    private readonly ParallelOptions _parallel;

    private SiteOutput(string? dir, InputFingerprint? fingerprint, BuildManifest? previous, ParallelOptions? parallel = null)
    {
        _parallel = parallel ?? new ParallelOptions();
        _dir = dir;
        _fingerprint = fingerprint;
        _previous = previous;
    }

    public static SiteOutput InMemory() => new(null, null, null);

    /// <summary>
    /// The output folder of a build; hashes the content files (keeping their bytes for the loader), except those whose
    /// stamps say they did not change since the previous build into it. A content file that cannot be read is reported
    /// in <paramref name="diagnostics"/>.
    /// </summary>
    public static SiteOutput Open(string outputDir, ContentTree tree, ParallelOptions parallel, DiagnosticBag diagnostics, PreviousOutput? read = null)
    {
        // What the previous build left, read on another thread while the content was scanned (or here, when it was not).
        if (read?.OutputDir != outputDir) read = null;
        var (stamps, manifest) = read is null ? PreviousOutput.ReadState(outputDir) : read.State;
        // The stamps are recorded once the build has published its output (or confirmed it unchanged): a build that
        // stops writes no state file for them, and the next build reads the changed files again (a few files).
        var fingerprint = InputFingerprint.Compute(tree, diagnostics, parallel, stamps);
        return new(outputDir, fingerprint, manifest, parallel) { _state = BuildState.Of(outputDir) };
    }

    /// <summary>
    /// What a build into <see cref="OutputDir"/> reads of the previous build before it can use it, which does not depend
    /// on the content: the stamps (<see cref="FileStamps"/>) and the manifest (<see cref="BuildManifest"/>).
    /// <see cref="Start"/> begins reading them on another thread, so that they overlap the content scan; the result is
    /// what reading them in line gives (the same calls). Reading only: a build that stops early has written nothing, and
    /// <see cref="Dispose"/> waits for the reads, so none goes on after the build returns.
    /// </summary>
    internal sealed class PreviousOutput : IDisposable
    {
        private readonly Task<(FileStamps, BuildManifest?)> _state;

        private PreviousOutput(string outputDir, ChangeWatch? watch)
        {
            OutputDir = outputDir;
            _state = Task.Run(() => ReadState(outputDir, watch));
        }

        public string OutputDir { get; }

        /// <summary>
        /// Starts the reads (on the thread pool) of a build into <paramref name="outputDir"/>; <paramref name="watch"/> is
        /// told when the previous build began stamping as soon as its stamps are read.
        /// </summary>
        public static PreviousOutput Start(string outputDir, ChangeWatch? watch = null) => new(outputDir, watch);

        /// <summary>The stamps and the manifest, as <see cref="ReadState"/> gives them (waits for them; an unexpected exception is rethrown as it was).</summary>
        public (FileStamps Stamps, BuildManifest? Manifest) State => _state.GetAwaiter().GetResult();

        /// <summary>
        /// Stamps and the load cache are hidden state beside the output (BuildState), never part of the site; the manifest
        /// is in it. <paramref name="watch"/> is told when the previous build began stamping, before the manifest is read.
        /// </summary>
        public static (FileStamps, BuildManifest?) ReadState(string outputDir, ChangeWatch? watch = null)
        {
            var stamps = FileStamps.Read(BuildState.Of(outputDir));
            watch?.Since(stamps.Taken);
            return (stamps, BuildManifest.Read(outputDir));
        }

        public void Dispose()
        {
            try { _state.Wait(); }
            catch (AggregateException) { } // the build that asked has rethrown it, or stopped before it asked
        }
    }

    /// <summary>
    /// The listing of the previous output (<see cref="OutputTree.Scan"/>) for an update in place, begun on another thread
    /// once the build is known to render (<see cref="Unchanged"/> found a change), so that it overlaps the load, the
    /// checks and the plan rather than waiting for <see cref="Start"/>; an unchanged build never lists. Its error, if
    /// any, is thrown where <see cref="Start"/> listed, and reported the same way.
    /// </summary>
    private Task<OutputTree>? _listing;

    /// <summary>Records this build's stamps beside the output (best effort, <see cref="BuildState"/>): after a commit or an unchanged build.</summary>
    private void SaveStamps()
    {
        if (_state is not null) _fingerprint?.SaveStamps(_state);
    }

    private BuildState? _state;

    /// <summary>Content files read to be hashed (the others had unchanged stamps); null for a build that writes nowhere.</summary>
    public int? InputsRead => _fingerprint?.Read;

    /// <summary>
    /// The load cache of this output's build state, keyed by the content hashes; null for a build that writes nowhere.
    /// <paramref name="ahead"/>: its parts as read ahead (<see cref="Content.LoadCache.ReadAhead"/>).
    /// </summary>
    public LoadCache? LoadCache(IReadOnlyList<string> languages, Content.LoadCache.ReadAhead? ahead = null) =>
        _state is null || _fingerprint is null ? null : Content.LoadCache.Open(_state, languages, _fingerprint.HashOf, ahead);

    /// <summary>Every path emitted so far.</summary>
    public IReadOnlySet<string> Paths => _paths;

    /// <summary>Files in the output: the emitted ones, and the marker of a written build.</summary>
    public int FileCount => _paths.Count + (_dir is null ? 0 : 1);

    public PageReuse? Reuse { get; private set; }

    /// <summary>How the search index was made, for the build's result.</summary>
    public Search.SearchIndexStats Search { get; } = new();

    /// <summary>The fingerprint of a build of these inputs (a shard's state records the full site's).</summary>
    public string? InputsOf(string generator, string themeFingerprint, string today) => _fingerprint?.Value(generator, themeFingerprint, today);

    /// <summary>Hash of some content files with <paramref name="global"/>, as a page's inputs are hashed (a shard's site configuration).</summary>
    public string? HashOf(string global, IEnumerable<string> relPaths) => _fingerprint?.ForJob(global, relPaths);

    /// <summary>The previous build, when its inputs were exactly these: nothing needs doing.</summary>
    public BuildManifest? Unchanged(string generator, string themeFingerprint, string today)
    {
        if (_fingerprint is null) return null;
        _inputs = _fingerprint.Value(generator, themeFingerprint, today);
        if (_previous is not { Report: not null } p || p.Inputs != _inputs || p.Generator != generator)
        {
            // Start updates in place a previous output of this generator, after listing it.
            if (_dir is { } dir && _previous?.Generator == generator) _listing ??= Task.Run(() => OutputTree.Scan(dir));
            return null;
        }
        SaveStamps();
        return p;
    }

    /// <summary>
    /// Starts writing: hashes each page's declared inputs (pages without inputs are always rendered) and opens the
    /// staging folder. <paramref name="global"/> is what every page depends on (generator, theme, today). False
    /// (reported, ECO303) when the staging folder cannot be made.
    /// </summary>
    public bool Start(string generator, string global, IEnumerable<(string PageId, IReadOnlyList<string>? Inputs)> pages, DiagnosticBag diagnostics)
    {
        if (_dir is null || _fingerprint is null) return true;
        // The pages' input hashes (a SHA-256 each, 10,000 at 10,000 pages) are made while this thread lists the previous
        // output: the one-page build's walk is otherwise on one core. Each hash lands at its page's index, so the
        // dictionary is filled in the plan's order whatever the threads did.
        var list = pages as IReadOnlyList<(string PageId, IReadOnlyList<string>? Inputs)> ?? pages.ToList();
        var hashes = new string?[list.Count];
        var fingerprint = _fingerprint;
        var hashing = Task.Run(() => Parallel.For(0, list.Count, _parallel, i =>
        {
            if (list[i].Inputs is { } inputs) hashes[i] = fingerprint.ForJob(global, inputs, SiteConfigLoader.FileName);
        }));
        // A previous output of this generator is updated in place (docs/incremental.md); anything else is built whole
        // beside it and swapped in.
        var update = _previous is not null && _previous.Generator == generator;
        try
        {
            _writer = update ? SiteWriter.BeginUpdate(_dir, _listing?.GetAwaiter().GetResult() ?? OutputTree.Scan(_dir)) : SiteWriter.Begin(_dir);
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            hashing.Wait();
            diagnostics.Add(SiteWriter.Failed(_dir, e, update ? "listing the previous output" : "creating the staging folder beside the output"));
            return false;
        }
        hashing.GetAwaiter().GetResult();
        _jobHashes.EnsureCapacity(list.Count);
        for (var i = 0; i < list.Count; i++)
            if (hashes[i] is { } hash) _jobHashes[list[i].PageId] = hash;
        if (update) Reuse = new PageReuse(_writer.Previous!, _previous!, _jobHashes, LinkState.Load(Read));
        DigestGlobal = _fingerprint.ForJob(global, [SiteConfigLoader.FileName]);
        return true;
    }

    /// <summary>
    /// What every page's view digest starts with: generator, theme, today and site.yaml, as for a page's declared
    /// inputs; null when nothing is written (no digests are computed).
    /// </summary>
    public string? DigestGlobal { get; private set; }

    private readonly SortedDictionary<string, string> _digests = new(StringComparer.Ordinal);

    /// <summary>Records the view digest of a page without declared inputs for the next build (thread-safe).</summary>
    public void RecordDigest(string outputPath, string digest)
    {
        lock (_digests) _digests[outputPath] = digest;
    }

    /// <summary>
    /// Whether a file that is not a page (the sitemap, an open dataset: docs/incremental.md, "Files that are not pages")
    /// can stay as published: <paramref name="digest"/>, a hash of everything it is made from, is the one the previous
    /// build recorded for its path, and the previous output has it as a regular file. The digest is recorded for the
    /// next build either way (thread-safe). False when nothing is written or there is no digest.
    /// </summary>
    public bool Keeps(string path, string? digest)
    {
        if (digest is null || DigestGlobal is null) return false;
        RecordDigest(path, digest);
        return _writer?.Previous is not null && _previous is { } manifest
            && manifest.Digests.TryGetValue(path, out var before) && before == digest && Has(path);
    }

    /// <summary>A build-state file (<see cref="RenderState"/>) of the previous output of this generator; null when there is none.</summary>
    public string? PreviousState(string path) =>
        _writer?.Previous is { } tree && tree.Files.Contains(path) ? RenderState.Read(tree.PathOf(path)) : null;

    /// <summary>A file of the previous output of this generator (the listing found a regular file there); null otherwise.</summary>
    public byte[]? Read(string path)
    {
        if (!Has(path)) return null;
        try
        {
            return FileProbe.ReadAllBytes(_writer!.Previous!.PathOf(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the previous output of this generator had a regular file at <paramref name="path"/> when it was listed
    /// (<see cref="OutputTree"/>), which can be kept.
    /// </summary>
    public bool Has(string path) => _writer?.Previous is { } tree && tree.Files.Contains(path);

    /// <summary>Takes one file; thread-safe. Two files at one path are a bug in a page module, not a content problem.</summary>
    public void Emit(OutputFile file)
    {
        lock (_lock)
        {
            if (!_paths.Add(file.Path)) throw new InvalidOperationException($"two outputs claim {file.Path}");
        }
        // A kept file has nothing to write: it does not go through the writers' queue (a one-page build keeps thousands).
        if (file is not ReusedFile) _writer?.Enqueue(file);
    }

    /// <summary>Waits for every file to be written.</summary>
    public void Flush() => _writer?.Flush();

    /// <summary>Publishes the written site with its manifest; false (reported) when the file system refused.</summary>
    public bool Commit(string generator, int pages, DiagnosticBag diagnostics, SiteReport report)
    {
        if (_writer is null) return true;
        try
        {
            _writer.Commit(new BuildManifest(generator, _inputs!, pages, FileCount, diagnostics.ToSortedList(), _jobHashes) { Report = report, Digests = _digests }, _paths);
            SaveStamps();
            return true;
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            diagnostics.Add(SiteWriter.Failed(_dir!, e, _writer.Previous is null ? "replacing the output folder" : "updating the output folder"));
            return false;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        // A build that stopped before it wrote: the listing ends before the build returns (its result is nobody's).
        try { _listing?.Wait(); }
        catch (AggregateException) { }
    }
}
