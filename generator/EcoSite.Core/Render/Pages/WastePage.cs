using System.Globalization;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Svg;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// Category 4 (content-format.md section 9): each year's waste flows as a table and a Sankey diagram, totals per
/// material, the share that stays inside the park, and the park's exchange listings.
/// </summary>
internal static class WastePage
{
    public static IEnumerable<PageJob> Jobs(Site site) =>
        site.Parks.Select(park => new PageJob(Routes.List(park.Id, Routes.Sections.Waste), ctx => Build(ctx, park)));

    private static PageContent Build(PageContext ctx, Park park)
    {
        var matches = ctx.Facts.Matches;
        var years = ctx.Facts.Park(park.Id).WasteYears.Select(w => Year(ctx, park, w)).ToList();
        var listings = park.Listings.OrderBy(l => l.IsActiveOn(ctx.Config.Today) ? 0 : 1).ThenBy(l => l.Id, StringComparer.Ordinal)
            .Select(l => ListingRow(ctx, l, matches.Of(l).Count)).ToList();
        var heading = ctx.T("category_waste");
        return new PageContent("waste", heading,
            new WasteView(heading, ctx.T("waste_intro"), years, listings, years.Count == 0 && listings.Count == 0 ? ctx.T("empty_column") : null,
                ctx.T("no_listings"), ctx.Url(Routes.Exchange)),
            [ctx.HomeCrumb(), ctx.ParkCrumb(park)]);
    }

    public static TextView Party(PageContext ctx, Park park, FlowParty p) =>
        p.Enterprise is { } e ? EnterpriseName(ctx, park, e.Id)
        : p.ExternalName is { } n ? new TextView(ctx.Noted(ctx.Text(n).Text, ctx.T("external")), ctx.HtmlLang(ctx.Text(n).Lang))
        : Plain(ctx, "–");

    private static WasteYearView Year(PageContext ctx, Park park, WasteYearFacts facts)
    {
        var w = facts.Report;
        var year = w.Year.ToString(CultureInfo.InvariantCulture);
        var flows = w.Flows.Select(f => new FlowRowView(Party(ctx, park, f.From), Party(ctx, park, f.To), Text(ctx, f.Material), f.Code,
            HazardLabel(ctx, f.HazardousClass), Format.Number(f.Quantity, 4), f.Unit, TextOrNull(ctx, f.Use),
            ctx.T(f.StaysInPark ? "stays_in_park" : "crosses_park_boundary"))).ToList();

        var totalViews = facts.Totals.Select(t => new MaterialTotalView(Text(ctx, t.First.Material), Format.Number(t.Sum, 4), t.First.Unit, HazardLabel(ctx, t.First.HazardousClass))).ToList();

        var shares = facts.InPark.Select(s => string.Format(CultureInfo.InvariantCulture, ctx.T("in_park_share"),
            Format.Number(s.Percent, 1), Format.Number(s.Inside, 4), Format.Number(s.All, 4), s.Unit)).ToList();

        var unit = facts.MainUnit;
        var drawn = w.Flows.Where(f => f.Unit == unit).ToList();
        var sankeyFlows = drawn.Select(f => new SankeyFlow(Party(ctx, park, f.From).Text, Party(ctx, park, f.To).Text, ctx.Text(f.Material).Text, f.Quantity, f.Hazardous)).ToList();
        var text = drawn.Select(f => string.Format(CultureInfo.InvariantCulture, ctx.T("flow_sentence"),
            Party(ctx, park, f.From).Text, Party(ctx, park, f.To).Text, ctx.Text(f.Material).Text, Format.Number(f.Quantity, 4), f.Unit) is var s
            && f.HazardousClass is { } c ? ctx.Noted(s, HazardLabel(ctx, c)!) : s).ToList();
        var caption = string.Format(CultureInfo.InvariantCulture, ctx.T("sankey_title"), year);
        RawHtml? sankey = sankeyFlows.Count == 0 ? null : new RawHtml(SankeyDiagram.Render("sankey-" + year, sankeyFlows, caption,
            string.Join(ctx.T("list_separator"), text), unit!, ctx.T("hazardous"), ctx.Punctuation));
        return new WasteYearView(w.Year, string.Format(CultureInfo.InvariantCulture, ctx.T("flows_caption"), year), flows,
            string.Format(CultureInfo.InvariantCulture, ctx.T("totals_caption"), year), totalViews, shares, sankey, caption, text);
    }
}
