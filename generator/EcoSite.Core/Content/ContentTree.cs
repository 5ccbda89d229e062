using System.IO.Enumeration;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Content;

/// <summary>
/// A file of the content folder: its path relative to the folder ('/'-separated), its size, and its full path, made
/// when asked from the folder's path (shared by every file) and the relative path, or the target of a symbolic link.
/// One path string a file, not two: a million files' full paths were about 200 MB.
/// </summary>
internal sealed record ContentFile(string RelPath, long Bytes)
{
    /// <summary>The content folder (absolute), or for a symbolic link the full path of the file it leads to.</summary>
    private string Base { get; init; } = "";

    private bool IsLink { get; init; }

    public string FullPath => IsLink ? Base : Path.Join(Base, Path.DirectorySeparatorChar == '/' ? RelPath : RelPath.Replace('/', Path.DirectorySeparatorChar));

    internal static ContentFile Under(string root, string relPath, long bytes) => new(relPath, bytes) { Base = root };

    internal static ContentFile Link(string target, string relPath, long bytes) => new(relPath, bytes) { Base = target, IsLink = true };
}

/// <summary>
/// The content folder's files, listed once, sorted ordinally so that the file system's order never shows in the output.
/// Symbolic links that lead outside the folder are refused (nothing outside is read or published);
/// linked folders are not followed; anything that is not a regular file or a folder (a pipe, a device, a socket)
/// is an error, found from its file type without opening it.
/// </summary>
internal sealed class ContentTree
{
    private readonly Dictionary<string, int> _files;
    private readonly HashSet<string> _dirs;
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);

    private ContentTree(string root, List<ContentFile> files, HashSet<string> dirs, Output.FileStamp[]? stamps = null, long stampedFrom = 0)
    {
        Root = root;
        Files = files;
        _stamps = stamps;
        StampedFrom = stampedFrom;
        _files = new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++) _files[files[i].RelPath] = i;
        _dirs = dirs;
        // Folder -> its direct children, built once: a lookup per folder must not scan every file again. The files are
        // sorted already (the scan sorts them; a tree without some keeps their order): only the folders are sorted, and
        // the two merged; a parent is looked up by its characters, so only a new one becomes a string.
        var sortedDirs = new string[dirs.Count];
        dirs.CopyTo(sortedDirs);
        Array.Sort(sortedDirs, StringComparer.Ordinal);
        var sortedFiles = true;
        for (var i = 1; i < files.Count && sortedFiles; i++) sortedFiles = string.CompareOrdinal(files[i - 1].RelPath, files[i].RelPath) < 0;
        IReadOnlyList<string> filePaths = sortedFiles ? files.ConvertAll(f => f.RelPath) : files.Select(f => f.RelPath).Order(StringComparer.Ordinal).ToList();
        var byParent = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        int fi = 0, di = 0;
        while (fi < filePaths.Count || di < sortedDirs.Length)
        {
            var path = di >= sortedDirs.Length || (fi < filePaths.Count && string.CompareOrdinal(filePaths[fi], sortedDirs[di]) < 0)
                ? filePaths[fi++] : sortedDirs[di++];
            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(0, slash);
            if (!byParent.TryGetValue(parent, out var list)) _children[parent.ToString()] = list = [];
            list.Add(path);
        }
    }

    public string Root { get; }

    /// <summary>
    /// The stamp of each file (by its number in <see cref="Files"/>) from the status call that found its type, so that
    /// the input fingerprint does not ask the file system again; a default stamp where the scan had none (a symbolic
    /// link, whose stamp is its target's, Windows, an unconfirmed status layout). Handed over once (<see cref="TakeStamps"/>).
    /// </summary>
    private Output.FileStamp[]? _stamps;

    /// <summary>
    /// When the scan began (UTC ticks, <see cref="Output.FileStamps.Now"/>): every stamp it took is from after it, so the
    /// fingerprint records this as the time its stamping began (the racy rule, docs/incremental.md); 0 without stamps.
    /// </summary>
    internal long StampedFrom { get; }

    /// <summary>The stamps the scan took (see <see cref="_stamps"/>), handed over once, then released; null when it took none.</summary>
    internal Output.FileStamp[]? TakeStamps() => Interlocked.Exchange(ref _stamps, null);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _kept = new(StringComparer.Ordinal);

    /// <summary>Markdown and YAML: the files the loader reads (media are only copied).</summary>
    public static bool IsText(ContentFile file) =>
        file.RelPath.EndsWith(".md", StringComparison.Ordinal) || file.RelPath.EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>
    /// The files whose bytes <see cref="Keep"/> holds (by relative path); null for all. A shard keeps only its own parks'
    /// and the site-wide files: holding every file of a million pages between the fingerprint and the load would not
    /// fit in memory, and other parks' articles are only read for their front matter.
    /// </summary>
    internal Func<string, bool>? Keeps { get; set; }

    /// <summary>Keeps a file's bytes, read for the input fingerprint, for the loader (<see cref="TakeKept"/>).</summary>
    internal void Keep(ContentFile file, byte[] bytes)
    {
        if (Keeps?.Invoke(file.RelPath) != false) _kept[file.RelPath] = bytes;
    }

    /// <summary>The kept bytes of a file, handed over once (then released), or null when they were not kept.</summary>
    internal byte[]? TakeKept(ContentFile file) => _kept.TryRemove(file.RelPath, out var bytes) ? bytes : null;

    /// <summary>True when the bytes the input fingerprint hashed are kept for the loader (they are the ones its hash is of).</summary>
    internal bool HasKept(ContentFile file) => _kept.ContainsKey(file.RelPath);

    /// <summary>
    /// The lookups (<see cref="Find"/>) this thread makes while <see cref="RecordLookups"/> runs: what a parse asked of
    /// the tree besides its own file, so that a cached parse is reused only while the answers stay the same.
    /// </summary>
    [ThreadStatic] private static List<(string RelPath, long Bytes)>? _lookups;

    /// <summary>Runs <paramref name="parse"/>, recording its lookups: each path with its size, -1 when it was not found.</summary>
    internal static T RecordLookups<T>(Func<T> parse, out List<(string RelPath, long Bytes)> lookups)
    {
        var outer = _lookups;
        _lookups = lookups = [];
        try { return parse(); }
        finally { _lookups = outer; }
    }

    public IReadOnlyList<ContentFile> Files { get; }

    public ContentFile? Find(string relPath)
    {
        var file = _files.TryGetValue(relPath, out var i) ? Files[i] : null;
        _lookups?.Add((relPath, file?.Bytes ?? -1));
        return file;
    }

    /// <summary>The number of a file in <see cref="Files"/>, or -1 (not recorded as a lookup: see <see cref="Find"/>).</summary>
    internal int IndexOf(string relPath) => _files.TryGetValue(relPath, out var i) ? i : -1;

    public bool IsDirectory(string relPath) => _dirs.Contains(relPath);

    /// <summary>
    /// The files whose relative path starts with <paramref name="prefix"/>, in <see cref="Files"/>' order. The list is
    /// sorted ordinally, so they are one run of it, found by binary search: a park's lookup must not scan every file of
    /// the site (a million files times a thousand parks).
    /// </summary>
    public IEnumerable<ContentFile> StartingWith(string prefix)
    {
        int lo = 0, hi = Files.Count;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (string.CompareOrdinal(Files[mid].RelPath, prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < Files.Count && Files[i].RelPath.StartsWith(prefix, StringComparison.Ordinal); i++) yield return Files[i];
    }

    /// <summary>Direct children (files and folders) of <paramref name="dir"/>, as relative paths, sorted.</summary>
    public IEnumerable<string> Children(string dir) => _children.TryGetValue(dir, out var list) ? list : [];

    /// <summary>
    /// Lists every file under <paramref name="root"/> with its type, size and stamp; <paramref name="watch"/>, when given,
    /// is told each chunk's latest stamp as it is taken, so that a change is known before the scan ends.
    /// </summary>
    public static ContentTree Scan(string root, DiagnosticBag diagnostics, ParallelOptions? parallel = null, Output.ChangeWatch? watch = null)
    {
        root = Path.GetFullPath(root);
        var under = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        // Taken before the first status call: see StampedFrom.
        var stampedFrom = Output.FileStamps.Now();
        var files = new List<(ContentFile File, Output.FileStamp Stamp)>();
        var dirs = new HashSet<string>(StringComparer.Ordinal);
        // Folder by folder, one depth at a time: the folders of a depth are listed, then every entry of them gets its
        // status call, on every core (each answer in its own slot), then the answers are taken in order (the folders'
        // and each folder's listing order), one thread, so diagnostics and results do not depend on which core was faster.
        var level = new List<string> { root };
        while (level.Count > 0)
        {
            var folders = new Folder[level.Count];
            Parallel.For(0, level.Count, Options(parallel, level.Count), i => folders[i] = Folder.List(level[i], RelOf(level[i])));
            var (entries, starts) = Flatten(folders);
            files.Capacity = Math.Max(files.Capacity, files.Count + entries.Length);
            try
            {
                var statuses = new Status[entries.Length];
                // Chunks of entries, not one task an entry: a status call is about a microsecond.
                var chunks = (entries.Length + ChunkSize - 1) / ChunkSize;
                Parallel.For(0, chunks, Options(parallel, chunks), c =>
                {
                    var latest = long.MinValue;
                    for (var k = c * ChunkSize; k < Math.Min(entries.Length, (c + 1) * ChunkSize); k++)
                        if ((statuses[k] = Probe(root, entries[k].Folder, entries[k].Name)).Stamp is { } stamp) latest = Math.Max(latest, stamp.LatestTicks);
                    if (latest != long.MinValue) watch?.Stamped(latest);
                });
                var next = new List<string>();
                for (var i = 0; i < folders.Length; i++)
                {
                    var folder = folders[i];
                    if (folder.Error is { } error)
                    {
                        diagnostics.Add(Codes.UnreadableFile, Rel(root, folder.FullPath), SourcePos.File, $"cannot list the folder ({LibraryText.FileSystemError(error)}).");
                        continue;
                    }
                    for (var k = starts[i]; k < starts[i + 1]; k++)
                        if (Take(folder, entries[k].Name, statuses[k]) is { } subfolder) next.Add(subfolder);
                }
                level = next;
            }
            finally
            {
                foreach (var folder in folders) FolderProbe.Release(folder.Handle);
            }
        }
        // Sorted by path through an array of the paths and one of the files' numbers: the comparer sees strings, and
        // no 40-byte file-and-stamp pair is moved at every swap.
        var keys = new string[files.Count];
        var order = new int[files.Count];
        for (var i = 0; i < keys.Length; i++) (keys[i], order[i]) = (files[i].File.RelPath, i);
        SortOnCores(keys, order, parallel);
        var sorted = new List<ContentFile>(files.Count);
        var stamps = new Output.FileStamp[files.Count];
        var any = false;
        for (var i = 0; i < stamps.Length; i++)
        {
            var (file, stamp) = files[order[i]];
            sorted.Add(file);
            any |= (stamps[i] = stamp) != default;
        }
        return new ContentTree(root, sorted, dirs, any ? stamps : null, any ? stampedFrom : 0);

        // A folder's path relative to the root, '/'-separated ("" for the root), or null where a name could hold a
        // separator of this platform other than '/' (Windows): then each entry's is made from its full path, as before.
        string? RelOf(string fullPath) => Path.DirectorySeparatorChar != '/' || Path.AltDirectorySeparatorChar != '/' ? null
            : fullPath == root ? "" : Rel(root, fullPath, under);

        // One entry, in order: its diagnostic, or its file, or (returned) the full path of a folder to list next.
        string? Take(Folder folder, string name, Status status)
        {
            // A regular file's entry was made with its status, on the cores (nearly every entry; never a hidden or badly named one).
            if (status.File is { } made)
            {
                files.Add((made, status.Stamp ?? default));
                return null;
            }
            if (name.StartsWith('.')) return null; // .git, .DS_Store, editor swap files
            // The relative path from the folder's (a name holds no separator); the full path only where it is needed.
            var rel = folder.Rel is null ? Rel(root, Path.Join(folder.FullPath, name), under) : RelIn(folder.Rel, name);
            if (ControlCharacters.IndexOf(name) is var bad and >= 0)
            {
                diagnostics.Add(Codes.ControlCharacter, rel, SourcePos.File,
                    $"the name holds the invisible character {ControlCharacters.Describe(name, bad)}; rename it with letters, digits and '-' only.");
                return null;
            }
            var (kind, size, stamp, _) = status;
            var fullName = Path.Join(folder.FullPath, name);
            if (kind == FileKind.SymbolicLink)
            {
                FileSystemInfo? target;
                try { target = new FileInfo(fullName).ResolveLinkTarget(returnFinalTarget: true); }
                catch (IOException)
                {
                    // A loop of links (ELOOP): it leads nowhere, inside or out.
                    diagnostics.Add(Codes.NotRegularFile, rel, SourcePos.File,
                        "this symbolic link leads round a loop of links and never reaches a file; EcoSite never opens it. Remove it, or replace it with the file itself.");
                    return null;
                }
                if (target is null || !IsInside(root, target.FullName))
                {
                    diagnostics.Add(Codes.PathOutsideContent, rel, SourcePos.File,
                        "this symbolic link points outside the content folder; it is not read or published. Copy the file into the folder instead.");
                    return null;
                }
                var targetKind = FileProbe.TargetKind(fullName);
                if (targetKind == FileKind.Directory)
                {
                    diagnostics.Add(Codes.UnexpectedFile, rel, SourcePos.File, "linked folders are not followed; copy the folder instead.");
                    return null;
                }
                if (targetKind == FileKind.Missing)
                {
                    // A dangling link: name what it leads to (inside the content folder, so never a path of this machine).
                    diagnostics.Add(Codes.NotRegularFile, rel, SourcePos.File,
                        $"this symbolic link leads to '{Rel(root, target.FullName)}', which does not exist (or cannot be reached); EcoSite never opens it. Remove it, or replace it with the file itself.");
                    return null;
                }
                if (targetKind != FileKind.Regular)
                {
                    NotRegular(rel, targetKind, "this symbolic link leads to ");
                    return null;
                }
                files.Add((ContentFile.Link(target.FullName, rel, ((FileInfo)target).Length), default));
                return null;
            }
            if (kind == FileKind.Directory)
            {
                dirs.Add(rel);
                return fullName;
            }
            if (kind == FileKind.Regular)
                files.Add((ContentFile.Under(root, rel, size >= 0 ? size : new FileInfo(fullName).Length), stamp ?? default));
            else NotRegular(rel, kind, "this is ");
            return null;
        }

        void NotRegular(string rel, FileKind kind, string what) =>
            diagnostics.Add(Codes.NotRegularFile, rel, SourcePos.File,
                $"{what}{FileProbe.Describe(kind)}, not a regular file; EcoSite never opens it. Remove it, or replace it with the file itself.");
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ordinally, <paramref name="order"/> moved with them: two halves sorted at once on
    /// two cores, then merged (the keys are distinct paths, so the result is the one sort's).
    /// </summary>
    private static void SortOnCores(string[] keys, int[] order, ParallelOptions? parallel)
    {
        var n = keys.Length;
        var half = n / 2;
        if (n < 2048 || (parallel ?? Any).MaxDegreeOfParallelism == 1)
        {
            Array.Sort(keys, order, StringComparer.Ordinal);
            return;
        }
        Parallel.Invoke(parallel ?? Any,
            () => Array.Sort(keys, order, 0, half, StringComparer.Ordinal),
            () => Array.Sort(keys, order, half, n - half, StringComparer.Ordinal));
        var (leftKeys, leftOrder) = (keys[..half], order[..half]);
        int l = 0, r = half, o = 0;
        while (l < half && r < n)
            if (string.CompareOrdinal(leftKeys[l], keys[r]) <= 0) (keys[o], order[o++]) = (leftKeys[l], leftOrder[l++]);
            else (keys[o], order[o++]) = (keys[r], order[r++]);
        while (l < half) (keys[o], order[o++]) = (leftKeys[l], leftOrder[l++]);
    }

    /// <summary>Entries a task: enough that the cores do not wait on each other, few enough that a folder of a few hundred is shared.</summary>
    private const int ChunkSize = 64;

    /// <summary>The caller's options, or one thread for a single piece of work (no task is started for it).</summary>
    private static ParallelOptions Options(ParallelOptions? parallel, int pieces) =>
        pieces <= 1 ? Serial : parallel ?? Any;

    private static readonly ParallelOptions Serial = new() { MaxDegreeOfParallelism = 1 }, Any = new();

    /// <summary>The file type of an entry (lstat: a symbolic link is itself), with a regular file's size and stamp.</summary>
    /// <summary>
    /// The file type of an entry (lstat: a symbolic link is itself), with a regular file's size and stamp, and for a
    /// regular file whose size it gave, its entry of the tree (made where the status was taken, on any core).
    /// </summary>
    private readonly record struct Status(FileKind Kind, long Size, Output.FileStamp? Stamp, ContentFile? File = null);

    /// <summary>
    /// An entry's status, by name relative to its open folder where <see cref="FolderProbe"/> can (no path walk in the
    /// kernel), else by full path as <see cref="FileProbe"/> always did. Hidden and badly named entries are not asked:
    /// they are skipped or refused by their name alone.
    /// </summary>
    private static Status Probe(string root, Folder folder, string name)
    {
        if (name.StartsWith('.') || ControlCharacters.IndexOf(name) >= 0) return default;
        if (folder.Handle < 0 || FolderProbe.Kind(folder.Handle, name, out var size, out var stamp) is not { } kind)
            kind = FileProbe.Kind(Path.Join(folder.FullPath, name), out size, out stamp);
        // The relative path as Scan's Take makes it from a folder's (a backslash in a name becomes '/', as Rel does).
        return kind == FileKind.Regular && size >= 0 && folder.Rel is { } rel
            ? new(kind, size, stamp, ContentFile.Under(root, RelIn(rel, name), size))
            : new(kind, size, stamp);
    }

    /// <summary>The relative path of <paramref name="name"/> in the folder at <paramref name="folder"/> (relative, '/'-separated).</summary>
    private static string RelIn(string folder, string name)
    {
        if (name.Contains('\\')) name = name.Replace('\\', '/');
        return folder.Length == 0 ? name : string.Concat(folder, "/", name);
    }

    /// <summary>The entries of a depth's folders one after another, and where each folder's start (one more: the end).</summary>
    private static ((Folder Folder, string Name)[] Entries, int[] Starts) Flatten(Folder[] folders)
    {
        var starts = new int[folders.Length + 1];
        for (var i = 0; i < folders.Length; i++) starts[i + 1] = starts[i] + folders[i].Names.Count;
        var entries = new (Folder, string)[starts[^1]];
        for (var i = 0; i < folders.Length; i++)
            for (var k = 0; k < folders[i].Names.Count; k++) entries[starts[i] + k] = (folders[i], folders[i].Names[k]);
        return (entries, starts);
    }

    /// <summary>A listed folder: its entries' names as listed, the error that stopped its listing, and its open handle (-1: none).</summary>
    private sealed record Folder(string FullPath, string? Rel, List<string> Names, Exception? Error, int Handle)
    {
        public static Folder List(string fullPath, string? rel)
        {
            List<string> names;
            try
            {
                // Names only: the directory listing is not asked for anything a status call gives (FileSystemInfo
                // objects each made one), so the one status call a file gets is the probe's.
                names = new FileSystemEnumerable<string>(fullPath, (ref FileSystemEntry e) => e.FileName.ToString(), ListingOptions).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new(fullPath, rel, [], e, -1);
            }
            return new(fullPath, rel, names, null, names.Count == 0 ? -1 : FolderProbe.Open(fullPath));
        }
    }

    /// <summary>One folder's entries, as listed (no filter, nothing skipped by its attributes); a folder that cannot be listed throws.</summary>
    private static readonly EnumerationOptions ListingOptions = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>The same folder without the files <paramref name="excluded"/> names, and without folders left empty by that.</summary>
    internal ContentTree Without(Func<string, bool> excluded)
    {
        var kept = Files.Where(f => !excluded(f.RelPath)).ToList();
        if (kept.Count == Files.Count) return this;
        var gone = Files.Where(f => excluded(f.RelPath)).Select(f => f.RelPath).ToList();
        bool Holds(string dir, IEnumerable<string> paths) => paths.Any(p => p.StartsWith(dir + "/", StringComparison.Ordinal));
        var keptPaths = kept.Select(f => f.RelPath).ToList();
        var dirs = _dirs.Where(d => Holds(d, keptPaths) || !Holds(d, gone)).ToHashSet(StringComparer.Ordinal);
        // The scan's stamps follow the files they belong to.
        var stamps = _stamps is { } all ? kept.Select(f => all[_files[f.RelPath]]).ToArray() : null;
        var tree = new ContentTree(Root, kept, dirs, stamps, StampedFrom);
        foreach (var (path, bytes) in _kept) tree._kept[path] = bytes;
        return tree;
    }

    internal static bool IsInside(string root, string path)
    {
        var r = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return path.StartsWith(r, StringComparison.Ordinal) || path == Path.TrimEndingDirectorySeparator(root);
    }

    private static string Rel(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    /// <summary>As <see cref="Rel(string, string)"/> for a path the listing of a folder under the root gave: the rest after the root.</summary>
    private static string Rel(string root, string full, string under) =>
        full.StartsWith(under, StringComparison.Ordinal) && full.Length > under.Length ? full[under.Length..].Replace('\\', '/') : Rel(root, full);
}
