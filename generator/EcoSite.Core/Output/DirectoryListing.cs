using System.Runtime.InteropServices;

namespace EcoSite.Core.Output;

/// <summary>
/// Lists a folder tree from the directory entries alone on Unix: readdir(3) gives each entry's type with its name
/// (d_type), so a regular file, a folder, a symbolic link or a pipe is told apart without a status call per entry (a
/// previous output of 10,000 pages is about 12,000 entries, each an lstat before). Through the runtime's System.Native
/// shim (the one <see cref="Directory"/> uses, as <see cref="Content.FileProbe"/> does for lstat). An entry whose type
/// the file system does not give (DT_UNKNOWN, or a value this code does not know) gets one lstat, as before. The shim's
/// entry struct is not a public contract, so each listing confirms it: the root's own entries "." and ".." must read
/// back as folders (or of unknown type) with those names; otherwise the caller lists with a status call per entry.
/// </summary>
internal static class DirectoryListing
{
    /// <summary>Regular files, folders and everything else (links, pipes, sockets, devices), '/'-separated and relative.</summary>
    internal sealed record Listing(HashSet<string> Files, List<string> Folders, List<string> Others);

    // d_type values (the shim passes them through): <dirent.h> on Linux and the BSDs.
    private const int Unknown = 0, Fifo = 1, Character = 2, Dir = 4, Block = 6, Regular = 8, Link = 10, Socket = 12, Whiteout = 14;

    /// <summary>
    /// Lists <paramref name="root"/> (full path, no trailing separator) and every folder under it, entering no linked
    /// folder; null when the entries could not be confirmed (see the class). A folder that cannot be listed throws.
    /// </summary>
    public static Listing? Scan(string root)
    {
        var listing = new Listing(new HashSet<string>(StringComparer.Ordinal), [], []);
        var pending = new Stack<string>();
        if (!List(root, "", listing, pending, confirm: true)) return null;
        while (pending.Count > 0)
        {
            var rel = pending.Pop();
            if (!List(Path.Join(root, rel), rel, listing, pending, confirm: false)) return null;
        }
        return listing;
    }

    private static bool List(string full, string rel, Listing listing, Stack<string> pending, bool confirm)
    {
        var dir = OpenDir(full);
        if (dir == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var message = $"cannot list the folder '{full}' ({Marshal.GetPInvokeErrorMessage(errno)})";
            throw errno is 1 or 13 ? new UnauthorizedAccessException(message) : new IOException(message);
        }
        var (dot, dotDot) = (false, false);
        try
        {
            while (true)
            {
                var result = ReadDir(dir, out var entry);
                if (result == -1) break;
                if (result != 0) throw new IOException($"cannot list the folder '{full}' ({Marshal.GetPInvokeErrorMessage(result)})");
                if (entry.Name == 0) return false;
                var name = Marshal.PtrToStringUTF8(entry.Name);
                if (name is null || (entry.NameLength >= 0 && System.Text.Encoding.UTF8.GetByteCount(name) != entry.NameLength)) return false;
                if (name is "." or "..")
                {
                    if (entry.InodeType is not (Dir or Unknown)) return false;
                    if (name == ".") dot = true; else dotDot = true;
                    continue;
                }
                var path = rel.Length == 0 ? name : string.Concat(rel, "/", name);
                var kind = entry.InodeType switch
                {
                    Regular => 'f',
                    Dir => 'd',
                    Link or Fifo or Character or Block or Socket or Whiteout => 'l',
                    // Not given by this file system: ask, as the listing by status does.
                    _ => Content.FileProbe.Kind(full, name) switch
                    {
                        Content.FileKind.Regular => 'f',
                        Content.FileKind.Directory => 'd',
                        _ => 'l',
                    },
                };
                switch (kind)
                {
                    case 'f': listing.Files.Add(path); break;
                    case 'd': listing.Folders.Add(path); pending.Push(path); break;
                    default: listing.Others.Add(path); break;
                }
            }
        }
        finally
        {
            CloseDir(dir);
        }
        return !confirm || (dot && dotDot);
    }

    /// <summary>System.Native's DirectoryEntry (pal_io.h): the name (zero-terminated), the name's length or -1, and d_type.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public nint Name;
        public int NameLength;
        public int InodeType;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_OpenDir", SetLastError = true)]
    private static extern nint OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    /// <summary>0 with an entry, -1 at the end, an error number otherwise.</summary>
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_ReadDir")]
    private static extern int ReadDir(nint dir, out Entry entry);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_CloseDir")]
    private static extern int CloseDir(nint dir);
}
