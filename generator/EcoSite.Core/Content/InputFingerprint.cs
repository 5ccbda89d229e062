using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Content;

/// <summary>
/// SHA-256 over every input of a build: content files (path and bytes), the theme, the generator version and
/// "today". Equal fingerprints mean an identical output, so an unchanged site is confirmed without rendering.
/// Each file is read and hashed once; page-level hashes (<see cref="ForJob"/>) reuse those file hashes.
/// </summary>
public sealed class InputFingerprint
{
    private readonly Dictionary<string, byte[]> _files;

    private InputFingerprint(string value, Dictionary<string, byte[]> files)
    {
        Value = value;
        _files = files;
    }

    public string Value { get; }

    public static InputFingerprint Compute(ContentTree tree, string generator, string themeFingerprint, string today, ParallelOptions? parallel = null, DiagnosticBag? diagnostics = null)
    {
        var hashes = new byte[tree.Files.Count][];
        Parallel.For(0, tree.Files.Count, parallel ?? new ParallelOptions(), i =>
        {
            var file = tree.Files[i];
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
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Deleted, made unreadable or replaced by a pipe since the scan: the build stops with this error.
                diagnostics?.Add(Codes.UnreadableFile, file.RelPath, SourcePos.File, $"cannot read the file ({e.Message}). Check that it exists and is readable.");
                hashes[i] = new byte[32];
            }
        });
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, generator);
        Add(hash, themeFingerprint);
        Add(hash, today);
        var files = new Dictionary<string, byte[]>(tree.Files.Count, StringComparer.Ordinal);
        for (var i = 0; i < hashes.Length; i++)
        {
            Add(hash, tree.Files[i].RelPath);
            hash.AppendData(hashes[i]);
            files[tree.Files[i].RelPath] = hashes[i];
        }
        return new InputFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), files);
    }

    /// <summary>Hash of a page's own inputs (content files, by path), mixed with the site-wide parts in <paramref name="global"/>.</summary>
    public string ForJob(string global, IEnumerable<string> relPaths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
