using System.Text.RegularExpressions;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Output;
using EcoSite.Tests.Search;

namespace EcoSite.Tests.EndToEnd;

/// <summary>The search index and page as `ecosite build` writes them for the sample site.</summary>
public sealed partial class SearchBuildTests
{
    private static (BuildResult Result, string Output) BuildSample(int threads)
    {
        var output = Path.Combine(Path.GetTempPath(), "ecosite-search-" + Guid.NewGuid().ToString("N"));
        var result = SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, output, new BuildClock(null, () => DateTimeOffset.UnixEpoch), Threads: threads));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (result, output);
    }

    private static SearchIndexReader ReadIndex(string output, string lang)
    {
        var folder = Path.Combine(output, "search-index", lang);
        var files = Directory.EnumerateFiles(folder, "*.js", SearchOption.AllDirectories)
            .Select(f => new TextFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();
        return new SearchIndexReader(files);
    }

    [Fact]
    public void Two_builds_with_different_thread_counts_write_the_same_index_bytes()
    {
        var (_, a) = BuildSample(1);
        var (_, b) = BuildSample(0);
        try
        {
            var first = TestSite.Snapshot(Path.Combine(a, "search-index"));
            var second = TestSite.Snapshot(Path.Combine(b, "search-index"));
            Assert.NotEmpty(first);
            Assert.Equal(first.Keys, second.Keys);
            foreach (var key in first.Keys) Assert.True(first[key].AsSpan().SequenceEqual(second[key]), $"{key} differs");
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void Every_indexed_page_exists_and_the_search_page_lists_each_of_them_by_park_and_category()
    {
        var (_, output) = BuildSample(0);
        try
        {
            foreach (var (lang, page) in new[] { ("zh", "search/index.html"), ("en", "en/search/index.html") })
            {
                var index = ReadIndex(output, lang);
                var paths = index.Documents.Values.Select(d => d[0]).ToList();
                Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(output, p)), $"{p} is indexed but not built"));
                Assert.Contains(paths, p => p.Contains("/exchange/waste-mineral-oil-supply.html", StringComparison.Ordinal));
                Assert.Contains(paths, p => p.Contains("/waste/", StringComparison.Ordinal));
                Assert.Contains(paths, p => p.Contains("/polluters/qh-power.html", StringComparison.Ordinal));
                Assert.Contains(paths, p => p.Contains("/news/2026-03-02-work-plan.html", StringComparison.Ordinal));
                Assert.DoesNotContain(paths, p => p.EndsWith("exchange/index.html", StringComparison.Ordinal) && !p.Contains("parks/", StringComparison.Ordinal));

                var html = File.ReadAllText(Path.Combine(output, page));
                var browse = html[html.IndexOf("id=\"search-browse\"", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
                var links = Href().Matches(browse).Select(m => Resolve(page, m.Groups[1].Value)).ToList();
                Assert.Equal(paths.Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    [Fact]
    public void Every_page_has_a_search_form_in_its_header_that_leads_to_the_search_page_of_its_language()
    {
        var (_, output) = BuildSample(0);
        try
        {
            var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Where(p => p != "404.html").ToList();
            Assert.NotEmpty(pages);
            foreach (var page in pages)
            {
                var html = File.ReadAllText(Path.Combine(output, page));
                var header = html[html.IndexOf("<header", StringComparison.Ordinal)..html.IndexOf("</header>", StringComparison.Ordinal)];
                var form = SearchForm().Match(header);
                Assert.True(form.Success, $"{page} has no search form in its header");
                var expected = page.StartsWith("en/", StringComparison.Ordinal) ? "en/search/index.html" : "search/index.html";
                Assert.Equal(expected, Resolve(page, form.Groups[1].Value));
                Assert.Contains("<label class=\"visually-hidden\" for=\"site-search-q\">", header, StringComparison.Ordinal);
                Assert.Contains("name=\"q\"", header, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    private static string Resolve(string page, string href)
    {
        var parts = page.Split('/').SkipLast(1).ToList();
        foreach (var part in href.Split('/'))
        {
            if (part == "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<form class=\"site-search\" role=\"search\"[^>]* action=\"([^\"]+)\" method=\"get\">")]
    private static partial Regex SearchForm();
}
