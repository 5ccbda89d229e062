using System.Text.Json;
using EcoSite.Cli;

namespace EcoSite.Tests.Cli;

/// <summary>'ecosite check' and 'build' as CI runs them: the JSON report always parses, and --fail-under gates on the score.</summary>
public sealed class CheckCommandTests
{
    private const string FreshNews = "---\ntitle: 新闻\ndate: 2026-11-28\n---\n正文。\n";

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Check_json_parses_and_lists_each_park_with_its_score_categories_and_reasons()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", FreshNews);
        var (code, stdout, _) = await Run("check", site.Content, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2026-11-29", doc.RootElement.GetProperty("as_of").GetString());
        var park = Assert.Single(doc.RootElement.GetProperty("parks").EnumerateArray());
        Assert.Equal("demo", park.GetProperty("id").GetString());
        Assert.Equal(20, park.GetProperty("score").GetDouble());
        var categories = park.GetProperty("categories");
        Assert.Equal(["news", "indicators", "cases", "waste", "polluters"], categories.EnumerateObject().Select(p => p.Name));
        Assert.Equal(20, categories.GetProperty("news").GetDouble());
        Assert.Equal(4, park.GetProperty("reasons").GetArrayLength());
        Assert.All(park.GetProperty("reasons").EnumerateArray(), r => Assert.Contains("blank column", r.GetString()));
    }

    [Fact]
    public async Task Check_json_of_the_sample_content_parses_with_every_park()
    {
        var (code, stdout, _) = await Run("check", TestSite.SampleContent, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("parks").GetArrayLength());
        Assert.All(doc.RootElement.GetProperty("parks").EnumerateArray(), p =>
        {
            var score = p.GetProperty("score").GetDouble();
            Assert.InRange(score, 0, 100);
            Assert.Equal(Math.Round(score, 1), score);
        });
    }

    [Fact]
    public async Task Check_json_is_valid_when_the_content_has_errors()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-11-28-a.md", "---\ntitle: \"引号 \\\" 与 <html> & 换行\"\ndate: 2026-13-45\n---\n正文。\n")
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues: [{indicator: no-such-thing, value: 1}]\n");
        var (code, stdout, _) = await Run("check", site.Content, "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("parks").ValueKind);
    }

    [Fact]
    public async Task Check_json_is_valid_with_empty_parks_when_site_yaml_is_missing()
    {
        using var site = new TestSite().Without("site.yaml");
        var (code, stdout, _) = await Run("check", site.Content, "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("as_of").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("parks").GetArrayLength());
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "ECO005");
    }

    [Fact]
    public async Task Check_json_is_valid_when_site_yaml_is_broken()
    {
        using var site = new TestSite().With("site.yaml", "title: [unclosed\n");
        var (code, stdout, _) = await Run("check", site.Content, "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("parks").GetArrayLength());
    }

    [Fact]
    public async Task Fail_under_exits_1_and_names_the_park_below_the_threshold()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", FreshNews);
        var (code, _, stderr) = await Run("check", site.Content, "--fail-under", "50");
        Assert.Equal(1, code);
        Assert.Contains("'demo'", stderr);
        Assert.Contains("20.0", stderr);
    }

    [Fact]
    public async Task Fail_under_passes_when_every_park_reaches_the_threshold()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", FreshNews);
        Assert.Equal(0, (await Run("check", site.Content, "--fail-under", "20")).Code);
        Assert.Equal(0, (await Run("check", site.Content, "--format", "json", "--fail-under", "20")).Code);
    }

    [Fact]
    public async Task Fail_under_gates_the_build_too()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", FreshNews);
        var (code, _, stderr) = await Run("build", site.Content, "-o", site.Output, "--fail-under", "90", "-q");
        Assert.Equal(1, code);
        Assert.Contains("'demo'", stderr);
        Assert.Equal(0, (await Run("build", site.Content, "-o", site.Output, "--fail-under", "10", "-q")).Code);
    }

    [Fact]
    public async Task Fail_under_outside_0_to_100_is_a_usage_error()
    {
        Assert.Equal(2, (await Run("check", TestSite.SampleContent, "--fail-under", "101")).Code);
    }

    [Fact]
    public async Task The_text_report_lists_each_park_with_its_score_and_reasons()
    {
        using var site = new TestSite().With("parks/demo/news/2026-09-01-a.md", "---\ntitle: 新闻\ndate: 2026-09-01\n---\n正文。\n");
        var (_, stdout, _) = await Run("check", site.Content);
        Assert.Contains("demo: 10.0 / 100", stdout);
        Assert.Contains("news: newest item 2026-09-01 is 89 days old, more than 14", stdout);
    }
}
