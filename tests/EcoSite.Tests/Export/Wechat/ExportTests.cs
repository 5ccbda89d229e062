using EcoSite.Cli;
using EcoSite.Core.Export.Wechat;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Export.Wechat;

/// <summary>'ecosite export wechat' end to end: which listings a digest holds, stable bytes, and the rules a build follows.</summary>
public sealed class ExportTests
{
    private static TestSite WithListings() => WechatTestSite.Create()
        .With("parks/demo/news/2026-11-20-a.md", "---\ntitle: 新闻\ndate: 2026-11-20\n---\n正文。\n")
        .With("parks/demo/exchange/today.yaml", WechatTestSite.Listing("supply", "今天", "2026-11-29"))
        .With("parks/demo/exchange/six-days.yaml", WechatTestSite.Listing("demand", "六天前", "2026-11-23", "2027-01-01"))
        .With("parks/demo/exchange/seven-days.yaml", WechatTestSite.Listing("supply", "七天前", "2026-11-22"))
        .With("parks/demo/exchange/expired.yaml", WechatTestSite.Listing("supply", "已过期", "2026-11-24", "2026-11-28"))
        .With("parks/demo/exchange/future.yaml", WechatTestSite.Listing("supply", "尚未生效", "2026-12-01"))
        .With("parks/demo/exchange/old.yaml", WechatTestSite.Listing("demand", "很早", "2026-03-01"))
        .With("parks/other/park.yaml", TestSite.ParkYaml)
        .With("parks/other/enterprises.yaml", WechatTestSite.Enterprises)
        .With("parks/other/exchange/other.yaml", WechatTestSite.Listing("demand", "今天", "2026-11-28", enterprise: "demo-cement"));

    private static List<string> DigestListings(string exportDir, string kind, string? park = null) =>
        WechatTestSite.Articles(exportDir)
            .Where(a => a.GetProperty("kind").GetString() == kind && (park is null || a.GetProperty("park").GetString() == park))
            .SelectMany(a => a.GetProperty("listings").EnumerateArray().Select(l => l.GetString()!)).ToList();

    [Fact]
    public void By_default_a_digest_holds_the_active_listings_posted_in_the_seven_days_up_to_today()
    {
        using var site = WithListings();
        var result = site.Export();
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        Assert.Equal(new DateOnly(2026, 11, 23), result.Since);
        Assert.Equal(["demo/today", "other/other", "demo/six-days"], DigestListings(site.ExportDir(), "region-digest"));
        Assert.Equal(["demo/today", "demo/six-days"], DigestListings(site.ExportDir(), "park-digest", "demo"));
        Assert.Equal(["other/other"], DigestListings(site.ExportDir(), "park-digest", "other"));
        Assert.Equal("2026-11-23", WechatTestSite.Manifest(site.ExportDir()).GetProperty("since").GetString());
        var html = File.ReadAllText(Path.Combine(site.ExportDir(), "zh/exchange-digest/article.html"));
        Assert.Contains("今天", html);
        Assert.DoesNotContain("七天前", html);
        Assert.Contains("可匹配（1 条）", html); // demo's supply and other's demand share a material name
    }

    [Fact]
    public void Since_moves_the_first_day_and_a_park_with_nothing_new_gets_no_digest()
    {
        using var site = WithListings();
        var result = site.Export(since: new DateOnly(2026, 3, 1));
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        Assert.Equal(["demo/today", "demo/seven-days", "other/other", "demo/six-days", "demo/old"], DigestListings(site.ExportDir(), "region-digest"));

        var later = site.Export(since: new DateOnly(2026, 11, 29));
        Assert.True(later.Success);
        Assert.Equal(["demo/today"], DigestListings(site.ExportDir(), "region-digest"));
        Assert.Empty(DigestListings(site.ExportDir(), "park-digest", "other"));
        Assert.Contains(WechatTestSite.Manifest(site.ExportDir()).GetProperty("skipped").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "park-digest" && s.GetProperty("park").GetString() == "other" && s.GetProperty("reason").GetString() == "no-new-listings");
        Assert.False(Directory.Exists(Path.Combine(site.ExportDir(), "zh/parks/other/exchange-digest")));
    }

    [Fact]
    public void The_same_content_exports_to_the_same_bytes_including_the_PNG_files()
    {
        using var site = WithListings().WithBytes("parks/demo/media/a.png", [0x89, 0x50, 0x4E, 0x47, 9, 9])
            .With("parks/demo/cases/c.md", "---\ntitle: 案例\ndate: 2026-07-01\n---\n![图](../media/a.png)\n");
        var first = Path.Combine(site.Root, "one");
        var second = Path.Combine(site.Root, "two");
        Assert.True(site.Export(["zh", "en"], output: first).Success);
        Assert.True(site.Export(["zh", "en"], output: second).Success);
        var a = TestSite.Snapshot(first);
        var b = TestSite.Snapshot(second);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Contains(a.Keys, k => k.EndsWith("qr-code.png", StringComparison.Ordinal));
        foreach (var key in a.Keys) Assert.True(a[key].AsSpan().SequenceEqual(b[key]), $"{key} differs");
        // An export into its own previous output replaces it with the same bytes.
        Assert.True(site.Export(["zh", "en"], output: first).Success);
        var again = TestSite.Snapshot(first);
        foreach (var key in a.Keys) Assert.True(a[key].AsSpan().SequenceEqual(again[key]), $"{key} differs after re-export");
    }

    [Fact]
    public void A_site_without_base_url_is_a_located_error_and_nothing_is_written()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-a.md", "---\ntitle: 新闻\ndate: 2026-11-20\n---\n正文。\n");
        var result = site.Export();
        Assert.False(result.Success);
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO401", "site.yaml", 1, 1);
        Assert.Contains("base_url:", d.Message);
        Assert.False(Directory.Exists(site.ExportDir()));
    }

    [Fact]
    public void Content_errors_stop_the_export_with_exactly_the_diagnostics_of_check()
    {
        using var site = WechatTestSite.Create()
            .With("parks/demo/news/2026-11-20-a.md", "---\ntitle: 新闻\ndate: 2026-13-45\n---\n正文。\n")
            .With("parks/demo/exchange/bad.yaml", "kind: supply\ncategory: waste\nenterprise: nobody\nmaterial: 灰\nposted: 2026-11-28\n");
        var check = site.Check();
        Assert.True(check.Errors > 0);
        var result = site.Export();
        Assert.False(result.Success);
        Assert.Equal(check.Diagnostics, result.Diagnostics);
        Assert.False(Directory.Exists(site.ExportDir()));
    }

    [Fact]
    public void A_language_the_site_does_not_publish_is_an_error()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", "title: 平台\nlanguages: [zh]\nas_of: 2026-11-29\nbase_url: https://example.gov.cn/\n")
            .With("parks/demo/park.yaml", "name: 测试园区\n");
        var result = site.Export(["en"]);
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO022", "site.yaml");
        Assert.False(Directory.Exists(site.ExportDir()));
    }

    [Fact]
    public void The_output_folder_follows_the_build_rules_never_the_content_folder_never_someone_elses_files()
    {
        using var site = WechatTestSite.Create();
        Assert.Contains(site.Export(output: site.Content).Diagnostics, d => d.Code == "ECO301");
        Assert.Contains(site.Export(output: Path.Combine(site.Content, "parks", "_wechat")).Diagnostics, d => d.Code == "ECO301");
        Assert.False(Directory.Exists(Path.Combine(site.Content, "parks", "_wechat")));

        var theirs = Path.Combine(site.Root, "theirs");
        Directory.CreateDirectory(theirs);
        File.WriteAllText(Path.Combine(theirs, "notes.txt"), "not ours");
        var refused = site.Export(output: theirs);
        Assert.False(refused.Success);
        DiagnosticAssert.Has(refused.Diagnostics, "ECO302", theirs.Replace('\\', '/'));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(theirs).Select(Path.GetFileName));

        // A previous export carries the marker, so it is replaced whole.
        Assert.True(site.Export().Success);
        Assert.True(File.Exists(Path.Combine(site.ExportDir(), SiteWriter.MarkerName)));
        File.WriteAllText(Path.Combine(site.ExportDir(), "stale.txt"), "from before");
        Assert.True(site.Export().Success);
        Assert.False(File.Exists(Path.Combine(site.ExportDir(), "stale.txt")));
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_command_exports_with_exit_0_and_says_where_to_start()
    {
        using var site = WithListings();
        var output = Path.Combine(site.Root, "out");
        var (code, stdout, _) = await Run("export", "wechat", site.Content, "-o", output, "--lang", "zh", "--lang", "en", "--since", "2026-11-01");
        Assert.Equal(EcoSiteCommand.Ok, code);
        Assert.Contains(Path.Combine(output, WechatExporter.IndexName), stdout);
        Assert.True(File.Exists(Path.Combine(output, "en/exchange-digest/article.html")));
        Assert.Equal("2026-11-01", WechatTestSite.Manifest(output).GetProperty("since").GetString());
        // index.html links every article's preview and shows the title and digest to type in.
        var index = File.ReadAllText(Path.Combine(output, WechatExporter.IndexName));
        foreach (var a in WechatTestSite.Articles(output))
        {
            Assert.Contains($"href=\"{a.GetProperty("preview").GetString()}\"", index);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(a.GetProperty("digest").GetString()!), index);
        }
    }

    [Theory]
    [InlineData("--since", "2026-11-31")]
    [InlineData("--since", "last week")]
    [InlineData("--lang", "fr")]
    public async Task A_bad_option_is_a_usage_error(string option, string value)
    {
        using var site = WechatTestSite.Create();
        var (code, _, stderr) = await Run("export", "wechat", site.Content, "-o", Path.Combine(site.Root, "out"), option, value);
        Assert.Equal(EcoSiteCommand.UsageError, code);
        Assert.Contains(value, stderr);
        Assert.Contains("ecosite export wechat --help", stderr);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "out")));
    }

    [Fact]
    public async Task A_missing_base_url_exits_1_with_the_located_diagnostic()
    {
        using var site = new TestSite();
        var (code, _, stderr) = await Run("export", "wechat", site.Content, "-o", Path.Combine(site.Root, "out"));
        Assert.Equal(EcoSiteCommand.ContentErrors, code);
        Assert.Contains("site.yaml:1:1: error ECO401:", stderr);
    }

    [Fact]
    public async Task Help_lists_export_beside_the_other_commands()
    {
        var (_, root, _) = await Run("--help");
        foreach (var command in new[] { "build", "check", "serve", "new", "export" })
            Assert.Matches($@"(?m)^\s+{command}\b", root);
        var (_, wechat, _) = await Run("export", "wechat", "--help");
        foreach (var option in new[] { "--output", "--lang", "--since", "Examples:" })
            Assert.Contains(option, wechat);
    }
}
