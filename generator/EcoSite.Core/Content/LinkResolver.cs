using System.Text.RegularExpressions;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Content;

/// <summary>
/// Turns a link written in content into a site link. Editors link to source files, relative to the Markdown file
/// (so GitHub and VS Code previews work too), or relative to the park folder as front matter attachments do:
/// <c>[plan](2026-plan.md)</c>, <c>![map](../media/map.png)</c>. The result is a marker URL that the renderer later
/// makes relative to each page: <see cref="RootMarker"/> for files shared by all languages, <see cref="LangMarker"/>
/// for pages that exist once per language.
/// </summary>
internal sealed partial class LinkResolver(ContentTree tree, string fromFile, DiagnosticBag diagnostics)
{
    public const string RootMarker = "eco-root:";
    public const string LangMarker = "eco-lang:";

    /// <summary>The URL to emit, or null when the link must be dropped (reported). Schemes are decided by <see cref="UrlPolicy"/>.</summary>
    public string? Resolve(string url, SourcePos pos)
    {
        var check = UrlPolicy.Check(url);
        url = check.Url;
        switch (check.Kind)
        {
            case UrlKind.Allowed:
                return url;
            case UrlKind.NetworkPath:
                return "https:" + url;
            case UrlKind.LocalPath:
                diagnostics.Add(Codes.PathOutsideContent, fromFile, pos, $"'{url}' is a path on your computer; copy the file into the park's media/ folder and link to it there.");
                return null;
            case UrlKind.Refused:
                diagnostics.Add(Codes.UnsafeUrlRemoved, fromFile, pos,
                    $"the link '{Short(url)}' uses '{check.Scheme}:', which is not allowed (only {string.Join(", ", UrlPolicy.AllowedSchemes)} and links to files of the site); it was removed.");
                return null;
        }
        if (url.Length == 0 || url[0] == '#') return url;
        if (url[0] == '/' || url[0] == '\\')
        {
            diagnostics.Add(Codes.RootAbsoluteLink, fromFile, pos,
                $"'{url}' starts with '/', which breaks when the site is served under a sub-path; write a path relative to this file, or a full https:// address.");
            return null;
        }

        var (path, rest) = Split(url);
        path = Uri.UnescapeDataString(path).Replace('\\', '/');
        var fromDir = fromFile.Contains('/') ? fromFile[..fromFile.LastIndexOf('/')] : "";
        var parkDir = ParkDir(fromFile);
        string? firstTry = null;
        foreach (var baseDir in parkDir is null || parkDir == fromDir ? [fromDir] : new[] { fromDir, parkDir })
        {
            var target = Routes.Combine(baseDir, path);
            if (target is null)
            {
                diagnostics.Add(Codes.PathOutsideContent, fromFile, pos, $"'{url}' leads outside the content folder; link only to files inside it.");
                return null;
            }
            firstTry ??= target;
            if (Routes.ArticleOfSource(target) is { } page && tree.Find(target) is not null)
                return LangMarker + page + rest;
            if (IsMedia(target) && tree.Find(target) is not null)
                return RootMarker + Routes.Media(target) + rest;
        }
        diagnostics.Add(Codes.LinkTargetMissing, fromFile, pos,
            $"'{url}' points to '{firstTry}', which is not a page or a file in media/. Check the spelling, or put the file in the park's media/ folder.");
        return null;
    }

    /// <summary>A path written in front matter or YAML (attachments): relative to the park folder.</summary>
    public string? ResolveMedia(string path, SourcePos pos, out ContentFile? file)
    {
        file = null;
        var parkDir = ParkDir(fromFile) ?? "";
        if (path.StartsWith('/') || path.Contains(':'))
        {
            diagnostics.Add(Codes.PathOutsideContent, fromFile, pos, $"'{path}' must be a path inside the park folder, such as media/plan.pdf.");
            return null;
        }
        var target = Routes.Combine(parkDir, path.Replace('\\', '/'));
        if (target is null || !target.StartsWith(parkDir + "/", StringComparison.Ordinal))
        {
            diagnostics.Add(Codes.PathOutsideContent, fromFile, pos, $"'{path}' leads outside the park folder; attachments must be in its media/ folder.");
            return null;
        }
        file = tree.Find(target);
        if (file is null || !IsMedia(target))
        {
            diagnostics.Add(Codes.LinkTargetMissing, fromFile, pos, $"'{path}' is not a file in the park's media/ folder ({target}). Check the spelling and that the file is committed.");
            return null;
        }
        return target;
    }

    private static bool IsMedia(string relPath) =>
        relPath.StartsWith("parks/", StringComparison.Ordinal) && relPath.Split('/') is { Length: >= 4 } parts && parts[2] == "media";

    private static string? ParkDir(string relPath)
    {
        var parts = relPath.Split('/');
        return parts.Length >= 3 && parts[0] == "parks" ? $"parks/{parts[1]}" : null;
    }

    private static (string Path, string Suffix) Split(string url)
    {
        var i = url.IndexOfAny(['#', '?']);
        return i < 0 ? (url, "") : (url[..i], url[i..]);
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
