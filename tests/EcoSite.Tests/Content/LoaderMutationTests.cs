using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// Exact-output cases for <c>ArticleLoader</c>, <c>CatalogLoader</c> and <c>ParkProfileLoader</c> aimed at what
/// <see cref="ParkAndArticleLoaderTests"/> left unasserted (issue 11, mutation testing): the description each loader
/// gives a file or entry of the wrong shape and the known fields it lists, each allowed value of a choice, a front matter
/// that does not parse, a light load, and the embedded catalog read afresh. Stage 1 only: no checking, no rendering
/// of the site.
/// </summary>
public sealed class LoaderMutationTests
{
    // Stage 1 of a site, as ContentLoaderTests loads it.
    private static (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics) Load(TestSite site, Func<string, bool>? light = null) =>
        ContentLoaderTests.Load(site, light);

    private static (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics) Load(params (string Path, string Text)[] files) =>
        ContentLoaderTests.Load(files);

    private static void At(Diagnostic d, string code, string file, int line, int column, string message)
    {
        // One line each, in full: Assert.Equal would cut a long message short in its report.
        var (expected, actual) = ($"{code} {file}:{line}:{column} {message}", $"{d.Code} {d.File}:{d.Line}:{d.Column} {d.Message}");
        if (expected != actual) Assert.Fail($"expected: {expected}\nactual:   {actual}");
    }

    private const string Park = "parks/demo/park.yaml";
    private const string Enterprises = "parks/demo/enterprises.yaml";
    private const string Catalog = "indicators.yaml";

    // ---- articles ----

    [Theory]
    [InlineData("news", "a news item")]
    [InlineData("cases", "a case")]
    [InlineData("pages", "a page")]
    public void A_front_matter_that_is_not_a_map_is_ECO011_naming_the_section(string section, string what)
    {
        var file = $"parks/demo/{section}/a.md";
        var (loaded, diagnostics) = Load((file, "---\n- title\n---\n正文。\n"));
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Empty(park.News.Concat(park.Cases).Concat(park.Pages));
        At(Assert.Single(diagnostics), "ECO011", file, 2, 1, $"{what} must be a map of 'key: value' lines, not a list.");
    }

    [Theory]
    [InlineData("news", "enterprise: x", "a news item", "title, date, kind, summary, attachments, index_no, publisher, doc_no")]
    [InlineData("cases", "kind: plan", "a case", "title, date, summary, attachments, enterprise, technology, benefits")]
    [InlineData("pages", "kind: plan", "a page", "title, date, summary, attachments")]
    public void An_unknown_field_is_ECO012_listing_the_fields_of_the_section(string section, string line, string what, string known)
    {
        var file = $"parks/demo/{section}/a.md";
        var (loaded, diagnostics) = Load((file, $"---\ntitle: t\ndate: 2026-01-01\n{line}\n---\n正文。\n"));
        var park = Assert.Single(loaded.Site.Parks);
        var field = line[..line.IndexOf(':')];
        At(Assert.Single(diagnostics), "ECO012", file, 4, 1, $"'{field}' is not a field of {what}; it is ignored. Known fields: {known}.");
        Assert.Equal("t", Assert.Single(Assert.Single(park.News.Concat(park.Cases).Concat(park.Pages)).Versions).Title);
    }

    [Fact]
    public void An_unknown_benefit_is_ECO012_listing_the_five_benefits()
    {
        const string file = "parks/demo/cases/a.md";
        var (loaded, diagnostics) = Load((file, "---\ntitle: t\ndate: 2026-01-01\nbenefits: {energy_saved: 1, co2_reduced_t: 2}\n---\n正文。\n"));
        At(Assert.Single(diagnostics), "ECO012", file, 4, 12,
            "'energy_saved' is not a field of 'benefits'; it is ignored. Did you mean 'energy_saved_tce'? "
            + "Known fields: energy_saved_tce, water_saved_m3, co2_reduced_t, solid_waste_utilised_t, economic_benefit_10k_cny.");
        Assert.Equal(new Benefits(null, null, 2, null, null), Assert.Single(Assert.Single(loaded.Site.Parks).Cases).Primary.Case!.Benefits);
    }

    [Fact]
    public void A_front_matter_that_does_not_parse_gives_only_its_own_error()
    {
        const string file = "parks/demo/news/a.md";
        var (loaded, diagnostics) = Load((file, "---\ntitle: [t\ndate: 2026-01-01\n---\n正文。\n"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO010", file), (d.Code, d.File));
    }

    [Fact]
    public void An_empty_front_matter_reports_the_missing_title_and_date_at_its_first_line()
    {
        const string file = "parks/demo/news/a.md";
        var (loaded, diagnostics) = Load((file, "---\n# 只有注释\n---\n正文。\n"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        Assert.Equal(2, diagnostics.Count);
        At(diagnostics[0], "ECO013", file, 1, 1, "a news item needs 'date'; add a line 'date: YYYY-MM-DD'.");
        At(diagnostics[1], "ECO013", file, 1, 1, "a news item needs 'title'; add a line 'title: ...'.");
    }

    [Fact]
    public void A_body_nested_too_deep_leaves_the_item_out()
    {
        const string file = "parks/demo/news/a.md";
        var (loaded, diagnostics) = Load((file, "---\ntitle: t\ndate: 2026-01-01\n---\n" + new string('>', 70) + " 正文。\n"));
        Assert.Empty(Assert.Single(loaded.Site.Parks).News);
        Assert.Equal((file, 5), (Assert.Single(diagnostics).File, diagnostics[0].Line));
    }

    [Fact]
    public void A_light_load_reads_only_the_front_matter_even_when_the_quick_reader_cannot()
    {
        using var site = new TestSite();
        // A flow map is beyond the quick reader: Markdig reads the front matter, but not the body, which would be refused.
        site.With("parks/other/park.yaml", TestSite.ParkYaml)
            .With("parks/other/news/a.md", "---\ntitle: t\ndate: 2026-01-01\npublisher: {zh: 管委会, en: Committee}\n---\n" + new string('>', 70) + " 正文。\n")
            .With("parks/other/news/b.md", "---\ntitle: u\ndate: 2026-01-02\n---\n第一段。\n");
        var (loaded, diagnostics) = Load(site, light: id => id == "other");
        Assert.Empty(diagnostics);
        var news = loaded.Site.Parks.Single(p => p.Id == "other").News;
        Assert.Equal(new[] { ("b", "u", "", "", true), ("a", "t", "", "", true) },
            news.Select(a => (a.Slug, a.Primary.Title, a.Primary.BodyHtml, a.Primary.Summary, a.Primary.Light)));
        Assert.Equal("管委会", news[1].Primary.Record!.Publisher!.In("zh", "zh").Text);
    }

    [Fact]
    public void A_placeholder_in_the_front_matter_only_does_not_mark_the_body()
    {
        var (loaded, diagnostics) = Load(("parks/demo/news/a.md", "---\ntitle: t\ndate: 2026-01-01\nsummary: 正文从这里开始。\n---\n正文。\n"));
        At(Assert.Single(diagnostics), "ECO027", "parks/demo/news/a.md", 4, 10,
            "'正文从这里开始。' is the text 'ecosite new' wrote for you to replace; until it is replaced this item scores nothing. Write the real text here.");
        Assert.False(Assert.Single(Assert.Single(Assert.Single(loaded.Site.Parks).News).Versions).PlaceholderInBody);
    }

    // ---- indicators.yaml ----

    [Fact]
    public void The_embedded_catalog_read_afresh_is_the_default()
    {
        var fresh = CatalogLoader.ReadEmbedded();
        Assert.NotSame(CatalogLoader.Default, fresh);
        Assert.Equal("HJ 274-2015", fresh.Standard);
        Assert.Equal(new[] { "economy", "symbiosis", "resources", "environment", "disclosure" }, fresh.Categories.Select(c => c.Id));
        Assert.Equal(CatalogLoader.Default.Indicators.Select(i => (i.Id, i.Category)), fresh.Indicators.Select(i => (i.Id, i.Category)));
        Assert.Equal(22, fresh.Indicators.Count);
        Assert.All(fresh.Categories.Select(c => c.Name).Concat(fresh.Indicators.Select(i => i.Name)),
            n => Assert.Equal(new[] { "en", "zh" }, n.Values.Select(v => v.Key).Order()));
        Assert.Equal(("经济发展", "Economic development"), (fresh.Categories[0].Name.In("zh", "zh").Text, fresh.Categories[0].Name.In("en", "zh").Text));
    }

    [Fact]
    public void A_catalog_that_is_not_a_map_is_ECO011()
    {
        var (loaded, diagnostics) = Load((Catalog, "- a list\n"));
        Assert.Same(CatalogLoader.Default, loaded.Site.Catalog);
        At(Assert.Single(diagnostics), "ECO011", Catalog, 1, 1, "an indicator catalog must be a map of 'key: value' lines, not a list.");
    }

    [Fact]
    public void Catalog_entries_that_are_not_maps_are_ECO011_naming_what_they_should_be()
    {
        var (loaded, diagnostics) = Load((Catalog, "categories:\n  - local\nindicators:\n  - [a]\n"));
        Assert.Equal(5, loaded.Site.Catalog.Categories.Count);
        Assert.Equal(2, diagnostics.Count);
        At(diagnostics[0], "ECO011", Catalog, 2, 5, "a catalog category must be a map of 'key: value' lines, not 'local'.");
        At(diagnostics[1], "ECO011", Catalog, 4, 5, "a catalog indicator must be a map of 'key: value' lines, not a list.");
    }

    [Fact]
    public void Unknown_catalog_fields_are_ECO012_listing_the_known_ones()
    {
        var (loaded, diagnostics) = Load((Catalog, """
            standards: x
            categories:
              - {id: local, zh: 地方, direction: higher}
            indicators:
              - {id: a, category: local, zh: 甲, colour: red}
            """));
        Assert.Equal(3, diagnostics.Count);
        At(diagnostics[0], "ECO012", Catalog, 1, 1, "'standards' is not a field of an indicator catalog; it is ignored. Did you mean 'standard'? Known fields: standard, replace, categories, indicators.");
        At(diagnostics[1], "ECO012", Catalog, 3, 25, "'direction' is not a field of a catalog category; it is ignored. Known fields: id, category, unit, zh, en.");
        At(diagnostics[2], "ECO012", Catalog, 5, 37, "'colour' is not a field of a catalog indicator; it is ignored. Known fields: id, category, unit, zh, en, direction, requirement, mandatory, clause.");
        Assert.Equal("local", loaded.Site.Catalog.Find("a")!.Category);
    }

    [Fact]
    public void A_catalog_category_needs_an_id()
    {
        var (loaded, diagnostics) = Load((Catalog, "categories:\n  - {zh: 地方}\n"));
        Assert.Equal(5, loaded.Site.Catalog.Categories.Count);
        At(Assert.Single(diagnostics), "ECO013", Catalog, 2, 5, "a catalog category needs 'id'; add a line 'id: an-id'.");
    }

    [Theory]
    [InlineData("higher")]
    [InlineData("lower")]
    public void Each_direction_is_read(string direction)
    {
        var (loaded, diagnostics) = Load((Catalog, $"indicators:\n  - {{id: a, category: economy, zh: 甲, direction: {direction}}}\n"));
        Assert.Empty(diagnostics);
        Assert.Equal(direction, loaded.Site.Catalog.Find("a")!.Direction);
    }

    [Fact]
    public void A_direction_or_replace_that_is_not_allowed_is_ECO016_listing_the_choices()
    {
        var (loaded, diagnostics) = Load((Catalog, "replace: yes\nindicators:\n  - {id: a, category: economy, zh: 甲, direction: up}\n"));
        Assert.Equal(2, diagnostics.Count);
        At(diagnostics[0], "ECO016", Catalog, 1, 10, "'replace' is 'yes'; use one of: true, false.");
        At(diagnostics[1], "ECO016", Catalog, 3, 50, "'direction' is 'up'; use one of: higher, lower.");
        Assert.Null(loaded.Site.Catalog.Find("a")!.Direction);
        Assert.NotNull(loaded.Site.Catalog.Find("high-tech-output-share"));
    }

    // ---- park.yaml and enterprises.yaml ----

    [Theory]
    [InlineData("national", "named")]
    [InlineData("provincial", "approved")]
    [InlineData("other", "other")]
    public void Each_level_and_status_is_read(string level, string status)
    {
        var (loaded, diagnostics) = Load((Park, $"name: 园区\nlevel: {level}\nstatus: {status}\n"));
        Assert.Empty(diagnostics);
        var p = Assert.Single(loaded.Site.Parks).Profile;
        Assert.Equal((level, status), (p.Level, p.Status));
    }

    [Fact]
    public void A_level_or_status_that_is_not_allowed_is_ECO016_listing_the_choices()
    {
        var (loaded, diagnostics) = Load((Park, "name: 园区\nlevel: city\nstatus: approve\n"));
        Assert.Equal(2, diagnostics.Count);
        At(diagnostics[0], "ECO016", Park, 2, 8, "'level' is 'city'; use one of: national, provincial, other.");
        At(diagnostics[1], "ECO016", Park, 3, 9, "'status' is 'approve'; use one of: named, approved, other. Did you mean 'approved'?");
        var p = Assert.Single(loaded.Site.Parks).Profile;
        Assert.Equal(((string?)null, (string?)null), (p.Level, p.Status));
    }

    [Fact]
    public void A_park_yaml_that_is_not_a_map_is_ECO011()
    {
        var (loaded, diagnostics) = Load((Park, "- x\n"));
        Assert.Empty(loaded.Site.Parks);
        At(Assert.Single(diagnostics), "ECO011", Park, 1, 1, "park.yaml must be a map of 'key: value' lines, not a list.");
    }

    [Fact]
    public void Unknown_park_contact_and_enterprise_fields_are_ECO012_listing_the_known_ones()
    {
        var (loaded, diagnostics) = Load((Park, "name: 园区\nlevels: national\ncontact: {phone: 010-1, fax: 010-2}\n"),
            (Enterprises, "enterprises:\n  - {id: a, name: 甲, credit: x}\n"));
        Assert.Equal(3, diagnostics.Count);
        At(diagnostics[0], "ECO012", Enterprises, 2, 22, "'credit' is not a field of an enterprise; it is ignored. Known fields: id, name, credit_code, industry, key_polluter.");
        At(diagnostics[1], "ECO012", Park, 2, 1, "'levels' is not a field of park.yaml; it is ignored. Did you mean 'level'? "
            + "Known fields: name, level, status, standard, province, city, established, area_km2, managing_body, contact.");
        At(diagnostics[2], "ECO012", Park, 3, 25, "'fax' is not a field of 'contact'; it is ignored. Known fields: phone, email, address.");
        var park = Assert.Single(loaded.Site.Parks);
        Assert.Equal(("010-1", "a"), (park.Profile.Contact!.Phone, Assert.Single(park.Enterprises).Id));
    }

    [Fact]
    public void Enterprises_of_the_wrong_shape_are_ECO011_naming_what_they_should_be()
    {
        var (wrongFile, fileDiagnostics) = Load((Enterprises, "- {id: a, name: 甲}\n"));
        Assert.Empty(Assert.Single(wrongFile.Site.Parks).Enterprises);
        At(Assert.Single(fileDiagnostics), "ECO011", Enterprises, 1, 1, "enterprises.yaml must be a map of 'key: value' lines, not a list.");
        var (wrongEntry, entryDiagnostics) = Load((Enterprises, "enterprises:\n  - demo-steel\n  - {id: a, name: 甲}\n"));
        Assert.Equal("a", Assert.Single(Assert.Single(wrongEntry.Site.Parks).Enterprises).Id);
        At(Assert.Single(entryDiagnostics), "ECO011", Enterprises, 2, 5, "an enterprise must be a map of 'key: value' lines, not 'demo-steel'.");
    }
}
