using System.Runtime.InteropServices;
using System.Text;

namespace EcoSite.Core.Content;

/// <summary>
/// lstat of a folder's entries by name, relative to the open folder (statx(2) with a folder descriptor and
/// AT_SYMLINK_NOFOLLOW), on Linux: a status call by full path walks every folder of the path again in the kernel, and at
/// 10,000 content files that walk was most of the content scan. The answers are those of <see cref="FileProbe.Kind(string, out long, out Output.FileStamp?)"/>
/// for the entry's full path: the same file type, size and stamp (statx gives the fields stat does, in a layout fixed
/// for every architecture), and a name is passed as the same UTF-8 bytes. Used only where it is confirmed once per
/// process against <see cref="Output.UnixStatus"/> for the same file; anywhere else (Windows, macOS, a libc without
/// statx, a kernel or sandbox that refuses it, an architecture whose open flags this code does not know) callers ask
/// <see cref="FileProbe"/> by full path, as before.
/// </summary>
internal static class FolderProbe
{
    /// <summary>Whether folder-relative status calls can be made here and give what <see cref="FileProbe"/> gives.</summary>
    public static bool Usable { get; } = Confirm();

    /// <summary>
    /// Opens a folder (after links: the content folder itself may be one) for <see cref="Kind"/>; -1 when it cannot be
    /// opened or is not a folder, and then the caller asks by full path.
    /// </summary>
    public static int Open(string fullPath)
    {
        if (!Usable) return -1;
        var fd = OpenPath(fullPath);
        if (fd < 0) return -1;
        Span<byte> status = stackalloc byte[StatxBytes];
        // Opened without O_DIRECTORY (its value differs between architectures): a descriptor that is not a folder's is not used.
        if (Statx(fd, ref MemoryMarshal.GetReference("\0"u8), AtEmptyPath, StatxType, ref MemoryMarshal.GetReference(status)) != 0
            || (MemoryMarshal.Read<ushort>(status[ModeAt..]) & 0xF000) != 0x4000)
        {
            Close(fd);
            return -1;
        }
        return fd;
    }

    /// <summary>Closes a folder <see cref="Open"/> opened (nothing for -1).</summary>
    public static void Release(int fd)
    {
        if (fd >= 0) Close(fd);
    }

    /// <summary>
    /// The type of <paramref name="name"/> in the folder <paramref name="folder"/> (from <see cref="Open"/>) itself, with
    /// the size and stamp of a regular file, as <see cref="FileProbe.Kind(string, out long, out Output.FileStamp?)"/>
    /// gives them for its full path; null when this call cannot tell (the status lacks a field): ask by full path.
    /// </summary>
    public static FileKind? Kind(int folder, string name, out long size, out Output.FileStamp? stamp)
    {
        size = -1;
        stamp = null;
        var max = Encoding.UTF8.GetMaxByteCount(name.Length) + 1;
        byte[]? rented = null;
        Span<byte> bytes = max <= 512 ? stackalloc byte[512] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(name, bytes);
            bytes[n] = 0;
            Span<byte> status = stackalloc byte[StatxBytes];
            if (Statx(folder, ref MemoryMarshal.GetReference(bytes), AtSymlinkNoFollow | AtNoAutomount, Wanted, ref MemoryMarshal.GetReference(status)) != 0)
                return FileKind.Missing; // as lstat failing: gone, or cannot be reached
            if ((MemoryMarshal.Read<uint>(status) & Wanted) != Wanted) return null;
            var kind = FileProbe.KindOfMode(MemoryMarshal.Read<ushort>(status[ModeAt..]));
            if (kind == FileKind.Regular)
            {
                size = MemoryMarshal.Read<long>(status[SizeAt..]);
                stamp = StampOf(status);
            }
            return kind;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static Output.FileStamp StampOf(ReadOnlySpan<byte> status) =>
        new(MemoryMarshal.Read<long>(status[SizeAt..]), Ticks(status, MTimeAt), Ticks(status, CTimeAt), MemoryMarshal.Read<long>(status[InoAt..]));

    private static long Ticks(ReadOnlySpan<byte> status, int at) =>
        DateTime.UnixEpoch.Ticks + MemoryMarshal.Read<long>(status[at..]) * TimeSpan.TicksPerSecond + MemoryMarshal.Read<uint>(status[(at + 8)..]) / 100;

    /// <summary>
    /// Linux on x64 or Arm64 (where O_CLOEXEC is 0x80000), the stat shim's layout confirmed, and for the running
    /// executable the status by folder and name equal to the shim's by full path: type, size, times and inode.
    /// </summary>
    private static bool Confirm()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)
            || !Output.UnixStatus.Usable || Environment.GetEnvironmentVariable("ECOSITE_NO_FOLDER_PROBE") is "1") return false;
        try
        {
            var path = Environment.ProcessPath;
            if (path is null || Path.GetDirectoryName(path) is not { Length: > 0 } dir) return false;
            var fd = OpenPath(dir);
            if (fd < 0) return false;
            try
            {
                var kind = FileProbe.Kind(path, out var size, out var stamp);
                Span<byte> status = stackalloc byte[StatxBytes];
                var name = Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\0");
                if (Statx(fd, ref name[0], AtSymlinkNoFollow | AtNoAutomount, Wanted, ref MemoryMarshal.GetReference(status)) != 0
                    || (MemoryMarshal.Read<uint>(status) & Wanted) != Wanted) return false;
                return FileProbe.KindOfMode(MemoryMarshal.Read<ushort>(status[ModeAt..])) == kind && kind == FileKind.Regular
                    && MemoryMarshal.Read<long>(status[SizeAt..]) == size && stamp == StampOf(status);
            }
            finally
            {
                Close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int OpenPath(string fullPath)
    {
        var bytes = Encoding.UTF8.GetBytes(fullPath + "\0");
        return OpenFile(ref bytes[0], OReadOnly | OCloseOnExec);
    }

    // struct statx (linux/stat.h): the same on every architecture.
    private const int StatxBytes = 256, ModeAt = 28, InoAt = 32, SizeAt = 40, CTimeAt = 96, MTimeAt = 112;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxMTime = 0x40, StatxCTime = 0x80, StatxIno = 0x100, StatxSize = 0x200;
    private const uint Wanted = StatxType | StatxMode | StatxMTime | StatxCTime | StatxIno | StatxSize;
    private const int AtSymlinkNoFollow = 0x100, AtNoAutomount = 0x800, AtEmptyPath = 0x1000;
    private const int OReadOnly = 0, OCloseOnExec = 0x80000;

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, ref byte path, int flags, uint mask, ref byte status);

    [DllImport("libc", EntryPoint = "open")]
    private static extern int OpenFile(ref byte path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
