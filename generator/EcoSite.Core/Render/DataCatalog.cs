using System.Text.Json;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>One scope of the open data: the whole site (<see cref="ParkId"/> null) or one park, with its tables.</summary>
internal sealed record DataScope(string? ParkId, LocalizedText Name, IReadOnlyList<DataTable> Tables);

/// <summary>
/// data/catalog.jsonld: the open data described in DCAT 3 (W3C Data Catalog Vocabulary) as JSON-LD, so that a
/// provincial portal or a researcher's harvester reads it as RDF (docs/open-data.md, "The catalogue"). Every catalogue,
/// dataset, distribution and the publisher has an IRI: absolute from site.yaml base_url, else relative, resolved
/// against the catalogue's own address as JSON-LD resolves any relative IRI. Values are written in expanded form
/// ({"@id"}, {"@value", "@language"}, {"@value", "@type"}) so that the only context needed is the prefixes.
/// </summary>
internal static class DataCatalog
{
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    /// <summary>IANA media type registry, the IRIs DCAT-AP gives dcat:mediaType.</summary>
    private const string MediaTypes = "http://www.iana.org/assignments/media-types/";

    /// <summary>
    /// Chinese titles and descriptions of the datasets (the table gives the English ones); the titles are the data page's
    /// (theme strings dataset_*). The catalogue describes every dataset in both languages (issue 15), and a test checks
    /// that none is missing here.
    /// </summary>
    internal static readonly Dictionary<string, (string Title, string Description)> Chinese = new(StringComparer.Ordinal)
    {
        ["indicators"] = ("指标与目标", "各园区逐年填报的指标数值（HJ 274-2015），以及园区自定的目标和平台据此计算的达标情况。"),
        ["flows"] = ("废物流向", "园区企业之间以及与园区外单位之间逐年的废物和副产品流向。"),
        ["listings"] = ("资源供需信息", "区域资源交换的供应与需求信息，以及在本平台各园区之间的匹配结果。"),
        ["emissions"] = ("重点排污单位排放", "按排放口和污染物列出：实测浓度与排放限值、排放总量与许可排放量的对照，以及超标次数。"),
        ["benefits"] = ("案例效益", "各项先进经验技术案例的年度效益。"),
        ["enterprises"] = ("园区企业及信用代码", "各园区企业及其统一社会信用代码，可据此跨园区、跨平台关联其他各数据集。"),
        ["polluter_reports"] = ("重点排污单位年度披露报告", "每份重点排污单位年度报告一行（《企业环境信息依法披露管理办法》第十二条）：环境保护税、环境污染责任保险、环保信用评价和碳排放总量，报告未填的为空。"),
        ["toxic_substances"] = ("有毒有害物质排放", "重点排污单位报告排放的每种有毒有害物质一行（《企业环境信息依法披露管理办法》第十二条第三项）。"),
        ["enterprise_waste"] = ("重点排污单位固体废物和危险废物", "重点排污单位每种工业固体废物或危险废物一行：报告年度的产生量、贮存量、利用量、处置量及流向（《企业环境信息依法披露管理办法》第十二条第三项）。"),
        ["carbon_facilities"] = ("各设施碳排放", "重点排污单位每个排放设施一行，列出报告年度碳排放量（《企业环境信息依法披露管理办法》第十二条第四项）；单位总量见“重点排污单位年度披露报告”。"),
        ["weather_responses"] = ("重污染天气应急响应", "重点排污单位每次重污染天气应急响应一行：起止日期、预警级别和所采取的措施（《企业环境信息依法披露管理办法》第十二条第五项）。"),
        ["violations"] = ("生态环境违法信息", "重点排污单位每项生态环境行政处罚或其他处理决定一行（《企业环境信息依法披露管理办法》第十二条第六项）。"),
        ["temporary_disclosures"] = ("临时环境信息披露", "重点排污单位报告年度内每次临时环境信息依法披露一行（《企业环境信息依法披露管理办法》第十二条第七项）。"),
    };

    /// <summary>The dataset's title in a language: the table's own (English) title, or the Chinese one above.</summary>
    public static string Title(DataTable table, string lang) =>
        lang == "zh" && Chinese.TryGetValue(table.Name, out var zh) ? zh.Title : table.Title;

    /// <summary>The dataset's description in a language: the table's own (English) one, or the Chinese one above.</summary>
    public static string Description(DataTable table, string lang) =>
        lang == "zh" && Chinese.TryGetValue(table.Name, out var zh) ? zh.Description : table.Description;

    /// <summary>"指标与目标：青禾园区" / "Indicators and targets: Qinghe Park": the dataset and its scope.</summary>
    public static string ScopedTitle(SiteConfig cfg, DataScope scope, DataTable table, string lang) =>
        Title(table, lang) + (lang == "zh" ? "：" : ": ") + scope.Name.In(lang, cfg.DefaultLanguage).Text;

    /// <summary>Languages every title and dataset description is given in: the site's, and zh and en in any case (issue 15: a data user reads either).</summary>
    private static IEnumerable<string> TitleLanguages(SiteConfig cfg) => cfg.Languages.Union(["zh", "en"]);

    public static string Render(SiteFacts facts, IReadOnlyList<DataScope> scopes)
    {
        var cfg = facts.Config;
        var routes = facts.Routes;
        // IRIs: absolute under base_url, else relative to data/ (where the catalogue is).
        string Iri(string sitePath) => cfg.BaseUrl is null ? sitePath["data/".Length..] : routes.Absolute(sitePath);
        string Node(string fragment) => Iri(Routes.DataCatalog) + "#" + fragment;
        var publisher = Node("publisher");

        return OpenData.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            w.WriteString("dcat", Dcat);
            w.WriteString("dct", Dct);
            w.WriteString("foaf", Foaf);
            w.WriteString("vcard", Vcard);
            w.WriteString("xsd", Xsd);
            w.WriteEndObject();
            w.WriteString("@id", Iri(Routes.DataCatalog));
            w.WriteString("@type", "dcat:Catalog");
            Texts(w, "dct:title", TitleLanguages(cfg).Select(l => (l, cfg.Title.In(l, cfg.DefaultLanguage).Text)));
            if (cfg.Description is { } d) Texts(w, "dct:description", cfg.Languages.Select(l => (l, d.In(l, cfg.DefaultLanguage).Text)));
            w.WriteStartArray("dct:language");
            foreach (var l in cfg.Languages) w.WriteStringValue(Format.HtmlLang(l));
            w.WriteEndArray();
            Date(w, "dct:modified", cfg.Today);
            Ref(w, "foaf:homepage", Iri(Routes.Data));
            w.WriteStartObject("dct:publisher");
            w.WriteString("@id", publisher);
            w.WriteString("@type", "foaf:Agent");
            // The organizer (主办单位) publishes the data; a site without one is named by its own title.
            var agent = cfg.Organizer ?? cfg.Title;
            Texts(w, "foaf:name", cfg.Languages.Select(l => (l, agent.In(l, cfg.DefaultLanguage).Text)));
            w.WriteEndObject();
            if (cfg.License is { } license)
            {
                w.WriteStartObject("dct:license");
                w.WriteString("@id", license.Url);
                w.WriteString("@type", "dct:LicenseDocument");
                w.WriteString("dct:identifier", license.Name);
                w.WriteEndObject();
            }
            w.WriteStartArray("dcat:dataset");
            foreach (var scope in scopes)
                foreach (var table in scope.Tables)
                    Dataset(w, cfg, scope, table, Node, Iri, publisher);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Dataset(Utf8JsonWriter w, SiteConfig cfg, DataScope scope, DataTable table, Func<string, string> node, Func<string, string> iri, string publisher)
    {
        var id = scope.ParkId is null ? table.Name : $"{scope.ParkId}/{table.Name}";
        w.WriteStartObject();
        w.WriteString("@id", node("dataset/" + id));
        w.WriteString("@type", "dcat:Dataset");
        w.WriteString("dct:identifier", id);
        Texts(w, "dct:title", TitleLanguages(cfg).Select(l => (l, ScopedTitle(cfg, scope, table, l))));
        Texts(w, "dct:description", TitleLanguages(cfg).Select(l => (l, Description(table, l))));
        Date(w, "dct:modified", cfg.Today);
        Ref(w, "dct:publisher", publisher);
        if (cfg.License is { } license) Ref(w, "dct:license", license.Url);
        w.WriteStartArray("dcat:distribution");
        foreach (var (format, mediaType, path, schema) in new[]
        {
            ("csv", "text/csv", Routes.DataCsv(table.Name, scope.ParkId), Routes.DataTableSchema(table.Name)),
            ("json", "application/json", Routes.DataJson(table.Name, scope.ParkId), Routes.DataJsonSchema(table.Name)),
        })
        {
            w.WriteStartObject();
            w.WriteString("@id", node($"distribution/{id}/{format}"));
            w.WriteString("@type", "dcat:Distribution");
            Texts(w, "dct:title", TitleLanguages(cfg).Select(l => (l, Title(table, l) + (l == "zh" ? $"（{format.ToUpperInvariant()}）" : $" ({format.ToUpperInvariant()})"))));
            Ref(w, "dcat:downloadURL", iri(path));
            Ref(w, "dcat:accessURL", iri(path));
            Ref(w, "dcat:mediaType", MediaTypes + mediaType);
            Ref(w, "dct:conformsTo", iri(schema));
            Date(w, "dct:modified", cfg.Today);
            if (cfg.License is not null) Ref(w, "dct:license", cfg.License.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Texts(Utf8JsonWriter w, string property, IEnumerable<(string Lang, string Text)> texts)
    {
        w.WriteStartArray(property);
        foreach (var (lang, text) in texts)
        {
            w.WriteStartObject();
            w.WriteString("@value", text);
            w.WriteString("@language", Format.HtmlLang(lang));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Ref(Utf8JsonWriter w, string property, string iri)
    {
        w.WriteStartObject(property);
        w.WriteString("@id", iri);
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, string property, DateOnly d)
    {
        w.WriteStartObject(property);
        w.WriteString("@value", Format.Iso(d));
        w.WriteString("@type", "xsd:date");
        w.WriteEndObject();
    }
}
