using EcoSite.Core.Model;
using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Core.Render;

/// <summary>
/// The groups of a polluter file from 企业环境信息依法披露管理办法 (Order 24) article 12 that the emissions dataset does
/// not hold, as tidy tables (docs/open-data.md, "Order 24 datasets"): the groups a report has once (tax, insurance,
/// credit rating, carbon total) in one row per report, and each list group in a table of its own, one row per entry.
/// Every row starts with the park, the enterprise and its credit code, so a data user joins them with every other
/// dataset, across parks, without reading the polluter files.
/// </summary>
internal sealed partial class OpenDataSets
{
    /// <summary>The Order 24 datasets, in <see cref="OpenData.Names"/> order.</summary>
    private IEnumerable<DataTable> Order24(IReadOnlyList<Park> parks) =>
        [PolluterReports(parks), ToxicSubstances(parks), EnterpriseWaste(parks), CarbonFacilities(parks), WeatherResponses(parks), Violations(parks), TemporaryDisclosures(parks)];

    /// <summary>One row per polluter file: the art. 12 groups a report gives once.</summary>
    public DataTable PolluterReports(IReadOnlyList<Park> parks) => new("polluter_reports", "Annual disclosure reports of key polluting units",
        "One row per annual report of a key polluting unit (企业环境信息依法披露管理办法 art. 12): environmental protection tax, environmental pollution liability insurance, environmental credit rating and total carbon emissions, each empty when the report does not give it.",
        [
            .. ReportKey(),
            new("prepared", DataFieldType.Date, false, "Date the report was prepared (编制日期)"),
            new("tax_paid_10k_cny", DataFieldType.Number, false, "Environmental protection tax paid in the report year (环境保护税), in 10k CNY (万元)"),
            .. Localized("tax_note", false, "Note on the environmental protection tax"),
            new("insured", DataFieldType.Boolean, false, "true when the unit holds environmental pollution liability insurance (环境污染责任保险), false when it states it does not, empty when not given", Enum: Booleans),
            .. Localized("insurer", false, "Insurer"),
            new("insurance_policy", DataFieldType.String, false, "Insurance policy number"),
            new("insurance_valid_until", DataFieldType.Date, false, "Last day the insurance is valid"),
            .. Localized("credit_rating", false, "Environmental credit rating (环保信用评价) as the rating authority words it (ratings differ by province)"),
            .. Localized("credit_rating_authority", false, "Authority that gave the credit rating"),
            new("credit_rating_date", DataFieldType.Date, false, "Date of the credit rating"),
            new("credit_rating_url", DataFieldType.String, false, "Web address where the rating is published"),
            new("carbon_total_tco2e", DataFieldType.Number, false, "Total carbon emissions of the report year (碳排放), in t CO2e (吨二氧化碳当量)"),
        ],
        Reports(parks).Select(x =>
        {
            var o = x.Report.Order24;
            return Row(ReportKeyValues(x), V(o.Prepared, o.Tax?.Paid10kCny), Texts(o.Tax?.Note), V(o.Insurance?.Insured), Texts(o.Insurance?.Insurer),
                V(o.Insurance?.Policy, o.Insurance?.ValidUntil), Texts(o.Credit?.Rating), Texts(o.Credit?.Authority), V(o.Credit?.Date, o.Credit?.Url, o.Carbon?.TotalTco2e));
        }).ToList())
    {
        // One polluter file per enterprise (polluters/<enterprise>.yaml).
        PrimaryKey = ["park_id", "enterprise"],
    };

    /// <summary>Art. 12(3) 有毒有害物质: one row per substance.</summary>
    public DataTable ToxicSubstances(IReadOnlyList<Park> parks) => new("toxic_substances", "Toxic and hazardous substances emitted",
        "One row per toxic or hazardous substance a key polluting unit reports emitting (有毒有害物质, 企业环境信息依法披露管理办法 art. 12(3)).",
        [
            .. EntryKey(),
            .. Localized("name", true, "Substance"),
            new("cas", DataFieldType.String, false, "CAS registry number"),
            new("emitted_t", DataFieldType.Number, false, "Quantity emitted in the report year, in t (吨)"),
            .. Localized("note", false, "Note"),
        ],
        Entries(parks, o => o.ToxicSubstances, (s, key) => Row(key, Texts(s.Name), V(s.Cas, s.EmittedT), Texts(s.Note))))
    {
        PrimaryKey = EntryPrimaryKey,
    };

    /// <summary>Art. 12(3) the enterprise's industrial solid and hazardous waste: one row per waste.</summary>
    public DataTable EnterpriseWaste(IReadOnlyList<Park> parks) => new("enterprise_waste", "Solid and hazardous waste of key polluting units",
        "One row per industrial solid or hazardous waste of a key polluting unit: generated, stored, utilised and disposed of in the report year, and where it went (企业环境信息依法披露管理办法 art. 12(3)).",
        [
            .. EntryKey(),
            .. Localized("name", true, "Waste"),
            new("code", DataFieldType.String, false, "Hazardous waste code (NNN-NNN-NN, 国家危险废物名录 2025) or general solid waste code"),
            new("hazardous", DataFieldType.Boolean, false, HazardousDescription, Enum: Booleans),
            new("hazardous_class", DataFieldType.String, false, "Hazardous waste class, e.g. HW08"),
            new("generated_t", DataFieldType.Number, false, "Generated in the report year, in t (吨)"),
            new("stored_t", DataFieldType.Number, false, "Stored at the end of the report year, in t (吨)"),
            new("utilised_t", DataFieldType.Number, false, "Utilised in the report year, in t (吨)"),
            new("disposed_t", DataFieldType.Number, false, "Disposed of in the report year, in t (吨)"),
            .. Localized("destination", false, "Where the waste went (流向)"),
        ],
        Entries(parks, o => o.SolidWaste, (w, key) => Row(key, Texts(w.Name),
            V(w.Code, WasteCode.IsHazardous(w.Code), w.HazardousClass is { } hc ? HazardousWasteCode.ClassLabel(hc) : null, w.GeneratedT, w.StoredT, w.UtilisedT, w.DisposedT),
            Texts(w.Destination))))
    {
        PrimaryKey = EntryPrimaryKey,
    };

    /// <summary>Art. 12(4) 碳排放: one row per emitting facility (the report's total is in polluter_reports).</summary>
    public DataTable CarbonFacilities(IReadOnlyList<Park> parks) => new("carbon_facilities", "Carbon emissions by facility",
        "One row per emitting facility of a key polluting unit with its carbon emissions in the report year (碳排放, 企业环境信息依法披露管理办法 art. 12(4)); the unit's total is carbon_total_tco2e of polluter_reports.",
        [
            .. EntryKey(),
            .. Localized("name", true, "Facility"),
            new("tco2e", DataFieldType.Number, false, "Carbon emissions in the report year, in t CO2e (吨二氧化碳当量)"),
        ],
        Entries(parks, o => o.Carbon?.Facilities ?? [], (c, key) => Row(key, Texts(c.Name), V(c.Tco2e))))
    {
        PrimaryKey = EntryPrimaryKey,
    };

    /// <summary>Art. 12(5) 重污染天气应急响应: one row per response period.</summary>
    public DataTable WeatherResponses(IReadOnlyList<Park> parks) => new("weather_responses", "Heavy pollution weather responses",
        "One row per heavy pollution weather emergency response of a key polluting unit: the period, the alert level and the measures taken (重污染天气应急响应, 企业环境信息依法披露管理办法 art. 12(5)).",
        [
            .. EntryKey(),
            new("from", DataFieldType.Date, false, "First day of the response"),
            new("to", DataFieldType.Date, false, "Last day of the response"),
            .. Localized("level", false, "Alert level, as the alert words it"),
            .. Localized("measures", false, "Measures taken"),
        ],
        Entries(parks, o => o.WeatherResponses, (r, key) => Row(key, V(r.From, r.To), Texts(r.Level), Texts(r.Measures))))
    {
        PrimaryKey = EntryPrimaryKey,
    };

    /// <summary>Art. 12(6) 生态环境违法信息: one row per administrative penalty or other decision.</summary>
    public DataTable Violations(IReadOnlyList<Park> parks) => new("violations", "Environmental violations",
        "One row per administrative penalty or other decision on an environmental violation of a key polluting unit (生态环境违法信息, 企业环境信息依法披露管理办法 art. 12(6)).",
        [
            .. EntryKey(),
            new("date", DataFieldType.Date, false, "Date of the decision"),
            .. Localized("authority", false, "Authority that decided"),
            new("document", DataFieldType.String, false, "Number of the decision document (文书编号)"),
            .. Localized("facts", false, "Facts of the violation"),
            .. Localized("penalty", false, "Penalty or other measure"),
            .. Localized("rectification", false, "Rectification"),
        ],
        Entries(parks, o => o.Violations, (v, key) => Row(key, V(v.Date), Texts(v.Authority), V(v.Document), Texts(v.Facts), Texts(v.Penalty), Texts(v.Rectification))))
    {
        PrimaryKey = EntryPrimaryKey,
    };

    /// <summary>Art. 12(7) 临时环境信息依法披露: one row per temporary disclosure of the year.</summary>
    public DataTable TemporaryDisclosures(IReadOnlyList<Park> parks) => new("temporary_disclosures", "Temporary disclosures",
        "One row per temporary environmental disclosure a key polluting unit made in the report year (临时环境信息依法披露, 企业环境信息依法披露管理办法 art. 12(7)).",
        [
            .. EntryKey(),
            new("date", DataFieldType.Date, true, "Date of the disclosure"),
            .. Localized("subject", true, "Subject"),
            new("url", DataFieldType.String, false, "Web address of the disclosure"),
        ],
        Entries(parks, o => o.TemporaryDisclosures, (t, key) => Row(key, V(t.Date), Texts(t.Subject), V(t.Url))))
    {
        PrimaryKey = EntryPrimaryKey,
    };

    private static readonly IReadOnlyList<string> EntryPrimaryKey = ["park_id", "enterprise", "entry_no"];

    /// <summary>The polluter files of the parks: by park, then by enterprise id (one file per enterprise).</summary>
    private static IEnumerable<(Park Park, PolluterReport Report)> Reports(IReadOnlyList<Park> parks) =>
        parks.SelectMany(p => p.Polluters.OrderBy(x => x.Enterprise.Id, StringComparer.Ordinal).Select(x => (p, x)));

    private static IEnumerable<DataField> ReportKey() =>
    [
        new("park_id", DataFieldType.String, true, "Park id"),
        new("enterprise", DataFieldType.String, true, "Enterprise id"),
        new("credit_code", DataFieldType.String, false, CreditCodeDescription("enterprise")),
        new("report_year", DataFieldType.Integer, false, "Report year"),
    ];

    private static IEnumerable<DataField> EntryKey() =>
        [.. ReportKey(), new("entry_no", DataFieldType.Integer, true, "Position of the entry in the report's list, from 1")];

    private static IEnumerable<object?> ReportKeyValues((Park Park, PolluterReport Report) x) =>
        V(x.Park.Id, x.Report.Enterprise.Id, x.Park.FindEnterprise(x.Report.Enterprise.Id)?.CreditCode, x.Report.ReportYear);

    /// <summary>The rows of a list group: each entry of each report, after the report's key and the entry's number.</summary>
    private static List<object?[]> Entries<T>(IReadOnlyList<Park> parks, Func<Order24Groups, IReadOnlyList<T>> group, Func<T, IEnumerable<object?>, object?[]> row) =>
        Reports(parks).SelectMany(x => group(x.Report.Order24).Select((e, i) => row(e, ReportKeyValues(x).Append(i + 1)))).ToList();
}
