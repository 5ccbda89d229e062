using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Output;

/// <summary>
/// The only code that touches the output folder. Files are written into a staging folder next to the target; only
/// when everything succeeded is the staging folder swapped in, so a failed build leaves the previous site intact.
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
    private bool _committed;

    private SiteWriter(string target, string staging)
    {
        _target = target;
        Staging = staging;
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
    public static SiteWriter Begin(string outputDir)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{StagingTag}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new SiteWriter(target, staging);
    }

    private const string StagingTag = "staging";
    private const string OldTag = "old";

    /// <summary>
    /// Cleans up after builds that were killed (kill -9, a power cut): their staging and replaced folders beside the
    /// output, named with the id of a process that no longer runs, are deleted (never through a link). When a build died
    /// between its two renames, the output is missing and its previous version is still beside it: that one is moved
    /// back first, so the previous site stays published. Folders of running builds are left alone.
    /// </summary>
    public static void Recover(string outputDir)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) return;
        var prefix = "." + Path.GetFileName(target) + ".";
        var leftovers = new List<(string Path, bool Old, DateTime Written)>();
        foreach (var dir in Directory.EnumerateFileSystemEntries(parent, prefix + "*"))
        {
            var rest = Path.GetFileName(dir)[prefix.Length..].Split('-');
            if (rest.Length != 3 || rest[0] is not (StagingTag or OldTag) || !int.TryParse(rest[1], out var pid) || IsRunning(pid)) continue;
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

    private static bool IsRunning(int pid)
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
        var path = Path.Combine(Staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
        var dir = Path.GetDirectoryName(path)!;
        bool known;
        lock (_lock) known = _dirs.Contains(dir);
        if (!known)
        {
            // Created before it is recorded: another thread may only skip creating a folder that exists.
            Directory.CreateDirectory(dir);
            lock (_lock) _dirs.Add(dir);
        }
        switch (file)
        {
            case TextFile t:
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(t.Text.Length));
                try
                {
                    var n = Utf8.GetBytes(t.Text, buffer);
                    WriteNew(path, buffer.AsSpan(0, n));
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
                break;
            }
            case BinaryFile b: WriteNew(path, b.Bytes); break;
            case CopiedFile c: File.Copy(c.SourcePath, path, overwrite: false); break;
            case ReusedFile r: LinkOrCopy(r.PreviousPath, path); break;
        }
    }

    private static bool _linkUnavailable;

    /// <summary>A hard link costs no data copy; where links are not possible (Windows, another volume) the file is copied.</summary>
    private static void LinkOrCopy(string from, string to)
    {
        if (!_linkUnavailable && !OperatingSystem.IsWindows())
        {
            try
            {
                if (Link(from, to) == 0) return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _linkUnavailable = true;
            }
        }
        File.Copy(from, to, overwrite: false);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string oldPath,
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string newPath);

    /// <summary>
    /// The staging folder is new, so every file is created, never truncated: one open, one write, one close
    /// (File.WriteAllText also truncates, seeks and locks, which costs more than the write for small pages).
    /// </summary>
    private static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>The previous output folder, when there is one: incremental builds reuse its unchanged pages.</summary>
    public string Target => _target;

    /// <summary>Marks the staging folder as an EcoSite output (with the build's manifest) and swaps it in place of the target.</summary>
    public void Commit(BuildManifest manifest)
    {
        File.WriteAllBytes(Path.Combine(Staging, MarkerName), manifest.ToJson());
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

    public void Dispose()
    {
        if (_queue is not null && !_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            foreach (var t in _ioThreads!) t.Join();
        }
        if (!_committed) TryDelete(Staging);
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
