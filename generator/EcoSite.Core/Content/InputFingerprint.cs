using System.Security.Cryptography;
using System.Text;

namespace EcoSite.Core.Content;

/// <summary>
/// SHA-256 over every input of a build: content files (path and bytes), the theme, the generator version and
/// "today". Equal fingerprints mean an identical output, so an unchanged site is confirmed without rendering.
/// </summary>
public static class InputFingerprint
{
    public static string Compute(ContentTree tree, string generator, string themeFingerprint, string today)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, generator);
        Add(hash, themeFingerprint);
        Add(hash, today);
        var buffer = new byte[64 * 1024];
        foreach (var file in tree.Files)
        {
            Add(hash, file.RelPath);
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int n;
            long length = 0;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                length += n;
            }
            Add(hash, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Hash of a page's own inputs (its source files), mixed with the site-wide fingerprint parts.</summary>
    public static string ForJob(string global, IEnumerable<string> files, ContentTree tree)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, global);
        foreach (var rel in files.Order(StringComparer.Ordinal))
        {
            Add(hash, rel);
            if (tree.Find(rel) is { } f) hash.AppendData(File.ReadAllBytes(f.FullPath));
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
