using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core.Checks;
using EcoSite.Core.Checks.Identifiers;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Render.Pages;

namespace EcoSite.Core.Render;

/// <summary>The types of Frictionless Table Schema that the exports use.</summary>
public enum DataFieldType
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
}

/// <summary>A column of a dataset. A <see cref="List"/> field is an array in JSON and space-separated in CSV.</summary>
public sealed record DataField(string Name, DataFieldType Type, bool Required, string Description, bool List = false);

/// <summary>One dataset of one scope (a park or the whole site): its columns and rows, in a fixed order.</summary>
public sealed record DataTable(string Name, string Title, string Description, IReadOnlyList<DataField> Fields, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Open data under data/ (docs/open-data.md, export format version <see cref="SchemaVersion"/>): for every park and
/// for the whole site, indicators (with computed compliance), waste flows, exchange listings (with matches),
/// polluters' emissions and cases' benefits, each as JSON and CSV (RFC 4180), described by a Frictionless Table
/// Schema and a JSON Schema under data/schemas/, and listed in data/catalog.jsonld (schema.org DataCatalog).
/// Rows are sorted and numbers written in the invariant culture, so the same content gives the same bytes.
/// </summary>
public static class OpenData
{
    // 2: `hazardous` of flows and listings is true, false or null (unknown) instead of a required boolean.
    public const int SchemaVersion = 2;
    public static readonly string[] Names = ["indicators", "flows", "listings", "emissions", "benefits"];

    private const string HazardousDescription =
        "true for a hazardous waste code (国家危险废物名录), false for a general solid waste code, empty (null) when unknown: no code";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string JsonPath(string name, string? parkId) => Prefix(parkId) + name + ".json";

    public static string CsvPath(string name, string? parkId) => Prefix(parkId) + name + ".csv";

    public static string TableSchemaPath(string name) => $"data/schemas/{name}.json";

    public static string JsonSchemaPath(string name) => $"data/schemas/{name}.schema.json";

    private static string Prefix(string? parkId) => parkId is null ? "data/" : $"data/parks/{parkId}/";

    public static IEnumerable<OutputFile> Files(Site site)
    {
        var scopes = new List<(string? ParkId, IReadOnlyList<Park> Parks)> { (null, site.Parks) };
        scopes.AddRange(site.Parks.Select(p => ((string?)p.Id, (IReadOnlyList<Park>)[p])));
        foreach (var (parkId, parks) in scopes)
            foreach (var table in Tables(site, parks))
            {
                yield return new TextFile(JsonPath(table.Name, parkId), Json(table));
                yield return new TextFile(CsvPath(table.Name, parkId), Csv(table));
            }
        foreach (var table in Tables(site, []))
        {
            yield return new TextFile(TableSchemaPath(table.Name), TableSchema(table));
            yield return new TextFile(JsonSchemaPath(table.Name), JsonSchema(table));
        }
        yield return new TextFile("data/catalog.jsonld", Catalog(site, scopes));
    }

    /// <summary>The five datasets of the given parks, in <see cref="Names"/> order.</summary>
    public static IReadOnlyList<DataTable> Tables(Site site, IReadOnlyList<Park> parks)
    {
        var langs = site.Config.Languages;
        var matches = ExchangeMatcher.Match(site);
        IEnumerable<DataField> Localized(string name, bool required, string what) =>
            langs.Select((l, i) => new DataField($"{name}_{l}", DataFieldType.String, required && i == 0, $"{what} ({l})"));
        IEnumerable<object?> Texts(LocalizedText? t) => langs.Select(l => t is null ? null : (object?)t.In(l, langs[0]).Text);
        string? Name(Park park, FlowParty p) => p.Enterprise?.Id;
        object?[] Row(params IEnumerable<object?>[] parts) => parts.SelectMany(p => p).ToArray();
        IEnumerable<object?> V(params object?[] values) => values;

        var indicators = new DataTable("indicators", "Indicators and targets",
            "Indicator values reported by each park per year (HJ 274-2015), with the park's target and the compliance EcoSite computes from them.",
            [
                new("park_id", DataFieldType.String, true, "Park id"),
                new("year", DataFieldType.Integer, true, "Reporting year"),
                new("final", DataFieldType.Boolean, true, "true for final figures, false for preliminary ones"),
                new("indicator", DataFieldType.String, true, "Catalog id, or 'custom' for a park-specific indicator"),
                new("category", DataFieldType.String, false, "Category of the standard (empty for custom indicators)"),
                .. Localized("name", true, "Indicator name"),
                .. Localized("unit", false, "Unit"),
                new("value", DataFieldType.Number, false, "Numeric value (empty for yes/no indicators)"),
                new("value_yes", DataFieldType.Boolean, false, "Yes/no value (empty for numeric indicators)"),
                new("target", DataFieldType.String, false, "The park's target: >=, <=, >, < or = and a number, or yes"),
                new("compliance", DataFieldType.String, true, "met, not-met or no-target, computed from value and target"),
                .. Localized("source", false, "Data source"),
            ],
            parks.SelectMany(p => p.Indicators.OrderBy(r => r.Year).SelectMany(r => r.Values.Select(e =>
            {
                var c = e.IsCustom ? null : site.Catalog.Find(e.Indicator);
                var compliance = e.Compliance switch { Model.Targets.Compliance.Met => "met", Model.Targets.Compliance.NotMet => "not-met", _ => "no-target" };
                return Row(V(p.Id, r.Year, r.Final, e.Indicator, c?.Category), Texts(e.Name ?? c?.Name), Texts(e.Unit ?? c?.Unit),
                    V(e.Number, e.YesNo, e.Target?.ToString(), compliance), Texts(r.Source));
            }))).ToList());

        var flows = new DataTable("flows", "Waste and by-product flows",
            "Yearly flows of waste and by-products between enterprises of a park and parties outside it.",
            [
                new("park_id", DataFieldType.String, true, "Park id"),
                new("year", DataFieldType.Integer, true, "Year"),
                new("from_enterprise", DataFieldType.String, false, "Enterprise id of the sender (empty for an external party)"),
                .. Localized("from_name", true, "Sender name"),
                new("to_enterprise", DataFieldType.String, false, "Enterprise id of the receiver (empty for an external party)"),
                .. Localized("to_name", true, "Receiver name"),
                .. Localized("material", true, "Material"),
                new("code", DataFieldType.String, false, "Hazardous waste code (NNN-NNN-NN) or general solid waste code"),
                new("hazardous", DataFieldType.Boolean, false, HazardousDescription),
                new("hazardous_class", DataFieldType.String, false, "Hazardous waste class, e.g. HW08"),
                new("quantity", DataFieldType.Number, true, "Quantity per year"),
                new("unit", DataFieldType.String, true, "Unit of the quantity"),
                new("stays_in_park", DataFieldType.Boolean, true, "true when both ends are enterprises of the park"),
                .. Localized("use", false, "Use"),
            ],
            parks.SelectMany(p => p.Waste.OrderBy(w => w.Year).SelectMany(w => w.Flows.Select(f =>
                Row(V(p.Id, w.Year, Name(p, f.From)), Texts(PartyName(p, f.From)), V(Name(p, f.To)), Texts(PartyName(p, f.To)), Texts(f.Material),
                    V(f.Code, WasteCode.IsHazardous(f.Code), f.HazardousClass is { } hc ? HazardousWasteCode.ClassLabel(hc) : null, f.Quantity, f.Unit, f.StaysInPark), Texts(f.Use))))).ToList());

        var listings = new DataTable("listings", "Resource exchange listings",
            "Supply and demand listings of the regional resource exchange, with their matches across every park of the site.",
            [
                new("id", DataFieldType.String, true, "Site-wide id: <park-id>/<listing-id>"),
                new("park_id", DataFieldType.String, true, "Park id"),
                new("kind", DataFieldType.String, true, "supply or demand"),
                new("category", DataFieldType.String, true, "waste, by-product, raw-material, product or disposal-service"),
                new("enterprise", DataFieldType.String, true, "Enterprise id"),
                .. Localized("material", true, "Material"),
                new("code", DataFieldType.String, false, "Waste code"),
                new("hazardous", DataFieldType.Boolean, false, HazardousDescription),
                new("hazardous_class", DataFieldType.String, false, "Hazardous waste class, e.g. HW08"),
                new("quantity", DataFieldType.Number, false, "Quantity"),
                new("unit", DataFieldType.String, false, "Unit"),
                new("frequency", DataFieldType.String, false, "once, monthly, yearly or continuous"),
                new("posted", DataFieldType.Date, true, "First day the listing is active"),
                new("valid_until", DataFieldType.Date, false, "Last day the listing is active (empty: open-ended)"),
                new("active", DataFieldType.Boolean, true, "Active on the site's as-of date"),
                new("matches", DataFieldType.String, true, "Ids of the matching listings (space-separated in CSV)", List: true),
            ],
            parks.SelectMany(p => p.Listings).OrderBy(l => l.SiteId, StringComparer.Ordinal).Select(l =>
                Row(V(l.SiteId, l.ParkId, l.Kind == ListingKind.Supply ? "supply" : "demand", l.Category, l.Enterprise.Id), Texts(l.Material),
                    V(l.Code, WasteCode.IsHazardous(l.Code), l.HazardousClass is { } hc ? HazardousWasteCode.ClassLabel(hc) : null, l.Quantity, l.Unit, l.Frequency, l.Posted, l.ValidUntil,
                        l.IsActiveOn(site.Config.Today), matches[l.SiteId].Select(m => m.SiteId).ToList()))).ToList());

        var emissions = new DataTable("emissions", "Emissions of key polluting units",
            "Per outlet and pollutant: measured concentration against its limit, total emission against the permitted total, and exceedances.",
            [
                new("park_id", DataFieldType.String, true, "Park id"),
                new("enterprise", DataFieldType.String, true, "Enterprise id"),
                new("report_year", DataFieldType.Integer, false, "Report year"),
                new("permit", DataFieldType.String, false, "Pollutant discharge permit number (HJ 608-2017)"),
                new("outlet", DataFieldType.String, true, "Outlet code (DA### air, DW### water)"),
                new("standard", DataFieldType.String, false, "Emission standard"),
                .. Localized("pollutant", true, "Pollutant"),
                new("unit", DataFieldType.String, false, "Unit of concentration and limit"),
                new("concentration", DataFieldType.Number, false, "Measured concentration"),
                new("limit", DataFieldType.Number, false, "Concentration limit"),
                new("over_limit", DataFieldType.Boolean, true, "true when the concentration is above the limit"),
                new("exceedances", DataFieldType.Integer, false, "Exceedances reported by the unit"),
                new("total_t", DataFieldType.Number, false, "Total emission (t per year)"),
                new("permitted_total_t", DataFieldType.Number, false, "Permitted total emission (t per year)"),
                new("over_permitted_total", DataFieldType.Boolean, true, "true when the total is above the permitted total"),
            ],
            parks.SelectMany(p => p.Polluters.OrderBy(x => x.Enterprise.Id, StringComparer.Ordinal).SelectMany(x => x.Outlets.SelectMany(o => o.Pollutants.Select(q =>
                Row(V(p.Id, x.Enterprise.Id, x.ReportYear, x.Permit, o.Code, o.Standard), Texts(q.Name),
                    V(q.Unit, q.Concentration, q.Limit, q.OverLimit, q.Exceedances, q.TotalT, q.PermittedTotalT, q.OverPermittedTotal)))))).ToList());

        var benefits = new DataTable("benefits", "Benefits of technology cases",
            "Yearly benefits of each technology and experience case.",
            [
                new("park_id", DataFieldType.String, true, "Park id"),
                new("case", DataFieldType.String, true, "Case slug"),
                new("date", DataFieldType.Date, false, "Publication date"),
                .. Localized("title", true, "Case title"),
                new("enterprise", DataFieldType.String, false, "Enterprise id"),
                new("energy_saved_tce", DataFieldType.Number, false, "Energy saved (tce per year)"),
                new("water_saved_m3", DataFieldType.Number, false, "Water saved (m³ per year)"),
                new("co2_reduced_t", DataFieldType.Number, false, "CO2 reduced (t per year)"),
                new("solid_waste_utilised_t", DataFieldType.Number, false, "Solid waste utilised (t per year)"),
                new("economic_benefit_10k_cny", DataFieldType.Number, false, "Economic benefit (10k CNY per year)"),
            ],
            parks.SelectMany(p => p.Cases.OrderBy(a => a.Slug, StringComparer.Ordinal).Select(a =>
            {
                var titles = langs.Select(l => (object?)(a.In(l) ?? a.Primary).Title);
                var c = a.Primary.Case;
                var b = c?.Benefits ?? Benefits.None;
                return Row(V(p.Id, a.Slug, a.Date), titles, V(c?.Enterprise?.Id, b.EnergySavedTce, b.WaterSavedM3, b.Co2ReducedT, b.SolidWasteUtilisedT, b.EconomicBenefit10kCny));
            })).ToList());

        return [indicators, flows, listings, emissions, benefits];
    }

    private static LocalizedText? PartyName(Park park, FlowParty p) =>
        p.Enterprise is { } e ? park.FindEnterprise(e.Id)?.Name ?? LocalizedText.Of("zh", e.Id) : p.ExternalName;

    public static string Csv(DataTable table)
    {
        var sb = new StringBuilder();
        // RFC 4180: CRLF line ends, a header row, fields with a comma, quote or line break quoted.
        sb.AppendJoin(',', table.Fields.Select(f => Quote(f.Name))).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(',', row.Select(v => Quote(CsvValue(v)))).Append("\r\n");
        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static string CsvValue(object? v) => v switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        DateOnly d => Format.Iso(d),
        IEnumerable<string> list => string.Join(' ', list),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
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
    private static string Catalog(Site site, IReadOnlyList<(string? ParkId, IReadOnlyList<Park> Parks)> scopes)
    {
        var cfg = site.Config;
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
            if (cfg.BaseUrl is { } b) w.WriteString("url", UrlPath.Absolute(b, "data/index.html"));
            w.WriteStartArray("dataset");
            foreach (var (parkId, parks) in scopes)
            {
                var scope = parkId is null ? cfg.Title.In(lang, lang).Text : parks[0].Profile.Name.In(lang, lang).Text;
                foreach (var table in Tables(site, parks))
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "Dataset");
                    w.WriteString("identifier", parkId is null ? table.Name : $"{parkId}/{table.Name}");
                    w.WriteString("name", $"{table.Title}: {scope}");
                    w.WriteString("description", table.Description);
                    w.WriteString("dateModified", Format.Iso(cfg.Today));
                    w.WriteString("schemaVersion", Rel(TableSchemaPath(table.Name)));
                    w.WriteStartArray("distribution");
                    foreach (var (format, path) in new[] { ("text/csv", CsvPath(table.Name, parkId)), ("application/json", JsonPath(table.Name, parkId)) })
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
