using System.Runtime.InteropServices;
using System.Text;

namespace EcoSite.Core.Output;

/// <summary>
/// What the file system says about a file without opening it: size, last write time and, on Unix, the status change
/// time and inode (in 100 ns ticks, UTC). Writing a file changes its size or its times; replacing it (an editor's save
/// as a new file, git checkout) changes its inode; setting its write time back still changes its status change time.
/// </summary>
internal readonly record struct FileStamp(long Size, long WriteTicks, long ChangeTicks, long Inode)
{
    /// <summary>The stamp of the file at <paramref name="fullPath"/> (after links), or null when it cannot be had.</summary>
    public static FileStamp? Of(string fullPath)
    {
        if (!OperatingSystem.IsWindows() && UnixStatus.Usable)
            return UnixStatus.Stat(fullPath, out var stamp) ? stamp : null;
        try
        {
            var info = new FileInfo(fullPath);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks, 0, 0) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The latest time the stamp carries: a file touched at or after a build's start is "racy" for that build.</summary>
    public long LatestTicks => Math.Max(WriteTicks, ChangeTicks);
}

/// <summary>
/// The stamp and SHA-256 of every content file as the previous build found them (state file <c>stamps</c>, see
/// <see cref="BuildState"/>), so that an unchanged file is not read again to be hashed. A recorded hash is reused only
/// when the file's stamp is the recorded one and the file was last written or changed clearly before the previous
/// build took its stamps: as git's "racy clean" rule, a file written in the same instant as it was stamped could be
/// written again with the same size and time after it was read, and only reading it tells.
/// </summary>
internal sealed class FileStamps
{
    private const string Format = "EcoSite file stamps 1";

    /// <summary>
    /// How much older than the previous stamping a file's times must be for its recorded hash to be trusted: file times
    /// are truncated to the file system's resolution (2 s on FAT, 1 s on some network file systems) and the kernel
    /// stamps writes from a coarse clock.
    /// </summary>
    public static readonly long RacyTicks = TimeSpan.FromSeconds(2).Ticks;

    private const int HashBytes = 32;

    // Each file's path (where its UTF-8 lies in the payload), stamp and where its hash starts, in the order written
    // (the content tree's): no string is made per file. A build asks for the files in the same order, so file i of
    // the tree is looked for at entry i first; only when that misses (a file added or removed before it) is a
    // dictionary of every path made, once.
    private readonly (int PathAt, int PathLength, FileStamp Stamp, int At)[] _files;
    private readonly ReadOnlyMemory<byte> _payload;
    private Dictionary<string, int>? _byPath;

    private FileStamps(long taken, (int, int, FileStamp, int)[] files, ReadOnlyMemory<byte> payload)
    {
        Taken = taken;
        _files = files;
        _payload = payload;
    }

    /// <summary>When the previous build began stamping (UTC ticks): every recorded stamp was taken after it.</summary>
    public long Taken { get; }

    public int Count => _files.Length;

    public static FileStamps None { get; } = new(0, [], default);

    /// <summary>Lets a test take stamps as if at another time (scoped to the calling flow), so its fresh files are not racy.</summary>
    internal static readonly AsyncLocal<TimeSpan?> ClockShiftForTests = new();

    /// <summary>The time a build starts stamping, in UTC ticks.</summary>
    public static long Now() => DateTime.UtcNow.Ticks + (ClockShiftForTests.Value ?? TimeSpan.Zero).Ticks;

    /// <summary>The recorded hash of <paramref name="relPath"/> when its stamp is unchanged and was not racy; else null (read it).</summary>
    public byte[]? Reuse(string relPath, FileStamp stamp)
    {
        var hash = new byte[HashBytes];
        return Reuse(relPath, hash, stamp) ? hash : null;
    }

    /// <summary>As <see cref="Reuse(string, FileStamp)"/>, the recorded hash copied into <paramref name="hash"/>: true when it was.</summary>
    public bool Reuse(string relPath, Span<byte> hash, FileStamp stamp) => Reuse(-1, relPath, hash, stamp);

    /// <summary>
    /// As <see cref="Reuse(string, Span{byte}, FileStamp)"/>, with <paramref name="hint"/> the entry to look at first
    /// (the file's number in the content tree, which was written in the same order); thread-safe.
    /// </summary>
    public bool Reuse(int hint, string relPath, Span<byte> hash, FileStamp stamp)
    {
        var entry = (uint)hint < (uint)_files.Length && Is(hint, relPath) ? hint : Find(relPath);
        if (entry < 0) return false;
        var known = _files[entry];
        if (known.Stamp != stamp || stamp.LatestTicks + RacyTicks >= Taken) return false;
        _payload.Span.Slice(known.At, HashBytes).CopyTo(hash);
        return true;
    }

    /// <summary>Whether entry <paramref name="i"/> is the file at <paramref name="relPath"/>: its bytes exactly the path's UTF-8.</summary>
    private bool Is(int i, string relPath)
    {
        var bytes = _payload.Span.Slice(_files[i].PathAt, _files[i].PathLength);
        if (bytes.Length == relPath.Length && System.Text.Ascii.Equals(bytes, relPath)) return true;
        if (System.Text.Ascii.IsValid(relPath) || bytes.Length < relPath.Length || bytes.Length > 3 * relPath.Length) return false;
        return bytes.SequenceEqual(Encoding.UTF8.GetBytes(relPath));
    }

    /// <summary>The entry of <paramref name="relPath"/> by a dictionary of every path (made once, on the first miss); -1 for none.</summary>
    private int Find(string relPath)
    {
        var byPath = Volatile.Read(ref _byPath);
        if (byPath is null)
        {
            byPath = new Dictionary<string, int>(_files.Length, StringComparer.Ordinal);
            for (var i = 0; i < _files.Length; i++)
                byPath[Encoding.UTF8.GetString(_payload.Span.Slice(_files[i].PathAt, _files[i].PathLength))] = i;
            byPath = Interlocked.CompareExchange(ref _byPath, byPath, null) ?? byPath;
        }
        return byPath.TryGetValue(relPath, out var entry) && Is(entry, relPath) ? entry : -1;
    }

    public static FileStamps Read(BuildState state)
    {
        if (state.Read("stamps") is not { } payload) return None;
        try
        {
            var reader = new StateReader(payload);
            if (reader.ReadString() != Format || reader.ReadBoolean() != UnixStatus.Usable) return None;
            var taken = reader.ReadInt64();
            var count = reader.ReadInt32();
            if (count < 0 || count > payload.Length) return None;
            var files = new (int, int, FileStamp, int)[count];
            for (var i = 0; i < count; i++)
            {
                var length = reader.ReadLength();
                var at = reader.Position;
                reader.Skip(length);
                var stamp = new FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
                // The path and the hash stay where they are in the payload (which this reader does not copy).
                files[i] = (at, length, stamp, reader.Position);
                reader.Skip(HashBytes);
            }
            return reader.Position == payload.Length ? new FileStamps(taken, files, payload) : None;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or OverflowException)
        {
            return None;
        }
    }

    /// <summary>Records the stamps of this build, taken from <paramref name="taken"/> on, with the hashes they go with (sorted: same input, same bytes).</summary>
    /// <summary>
    /// As <see cref="Write(BuildState, long, IEnumerable{ValueTuple{string, FileStamp, ReadOnlyMemory{byte}}})"/> for a
    /// fingerprint's arrays, by file number: the files of the content tree (sorted ordinally), their stamps, whether each
    /// has one, and their hashes one after another. Written straight from them, not gathered into a list first.
    /// </summary>
    public static void Write(BuildState state, long taken, IReadOnlyList<Content.ContentFile> files, FileStamp[] stamps, bool[] stamped, byte[] hashes)
    {
        for (var i = 1; i < files.Count; i++)
            if (string.CompareOrdinal(files[i - 1].RelPath, files[i].RelPath) >= 0)
            {
                Write(state, taken, Enumerable.Range(0, files.Count).Where(i => stamped[i])
                    .Select(i => (files[i].RelPath, stamps[i], (ReadOnlyMemory<byte>)hashes.AsMemory(i * HashBytes, HashBytes))));
                return;
            }
        var count = 0;
        foreach (var s in stamped) if (s) count++;
        state.Write("stamps", stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            WriteHead(writer, taken, count);
            for (var i = 0; i < files.Count; i++)
                if (stamped[i]) WriteFile(writer, files[i].RelPath, stamps[i], hashes.AsSpan(i * HashBytes, HashBytes));
        });
    }

    private static void WriteHead(BinaryWriter writer, long taken, int count)
    {
        writer.Write(Format);
        writer.Write(UnixStatus.Usable);
        writer.Write(taken);
        writer.Write(count);
    }

    private static void WriteFile(BinaryWriter writer, string rel, FileStamp stamp, ReadOnlySpan<byte> hash)
    {
        writer.Write(rel);
        writer.Write(stamp.Size);
        writer.Write(stamp.WriteTicks);
        writer.Write(stamp.ChangeTicks);
        writer.Write(stamp.Inode);
        writer.Write(hash);
    }

    public static void Write(BuildState state, long taken, IEnumerable<(string RelPath, FileStamp Stamp, ReadOnlyMemory<byte> Hash)> files)
    {
        var list = files.ToList();
        // A build hands them over in the tree's order, which is this one: sort only what is not.
        for (var i = 1; i < list.Count; i++)
        {
            if (string.CompareOrdinal(list[i - 1].RelPath, list[i].RelPath) <= 0) continue;
            list = list.OrderBy(f => f.RelPath, StringComparer.Ordinal).ToList();
            break;
        }
        state.Write("stamps", stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            WriteHead(writer, taken, list.Count);
            foreach (var (rel, stamp, hash) in list) WriteFile(writer, rel, stamp, hash.Span);
        });
    }
}

/// <summary>
/// stat(2) through the runtime's System.Native shim (as <see cref="Content.FileProbe"/> does), for the status change time
/// and the inode, which .NET does not expose. The shim's status struct is not a public contract past its first two
/// fields, so the layout read here is confirmed once per process against what <see cref="FileInfo"/> reports for the
/// same file (size and write time); if they disagree, stamps fall back to size and write time only.
/// </summary>
internal static class UnixStatus
{
    // FileStatus of System.Native (src/native/libs/System.Native/pal_io.h): int32 Flags, Mode, Uid, Gid; int64 Size,
    // ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec, Dev, RDev, Ino; uint32 UserFlags.
    internal const int SizeAt = 16;
    private const int MTimeAt = 40, MTimeNsecAt = 48, CTimeAt = 56, CTimeNsecAt = 64, InoAt = 104;
    private const int StatusBytes = 512;

    public static bool Usable { get; } = !OperatingSystem.IsWindows() && Confirm();

    public static bool Stat(string path, out FileStamp stamp)
    {
        Span<byte> status = stackalloc byte[StatusBytes];
        stamp = default;
        if (SystemStat(path, ref MemoryMarshal.GetReference(status)) != 0) return false;
        stamp = StampOf(status);
        return true;
    }

    /// <summary>The stamp a status struct the shim filled (by stat or lstat) carries; only when <see cref="Usable"/>.</summary>
    internal static FileStamp StampOf(ReadOnlySpan<byte> status) =>
        new(Read(status, SizeAt), Ticks(status, MTimeAt, MTimeNsecAt), Ticks(status, CTimeAt, CTimeNsecAt), Read(status, InoAt));

    private static bool Confirm()
    {
        try
        {
            // The running executable: a file that exists wherever the tool runs (JIT, Native AOT, the test host).
            var path = Environment.ProcessPath;
            if (path is null || !File.Exists(path)) return false;
            var info = new FileInfo(path);
            return Stat(path, out var stamp) && stamp.Size == info.Length && stamp.WriteTicks == info.LastWriteTimeUtc.Ticks
                && stamp.Inode != 0 && stamp.ChangeTicks > DateTime.UnixEpoch.Ticks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static long Read(ReadOnlySpan<byte> status, int at) => MemoryMarshal.Read<long>(status[at..]);

    private static long Ticks(ReadOnlySpan<byte> status, int seconds, int nanoseconds) =>
        DateTime.UnixEpoch.Ticks + Read(status, seconds) * TimeSpan.TicksPerSecond + Read(status, nanoseconds) / 100;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int SystemStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte status);
}
