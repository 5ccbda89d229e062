using System.Text.RegularExpressions;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.EndToEnd;

/// <summary>The sample content in content/ builds into a complete bilingual site.</summary>
public sealed partial class SampleSiteTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-sample-" + Guid.NewGuid().ToString("N"));

    private BuildResult Build(string output, int threads = 0) =>
        SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, output, new BuildClock(null, () => DateTimeOffset.UnixEpoch), Threads: threads));

    [Fact]
    public void Sample_site_builds_without_errors_with_home_and_park_pages_in_both_languages()
    {
        var output = Path.Combine(_root, "site");
        var result = Build(output);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        foreach (var page in new[] { "index.html", "en/index.html", "404.html", "sitemap.xml", "feed.xml", "en/feed.xml", "assets/site.css" })
            Assert.True(File.Exists(Path.Combine(output, page)), page);
        foreach (var park in Directory.GetDirectories(Path.Combine(TestSite.SampleContent, "parks")).Select(Path.GetFileName))
        {
            Assert.True(File.Exists(Path.Combine(output, "parks", park!, "index.html")), park);
            Assert.True(File.Exists(Path.Combine(output, "en", "parks", park!, "index.html")), park);
        }
    }

    [GeneratedRegex("""(?:href|src)="/""")]
    private static partial Regex RootAbsolute();

    [Fact]
    public void No_page_has_a_root_absolute_link()
    {
        var output = Path.Combine(_root, "site");
        Assert.True(Build(output).Success);
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            Assert.False(RootAbsolute().IsMatch(html), $"{file} has a root-absolute link");
            Assert.DoesNotContain("eco-root:", html);
            Assert.DoesNotContain("eco-lang:", html);
        }
    }

    [Fact]
    public void Two_builds_with_different_thread_counts_give_identical_trees()
    {
        var a = Path.Combine(_root, "a");
        var b = Path.Combine(_root, "b");
        Assert.True(Build(a, threads: 1).Success);
        Assert.True(Build(b, threads: 8).Success);
        var left = TestSite.Snapshot(a);
        var right = TestSite.Snapshot(b);
        Assert.Equal(left.Keys, right.Keys);
        foreach (var (path, bytes) in left)
            Assert.True(bytes.AsSpan().SequenceEqual(right[path]), $"{path} differs between builds");
    }

    [Fact]
    public void Every_page_links_to_its_other_language_and_declares_reciprocal_hreflang()
    {
        var output = Path.Combine(_root, "site");
        Assert.True(Build(output).Success);
        var zh = File.ReadAllText(Path.Combine(output, "parks/qinghe/index.html"));
        var en = File.ReadAllText(Path.Combine(output, "en/parks/qinghe/index.html"));
        Assert.Contains("<html lang=\"zh-CN\">", zh);
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("href=\"../../en/parks/qinghe/index.html\" hreflang=\"en\"", zh);
        Assert.Contains("href=\"../../../parks/qinghe/index.html\" hreflang=\"zh-CN\"", en);
        foreach (var html in new[] { zh, en })
        {
            Assert.Contains("hreflang=\"zh-CN\" href=\"https://www.example.gov.cn/sthj/stgy/parks/qinghe/\"", html);
            Assert.Contains("hreflang=\"en\" href=\"https://www.example.gov.cn/sthj/stgy/en/parks/qinghe/\"", html);
            Assert.Contains("hreflang=\"x-default\" href=\"https://www.example.gov.cn/sthj/stgy/parks/qinghe/\"", html);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); }
        catch (IOException) { }
    }
}
