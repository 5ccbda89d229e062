using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Core.Render;

/// <summary>
/// The open datasets (docs/open-data.md), one method each (the Order 24 ones in Order24DataSets.cs), for a scope of parks (one park, or the whole site).
/// Rows come in a fixed order and read the site's facts (compliance, matches), so the same content gives the same bytes.
/// </summary>
internal sealed partial class OpenDataSets(SiteFacts facts)
{
    private readonly Site site = facts.Site;
    private readonly IReadOnlyList<string> langs = facts.Config.Languages;

    private const string HazardousDescription =
        "true for a hazardous waste code (国家危险废物名录), false for a general solid waste code, empty (null) when unknown: no code";

    // Closed vocabularies (content-format.md v2 sections 8 and 10; compliance is computed by EcoSite).
    private static readonly string[] ComplianceValues = ["met", "not-met", "no-target", "not-reported"];
    private static readonly string[] Kinds = ["supply", "demand"];
    private static readonly string[] ListingCategories = ["waste", "by-product", "raw-material", "product", "disposal-service"];
    private static readonly string[] Frequencies = ["once", "monthly", "yearly", "continuous"];
    private static readonly string[] Booleans = ["true", "false"];

    /// <summary>The datasets of the given parks, in <see cref="OpenData.Names"/> order.</summary>
    public IReadOnlyList<DataTable> For(IReadOnlyList<Park> parks) => [Indicators(parks), Flows(parks), Listings(parks), Emissions(parks), CaseBenefits(parks), Enterprises(parks), .. Order24(parks)];

    /// <summary>Indicator values per park and year (HJ 274-2015) with the compliance computed once in the facts.</summary>
    public DataTable Indicators(IReadOnlyList<Park> parks) => new("indicators", "Indicators and targets",
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
            new("compliance", DataFieldType.String, true, "met or not-met (the value against the park's target), no-target (a value without a target) or not-reported (no value)", Enum: ComplianceValues),
            .. Localized("source", false, "Data source"),
        ],
        parks.SelectMany(p => p.Indicators.OrderBy(r => r.Year).SelectMany(r => r.Values.Select(e =>
        {
            var c = e.IsCustom ? null : site.Catalog.Find(e.Indicator);
            var compliance = facts.Compliance(e) switch { Model.Targets.Compliance.Met => "met", Model.Targets.Compliance.NotMet => "not-met", Model.Targets.Compliance.NotReported => "not-reported", _ => "no-target" };
            return Row(V(p.Id, r.Year, r.Final, e.Indicator, c?.Category), Texts(e.Name ?? c?.Name), Texts(e.Unit ?? c?.Unit),
                V(e.Number, e.YesNo, e.Target?.ToString(), compliance), Texts(r.Source));
        }))).ToList())
    {
        // One value per indicator and year, a custom indicator told apart by its name in the default language (ECO023).
        PrimaryKey = ["park_id", "year", "indicator", $"name_{langs[0]}"],
    };

    /// <summary>Waste and by-product flows of each year.</summary>
    public DataTable Flows(IReadOnlyList<Park> parks) => new("flows", "Waste and by-product flows",
        "Yearly flows of waste and by-products between enterprises of a park and parties outside it.",
        [
            new("park_id", DataFieldType.String, true, "Park id"),
            new("year", DataFieldType.Integer, true, "Year"),
            new("flow_no", DataFieldType.Integer, true, "Position of the flow in the park's list for the year, from 1"),
            new("from_enterprise", DataFieldType.String, false, "Enterprise id of the sender (empty for an external party)"),
            new("from_credit_code", DataFieldType.String, false, CreditCodeDescription("sender")),
            .. Localized("from_name", true, "Sender name"),
            new("to_enterprise", DataFieldType.String, false, "Enterprise id of the receiver (empty for an external party)"),
            new("to_credit_code", DataFieldType.String, false, CreditCodeDescription("receiver")),
            .. Localized("to_name", true, "Receiver name"),
            .. Localized("material", true, "Material"),
            new("code", DataFieldType.String, false, "Hazardous waste code (NNN-NNN-NN) or general solid waste code"),
            new("hazardous", DataFieldType.Boolean, false, HazardousDescription, Enum: Booleans),
            new("hazardous_class", DataFieldType.String, false, "Hazardous waste class, e.g. HW08"),
            new("quantity", DataFieldType.Number, true, "Quantity per year"),
            new("unit", DataFieldType.String, true, "Unit of the quantity"),
            new("stays_in_park", DataFieldType.Boolean, true, "true when both ends are enterprises of the park"),
            .. Localized("use", false, "Use"),
        ],
        parks.SelectMany(p => p.Waste.OrderBy(w => w.Year).SelectMany(w => w.Flows.Select((f, i) =>
            Row(V(p.Id, w.Year, i + 1, EnterpriseId(f.From), PartyCreditCode(p, f.From)), Texts(PartyName(p, f.From)), V(EnterpriseId(f.To), PartyCreditCode(p, f.To)), Texts(PartyName(p, f.To)), Texts(f.Material),
                V(f.Code, WasteCode.IsHazardous(f.Code), f.HazardousClass is { } hc ? HazardousWasteCode.ClassLabel(hc) : null, f.Quantity, f.Unit, f.StaysInPark), Texts(f.Use))))).ToList())
    {
        PrimaryKey = ["park_id", "year", "flow_no"],
    };

    /// <summary>Exchange listings with their matches across every park (from the facts).</summary>
    public DataTable Listings(IReadOnlyList<Park> parks) => new("listings", "Resource exchange listings",
        "Supply and demand listings of the regional resource exchange, with their matches across every park of the site.",
        [
            new("id", DataFieldType.String, true, "Site-wide id: <park-id>/<listing-id>"),
            new("park_id", DataFieldType.String, true, "Park id"),
            new("kind", DataFieldType.String, true, "supply or demand", Enum: Kinds),
            new("category", DataFieldType.String, true, "waste, by-product, raw-material, product or disposal-service", Enum: ListingCategories),
            new("enterprise", DataFieldType.String, true, "Enterprise id"),
            new("enterprise_credit_code", DataFieldType.String, false, CreditCodeDescription("enterprise")),
            .. Localized("material", true, "Material"),
            new("code", DataFieldType.String, false, "Waste code"),
            new("hazardous", DataFieldType.Boolean, false, HazardousDescription, Enum: Booleans),
            new("hazardous_class", DataFieldType.String, false, "Hazardous waste class, e.g. HW08"),
            new("quantity", DataFieldType.Number, false, "Quantity"),
            new("unit", DataFieldType.String, false, "Unit"),
            new("frequency", DataFieldType.String, false, "once, monthly, yearly or continuous", Enum: Frequencies),
            new("posted", DataFieldType.Date, true, "First day the listing is active"),
            new("valid_until", DataFieldType.Date, false, "Last day the listing is active (empty: open-ended)"),
            new("active", DataFieldType.Boolean, true, "Active on the site's as-of date"),
            new("matches", DataFieldType.String, true, "Ids of the matching listings (space-separated in CSV)", List: true),
        ],
        parks.SelectMany(p => p.Listings).OrderBy(l => l.SiteId, StringComparer.Ordinal).Select(l =>
            Row(V(l.SiteId, l.ParkId, l.Kind == ListingKind.Supply ? "supply" : "demand", l.Category, l.Enterprise.Id, CreditCodeOf(l.ParkId, l.Enterprise.Id)), Texts(l.Material),
                V(l.Code, WasteCode.IsHazardous(l.Code), l.HazardousClass is { } hc ? HazardousWasteCode.ClassLabel(hc) : null, l.Quantity, l.Unit, l.Frequency, l.Posted, l.ValidUntil,
                    l.IsActiveOn(site.Config.Today), facts.Matches.Of(l).Select(m => m.SiteId).ToList()))).ToList())
    {
        PrimaryKey = ["id"],
    };

    /// <summary>Per outlet and pollutant of each key polluting unit: concentration, totals and exceedances.</summary>
    public DataTable Emissions(IReadOnlyList<Park> parks) => new("emissions", "Emissions of key polluting units",
        "Per outlet and pollutant: measured concentration against its limit, total emission against the permitted total, and exceedances.",
        [
            new("park_id", DataFieldType.String, true, "Park id"),
            new("enterprise", DataFieldType.String, true, "Enterprise id"),
            new("credit_code", DataFieldType.String, false, CreditCodeDescription("enterprise")),
            new("row_no", DataFieldType.Integer, true, "Position of the row among the enterprise's outlets and pollutants, from 1"),
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
            // Order 24 (企业环境信息依法披露管理办法) art. 12, appended so the columns above keep their places.
            new("averaging", DataFieldType.String, false, "Averaging period of the concentration: hourly, daily, monthly, annual or single (one sample)"),
            .. Localized("destination", false, "Where the outlet discharges to (排放去向)"),
            .. Localized("permit_authority", false, "Authority that issued the discharge permit"),
            new("permit_valid_from", DataFieldType.Date, false, "First day the discharge permit is valid"),
            new("permit_valid_until", DataFieldType.Date, false, "Last day the discharge permit is valid"),
            new("prepared", DataFieldType.Date, false, "Date the disclosure report was prepared (编制日期)"),
        ],
        parks.SelectMany(p => p.Polluters.OrderBy(x => x.Enterprise.Id, StringComparer.Ordinal).SelectMany(x => x.Outlets.SelectMany(o => o.Pollutants.Select(q => (o, q))).Select((oq, i) =>
            Row(V(p.Id, x.Enterprise.Id, CreditCodeOf(p.Id, x.Enterprise.Id), i + 1, x.ReportYear, x.Permit, oq.o.Code, oq.o.Standard), Texts(oq.q.Name),
                V(oq.q.Unit, oq.q.Concentration, oq.q.Limit, oq.q.OverLimit, oq.q.Exceedances, oq.q.TotalT, oq.q.PermittedTotalT, oq.q.OverPermittedTotal, oq.q.Averaging),
                Texts(oq.o.Destination), Texts(x.Order24.Permit?.Authority),
                V(x.Order24.Permit?.ValidFrom, x.Order24.Permit?.ValidUntil, x.Order24.Prepared))))).ToList())
    {
        // One polluter file per enterprise (polluters/<enterprise>.yaml); outlets and pollutants are not keyed by name.
        PrimaryKey = ["park_id", "enterprise", "row_no"],
    };

    /// <summary>Each case's yearly benefits.</summary>
    public DataTable CaseBenefits(IReadOnlyList<Park> parks) => new("benefits", "Benefits of technology cases",
        "Yearly benefits of each technology and experience case.",
        [
            new("park_id", DataFieldType.String, true, "Park id"),
            new("case", DataFieldType.String, true, "Case slug"),
            new("date", DataFieldType.Date, false, "Publication date"),
            .. Localized("title", true, "Case title"),
            new("enterprise", DataFieldType.String, false, "Enterprise id"),
            new("enterprise_credit_code", DataFieldType.String, false, CreditCodeDescription("enterprise")),
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
            return Row(V(p.Id, a.Slug, a.Date), titles, V(c?.Enterprise?.Id, c?.Enterprise is { } e ? CreditCodeOf(p.Id, e.Id) : null,
                b.EnergySavedTce, b.WaterSavedM3, b.Co2ReducedT, b.SolidWasteUtilisedT, b.EconomicBenefit10kCny));
        })).ToList())
    {
        PrimaryKey = ["park_id", "case"],
    };

    /// <summary>The enterprises of each park with their credit codes: the table that joins every other one across parks.</summary>
    public DataTable Enterprises(IReadOnlyList<Park> parks) => new("enterprises", "Enterprises of the parks",
        "The enterprises of each park with their unified social credit codes (GB 32100-2015), so that rows of every dataset can be joined across parks and platforms.",
        [
            new("park_id", DataFieldType.String, true, "Park id"),
            new("id", DataFieldType.String, true, "Enterprise id within the park"),
            new("credit_code", DataFieldType.String, false, CreditCodeDescription("enterprise")),
            .. Localized("name", true, "Enterprise name"),
            .. Localized("industry", false, "Industry"),
            new("key_polluter", DataFieldType.Boolean, true, "true when the enterprise is a key polluting unit (重点排污单位)", Enum: Booleans),
        ],
        parks.SelectMany(p => p.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e =>
            Row(V(p.Id, e.Id, e.CreditCode), Texts(e.Name), Texts(e.Industry), V(e.KeyPolluter)))).ToList())
    {
        PrimaryKey = ["park_id", "id"],
    };

    private static string CreditCodeDescription(string whose) =>
        $"Unified social credit code (统一社会信用代码, GB 32100-2015) of the {whose}, empty when not given: the key to join datasets across parks";

    /// <summary>The credit code the park's enterprises.yaml gives the enterprise; null when it gives none.</summary>
    private string? CreditCodeOf(string parkId, string enterpriseId) =>
        Lookup.By(site.Parks, p => p.Id).GetValueOrDefault(parkId)?.FindEnterprise(enterpriseId)?.CreditCode;

    private static string? PartyCreditCode(Park park, FlowParty p) => p.Enterprise is { } e ? park.FindEnterprise(e.Id)?.CreditCode : null;

    /// <summary>One text column per language.</summary>
    private IEnumerable<DataField> Localized(string name, bool required, string what) =>
        langs.Select((l, i) => new DataField($"{name}_{l}", DataFieldType.String, required && i == 0, $"{what} ({l})"));

    private IEnumerable<object?> Texts(LocalizedText? t) => langs.Select(l => t is null ? null : (object?)t.In(l, langs[0]).Text);

    private static object?[] Row(params IEnumerable<object?>[] parts) => parts.SelectMany(p => p).ToArray();

    private static IEnumerable<object?> V(params object?[] values) => values;

    private static string? EnterpriseId(FlowParty p) => p.Enterprise?.Id;

    private static LocalizedText? PartyName(Park park, FlowParty p) =>
        p.Enterprise is { } e ? park.FindEnterprise(e.Id)?.Name ?? LocalizedText.Of("zh", e.Id) : p.ExternalName;
}
