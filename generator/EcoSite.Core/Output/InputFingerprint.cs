using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Output;

/// <summary>
/// SHA-256 over every input of a build: content files (path and bytes), the theme, the generator's identity
/// (<see cref="Tool"/>) and "today". Equal fingerprints mean an identical output, so an unchanged site is confirmed without rendering.
/// Each file is read and hashed once; page-level hashes (<see cref="ForJob"/>) reuse those file hashes.
/// </summary>
internal sealed class InputFingerprint
{
    private const int HashBytes = 32;

    // One array for every file's SHA-256, indexed by the file's number in the tree (ContentTree.Files): at a million
    // files an array per hash and a dictionary keyed by path cost about 100 bytes a file more than the hash itself.
    private readonly ContentTree _tree;
    private readonly byte[] _hashes;

    private InputFingerprint(ContentTree tree, byte[] hashes)
    {
        _tree = tree;
        _hashes = hashes;
    }

    /// <summary>
    /// Hashes every content file, keeping the bytes of text files for the loader. A file whose stamp is the one
    /// <paramref name="previous"/> recorded (and not racy, see <see cref="FileStamps"/>) keeps its recorded hash and is
    /// not read. A file that cannot be read (deleted, made unreadable or replaced by a pipe since the scan) is an ECO019
    /// error in <paramref name="diagnostics"/>.
    /// </summary>
    public static InputFingerprint Compute(ContentTree tree, DiagnosticBag diagnostics, ParallelOptions? parallel = null, FileStamps? previous = null)
    {
        previous ??= FileStamps.None;
        // The stamps the content scan took with each file's type (the file is not asked again); stamping began when the
        // scan did, which only makes the racy rule stricter. Files without one (links) are stamped here, after that.
        var scanned = tree.TakeStamps();
        var taken = scanned is null ? FileStamps.Now() : tree.StampedFrom;
        var hashes = new byte[tree.Files.Count * HashBytes];
        var stamps = scanned ?? new FileStamp[tree.Files.Count];
        var stamped = new bool[tree.Files.Count];
        var read = 0;
        Parallel.For(0, tree.Files.Count, parallel ?? new ParallelOptions(), i =>
        {
            var file = tree.Files[i];
            var hash = hashes.AsSpan(i * HashBytes, HashBytes);
            // The stamp is taken before the file is read (by the scan, or here): a write after it changes the stamp, so a
            // recorded stamp never vouches for bytes older than the file's.
            var stamp = scanned is not null && scanned[i] != default ? scanned[i] : FileStamp.Of(file.FullPath);
            if (stamp is { } s && previous.Reuse(i, file.RelPath, hash, s))
            {
                (stamps[i], stamped[i]) = (s, true);
                return;
            }
            Interlocked.Increment(ref read);
            var fullPath = file.FullPath;
            try
            {
                // The loader needs the same bytes next: keep Markdown and YAML (not media) so each file is read once.
                // Media and oversized files are hashed as a stream, never held whole.
                if (ContentTree.IsText(file) && file.Bytes <= SourceText.MaxFileBytes)
                {
                    var bytes = FileProbe.ReadAllBytes(fullPath);
                    SHA256.HashData(bytes, hash);
                    tree.Keep(file, bytes);
                }
                else
                {
                    using var stream = FileProbe.OpenRegular(fullPath);
                    SHA256.HashData(stream, hash);
                }
                if (stamp is { } t) (stamps[i], stamped[i]) = (t, true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Deleted, made unreadable or replaced by a pipe since the scan: the build stops with this error.
                diagnostics.Add(Codes.UnreadableFile, file.RelPath, SourcePos.File, $"cannot read the file ({LibraryText.FileSystemError(e)}). Check that it exists and is readable.");
                hash.Clear();
            }
        });
        return new InputFingerprint(tree, hashes)
        {
            Read = read,
            _stamps = stamps,
            _stamped = stamped,
            _taken = taken,
            _previousStamps = previous.Count,
        };
    }

    private FileStamp[]? _stamps;
    private bool[]? _stamped;
    private long _taken;
    private int _previousStamps;

    /// <summary>Content files read (and hashed) by this build; the others kept the hash their unchanged stamp recorded.</summary>
    public int Read { get; private init; }

    /// <summary>
    /// Records this build's stamps in <paramref name="state"/> when they differ from the ones it found: a file was
    /// read (changed, new, or racy last time) or one is gone. Called once; the stamps are not kept after it.
    /// </summary>
    public void SaveStamps(BuildState state)
    {
        if (_stamps is not { } stamps || _stamped is not { } stamped) return;
        var count = stamped.Count(s => s);
        if (Read > 0 || count != _previousStamps)
            FileStamps.Write(state, _taken, _tree.Files, stamps, stamped, _hashes);
        (_stamps, _stamped) = (null, null);
    }

    /// <summary>The SHA-256 of a content file's bytes, or null when it was not read (unreadable, or not a content file).</summary>
    public byte[]? HashOf(string relPath) =>
        Hash(relPath) is { IsEmpty: false } hash && hash.ContainsAnyExcept((byte)0) ? hash.ToArray() : null;

    /// <summary>The hash of a file of the tree (all zeros when it could not be read); empty when it is not in the tree.</summary>
    private ReadOnlySpan<byte> Hash(string relPath) =>
        _tree.IndexOf(relPath) is var i and >= 0 ? _hashes.AsSpan(i * HashBytes, HashBytes) : default;

    /// <summary>
    /// The generator itself is an input: its informational version (with the commit it was built from) and the module
    /// version id of EcoSite.Core, which the compiler derives from the code (deterministic builds), so any change to the
    /// generator's code changes it even when the version number stays. Without it a rebuilt tool answered "Up to date"
    /// and kept pages an older renderer wrote.
    /// </summary>
    public static string Tool => ToolForTests.Value ?? BuiltTool;

    private static readonly string BuiltTool = Identify();

    /// <summary>Lets a test run a build as if by another build of the generator (scoped to the calling flow).</summary>
    internal static readonly AsyncLocal<string?> ToolForTests = new();

    private static string Identify()
    {
        var assembly = typeof(InputFingerprint).Assembly;
        var version = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0";
        return $"{version}|{assembly.ManifestModule.ModuleVersionId:N}";
    }

    /// <summary>The fingerprint of the whole build: the content files with the generator, the theme and "today".</summary>
    /// <remarks>
    /// The SHA-256 of the generator, <see cref="Tool"/>, <paramref name="themeFingerprint"/> and <paramref name="today"/>,
    /// each in UTF-8 followed by a zero byte, then each content file in the tree's order: its path so, then its hash.
    /// Every build makes it before it knows whether anything changed, so the bytes are laid out in one buffer and
    /// hashed in one call (about 0.8 MB at 10,000 files), not appended part by part (two calls a file).
    /// </remarks>
    public string Value(string generator, string themeFingerprint, string today)
    {
        string[] head = [generator, Tool, themeFingerprint, today];
        var size = 0;
        foreach (var s in head) size += Encoding.UTF8.GetByteCount(s) + 1;
        foreach (var file in _tree.Files) size += Encoding.UTF8.GetByteCount(file.RelPath) + 1 + HashBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var n = 0;
            foreach (var s in head) n = AddString(buffer, n, s);
            for (var i = 0; i < _tree.Files.Count; i++)
            {
                n = AddString(buffer, n, _tree.Files[i].RelPath);
                _hashes.AsSpan(i * HashBytes, HashBytes).CopyTo(buffer.AsSpan(n));
                n += HashBytes;
            }
            Span<byte> digest = stackalloc byte[HashBytes];
            SHA256.HashData(buffer.AsSpan(0, n), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <paramref name="s"/> in UTF-8 and a zero byte at <paramref name="at"/>; returns where the next part goes.</summary>
    private static int AddString(byte[] buffer, int at, string s)
    {
        at += Encoding.UTF8.GetBytes(s, buffer.AsSpan(at));
        buffer[at] = 0;
        return at + 1;
    }

    /// <summary>Hash of a page's own inputs (content files, by path), mixed with the site-wide parts in <paramref name="global"/>.</summary>
    /// <remarks>
    /// The SHA-256 of: the generator's identity, <paramref name="global"/>, then each path in ordinal order, each
    /// string in UTF-8 followed by a zero byte and each path by its file's hash (or "(missing)"). Called for every page
    /// of every build, so the bytes are laid out in one buffer and hashed in one call, the part before the paths made
    /// once per <paramref name="global"/>.
    /// </remarks>
    public string ForJob(string global, IEnumerable<string> relPaths) => ForJob(global, relPaths.ToArray());

    /// <summary>As <see cref="ForJob(string, IEnumerable{string})"/> for a page's inputs and one more path (site.yaml), gathered into one array.</summary>
    public string ForJob(string global, IReadOnlyList<string> relPaths, string also)
    {
        var rels = new string[relPaths.Count + 1];
        for (var i = 0; i < relPaths.Count; i++) rels[i] = relPaths[i];
        rels[^1] = also;
        return ForJob(global, rels);
    }

    /// <summary>Sorts <paramref name="rels"/> (the caller's own array) and hashes them as <see cref="ForJob(string, IEnumerable{string})"/>.</summary>
    private string ForJob(string global, string[] rels)
    {
        var tool = Tool;
        var prefix = _prefix is { } known && known.Tool == tool && known.Global == global ? known : _prefix = new JobPrefix(tool, global);
        Array.Sort(rels, StringComparer.Ordinal);
        var size = prefix.Bytes.Length;
        foreach (var rel in rels) size += Encoding.UTF8.GetMaxByteCount(rel.Length) + 1 + HashBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            prefix.Bytes.CopyTo(buffer, 0);
            var n = prefix.Bytes.Length;
            foreach (var rel in rels)
            {
                n = AddString(buffer, n, rel);
                if (Hash(rel) is { IsEmpty: false } h)
                {
                    h.CopyTo(buffer.AsSpan(n));
                    n += h.Length;
                }
                else n = AddString(buffer, n, Missing);
            }
            Span<byte> digest = stackalloc byte[HashBytes];
            SHA256.HashData(buffer.AsSpan(0, n), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const string Missing = "(missing)";

    private JobPrefix? _prefix;

    /// <summary>The bytes every page's input hash starts with: the generator's identity and the site-wide parts.</summary>
    private sealed class JobPrefix(string tool, string global)
    {
        public string Tool { get; } = tool;
        public string Global { get; } = global;
        public byte[] Bytes { get; } = [.. Encoding.UTF8.GetBytes(tool), 0, .. Encoding.UTF8.GetBytes(global), 0];
    }
}
