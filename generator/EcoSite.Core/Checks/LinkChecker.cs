using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Checks;

/// <summary>
/// Checks every link, anchor and image of the rendered pages against the files actually written, for every page and
/// language (government website inspection: broken links and images). External links are not fetched.
/// </summary>
internal static class LinkChecker
{
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<PageLinks> pages, IReadOnlySet<string> outputFiles) =>
        Check(pages, outputFiles.Contains);

    /// <param name="exists">Whether the site has a file at an output path (a shard also knows the other shards' files by rule).</param>
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<PageLinks> pages, Func<string, bool> exists)
    {
        var ids = pages.ToDictionary(p => p.OutputPath, p => p.Ids, StringComparer.Ordinal);
        // Pages are checked in parallel, each into its own list; concatenated in page order, the result does not
        // depend on threads.
        var perPage = new List<Diagnostic>?[pages.Count];
        Parallel.For(0, pages.Count, i => perPage[i] = CheckPage(pages[i], ids, exists));
        return perPage.Where(r => r is not null).SelectMany(r => r!).ToList();
    }

    /// <summary>The broken links, anchors and images of one page; null when it has none. (A method of its own, not the
    /// body of the parallel loop, so that mutation testing can mutate it: docs/security.md, "Mutation testing".)</summary>
    private static List<Diagnostic>? CheckPage(PageLinks page, Dictionary<string, IReadOnlySet<string>> ids, Func<string, bool> exists)
    {
        List<Diagnostic>? result = null;
        var file = page.SourceFile ?? page.OutputPath;
        foreach (var href in page.Links) Check(href, false);
        foreach (var src in page.Images) Check(src, true);
        return result;

        void Check(string url, bool image)
        {
            if (url.Length == 0 || url.Contains(':')) return; // external (http:, mailto:, ...) or empty
            var hash = url.IndexOf('#');
            var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
            var path = hash >= 0 ? url[..hash] : url;
            var q = path.IndexOf('?');
            if (q >= 0) path = path[..q];
            var target = path.Length == 0 ? page.OutputPath : Routes.Resolve(page.OutputPath, Uri.UnescapeDataString(path));
            if (target is null || !exists(target) && !exists(target.TrimEnd('/') + "/index.html"))
            {
                var code = image ? Codes.BrokenImage : Codes.BrokenLink;
                (result ??= []).Add(new Diagnostic(code.Id, code.Severity, file, 0, 0,
                    $"the page {page.OutputPath} {(image ? "shows the image" : "links to")} '{url}', which is not in the built site."));
                return;
            }
            if (fragment is { Length: > 0 } && ids.TryGetValue(target, out var targetIds) && !targetIds.Contains(fragment))
                (result ??= []).Add(new Diagnostic(Codes.BrokenAnchor.Id, Codes.BrokenAnchor.Severity, file, 0, 0,
                    $"the page {page.OutputPath} links to '#{fragment}' on {target}, which has no element with that id."));
        }
    }
}
