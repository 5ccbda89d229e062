namespace EcoSite.Core.Render;

/// <summary>
/// Site paths and relative links. Every link in the output is relative ("../../parks/a/index.html"), so the folder
/// works under any sub-path of any host and from disk. Links name "index.html" explicitly: a folder link ending in
/// '/' shows a directory listing (or nothing) when the site is opened from disk, while "index.html" works everywhere.
/// </summary>
public static class UrlPath
{
    /// <summary>The output path of a page in a language: the default language at the root, others under "lang/".</summary>
    public static string ForLanguage(string pageId, string lang, string defaultLang) =>
        lang == defaultLang ? pageId : $"{lang}/{pageId}";

    /// <summary>"../" once per folder between <paramref name="outputPath"/> and the site root.</summary>
    public static string RootPrefix(string outputPath)
    {
        var depth = 0;
        foreach (var c in outputPath) if (c == '/') depth++;
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>A path from the site root, made relative to the page at <paramref name="fromOutputPath"/>.</summary>
    public static string Relative(string fromOutputPath, string toSitePath)
    {
        var from = fromOutputPath.Split('/');
        var to = toSitePath.Split('/');
        var common = 0;
        while (common < from.Length - 1 && common < to.Length - 1 && from[common] == to[common]) common++;
        var ups = from.Length - 1 - common;
        var rest = string.Join('/', to.Skip(common));
        return string.Concat(Enumerable.Repeat("../", ups)) + rest;
    }

    /// <summary>An absolute URL from site.yaml base_url, or the root-relative path when there is none.</summary>
    public static string Absolute(string? baseUrl, string sitePath) =>
        baseUrl is null ? sitePath : baseUrl + (sitePath.EndsWith("/index.html", StringComparison.Ordinal) ? sitePath[..^"index.html".Length] : sitePath == "index.html" ? "" : sitePath);
}
