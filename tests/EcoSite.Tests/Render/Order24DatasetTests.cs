using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSite.Core.Render;
using Json.Schema;

namespace EcoSite.Tests.Render;

/// <summary>
/// Issue 15: the Order 24 groups of a polluter file as open datasets (docs/open-data.md, "Order 24 datasets"): one
/// row per report or per entry, the park and the enterprise's credit code in every row, in CSV and JSON that the
/// published Table Schemas and JSON Schemas accept, listed in datapackage.json and the DCAT catalogue, and a broken
/// file refused by the same validators.
/// </summary>
public sealed class Order24DatasetTests : IClassFixture<OpenDataTests.SampleBuild>
{
    private static readonly string[] Datasets =
        ["polluter_reports", "toxic_substances", "enterprise_waste", "carbon_facilities", "weather_responses", "violations", "temporary_disclosures"];

    private readonly OpenDataTests.SampleBuild sample;

    public Order24DatasetTests(OpenDataTests.SampleBuild sample) => this.sample = sample;

    private static List<Dictionary<string, string>> CsvRows(string file)
    {
        var cells = TableSchemaValidator.ParseCsv(Encoding.UTF8.GetString(File.ReadAllBytes(file)[3..]));
        return cells[1..].Where(r => r.Count > 1).Select(r => cells[0].Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    [Fact]
    public void Each_group_of_the_full_example_is_a_dataset_with_the_park_and_credit_code_in_every_row()
    {
        using var site = PolluterSite.Built(PolluterSite.Full);
        var data = Path.Combine(site.Output, "data");
        var expectedRows = new Dictionary<string, int>
        {
            ["polluter_reports"] = 1, ["toxic_substances"] = 1, ["enterprise_waste"] = 2, ["carbon_facilities"] = 1,
            ["weather_responses"] = 1, ["violations"] = 1, ["temporary_disclosures"] = 1,
        };
        foreach (var name in Datasets)
        {
            var rows = CsvRows(Path.Combine(data, name + ".csv"));
            Assert.True(expectedRows[name] == rows.Count, $"{name}: {rows.Count} rows");
            Assert.All(rows, r => Assert.Equal(("demo", "demo-steel", "91110000600037341L", "2025"), (r["park_id"], r["enterprise"], r["credit_code"], r["report_year"])));
            if (name != "polluter_reports") Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r["entry_no"]));
            Assert.Empty(TableSchemaValidator.Validate(File.ReadAllText(Path.Combine(data, "schemas", name + ".json")), File.ReadAllBytes(Path.Combine(data, name + ".csv"))));
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(data, "schemas", name + ".schema.json")));
            Assert.True(schema.Evaluate(JsonDocument.Parse(File.ReadAllText(Path.Combine(data, name + ".json"))).RootElement).IsValid, name);
            // The park's own files hold the same rows.
            Assert.Equal(File.ReadAllText(Path.Combine(data, name + ".csv")), File.ReadAllText(Path.Combine(data, "parks", "demo", name + ".csv")));
        }

        var report = Assert.Single(CsvRows(Path.Combine(data, "polluter_reports.csv")));
        Assert.Equal(("2026-03-10", "86.4", "按季申报", "true", "EX-2025-001", "2026-06-30"),
            (report["prepared"], report["tax_paid_10k_cny"], report["tax_note_zh"], report["insured"], report["insurance_policy"], report["insurance_valid_until"]));
        Assert.Equal(("Good", "2025-09-01", "https://www.example.gov.cn/credit/", "5200000"),
            (report["credit_rating_en"], report["credit_rating_date"], report["credit_rating_url"], report["carbon_total_tco2e"]));

        var waste = CsvRows(Path.Combine(data, "enterprise_waste.csv"));
        Assert.Equal(("900-249-08", "true", "HW08", "12", "1.5", "0", "10.5", "持证单位处置"),
            (waste[0]["code"], waste[0]["hazardous"], waste[0]["hazardous_class"], waste[0]["generated_t"], waste[0]["stored_t"], waste[0]["utilised_t"], waste[0]["disposed_t"], waste[0]["destination_zh"]));
        // No code: not known to be harmless, so hazardous is unknown (empty), not false.
        Assert.Equal(("", "", "800000"), (waste[1]["code"], waste[1]["hazardous"], waste[1]["generated_t"]));

        using var violations = JsonDocument.Parse(site.Read("data/violations.json"));
        var v = Assert.Single(violations.RootElement.GetProperty("violations").EnumerateArray());
        Assert.Equal(("2025-05-20", "示环罚〔2025〕1号", "Fine"), (v.GetProperty("date").GetString(), v.GetProperty("document").GetString(), v.GetProperty("penalty_en").GetString()));
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(site.Read("data/carbon_facilities.json")).RootElement.GetProperty("carbon_facilities")[0].GetProperty("tco2e").ValueKind);
        Assert.Equal("2025-01-13", CsvRows(Path.Combine(data, "weather_responses.csv"))[0]["to"]);
        Assert.Equal("https://www.example.gov.cn/t/1", CsvRows(Path.Combine(data, "temporary_disclosures.csv"))[0]["url"]);
        Assert.Equal("71-43-2", CsvRows(Path.Combine(data, "toxic_substances.csv"))[0]["cas"]);
    }

    [Fact]
    public void A_report_without_the_groups_has_an_empty_report_row_and_no_entries()
    {
        using var site = PolluterSite.Built("report_year: 2025\n");
        var report = Assert.Single(CsvRows(Path.Combine(site.Output, "data", "polluter_reports.csv")));
        Assert.All(report.Where(c => c.Key is not ("park_id" or "enterprise" or "credit_code" or "report_year")), c => Assert.Equal("", c.Value));
        foreach (var name in Datasets.Skip(1))
            Assert.Empty(CsvRows(Path.Combine(site.Output, "data", name + ".csv")));
    }

    [Fact]
    public void Table_schemas_give_primary_keys_units_and_closed_vocabularies()
    {
        JsonElement Schema(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Output, "data", "schemas", name + ".json"))).RootElement;
        JsonElement Field(string name, string field) => Schema(name).GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == field);

        Assert.Equal(["park_id", "enterprise"], Schema("polluter_reports").GetProperty("primaryKey").EnumerateArray().Select(x => x.GetString()));
        foreach (var name in Datasets.Skip(1))
            Assert.Equal(["park_id", "enterprise", "entry_no"], Schema(name).GetProperty("primaryKey").EnumerateArray().Select(x => x.GetString()));
        foreach (var (name, field, unit) in new[]
        {
            ("polluter_reports", "tax_paid_10k_cny", "10k CNY"), ("polluter_reports", "carbon_total_tco2e", "t CO2e"),
            ("toxic_substances", "emitted_t", "in t"), ("enterprise_waste", "generated_t", "in t"), ("carbon_facilities", "tco2e", "t CO2e"),
        })
            Assert.Contains(unit, Field(name, field).GetProperty("description").GetString(), StringComparison.Ordinal);
        foreach (var (name, field) in new[] { ("polluter_reports", "insured"), ("enterprise_waste", "hazardous") })
            Assert.Equal([JsonValueKind.True, JsonValueKind.False], Field(name, field).GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(x => x.ValueKind));
    }

    [Fact]
    public void The_sample_exports_every_Order_24_dataset_non_empty_listed_in_the_package_and_the_catalogue()
    {
        var data = Path.Combine(sample.Output, "data");
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "datapackage.json")));
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var catalog = new JsonLdGraph(File.ReadAllText(Path.Combine(data, "catalog.jsonld")), new Uri("https://www.example.gov.cn/sthj/stgy/data/catalog.jsonld"));
        var identifiers = catalog.Objects(catalog.Root!, "http://www.w3.org/ns/dcat#dataset")
            .SelectMany(d => JsonLdGraph.Literals(d, "http://purl.org/dc/terms/identifier")).Select(l => l.Value).ToHashSet();
        foreach (var name in Datasets)
        {
            Assert.NotEmpty(CsvRows(Path.Combine(data, name + ".csv")));
            Assert.All(CsvRows(Path.Combine(data, name + ".csv")), r => Assert.Matches("^[0-9A-Z]{18}$", r["credit_code"]));
            Assert.Equal($"schemas/{name}.json", resources[name].GetProperty("schema").GetString());
            Assert.Equal($"parks/qinghe/{name}.csv", resources["qinghe." + name].GetProperty("path").GetString());
            Assert.Contains(name, identifiers);
            Assert.Contains("qinghe/" + name, identifiers);
        }
    }

    [Fact]
    public void The_validators_refuse_a_broken_Order_24_file()
    {
        var data = Path.Combine(sample.Output, "data");
        var json = File.ReadAllText(Path.Combine(data, "violations.json"));
        var jsonSchema = JsonSchema.FromText(File.ReadAllText(Path.Combine(data, "schemas", "violations.schema.json")));
        bool Valid(string text) => jsonSchema.Evaluate(JsonDocument.Parse(text).RootElement).IsValid;
        Assert.True(Valid(json));
        var noCode = JsonNode.Parse(json)!;
        noCode["violations"]![0]!.AsObject().Remove("credit_code");
        Assert.False(Valid(noCode.ToJsonString()));
        var textNumber = JsonNode.Parse(json)!;
        textNumber["violations"]![0]!["entry_no"] = "one";
        Assert.False(Valid(textNumber.ToJsonString()));

        var tableSchema = File.ReadAllText(Path.Combine(data, "schemas", "enterprise_waste.json"));
        var bytes = File.ReadAllBytes(Path.Combine(data, "enterprise_waste.csv"));
        Assert.Empty(TableSchemaValidator.Validate(tableSchema, bytes));
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        byte[] Bom(string s) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(s)];
        // A repeated row repeats park, enterprise and entry number.
        Assert.Contains(TableSchemaValidator.Validate(tableSchema, Bom(text + lines[1] + "\r\n")), p => p.Contains("primary key", StringComparison.Ordinal));
        var hazardous = TableSchemaValidator.ParseCsv(text)[0].IndexOf("hazardous");
        var row = lines.Skip(1).First(l => l.Split(',')[hazardous] == "true");
        var cells = row.Split(',');
        cells[hazardous] = "maybe";
        Assert.Contains(TableSchemaValidator.Validate(tableSchema, Bom(lines[0] + "\r\n" + string.Join(',', cells) + "\r\n")), p => p.Contains("hazardous", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_dataset_has_a_chinese_title_and_description_for_the_catalogue()
    {
        var names = OpenData.Tables(OpenDataFacts(), []).Select(t => t.Name).ToList();
        Assert.Equal(OpenData.Names, names);
        foreach (var name in names)
            Assert.True(DataCatalog.Chinese.ContainsKey(name), name + " has no Chinese title and description");
    }

    [Fact]
    public void The_catalogue_describes_every_dataset_in_zh_and_en_and_the_check_refuses_one_without_chinese()
    {
        var text = File.ReadAllText(Path.Combine(sample.Output, "data", "catalog.jsonld"));
        var at = new Uri("https://www.example.gov.cn/sthj/stgy/data/catalog.jsonld");
        Assert.Empty(DcatCheck.Problems(text, at, "https://creativecommons.org/licenses/by/4.0/"));
        var g = new JsonLdGraph(text, at);
        var d = g.Objects(g.Root!, "http://www.w3.org/ns/dcat#dataset").Single(x => x.Id.EndsWith("#dataset/violations", StringComparison.Ordinal));
        var descriptions = JsonLdGraph.Literals(d, "http://purl.org/dc/terms/description").ToDictionary(l => l.Language!, l => l.Value);
        Assert.StartsWith("重点排污单位每项生态环境行政处罚", descriptions["zh-CN"], StringComparison.Ordinal);
        Assert.StartsWith("One row per administrative penalty", descriptions["en"], StringComparison.Ordinal);

        var noChinese = JsonNode.Parse(text)!;
        var first = noChinese["dcat:dataset"]![0]!["dct:description"]!.AsArray();
        first.Remove(first.Single(x => x!["@language"]!.GetValue<string>() == "zh-CN"));
        Assert.Contains(DcatCheck.Problems(noChinese.ToJsonString(), at, "https://creativecommons.org/licenses/by/4.0/"), p => p.Contains("no dct:description in zh", StringComparison.Ordinal));
        // English text tagged as Chinese is not a Chinese description.
        var englishAsChinese = JsonNode.Parse(text)!;
        var second = englishAsChinese["dcat:dataset"]![0]!["dct:description"]!.AsArray();
        second.Single(x => x!["@language"]!.GetValue<string>() == "zh-CN")!["@value"] = "Indicator values";
        Assert.NotEmpty(DcatCheck.Problems(englishAsChinese.ToJsonString(), at, "https://creativecommons.org/licenses/by/4.0/"));
    }

    private static EcoSite.Core.Facts.SiteFacts OpenDataFacts()
    {
        using var site = new TestSite();
        return site.Facts();
    }
}
