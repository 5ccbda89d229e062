using System.Globalization;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// The compliance summaries of the park pages and the portal, in words, read from <see cref="SiteFacts"/>
/// (<see cref="ParkFacts.ComplianceSummary"/>, <see cref="SiteFacts.UnmetIndicators"/>, <see cref="SiteFacts.Exceedances"/>):
/// nothing is recomputed here.
/// </summary>
internal static class ComplianceViews
{
    public static ComplianceView Park(PageContext ctx, ParkFacts park)
    {
        var unmet = park.Newest.Where(i => i.Compliance == Model.Targets.Compliance.NotMet).Select(i => Unmet(ctx, i, withPark: false)).ToList();
        var exceedances = park.Exceedances.Select(e => Exceedance(ctx, e, withPark: false)).ToList();
        return new ComplianceView(Summary(ctx, park), unmet, exceedances,
            unmet.Count == 0 && exceedances.Count == 0 ? ctx.T("compliance_all_clear") : null);
    }

    public static ComplianceView Portal(PageContext ctx)
    {
        var facts = ctx.Facts;
        var unmet = facts.UnmetIndicators.Select(i => Unmet(ctx, i, withPark: true)).ToList();
        var exceedances = facts.Exceedances.Select(e => Exceedance(ctx, e, withPark: true)).ToList();
        var parksNotMet = facts.Parks.Count(p => p.ComplianceSummary.NotMet > 0);
        var units = facts.Exceedances.Select(e => e.Polluter).Distinct().Count();
        var summary = string.Format(CultureInfo.InvariantCulture, ctx.T("portal_compliance_summary"), facts.Parks.Count, parksNotMet, units);
        return new ComplianceView(summary, unmet, exceedances, unmet.Count == 0 && exceedances.Count == 0 ? ctx.T("compliance_all_clear") : null);
    }

    /// <summary>Each park's counts for the portal's table.</summary>
    public static IReadOnlyList<ParkComplianceRowView> Rows(PageContext ctx) => ctx.Facts.Parks.Select(p =>
    {
        var name = ctx.Text(p.Park.Profile.Name);
        var (met, notMet, _) = p.ComplianceSummary;
        return new ParkComplianceRowView(name.Text, ctx.HtmlLang(name.Lang), ctx.Url(Routes.Park(p.Park.Id)) + "#compliance",
            p.NewestYear?.ToString(CultureInfo.InvariantCulture) ?? "–", notMet, met, p.Exceedances.Select(e => e.Polluter).Distinct().Count());
    }).ToList();

    /// <summary>The one-line summary of a park: the newest year's counts and the exceeding units; used on cards too.</summary>
    public static string Summary(PageContext ctx, ParkFacts park)
    {
        var units = park.Exceedances.Select(e => e.Polluter).Distinct().Count();
        var exceeding = string.Format(CultureInfo.InvariantCulture, ctx.T("compliance_units"), units);
        if (park.NewestYear is not { } year) return ctx.T("compliance_no_indicators") + ctx.T("list_separator") + exceeding;
        var (met, notMet, noTarget) = park.ComplianceSummary;
        return string.Format(CultureInfo.InvariantCulture, ctx.T("compliance_summary"), year, notMet, met, noTarget) + ctx.T("list_separator") + exceeding;
    }

    private static FailureView Unmet(PageContext ctx, IndicatorFact i, bool withPark)
    {
        var park = ctx.Site.Parks.First(p => p.Id == i.ParkId);
        var e = i.Entry;
        var name = e.IsCustom || ctx.Site.Catalog.Find(e.Indicator) is not { } c ? e.Name : c.Name;
        var label = name is null ? Plain(ctx, ctx.T("indicator_unnamed")) : Text(ctx, name);
        var unit = ctx.TextOrNull(e.Unit ?? (e.IsCustom ? null : ctx.Site.Catalog.Find(e.Indicator)?.Unit));
        var value = e.Value is { } v ? Value(ctx, v) + (unit is null || v.IsYesNo ? "" : " " + unit) : "–";
        var detail = string.Format(CultureInfo.InvariantCulture, ctx.T("unmet_detail"), value, e.Target is { } t ? TargetText(ctx, t) : "–", i.Report.Year);
        var parkName = ctx.Text(park.Profile.Name);
        var row = "#" + Routes.IndicatorRow(e, ctx.Site.Config.DefaultLanguage);
        return new FailureView(label.Text, label.HtmlLang, ctx.Url(Routes.List(park.Id, Routes.Sections.Indicators)) + row,
            withPark ? parkName.Text : null, withPark ? ctx.HtmlLang(parkName.Lang) : null, detail);
    }

    private static FailureView Exceedance(PageContext ctx, ExceedanceFact f, bool withPark)
    {
        var park = ctx.Site.Parks.First(p => p.Id == f.ParkId);
        var unit = EnterpriseName(ctx, park, f.Polluter.Enterprise.Id);
        var x = f.Pollutant;
        var parts = new List<string>();
        string U(double v) => Format.Number(v, 4);
        if (x.OverLimit) parts.Add(string.Format(CultureInfo.InvariantCulture, ctx.T("exceedance_concentration"), U(x.Concentration!.Value), U(x.Limit!.Value), x.Unit ?? ""));
        if (x.OverPermittedTotal) parts.Add(string.Format(CultureInfo.InvariantCulture, ctx.T("exceedance_total"), U(x.TotalT!.Value), U(x.PermittedTotalT!.Value)));
        if (x.Exceedances is > 0 and var n) parts.Add(string.Format(CultureInfo.InvariantCulture, ctx.T("exceedance_times"), n));
        var detail = string.Format(CultureInfo.InvariantCulture, ctx.T("exceedance_detail"), ctx.Text(x.Name).Text, f.Outlet.Code,
            string.Join(ctx.T("list_separator"), parts));
        var parkName = ctx.Text(park.Profile.Name);
        return new FailureView(unit.Text, unit.HtmlLang, ctx.Url(Routes.Polluter(park.Id, f.Polluter.Enterprise.Id)),
            withPark ? parkName.Text : null, withPark ? ctx.HtmlLang(parkName.Lang) : null, detail);
    }
}
