using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSite.Core.Content;
using EcoSite.Core.Schemas;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoSite.Tests.Schemas;

/// <summary>
/// The JSON Schemas of generator/EcoSite.Core/Schemas and the loaders must agree: the schemas accept every file the
/// loader accepts (the sample content and the base fixture), and reject the invalid fixtures whose problem is one of
/// shape or value. Every invalid fixture is classified below, with the reason when a schema cannot see its problem,
/// so a new fixture or a changed rule cannot drift past unnoticed.
/// </summary>
/// <remarks>
/// Files are converted to JSON the way yaml-language-server (YAML 1.2 core schema) and the loader both see them:
/// plain numbers become numbers, plain true/false become booleans (yes/no stay text), plain dates stay strings,
/// quoted scalars are always strings. A key with no value (<c>summary:</c>) is dropped, because the loader treats it
/// as absent (FieldSet's indexer); an editor sees a null and is asked to fill the field in or delete it.
/// </remarks>
public sealed class SchemaAgreementTests
{
    private static readonly string Repo = TestSite.RepoRoot();
    private static readonly string Fixtures = Path.Combine(Repo, "tests", "fixtures");

    public static readonly string[] ExpectedSchemas =
    [
        "case.schema.json", "enterprises.schema.json", "indicator-catalog.schema.json", "indicators.schema.json",
        "listing.schema.json", "news.schema.json", "page.schema.json", "park.schema.json", "polluter.schema.json",
        "site.schema.json", "waste.schema.json",
    ];

    private enum Verdict
    {
        /// <summary>The loader fails the build and the schema rejects the file, at <c>Where</c> (a JSON pointer).</summary>
        Rejects,
        /// <summary>Both accept the file (the loader at most warns).</summary>
        Accepts,
        /// <summary>The loader only warns (unknown field); the schema is stricter on purpose (additionalProperties: false).</summary>
        StricterThanLoader,
        /// <summary>The file itself is well-formed: the problem is in a name, another file or a link. The schema accepts it.</summary>
        Blind,
        /// <summary>The file cannot be turned into JSON at all (encoding, YAML syntax, resource limits, no front matter).</summary>
        NotConvertible,
    }

    private sealed record Case(Verdict Verdict, string Why, string? Where = null);

    /// <summary>Every invalid fixture, classified. Adding a fixture means adding it here.</summary>
    private static readonly Dictionary<string, Case> Corpus = new(StringComparer.Ordinal)
    {
        // Shape and value problems: the schema rejects what the loader rejects.
        ["wrong-type-number"] = new(Verdict.Rejects, "'established' must be an integer", "/established"),
        ["wrong-type-map-for-list"] = new(Verdict.Rejects, "'enterprises' must be a list", "/enterprises"),
        ["negative-quantity"] = new(Verdict.Rejects, "quantity has minimum 0", "/flows/0/quantity"),
        ["unknown-language-in-text"] = new(Verdict.Rejects, "a localized map has only zh and en", "/name"),
        ["unknown-news-kind"] = new(Verdict.Rejects, "kind is an enum", "/kind"),
        ["invalid-date"] = new(Verdict.Rejects, "the date pattern allows months 01-12 only", "/date"),
        ["missing-date"] = new(Verdict.Rejects, "news requires 'date'", ""),
        ["missing-title"] = new(Verdict.Rejects, "front matter requires 'title'", ""),
        ["missing-park-name"] = new(Verdict.Rejects, "park.yaml requires 'name'", ""),
        ["id-with-path-separator"] = new(Verdict.Rejects, "ids match ^[a-z0-9][a-z0-9-]*$", "/enterprises/0/id"),
        ["empty-park-yaml"] = new(Verdict.Rejects, "an empty document is null, not an object", ""),

        ["bom-and-crlf-accepted"] = new(Verdict.Accepts, "a BOM and CRLF line ends are fine"),
        ["unknown-field-warning"] = new(Verdict.StricterThanLoader, "the loader ignores and warns about unknown fields; editors should see them flagged"),

        // Problems outside the file's own shape: the schema accepts the file, the loader or the check stage catches them.
        ["attachment-absolute-path"] = new(Verdict.Blind, "links: where an attachment path points is resolved against the content folder"),
        ["attachment-leaves-content"] = new(Verdict.Blind, "links: where an attachment path points is resolved against the content folder"),
        ["body-link-leaves-content"] = new(Verdict.Blind, "links in the Markdown body are not front matter"),
        ["link-to-missing-file"] = new(Verdict.Blind, "links in the Markdown body are not front matter"),
        ["missing-attachment"] = new(Verdict.Blind, "links: whether an attachment exists depends on other files"),
        ["root-absolute-link"] = new(Verdict.Blind, "links in the Markdown body are not front matter"),
        ["windows-path-link"] = new(Verdict.Blind, "links in the Markdown body are not front matter"),
        ["duplicate-enterprise-id"] = new(Verdict.Blind, "duplicates: JSON Schema's uniqueItems compares whole items, not one property"),
        ["duplicate-slug"] = new(Verdict.Blind, "duplicates across files: two files are the same language version of one slug"),
        ["unknown-enterprise"] = new(Verdict.Blind, "cross-file reference: the enterprise id must exist in enterprises.yaml"),
        ["listing-ends-before-start"] = new(Verdict.Blind, "comparing two dates of one file is beyond JSON Schema"),
        ["year-file-mismatch"] = new(Verdict.Blind, "the year must match the file name, which the schema does not see"),
        ["invalid-park-folder"] = new(Verdict.Blind, "the park folder name is not part of the file"),
        ["slug-with-space"] = new(Verdict.Blind, "the file name becomes the slug; the schema sees only the front matter"),
        ["unknown-language-suffix"] = new(Verdict.Blind, "the language suffix is part of the file name"),

        // Not JSON at all.
        ["gbk-encoded"] = new(Verdict.NotConvertible, "encoding: the file is not UTF-8"),
        ["utf16-encoded"] = new(Verdict.NotConvertible, "encoding: the file is not UTF-8"),
        ["yaml-syntax-error"] = new(Verdict.NotConvertible, "YAML syntax: the file does not parse"),
        ["yaml-tab-indent"] = new(Verdict.NotConvertible, "YAML syntax: tabs cannot indent"),
        ["duplicate-yaml-key"] = new(Verdict.NotConvertible, "YAML syntax: a JSON object cannot hold a key twice"),
        ["multiple-yaml-documents"] = new(Verdict.NotConvertible, "YAML syntax: a schema validates one document"),
        ["yaml-alias-bomb"] = new(Verdict.NotConvertible, "resource limit: the aliases expand to 10^8 nodes"),
        ["yaml-deep-nesting"] = new(Verdict.NotConvertible, "resource limit: nesting deeper than the loader allows"),
        ["missing-front-matter"] = new(Verdict.NotConvertible, "a Markdown file without front matter has nothing to validate"),
        ["empty-file"] = new(Verdict.NotConvertible, "an empty Markdown file has no front matter"),
        ["missing-site-yaml"] = new(Verdict.NotConvertible, "the file is missing"),
    };

    private static readonly Lazy<Dictionary<string, JsonSchema>> Loaded = new(() =>
        SchemaFiles.Names.ToDictionary(n => n, n => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo, "generator", "EcoSite.Core", "Schemas", n)))));

    /// <summary>The schema of a content file, by its path relative to the content folder ('/'-separated), or null.</summary>
    public static string? SchemaFor(string rel)
    {
        var parts = rel.Split('/');
        if (parts.Length == 1) return rel switch { "site.yaml" => "site.schema.json", "indicators.yaml" => "indicator-catalog.schema.json", _ => null };
        if (parts[0] != "parks" || parts.Length < 3) return null;
        if (parts.Length == 3) return parts[2] switch { "park.yaml" => "park.schema.json", "enterprises.yaml" => "enterprises.schema.json", _ => null };
        if (parts.Length != 4) return null;
        var yaml = parts[3].EndsWith(".yaml", StringComparison.Ordinal);
        var md = parts[3].EndsWith(".md", StringComparison.Ordinal);
        return parts[2] switch
        {
            "indicators" when yaml => "indicators.schema.json",
            "waste" when yaml => "waste.schema.json",
            "exchange" when yaml => "listing.schema.json",
            "polluters" when yaml => "polluter.schema.json",
            "news" when md => "news.schema.json",
            "cases" when md => "case.schema.json",
            "pages" when md => "page.schema.json",
            _ => null,
        };
    }

    public static TheoryData<string> ValidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { Path.Combine(Repo, "content"), Path.Combine(Fixtures, "base"), Path.Combine(Fixtures, "invalid", "bom-and-crlf-accepted", "content") })
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (SchemaFor(Rel(root, file)) is not null) data.Add(Path.GetRelativePath(Repo, file).Replace('\\', '/'));
        return data;
    }

    public static TheoryData<string> InvalidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void Every_format_file_has_an_embedded_schema_that_matches_the_repository()
    {
        Assert.Equal(ExpectedSchemas, SchemaFiles.Names);
        foreach (var name in SchemaFiles.Names)
        {
            var onDisk = File.ReadAllBytes(Path.Combine(Repo, "generator", "EcoSite.Core", "Schemas", name));
            Assert.True(onDisk.AsSpan().SequenceEqual(SchemaFiles.Read(name)), name);
            using var doc = JsonDocument.Parse(onDisk);
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
            Assert.NotNull(Loaded.Value[name]);
        }
    }

    [Fact]
    public void The_built_site_publishes_the_schemas_under_schemas()
    {
        using var site = new TestSite();
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        foreach (var name in ExpectedSchemas)
            Assert.Equal(SchemaFiles.Read(name), File.ReadAllBytes(Path.Combine(site.Output, "schemas", name)));
    }

    [Fact]
    public void The_sample_content_has_files_for_most_schemas()
    {
        var used = ((IEnumerable<object[]>)ValidFiles()).Select(row => SchemaFor(ContentRel((string)row[0]))).OfType<string>().ToHashSet();
        // Every schema but the optional site catalog (content/indicators.yaml) is exercised by the sample site.
        Assert.Equal(ExpectedSchemas.Where(s => s != "indicator-catalog.schema.json").Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Schema_accepts_a_file_the_loader_accepts(string repoRel)
    {
        var path = Path.Combine(Repo, repoRel);
        var rel = ContentRel(repoRel);
        var json = ToJson(path, rel);
        var errors = Validate(SchemaFor(rel)!, json);
        Assert.True(errors.Count == 0, $"{repoRel}:\n{string.Join("\n", errors)}\n{json?.ToJsonString()}");
    }

    [Fact]
    public void Schema_accepts_the_embedded_indicator_catalog()
    {
        var json = ToJson(Path.Combine(Repo, "generator", "EcoSite.Core", "Catalog", "hj274-2015-indicators.yaml"), "indicators.yaml");
        var errors = Validate("indicator-catalog.schema.json", json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Every_invalid_fixture_is_classified()
    {
        var dirs = Directory.GetDirectories(Path.Combine(Fixtures, "invalid")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(dirs, Corpus.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (name, c) in Corpus)
        {
            var exit = ExpectedExit(name);
            var ok = c.Verdict switch
            {
                Verdict.Accepts or Verdict.StricterThanLoader => exit == 0,
                _ => exit == 1,
            };
            Assert.True(ok, $"{name}: verdict {c.Verdict} but expect.txt says exit {exit}");
        }
    }

    /// <summary>The invalid fixtures a schema can read: files that cannot become JSON are left out here, not skipped inside the test.</summary>
    public static TheoryData<string> ConvertibleInvalidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var (name, c) in Corpus.OrderBy(c => c.Key, StringComparer.Ordinal))
            if (c.Verdict != Verdict.NotConvertible) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ConvertibleInvalidFixtures))]
    public void Schema_and_loader_agree_on_the_invalid_fixture(string name)
    {
        var c = Corpus[name];
        var rel = ExpectedFile(name);
        var schema = SchemaFor(rel);
        Assert.True(schema is not null, $"{name}: no schema for {rel}");
        var json = ToJson(Path.Combine(Fixtures, "invalid", name, "content", rel), rel);
        var errors = Validate(schema, json);
        switch (c.Verdict)
        {
            case Verdict.Accepts:
            case Verdict.Blind:
                Assert.True(errors.Count == 0, $"{name} ({c.Why}): the schema now rejects it; move it to Rejects.\n{string.Join("\n", errors)}");
                break;
            case Verdict.StricterThanLoader:
                Assert.NotEmpty(errors);
                break;
            case Verdict.Rejects:
                Assert.True(errors.Count > 0, $"{name} ({c.Why}): the loader rejects it but {schema} accepts it.");
                Assert.True(errors.Any(e => e.Pointer == c.Where || e.Pointer.StartsWith(c.Where + "/", StringComparison.Ordinal)),
                    $"{name}: expected an error at '{c.Where}', got:\n{string.Join("\n", errors)}");
                break;
        }
    }

    [Theory]
    [InlineData("news.schema.json", "title: 动态\ndate: 2026-02-30x\n", "/date")]
    [InlineData("news.schema.json", "title: 动态\ndate: \"2026-02-03\"\nkind: notice\nsummary:\n", null)]
    [InlineData("page.schema.json", "title: 关于\n", null)]
    [InlineData("park.schema.json", "name: 园区\narea_km2: 0\n", "/area_km2")]
    [InlineData("park.schema.json", "name: {zh: 园区, en: \"Demo Park, Ltd.\"}\nestablished: \"2008\"\n", "/established")]
    [InlineData("indicators.schema.json", "year: 2025\nvalues:\n  - indicator: custom\n    value: 41\n", "/values/0")]
    [InlineData("indicators.schema.json", "year: 2025\nvalues:\n  - {indicator: has-plan, value: yes, target: yes}\n  - {indicator: ratio, value: 92.3, target: \">= 70\"}\n", null)]
    [InlineData("waste.schema.json", "year: 2025\nflows:\n  - {from: Demo Steel, to: a, material: x, quantity: 1, unit: t}\n", "/flows/0/from")]
    [InlineData("listing.schema.json", "kind: supply\ncategory: scrap\nenterprise: a\nmaterial: x\nposted: 2026-01-01\n", "/category")]
    [InlineData("polluter.schema.json", "report_year: 2025\noutlets:\n  - code: DW001\n    pollutants:\n      - {name: COD, exceedances: -1}\n", "/outlets/0/pollutants/0/exceedances")]
    [InlineData("case.schema.json", "title: t\ndate: 2026-01-01\nbenefits: {water_saved_m3: -5}\n", "/benefits/water_saved_m3")]
    [InlineData("site.schema.json", "title: t\nlanguages: [zh, fr]\n", "/languages/1")]
    [InlineData("indicator-catalog.schema.json", "replace: true\nindicators:\n  - {id: a, category: b}\n", "/indicators/0")]
    public void Schema_rules_beyond_the_fixtures(string schema, string yaml, string? where)
    {
        var errors = Validate(schema, Convert(yaml));
        if (where is null) Assert.True(errors.Count == 0, string.Join("\n", errors));
        else Assert.True(errors.Any(e => e.Pointer == where || e.Pointer.StartsWith(where + "/", StringComparison.Ordinal)), $"expected an error at {where}, got:\n{string.Join("\n", errors)}");
    }

    private sealed record SchemaError(string Pointer, string Message)
    {
        public override string ToString() => $"{(Pointer.Length == 0 ? "/" : Pointer)}: {Message}";
    }

    private static List<SchemaError> Validate(string schema, JsonNode? json)
    {
        var element = JsonSerializer.SerializeToElement(json);
        var result = Loaded.Value[schema].Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => new SchemaError(d.InstanceLocation.ToString(), e.Value))).ToList();
        return errors.Count > 0 ? errors : [new SchemaError("", "invalid")];
    }

    private static JsonNode? ToJson(string path, string rel)
    {
        var text = File.ReadAllText(path, new System.Text.UTF8Encoding(false, true));
        if (rel.EndsWith(".md", StringComparison.Ordinal))
        {
            var parsed = MarkdownBody.Parse(text);
            Assert.True(parsed.FrontMatter is not null, $"{path} has no front matter");
            text = parsed.FrontMatter!;
        }
        return Convert(text);
    }

    /// <summary>YAML to JSON, as described in the class remarks.</summary>
    private static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children
            .Select(kv => (Key: ((YamlScalarNode)kv.Key).Value ?? "", Value: Node(kv.Value)))
            .Where(kv => kv.Value is not null)
            .Select(kv => KeyValuePair.Create(kv.Key, kv.Value))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Node).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        var value = s.Value ?? "";
        if (s.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (double.TryParse(value.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    private static string Rel(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>The content-relative path of a repository file of content/, tests/fixtures/base/ or a fixture's content/.</summary>
    private static string ContentRel(string repoRel)
    {
        foreach (var prefix in new[] { "content/", "tests/fixtures/base/" })
            if (repoRel.StartsWith(prefix, StringComparison.Ordinal)) return repoRel[prefix.Length..];
        var i = repoRel.IndexOf("/content/", StringComparison.Ordinal);
        return repoRel[(i + "/content/".Length)..];
    }

    private static string[] Expect(string name) =>
        File.ReadAllLines(Path.Combine(Fixtures, "invalid", name, "expect.txt")).Where(l => l.Length > 0).ToArray();

    private static int ExpectedExit(string name) => int.Parse(Expect(name)[0].Split(' ')[1], CultureInfo.InvariantCulture);

    /// <summary>The file of the fixture's first diagnostic, or its only file when the diagnostic names none (a folder, or no diagnostic).</summary>
    private static string ExpectedFile(string name)
    {
        var lines = Expect(name);
        var root = Path.Combine(Fixtures, "invalid", name, "content");
        if (lines.Length > 1)
        {
            var parts = lines[1].Split(' ');
            var file = string.Join(' ', parts[1..^2]);
            if (File.Exists(Path.Combine(root, file))) return file;
        }
        return Rel(root, Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Single());
    }
}
