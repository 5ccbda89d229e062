using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSite.Core;
using EcoSite.Core.Content;
using Json.Schema;
using BuildOptions = EcoSite.Core.BuildOptions;

namespace EcoSite.Tests.Render;

/// <summary>
/// Issue 15 item 7: the sample export through the validators a data user would run (JSON Schema, Table Schema via
/// datapackage.json, JSON-LD with DCAT types, Atom, the sitemaps XSD), and each validator shown to refuse a broken
/// document, so a pass means something.
/// </summary>
public sealed class OpenDataValidatorTests : IClassFixture<OpenDataTests.SampleBuild>
{
    private const string SampleLicense = "https://creativecommons.org/licenses/by/4.0/";
    private static readonly Uri SampleCatalog = new("https://www.example.gov.cn/sthj/stgy/data/catalog.jsonld");

    private readonly OpenDataTests.SampleBuild build;

    public OpenDataValidatorTests(OpenDataTests.SampleBuild build) => this.build = build;

    private string Read(string path) => File.ReadAllText(Path.Combine(build.Output, path));

    // ---- JSON Schema -------------------------------------------------------------------------------------------

    private static bool Valid(string schemaJson, string json) =>
        JsonSchema.FromText(schemaJson).Evaluate(JsonDocument.Parse(json).RootElement).IsValid;

    [Fact]
    public void Json_schemas_close_vocabularies_and_refuse_a_listing_that_breaks_them()
    {
        var schema = Read("data/schemas/listings.schema.json");
        var listings = Read("data/listings.json");
        Assert.True(Valid(schema, listings));

        JsonNode Mutated(Action<JsonObject> change)
        {
            var root = JsonNode.Parse(listings)!;
            change(root["listings"]![0]!.AsObject());
            return root;
        }
        Assert.False(Valid(schema, Mutated(l => l["kind"] = "swap").ToJsonString()));
        Assert.False(Valid(schema, Mutated(l => l["frequency"] = "weekly").ToJsonString()));
        Assert.False(Valid(schema, Mutated(l => l.Remove("enterprise_credit_code")).ToJsonString()));
        Assert.False(Valid(schema, Mutated(l => l["hazardous"] = "unknown").ToJsonString()));
        Assert.False(Valid(schema, listings.Replace("\"schema_version\": 3", "\"schema_version\": 2", StringComparison.Ordinal)));
    }

    // ---- Table Schema through datapackage.json ------------------------------------------------------------------

    [Fact]
    public void Datapackage_lists_every_csv_with_its_table_schema_and_every_csv_validates()
    {
        var data = Path.Combine(build.Output, "data");
        using var doc = JsonDocument.Parse(Read("data/datapackage.json"));
        var root = doc.RootElement;
        Assert.Equal("tabular-data-package", root.GetProperty("profile").GetString());
        Assert.Equal(SampleLicense, root.GetProperty("licenses")[0].GetProperty("path").GetString());
        Assert.Equal("CC-BY-4.0", root.GetProperty("licenses")[0].GetProperty("name").GetString());
        var publisher = Assert.Single(root.GetProperty("contributors").EnumerateArray());
        Assert.Equal("示例省生态环境厅", publisher.GetProperty("title").GetString());
        Assert.Equal("publisher", publisher.GetProperty("role").GetString());

        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        var csvs = Directory.EnumerateFiles(data, "*.csv", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(data, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(csvs, resources.Select(r => r.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(resources.Count, resources.Select(r => r.GetProperty("name").GetString()).Distinct().Count());
        foreach (var r in resources)
        {
            Assert.Equal("utf-8-sig", r.GetProperty("encoding").GetString());
            var schema = File.ReadAllText(Path.Combine(data, r.GetProperty("schema").GetString()!));
            var problems = TableSchemaValidator.Validate(schema, File.ReadAllBytes(Path.Combine(data, r.GetProperty("path").GetString()!)));
            Assert.True(problems.Count == 0, r.GetProperty("path").GetString() + ":\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void Table_schemas_give_primary_keys_and_enumerations()
    {
        using var listings = JsonDocument.Parse(Read("data/schemas/listings.json"));
        Assert.Equal(["id"], listings.RootElement.GetProperty("primaryKey").EnumerateArray().Select(x => x.GetString()));
        var kind = listings.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "kind");
        Assert.Equal(["supply", "demand"], kind.GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(x => x.GetString()));
        var hazardous = listings.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "hazardous");
        Assert.Equal([JsonValueKind.True, JsonValueKind.False], hazardous.GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(x => x.ValueKind));
        foreach (var name in new[] { "indicators", "flows", "emissions", "benefits", "enterprises" })
        {
            using var schema = JsonDocument.Parse(Read($"data/schemas/{name}.json"));
            Assert.NotEqual(0, schema.RootElement.GetProperty("primaryKey").GetArrayLength());
        }
    }

    [Fact]
    public void Table_schema_validator_refuses_each_kind_of_broken_csv()
    {
        var schema = Read("data/schemas/listings.json");
        var bytes = File.ReadAllBytes(Path.Combine(build.Output, "data", "listings.csv"));
        Assert.Empty(TableSchemaValidator.Validate(schema, bytes));
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        var rows = text.Split("\r\n");
        byte[] Bom(string s) => [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(s)];

        Assert.Contains(TableSchemaValidator.Validate(schema, System.Text.Encoding.UTF8.GetBytes(text)), p => p.Contains("byte-order mark", StringComparison.Ordinal));
        Assert.Contains(TableSchemaValidator.Validate(schema, Bom(text.Replace("park_id", "park", StringComparison.Ordinal))), p => p.Contains("header", StringComparison.Ordinal));
        // A repeated row repeats the primary key (id).
        Assert.Contains(TableSchemaValidator.Validate(schema, Bom(text + rows[1] + "\r\n")), p => p.Contains("primary key", StringComparison.Ordinal));
        // kind outside its enum; quantity not a number.
        var cells = TableSchemaValidator.ParseCsv(text);
        var header = cells[0];
        string Broken(string field, string value)
        {
            var row = cells[1].ToList();
            row[header.IndexOf(field)] = value;
            return string.Join("\r\n", [rows[0], string.Join(',', row.Select(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)), ""]);
        }
        Assert.Empty(TableSchemaValidator.Validate(schema, Bom(Broken("kind", "demand"))));
        Assert.Contains(TableSchemaValidator.Validate(schema, Bom(Broken("kind", "swap"))), p => p.Contains("enum", StringComparison.Ordinal));
        Assert.Contains(TableSchemaValidator.Validate(schema, Bom(Broken("hazardous", "unknown"))), p => p.Contains("hazardous", StringComparison.Ordinal));
        Assert.Contains(TableSchemaValidator.Validate(schema, Bom(Broken("quantity", "12t"))), p => p.Contains("type number", StringComparison.Ordinal));
        Assert.Contains(TableSchemaValidator.Validate(schema, Bom(Broken("id", ""))), p => p.Contains("empty", StringComparison.Ordinal));
    }

    // ---- JSON-LD with DCAT types --------------------------------------------------------------------------------

    [Fact]
    public void Catalog_reads_as_dcat_with_datasets_distributions_publisher_and_licence()
    {
        var problems = DcatCheck.Problems(Read("data/catalog.jsonld"), SampleCatalog, SampleLicense);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var g = new JsonLdGraph(Read("data/catalog.jsonld"), SampleCatalog);
        var datasets = g.Objects(g.Root!, "http://www.w3.org/ns/dcat#dataset").ToList();
        Assert.Contains(datasets, d => d.Id == "https://www.example.gov.cn/sthj/stgy/data/catalog.jsonld#dataset/qinghe/indicators");
        Assert.Equal(datasets.Count, datasets.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Dcat_check_refuses_a_schema_org_catalogue_a_blank_node_and_a_missing_licence()
    {
        var good = Read("data/catalog.jsonld");
        Assert.NotEmpty(DcatCheck.Problems(good.Replace("\"dcat:Dataset\"", "\"Dataset\"", StringComparison.Ordinal), SampleCatalog, SampleLicense));
        Assert.NotEmpty(DcatCheck.Problems(good.Replace("\"dcat:Distribution\"", "\"schema:DataDownload\"", StringComparison.Ordinal), SampleCatalog, SampleLicense));
        Assert.NotEmpty(DcatCheck.Problems(good.Replace(SampleLicense, "https://example.org/other/", StringComparison.Ordinal), SampleCatalog, SampleLicense));
        var blank = JsonNode.Parse(good)!;
        blank["dcat:dataset"]![0]!.AsObject().Remove("@id");
        Assert.NotEmpty(DcatCheck.Problems(blank.ToJsonString(), SampleCatalog, SampleLicense));
        var oneLanguage = JsonNode.Parse(good)!;
        oneLanguage["dcat:dataset"]![0]!["dct:title"]!.AsArray().RemoveAt(1);
        Assert.NotEmpty(DcatCheck.Problems(oneLanguage.ToJsonString(), SampleCatalog, SampleLicense));
    }

    [Fact]
    public void Without_base_url_the_iris_are_relative_and_resolve_beside_the_catalogue()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        var catalog = site.Read("data/catalog.jsonld");
        Assert.DoesNotContain("https://www.example", catalog, StringComparison.Ordinal);
        var at = new Uri(new Uri(Path.Combine(site.Output, "data") + Path.DirectorySeparatorChar), "catalog.jsonld");
        // No licence in site.yaml: none is claimed (docs/open-data.md), so the check runs without one.
        Assert.DoesNotContain("dct:license", catalog, StringComparison.Ordinal);
        Assert.Empty(DcatCheck.Problems(catalog, at, license: null));
        var g = new JsonLdGraph(catalog, at);
        foreach (var x in g.Nodes.Values.Where(n => n.Types.Contains("http://www.w3.org/ns/dcat#Distribution")))
            Assert.True(File.Exists(new Uri(JsonLdGraph.Iris(x, "http://www.w3.org/ns/dcat#downloadURL").Single()).LocalPath), x.Id);
    }

    // ---- Atom and JSON Feed ------------------------------------------------------------------------------------

    [Fact]
    public void Atom_feeds_are_valid_with_dates_in_the_site_offset()
    {
        foreach (var path in new[] { "feed.xml", "en/feed.xml" })
        {
            var xml = Read(path);
            var problems = AtomCheck.Problems(xml);
            Assert.True(problems.Count == 0, path + ":\n" + string.Join("\n", problems));
            Assert.Contains("T00:00:00+08:00</updated>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("Z</updated>", xml, StringComparison.Ordinal);
        }
        using var feed = JsonDocument.Parse(Read("feed.json"));
        foreach (var item in feed.RootElement.GetProperty("items").EnumerateArray())
            Assert.EndsWith("T00:00:00+08:00", item.GetProperty("date_published").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_check_refuses_a_missing_id_a_date_without_offset_and_broken_xml()
    {
        var xml = Read("feed.xml");
        var firstId = xml.IndexOf("<id>", StringComparison.Ordinal);
        var noId = xml[..firstId] + xml[(xml.IndexOf("</id>", firstId, StringComparison.Ordinal) + "</id>".Length)..];
        Assert.Contains(AtomCheck.Problems(noId), p => p.Contains("atom:id", StringComparison.Ordinal));
        Assert.Contains(AtomCheck.Problems(xml.Replace("T00:00:00+08:00", "T00:00:00", StringComparison.Ordinal)), p => p.Contains("RFC 3339", StringComparison.Ordinal));
        Assert.NotEmpty(AtomCheck.Problems(xml.Replace("</feed>", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Timezone_from_site_yaml_sets_the_offset_and_a_bad_one_is_a_located_error()
    {
        using var site = new TestSite().With("site.yaml", TestSite.SiteYaml + "\ntimezone: \"-05:30\"\n")
            .With("parks/demo/news/2026-11-01-a.md", "---\ntitle: 测试动态\ndate: 2026-11-01\n---\n正文\n");
        Assert.True(site.Build().Success);
        Assert.Contains("<updated>2026-11-01T00:00:00-05:30</updated>", site.Read("feed.xml"), StringComparison.Ordinal);

        using var bad = new TestSite().With("site.yaml", TestSite.SiteYaml + "\ntimezone: \"8\"\n");
        var result = bad.Check();
        DiagnosticAssert.Has(result.Diagnostics, "ECO016", "site.yaml", 4);
    }

    [Theory]
    [InlineData("license: {name: CC-BY-4.0, url: ftp://example.org/licence}")]
    [InlineData("license: {name: CC-BY-4.0, url: /licence.html}")]
    [InlineData("timezone: \"+15:00\"")]
    [InlineData("timezone: \"+08:60\"")]
    [InlineData("timezone: \"Asia/Shanghai\"")]
    public void A_bad_license_or_timezone_is_a_located_error(string line)
    {
        using var site = new TestSite().With("site.yaml", TestSite.SiteYaml + "\n" + line + "\n");
        DiagnosticAssert.Has(site.Check().Diagnostics, "ECO016", "site.yaml", 4);
    }

    // ---- sitemap.xml against the sitemaps.org XSD ---------------------------------------------------------------

    [Fact]
    public void Sitemap_validates_against_the_sitemaps_xsd_and_the_check_refuses_broken_ones()
    {
        var xml = Read("sitemap.xml");
        var problems = SitemapCheck.Problems(xml);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // An element the protocol does not have, an address shorter than its 12 characters, an alternate without href,
        // a priority above 1, and a document cut short.
        Assert.NotEmpty(SitemapCheck.Problems(xml.Replace("<loc>", "<where>", StringComparison.Ordinal).Replace("</loc>", "</where>", StringComparison.Ordinal)));
        Assert.NotEmpty(SitemapCheck.Problems(System.Text.RegularExpressions.Regex.Replace(xml, "<loc>[^<]*</loc>", "<loc>a.html</loc>")));
        Assert.NotEmpty(SitemapCheck.Problems(xml.Replace(" href=\"", " ref=\"", StringComparison.Ordinal)));
        Assert.NotEmpty(SitemapCheck.Problems(System.Text.RegularExpressions.Regex.Replace(xml, "(</loc>)", "$1<priority>2</priority>")));
        Assert.NotEmpty(SitemapCheck.Problems(xml.Replace("</urlset>", "", StringComparison.Ordinal)));
    }
}
