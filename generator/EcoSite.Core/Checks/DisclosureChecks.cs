using System.Globalization;
using EcoSite.Core.Model.Identifiers;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Targets;

namespace EcoSite.Core.Checks;

/// <summary>
/// Domain checks of the disclosure files (content-format.md sections 8-10): indicator ids against the catalog and
/// their targets, permit numbers and outlet codes (HJ 608-2017), exceedances, and waste codes (国家危险废物名录 2025,
/// 固体废物分类与代码目录 2024).
/// </summary>
internal static class DisclosureChecks
{
    public static IEnumerable<Diagnostic> Run(Site site)
    {
        var ids = site.Catalog.Indicators.Select(i => i.Id).Append("custom").ToList();
        foreach (var park in site.Parks)
        {
            foreach (var report in park.Indicators)
                foreach (var d in Indicators(report, site.Catalog, ids)) yield return d;
            foreach (var d in UnitChanges(park, site.Catalog, site.Config.DefaultLanguage)) yield return d;
            foreach (var report in park.Waste)
                foreach (var flow in report.Flows)
                    if (WasteCodeProblem(flow.Code, report.File, flow.CodePos) is { } d) yield return d;
            foreach (var listing in park.Listings)
                if (WasteCodeProblem(listing.Code, listing.File, listing.CodePos) is { } d) yield return d;
            foreach (var polluter in park.Polluters)
                foreach (var d in Polluter(park, polluter)) yield return d;
        }
    }

    /// <summary>What makes two entries the same indicator: its catalog id, or a custom indicator's default-language name.</summary>
    internal static string SeriesKey(IndicatorEntry e, string defaultLang) =>
        e.IsCustom ? "custom:" + (e.Name?.In(defaultLang, defaultLang).Text ?? "") : e.Indicator;

    private static IEnumerable<Diagnostic> Indicators(IndicatorReport report, IndicatorStandard catalog, IReadOnlyList<string> ids)
    {
        // One value per indicator and year is enforced by the loader (DisclosureLoader.LoadIndicators), which reports
        // a second value and leaves it out of the report.
        foreach (var e in report.Values)
        {
            if (!e.IsCustom && catalog.Find(e.Indicator) is null)
                yield return Make(Codes.UnknownIndicator, report.File, e.Pos,
                    $"'{e.Indicator}' is not an indicator of the catalog ({catalog.Standard ?? "HJ 274-2015"}); use a catalog id, or 'custom' with a name.{DidYouMean.Hint(e.Indicator, ids)}");
            if (e.TargetText is null) continue;
            if (!Target.TryParse(e.TargetText, out var target, out var problem))
            {
                yield return Make(Codes.InvalidTarget, report.File, e.TargetPos, $"the target '{e.TargetText}' {problem}.");
                continue;
            }
            if (e.Value is { } v && target.CheckValueKind(v) is { } mismatch)
                yield return Make(Codes.ValueTypeMismatch, report.File, e.TargetPos, $"{mismatch}; compliance cannot be computed.");
        }
    }

    /// <summary>
    /// ECO113 when an indicator's unit (the entry's, else the catalog's) differs from the one of the year before it was
    /// reported: the values are not comparable, so the trend draws only the years in the newest unit.
    /// </summary>
    private static IEnumerable<Diagnostic> UnitChanges(Park park, IndicatorStandard catalog, string defaultLang)
    {
        var previous = new Dictionary<string, (int Year, string Unit)>(StringComparer.Ordinal);
        foreach (var report in park.Indicators.OrderBy(r => r.Year))
            foreach (var e in report.Values)
            {
                var key = SeriesKey(e, defaultLang);
                var unit = UnitOf(e, catalog, defaultLang);
                if (unit is null) continue;
                // Reports come in year order, one per year (the year is the file name), so 'before' is always an earlier year.
                if (previous.TryGetValue(key, out var before) && !string.Equals(before.Unit, unit, StringComparison.Ordinal))
                    yield return Make(Codes.IndicatorUnitChanged, report.File, e.Pos,
                        $"the unit of '{(e.IsCustom ? key["custom:".Length..] : key)}' is '{unit}' in {report.Year} but '{before.Unit}' in {before.Year}; the trend shows only the years in '{unit}'. Convert the earlier values, or check the unit.");
                previous[key] = (report.Year, unit);
            }
    }

    /// <summary>The unit an entry is reported in, in the default language: its own, else the catalog's; null when neither gives one.</summary>
    internal static string? UnitOf(IndicatorEntry e, IndicatorStandard catalog, string defaultLang) =>
        (e.Unit ?? (e.IsCustom ? null : catalog.Find(e.Indicator)?.Unit))?.In(defaultLang, defaultLang).Text.Trim() is { Length: > 0 } u ? u : null;

    /// <summary>ECO130 when a flow's or listing's code is neither a hazardous nor a general solid waste code.</summary>
    private static Diagnostic? WasteCodeProblem(string? code, string file, SourcePos pos)
    {
        if (code is null) return null;
        var c = WasteCode.Classify(code);
        return c.Kind == WasteCodeKind.Invalid
            ? Make(Codes.InvalidWasteCode, file, pos, $"the waste code '{code}' {c.Problem}.")
            : null;
    }

    private static IEnumerable<Diagnostic> Polluter(Park park, PolluterReport p)
    {
        if (p.Permit is { } permit)
        {
            var check = PermitNumber.Check(permit);
            if (!check.Ok)
                yield return Make(Codes.MalformedPermit, p.File, p.PermitPos, $"the permit number '{permit}' {check.Problem}; HJ 608-2017 numbers are the credit code, 3 digits and a letter (22 characters).");
            else if (park.FindEnterprise(p.Enterprise.Id)?.CreditCode is { } credit && !permit.StartsWith(credit, StringComparison.Ordinal))
                yield return Make(Codes.PermitCreditMismatch, p.File, p.PermitPos,
                    $"the permit number '{permit}' does not start with the credit code of '{p.Enterprise.Id}' ({credit}); check both against the permit.");
        }
        foreach (var o in p.Outlets)
        {
            var oc = OutletCode.Check(o.Code);
            if (!oc.Ok)
                yield return Make(Codes.MalformedOutlet, p.File, o.Pos, $"the outlet code '{o.Code}' {oc.Problem}.");
            foreach (var x in o.Pollutants)
            {
                // Section 10: a concentration above its limit is an exceedance whatever 'exceedances' says.
                if (x.OverLimit && x.Exceedances is null or 0)
                    yield return Make(Codes.ExceedanceContradiction, p.File, x.Pos, string.Create(CultureInfo.InvariantCulture,
                        $"{x.Name} at outlet {o.Code}: the concentration {x.Concentration} is above the limit {x.Limit}, but 'exceedances' is {(x.Exceedances is null ? "missing" : "0")}; the page shows it as an exceedance."));
            }
        }
        foreach (var d in EnterpriseWasteCodes(p)) yield return d;
        foreach (var d in SelfMonitoringOutlets(p)) yield return d;
    }

    /// <summary>
    /// ECO124 for a self-monitoring item (Order 24 art. 12(3) 自行监测) whose outlet is not among the file's outlets: the
    /// unit monitors the outlets its permit lists, so an unknown code is most likely a typing mistake or an outlet left
    /// out of 'outlets'. The format does not require a self-monitoring item per outlet, so a declared outlet without
    /// one is not warned (docs/content-format.en.md section 10).
    /// </summary>
    private static IEnumerable<Diagnostic> SelfMonitoringOutlets(PolluterReport p)
    {
        if (p.Order24.SelfMonitoring is not { } monitoring) yield break;
        var declared = p.Outlets.Select(o => o.Code).ToList();
        foreach (var item in monitoring.Items)
            if (!declared.Contains(item.Outlet, StringComparer.Ordinal))
                yield return Make(Codes.SelfMonitoringUnknownOutlet, p.File, item.OutletPos,
                    $"the self-monitoring outlet '{item.Outlet}' is not the code of an outlet of this file; correct the code, or add the outlet to 'outlets'.{DidYouMean.Hint(item.Outlet, declared)}");
    }

    /// <summary>ECO130 for an enterprise-level waste of Order 24 (solid_waste) whose code is no waste code.</summary>
    private static IEnumerable<Diagnostic> EnterpriseWasteCodes(PolluterReport p) =>
        p.Order24.SolidWaste.Select(w => WasteCodeProblem(w.Code, p.File, w.CodePos)).OfType<Diagnostic>();

    private static Diagnostic Make(DiagnosticCode code, string file, SourcePos pos, string message) =>
        new(code.Id, code.Severity, file, pos.Line, pos.Column, message);
}
