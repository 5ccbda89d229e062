using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// Reads the groups of 企业环境信息依法披露管理办法 (Order 24) article 12 out of a polluter file (keys in
/// docs/content-format.en.md section 10). Every group is optional; wrong types, impossible dates, negative amounts
/// and addresses that are not http(s) are reported where they are written. Text passed the control-character check
/// when the file was read (SourceText, YamlTree); numbers are bounded by <see cref="YamlReader.Number"/>.
/// </summary>
internal sealed class Order24Reader(YamlReader r)
{
    // The key lists are properties built on each use (once per polluter file), not static fields built once per
    // process, so that a mutation-testing run, which switches mutants on and off inside one process, measures them
    // (docs/security.md, "Mutation testing").
    public static string[] Fields =>
    [
        "prepared", "permit_authority", "permit_valid_from", "permit_valid_until", "environmental_tax", "liability_insurance",
        "credit_rating", "toxic_substances", "solid_waste", "self_monitoring", "carbon_emissions", "heavy_pollution_response",
        "violations", "temporary_disclosures",
    ];

    private static string[] TaxFields => ["paid_10k_cny", "note"];
    private static string[] InsuranceFields => ["insured", "insurer", "policy", "valid_until"];
    private static string[] CreditFields => ["rating", "authority", "date", "url"];
    private static string[] ToxicFields => ["name", "cas", "emitted_t", "note"];
    private static string[] WasteFields => ["name", "code", "generated_t", "stored_t", "utilised_t", "disposed_t", "destination"];
    private static string[] MonitoringFields => ["results_url", "items"];
    private static string[] MonitoringItemFields => ["outlet", "pollutant", "method", "frequency"];
    private static string[] CarbonFields => ["total_tco2e", "facilities"];
    private static string[] CarbonFacilityFields => ["name", "tco2e"];
    private static string[] ResponseFields => ["from", "to", "level", "measures"];
    private static string[] ViolationFields => ["date", "authority", "document", "facts", "penalty", "rectification"];
    private static string[] TemporaryFields => ["date", "subject", "url"];

    /// <summary>The averaging periods a measured concentration can stand for (小时均值, 日均值, 月均值, 年均值, 单次监测值).</summary>
    public static string[] AveragingPeriods => ["hourly", "daily", "monthly", "annual", "single"];

    /// <summary>自动监测 (continuous monitors) or 手工监测 (sampled by hand).</summary>
    public static string[] MonitoringMethods => ["automatic", "manual"];

    public Order24Groups Read(FieldSet f)
    {
        if (!Array.Exists(Fields, f.Has)) return Order24Groups.None;
        var permit = f.Has("permit_authority") || f.Has("permit_valid_from") || f.Has("permit_valid_until")
            ? new PermitDetails(f.Localized("permit_authority"), f.Date("permit_valid_from"), f.Date("permit_valid_until"))
            : null;
        if (permit is { ValidFrom: { } from, ValidUntil: { } until } && until < from)
            r.Report(Codes.InvalidValue, f.PosOf("permit_valid_until"), $"'permit_valid_until' ({until:yyyy-MM-dd}) is before 'permit_valid_from' ({from:yyyy-MM-dd}); check both dates on the permit.");

        EnvironmentalTax? tax = null;
        if (f.Map("environmental_tax", TaxFields) is { } t) tax = new EnvironmentalTax(NonNegative(t, "paid_10k_cny"), t.Localized("note"));

        LiabilityInsurance? insurance = null;
        if (f.Map("liability_insurance", InsuranceFields) is { } i)
            insurance = new LiabilityInsurance(i.Boolean("insured"), i.Localized("insurer"), i.Text("policy"), i.Date("valid_until"));

        CreditRating? credit = null;
        if (f.Map("credit_rating", CreditFields) is { } c)
            credit = new CreditRating(c.Localized("rating"), c.Localized("authority"), c.Date("date"), WebAddress(c, "url"));

        var toxic = f.List("toxic_substances", node =>
        {
            var x = r.Map(node, "a toxic substance", ToxicFields);
            return x?.Localized("name", required: true) is { } n ? new ToxicSubstance(n, x.Text("cas"), NonNegative(x, "emitted_t"), x.Localized("note")) : null;
        });

        var waste = f.List("solid_waste", node =>
        {
            var x = r.Map(node, "a solid waste", WasteFields);
            if (x?.Localized("name", required: true) is not { } n) return null;
            var (code, hazardousClass) = DisclosureLoader.WasteCodeField(r, x);
            return new EnterpriseWaste(n, code, hazardousClass, NonNegative(x, "generated_t"), NonNegative(x, "stored_t"),
                NonNegative(x, "utilised_t"), NonNegative(x, "disposed_t"), x.Localized("destination"), x.PosOf("code"));
        });

        SelfMonitoring? monitoring = null;
        if (f.Map("self_monitoring", MonitoringFields) is { } m)
            monitoring = new SelfMonitoring(WebAddress(m, "results_url"), m.List("items", node =>
            {
                var x = r.Map(node, "a monitoring item", MonitoringItemFields);
                return x?.Text("outlet", required: true) is { } outlet
                    ? new MonitoringItem(outlet, x.Localized("pollutant"), x.OneOf("method", MonitoringMethods), x.Localized("frequency"), x.PosOf("outlet"))
                    : null;
            }));

        CarbonEmissions? carbon = null;
        if (f.Map("carbon_emissions", CarbonFields) is { } ce)
            carbon = new CarbonEmissions(NonNegative(ce, "total_tco2e"), ce.List("facilities", node =>
            {
                var x = r.Map(node, "an emitting facility", CarbonFacilityFields);
                return x?.Localized("name", required: true) is { } n ? new CarbonFacility(n, NonNegative(x, "tco2e")) : null;
            }));

        var responses = f.List("heavy_pollution_response", node =>
        {
            var x = r.Map(node, "a heavy pollution weather response", ResponseFields);
            if (x is null) return null;
            var (from, to) = (x.Date("from"), x.Date("to"));
            if (from is { } a && to is { } b && b < a)
                r.Report(Codes.InvalidValue, x.PosOf("to"), $"'to' ({b:yyyy-MM-dd}) is before 'from' ({a:yyyy-MM-dd}); check the dates of the response.");
            return new WeatherResponse(from, to, x.Localized("level"), x.Localized("measures"));
        });

        var violations = f.List("violations", node =>
        {
            var x = r.Map(node, "a violation", ViolationFields);
            return x is null ? null : new Violation(x.Date("date"), x.Localized("authority"), x.Text("document"), x.Localized("facts"), x.Localized("penalty"), x.Localized("rectification"));
        });

        var temporary = f.List("temporary_disclosures", node =>
        {
            var x = r.Map(node, "a temporary disclosure", TemporaryFields);
            if (x is null) return null;
            var date = x.Date("date", required: true);
            var subject = x.Localized("subject", required: true);
            var url = WebAddress(x, "url");
            return date is null || subject is null ? null : new TemporaryDisclosure(date.Value, subject, url);
        });

        return new Order24Groups(f.Date("prepared"), permit, tax, insurance, credit, toxic, waste, monitoring, carbon, responses, violations, temporary);
    }

    /// <summary>An amount (tonnes, 10k CNY): bounded like every number, and never below zero.</summary>
    private double? NonNegative(FieldSet f, string key)
    {
        var v = f.Number(key);
        if (v is >= 0) return v;
        if (v is not null) r.Report(Codes.InvalidValue, f.PosOf(key), $"'{key}' is {v}; an amount cannot be negative.");
        return null;
    }

    /// <summary>A link the page shows: only a full http or https address passes (UrlPolicy, docs/security.md).</summary>
    private string? WebAddress(FieldSet f, string key)
    {
        var url = f.Text(key);
        if (url is null || UrlPolicy.IsWebAddress(url)) return url;
        r.Report(Codes.InvalidValue, f.PosOf(key), $"'{key}' is '{url}'; write a full web address starting with https:// or http://. The link is left out.");
        return null;
    }
}
