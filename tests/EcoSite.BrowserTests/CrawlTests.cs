using System.Net;
using System.Text.RegularExpressions;

namespace EcoSite.BrowserTests;

/// <summary>Every link, image, stylesheet and script reachable from the home page answers, over nginx and over file://.</summary>
[Collection("site")]
public sealed partial class CrawlTests(SiteFixture site)
{
    /// <summary>
    /// Pages that nothing links to yet (reported to the lead: the open-data index data/index.html is not linked from
    /// the home page or the navigation). Remove an entry once the page is linked; any other unlinked page fails.
    /// </summary>
    public static readonly HashSet<string> KnownOrphans = [];

    [GeneratedRegex("""<(?<tag>a|img|link|script|source|iframe)\b[^>]*?\s(?<attr>href|src)\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>]+))""", RegexOptions.IgnoreCase)]
    private static partial Regex RefAttr();

    /// <summary>The href/src targets of one HTML document, HTML-decoded, without fragments of the same page.</summary>
    public static IEnumerable<string> References(string html)
    {
        foreach (Match m in RefAttr().Matches(html))
        {
            var v = WebUtility.HtmlDecode(m.Groups["v"].Value).Trim();
            var hash = v.IndexOf('#');
            if (hash >= 0) v = v[..hash]; // file: URIs keep '#' in the path
            if (v.Length == 0 || v.StartsWith('#')) continue;
            if (Regex.IsMatch(v, "^(mailto|tel|javascript|data):", RegexOptions.IgnoreCase)) continue;
            yield return v;
        }
    }

    private static Uri WithoutFragment(Uri u) => new UriBuilder(u) { Fragment = "" }.Uri;

    [Fact]
    public async Task Every_same_origin_reference_from_the_home_page_answers_200_over_nginx()
    {
        var start = new Uri(site.Url("index.html"));
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.AbsoluteUri };
        var queue = new Queue<(Uri Url, string From)>([(start, "(start)")]);
        var broken = new List<string>();
        var pages = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            using var response = await site.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{(int)response.StatusCode} {url.AbsolutePath} (linked from {from})");
                continue;
            }
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type != "text/html") continue;
            pages.Add(url.AbsolutePath.EndsWith('/') ? url.AbsolutePath + "index.html" : url.AbsolutePath);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var r in References(html))
            {
                if (!Uri.TryCreate(url, r, out var target)) { broken.Add($"unparsable '{r}' in {url.AbsolutePath}"); continue; }
                if (target.Scheme != url.Scheme || target.Authority != url.Authority) continue; // another site
                target = WithoutFragment(target);
                if (seen.Add(target.AbsoluteUri)) queue.Enqueue((target, url.AbsolutePath));
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken references over nginx under {SiteFixture.SubPath}:\n" + string.Join("\n", broken));
        var unreached = site.Pages.Where(p => p != "404.html" && !KnownOrphans.Contains(p) && !pages.Contains(SiteFixture.SubPath + p)).ToList();
        Assert.True(unreached.Count == 0, $"{unreached.Count} pages not reachable over nginx from index.html:\n" + string.Join("\n", unreached));
    }

    [Fact]
    public void The_same_crawl_over_file_urls_reaches_every_page()
    {
        var start = new Uri(Path.Combine(site.Output, "index.html"));
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.LocalPath };
        var queue = new Queue<(Uri Url, string From)>([(start, "(start)")]);
        var broken = new List<string>();
        var reachedPages = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            var path = url.LocalPath;
            if (!File.Exists(path))
            {
                broken.Add($"missing {Path.GetRelativePath(site.Output, path)} (linked from {from})");
                continue;
            }
            if (!path.EndsWith(".html", StringComparison.Ordinal)) continue;
            var rel = Path.GetRelativePath(site.Output, path).Replace('\\', '/');
            reachedPages.Add(rel);
            foreach (var r in References(File.ReadAllText(path)))
            {
                if (!Uri.TryCreate(url, r, out var target)) { broken.Add($"unparsable '{r}' in {rel}"); continue; }
                if (!target.IsFile) continue;
                target = WithoutFragment(target);
                if (seen.Add(target.LocalPath)) queue.Enqueue((target, rel));
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken references over file://:\n" + string.Join("\n", broken));
        var unreached = site.Pages.Where(p => p != "404.html" && !KnownOrphans.Contains(p) && !reachedPages.Contains(p)).ToList();
        Assert.True(unreached.Count == 0, $"{unreached.Count} pages not reachable over file:// from index.html:\n" + string.Join("\n", unreached));
    }
}
