using EcoSite.Cli;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Scaffold;

namespace EcoSite.Tests.Cli;

/// <summary>'ecosite new': every kind of starting file builds with no errors; nothing is overwritten; bad names exit 2 with the rule.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-new-" + Guid.NewGuid().ToString("N"));

    private string Content => Path.Combine(_root, "content");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task NewOk(params string[] args)
    {
        var (code, stdout, stderr) = await Run(["new", .. args, "--content", Content]);
        Assert.True(code == 0, $"ecosite new {string.Join(' ', args)} exited {code}: {stderr}");
        Assert.Contains("Created ", stdout);
    }

    private BuildResult Build() =>
        SiteBuilder.Build(new BuildOptions(Content, Path.Combine(_root, "_site"), BuildClock.FromEnvironment()));

    [Fact]
    public async Task New_site_builds_at_once_with_no_errors()
    {
        var (code, stdout, stderr) = await Run("new", "site", Content, "--park", "qinghe");
        Assert.True(code == 0, stderr);
        Assert.Contains("site.yaml", stdout);
        Assert.True(File.Exists(Path.Combine(Content, "parks", "qinghe", "park.yaml")));

        var build = await Run("build", Content, "-o", Path.Combine(_root, "_site"));
        Assert.True(build.Code == 0, build.Err);
    }

    [Fact]
    public async Task Every_scaffold_kind_together_builds_with_no_errors()
    {
        Assert.Equal(0, (await Run("new", "site", Content, "--park", "my-park")).Code);
        await NewOk("park", "lanshan");
        await NewOk("news", "lanshan", "2026-12-01-training");
        await NewOk("case", "lanshan", "slag-to-cement");
        await NewOk("polluter", "lanshan", "ls-power");
        await NewOk("listing", "lanshan", "fly-ash-supply");
        await NewOk("listing", "lanshan", "oil-demand", "--enterprise", "ls-chem");
        await NewOk("indicators", "lanshan", "2025");
        await NewOk("waste", "lanshan", "2025");
        await NewOk("page", "lanshan", "about");
        await NewOk("news", "my-park", "welcome");

        var result = Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(0, result.Errors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "ECO012" or "ECO024"); // no unknown fields, no stray files

        var park = Path.Combine(Content, "parks", "lanshan");
        foreach (var rel in new[] { "news/2026-12-01-training.md", "news/2026-12-01-training.en.md", "cases/slag-to-cement.md", "cases/slag-to-cement.en.md" })
            Assert.True(File.Exists(Path.Combine(park, rel)), rel);
        foreach (var yaml in Directory.EnumerateFiles(Content, "*.yaml", SearchOption.AllDirectories))
            Assert.StartsWith("# yaml-language-server: $schema=", File.ReadAllText(yaml));
        var enterprises = File.ReadAllText(Path.Combine(park, "enterprises.yaml"));
        Assert.Contains("id: ls-power", enterprises);
        Assert.Contains("id: ls-chem", enterprises);
        Assert.Contains("enterprise: ls-power", File.ReadAllText(Path.Combine(park, "exchange", "fly-ash-supply.yaml")));
    }

    [Theory]
    [InlineData(ScaffoldKind.Site)]
    [InlineData(ScaffoldKind.Park)]
    [InlineData(ScaffoldKind.Enterprises)]
    [InlineData(ScaffoldKind.Listing)]
    [InlineData(ScaffoldKind.Polluter)]
    [InlineData(ScaffoldKind.Indicators)]
    [InlineData(ScaffoldKind.Waste)]
    public void Modelines_name_a_schema_the_site_publishes(object kind) =>
        Assert.Contains(SchemaLinks.FileName((ScaffoldKind)kind), EcoSite.Core.Schemas.SchemaFiles.Names);

    [Fact]
    public void A_modeline_climbs_from_the_file_to_the_schemas_in_the_content_folder() =>
        Assert.Equal("# yaml-language-server: $schema=../../../.schemas/listing.schema.json",
            SchemaLinks.Modeline(ScaffoldKind.Listing, "parks/qinghe/exchange/oil.yaml"));

    [Fact]
    public async Task New_refuses_to_overwrite_an_existing_file_and_changes_nothing()
    {
        Assert.Equal(0, (await Run("new", "site", Content, "--park", "my-park")).Code);
        await NewOk("news", "my-park", "notice");
        var path = Path.Combine(Content, "parks", "my-park", "news", "notice.md");
        File.WriteAllText(path, "edited by hand");
        File.Delete(Path.Combine(Content, "parks", "my-park", "news", "notice.en.md"));

        var (code, _, stderr) = await Run("new", "news", "my-park", "notice", "--content", Content);
        Assert.Equal(EcoSiteCommand.ContentErrors, code);
        Assert.Contains("already exists", stderr);
        Assert.Equal("edited by hand", File.ReadAllText(path));
        Assert.False(File.Exists(Path.Combine(Content, "parks", "my-park", "news", "notice.en.md")), "a pair is written whole or not at all");

        var again = await Run("new", "site", Content, "--park", "my-park");
        Assert.Equal(EcoSiteCommand.ContentErrors, again.Code);
        Assert.Contains("site.yaml", again.Err);
    }

    [Theory]
    [InlineData("park", "Qinghe")]
    [InlineData("park", "q")]
    [InlineData("park", "--", "-leading-dash")] // after "--": without it, an unknown option (UnknownOptionTests)
    [InlineData("news", "my-park", "Work_Plan")]
    [InlineData("case", "my-park", "a.b")]
    [InlineData("listing", "my-park", "fly ash")]
    [InlineData("polluter", "my-park", "QH-Power")]
    [InlineData("indicators", "my-park", "25")]
    [InlineData("news", "Bad Park", "ok")]
    public async Task New_rejects_a_bad_id_with_exit_2_and_states_the_rule(params string[] args)
    {
        Assert.Equal(0, (await Run("new", "site", Content, "--park", "my-park")).Code);
        var before = TestSite.Snapshot(Content);
        var (code, _, stderr) = await Run(["new", "--content", Content, .. args]);
        Assert.Equal(EcoSiteCommand.UsageError, code);
        Assert.Matches("a-z, 0-9|four digits", stderr);
        Assert.Equal(before.Keys, TestSite.Snapshot(Content).Keys);
    }

    [Fact]
    public async Task New_item_in_a_park_that_does_not_exist_exits_1_and_names_the_command_to_create_it()
    {
        Assert.Equal(0, (await Run("new", "site", Content, "--park", "my-park")).Code);
        var (code, _, stderr) = await Run("new", "news", "nowhere", "hello", "--content", Content);
        Assert.Equal(EcoSiteCommand.ContentErrors, code);
        Assert.Contains("ecosite new park nowhere", stderr);
    }

    [Fact]
    public async Task New_park_where_a_file_has_the_park_folder_name_exits_1_with_a_message()
    {
        Assert.Equal(0, (await Run("new", "site", Content)).Code);
        File.WriteAllText(Path.Combine(Content, "parks", "qinghe2"), "a file, not a folder");
        var (code, _, stderr) = await Run("new", "park", "qinghe2", "--content", Content);
        Assert.Equal(EcoSiteCommand.ContentErrors, code);
        Assert.Contains("parks/qinghe2", stderr);
        Assert.DoesNotContain("internal error", stderr);
        Assert.Equal("a file, not a folder", File.ReadAllText(Path.Combine(Content, "parks", "qinghe2")));
    }

    [Fact]
    public void Scaffolded_items_are_dated_today_and_listings_run_six_months()
    {
        var today = new DateOnly(2026, 11, 29);
        var scaffolder = new Scaffolder(Content, today);
        Assert.True(scaffolder.Site("qinghe").Ok);
        Assert.True(scaffolder.News("qinghe", "a").Ok);
        Assert.True(scaffolder.Case("qinghe", "b").Ok);
        Assert.True(scaffolder.Listing("qinghe", "c", "qh-steel").Ok);
        Assert.True(scaffolder.Polluter("qinghe", "qh-steel").Ok);

        var park = Path.Combine(Content, "parks", "qinghe");
        Assert.Contains("date: 2026-11-29", File.ReadAllText(Path.Combine(park, "news", "a.md")));
        Assert.Contains("date: 2026-11-29", File.ReadAllText(Path.Combine(park, "cases", "b.en.md")));
        var listing = File.ReadAllText(Path.Combine(park, "exchange", "c.yaml"));
        Assert.Contains("posted: 2026-11-29", listing);
        Assert.Contains("valid_until: 2027-05-29", listing);
        Assert.Contains("report_year: 2025", File.ReadAllText(Path.Combine(park, "polluters", "qh-steel.yaml")));

        var result = SiteBuilder.Check(new BuildOptions(Content, "", new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(0, result.Errors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ECO202"); // the new news item is fresh
    }

    [Fact]
    public void A_listing_without_any_enterprise_in_the_park_asks_for_one()
    {
        var scaffolder = new Scaffolder(Content, new DateOnly(2026, 11, 29));
        Assert.True(scaffolder.Site("qinghe").Ok);
        var result = scaffolder.Listing("qinghe", "c");
        Assert.Equal(ScaffoldStatus.Missing, result.Status);
        Assert.Contains("--enterprise", result.Message);
    }

    [Fact]
    public void A_scaffolded_site_with_one_language_writes_one_file_per_article()
    {
        var scaffolder = new Scaffolder(Content, new DateOnly(2026, 11, 29));
        Assert.True(scaffolder.Site("qinghe").Ok);
        var site = Path.Combine(Content, "site.yaml");
        File.WriteAllText(site, File.ReadAllText(site).Replace("languages: [zh, en]", "languages: [zh]", StringComparison.Ordinal));
        var news = scaffolder.News("qinghe", "a");
        Assert.Equal(["parks/qinghe/news/a.md"], news.Created);
        Assert.Equal(["parks/qinghe/news/a.md", "parks/qinghe/news/a.md"], [.. news.Created, .. Directory.GetFiles(Path.Combine(Content, "parks", "qinghe", "news")).Select(f => "parks/qinghe/news/" + Path.GetFileName(f))]);
    }
}
