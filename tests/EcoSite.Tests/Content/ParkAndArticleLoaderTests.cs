using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// Stage 1 of park.yaml and enterprises.yaml (<c>ParkProfileLoader</c>), of the site's indicators.yaml
/// (<c>CatalogLoader</c>) and of one Markdown article (<c>ArticleLoader</c>), from a small site, without checking or
/// rendering it: the values loaded, and each diagnostic at its line and column with its exact message.
/// </summary>
public sealed class ParkAndArticleLoaderTests
{
    private static (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics) Load(TestSite site)
    {
        var bag = new DiagnosticBag();
        var loaded = ContentLoader.Load(site.Content, DisclosureLoaderTests.Clock, bag);
        Assert.NotNull(loaded);
        return (loaded!, bag.ToSortedList());
    }

    private static (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics) Load(params (string Path, string Text)[] files)
    {
        using var site = new TestSite();
        foreach (var (path, text) in files) site.With(path, text);
        return Load(site);
    }

    private static void At(Diagnostic d, string code, string file, int line, int column, string message) =>
        Assert.Equal((code, file, line, column, message), (d.Code, d.File, d.Line, d.Column, d.Message));

    private const string Park = "parks/demo/park.yaml";
    private const string Enterprises = "parks/demo/enterprises.yaml";

    [Fact]
    public void A_park_profile_holds_every_field()
    {
        var (loaded, diagnostics) = Load((Park, """
            name: {zh: 测试园区, en: Test Park}
            level: provincial
            status: approved
            standard: HJ 274-2015
            province: {zh: 江苏省, en: Jiangsu}
            city: 示例市
            established: 2008
            area_km2: 0.5
            managing_body: {zh: 管委会, en: Administrative Committee}
            contact: {phone: 010-1, email: park@example.gov.cn, address: {zh: 示例路1号, en: 1 Example Road}}
            """));
        Assert.Empty(diagnostics);
        var p = Assert.Single(loaded.Site.Parks).Profile;
        Assert.Equal(("Test Park", "provincial", "approved", "HJ 274-2015", "Jiangsu", "示例市", (int?)2008, (double?)0.5, "Administrative Committee"),
            (p.Name.In("en", "zh").Text, p.Level, p.Status, p.Standard, p.Province!.In("en", "zh").Text, p.City!.In("zh", "zh").Text, p.Established, p.AreaKm2, p.ManagingBody!.In("en", "zh").Text));
        Assert.Equal(("010-1", "park@example.gov.cn", "1 Example Road"), (p.Contact!.Phone, p.Contact.Email, p.Contact.Address!.In("en", "zh").Text));
    }

    [Fact]
    public void A_minimal_profile_has_no_optional_fields()
    {
        var (loaded, diagnostics) = Load((Park, "name: 园区\n"));
        Assert.Empty(diagnostics);
        var p = Assert.Single(loaded.Site.Parks).Profile;
        Assert.Equal(((string?)null, (string?)null, (double?)null, (int?)null, (ContactInfo?)null), (p.Level, p.Status, p.AreaKm2, p.Established, p.Contact));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2.5")]
    public void An_area_that_is_not_above_0_is_ECO016_and_dropped(string area)
    {
        var (loaded, diagnostics) = Load((Park, "name: 园区\narea_km2: " + area + "\n"));
        At(Assert.Single(diagnostics), "ECO016", Park, 2, 11, "'area_km2' must be above 0.");
        Assert.Null(Assert.Single(loaded.Site.Parks).Profile.AreaKm2);
    }

    [Fact]
    public void A_park_without_park_yaml_or_a_name_is_left_out()
    {
        using var site = new TestSite();
        site.With("parks/other/enterprises.yaml", "enterprises: []\n").With("parks/third/park.yaml", "level: national\n").With("parks/fourth/park.yaml", "- x\n");
        var (loaded, diagnostics) = Load(site);
        Assert.Equal("demo", Assert.Single(loaded.Site.Parks).Id);
        At(Assert.Single(diagnostics, d => d.File == "parks/other/park.yaml"), "ECO013", "parks/other/park.yaml", 0, 0,
            "parks/other/park.yaml is missing; every park folder needs one (run 'ecosite new park').");
        Assert.Equal("ECO013", Assert.Single(diagnostics, d => d.File == "parks/third/park.yaml").Code);
        Assert.Equal("ECO011", Assert.Single(diagnostics, d => d.File == "parks/fourth/park.yaml").Code);
    }

    [Fact]
    public void An_empty_park_yaml_is_ECO002()
    {
        var (loaded, diagnostics) = Load((Park, ""));
        Assert.Empty(loaded.Site.Parks);
        At(Assert.Single(diagnostics), "ECO002", Park, 0, 0, "the file is empty; fill it in or delete it.");
    }

    [Fact]
    public void Enterprises_hold_their_fields_and_a_repeated_id_is_ECO023_at_the_second()
    {
        var (loaded, diagnostics) = Load((Enterprises, """
            enterprises:
              - id: demo-steel
                name: {zh: 示例钢铁, en: Demo Steel}
                credit_code: 91110000600037341L
                industry: 钢铁
                key_polluter: true
              - {id: demo-cement, name: 示例水泥, key_polluter: false}
              - {id: demo-glass, name: 示例玻璃}
              - {id: demo-steel, name: 再次}
              - {name: 无编号}
              - {id: demo-paper}
              - 12
            """));
        var list = Assert.Single(loaded.Site.Parks).Enterprises;
        Assert.Equal(new[] { ("demo-steel", true), ("demo-cement", false), ("demo-glass", false) }, list.Select(e => (e.Id, e.KeyPolluter)));
        var steel = list[0];
        Assert.Equal(("Demo Steel", "91110000600037341L", "钢铁", new SourcePos(2, 9)), (steel.Name.In("en", "zh").Text, steel.CreditCode, steel.Industry!.In("zh", "zh").Text, steel.Pos));
        Assert.Equal((new SourcePos(7, 10), (string?)null, (LocalizedText?)null), (list[1].Pos, list[1].CreditCode, list[1].Industry));
        At(Assert.Single(diagnostics, d => d.Code == "ECO023"), "ECO023", Enterprises, 9, 10,
            "the enterprise id 'demo-steel' is used twice (first at line 2); ids must be unique in a park.");
        Assert.Equal(new[] { (10, "ECO013"), (11, "ECO013"), (12, "ECO011") }, diagnostics.Where(d => d.Code != "ECO023").Select(d => (d.Line, d.Code)));
    }

    [Fact]
    public void Enterprises_yaml_is_optional_and_a_wrong_shape_gives_no_enterprises()
    {
        var (none, noDiagnostics) = Load();
        Assert.Empty(noDiagnostics);
        Assert.Empty(Assert.Single(none.Site.Parks).Enterprises);
        var (wrong, diagnostics) = Load((Enterprises, "- id: a\n"));
        Assert.Empty(Assert.Single(wrong.Site.Parks).Enterprises);
        Assert.Equal("ECO011", Assert.Single(diagnostics).Code);
    }

    // ---- indicators.yaml ----

    [Fact]
    public void The_embedded_catalog_is_used_without_a_site_file()
    {
        var (loaded, diagnostics) = Load();
        Assert.Empty(diagnostics);
        Assert.Same(CatalogLoader.Default, loaded.Site.Catalog);
        Assert.Equal("HJ 274-2015", loaded.Site.Catalog.Standard);
        Assert.Equal(5, loaded.Site.Catalog.Categories.Count);
    }

    [Fact]
    public void A_site_catalog_extends_the_default_and_may_use_its_categories()
    {
        var (loaded, diagnostics) = Load(("indicators.yaml", """
            categories:
              - {id: local, zh: 地方, en: Local}
            indicators:
              - {id: green-roofs, category: local, zh: 屋顶绿化率, en: Green roofs, unit: "%", direction: higher}
              - {id: value-added-per-capita, category: economy, zh: 人均增加值}
              - id: rivers
                category: environment
                en: Rivers
                requirement: ">= 3"
                mandatory: true
                clause: 地方标准 第3条
            """));
        Assert.Empty(diagnostics);
        var catalog = loaded.Site.Catalog;
        Assert.Equal("HJ 274-2015", catalog.Standard);
        Assert.Equal(6, catalog.Categories.Count);
        var roofs = catalog.Find("green-roofs")!;
        Assert.Equal(("local", "Green roofs", "%", "higher", (bool?)null, (string?)null), (roofs.Category, roofs.Name.In("en", "zh").Text, roofs.Unit!.In("zh", "zh").Text, roofs.Direction, roofs.Mandatory, roofs.Clause));
        Assert.Equal("人均增加值", catalog.Find("value-added-per-capita")!.Name.In("zh", "zh").Text);
        var rivers = catalog.Find("rivers")!;
        Assert.Equal(((bool?)true, "地方标准 第3条", true, "Rivers"), (rivers.Mandatory, rivers.Clause, rivers.Requirement is not null, rivers.Name.In("zh", "zh").Text));
        Assert.NotNull(catalog.Find("high-tech-output-share"));
    }

    [Fact]
    public void A_replacing_catalog_is_the_whole_catalog_and_cannot_use_the_default_categories()
    {
        var (loaded, diagnostics) = Load(("indicators.yaml", """
            standard: 地方标准
            replace: true
            categories:
              - {id: local, zh: 地方}
            indicators:
              - {id: a, category: local, zh: 甲}
              - {id: b, category: economy, zh: 乙}
              - {id: c, category: locl, zh: 丙}
            """));
        var catalog = loaded.Site.Catalog;
        Assert.Equal(("地方标准", 1, 3), (catalog.Standard, catalog.Categories.Count, catalog.Indicators.Count));
        Assert.Null(catalog.Find("high-tech-output-share"));
        Assert.Equal(2, diagnostics.Count);
        At(diagnostics[0], "ECO016", "indicators.yaml", 7, 23, "'economy' is not a category of the catalog.");
        At(diagnostics[1], "ECO016", "indicators.yaml", 8, 23, "'locl' is not a category of the catalog. Did you mean 'local'?");
    }

    [Fact]
    public void An_unknown_category_of_an_extending_catalog_is_hinted_from_both_lists()
    {
        var (_, diagnostics) = Load(("indicators.yaml", "replace: false\nindicators:\n  - {id: a, category: economi, zh: 甲}\n"));
        At(Assert.Single(diagnostics), "ECO016", "indicators.yaml", 3, 23, "'economi' is not a category of the catalog. Did you mean 'economy'?");
    }

    [Fact]
    public void Catalog_entries_need_a_name_and_a_cited_clause_for_a_requirement()
    {
        var (loaded, diagnostics) = Load(("indicators.yaml", """
            categories:
              - {id: local}
            indicators:
              - {id: a, category: economy}
              - {id: b, category: economy, zh: 乙, requirement: ">= 1"}
              - {id: c, category: economy, zh: 丙, mandatory: false, clause: "  "}
              - {id: d, category: economy, zh: 丁, requirement: "about 3", clause: 表1}
              - {category: economy, zh: 戊}
              - {id: f, zh: 己}
            """));
        var catalog = loaded.Site.Catalog;
        Assert.Null(catalog.FindCategory("local"));
        Assert.Null(catalog.Find("a"));
        Assert.NotNull(catalog.Find("b"));
        Assert.Null(catalog.Find("d")!.Requirement);
        Assert.Equal(7, diagnostics.Count);
        At(diagnostics[0], "ECO013", "indicators.yaml", 2, 5, "a catalog entry needs a name in at least one language (zh, en).");
        At(diagnostics[1], "ECO013", "indicators.yaml", 4, 5, "a catalog entry needs a name in at least one language (zh, en).");
        At(diagnostics[2], "ECO013", "indicators.yaml", 5, 5, "'b' gives a requirement or a mandatory flag without 'clause'; cite where the standard says it (e.g. clause: \"HJ 274-2015 表1\").");
        At(diagnostics[3], "ECO013", "indicators.yaml", 6, 5, "'c' gives a requirement or a mandatory flag without 'clause'; cite where the standard says it (e.g. clause: \"HJ 274-2015 表1\").");
        Assert.Equal(("ECO111", 7, 52), (diagnostics[4].Code, diagnostics[4].Line, diagnostics[4].Column));
        Assert.StartsWith("the requirement 'about 3' ", diagnostics[4].Message, StringComparison.Ordinal);
        Assert.Equal(new[] { (8, "ECO013"), (9, "ECO013") }, diagnostics.Skip(5).Select(d => (d.Line, d.Code)));
    }

    [Fact]
    public void A_site_catalog_that_cannot_be_read_leaves_the_default()
    {
        var (loaded, diagnostics) = Load(("indicators.yaml", "- a list\n"));
        Assert.Same(CatalogLoader.Default, loaded.Site.Catalog);
        Assert.Equal("ECO011", Assert.Single(diagnostics).Code);
        Assert.Same(CatalogLoader.Default, Load(("indicators.yaml", "")).Site.Site.Catalog);
    }

    // ---- articles ----

    private const string News = "parks/demo/news/";

    private static ArticleVersion One(IReadOnlyList<Article> articles) => Assert.Single(Assert.Single(articles).Versions);

    [Theory]
    [InlineData("A.md")]
    [InlineData("a_b.md")]
    [InlineData("a.b.c.md")]
    public void A_file_name_that_is_no_web_address_is_ECO021(string name)
    {
        var (loaded, diagnostics) = Load((News + name, "---\ntitle: t\ndate: 2026-01-01\n---\nx\n"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        At(Assert.Single(diagnostics), "ECO021", News + name, 0, 0,
            $"the file name '{name}' becomes a web address; use only a-z, 0-9 and '-' (e.g. 2026-03-02-work-plan.md), with '.en.md' for the English translation.");
    }

    [Fact]
    public void An_article_named_index_or_in_an_unknown_language_is_reported_and_left_out()
    {
        var (loaded, diagnostics) = Load((News + "index.md", "---\ntitle: t\ndate: 2026-01-01\n---\nx\n"), (News + "a.de.md", "---\ntitle: t\ndate: 2026-01-01\n---\nx\n"),
            (News + "b.ZH.md", "---\ntitle: t\ndate: 2026-01-01\n---\nx\n"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        Assert.Equal(3, diagnostics.Count);
        At(diagnostics[0], "ECO022", News + "a.de.md", 0, 0, "'.de.md' names a language this site does not have (zh, en). Did you mean 'en'? The default-language file has no suffix: 'a.md'.");
        At(diagnostics[1], "ECO022", News + "b.ZH.md", 0, 0, "'.ZH.md' names a language this site does not have (zh, en). Did you mean 'zh'? The default-language file has no suffix: 'b.md'.");
        At(diagnostics[2], "ECO021", News + "index.md", 0, 0, "'index' cannot name an item: its page would replace the section's list page; rename the file.");
    }

    [Fact]
    public void An_empty_article_or_one_without_front_matter_is_reported_and_left_out()
    {
        var (loaded, diagnostics) = Load((News + "a.md", ""), (News + "b.md", "正文。\n"), (News + "c.md", "---\n# 只有注释\n---\n正文。\n"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        At(diagnostics[0], "ECO002", News + "a.md", 0, 0, "the file is empty; it needs front matter with at least a title between '---' lines.");
        At(diagnostics[1], "ECO017", News + "b.md", 1, 1, "the file does not start with front matter; begin it with '---', then 'title: ...' and 'date: YYYY-MM-DD' lines, then '---'.");
        Assert.Equal(new[] { "ECO013", "ECO013" }, diagnostics.Skip(2).Select(d => d.Code));
        Assert.All(diagnostics.Skip(2), d => Assert.Equal((News + "c.md", 1), (d.File, d.Line)));
    }

    [Fact]
    public void A_news_item_holds_its_title_date_kind_summary_and_record()
    {
        var (loaded, diagnostics) = Load((News + "2026-03-02-plan.md", """
            ---
            title: 工作计划
            date: 2026-03-02
            kind: plan
            summary: 本年计划。
            index_no: "000000-2026-001"
            publisher: {zh: 管委会, en: Committee}
            doc_no: 示发〔2026〕1号
            ---
            第一段正文。

            第二段。
            """), (News + "b.en.md", "---\ntitle: B\ndate: 2026-01-01\n---\nFirst paragraph.\n\nSecond.\n"));
        Assert.Empty(diagnostics);
        var news = Assert.Single(loaded.Site.Parks).News;
        var plan = news[0].Primary;
        Assert.Equal(("zh", News + "2026-03-02-plan.md", "工作计划", (DateOnly?)new DateOnly(2026, 3, 2), NewsKind.Plan, "本年计划。", false, false),
            (plan.Lang, plan.File, plan.Title, plan.Date, plan.Kind, plan.Summary, plan.Light, plan.PlaceholderInBody));
        Assert.Equal(("000000-2026-001", "Committee", "示发〔2026〕1号"), (plan.Record!.IndexNo, plan.Record.Publisher!.In("en", "zh").Text, plan.Record.DocNo));
        Assert.Contains("<p>第二段。</p>", plan.BodyHtml, StringComparison.Ordinal);
        Assert.Null(plan.Case);
        var b = news[1].Primary;
        Assert.Equal(("b", "en", "First paragraph.", NewsKind.News), (news[1].Slug, b.Lang, b.Summary, b.Kind));
        Assert.Null(b.Record);
    }

    [Theory]
    [InlineData("news", "News")]
    [InlineData("notice", "Notice")]
    [InlineData("plan", "Plan")]
    [InlineData("report", "Report")]
    public void Each_news_kind_is_read(string kind, string expected)
    {
        var (loaded, diagnostics) = Load((News + "a.md", $"---\ntitle: t\ndate: 2026-01-01\nkind: {kind}\n---\nx\n"));
        Assert.Empty(diagnostics);
        Assert.Equal(expected, One(Assert.Single(loaded.Site.Parks).News).Kind.ToString());
    }

    [Fact]
    public void A_news_item_or_case_needs_a_date_and_a_page_does_not()
    {
        var (loaded, diagnostics) = Load((News + "a.md", "---\ntitle: t\n---\nx\n"), ("parks/demo/cases/c.md", "---\ntitle: t\n---\nx\n"),
            ("parks/demo/pages/p.md", "---\ntitle: t\nsummary: ''\n---\n见下文。\n"), ("parks/demo/pages/q.md", "---\ndate: 2026-01-01\n---\nx\n"));
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Empty(park.News);
        Assert.Empty(park.Cases);
        var page = One(park.Pages);
        Assert.Equal(((DateOnly?)null, "见下文。", NewsKind.News), (page.Date, page.Summary, page.Kind));
        Assert.Null(page.Record);
        Assert.Equal(new[] { ("ECO013", "parks/demo/cases/c.md"), ("ECO013", News + "a.md"), ("ECO013", "parks/demo/pages/q.md") },
            diagnostics.Select(d => (d.Code, d.File)));
    }

    [Fact]
    public void A_case_holds_its_enterprise_technology_and_benefits()
    {
        var (loaded, diagnostics) = Load(("parks/demo/cases/c.md", """
            ---
            title: 余热利用
            date: 2026-01-01
            enterprise: demo-steel
            technology: {zh: 余热发电, en: Waste-heat power}
            benefits: {energy_saved_tce: 1, water_saved_m3: 2, co2_reduced_t: 3, solid_waste_utilised_t: 0, economic_benefit_10k_cny: -5}
            index_no: x
            ---
            正文。
            """));
        Assert.Equal(("ECO012", 7), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
        var c = One(Assert.Single(loaded.Site.Parks).Cases);
        Assert.Null(c.Record);
        Assert.Equal(("demo-steel", "parks/demo/cases/c.md", new SourcePos(4, 13)), (c.Case!.Enterprise!.Id, c.Case.Enterprise.File, c.Case.Enterprise.Pos));
        Assert.Equal("Waste-heat power", c.Case.Technology!.In("en", "zh").Text);
        Assert.Equal(new Benefits(1, 2, 3, 0, -5), c.Case.Benefits);
    }

    [Fact]
    public void A_negative_yearly_saving_is_ECO016_and_dropped_and_a_case_may_give_no_benefits()
    {
        var (loaded, diagnostics) = Load(("parks/demo/cases/c.md", "---\ntitle: t\ndate: 2026-01-01\nbenefits:\n  water_saved_m3: -1\n  co2_reduced_t: 4\n---\nx\n"),
            ("parks/demo/cases/d.md", "---\ntitle: t\ndate: 2026-01-02\n---\nx\n"));
        At(Assert.Single(diagnostics), "ECO016", "parks/demo/cases/c.md", 5, 19, "'benefits.water_saved_m3' is a yearly saving and cannot be negative.");
        var cases = Assert.Single(loaded.Site.Parks).Cases;
        Assert.Equal(new Benefits(null, null, 4, null, null), cases[1].Primary.Case!.Benefits);
        Assert.Equal(Benefits.None, cases[0].Primary.Case!.Benefits);
        Assert.Null(cases[0].Primary.Case!.Enterprise);
    }

    [Fact]
    public void Attachments_are_media_files_of_the_park()
    {
        using var site = new TestSite();
        site.WithBytes("parks/demo/media/plan.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())
            .With(News + "a.md", "---\ntitle: t\ndate: 2026-01-01\nattachments:\n  - media\\plan.pdf\n  - media/none.pdf\n  - [x]\n---\nx\n");
        var (loaded, diagnostics) = Load(site);
        var a = Assert.Single(One(Assert.Single(loaded.Site.Parks).News).Attachments);
        Assert.Equal(new Attachment("plan.pdf", "parks/demo/media/plan.pdf", 15), a);
        Assert.Equal(new[] { 6, 7 }, diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void A_placeholder_in_the_body_is_marked()
    {
        var (loaded, _) = Load((News + "a.md", "---\ntitle: t\ndate: 2026-01-01\n---\n正文从这里开始。\n"));
        Assert.True(One(Assert.Single(loaded.Site.Parks).News).PlaceholderInBody);
    }
}
