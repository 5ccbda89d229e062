using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core.Facts;
using EcoSite.Core.Model.Identifiers;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>The types of Frictionless Table Schema that the exports use.</summary>
internal enum DataFieldType
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
}

/// <summary>A column of a dataset. A <see cref="List"/> field is an array in JSON and space-separated in CSV.</summary>
internal sealed record DataField(string Name, DataFieldType Type, bool Required, string Description, bool List = false);

/// <summary>One dataset of one scope (a park or the whole site): its columns and rows, in a fixed order.</summary>
internal sealed record DataTable(string Name, string Title, string Description, IReadOnlyList<DataField> Fields, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Open data under data/ (docs/open-data.md, export format version <see cref="SchemaVersion"/>): for every park and
/// for the whole site, indicators (with computed compliance), waste flows, exchange listings (with matches),
/// polluters' emissions and cases' benefits, each as JSON and CSV (RFC 4180), described by a Frictionless Table
/// Schema and a JSON Schema under data/schemas/, and listed in data/catalog.jsonld (schema.org DataCatalog).
/// Rows are sorted and numbers written in the invariant culture, so the same content gives the same bytes.
/// </summary>
internal static class OpenData
{
    // 2: `hazardous` of flows and listings is true, false or null (unknown) instead of a required boolean.
    public const int SchemaVersion = 2;
    public static readonly string[] Names = ["indicators", "flows", "listings", "emissions", "benefits"];

    private const string HazardousDescription =
        "true for a hazardous waste code (国家危险废物名录), false for a general solid waste code, empty (null) when unknown: no code";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = PublishedJson.Encoder };

    public static IEnumerable<OutputFile> Files(SiteFacts facts)
    {
        var site = facts.Site;
        var datasets = new OpenDataSets(facts);
        // Each scope's tables are made once: written as JSON and CSV here, and counted in the catalogue.
        var scopes = new List<(string? ParkId, IReadOnlyList<Park> Parks, IReadOnlyList<DataTable> Tables)> { (null, site.Parks, datasets.For(site.Parks)) };
        scopes.AddRange(site.Parks.Select(p => ((string?)p.Id, (IReadOnlyList<Park>)[p], datasets.For([p]))));
        foreach (var (parkId, _, tables) in scopes)
            foreach (var table in tables)
            {
                yield return new TextFile(Routes.DataJson(table.Name, parkId), Json(table));
                yield return new TextFile(Routes.DataCsv(table.Name, parkId), Csv(table));
            }
        foreach (var table in datasets.For([]))
        {
            yield return new TextFile(Routes.DataTableSchema(table.Name), TableSchema(table));
            yield return new TextFile(Routes.DataJsonSchema(table.Name), JsonSchema(table));
        }
        yield return new TextFile(Routes.DataCatalog, Catalog(facts, scopes));
    }

    /// <summary>The five datasets of the given parks, in <see cref="Names"/> order.</summary>
    public static IReadOnlyList<DataTable> Tables(SiteFacts facts, IReadOnlyList<Park> parks) => new OpenDataSets(facts).For(parks);

    public static string Csv(DataTable table)
    {
        // UTF-8 with a byte order mark: Excel on Chinese Windows reads a CSV without one in the ANSI code page (GBK)
        // and garbles every Chinese cell; with it, Excel, LibreOffice and most CSV readers take UTF-8 (docs/open-data.md).
        var sb = new StringBuilder().Append('\uFEFF');
        // RFC 4180: CRLF line ends, a header row, fields with a comma, quote or line break quoted.
        sb.AppendJoin(',', table.Fields.Select(f => CsvCell.Raw(f.Name))).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(',', row.Select(CsvValue)).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>Text (from content) goes through <see cref="CsvCell.Text"/>; what the export formats itself through <see cref="CsvCell.Raw"/>.</summary>
    private static string CsvValue(object? v) => v switch
    {
        null => "",
        string s => CsvCell.Text(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        DateOnly d => Format.Iso(d),
        IEnumerable<string> list => CsvCell.Text(string.Join(' ', list)),
        _ => CsvCell.Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    public static string Json(DataTable table) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteStartArray(table.Name);
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            for (var i = 0; i < table.Fields.Count; i++)
            {
                w.WritePropertyName(table.Fields[i].Name);
                switch (row[i])
                {
                    case null: w.WriteNullValue(); break;
                    case string s: w.WriteStringValue(s); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case int n: w.WriteNumberValue(n); break;
                    case double d: w.WriteRawValue(Number(d)); break;
                    case DateOnly d: w.WriteStringValue(Format.Iso(d)); break;
                    case IEnumerable<string> list:
                        w.WriteStartArray();
                        foreach (var s in list) w.WriteStringValue(s);
                        w.WriteEndArray();
                        break;
                    default: w.WriteStringValue(Convert.ToString(row[i], CultureInfo.InvariantCulture)); break;
                }
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string TypeName(DataFieldType t) => t.ToString().ToLowerInvariant();

    /// <summary>Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of the CSV files.</summary>
    public static string TableSchema(DataTable table) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("$schema", "https://specs.frictionlessdata.io/schemas/table-schema.json");
        w.WriteString("name", table.Name);
        w.WriteString("title", table.Title);
        w.WriteString("description", table.Description);
        w.WriteNumber("version", SchemaVersion);
        w.WriteStartArray("fields");
        foreach (var f in table.Fields)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("type", TypeName(f.Type));
            if (f.Type == DataFieldType.Date) w.WriteString("format", "default");
            if (f.Type == DataFieldType.Boolean)
            {
                w.WriteStartArray("trueValues"); w.WriteStringValue("true"); w.WriteEndArray();
                w.WriteStartArray("falseValues"); w.WriteStringValue("false"); w.WriteEndArray();
            }
            w.WriteString("description", f.Description);
            if (f.Required && !f.List)
            {
                w.WriteStartObject("constraints");
                w.WriteBoolean("required", true);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("missingValues"); w.WriteStringValue(""); w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>JSON Schema (draft 2020-12) of the JSON files: every field is present, null when not given.</summary>
    public static string JsonSchema(DataTable table) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        w.WriteString("title", table.Title);
        w.WriteString("description", table.Description);
        w.WriteString("type", "object");
        w.WriteStartArray("required"); w.WriteStringValue("schema_version"); w.WriteStringValue(table.Name); w.WriteEndArray();
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WriteStartObject("schema_version"); w.WriteNumber("const", SchemaVersion); w.WriteEndObject();
        w.WriteStartObject(table.Name);
        w.WriteString("type", "array");
        w.WriteStartObject("items");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartArray("required");
        foreach (var f in table.Fields) w.WriteStringValue(f.Name);
        w.WriteEndArray();
        w.WriteStartObject("properties");
        foreach (var f in table.Fields)
        {
            w.WriteStartObject(f.Name);
            w.WriteString("description", f.Description);
            var type = f.Type switch
            {
                DataFieldType.Integer => "integer",
                DataFieldType.Number => "number",
                DataFieldType.Boolean => "boolean",
                _ => "string",
            };
            if (f.List)
            {
                w.WriteString("type", "array");
                w.WriteStartObject("items"); w.WriteString("type", type); w.WriteEndObject();
            }
            else if (f.Required) w.WriteString("type", type);
            else
            {
                w.WriteStartArray("type"); w.WriteStringValue(type); w.WriteStringValue("null"); w.WriteEndArray();
            }
            if (f.Type == DataFieldType.Date) w.WriteString("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>data/catalog.jsonld: a schema.org DataCatalog of every dataset; content URLs are relative to data/.</summary>
    private static string Catalog(SiteFacts facts, IReadOnlyList<(string? ParkId, IReadOnlyList<Park> Parks, IReadOnlyList<DataTable> Tables)> scopes)
    {
        var cfg = facts.Config;
        var lang = cfg.DefaultLanguage;
        string Rel(string path) => path["data/".Length..];
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org/");
            w.WriteString("@type", "DataCatalog");
            w.WriteString("name", cfg.Title.In(lang, lang).Text);
            if (cfg.Description is { } d) w.WriteString("description", d.In(lang, lang).Text);
            w.WriteString("dateModified", Format.Iso(cfg.Today));
            w.WriteStartArray("inLanguage");
            foreach (var l in cfg.Languages) w.WriteStringValue(Format.HtmlLang(l));
            w.WriteEndArray();
            w.WriteString("schemaVersion", SchemaVersion.ToString(CultureInfo.InvariantCulture));
            if (cfg.BaseUrl is not null) w.WriteString("url", facts.Routes.Absolute(Routes.Data));
            w.WriteStartArray("dataset");
            foreach (var (parkId, parks, tables) in scopes)
            {
                var scope = parkId is null ? cfg.Title.In(lang, lang).Text : parks[0].Profile.Name.In(lang, lang).Text;
                foreach (var table in tables)
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "Dataset");
                    w.WriteString("identifier", parkId is null ? table.Name : $"{parkId}/{table.Name}");
                    w.WriteString("name", $"{table.Title}: {scope}");
                    w.WriteString("description", table.Description);
                    w.WriteString("dateModified", Format.Iso(cfg.Today));
                    w.WriteString("schemaVersion", Rel(Routes.DataTableSchema(table.Name)));
                    w.WriteStartArray("distribution");
                    foreach (var (format, path) in new[] { ("text/csv", Routes.DataCsv(table.Name, parkId)), ("application/json", Routes.DataJson(table.Name, parkId)) })
                    {
                        w.WriteStartObject();
                        w.WriteString("@type", "DataDownload");
                        w.WriteString("encodingFormat", format);
                        w.WriteString("contentUrl", Rel(path));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions)) body(w);
        return Encoding.UTF8.GetString(ms.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
