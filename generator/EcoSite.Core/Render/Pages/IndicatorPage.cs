using System.Globalization;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Targets;
using EcoSite.Core.Render.Svg;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// Category 2 (HJ 274-2015 indicators, content-format.md section 8): per category of the standard, each indicator's
/// newest value against the park's target with a computed status, and its trend across the years reported.
/// </summary>
internal static class IndicatorPage
{
    public static IEnumerable<PageJob> Jobs(Site site) =>
        site.Parks.Select(park => new PageJob(Routes.List(park.Id, Routes.Sections.Indicators), ctx => Build(ctx, park)));

    private sealed record Series(string Key, string Category, LocalizedText Name, LocalizedText? Unit, IReadOnlyList<(IndicatorReport Report, IndicatorEntry Entry)> Years);

    /// <summary>Every indicator the park reports, by catalog id (or a custom indicator's name), its reports ascending by year.</summary>
    private static IEnumerable<Series> SeriesOf(Site site, Park park)
    {
        var groups = new Dictionary<string, List<(IndicatorReport, IndicatorEntry)>>(StringComparer.Ordinal);
        foreach (var r in park.Indicators.OrderBy(r => r.Year))
            foreach (var e in r.Values)
            {
                var key = e.IsCustom ? "custom:" + (e.Name?.In(site.Config.DefaultLanguage, site.Config.DefaultLanguage).Text ?? "") : e.Indicator;
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add((r, e));
            }
        foreach (var (key, years) in groups)
        {
            var last = years[^1].Item2;
            if (last.IsCustom)
                yield return new Series(key, "custom", last.Name ?? LocalizedText.Of(site.Config.DefaultLanguage, key), last.Unit, years);
            else if (site.Catalog.Find(key) is { } c)
                yield return new Series(key, c.Category, c.Name, last.Unit ?? c.Unit, years);
        }
    }

    private static PageContent Build(PageContext ctx, Park park)
    {
        var site = ctx.Site;
        var series = SeriesOf(site, park).ToList();
        var order = site.Catalog.Indicators.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n, StringComparer.Ordinal);
        var categories = new List<IndicatorCategoryView>();
        var categoryIds = site.Catalog.Categories.Select(c => c.Id).Append("custom");
        var index = 0;
        foreach (var cid in categoryIds)
        {
            var rows = series.Where(s => s.Category == cid)
                .OrderBy(s => order.GetValueOrDefault(s.Key, int.MaxValue)).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => Row(ctx, s, ++index)).ToList();
            if (rows.Count == 0) continue;
            var title = cid == "custom" ? ctx.T("indicators_custom") : ctx.Text(site.Catalog.FindCategory(cid)!.Name).Text;
            categories.Add(new IndicatorCategoryView(cid, title, rows));
        }
        var reports = park.Indicators.OrderByDescending(r => r.Year)
            .Select(r => new IndicatorReportView(r.Year, ctx.T(r.Final ? "final" : "preliminary"), TextOrNull(ctx, r.Source))).ToList();
        var heading = ctx.T("category_indicators");
        return new PageContent("indicators", heading,
            new IndicatorsView(heading, ctx.T("indicators_intro"), reports, categories, ComplianceLegend(ctx), series.Count == 0 ? ctx.T("empty_column") : null)
            {
                HasRequirements = categories.Any(c => c.Rows.Any(r => r.Requirement is not null)),
            },
            [ctx.HomeCrumb(), ctx.ParkCrumb(park)]);
    }

    private static IndicatorRowView Row(PageContext ctx, Series s, int index)
    {
        var (report, latest) = s.Years[^1];
        var standard = latest.IsCustom ? null : ctx.Site.Catalog.Find(latest.Indicator);
        var name = Text(ctx, s.Name);
        var unit = ctx.TextOrNull(s.Unit);
        var anchor = "indicator-" + index.ToString(CultureInfo.InvariantCulture);
        // Values in another unit than the newest one are not comparable (ECO113 warns): the table names their unit and
        // the chart leaves them out.
        var lang = ctx.Site.Config.DefaultLanguage;
        var newestUnit = Checks.DisclosureChecks.UnitOf(latest, ctx.Site.Catalog, lang);
        string? OtherUnit(IndicatorEntry e) =>
            Checks.DisclosureChecks.UnitOf(e, ctx.Site.Catalog, lang) is var u && u != newestUnit ? ctx.TextOrNull(e.Unit) ?? u : null;
        var trend = s.Years.Select(y => new TrendRowView(y.Report.Year, y.Entry.Value is { } v ? Value(ctx, v) + (OtherUnit(y.Entry) is { } other ? " " + other : "") : "–",
            y.Entry.Target is { } t ? TargetText(ctx, t) : null, Status(ctx, ctx.Facts.Compliance(y.Entry)), ctx.T(y.Report.Final ? "final" : "preliminary"))).ToList();

        RawHtml? chart = null;
        var points = s.Years.Where(y => y.Entry.Value is not null && Checks.DisclosureChecks.UnitOf(y.Entry, ctx.Site.Catalog, lang) == newestUnit)
            .Select(y => new TrendPoint(y.Report.Year, y.Entry.Value!.Value.YesNo is { } yn ? (yn ? 1 : 0) : y.Entry.Value.Value.Number!.Value)).ToList();
        if (points.Count >= 2)
        {
            var yesNo = latest.Value?.IsYesNo == true ? new YesNoLabels(ctx.T("yes"), ctx.T("no")) : null;
            var target = latest.Target is { Threshold: { } th } tt && yesNo is null
                ? new TrendTarget((double)th, ctx.T("target") + " " + TargetText(ctx, tt))
                : null;
            var description = string.Join(ctx.T("list_separator"), trend.Where(t => points.Exists(p => p.Year == t.Year)).Select(t => ctx.Labeled(t.Year.ToString(CultureInfo.InvariantCulture), t.Value + (unit is null || yesNo is not null ? "" : " " + unit))));
            chart = new RawHtml(TrendChart.Render("trend-" + index.ToString(CultureInfo.InvariantCulture), points,
                string.Format(CultureInfo.InvariantCulture, ctx.T("trend_title"), name.Text), description,
                unit is null || yesNo is not null ? null : ctx.T("unit_label") + unit, target, yesNo));
        }
        return new IndicatorRowView(anchor, name, latest.Value is { } lv ? Value(ctx, lv) : "–", unit,
            latest.Target is { } target2 ? TargetText(ctx, target2) : null, Status(ctx, ctx.Facts.Compliance(latest)), report.Year,
            ctx.T(report.Final ? "final" : "preliminary"), TextOrNull(ctx, report.Source), chart,
            string.Format(CultureInfo.InvariantCulture, ctx.T("trend_table_caption"), name.Text), trend)
        {
            Requirement = standard?.Requirement is { } req ? TargetText(ctx, req) : null,
            Clause = standard?.Requirement is null ? null : standard.Clause,
            National = ctx.Facts.NationalCompliance(latest) is { } national ? Status(ctx, national) : null,
        };
    }
}
