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

    private SiteOutput(string? dir, InputFingerprint? fingerprint, BuildManifest? previous)
    {
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
    public static SiteOutput Open(string outputDir, ContentTree tree, ParallelOptions parallel, DiagnosticBag diagnostics)
    {
        // Stamps and the load cache are hidden state beside the output (BuildState), never part of the site.
        var state = BuildState.Of(outputDir);
        // The stamps are recorded once the build has published its output (or confirmed it unchanged): a build that
        // stops writes no state file for them, and the next build reads the changed files again (a few files).
        var fingerprint = InputFingerprint.Compute(tree, diagnostics, parallel, FileStamps.Read(state));
        return new(outputDir, fingerprint, BuildManifest.Read(outputDir)) { _state = state };
    }

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
        if (_previous is not { Report: not null } p || p.Inputs != _inputs || p.Generator != generator) return null;
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
        foreach (var (pageId, inputs) in pages)
            if (inputs is not null) _jobHashes[pageId] = _fingerprint.ForJob(global, inputs, SiteConfigLoader.FileName);
        // A previous output of this generator is updated in place (docs/incremental.md); anything else is built whole
        // beside it and swapped in.
        var update = _previous is not null && _previous.Generator == generator;
        try
        {
            _writer = update ? SiteWriter.BeginUpdate(_dir, OutputTree.Scan(_dir)) : SiteWriter.Begin(_dir);
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            diagnostics.Add(SiteWriter.Failed(_dir, e, update ? "listing the previous output" : "creating the staging folder beside the output"));
            return false;
        }
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

    public void Dispose() => _writer?.Dispose();
}
