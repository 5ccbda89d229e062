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

/// <summary>
/// A column of a dataset. A <see cref="List"/> field is an array in JSON and space-separated in CSV. <see cref="Enum"/>
/// closes a vocabulary (kind, category, compliance...): the schemas list its values, in CSV form ("true", "false" for a
/// boolean), and a value outside them is invalid. Only single values have one (no list field does).
/// </summary>
internal sealed record DataField(string Name, DataFieldType Type, bool Required, string Description, bool List = false, IReadOnlyList<string>? Enum = null);

/// <summary>
/// One dataset of one scope (a park or the whole site): its columns and rows, in a fixed order. <see cref="PrimaryKey"/>
/// names the fields whose values together tell the rows apart (Table Schema primaryKey).
/// </summary>
internal sealed record DataTable(string Name, string Title, string Description, IReadOnlyList<DataField> Fields, IReadOnlyList<object?[]> Rows)
{
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];
}

/// <summary>
/// Open data under data/ (docs/open-data.md, export format version <see cref="SchemaVersion"/>): for every park and
/// for the whole site, indicators (with computed compliance), waste flows, exchange listings (with matches),
/// polluters' emissions, cases' benefits, enterprises and the Order 24 groups of polluter files, each as JSON and CSV (RFC 4180), described by a Frictionless Table
/// Schema and a JSON Schema under data/schemas/, and listed in data/catalog.jsonld (DCAT, <see cref="DataCatalog"/>).
/// Rows are sorted and numbers written in the invariant culture, so the same content gives the same bytes.
/// </summary>
internal static class OpenData
{
    // 2: `hazardous` of flows and listings is true, false or null (unknown) instead of a required boolean.
    // 3: credit codes beside enterprise ids, flow_no and row_no keys inserted, the enterprises dataset (docs/open-data.md).
    public const int SchemaVersion = 3;
    // Additions without a new version (appended datasets): the Order 24 datasets, polluter_reports to temporary_disclosures.
    public static readonly string[] Names =
    [
        "indicators", "flows", "listings", "emissions", "benefits", "enterprises",
        "polluter_reports", "toxic_substances", "enterprise_waste", "carbon_facilities", "weather_responses", "violations", "temporary_disclosures",
    ];

    private const string HazardousDescription =
        "true for a hazardous waste code (国家危险废物名录), false for a general solid waste code, empty (null) when unknown: no code";

    /// <summary>
    /// Every file of the export. With <paramref name="keeps"/> (an incremental build: <see cref="SiteOutput.Keeps"/>)
    /// and <paramref name="global"/>, a file whose digest (<see cref="Digest"/>: its table's or the scopes' contents)
    /// is the one the previous build recorded is not made again: it comes as a <see cref="ReusedFile"/>.
    /// </summary>
    public static IEnumerable<OutputFile> Files(SiteFacts facts, string? global = null, Func<string, string?, bool>? keeps = null)
    {
        var site = facts.Site;
        var datasets = new OpenDataSets(facts);
        // Each scope's tables are made once: written as JSON and CSV here, and counted in the catalogue.
        var scopes = new List<DataScope> { new(null, site.Config.Title, datasets.For(site.Parks)) };
        scopes.AddRange(site.Parks.Select(p => new DataScope(p.Id, p.Profile.Name, datasets.For([p]))));
        // Both files of a pair are made from the same thing; each path's digest is recorded (no short cut).
        bool Kept(string a, string b, string? digest) => keeps is not null && digest is not null & keeps(a, digest) & keeps(b, digest);
        string? Of(string kind, IReadOnlyList<DataScope> scopes, bool rows) => global is null ? null : Digest(global, kind, scopes, rows);
        foreach (var scope in scopes)
            foreach (var table in scope.Tables)
            {
                var (json, csv) = (Routes.DataJson(table.Name, scope.ParkId), Routes.DataCsv(table.Name, scope.ParkId));
                if (Kept(json, csv, Of("table", [scope with { Tables = [table] }], rows: true)))
                {
                    yield return new ReusedFile(json);
                    yield return new ReusedFile(csv);
                    continue;
                }
                yield return new TextFile(json, Json(table));
                yield return new TextFile(csv, Csv(table));
            }
        foreach (var table in datasets.For([]))
        {
            var (tableSchema, jsonSchema) = (Routes.DataTableSchema(table.Name), Routes.DataJsonSchema(table.Name));
            if (Kept(tableSchema, jsonSchema, Of("schemas", [new DataScope(null, site.Config.Title, [table])], rows: false)))
            {
                yield return new ReusedFile(tableSchema);
                yield return new ReusedFile(jsonSchema);
                continue;
            }
            yield return new TextFile(tableSchema, TableSchema(table));
            yield return new TextFile(jsonSchema, JsonSchema(table));
        }
        // The catalogue and the package describe the scopes and their tables, not the rows.
        if (Kept(Routes.DataCatalog, Routes.DataPackage, Of("catalog", scopes, rows: false)))
        {
            yield return new ReusedFile(Routes.DataCatalog);
            yield return new ReusedFile(Routes.DataPackage);
            yield break;
        }
        yield return new TextFile(Routes.DataCatalog, DataCatalog.Render(facts, scopes));
        yield return new TextFile(Routes.DataPackage, DataPackage.Render(facts, scopes));
    }

    /// <summary>
    /// A hash of every member of the scopes, their tables and fields (<see cref="DataScope"/>, <see cref="DataTable"/>,
    /// <see cref="DataField"/>: a test holds the list of members to this method), with the rows when
    /// <paramref name="rows"/>, after <paramref name="global"/> (generator, theme, today, site.yaml, so the code that
    /// writes the files and the site's settings are covered). Null when a row holds a value of a type the exports do not
    /// write as such (then the file is always made).
    /// </summary>
    internal static string? Digest(string global, string kind, IReadOnlyList<DataScope> scopes, bool rows)
    {
        using var d = new ViewDigest.Writer();
        d.Text(global).Text(kind).Number(scopes.Count);
        foreach (var scope in scopes)
        {
            d.Text(scope.ParkId).Number(scope.Name.Values.Count);
            foreach (var (lang, text) in scope.Name.Values) d.Text(lang).Text(text);
            d.Number(scope.Tables.Count);
            foreach (var table in scope.Tables)
            {
                d.Text(table.Name).Text(table.Title).Text(table.Description).Number(table.PrimaryKey.Count);
                foreach (var k in table.PrimaryKey) d.Text(k);
                d.Number(table.Fields.Count);
                foreach (var f in table.Fields)
                {
                    d.Text(f.Name).Number((int)f.Type).Number(f.Required ? 1 : 0).Text(f.Description).Number(f.List ? 1 : 0);
                    if (f.Enum is null) d.Number(-1);
                    else
                    {
                        d.Number(f.Enum.Count);
                        foreach (var v in f.Enum) d.Text(v);
                    }
                }
                if (!rows) continue;
                d.Number(table.Rows.Count);
                foreach (var row in table.Rows)
                {
                    d.Number(row.Length);
                    foreach (var v in row)
                        if (!Exported(v) || !d.Value(v, 0)) return null;
                }
            }
        }
        return d.Finish();
    }

    /// <summary>A row value of a type the exports write as such; any other is written by Convert.ToString and gets no digest.</summary>
    private static bool Exported(object? value) => value is null or string or bool or int or double or DateOnly or IEnumerable<string>;

    /// <summary>The datasets of the given parks, in <see cref="Names"/> order.</summary>
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
            if ((f.Required && !f.List) || f.Enum is not null)
            {
                w.WriteStartObject("constraints");
                if (f.Required && !f.List) w.WriteBoolean("required", true);
                if (f.Enum is not null)
                {
                    w.WriteStartArray("enum");
                    foreach (var v in f.Enum) EnumValue(w, f, v);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (table.PrimaryKey.Count > 0)
        {
            w.WriteStartArray("primaryKey");
            foreach (var k in table.PrimaryKey) w.WriteStringValue(k);
            w.WriteEndArray();
        }
        w.WriteStartArray("missingValues"); w.WriteStringValue(""); w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A value of a closed vocabulary in the field's own type: a boolean's "true" is written true.</summary>
    private static void EnumValue(Utf8JsonWriter w, DataField f, string v)
    {
        if (f.Type == DataFieldType.Boolean) w.WriteBooleanValue(v == "true");
        else w.WriteStringValue(v);
    }

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
            if (f.Enum is not null)
            {
                // The closed vocabulary of the value; null stays allowed where the field is optional.
                w.WriteStartArray("enum");
                foreach (var v in f.Enum) EnumValue(w, f, v);
                if (!f.Required) w.WriteNullValue();
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    internal static string Write(Action<Utf8JsonWriter> body) => PublishedJson.Write(body);
}
