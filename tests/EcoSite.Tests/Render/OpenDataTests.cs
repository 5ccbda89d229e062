using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoSite.Core;
using EcoSite.Core.Content;
using Json.Schema;
using BuildOptions = EcoSite.Core.BuildOptions;

namespace EcoSite.Tests.Render;

/// <summary>The exported data validates against the schemas the site itself publishes (docs/open-data.md).</summary>
public sealed class OpenDataTests : IClassFixture<OpenDataTests.SampleBuild>
{
    public sealed class SampleBuild : IDisposable
    {
        public SampleBuild()
        {
            Output = Path.Combine(Path.GetTempPath(), "ecosite-opendata-" + Guid.NewGuid().ToString("N"));
            Result = SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, Output,
                new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))));
        }

        public string Output { get; }
        public BuildResult Result { get; }

        public void Dispose()
        {
            try { Directory.Delete(Output, recursive: true); }
            catch (IOException) { }
        }
    }

    private readonly SampleBuild build;

    public OpenDataTests(SampleBuild build) => this.build = build;

    private string Data => Path.Combine(build.Output, "data");

    private IEnumerable<string> DataFiles(string extension) =>
        Directory.EnumerateFiles(Data, "*" + extension, SearchOption.AllDirectories)
            .Where(f => !f.Replace('\\', '/').Contains("/schemas/", StringComparison.Ordinal) && Path.GetFileName(f) != "datapackage.json")
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Sample_site_builds_without_errors()
    {
        Assert.True(build.Result.Success, string.Join("\n", build.Result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(Data, "listings.json")));
        Assert.True(File.Exists(Path.Combine(Data, "parks", "qinghe", "indicators.csv")));
    }

    [Fact]
    public void Every_exported_json_file_validates_against_its_published_json_schema()
    {
        var files = DataFiles(".json").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Data, "schemas", name + ".schema.json")));
            var result = schema.Evaluate(JsonDocument.Parse(File.ReadAllText(file)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{file}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Fact]
    public void Every_exported_csv_file_validates_against_its_published_table_schema()
    {
        var files = DataFiles(".csv").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var problems = TableSchemaValidator.Validate(File.ReadAllText(Path.Combine(Data, "schemas", name + ".json")), File.ReadAllBytes(file));
            Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void Json_and_csv_of_a_dataset_hold_the_same_rows()
    {
        foreach (var csv in DataFiles(".csv"))
        {
            var name = Path.GetFileNameWithoutExtension(csv);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(csv, ".json")));
            var rows = TableSchemaValidator.ParseCsv(File.ReadAllText(csv)).Count - 1;
            Assert.Equal(rows, doc.RootElement.GetProperty(name).GetArrayLength());
        }
    }

    [Fact]
    public void Catalog_lists_every_distribution_with_a_download_url_that_exists()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "catalog.jsonld")));
        var root = doc.RootElement;
        Assert.Equal("dcat:Catalog", root.GetProperty("@type").GetString());
        Assert.Equal("2026-11-29", root.GetProperty("dct:modified").GetProperty("@value").GetString());
        var distributions = root.GetProperty("dcat:dataset").EnumerateArray()
            .SelectMany(d => d.GetProperty("dcat:distribution").EnumerateArray()).ToList();
        // platform.json is the index a neighbour reads (docs/open-data.md), not a dataset.
        Assert.Equal(DataFiles(".csv").Count() + DataFiles(".json").Count(f => !f.EndsWith("/platform.json", StringComparison.Ordinal)), distributions.Count);
        // The sample has a base_url, so every IRI is absolute under it; the file is the part after data/.
        const string dataUrl = "https://www.example.gov.cn/sthj/stgy/data/";
        foreach (var x in distributions)
        {
            var url = x.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!;
            Assert.StartsWith(dataUrl, url, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Data, url[dataUrl.Length..])), url);
            Assert.Contains(x.GetProperty("dcat:mediaType").GetProperty("@id").GetString(), new[]
                { "http://www.iana.org/assignments/media-types/text/csv", "http://www.iana.org/assignments/media-types/application/json" });
            var schema = x.GetProperty("dct:conformsTo").GetProperty("@id").GetString()!;
            Assert.True(File.Exists(Path.Combine(Data, schema[dataUrl.Length..])), schema);
        }
    }

    [Fact]
    public void Json_feed_sits_beside_each_atom_feed()
    {
        foreach (var path in new[] { "feed.json", "en/feed.json" })
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.Output, path)));
            Assert.Equal("https://jsonfeed.org/version/1.1", doc.RootElement.GetProperty("version").GetString());
            Assert.NotEqual(0, doc.RootElement.GetProperty("items").GetArrayLength());
        }
    }

    [Fact]
    public void Open_data_page_exists_in_both_languages()
    {
        Assert.True(File.Exists(Path.Combine(build.Output, "data", "index.html")));
        Assert.True(File.Exists(Path.Combine(build.Output, "en", "data", "index.html")));
    }
}

/// <summary>
/// A small Frictionless Table Schema validator for the subset EcoSite publishes: field names and order, the types
/// integer, number, string, date and boolean, the required and enum constraints and the primary key (unique, never
/// empty). Also checks RFC 4180 shape, UTF-8 and the byte-order mark.
/// </summary>
internal static class TableSchemaValidator
{
    public static List<string> Validate(string schemaJson, byte[] csvBytes)
    {
        var problems = new List<string>();
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(csvBytes);
        }
        catch (DecoderFallbackException)
        {
            return ["not UTF-8"];
        }
        // docs/open-data.md: CSV is UTF-8 with a byte-order mark, so Excel on Chinese Windows reads it as UTF-8.
        if (text.StartsWith('\uFEFF')) text = text[1..];
        else problems.Add("does not start with the UTF-8 byte-order mark");

        using var schema = JsonDocument.Parse(schemaJson);
        var fields = schema.RootElement.GetProperty("fields").EnumerateArray().Select(f => (
            Name: f.GetProperty("name").GetString()!,
            Type: f.GetProperty("type").GetString()!,
            Required: f.TryGetProperty("constraints", out var c) && c.TryGetProperty("required", out var r) && r.GetBoolean(),
            True: f.TryGetProperty("trueValues", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : ["true", "True", "TRUE", "1"],
            False: f.TryGetProperty("falseValues", out var fv) ? fv.EnumerateArray().Select(x => x.GetString()!).ToArray() : ["false", "False", "FALSE", "0"],
            Enum: f.TryGetProperty("constraints", out var ce) && ce.TryGetProperty("enum", out var en) ? en.EnumerateArray().ToList() : null)).ToList();
        var key = schema.RootElement.TryGetProperty("primaryKey", out var pk) ? pk.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        foreach (var k in key.Where(k => fields.All(f => f.Name != k))) problems.Add($"primary key field '{k}' is not a field");
        var keyIndexes = key.Select(k => fields.FindIndex(f => f.Name == k)).Where(i => i >= 0).ToList();
        var seenKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = schema.RootElement.TryGetProperty("missingValues", out var mv) ? mv.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [""];

        var rows = ParseCsv(text);
        if (rows.Count == 0) return ["no header row"];
        if (!rows[0].SequenceEqual(fields.Select(f => f.Name)))
            problems.Add($"header [{string.Join(",", rows[0])}] differs from the schema fields [{string.Join(",", fields.Select(f => f.Name))}]");
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count != fields.Count)
            {
                problems.Add($"row {i}: {row.Count} cells, {fields.Count} fields");
                continue;
            }
            if (keyIndexes.Count > 0)
            {
                var k = string.Join("\u0000", keyIndexes.Select(x => row[x]));
                if (keyIndexes.Any(x => missing.Contains(row[x]))) problems.Add($"row {i}: a primary key field is empty");
                else if (!seenKeys.TryAdd(k, i)) problems.Add($"row {i}: primary key ({string.Join(", ", keyIndexes.Select(x => row[x]))}) repeats row {seenKeys[k]}");
            }
            for (var j = 0; j < fields.Count; j++)
            {
                var (name, type, required, trues, falses, enumValues) = fields[j];
                var cell = row[j];
                if (missing.Contains(cell))
                {
                    if (required) problems.Add($"row {i}: required field '{name}' is empty");
                    continue;
                }
                // enum values are in the field's logical type: JSON booleans for a boolean field, strings otherwise.
                if (enumValues is not null && !enumValues.Any(v => v.ValueKind switch
                    {
                        JsonValueKind.True => trues.Contains(cell),
                        JsonValueKind.False => falses.Contains(cell),
                        _ => v.GetString() == cell,
                    }))
                    problems.Add($"row {i}: '{cell}' in field '{name}' is not one of its enum values");
                var ok = type switch
                {
                    "string" => true,
                    "integer" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                    "number" => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                    "boolean" => trues.Contains(cell) || falses.Contains(cell),
                    "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    _ => false,
                };
                if (!ok) problems.Add($"row {i}: '{cell}' in field '{name}' is not of type {type}");
            }
        }
        return problems;
    }

    /// <summary>RFC 4180 records: CRLF line ends, quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else if (c == '\n') throw new FormatException($"bare LF at offset {i}; RFC 4180 records end in CRLF");
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }
        return rows;
    }
}

/// <summary>CSV opens in a spreadsheet on Chinese Windows with Chinese intact: UTF-8 with a byte order mark.</summary>
public sealed class OpenDataCsvEncodingTests
{
    [Fact]
    public void Every_csv_starts_with_the_utf8_byte_order_mark_and_keeps_chinese_text()
    {
        using var site = new TestSite().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            source: 园区统计
            values:
              - {indicator: solid-waste-utilisation, value: 90, target: ">= 70"}
            """);
        Assert.True(site.Build().Success);
        var csvs = Directory.GetFiles(Path.Combine(site.Output, "data"), "*.csv", SearchOption.AllDirectories);
        Assert.NotEmpty(csvs);
        foreach (var csv in csvs)
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(csv)[..3]);
        var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Output, "data/indicators.csv"))[3..]);
        Assert.Contains("工业固体废物综合利用率", text);
        Assert.Contains("园区统计", text);
        foreach (var json in Directory.GetFiles(Path.Combine(site.Output, "data"), "*.json", SearchOption.AllDirectories))
            Assert.NotEqual(0xEF, File.ReadAllBytes(json)[0]);
    }
}
