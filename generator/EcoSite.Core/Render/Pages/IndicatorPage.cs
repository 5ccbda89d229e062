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
        var newestYear = park.Indicators.Count == 0 ? 0 : park.Indicators.Max(r => r.Year);
        foreach (var cid in categoryIds)
        {
            var inCategory = series.Where(s => s.Category == cid)
                .OrderBy(s => order.GetValueOrDefault(s.Key, int.MaxValue)).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
            var rows = inCategory.Select(s => Row(ctx, s, ++index)).ToList();
            if (rows.Count == 0) continue;
            var title = cid == "custom" ? ctx.T("indicators_custom") : ctx.Text(site.Catalog.FindCategory(cid)!.Name).Text;
            var (overview, caption) = Overview(ctx, cid, title, inCategory, newestYear);
            categories.Add(new IndicatorCategoryView(cid, title, rows) { Overview = overview, OverviewCaption = caption });
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

    /// <summary>
    /// The group's gap-to-target overview (issue 13 item 6): each indicator with a number and a comparison target in the
    /// park's newest year, as a percentage of its target. "At least" targets count value / target, "at most" targets
    /// target / value, so 100% is the target met either way; yes/no and "equal to" targets have no such ratio and
    /// are read in the table, as are ratios with a zero divisor.
    /// </summary>
    private static (RawHtml? Svg, string? Caption) Overview(PageContext ctx, string categoryId, string title, IReadOnlyList<Series> inCategory, int newestYear)
    {
        var bars = new List<TargetGapBar>();
        var described = new List<string>();
        foreach (var s in inCategory)
        {
            var (report, latest) = s.Years[^1];
            if (report.Year != newestYear || latest.Value?.Number is not { } value || latest.Target is not { Threshold: { } threshold } target)
                continue;
            var higherIsBetter = target.Operator switch
            {
                TargetOperator.AtLeast or TargetOperator.GreaterThan => true,
                TargetOperator.AtMost or TargetOperator.LessThan => false,
                _ => (bool?)null,
            };
            var (numerator, denominator) = higherIsBetter switch
            {
                true => (value, (double)threshold),
                false => ((double)threshold, value),
                null => (0d, 0d),
            };
            if (denominator <= 0 || numerator < 0)
                continue;
            var percent = numerator / denominator * 100;
            var unit = ctx.TextOrNull(s.Unit);
            string WithUnit(string number) => unit is null ? number : unit == "%" ? number + unit : number + " " + unit; // 33.8%, 40.1 万元/人
            var status = Status(ctx, ctx.Facts.Compliance(latest));
            bars.Add(new TargetGapBar(Text(ctx, s.Name).Text, Math.Min(percent, TargetGapChart.AxisMax),
                Format.Number(percent, 0) + "%",
                string.Format(CultureInfo.InvariantCulture, ctx.T("gap_detail"), WithUnit(Format.Number(value, 4)), WithUnit(TargetText(ctx, target))),
                status.Symbol + " " + status.Text, status.Key == "met"));
            described.Add(string.Format(CultureInfo.InvariantCulture, ctx.T("gap_described"), bars[^1].Label, bars[^1].Detail, bars[^1].PercentText, status.Text));
        }
        if (bars.Count == 0)
            return (null, null);
        var year = newestYear.ToString(CultureInfo.InvariantCulture);
        var description = string.Join(ctx.T("list_separator"), described);
        var svg = TargetGapChart.Render("gap-" + categoryId, bars, string.Format(CultureInfo.InvariantCulture, ctx.T("gap_title"), title, year),
            description, ctx.T("gap_target_line"), ctx.T("gap_axis"));
        return (new RawHtml(svg), string.Format(CultureInfo.InvariantCulture, ctx.T("gap_caption"), title, year));
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

        return new IndicatorRowView(anchor, name, latest.Value is { } lv ? Value(ctx, lv) : "–", unit,
            latest.Target is { } target2 ? TargetText(ctx, target2) : null, Status(ctx, ctx.Facts.Compliance(latest)), report.Year,
            ctx.T(report.Final ? "final" : "preliminary"), TextOrNull(ctx, report.Source),
            string.Format(CultureInfo.InvariantCulture, ctx.T("trend_table_caption"), name.Text), trend)
        {
            RowId = Routes.IndicatorRow(latest, ctx.Site.Config.DefaultLanguage),
            Requirement = standard?.Requirement is { } req ? TargetText(ctx, req) : null,
            Clause = standard?.Requirement is null ? null : standard.Clause,
            National = ctx.Facts.NationalCompliance(latest) is { } national ? Status(ctx, national) : null,
        };
    }
}
