using System.Globalization;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Svg;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>Completeness on the park page and on the platform's home (the regional portal), spec section 11.</summary>
internal static class CompletenessViews
{
    public static CompletenessView Park(PageContext ctx, Park park)
    {
        var score = ctx.Facts.Park(park.Id).Score;
        var parts = score.Parts.Select(p => new CompletenessPartView(p.Key, ctx.T("category_" + p.Key), Points(p.Points))).ToList();
        return new CompletenessView(Points(score.Total), ctx.FileUrl(ctx.Routes.Badge(park.Id, ctx.Lang)),
            ctx.Labeled(ctx.T("badge_label"), CompletenessFiles.Message(score.Total)), parts, score.Reasons.Select(r => r.Text(ctx.Lang, Words(ctx, park))).ToList());
    }

    private static ReasonWords Words(PageContext ctx, Park park) => new(
        iso => DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? ctx.Date(d) : iso,
        id => ctx.Site.Catalog.Find(id) is { } i ? ctx.Text(i.Name).Text : id,
        file => park.Polluters.FirstOrDefault(p => p.File == file) is { } p ? DisclosureViews.EnterpriseName(ctx, park, p.Enterprise.Id).Text : file);

    /// <summary>Null without parks: there is nothing to rank or average.</summary>
    public static PortalView? Portal(PageContext ctx)
    {
        var scores = ctx.Facts.Completeness;
        if (scores.Average is not { } average) return null;
        var parks = ctx.Site.Parks.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var titles = Completeness.Categories.Select(c => ctx.T("category_" + Completeness.Key(c))).ToList();
        var ranking = new List<RankingRowView>();
        var rank = 0;
        double? previous = null;
        foreach (var (s, i) in scores.Ranked.Select((s, i) => (s, i)))
        {
            // Equal scores (as shown) share a rank: 1, 2, 2, 4.
            var shown = Completeness.Round(s.Total);
            if (shown != previous) rank = i + 1;
            previous = shown;
            var name = ctx.Text(parks[s.ParkId].Profile.Name);
            ranking.Add(new RankingRowView(rank, name.Text, ctx.HtmlLang(name.Lang), ctx.Url(Routes.Park(s.ParkId)), Points(s.Total),
                s.Parts.Select(p => Points(p.Points)).ToList()));
        }

        var averages = Completeness.Categories.Select(c => (Title: titles[(int)c], Value: scores.CategoryAverage(c)!.Value, National: Completeness.NationalCategories2020[(int)c])).ToList();
        var chart = BarChart.Render("category-averages",
            averages.Select(a => new BarItem(a.Title, a.Value, null, a.National)).ToList(), Completeness.CategoryPoints,
            ctx.T("category_averages"),
            string.Format(CultureInfo.InvariantCulture, ctx.T("category_averages_desc"), scores.Parks.Count,
                string.Join(ctx.Lang == "zh" ? "；" : "; ", averages.Select(a => string.Format(CultureInfo.InvariantCulture, ctx.T("category_average_item"), a.Title, Points(a.Value), Points(a.National))))),
            " / 20", string.Format(CultureInfo.InvariantCulture, ctx.T("national_2020_legend"), Points(Completeness.NationalAverage2020)),
            referenceValueFormat: ctx.T("national_2020_value"));
        return new PortalView(Points(average), ctx.FileUrl(ctx.Routes.Badge(null, ctx.Lang)),
            ctx.Labeled(ctx.T("badge_label_site"), CompletenessFiles.Message(average)), titles, ranking, new RawHtml(chart),
            averages.Select(a => new CategoryAverageView(a.Title, Points(a.Value), Points(a.National))).ToList(),
            Points(Completeness.NationalAverage2020),
            string.Format(CultureInfo.InvariantCulture, ctx.T("national_note"), Points(Completeness.NationalAverage2020)));
    }

    private static string Points(double v) => Completeness.Round(v).ToString("0.0", CultureInfo.InvariantCulture);
}
