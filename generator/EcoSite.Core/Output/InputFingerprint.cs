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
    private readonly Dictionary<string, byte[]> _files;

    private readonly IReadOnlyList<string> _order;

    private InputFingerprint(IReadOnlyList<string> order, Dictionary<string, byte[]> files)
    {
        _order = order;
        _files = files;
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
        var taken = FileStamps.Now();
        var hashes = new byte[tree.Files.Count][];
        var stamps = new FileStamp?[tree.Files.Count];
        var read = 0;
        Parallel.For(0, tree.Files.Count, parallel ?? new ParallelOptions(), i =>
        {
            var file = tree.Files[i];
            // The stamp is taken before the file is read: a write after it changes the stamp, so a recorded stamp never
            // vouches for bytes older than the file's.
            var stamp = FileStamp.Of(file.FullPath);
            if (stamp is { } s && previous.Reuse(file.RelPath, s) is { } known)
            {
                (hashes[i], stamps[i]) = (known, s);
                return;
            }
            Interlocked.Increment(ref read);
            try
            {
                // The loader needs the same bytes next: keep Markdown and YAML (not media) so each file is read once.
                // Media and oversized files are hashed as a stream, never held whole.
                if (ContentTree.IsText(file) && file.Bytes <= SourceText.MaxFileBytes)
                {
                    var bytes = FileProbe.ReadAllBytes(file.FullPath);
                    hashes[i] = SHA256.HashData(bytes);
                    tree.Keep(file, bytes);
                }
                else
                {
                    using var stream = FileProbe.OpenRegular(file.FullPath);
                    hashes[i] = SHA256.HashData(stream);
                }
                stamps[i] = stamp;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Deleted, made unreadable or replaced by a pipe since the scan: the build stops with this error.
                diagnostics.Add(Codes.UnreadableFile, file.RelPath, SourcePos.File, $"cannot read the file ({LibraryText.FileSystemError(e)}). Check that it exists and is readable.");
                hashes[i] = new byte[32];
            }
        });
        var files = new Dictionary<string, byte[]>(tree.Files.Count, StringComparer.Ordinal);
        for (var i = 0; i < hashes.Length; i++) files[tree.Files[i].RelPath] = hashes[i];
        var stamped = new List<(string, FileStamp, byte[])>(tree.Files.Count);
        for (var i = 0; i < hashes.Length; i++)
            if (stamps[i] is { } s) stamped.Add((tree.Files[i].RelPath, s, hashes[i]));
        return new InputFingerprint(tree.Files.Select(f => f.RelPath).ToList(), files)
        {
            Read = read,
            _stamped = stamped,
            _taken = taken,
            _previousStamps = previous.Count,
        };
    }

    private List<(string, FileStamp, byte[])> _stamped = [];
    private long _taken;
    private int _previousStamps;

    /// <summary>Content files read (and hashed) by this build; the others kept the hash their unchanged stamp recorded.</summary>
    public int Read { get; private init; }

    /// <summary>
    /// Records this build's stamps in <paramref name="state"/> when they differ from the ones it found: a file was
    /// read (changed, new, or racy last time) or one is gone.
    /// </summary>
    public void SaveStamps(BuildState state)
    {
        if (Read > 0 || _stamped.Count != _previousStamps) FileStamps.Write(state, _taken, _stamped);
    }

    /// <summary>The SHA-256 of a content file's bytes, or null when it was not read (unreadable, or not a content file).</summary>
    public byte[]? HashOf(string relPath) =>
        _files.TryGetValue(relPath, out var hash) && !hash.AsSpan().SequenceEqual(Unread) ? hash : null;

    private static readonly byte[] Unread = new byte[32];

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
    public string Value(string generator, string themeFingerprint, string today)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, generator);
        Add(hash, Tool);
        Add(hash, themeFingerprint);
        Add(hash, today);
        foreach (var rel in _order)
        {
            Add(hash, rel);
            hash.AppendData(_files[rel]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Hash of a page's own inputs (content files, by path), mixed with the site-wide parts in <paramref name="global"/>.</summary>
    public string ForJob(string global, IEnumerable<string> relPaths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, Tool);
        Add(hash, global);
        foreach (var rel in relPaths.Order(StringComparer.Ordinal))
        {
            Add(hash, rel);
            if (_files.TryGetValue(rel, out var h)) hash.AppendData(h);
            else Add(hash, "(missing)");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string s)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(s));
        hash.AppendData([0]);
    }
}
