using System.Runtime.InteropServices;

namespace EcoSite.Core.Content;

/// <summary>What is at a path, from its file type alone (lstat/stat): nothing is opened to find out.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// Reads a path's file type before anything opens it. Opening a named pipe waits for a writer forever and reading a
/// character device never ends, so every content file is probed here first (<see cref="ContentTree"/> at the scan,
/// <see cref="OpenRegular"/> again just before each read). .NET has no public API for the file type: on Unix this
/// calls the runtime's own System.Native shim (the one <see cref="File"/> uses), whose status struct starts with two
/// 32-bit fields, flags and mode, on every platform it supports; on Windows the attributes tell links, folders and
/// devices apart.
/// </summary>
internal static class FileProbe
{
    /// <summary>The type of <paramref name="path"/> itself: a symbolic link is <see cref="FileKind.SymbolicLink"/>.</summary>
    public static FileKind Kind(string path) => Probe(path, follow: false, out _);

    /// <summary>
    /// As <see cref="Kind(string)"/>, with the size the same status call gave for a regular file (the scan of the content
    /// folder needs both); -1 when it did not give one (Windows, or a status layout <see cref="Output.UnixStatus"/>
    /// could not confirm): ask <see cref="FileInfo"/>.
    /// </summary>
    public static FileKind Kind(string path, out long size) => Probe(path, follow: false, out size);

    /// <summary>
    /// As <see cref="Kind(string, out long)"/>, with the stamp (<see cref="Output.FileStamp"/>) the same status call gave
    /// for a regular file, so that a file listed by the content scan is not asked again when it is fingerprinted; null
    /// when it did not give one (not a regular file, Windows, a status layout <see cref="Output.UnixStatus"/> could not
    /// confirm): ask <see cref="Output.FileStamp.Of"/>.
    /// </summary>
    public static FileKind Kind(string path, out long size, out Output.FileStamp? stamp)
    {
        stamp = null;
        if (OperatingSystem.IsWindows()) return Probe(path, follow: false, out size);
        Span<byte> status = stackalloc byte[StatusBytes];
        var kind = Status(path, follow: false, status, out size);
        if (kind == FileKind.Regular && Output.UnixStatus.Usable) stamp = Output.UnixStatus.StampOf(status);
        return kind;
    }

    /// <summary>
    /// The type of <paramref name="name"/> in the folder <paramref name="dir"/> itself (a symbolic link is
    /// <see cref="FileKind.SymbolicLink"/>), its path made in a buffer on the stack rather than as a string: the
    /// listing of a previous output asks this of every one of its files.
    /// </summary>
    public static FileKind Kind(ReadOnlySpan<char> dir, ReadOnlySpan<char> name)
    {
        if (OperatingSystem.IsWindows()) return Kind(Path.Join(dir, name));
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(dir.Length + 1 + name.Length) + 1;
        byte[]? rented = null;
        Span<byte> path = max <= 1024 ? stackalloc byte[1024] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = System.Text.Encoding.UTF8.GetBytes(dir, path);
            path[n++] = (byte)'/';
            n += System.Text.Encoding.UTF8.GetBytes(name, path[n..]);
            path[n] = 0;
            Span<byte> status = stackalloc byte[StatusBytes];
            return LStatBytes(ref MemoryMarshal.GetReference(path), ref MemoryMarshal.GetReference(status)) == 0 ? KindOfMode(status) : FileKind.Missing;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The type of what <paramref name="path"/> leads to, through symbolic links.</summary>
    public static FileKind TargetKind(string path) => Probe(path, follow: true, out _);

    /// <summary>
    /// Opens a file for reading only if it is a regular file (after links); anything else throws
    /// <see cref="IOException"/> with the kind it is, so callers report it with their other read errors.
    /// </summary>
    public static FileStream OpenRegular(string path)
    {
        var kind = TargetKind(path);
        if (kind != FileKind.Regular) throw new IOException(Describe(kind) + ", not a regular file");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    }

    /// <summary>Reads a whole regular file (see <see cref="OpenRegular"/>).</summary>
    public static byte[] ReadAllBytes(string path)
    {
        using var stream = OpenRegular(path);
        var length = stream.Length;
        if (length > Array.MaxLength) throw new IOException($"the file is {length} bytes, too large to read at once");
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>What an editor would call this kind of file, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "it does not exist (or cannot be reached)",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "a regular file",
    };

    private static FileKind Probe(string path, bool follow, out long size)
    {
        size = -1;
        if (OperatingSystem.IsWindows())
        {
            FileAttributes attributes;
            try { attributes = File.GetAttributes(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return FileKind.Missing; }
            return KindOf(attributes, follow);
        }
        Span<byte> status = stackalloc byte[StatusBytes];
        return Status(path, follow, status, out size);
    }

    /// <summary>lstat or stat into <paramref name="status"/>: the kind, and the size of a regular file when the layout is confirmed.</summary>
    private static FileKind Status(string path, bool follow, Span<byte> status, out long size)
    {
        size = -1;
        var result = follow ? Stat(path, ref MemoryMarshal.GetReference(status)) : LStat(path, ref MemoryMarshal.GetReference(status));
        if (result != 0) return FileKind.Missing;
        var kind = KindOfMode(status);
        if (kind == FileKind.Regular && Output.UnixStatus.Usable) size = MemoryMarshal.Read<long>(status[Output.UnixStatus.SizeAt..]);
        return kind;
    }

    /// <summary>The kind the mode of a status struct (its second 32-bit field) tells.</summary>
    private static FileKind KindOfMode(ReadOnlySpan<byte> status) => KindOfMode(MemoryMarshal.Read<int>(status[4..]));

    /// <summary>The kind a POSIX mode's file-type bits (<c>S_IFMT</c>) tell.</summary>
    internal static FileKind KindOfMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.NamedPipe,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Missing,
    };

    /// <summary>The kind Windows attributes tell: a reparse point is a link (unless followed), then folder, device, file.</summary>
    internal static FileKind KindOf(FileAttributes attributes, bool follow)
    {
        if (!follow && attributes.HasFlag(FileAttributes.ReparsePoint)) return FileKind.SymbolicLink;
        if (attributes.HasFlag(FileAttributes.Directory)) return FileKind.Directory;
        return attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.Regular;
    }

    /// <summary>Larger than the runtime's status struct (about 120 bytes) with room to spare: only the mode is read.</summary>
    private const int StatusBytes = 512;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte status);

    /// <summary>lstat of a path already in UTF-8 and ending with a zero byte.</summary>
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static extern int LStatBytes(ref byte path, ref byte status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte status);
}
