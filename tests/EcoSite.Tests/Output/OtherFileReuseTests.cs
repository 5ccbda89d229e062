using EcoSite.Core.Render;

namespace EcoSite.Tests.Output;

/// <summary>
/// Files that are not pages, kept by an incremental build when what they are made from hashes as recorded by the
/// previous build (docs/incremental.md, "Files that are not pages"): the sitemap and the open data export. A kept
/// file is not made again (a hand-edited copy stays, as a kept page does); any change to what it is made from makes
/// it again, and the output equals a cold build.
/// </summary>
public sealed class OtherFileReuseTests
{
    private const string Tampered = "kept, not made again\n";

    private static readonly string[] KeptFiles =
    [
        "sitemap.xml", "data/indicators.json", "data/indicators.csv", "data/parks/demo/indicators.json",
        "data/schemas/indicators.schema.json", "data/catalog.jsonld", "data/datapackage.json",
        "404.html", "schemas/news.schema.json", "schemas/site.schema.json", "badge.svg", "badge.en.svg", "completeness.json",
        "parks/demo/badge.svg", "parks/demo/completeness.en.json",
    ];

    private static TestSite Site() => new TestSite()
        .With("parks/demo/indicators/2025.yaml", Indicators(90))
        .With("parks/demo/news/2026-11-01-item.md", "---\ntitle: 消息\ndate: 2026-11-01\n---\n第一条消息。\n");

    private static string Indicators(int value) => $"""
        year: 2025
        source: 园区统计
        values:
          - {"{"}indicator: solid-waste-utilisation, value: {value}, target: ">= 70"{"}"}
        """;

    private static void Tamper(TestSite site)
    {
        foreach (var f in KeptFiles) File.WriteAllText(Path.Combine(site.Output, f), Tampered);
    }

    [Fact]
    public void A_change_none_of_them_is_made_from_keeps_the_sitemap_and_the_open_data_as_published()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        Tamper(site);
        site.With("parks/demo/news/2026-11-01-item.md", "---\ntitle: 消息\ndate: 2026-11-01\n---\n第一条消息，已更正。\n");

        Assert.True(site.Build().Success);

        foreach (var f in KeptFiles) Assert.Equal(Tampered, site.Read(f));
        Assert.Contains("已更正", site.Read("parks/demo/news/2026-11-01-item.html"));
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("digest changed")]
    [InlineData("digests dropped")]
    public void A_file_missing_from_the_output_or_a_recorded_digest_that_differs_makes_the_file_again(string how)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var marker = Path.Combine(site.Output, ".ecosite-output");
        var manifest = File.ReadAllText(marker);
        foreach (var f in KeptFiles)
        {
            var path = Path.Combine(site.Output, f);
            if (how == "deleted") File.Delete(path);
            else File.WriteAllText(path, Tampered);
            var recorded = System.Text.RegularExpressions.Regex.Match(manifest, $"\"{System.Text.RegularExpressions.Regex.Escape(f)}\":\"([0-9a-f]{{64}})\"");
            Assert.True(recorded.Success, f);
            if (how == "digest changed") manifest = manifest.Replace(recorded.Value, recorded.Value.Replace(recorded.Groups[1].Value, new string('0', 64)), StringComparison.Ordinal);
            if (how == "digests dropped") manifest = manifest.Replace(recorded.Value + ",", "", StringComparison.Ordinal).Replace("," + recorded.Value, "", StringComparison.Ordinal);
        }
        File.WriteAllText(marker, manifest);
        site.With("parks/demo/news/2026-11-01-item.md", "---\ntitle: 消息\ndate: 2026-11-01\n---\n第一条消息，已更正。\n");

        Assert.True(site.Build().Success);

        foreach (var f in KeptFiles) Assert.NotEqual(Tampered, site.Read(f));
        site.AssertOutputEqualsColdBuild();
    }

    [Theory]
    [InlineData("sitemap.xml", "parks/demo/news/2026-11-02-new.md", "---\ntitle: 新消息\ndate: 2026-11-02\n---\n新增一条。\n")] // an added page
    [InlineData("sitemap.xml", "parks/demo/news/2026-11-01-item.md", null)] // a removed page
    [InlineData("sitemap.xml", "site.yaml", "title: {zh: 测试平台, en: Test Platform}\nlanguages: [zh, en]\nas_of: 2026-11-29\nbase_url: https://eco.example.invalid/\n")] // base_url
    [InlineData("data/indicators.json", "parks/demo/indicators/2025.yaml", null)] // a changed value: the row
    [InlineData("data/parks/demo/indicators.csv", "parks/demo/indicators/2025.yaml", null)] // the park's file too
    [InlineData("data/catalog.jsonld", "parks/demo/park.yaml", "name: {zh: 新园区名, en: Renamed Park}\nlevel: national\nstatus: named\n")] // a scope's name
    [InlineData("404.html", "site.yaml", "title: {zh: 新的平台名, en: Renamed Platform}\nlanguages: [zh, en]\nas_of: 2026-11-29\n")] // the site's title
    [InlineData("404.html", "site.yaml", "title: {zh: 测试平台, en: Test Platform}\nlanguages: [zh, en]\nas_of: 2026-11-29\nicp: 京ICP备00000000号\n")] // the footer
    [InlineData("parks/demo/badge.svg", "parks/demo/cases/2026-11-01-case.md", "---\ntitle: 案例\ndate: 2026-11-01\n---\n一个案例。\n")] // a park's score
    [InlineData("parks/demo/completeness.en.json", "parks/demo/cases/2026-11-01-case.md", "---\ntitle: 案例\ndate: 2026-11-01\n---\n一个案例。\n")]
    [InlineData("badge.en.svg", "parks/demo/cases/2026-11-01-case.md", "---\ntitle: 案例\ndate: 2026-11-01\n---\n一个案例。\n")] // the platform's average
    [InlineData("completeness.json", "parks/demo/cases/2026-11-01-case.md", "---\ntitle: 案例\ndate: 2026-11-01\n---\n一个案例。\n")]
    public void A_change_to_what_a_kept_file_is_made_from_makes_it_again(string file, string changed, string? text)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var before = site.Read(file);
        if (changed.EndsWith("2025.yaml", StringComparison.Ordinal)) text = Indicators(95);
        if (text is null) site.Without(changed);
        else site.With(changed, text);

        Assert.True(site.Build().Success);

        Assert.NotEqual(before, site.Read(file));
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void Another_build_of_the_generator_makes_the_kept_files_again()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        Tamper(site);
        EcoSite.Core.Output.InputFingerprint.ToolForTests.Value = EcoSite.Core.Output.InputFingerprint.Tool + "-rebuilt";
        try
        {
            Assert.True(site.Build().Success);

            // The schemas and the 404 page are made from the generator itself (and site.yaml, the theme).
            foreach (var f in KeptFiles) Assert.NotEqual(Tampered, site.Read(f));
            site.AssertOutputEqualsColdBuild(); // by the same build of the generator (its state files name it)
        }
        finally
        {
            EcoSite.Core.Output.InputFingerprint.ToolForTests.Value = null;
        }
    }

    [Fact]
    public void A_renamed_page_changes_the_sitemap_though_the_count_of_pages_is_the_same()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        site.Without("parks/demo/news/2026-11-01-item.md")
            .With("parks/demo/news/2026-11-01-renamed.md", "---\ntitle: 消息\ndate: 2026-11-01\n---\n第一条消息。\n");

        Assert.True(site.Build().Success);

        Assert.Contains("2026-11-01-renamed.html", site.Read("sitemap.xml"));
        Assert.DoesNotContain("2026-11-01-item.html", site.Read("sitemap.xml"));
        site.AssertOutputEqualsColdBuild();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://www.example.gov.cn/stgy/")]
    public void The_sitemap_written_straight_as_bytes_equals_the_xml_writer_s(string? baseUrl)
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + (baseUrl is null ? "" : $"\nbase_url: {baseUrl}\n"))
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var facts = site.Facts();
        var cfg = facts.Site.Config;
        string[] pages = ["index.html", "parks/demo/index.html", "parks/demo/news/2026-11-01-item.html", "ranking/index.html", "xindex.html", "a/b/c/index.htm"];
        var urls = pages.SelectMany(p => cfg.Languages.Select(l => (p, l))).ToList();

        var bytes = Feeds.PlainUrlSet(cfg, facts.Routes, urls);

        Assert.NotNull(bytes);
        Assert.Equal(Feeds.UrlSet(cfg, facts.Routes, urls), System.Text.Encoding.UTF8.GetString(bytes));
        // An address the XML writer escapes is left to it.
        Assert.Null(Feeds.PlainUrlSet(cfg, facts.Routes, [.. urls, ("a&b.html", cfg.Languages[0])]));
        Assert.Contains("a&amp;b.html", Assert.IsType<Core.Output.TextFile>(Feeds.Sitemaps(facts.Site, [.. pages, "a&b.html"]).Single()).Text);
        Assert.Null(Feeds.PlainUrlSet(cfg, facts.Routes, []));
    }

    [Fact]
    public void The_open_data_digest_covers_every_member_of_scopes_tables_and_fields()
    {
        // OpenData.Digest names each member it hashes: a member added to these records must be added there (and here).
        static string[] Members(Type t) => t.GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Name", "ParkId", "Tables"], Members(typeof(DataScope)));
        Assert.Equal(["Description", "Fields", "Name", "PrimaryKey", "Rows", "Title"], Members(typeof(DataTable)));
        Assert.Equal(["Description", "Enum", "List", "Name", "Required", "Type"], Members(typeof(DataField)));
    }

    [Fact]
    public void A_row_value_change_of_any_kind_changes_the_table_digest()
    {
        static string? Of(params object?[] row) => OpenData.Digest("g", "table",
            [new DataScope("demo", Core.Model.LocalizedText.Of("zh", "园区"), [new DataTable("t", "T", "d", [new DataField("a", DataFieldType.String, false, "a")], [row])])], rows: true);
        var values = new object?[] { null, "1", 1, 1.0, true, false, new DateOnly(2026, 1, 1), new[] { "1" }, new[] { "a b" }, new[] { "a", "b" }, "" };
        var digests = values.Select(v => Of(v)).ToList();
        Assert.All(digests, Assert.NotNull);
        Assert.Equal(digests.Count, digests.Distinct().Count());
        Assert.Equal(Of("1"), Of("1"));
        // Where a text ends counts: ("ab", "") and ("a", "b") differ.
        Assert.NotEqual(Of("ab", ""), Of("a", "b"));
        // A value the exports write by Convert.ToString gets no digest: its files are always made.
        Assert.Null(Of(1L));
        Assert.NotEqual(OpenData.Digest("g", "table", [], rows: true), OpenData.Digest("h", "table", [], rows: true));
    }
}
