using System.Text.Json;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Render;
using Json.Schema;

namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// Two fictional platforms generated here, each importing the other's published data/ folder (site.yaml 'federation',
/// content-format.md v2 section 5): the matches appear on both sides' built pages, and a broken or hostile import is a
/// located warning that never stops the build.
/// </summary>
public sealed class FederationTests : IDisposable
{
    private const string NorthUrl = "https://north.example.gov.cn/eco/";
    private const string SouthUrl = "https://south.example.gov.cn/stgy/";

    /// <summary>Holds north/ and south/, each with content/ and _site/: a neighbour's data is at ../../&lt;id&gt;/_site.</summary>
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-federation-" + Guid.NewGuid().ToString("N"));
    private readonly TestSite _north;
    private readonly TestSite _south;

    public FederationTests()
    {
        _north = Platform("north", "北方示例省生态工业信息平台", "North Example Province Platform", NorthUrl, "2026-11-29", "south", SouthUrl);
        _south = Platform("south", "南方示例省生态工业信息平台", "South Example Province Platform", SouthUrl, "2026-11-28", "north", NorthUrl);
        // North supplies waste oil (coded) and asks for fly ash (no code); South asks for the oil and supplies the ash.
        _north.With("parks/n-park/exchange/oil.yaml", Listing("supply", "n-chem", "{zh: 废矿物油, en: Waste mineral oil}", "900-249-08", "2026-10-01", "2027-03-31"))
            .With("parks/n-park/exchange/ash.yaml", Listing("demand", "n-cement", "{zh: 粉煤灰, en: Fly ash}", null, "2026-11-01", null))
            .With("parks/n-park/exchange/lonely.yaml", Listing("supply", "n-chem", "{zh: 废催化剂, en: Spent catalyst}", null, "2026-11-01", null));
        _south.With("parks/s-park/exchange/oil-demand.yaml", Listing("demand", "s-oil", "{zh: 废机油, en: Used oil}", "900-249-08", "2026-11-01", null))
            .With("parks/s-park/exchange/old-oil.yaml", Listing("demand", "s-oil", "{zh: 废机油, en: Used oil}", "900-249-08", "2026-01-01", "2026-06-30"))
            .With("parks/s-park/exchange/ash.yaml", Listing("supply", "s-power", "{zh: 干排粉煤灰, en: \"fly ash\"}", null, "2026-11-01", "2027-05-01"));
    }

    private TestSite Platform(string id, string zh, string en, string url, string asOf, string neighbour, string neighbourUrl)
    {
        var park = id[0] + "-park";
        return new TestSite(minimal: false, root: Path.Combine(_root, id))
            .With("site.yaml", $"""
                title: {"{"}zh: {zh}, en: {en}{"}"}
                languages: [zh, en]
                base_url: {url}
                as_of: {asOf}
                federation:
                  - id: {neighbour}
                    name: {"{"}zh: {(neighbour == "north" ? "北方示例省平台" : "南方示例省平台")}, en: {(neighbour == "north" ? "North Example Platform" : "South Example Platform")}{"}"}
                    data: ../../{neighbour}/_site
                    url: {neighbourUrl}
                """)
            .With($"parks/{park}/park.yaml", $"name: {{zh: {zh[..2]}示例园区, en: {en.Split(' ')[0]} Demo Park}}\n")
            .With($"parks/{park}/enterprises.yaml", $"enterprises:\n  - {{id: {id[0]}-chem, name: 示例化工}}\n  - {{id: {id[0]}-cement, name: 示例水泥}}\n  - {{id: {id[0]}-oil, name: 示例油品}}\n  - {{id: {id[0]}-power, name: 示例热电}}\n");
    }

    private static string Listing(string kind, string enterprise, string material, string? code, string posted, string? validUntil) =>
        $"kind: {kind}\ncategory: waste\nenterprise: {enterprise}\nmaterial: {material}\n" + (code is null ? "" : $"code: {code}\n") +
        $"quantity: 30\nunit: t\nposted: {posted}\n" + (validUntil is null ? "" : $"valid_until: {validUntil}\n");

    /// <summary>North first (South not yet published: a warning), then South (reads North), then North again (reads South).</summary>
    private (BuildResult North, BuildResult South) BuildBoth()
    {
        var first = _north.Build();
        Assert.True(first.Success, string.Join("\n", first.Diagnostics));
        var south = _south.Build();
        var north = _north.Build();
        return (north, south);
    }

    [Fact]
    public void Both_platforms_show_each_others_matches_linked_by_absolute_url_and_marked_with_the_platform()
    {
        var (north, south) = BuildBoth();
        Assert.True(north.Success && south.Success, string.Join("\n", north.Diagnostics.Concat(south.Diagnostics)));
        Assert.DoesNotContain(north.Diagnostics.Concat(south.Diagnostics), d => d.Code.StartsWith("ECO5", StringComparison.Ordinal));

        var oil = _north.Read("parks/n-park/exchange/oil.html");
        Assert.Contains($"href=\"{SouthUrl}parks/s-park/exchange/oil-demand.html\"", oil);
        Assert.Contains("南方示例省平台", oil);
        Assert.DoesNotContain("old-oil", oil); // expired on the other side: never matched
        var oilEn = _north.Read("en/parks/n-park/exchange/oil.html");
        Assert.Contains($"href=\"{SouthUrl}en/parks/s-park/exchange/oil-demand.html\"", oilEn);
        Assert.Contains("South Example Platform", oilEn);
        Assert.Contains($"href=\"{SouthUrl}parks/s-park/exchange/ash.html\"", _north.Read("parks/n-park/exchange/ash.html"));
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/lonely.html"));

        var exchange = _north.Read("exchange/index.html");
        Assert.Contains($"href=\"{SouthUrl}parks/s-park/exchange/oil-demand.html\"", exchange);
        Assert.Contains($"href=\"{SouthUrl}parks/s-park/exchange/ash.html\"", exchange);
        Assert.Contains($"href=\"{SouthUrl}en/parks/s-park/exchange/ash.html\"", _north.Read("en/exchange/index.html"));

        // The other side: South's pages link back to North's listings.
        Assert.Contains($"href=\"{NorthUrl}parks/n-park/exchange/oil.html\"", _south.Read("parks/s-park/exchange/oil-demand.html"));
        Assert.Contains("北方示例省平台", _south.Read("parks/s-park/exchange/oil-demand.html"));
        Assert.Contains($"href=\"{NorthUrl}parks/n-park/exchange/ash.html\"", _south.Read("exchange/index.html"));
        Assert.DoesNotContain(NorthUrl, _south.Read("parks/s-park/exchange/old-oil.html"));
    }

    [Fact]
    public void A_missing_neighbour_is_a_warning_at_the_data_line_of_site_yaml_and_the_site_still_builds()
    {
        var result = _north.Build();
        Assert.True(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO501", "site.yaml", 8);
        Assert.True(_north.Exists("parks/n-park/exchange/oil.html"));
    }

    [Fact]
    public void Publishes_a_platform_index_that_follows_its_published_schema()
    {
        Assert.True(_north.Build().Success);
        var index = JsonDocument.Parse(_north.Read("data/platform.json")).RootElement;
        Assert.Equal(OpenData.SchemaVersion, index.GetProperty("schema_version").GetInt32());
        Assert.Equal(NorthUrl, index.GetProperty("base_url").GetString());
        Assert.Equal("2026-11-29", index.GetProperty("as_of").GetString());
        Assert.Equal("n-park", index.GetProperty("parks")[0].GetProperty("id").GetString());
        Assert.Equal("North Example Province Platform", index.GetProperty("name").GetProperty("en").GetString());
        var schema = JsonSchema.FromText(_north.Read("data/schemas/platform.schema.json"));
        Assert.True(schema.Evaluate(index).IsValid);
    }

    [Fact]
    public void The_same_imports_give_the_same_bytes()
    {
        BuildBoth();
        var again = Path.Combine(_north.Root, "_again");
        Assert.True(_north.Build(again).Success);
        Assert.Equal(TestSite.Snapshot(_north.Output), TestSite.Snapshot(again));
    }

    [Fact]
    public void A_changed_import_rebuilds_the_pages_that_show_it()
    {
        BuildBoth();
        Assert.Contains(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
        _south.Without("parks/s-park/exchange/oil-demand.yaml");
        Assert.True(_south.Build().Success);
        Assert.True(_north.Build().Success);
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
    }

    public static TheoryData<string, string, string, int> BrokenExports => new()
    {
        // file to break, its new text, the code, the line (0: the file as a whole)
        { "data/listings.json", "{\"schema_version\": 2, \"listings\": [\n  {\"id\": \"s-park/x\",,}\n]}", "ECO502", 2 },
        { "data/listings.json", "{\"schema_version\": 2, \"listings\": {}}", "ECO502", 0 },
        { "data/platform.json", "[1, 2, 3]", "ECO502", 0 },
        { "data/listings.json", $"{{\"schema_version\": {OpenData.SchemaVersion + 1}, \"listings\": []}}", "ECO503", 0 },
        { "data/platform.json", "{\"schema_version\": 99}", "ECO503", 0 },
        { "data/listings.json", "{\"schema_version\": 2, \"listings\": [" + new string('[', 100) + new string(']', 100) + "]}", "ECO502", 1 },
    };

    [Theory]
    [MemberData(nameof(BrokenExports))]
    public void A_broken_export_is_reported_at_its_file_and_leaves_only_the_neighbours_listings_out(string file, string text, string code, int line)
    {
        BuildBoth();
        File.WriteAllText(Path.Combine(_south.Output, file), text);
        var result = _north.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(Severity.Warning, DiagnosticAssert.Has(result.Diagnostics, code, "../../south/_site/" + file, line).Severity);
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
        Assert.True(_north.Exists("parks/n-park/exchange/ash.html"));
    }

    [Fact]
    public void A_stale_export_is_warned_and_its_active_listings_still_match()
    {
        _south.With("site.yaml", File.ReadAllText(Path.Combine(_south.Content, "site.yaml")).Replace("as_of: 2026-11-28", "as_of: 2026-10-01"));
        var (north, _) = BuildBoth();
        Assert.True(north.Success);
        DiagnosticAssert.Has(north.Diagnostics, "ECO504", "../../south/_site/data/platform.json", 0);
        Assert.Contains(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
    }

    public static TheoryData<string, string> HostileListings => new()
    {
        // a field of a listing that matches North's oil supply, and what it becomes
        { "id", "s-park/../../../etc/passwd" },
        { "id", "s-park/x?y=1" },
        { "park_id", "S PARK" },
        { "material_zh", "废机油\u001b[31m" },
        { "material_zh", "废机油\u202e\u0000" },
        { "material_en", new string('x', 600) },
        { "kind", "<script>" },
        { "category", "x\" onmouseover=\"alert(1)" },
        { "code", "javascript:alert(1)" },
        { "frequency", "weekly" },
        { "posted", "2026-13-01" },
    };

    [Theory]
    [MemberData(nameof(HostileListings))]
    public void A_hostile_listing_is_skipped_at_its_pointer_and_the_others_still_match(string field, string value)
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/listings.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var listings = doc["listings"]!.AsArray();
        var bad = listings.Single(l => (string?)l!["id"] == "s-park/oil-demand")!.DeepClone();
        bad["id"] = "s-park/zz-bad";
        bad[field] = value;
        listings.Add(bad);
        File.WriteAllText(path, doc.ToJsonString());

        var result = _north.Build();
        Assert.True(result.Success);
        var skipped = DiagnosticAssert.Has(result.Diagnostics, "ECO505", "../../south/_site/data/listings.json", 0);
        Assert.Contains("/listings/" + (listings.Count - 1), skipped.Message);
        var page = _north.Read("parks/n-park/exchange/oil.html");
        Assert.Contains($"{SouthUrl}parks/s-park/exchange/oil-demand.html", page);
        Assert.DoesNotContain("zz-bad", page);
        Assert.DoesNotContain("passwd", page);
    }

    [Fact]
    public void Thousands_of_bad_listings_are_summed_up_after_the_first_ten()
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/listings.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var listings = doc["listings"]!.AsArray();
        for (var i = 0; i < 5000; i++) listings.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "s-park/bad-" + i });
        File.WriteAllText(path, doc.ToJsonString());
        var result = _north.Build();
        Assert.True(result.Success);
        Assert.Equal(11, result.Diagnostics.Count(d => d.Code == "ECO505"));
        Assert.Contains(result.Diagnostics, d => d.Code == "ECO505" && d.Message.StartsWith("4990 more listings", StringComparison.Ordinal));
        Assert.Contains($"{SouthUrl}parks/s-park/exchange/oil-demand.html", _north.Read("parks/n-park/exchange/oil.html"));
    }

    [Fact]
    public void Markup_in_a_neighbours_text_is_printed_as_text()
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/listings.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"material_zh\": \"废机油\"", "\"material_zh\": \"<img src=x onerror=alert(1)>废机油\""));
        Assert.True(_north.Build().Success);
        var page = _north.Read("parks/n-park/exchange/oil.html");
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;废机油", page);
        Assert.DoesNotContain("<img src=x", page);
    }

    [Fact]
    public void A_linked_export_file_is_not_followed()
    {
        BuildBoth();
        var listings = Path.Combine(_south.Output, "data/listings.json");
        var elsewhere = Path.Combine(_south.Root, "elsewhere.json");
        File.Move(listings, elsewhere);
        File.CreateSymbolicLink(listings, elsewhere);
        var result = _north.Build();
        Assert.True(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO502", "../../south/_site/data/listings.json", 0);
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
    }

    [Fact]
    public void A_linked_data_folder_is_not_followed()
    {
        BuildBoth();
        var data = Path.Combine(_south.Output, "data");
        var elsewhere = Path.Combine(_south.Root, "elsewhere");
        Directory.Move(data, elsewhere);
        Directory.CreateSymbolicLink(data, elsewhere);
        var result = _north.Build();
        Assert.True(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO502", "../../south/_site/data/platform.json", 0);
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
    }

    [Theory]
    [InlineData("data/listings.json")]
    [InlineData("data/platform.json")]
    public void A_named_pipe_in_the_neighbours_data_folder_is_refused_at_its_file_and_never_opened(string file)
    {
        if (OperatingSystem.IsWindows()) return; // no named pipes in a Windows folder
        BuildBoth();
        var path = Path.Combine(_south.Output, file);
        File.Delete(path);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var result = BuildOrFail(_north, path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var refused = DiagnosticAssert.Has(result.Diagnostics, "ECO502", "../../south/_site/" + file, 0);
        Assert.Contains("named pipe", refused.Message);
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
    }

    /// <summary>A build on a thread, so that a build stuck on a pipe fails the test instead of hanging the run.</summary>
    private static BuildResult BuildOrFail(TestSite site, string fifo)
    {
        var build = Task.Run(() => site.Build());
        if (!build.Wait(TimeSpan.FromMinutes(2)))
        {
            using (File.OpenWrite(fifo)) { } // a writer that opens and closes gives the stuck reader end-of-file
            build.Wait();
            Assert.Fail("the build opened the neighbour's named pipe and waited on it");
        }
        return build.Result;
    }

    public static TheoryData<string> InvisibleCharacters => new()
    {
        "\u0001", "\u000B", "\r", "\u007F", "\u0085", "\u009B", "\uFFFE", "\uFFFF", "\t", "\n",
    };

    /// <summary>Each class of character ControlCharacters refuses in this site's own text, and the one-line rule.</summary>
    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void A_control_character_in_a_neighbours_text_skips_the_listing_and_names_the_character(string c)
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/listings.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var oil = doc["listings"]!.AsArray().Single(l => (string?)l!["id"] == "s-park/oil-demand")!;
        oil["unit"] = "t" + c + "x";
        File.WriteAllText(path, doc.ToJsonString());

        var result = _north.Build();
        Assert.True(result.Success);
        var skipped = DiagnosticAssert.Has(result.Diagnostics, "ECO505", "../../south/_site/data/listings.json", 0);
        Assert.Contains("'unit'", skipped.Message);
        Assert.Contains(c is "\t" ? "tab" : c is "\n" ? "line break" : $"U+{(int)c[0]:X4}", skipped.Message);
        Assert.DoesNotContain($"{SouthUrl}parks/s-park/exchange/oil-demand.html", _north.Read("parks/n-park/exchange/oil.html"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)//")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    public void A_neighbour_whose_base_url_is_not_a_web_address_is_left_out(string url)
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/platform.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        doc["base_url"] = url;
        File.WriteAllText(path, doc.ToJsonString());

        var result = _north.Build();
        Assert.True(result.Success);
        var refused = DiagnosticAssert.Has(result.Diagnostics, "ECO502", "../../south/_site/data/platform.json", 0);
        Assert.Contains("/base_url", refused.Message);
        Assert.DoesNotContain(SouthUrl, _north.Read("parks/n-park/exchange/oil.html"));
    }

    [Fact]
    public void A_neighbour_without_a_base_url_is_read()
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/platform.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        doc["base_url"] = null;
        File.WriteAllText(path, doc.ToJsonString());
        var result = _north.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("ECO50", StringComparison.Ordinal));
        Assert.Contains($"{SouthUrl}parks/s-park/exchange/oil-demand.html", _north.Read("parks/n-park/exchange/oil.html"));
    }

    [Fact]
    public void A_listing_with_a_quantity_beyond_the_bound_of_this_sites_numbers_is_skipped()
    {
        BuildBoth();
        var path = Path.Combine(_south.Output, "data/listings.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        doc["listings"]!.AsArray().Single(l => (string?)l!["id"] == "s-park/oil-demand")!["quantity"] = 2e15;
        File.WriteAllText(path, doc.ToJsonString());
        var result = _north.Build();
        Assert.Contains("'quantity'", DiagnosticAssert.Has(result.Diagnostics, "ECO505", "../../south/_site/data/listings.json", 0).Message);
        Assert.DoesNotContain($"{SouthUrl}parks/s-park/exchange/oil-demand.html", _north.Read("parks/n-park/exchange/oil.html"));
    }

    public static TheoryData<string, string, int> BadEntries => new()
    {
        { "  - {id: x, name: X, data: ../x}\n", "ECO013", 6 },
        { "  - {id: x, name: X, data: ../x, url: ftp://x.example/}\n", "ECO016", 6 },
        { "  - {id: x, name: X, data: ../x, url: \"javascript:alert(1)//x.example/\"}\n", "ECO016", 6 },
        { "  - {id: X Y, name: X, data: ../x, url: https://x.example/}\n", "ECO021", 6 },
        { "  - {id: x, name: X, data: ../x, url: https://x.example/}\n  - {id: x, name: Y, data: ../y, url: https://y.example/}\n", "ECO023", 7 },
        { "  - {id: x, name: X, data: ../x, url: https://x.example/, token: abc}\n", "ECO012", 6 },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void A_mistake_in_the_federation_entries_is_located_in_site_yaml(string entries, string code, int line)
    {
        using var site = new TestSite().With("site.yaml", TestSite.SiteYaml + "\nbase_url: https://a.example/\nfederation:\n" + entries);
        DiagnosticAssert.Has(site.Check().Diagnostics, code, "site.yaml", line);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
