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
    /// <param name="known">
    /// A page's result when it is known without checking it (an unchanged page whose links find what they found in the
    /// previous build: <see cref="PageReuse.LinkResults"/>); null for a page to check. Null: every page is checked.
    /// </param>
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<PageLinks> pages, Func<string, bool> exists, Func<PageLinks, IReadOnlyList<Diagnostic>?>? known = null)
    {
        // The pages, not their ids: a kept page's are only taken from the build state when a link asks for one of them.
        var ids = new Dictionary<string, PageLinks>(pages.Count, StringComparer.Ordinal);
        foreach (var p in pages) ids.Add(p.OutputPath, p);
        var perPage = new IReadOnlyList<Diagnostic>?[pages.Count];
        // A relative link resolves the same way from every page of a folder, and the pages of a folder share most of
        // their links (the navigation, the footer): each folder's pages are checked together, and each link with a
        // path is resolved and looked up once per folder. Folders are checked in parallel, each page into its own
        // list; concatenated in page order, the result does not depend on threads.
        var folders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            if (known?.Invoke(pages[i]) is { } result)
            {
                perPage[i] = result;
                continue;
            }
            var path = pages[i].OutputPath;
            var folder = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
            if (!folders.TryGetValue(folder, out var list)) folders[folder] = list = [];
            list.Add(i);
        }
        Parallel.ForEach(folders.Values, members => CheckFolder(pages, members, ids, exists, perPage));
        return perPage.Where(r => r is not null).SelectMany(r => r!).ToList();
    }

    /// <summary>The broken links, anchors and images of the pages of one folder, each page's into its slot of
    /// <paramref name="perPage"/>. (A method of its own, not the body of the parallel loop, so that mutation testing
    /// can mutate it: docs/security.md, "Mutation testing".)</summary>
    private static void CheckFolder(IReadOnlyList<PageLinks> pages, List<int> members,
        Dictionary<string, PageLinks> ids, Func<string, bool> exists, IReadOnlyList<Diagnostic>?[] perPage)
    {
        var resolved = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var i in members)
        {
            var page = pages[i];
            List<Diagnostic>? result = null;
            var file = page.SourceFile ?? page.OutputPath;
            foreach (var href in page.Links) Check(page, href, false);
            foreach (var src in page.Images) Check(page, src, true);
            perPage[i] = result;

            void Check(PageLinks p, string url, bool image)
            {
                if (!resolved.TryGetValue(url, out var t)) resolved[url] = t = Resolve(p.OutputPath, url, exists);
                if (t.External) return;
                // A link without a path ("#top", "?q") is to the page itself, which exists.
                var (target, found) = t.SamePage ? (p.OutputPath, exists(p.OutputPath) || exists(p.OutputPath.TrimEnd('/') + "/index.html")) : (t.Path, t.Exists);
                if (target is null || !found)
                {
                    var code = image ? Codes.BrokenImage : Codes.BrokenLink;
                    (result ??= []).Add(new Diagnostic(code.Id, code.Severity, file, 0, 0,
                        $"the page {p.OutputPath} {(image ? "shows the image" : "links to")} '{url}', which is not in the built site."));
                    return;
                }
                if (t.Fragment is { Length: > 0 } fragment && ids.TryGetValue(target, out var targetPage) && !targetPage.Ids.Contains(fragment))
                    (result ??= []).Add(new Diagnostic(Codes.BrokenAnchor.Id, Codes.BrokenAnchor.Severity, file, 0, 0,
                        $"the page {p.OutputPath} links to '#{fragment}' on {target}, which has no element with that id."));
            }
        }
    }

    /// <summary>What a link says, resolved from a page of a folder: the same for every page of that folder.</summary>
    private readonly record struct Target(bool SamePage, string? Path, bool Exists, string? Fragment)
    {
        /// <summary>Not checked: external (http:, mailto:, ...) or empty.</summary>
        public bool External { get; init; }
    }

    private static Target Resolve(string fromOutputPath, string url, Func<string, bool> exists)
    {
        if (url.Length == 0 || url.Contains(':')) return new Target(false, null, false, null) { External = true };
        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
        var path = hash >= 0 ? url[..hash] : url;
        var q = path.IndexOf('?');
        if (q >= 0) path = path[..q];
        if (path.Length == 0) return new Target(true, null, false, fragment);
        var target = Routes.Resolve(fromOutputPath, Uri.UnescapeDataString(path));
        if (target is null || exists(target)) return new Target(false, target, target is not null, fragment);
        // A folder without its slash ("data#x"): a web server answers with the folder's index page, whose ids the anchor is checked against.
        var index = target.TrimEnd('/') + "/index.html";
        return exists(index) ? new Target(false, index, true, fragment) : new Target(false, target, false, fragment);
    }
}
