using EcoSite.Cli;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Scaffold;

namespace EcoSite.Tests.Cli;

/// <summary>
/// What 'ecosite new' leaves for the editor to do is visible and worth nothing until done (content-format.md
/// section 11), and the scaffolds lead on: editor settings and schemas before any build, dates from file names,
/// did-you-mean for park ids, a hint when run inside the content folder.
/// </summary>
public sealed class ScaffoldGuidanceTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-guidance-" + Guid.NewGuid().ToString("N"));

    private string Content => Path.Combine(_root, "content");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private BuildResult Check() =>
        SiteBuilder.Check(new BuildOptions(Content, "", new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero))));

    private Scaffolder UnfilledPark()
    {
        var s = new Scaffolder(Content, Today);
        Assert.True(s.Site("qinghe").Ok);
        Assert.True(s.News("qinghe", "training").Ok);
        Assert.True(s.Case("qinghe", "slag").Ok);
        Assert.True(s.Polluter("qinghe", "qh-power").Ok);
        Assert.True(s.Listing("qinghe", "fly-ash").Ok);
        Assert.True(s.Indicators("qinghe", "2025").Ok);
        Assert.True(s.Waste("qinghe", "2025").Ok);
        Assert.True(s.Page("qinghe", "about").Ok);
        return s;
    }

    [Fact]
    public void A_scaffolded_but_unfilled_park_scores_0_with_a_located_warning_at_each_placeholder()
    {
        UnfilledPark();
        var result = Check();
        Assert.Equal(0, result.Errors);
        var score = Assert.Single(result.Report!.Completeness.Parks);
        Assert.Equal(0, score.Total);

        var warned = result.Diagnostics.Where(d => d.Code == "ECO027").ToList();
        // Every placeholder written into a content file is warned where it stands, naming the text.
        foreach (var file in Directory.EnumerateFiles(Content, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md") || f.EndsWith(".yaml")))
        {
            var rel = Path.GetRelativePath(Content, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith('#')) continue;
                foreach (var p in Placeholders.All.Where(p => lines[i].Contains(p, StringComparison.Ordinal)))
                    Assert.Contains(warned, d => d.File == rel && d.Line == i + 1 && d.Column == lines[i].IndexOf(p, StringComparison.Ordinal) + 1 && d.Message.Contains(p));
            }
        }
        Assert.Contains(warned, d => d.File == "parks/qinghe/park.yaml" && d.Message.Contains(Placeholders.ParkNameZh));
        Assert.Contains(warned, d => d.File == "parks/qinghe/news/training.en.md" && d.Message.Contains(Placeholders.BodyEn));
        Assert.Contains(warned, d => d.File == "parks/qinghe/exchange/fly-ash.yaml" && d.Message.Contains(Placeholders.MaterialZh));
        Assert.DoesNotContain(warned, d => d.Line == 0);
    }

    [Fact]
    public void Replacing_the_placeholders_of_an_item_makes_it_score()
    {
        UnfilledPark();
        var park = Path.Combine(Content, "parks", "qinghe");
        foreach (var (rel, pairs) in new[]
        {
            ("news/training.md", new[] { (Placeholders.TitleZh, "节能培训"), (Placeholders.BodyZh, "园区举办节能培训。") }),
            ("news/training.en.md", new[] { (Placeholders.TitleEn, "Energy training"), (Placeholders.BodyEn, "The park held a training.") }),
        })
        {
            var path = Path.Combine(park, rel);
            var text = File.ReadAllText(path);
            foreach (var (from, to) in pairs) text = text.Replace(from, to, StringComparison.Ordinal);
            File.WriteAllText(path, text);
        }
        var score = Assert.Single(Check().Report!.Completeness.Parks);
        Assert.Equal(20, score.Part(EcoSite.Core.Facts.CompletenessCategory.News).Points);
        Assert.Equal(20, score.Total);
    }

    [Fact]
    public void New_site_without_a_park_creates_none_and_says_what_it_created()
    {
        var s = new Scaffolder(Content, Today);
        var result = s.Site();
        Assert.True(result.Ok);
        Assert.Equal(["site.yaml", "../.vscode/settings.json"], result.Created);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Content, "parks")));
        Assert.DoesNotContain(Placeholders.ParkNameZh, string.Concat(Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }

    [Fact]
    public void New_site_maps_every_yaml_kind_to_a_schema_shipped_in_the_content_folder()
    {
        Assert.True(new Scaffolder(Content, Today).Site("qinghe").Ok);
        var settings = File.ReadAllText(Path.Combine(_root, ".vscode", "settings.json"));
        using var json = System.Text.Json.JsonDocument.Parse(settings);
        var schemas = json.RootElement.GetProperty("yaml.schemas");
        foreach (var (schema, pattern) in SchemaLinks.Patterns)
        {
            Assert.Equal($"content/{pattern}", schemas.GetProperty($"./content/.schemas/{schema}").GetString());
            Assert.True(File.Exists(Path.Combine(Content, ".schemas", schema)), schema);
        }
        // Every schema the modelines of scaffolded files name is there before any build.
        foreach (var yaml in Directory.EnumerateFiles(Content, "*.yaml", SearchOption.AllDirectories))
        {
            var first = File.ReadLines(yaml).First();
            var target = first["# yaml-language-server: $schema=".Length..];
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(yaml)!, target)), $"{yaml}: {target}");
        }
    }

    [Fact]
    public void New_site_leaves_existing_editor_settings_alone()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".vscode"));
        File.WriteAllText(Path.Combine(_root, ".vscode", "settings.json"), "{ \"mine\": 1 }");
        var result = new Scaffolder(Content, Today).Site();
        Assert.Equal(["site.yaml"], result.Created);
        Assert.Equal("{ \"mine\": 1 }", File.ReadAllText(Path.Combine(_root, ".vscode", "settings.json")));
    }

    [Fact]
    public void A_news_item_named_by_a_date_is_dated_that_day()
    {
        var s = new Scaffolder(Content, Today);
        Assert.True(s.Site("qinghe").Ok);
        Assert.True(s.News("qinghe", "2026-03-02-work-plan").Ok);
        Assert.True(s.News("qinghe", "2026-02-30-not-a-day").Ok);
        var news = Path.Combine(Content, "parks", "qinghe", "news");
        Assert.Contains("date: 2026-03-02", File.ReadAllText(Path.Combine(news, "2026-03-02-work-plan.md")));
        Assert.Contains("date: 2026-03-02", File.ReadAllText(Path.Combine(news, "2026-03-02-work-plan.en.md")));
        Assert.Contains("date: 2026-11-29", File.ReadAllText(Path.Combine(news, "2026-02-30-not-a-day.md")));
    }

    [Fact]
    public void A_mistyped_park_id_gets_did_you_mean()
    {
        var s = new Scaffolder(Content, Today);
        Assert.True(s.Site("qinghe").Ok);
        var result = s.News("qingh", "a");
        Assert.Equal(ScaffoldStatus.Missing, result.Status);
        Assert.Contains("Did you mean 'qinghe'?", result.Message);
        Assert.DoesNotContain("new park", result.Message);
    }

    [Fact]
    public async Task A_listing_before_any_enterprise_names_the_option_with_the_command_to_run()
    {
        Assert.True(new Scaffolder(Content, Today).Site("qinghe").Ok);
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(["new", "listing", "qinghe", "fly-ash", "--content", Content], new StringWriter(), stderr);
        Assert.Equal(EcoSiteCommand.ContentErrors, code);
        Assert.Contains("ecosite new listing qinghe fly-ash --enterprise ", stderr.ToString());
    }

    [Fact]
    public void Check_and_new_run_inside_the_content_folder_say_so_instead_of_suggesting_content_content()
    {
        Assert.True(new Scaffolder(Content, Today).Site("qinghe").Ok);
        var cli = Path.Combine(AppContext.BaseDirectory, "ecosite.dll");
        var check = EcoSite.Tests.Packaging.ProcessRunner.Run(Content, EcoSite.Tests.Packaging.ProcessRunner.DotnetHost, cli, "check");
        Assert.Equal(EcoSiteCommand.ContentErrors, check.Exit);
        Assert.Contains("you are inside the content folder", check.Stderr);
        Assert.DoesNotContain("new site", check.Stderr);
        var news = EcoSite.Tests.Packaging.ProcessRunner.Run(Content, EcoSite.Tests.Packaging.ProcessRunner.DotnetHost, cli, "new", "news", "qinghe", "a");
        Assert.Contains("add --content .", news.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Content, "content")));
    }

    [Fact]
    public void The_enterprise_example_credit_code_passes_its_own_checks()
    {
        var t = new Scaffolder(Content, Today);
        Assert.True(t.Site("qinghe").Ok);
        var path = Path.Combine(Content, "parks", "qinghe", "enterprises.yaml");
        // Uncomment the example entry exactly as an editor would.
        var text = File.ReadAllText(path).Replace("enterprises: []", "enterprises:", StringComparison.Ordinal);
        var example = File.ReadAllLines(path).Where(l => l.StartsWith("#   ", StringComparison.Ordinal) || l.StartsWith("#     ", StringComparison.Ordinal))
            .Select(l => l[1..]);
        File.WriteAllText(path, text + string.Join("\n", example) + "\n");
        var result = Check();
        Assert.DoesNotContain(result.Diagnostics, d => d.File.EndsWith("enterprises.yaml", StringComparison.Ordinal));
        Assert.Contains("demo-steel", File.ReadAllText(path));
    }
}
