using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Render;

/// <summary>
/// The one place that finds the theme and reads its files (content-format.md v2 section 5): the command line's
/// --theme folder, else site.yaml's <c>theme:</c> relative to the content folder, else none (the default theme
/// embedded in the library alone). Build, check, serve and the input fingerprint all ask it.
/// <para>
/// Confinement: only the theme's parts are read (templates/*.sbnhtml, i18n/*.yaml, static/**), only plain files inside
/// the folder; a symbolic link is refused as in content (ECO030), and an empty entry is never opened (devices and
/// pipes report no size, so they are skipped without being read). A theme setting that does not name a folder
/// holding at least one of those parts is an error at its line in site.yaml.
/// </para>
/// </summary>
internal sealed class ThemeSource
{
    private static readonly string[] Parts = ["templates", "i18n", "static"];

    private ThemeSource(string? folder, string written, string file, SourcePos pos)
    {
        Folder = folder;
        Written = written;
        File = file;
        Pos = pos;
    }

    /// <summary>The theme folder, or null for the default theme alone.</summary>
    public string? Folder { get; }

    /// <summary>The folder as written (site.yaml or --theme), for messages.</summary>
    private string Written { get; }

    /// <summary>Where the theme is named: site.yaml and the line of <c>theme:</c>, or "--theme".</summary>
    private string File { get; }

    private SourcePos Pos { get; }

    private (SortedDictionary<string, byte[]>? Files, IReadOnlyList<Diagnostic> Diagnostics)? _read;

    /// <summary>The default theme alone.</summary>
    public static ThemeSource Default { get; } = new(null, "", SiteConfigLoader.FileName, SourcePos.File);

    public static ThemeSource Find(string contentDir, string? option, SiteConfig config) =>
        option is not null ? new ThemeSource(option, option, "--theme", SourcePos.File)
        : config.Theme is { } t ? new ThemeSource(Path.Combine(contentDir, t), t, SiteConfigLoader.FileName, config.ThemePos)
        : Default;

    /// <summary>SHA-256 over every file of the theme (the embedded default overlaid with the folder's files).</summary>
    public string Fingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var files = new SortedDictionary<string, byte[]>(Theme.Embedded.ToDictionary(), StringComparer.Ordinal);
        foreach (var (rel, bytes) in Read().Files ?? []) files[rel] = bytes;
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The theme: the default overlaid with this folder's files; null after a reported error.</summary>
    public Theme? Load(IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var (own, problems) = Read();
        diagnostics.AddRange(problems);
        return own is null ? null : Theme.Load(own, Folder, languages, diagnostics);
    }

    /// <summary>The folder's files by path inside it, read once (the fingerprint and the theme share them).</summary>
    private (SortedDictionary<string, byte[]>? Files, IReadOnlyList<Diagnostic> Diagnostics) Read()
    {
        if (_read is { } done) return done;
        var diagnostics = new DiagnosticBag();
        var files = ReadFiles(diagnostics);
        _read = (files, diagnostics.ToSortedList());
        return _read.Value;
    }

    /// <summary>Empty for the default theme; null after a reported error.</summary>
    private SortedDictionary<string, byte[]>? ReadFiles(DiagnosticBag diagnostics)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Folder is null) return files;
        var problem = FolderProblem();
        if (problem is not null)
        {
            diagnostics.Add(Codes.ThemeInvalid, File, Pos, $"the theme '{Written}' {problem}. Name a folder holding templates/, i18n/ or static/, or remove 'theme' to use the default.");
            return null;
        }
        var ok = true;
        foreach (var part in Parts)
            ok &= Collect(new DirectoryInfo(Path.Combine(Folder, part)), part, files, diagnostics);
        return ok ? files : null;
    }

    private string? FolderProblem()
    {
        try
        {
            var dir = new DirectoryInfo(Folder!);
            if (dir.LinkTarget is not null) return "is a symbolic link; name the folder itself";
            if (!dir.Exists) return System.IO.File.Exists(Folder) ? "is a file, not a folder" : "does not exist";
            if (!Parts.Any(p => Directory.Exists(Path.Combine(Folder!, p)))) return "is not a theme folder (it has no templates/, i18n/ or static/)";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return $"cannot be read ({LibraryText.FileSystemError(e)})";
        }
    }

    /// <summary>Adds the plain files under <paramref name="dir"/>; false after reporting a refused or unreadable entry.</summary>
    private bool Collect(DirectoryInfo dir, string rel, SortedDictionary<string, byte[]> files, DiagnosticBag diagnostics)
    {
        if (!dir.Exists) return true;
        var ok = true;
        try
        {
            if (dir.LinkTarget is not null) return Refuse(rel, diagnostics);
            foreach (var entry in dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = rel + "/" + entry.Name;
                if (entry.Name.StartsWith('.')) continue;
                if (entry.LinkTarget is not null) ok &= Refuse(path, diagnostics);
                else if (entry is DirectoryInfo sub) ok &= Collect(sub, path, files, diagnostics);
                else if (entry is FileInfo special && FileProbe.Kind(special.FullName) is not FileKind.Regular and var kind)
                {
                    // A pipe would hang the build and a device never ends: they are never opened, as in content (ECO007).
                    diagnostics.Add(Codes.NotRegularFile, Path.Combine(Folder!, path).Replace('\\', '/'), SourcePos.File,
                        $"is {FileProbe.Describe(kind)}; a theme uses only plain files. Remove it from the theme.");
                    ok = false;
                }
                else if (entry is FileInfo file && file.Length > 0)
                {
                    if (file.Length > SourceText.MaxFileBytes)
                    {
                        diagnostics.Add(Codes.FileTooLarge, Path.Combine(Folder!, path), SourcePos.File,
                            $"the theme file is {file.Length} bytes; theme files may have at most {SourceText.MaxFileBytes} bytes.");
                        ok = false;
                    }
                    else files[path] = FileProbe.ReadAllBytes(file.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.UnreadableFile, Path.Combine(Folder!, rel), SourcePos.File, $"the theme cannot be read here ({LibraryText.FileSystemError(e)}).");
            return false;
        }
        return ok;
    }

    private bool Refuse(string rel, DiagnosticBag diagnostics)
    {
        diagnostics.Add(Codes.PathOutsideContent, Path.Combine(Folder!, rel).Replace('\\', '/'), SourcePos.File,
            "is a symbolic link; a theme uses only plain files inside its folder. Copy the file into the theme instead.");
        return false;
    }
}
