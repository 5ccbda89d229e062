using System.IO.Enumeration;

namespace EcoSite.Core.Output;

/// <summary>
/// What a previous output holds, listed once before an update in place (docs/incremental.md): its regular files, its
/// folders, and everything else (symbolic links, pipes, sockets, devices), which an update removes without following.
/// Each entry's type comes from one lstat(2) at the listing, which is also the only one it gets: a page kept or a file
/// compared is one <see cref="Files"/> holds, with no second look at its type. The listing never enters a linked folder,
/// so a file reached through a link is not "in" the output: it is neither reused nor compared, and the link itself is
/// removed before anything is written under its name (docs/security.md).
/// </summary>
internal sealed class OutputTree
{
    private OutputTree(string root, HashSet<string> files, List<string> folders, List<string> others)
    {
        Root = root;
        Files = files;
        Folders = folders;
        Others = others;
    }

    /// <summary>The output folder, full path without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>Entries that were regular files when listed (lstat), '/'-separated and relative to <see cref="Root"/>.</summary>
    public IReadOnlySet<string> Files { get; }

    public IReadOnlyList<string> Folders { get; }

    /// <summary>
    /// Symbolic links (to files or folders) and anything else that is neither a regular file nor a folder (a pipe, a
    /// socket, a device, an entry gone or unreadable by the time it was asked): removed by the update, never followed or opened.
    /// </summary>
    public IReadOnlyList<string> Others { get; }

    /// <summary>Lists <paramref name="root"/>; an entry that cannot be read throws (the caller reports ECO303).</summary>
    public static OutputTree Scan(string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!OperatingSystem.IsWindows() && !ByStatusForTests.Value && DirectoryListing.Scan(root) is { } listed)
            return new OutputTree(root, listed.Files, listed.Folders, listed.Others);
        return ScanByStatus(root);
    }

    /// <summary>Lets a test list as before the directory entries' types were used (one lstat an entry), to compare the two.</summary>
    internal static readonly AsyncLocal<bool> ByStatusForTests = new();

    /// <summary>The listing with one lstat(2) an entry (Windows, and wherever the directory entries' types cannot be confirmed).</summary>
    internal static OutputTree ScanByStatus(string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            // A folder that cannot be listed would hide files a cold build does not have: fail instead.
            IgnoreInaccessible = false,
        };
        var entries = new FileSystemEnumerable<(string Path, char Kind)>(root, (ref FileSystemEntry e) =>
        {
            var dir = e.Directory;
            var rel = dir.Length == root.Length ? e.FileName.ToString() : string.Concat(dir[(root.Length + 1)..], "/", e.FileName);
            if (Path.DirectorySeparatorChar != '/') rel = rel.Replace(Path.DirectorySeparatorChar, '/');
            return (rel, KindOf(ref e));
        }, options)
        {
            // Asked before the transform, of entries the directory listing says are folders (or links to one).
            ShouldRecursePredicate = (ref FileSystemEntry e) => e.IsDirectory && KindOf(ref e) == 'd',
        };
        var files = new HashSet<string>(StringComparer.Ordinal);
        var folders = new List<string>();
        var others = new List<string>();
        foreach (var (path, kind) in entries)
        {
            switch (kind)
            {
                case 'f': files.Add(path); break;
                case 'd': folders.Add(path); break;
                default: others.Add(path); break;
            }
        }
        return new OutputTree(root, files, folders, others);
    }

    /// <summary>
    /// 'f' for a regular file, 'd' for a folder, 'l' for anything else: on Unix from one lstat of the entry (not through
    /// <see cref="FileSystemEntry.Attributes"/>, which asks the same and does not tell a pipe from a file); on Windows
    /// from the attributes (a reparse point is a link).
    /// </summary>
    private static char KindOf(ref FileSystemEntry e)
    {
        if (OperatingSystem.IsWindows())
            return (e.Attributes & FileAttributes.ReparsePoint) != 0 ? 'l' : e.IsDirectory ? 'd' : 'f';
        return Content.FileProbe.Kind(e.Directory, e.FileName) switch
        {
            Content.FileKind.Regular => 'f',
            Content.FileKind.Directory => 'd',
            _ => 'l',
        };
    }

    /// <summary>The full path of an output path ('/'-separated, relative).</summary>
    public string PathOf(string rel) => Path.Combine(Root, rel.Replace('/', Path.DirectorySeparatorChar));
}
