using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// Stage 1 of a whole content folder (<c>ContentLoader</c>), without checking or rendering: which entries are read,
/// which are reported (code, file, exact message) and ignored, and how language versions are paired and ordered.
/// </summary>
public sealed class ContentLoaderTests
{
    internal static (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics) Load(TestSite site, Func<string, bool>? light = null)
    {
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(site.Content, bag);
        var config = SiteConfigLoader.Load(tree, DisclosureLoaderTests.Clock, bag);
        Assert.NotNull(config);
        return (ContentLoader.Load(tree, config!, bag, light: light), bag.ToSortedList());
    }

    internal static (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics) Load(params (string Path, string Text)[] files)
    {
        using var site = new TestSite();
        foreach (var (path, text) in files) site.With(path, text);
        return Load(site);
    }

    private static void Is(Diagnostic d, string code, string file, string message) =>
        Assert.Equal((code, file, 0, 0, message), (d.Code, d.File, d.Line, d.Column, d.Message));

    private const string Item = "---\ntitle: 标题\ndate: 2026-11-20\n---\n正文。\n";

    [Fact]
    public void The_minimal_site_loads_without_a_diagnostic()
    {
        var (loaded, diagnostics) = Load();
        Assert.Empty(diagnostics);
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Equal("demo", park.Id);
        Assert.Equal("测试园区", park.Profile.Name.In("zh", "zh").Text);
        Assert.NotEmpty(loaded.Site.Catalog.Indicators);
    }

    [Fact]
    public void A_root_entry_outside_the_format_is_ECO024_with_a_hint_and_the_readme_is_not()
    {
        var (_, diagnostics) = Load(("site.yml", "x: 1\n"), ("notes.txt", "x\n"), ("README.md", "# x\n"), ("readme.md", "# x\n"));
        Assert.Equal(2, diagnostics.Count);
        Is(diagnostics[0], "ECO024", "notes.txt", "'notes.txt' is not part of the content format and is ignored; the content folder holds site.yaml and parks/.");
        Is(diagnostics[1], "ECO024", "site.yml", "'site.yml' is not part of the content format and is ignored; the content folder holds site.yaml and parks/. Did you mean 'site.yaml'?");
    }

    [Fact]
    public void Under_parks_a_file_is_ECO024_and_a_folder_with_a_bad_name_ECO021()
    {
        var (loaded, diagnostics) = Load(("parks/notes.txt", "x\n"), ("parks/Bad_Park/park.yaml", TestSite.ParkYaml),
            ("parks/a/park.yaml", TestSite.ParkYaml), ("parks/ab/park.yaml", TestSite.ParkYaml),
            ("parks/" + new string('a', 63) + "/park.yaml", TestSite.ParkYaml), ("parks/" + new string('b', 64) + "/park.yaml", TestSite.ParkYaml),
            ("parks/-x/park.yaml", TestSite.ParkYaml));
        Assert.Equal(new[] { new string('a', 63), "ab", "demo" }, loaded.Site.Parks.Select(p => p.Id));
        Assert.Equal(5, diagnostics.Count);
        Is(Assert.Single(diagnostics, d => d.File == "parks/notes.txt"), "ECO024", "parks/notes.txt", "only park folders belong in parks/; this file is ignored.");
        Is(Assert.Single(diagnostics, d => d.File == "parks/Bad_Park"), "ECO021", "parks/Bad_Park",
            "the park folder name 'Bad_Park' becomes a web address; use 2-63 characters of a-z, 0-9 and '-'.");
        Assert.Equal(new[] { "parks/-x", "parks/a", "parks/" + new string('b', 64) },
            diagnostics.Where(d => d.Code == "ECO021" && d.File != "parks/Bad_Park").Select(d => d.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_parks_folder_without_a_park_is_ECO006()
    {
        using var site = new TestSite(minimal: false);
        site.With("site.yaml", TestSite.SiteYaml).With("parks/notes.txt", "x\n");
        var (loaded, diagnostics) = Load(site);
        Assert.Empty(loaded.Site.Parks);
        Is(Assert.Single(diagnostics, d => d.Code == "ECO006"), "ECO006", "parks",
            "there are no park folders under parks/; the site will list no parks. Run 'ecosite new park ID'.");
    }

    [Fact]
    public void A_park_entry_outside_the_format_is_ECO024_naming_what_a_park_folder_holds()
    {
        var (loaded, diagnostics) = Load(("parks/demo/new/a.md", Item), ("parks/demo/logo.png", "x"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        const string holds = " A park folder holds: park.yaml, enterprises.yaml, news, indicators, cases, waste, exchange, polluters, pages, media.";
        Assert.Equal(2, diagnostics.Count);
        Is(diagnostics[0], "ECO024", "parks/demo/logo.png", "'logo.png' is not part of a park folder and is ignored." + holds);
        Is(diagnostics[1], "ECO024", "parks/demo/new", "'new' is not part of a park folder and is ignored. Did you mean 'news'?" + holds);
    }

    [Fact]
    public void Only_Markdown_files_are_read_from_the_article_sections()
    {
        var (loaded, diagnostics) = Load(("parks/demo/news/a.md", Item), ("parks/demo/news/b.txt", "x"), ("parks/demo/cases/c.markdown", "x"),
            ("parks/demo/pages/sub/d.md", Item));
        Assert.Single(Assert.Single(loaded.Site.Parks).News);
        Assert.Equal(3, diagnostics.Count);
        Is(diagnostics[0], "ECO024", "parks/demo/cases/c.markdown", "'parks/demo/cases/c.markdown' is ignored: only Markdown files (.md) belong here.");
        Is(diagnostics[1], "ECO024", "parks/demo/news/b.txt", "'parks/demo/news/b.txt' is ignored: only Markdown files (.md) belong here.");
        Is(diagnostics[2], "ECO024", "parks/demo/pages/sub", "'parks/demo/pages/sub' is ignored: only Markdown files (.md) belong here.");
    }

    [Fact]
    public void Each_section_is_read_into_its_own_list()
    {
        var (loaded, diagnostics) = Load(("parks/demo/news/n.md", Item), ("parks/demo/cases/c.md", Item), ("parks/demo/pages/p.md", "---\ntitle: 页\n---\n正文。\n"));
        Assert.Empty(diagnostics);
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Equal(("n", Section.News), (Assert.Single(park.News).Slug, park.News[0].Section));
        Assert.Equal(("c", Section.Cases), (Assert.Single(park.Cases).Slug, park.Cases[0].Section));
        Assert.Equal(("p", Section.Pages), (Assert.Single(park.Pages).Slug, park.Pages[0].Section));
        Assert.All(new[] { park.News[0], park.Cases[0], park.Pages[0] }, a => Assert.Equal("demo", a.ParkId));
    }

    [Fact]
    public void Year_files_and_id_files_must_be_named_as_the_format_says()
    {
        const string listing = "kind: demand\ncategory: waste\nenterprise: demo-steel\nmaterial: 渣\nposted: 2026-01-05\n";
        var (loaded, diagnostics) = Load(
            ("parks/demo/indicators/25.yaml", "year: 25\n"), ("parks/demo/indicators/2025.yml", "year: 2025\n"),
            ("parks/demo/waste/2025-1.yaml", "year: 2025\n"), ("parks/demo/exchange/index.yaml", listing),
            ("parks/demo/exchange/Bad.yaml", listing), ("parks/demo/exchange/slag.yml", listing),
            ("parks/demo/polluters/index.yaml", "report_year: 2025\n"), ("parks/demo/exchange/slag.yaml", listing));
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Equal("slag", Assert.Single(park.Listings).Id);
        Assert.Empty(park.Indicators);
        Assert.Empty(park.Polluters);
        var byFile = diagnostics.ToDictionary(d => d.File);
        Is(byFile["parks/demo/indicators/25.yaml"], "ECO024", "parks/demo/indicators/25.yaml", "'25.yaml' is ignored: files here are named by year, such as 2025.yaml.");
        Is(byFile["parks/demo/indicators/2025.yml"], "ECO024", "parks/demo/indicators/2025.yml", "'2025.yml' is ignored: files here are named by year, such as 2025.yaml.");
        Is(byFile["parks/demo/waste/2025-1.yaml"], "ECO024", "parks/demo/waste/2025-1.yaml", "'2025-1.yaml' is ignored: files here are named by year, such as 2025.yaml.");
        const string reserved = "'index' cannot name an item: its page would replace the section's list page; rename the file.";
        Is(byFile["parks/demo/exchange/index.yaml"], "ECO021", "parks/demo/exchange/index.yaml", reserved);
        Is(byFile["parks/demo/polluters/index.yaml"], "ECO021", "parks/demo/polluters/index.yaml", reserved);
        Is(byFile["parks/demo/exchange/Bad.yaml"], "ECO024", "parks/demo/exchange/Bad.yaml", "'Bad.yaml' is ignored: files here are named <id>.yaml with an id of a-z, 0-9 and '-'.");
        Is(byFile["parks/demo/exchange/slag.yml"], "ECO024", "parks/demo/exchange/slag.yml", "'slag.yml' is ignored: files here are named <id>.yaml with an id of a-z, 0-9 and '-'.");
        Assert.Equal(7, diagnostics.Count);
    }

    [Fact]
    public void Language_versions_are_paired_by_slug_default_language_first()
    {
        var (loaded, diagnostics) = Load(("parks/demo/news/a.en.md", Item.Replace("标题", "Title")), ("parks/demo/news/a.md", Item));
        Assert.Empty(diagnostics);
        var article = Assert.Single(Assert.Single(loaded.Site.Parks).News);
        Assert.Equal(new[] { ("zh", "parks/demo/news/a.md", "标题"), ("en", "parks/demo/news/a.en.md", "Title") },
            article.Versions.Select(v => (v.Lang, v.File, v.Title)));
    }

    [Fact]
    public void Languages_follow_the_order_of_site_yaml()
    {
        using var site = new TestSite();
        site.With("site.yaml", TestSite.SiteYaml.Replace("[zh, en]", "[en, zh]"))
            .With("parks/demo/park.yaml", TestSite.ParkYaml)
            .With("parks/demo/news/a.md", Item.Replace("标题", "Title")).With("parks/demo/news/a.zh.md", Item);
        var (loaded, diagnostics) = Load(site);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "en", "zh" }, Assert.Single(Assert.Single(loaded.Site.Parks).News).Versions.Select(v => v.Lang));
    }

    [Fact]
    public void Two_files_for_the_same_language_are_ECO023_at_the_second_and_the_first_is_kept()
    {
        var (loaded, diagnostics) = Load(("parks/demo/news/a.md", Item), ("parks/demo/news/a.zh.md", Item.Replace("标题", "另一个")));
        var d = Assert.Single(diagnostics);
        Is(d, "ECO023", "parks/demo/news/a.zh.md", "'parks/demo/news/a.md' and 'parks/demo/news/a.zh.md' are both the 'zh' version of 'a'; keep one.");
        var version = Assert.Single(Assert.Single(Assert.Single(loaded.Site.Parks).News).Versions);
        Assert.Equal(("parks/demo/news/a.md", "标题"), (version.File, version.Title));
    }

    [Fact]
    public void Articles_are_newest_first_then_by_slug_with_undated_pages_last()
    {
        static string Dated(string date) => $"---\ntitle: t\ndate: {date}\n---\n正文。\n";
        var (loaded, diagnostics) = Load(
            ("parks/demo/news/b.md", Dated("2026-01-02")), ("parks/demo/news/a.md", Dated("2026-01-02")),
            ("parks/demo/news/c.md", Dated("2026-03-01")), ("parks/demo/news/d.md", Dated("2025-12-31")),
            ("parks/demo/pages/z.md", "---\ntitle: t\n---\nx\n"), ("parks/demo/pages/y.md", Dated("2020-01-01")), ("parks/demo/pages/x.md", "---\ntitle: t\n---\nx\n"));
        Assert.Empty(diagnostics);
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Equal(new[] { "c", "a", "b", "d" }, park.News.Select(a => a.Slug));
        Assert.Equal(new[] { "y", "x", "z" }, park.Pages.Select(a => a.Slug));
    }

    [Fact]
    public void Light_parks_are_loaded_from_their_front_matter_only()
    {
        using var site = new TestSite();
        site.With("parks/other/park.yaml", TestSite.ParkYaml).With("parks/demo/news/a.md", Item).With("parks/other/news/a.md", Item);
        var (loaded, diagnostics) = Load(site, light: id => id == "other");
        Assert.Empty(diagnostics);
        var full = loaded.Site.Parks.Single(p => p.Id == "demo").News[0].Primary;
        var light = loaded.Site.Parks.Single(p => p.Id == "other").News[0].Primary;
        Assert.Equal((false, true), (full.Light, light.Light));
        Assert.Contains("正文。", full.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("", light.BodyHtml);
    }

    [Fact]
    public void A_park_without_a_readable_profile_is_left_out_but_its_files_are_still_checked()
    {
        using var site = new TestSite();
        site.With("parks/broken/park.yaml", "level: national\n").With("parks/broken/indicators/2025.yml", "x\n");
        var (loaded, diagnostics) = Load(site);
        Assert.Equal("demo", Assert.Single(loaded.Site.Parks).Id);
        Assert.Contains(diagnostics, d => d.Code == "ECO013" && d.File == "parks/broken/park.yaml");
        Assert.Contains(diagnostics, d => d.Code == "ECO024" && d.File == "parks/broken/indicators/2025.yml");
    }

    [Fact]
    public void Media_files_are_listed_with_their_site_path_and_size()
    {
        using var site = new TestSite();
        site.WithBytes("parks/demo/media/a.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
        var (loaded, diagnostics) = Load(site);
        Assert.Empty(diagnostics);
        var media = Assert.Single(Assert.Single(loaded.Site.Parks).Media);
        Assert.Equal(("parks/demo/media/a.pdf", 15L), (media.SitePath, media.Bytes));
        Assert.Equal(Path.Combine(site.Content, "parks", "demo", "media", "a.pdf"), media.SourcePath);
    }
}
