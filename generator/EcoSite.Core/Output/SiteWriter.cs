using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Output;

/// <summary>
/// The only code that touches the output folder. Files are written into a staging folder next to the target; only
/// when everything succeeded does the output change, so a failed build leaves the previous site intact. A first build
/// swaps the staging folder in; a build over a previous output (<see cref="BeginUpdate"/>) stages only the files whose
/// bytes changed and moves them in through an <see cref="UpdateJournal"/> (docs/incremental.md).
/// A marker file identifies EcoSite outputs: any other non-empty folder is never replaced. Nothing is written or
/// deleted through a symbolic link, and every file-system error is <see cref="Codes.OutputWriteFailed"/>.
/// </summary>
internal sealed class SiteWriter : IDisposable
{
    public const string MarkerName = ".ecosite-output";
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly string _target;
    private readonly HashSet<string> _dirs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly OutputTree? _previous;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _staged = [];
    private bool _committed;
    private bool _journaled;

    private SiteWriter(string target, string staging, OutputTree? previous = null)
    {
        _target = target;
        Staging = staging;
        _previous = previous;
    }

    public string Staging { get; }

    /// <summary>
    /// Refuses an output folder that is, contains or is inside the content folder, that is a symbolic link, or that holds
    /// files that are not a previous output. A folder that cannot even be looked at is refused as unwritable.
    /// </summary>
    public static Diagnostic? CheckTarget(string contentDir, string outputDir)
    {
        try
        {
            return Refusal(contentDir, outputDir);
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return Failed(outputDir, e, "looking at the output folder");
        }
    }

    private static Diagnostic? Refusal(string contentDir, string outputDir)
    {
        var content = Full(contentDir);
        var output = Full(outputDir);
        if (content == output || output.StartsWith(content, StringComparison.Ordinal) || content.StartsWith(output, StringComparison.Ordinal))
        {
            var relation = content == output ? "is" : output.StartsWith(content, StringComparison.Ordinal) ? "is inside" : "contains";
            return Error(Codes.OutputOverlapsContent, outputDir,
                $"the output folder {relation} the content folder '{contentDir}'; building there could overwrite or delete your sources. Choose another folder, e.g. -o _site.");
        }
        // A link is never written or deleted through: replacing "current -> releases/v1" would empty the release it
        // points to. The caller builds into a real folder and moves the link itself.
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        if (FileProbe.Kind(path) == FileKind.SymbolicLink)
            return Error(Codes.OutputIsLink, outputDir,
                $"'{outputDir}' is a symbolic link (to '{new FileInfo(path).LinkTarget}'); EcoSite never writes or deletes through a link, so what it points to is left as it is. " +
                "Build into a real folder (e.g. -o releases/2026-12-01) and point the link at it yourself, or remove the link.");
        if (File.Exists(outputDir))
            return Error(Codes.OutputNotOurs, outputDir, "the output path is a file; give a folder.");
        if (Directory.Exists(outputDir) && Directory.EnumerateFileSystemEntries(outputDir).Any() && !File.Exists(Path.Combine(outputDir, MarkerName)))
            return Error(Codes.OutputNotOurs, outputDir,
                $"'{outputDir}' holds files that EcoSite did not write (no {MarkerName} marker); it is not replaced. Empty it or choose another folder.");
        return null;
    }

    /// <summary>Starts a build into a new staging folder beside <paramref name="outputDir"/> (file-system errors throw).</summary>
    public static SiteWriter Begin(string outputDir) => Begin(outputDir, null);

    /// <summary>
    /// Starts a build that updates <paramref name="previous"/> (the existing output, listed) in place: a file whose bytes
    /// are those already published is not written again, and only new or changed files go to the staging folder.
    /// </summary>
    public static SiteWriter BeginUpdate(string outputDir, OutputTree previous) => Begin(outputDir, previous);

    private static SiteWriter Begin(string outputDir, OutputTree? previous)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, LeftoverName(target, StagingTag, $"{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(staging);
        return new SiteWriter(target, staging, previous);
    }

    /// <summary>Folders and files beside the output: <c>.&lt;name&gt;.&lt;tag&gt;-&lt;process id&gt;-&lt;guid&gt;</c>.</summary>
    private static string LeftoverName(string target, string tag, string id) => $".{Path.GetFileName(target)}.{tag}-{id}";

    private const string StagingTag = "staging";
    private const string OldTag = "old";
    /// <summary>A journal whose build may have stopped while applying it: replayed by the next build.</summary>
    private const string JournalTag = "journal";
    /// <summary>A journal being written: its build never started applying it, so it is only deleted.</summary>
    private const string PendingTag = "pending";

    /// <summary>The output paths written into the staging folder (in an update: the new and changed files).</summary>
    public IReadOnlyCollection<string> Staged => _staged;

    /// <summary>
    /// Cleans up after builds that were killed (kill -9, a power cut): their staging and replaced folders beside the
    /// output, named with the id of a process that no longer runs, are deleted (never through a link). A build killed
    /// while applying its update journal is finished first: the journal is replayed from its staging folder, so the
    /// output is the site that build made. When a build died between its two renames, the output is missing and its
    /// previous version is still beside it: that one is moved back first, so the previous site stays published.
    /// Folders of running builds are left alone.
    /// </summary>
    public static void Recover(string outputDir)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) return;
        var prefix = "." + Path.GetFileName(target) + ".";
        var leftovers = new List<(string Path, bool Old, DateTime Written)>();
        foreach (var dir in Directory.EnumerateFileSystemEntries(parent, prefix + "*").Order(StringComparer.Ordinal))
        {
            var rest = Path.GetFileName(dir)[prefix.Length..].Split('-');
            if (rest.Length != 3 || rest[0] is not (StagingTag or OldTag or JournalTag or PendingTag) || !int.TryParse(rest[1], out var pid) || IsRunning(pid)) continue;
            if (rest[0] == JournalTag) Replay(target, dir, Path.Combine(parent, LeftoverName(target, StagingTag, $"{rest[1]}-{rest[2]}")));
            leftovers.Add((dir, rest[0] == OldTag, Directory.GetLastWriteTimeUtc(dir)));
        }
        var previous = leftovers.Where(l => l.Old && FileProbe.Kind(l.Path) == FileKind.Directory).OrderByDescending(l => l.Written).Select(l => l.Path).FirstOrDefault();
        if (previous is not null && !Path.Exists(target))
        {
            Directory.Move(previous, target);
            leftovers.RemoveAll(l => l.Path == previous);
        }
        foreach (var (dir, _, _) in leftovers) TryDelete(dir);
    }

    /// <summary>
    /// Finishes the update a killed build journaled. A journal that is not a regular file, or that cannot be read
    /// whole, was not written by a build that went on to apply it: it is only deleted.
    /// </summary>
    private static void Replay(string target, string journalPath, string staging)
    {
        if (FileProbe.Kind(journalPath) != FileKind.Regular || FileProbe.Kind(staging) != FileKind.Directory) return;
        if (UpdateJournal.Read(journalPath) is { } journal && FileProbe.Kind(target) == FileKind.Directory) journal.Apply(target, staging);
    }

    /// <summary><see cref="Recover"/>, with a file-system error as ECO303.</summary>
    public static Diagnostic? TryRecover(string outputDir)
    {
        try
        {
            Recover(outputDir);
            return null;
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return Failed(outputDir, e, "cleaning up after an interrupted build");
        }
    }

    internal static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true; // another build of this process (serve, tests) may be using it
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Errors the file system gives while writing the site: permissions, a read-only or full disk, a name or path too
    /// long, a parent that is a file (a failed file of the site arrives as <see cref="OutputWriteException"/>).
    /// </summary>
    public static bool IsFileSystemError(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>ECO303 for a file-system error while <paramref name="doing"/>; the output folder is named, with the file when known.</summary>
    public static Diagnostic Failed(string outputDir, Exception e, string doing)
    {
        if (e is UpdateApplyException)
            return Error(Codes.OutputWriteFailed, outputDir,
                $"{doing} failed ({LibraryText.FileSystemError(e.InnerException!)}): the output folder is partly updated, and the rest of the update is kept beside it. " +
                $"Fix the file-system problem (check that the disk has space, that you may write to '{Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir))}', and that the path is not too long) " +
                "and build again: the next build finishes the update first.");
        var where = e is OutputWriteException w ? $" at {w.OutputPath}" : "";
        var message = LibraryText.FileSystemError(e is OutputWriteException ? e.InnerException! : e);
        return Error(Codes.OutputWriteFailed, outputDir,
            $"{doing} failed{where} ({message}); the previous output is unchanged. Check that the disk has space, that you may write to " +
            $"'{Path.GetDirectoryName(Path.GetFullPath(outputDir))}', and that the path is not too long.");
    }

    private System.Collections.Concurrent.BlockingCollection<OutputFile>? _queue;
    private Thread[]? _ioThreads;

    /// <summary>
    /// Writer threads: one per core (at most 4); ECOSITE_WRITERS overrides it (for measuring file systems).
    /// Creating a folder or file is kernel CPU work, not only waiting: on ext4 without a journal, inode allocation skips
    /// every inode freed in the last minutes (see docs/benchmarks.md), which after a large deletion costs hundreds of
    /// microseconds per file. Spreading that over the cores measured 1.3-2.5x faster than one thread there, and the
    /// same on tmpfs.
    /// </summary>
    public static int WriterThreads { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("ECOSITE_WRITERS"), out var n) && n > 0 ? n : Math.Clamp(Environment.ProcessorCount, 1, 4);
    private Exception? _writeError;

    /// <summary>
    /// Queues a file for the writer threads, so the renderers never wait on the file system.
    /// <see cref="Flush"/> waits for the queue and rethrows the first write error.
    /// </summary>
    public void Enqueue(OutputFile file)
    {
        if (_queue is null)
        {
            lock (_lock)
            {
                if (_queue is null)
                {
                    var queue = new System.Collections.Concurrent.BlockingCollection<OutputFile>(new System.Collections.Concurrent.ConcurrentQueue<OutputFile>(), 4096);
                    _ioThreads = new Thread[WriterThreads];
                    for (var i = 0; i < _ioThreads.Length; i++)
                    {
                        _ioThreads[i] = new Thread(() =>
                        {
                            foreach (var f in queue.GetConsumingEnumerable())
                            {
                                if (_writeError is not null) continue;
                                try { Write(f); }
                                catch (Exception e) { Interlocked.CompareExchange(ref _writeError, e, null); }
                            }
                        }) { IsBackground = true, Name = "ecosite-writer" };
                        _ioThreads[i].Start();
                    }
                    _queue = queue;
                }
            }
        }
        if (_writeError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_writeError);
        _queue.Add(file);
    }

    public void Flush()
    {
        if (_queue is null) return;
        _queue.CompleteAdding();
        foreach (var t in _ioThreads!) t.Join();
        if (_writeError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_writeError);
    }

    /// <summary>Writes one file into the staging folder; safe to call from several threads. A failure names the file.</summary>
    public void Write(OutputFile file)
    {
        try
        {
            WriteFile(file);
        }
        // Writer threads only touch the file system, so an argument error here is one too: .NET reports a file larger
        // than the file system or a process limit allows (EFBIG) as ArgumentException.
        catch (Exception e) when (IsFileSystemError(e) || e is ArgumentException)
        {
            throw new OutputWriteException(file.Path, e);
        }
    }

    private void WriteFile(OutputFile file)
    {
        switch (file)
        {
            // A large file (the sitemap, the build state) gets an array of its own: the shared pool would keep one of three
            // bytes per character for the rest of the build.
            case TextFile { Text.Length: > PooledChars } t: WriteIfChanged(file.Path, Utf8.GetBytes(t.Text)); break;
            case TextFile t:
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(t.Text.Length));
                try
                {
                    var n = Utf8.GetBytes(t.Text, buffer);
                    WriteIfChanged(file.Path, buffer.AsSpan(0, n));
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
                break;
            }
            case BinaryFile b: WriteIfChanged(file.Path, b.Bytes); break;
            case CopiedFile c:
                if (_previous is not null && SameFile(_previous.PathOf(c.Path), c.SourcePath, c.Path)) break;
                File.Copy(c.SourcePath, StagedPath(c.Path), overwrite: false);
                break;
            case LinkedFile l:
                LinkOrCopy(l.SourcePath, StagedPath(l.Path));
                break;
            // A page whose inputs did not change stays where it is (only an update reuses pages).
            case ReusedFile: break;
        }
    }

    /// <summary>The longest text encoded into a pooled buffer (a page is a few thousand characters).</summary>
    private const int PooledChars = 64 * 1024;

    private volatile bool _noLinks;

    /// <summary>
    /// A hard link where the file system allows one; otherwise (another file system, one without hard links, the link
    /// limit reached) a copy, and after the first refusal only copies, so a merge across file systems does not pay a
    /// failed system call per file.
    /// </summary>
    private void LinkOrCopy(string source, string staged)
    {
        if (!_noLinks && !OperatingSystem.IsWindows())
        {
            try
            {
                if (Link(source, staged) == 0) return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
            _noLinks = true;
        }
        File.Copy(source, staged, overwrite: false);
    }

    [System.Runtime.InteropServices.DllImport("libSystem.Native", EntryPoint = "SystemNative_Link")]
    private static extern int Link([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string source,
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string link);

    private void WriteIfChanged(string rel, ReadOnlySpan<byte> bytes)
    {
        if (_previous is not null && Published(rel) is { } path && SameBytes(path, bytes)) return;
        WriteNew(StagedPath(rel), bytes);
    }

    /// <summary>The previous output's file at <paramref name="rel"/>, when the listing found a file there.</summary>
    private string? Published(string rel) => _previous!.Files.Contains(rel) ? _previous.PathOf(rel) : null;

    /// <summary>The staging path of an output file, its folder created; the file counts as staged.</summary>
    private string StagedPath(string rel)
    {
        var path = Path.Combine(Staging, rel.Replace('/', Path.DirectorySeparatorChar));
        var dir = Path.GetDirectoryName(path)!;
        bool known;
        lock (_lock) known = _dirs.Contains(dir);
        if (!known)
        {
            // Created before it is recorded: another thread may only skip creating a folder that exists.
            Directory.CreateDirectory(dir);
            lock (_lock) _dirs.Add(dir);
        }
        _staged.Add(rel);
        return path;
    }

    /// <summary>Whether a published file (a regular file, not a link or pipe) holds exactly <paramref name="bytes"/>.</summary>
    private static bool SameBytes(string published, ReadOnlySpan<byte> bytes)
    {
        if (FileProbe.Kind(published) != FileKind.Regular) return false;
        using var handle = File.OpenHandle(published, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (RandomAccess.GetLength(handle) != bytes.Length) return false;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(bytes.Length, 1 << 16));
        try
        {
            for (long at = 0; at < bytes.Length;)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, bytes.Length - at)), at);
                if (n == 0 || !buffer.AsSpan(0, n).SequenceEqual(bytes.Slice((int)at, n))) return false;
                at += n;
            }
            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether a published copy of a content file (media) still has the content file's bytes.</summary>
    private bool SameFile(string published, string source, string rel)
    {
        if (Published(rel) is null || FileProbe.Kind(published) != FileKind.Regular) return false;
        using var a = FileProbe.OpenRegular(source);
        using var b = File.OpenHandle(published, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (a.Length != RandomAccess.GetLength(b)) return false;
        var x = new byte[1 << 16];
        var y = new byte[1 << 16];
        for (long at = 0; ; at += x.Length)
        {
            var n = a.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            if (n == 0) return true;
            if (RandomAccess.Read(b, y.AsSpan(0, n), at) != n || !x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, n))) return false;
        }
    }

    /// <summary>
    /// The staging folder is new, so every file is created, never truncated: one open, one write, one close
    /// (File.WriteAllText also truncates, seeks and locks, which costs more than the write for small pages).
    /// </summary>
    private static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>The previous output, listed, when this build updates it in place.</summary>
    public OutputTree? Previous => _previous;

    /// <summary>
    /// Publishes the build: the staging folder swapped in place of the target, or (an update) the journaled changes
    /// applied to it; <paramref name="emitted"/> is every path of the new site.
    /// </summary>
    public void Commit(BuildManifest manifest, IReadOnlySet<string>? emitted = null)
    {
        File.WriteAllBytes(Path.Combine(Staging, MarkerName), manifest.ToJson());
        if (_previous is not null)
        {
            Update(_previous, emitted ?? throw new ArgumentNullException(nameof(emitted), "an update needs the paths of the new site"));
            return;
        }
        string? old = null;
        if (Directory.Exists(_target))
        {
            old = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.Move(_target, old);
        }
        try
        {
            Directory.Move(Staging, _target);
        }
        catch
        {
            if (old is not null) Directory.Move(old, _target);
            throw;
        }
        _committed = true;
        if (old is not null) TryDelete(old);
    }

    /// <summary>
    /// The update in place: the journal is written and flushed before the output changes at all, then applied; then
    /// the journal and the (now empty) staging folder are deleted. A failure while applying leaves both for the next
    /// build, which replays the journal (<see cref="Recover"/>).
    /// </summary>
    private void Update(OutputTree previous, IReadOnlySet<string> emitted)
    {
        var journal = UpdateJournal.Plan(previous, emitted, _staged);
        var id = Path.GetFileName(Staging)[(Path.GetFileName(LeftoverName(_target, StagingTag, "")).Length)..];
        var parent = Path.GetDirectoryName(_target)!;
        var path = Path.Combine(parent, LeftoverName(_target, JournalTag, id));
        journal.Write(path, Path.Combine(parent, LeftoverName(_target, PendingTag, id)));
        _journaled = true;
        journal.Apply(_target, Staging);
        File.Delete(path);
        _committed = true;
        TryDelete(Staging);
    }

    public void Dispose()
    {
        if (_queue is not null && !_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            foreach (var t in _ioThreads!) t.Join();
        }
        // Once journaled, the staging folder holds what the journal moves: the next build finishes the update.
        if (!_committed && !_journaled) TryDelete(Staging);
    }

    /// <summary>
    /// Deletes a replaced output or a failed staging folder. Its top-level folders (the default language's parks/,
    /// en/, ...) are deleted in parallel: removing 20,000 entries is kernel work that one thread does at half the speed.
    /// </summary>
    private static void TryDelete(string dir)
    {
        try
        {
            switch (FileProbe.Kind(dir))
            {
                case FileKind.Directory:
                    break;
                case FileKind.Missing:
                    return;
                default:
                    // A link (or anything else) is removed itself; listing it would delete what it points to.
                    File.Delete(dir);
                    return;
            }
            // Directory.Delete removes a link inside the tree without following it.
            Parallel.ForEach(Directory.GetDirectories(dir), sub =>
            {
                try { Directory.Delete(sub, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            });
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string Full(string p) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)) + Path.DirectorySeparatorChar;

    private static Diagnostic Error(DiagnosticCode code, string file, string message) =>
        new(code.Id, code.Severity, file.Replace('\\', '/'), 0, 0, message);
}

/// <summary>A file of the site that could not be written: the file-system error, with the output path it was for.</summary>
internal sealed class OutputWriteException(string outputPath, Exception inner) : IOException($"{outputPath}: {inner.Message}", inner)
{
    public string OutputPath { get; } = outputPath;
}
