using System.Globalization;
using EcoSite.Core.Content;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// The resource exchange (content-format.md section 9): a page per listing with its matches across parks, and the
/// regional exchange page of all active listings grouped by material, supply beside demand.
/// </summary>
internal static class ExchangePages
{
    public static IEnumerable<PageJob> Jobs(Site site)
    {
        yield return new PageJob(Routes.Exchange, ctx => ExchangePage.Build(ctx, null));
        foreach (var filter in ExchangePage.Filters(site))
            yield return new PageJob(filter.PageId, ctx => ExchangePage.Build(ctx, filter));
        foreach (var park in site.Parks)
            foreach (var l in park.Listings)
                yield return new PageJob(Routes.Listing(l), ctx => Listing(ctx, park, l), l.File);
    }

    private static PageContent Listing(PageContext ctx, Park park, Listing l)
    {
        var matches = ctx.Facts.Matches;
        var material = ctx.Text(l.Material);
        var kind = ctx.T(l.Kind == ListingKind.Supply ? "supply" : "demand");
        var title = ctx.Labeled(kind, material.Text);
        var facts = new List<FactView>
        {
            new(ctx.T("listing_kind"), kind),
            new(ctx.T("listing_category"), ctx.T("listing_category_" + l.Category.Replace('-', '_'))),
            new(ctx.T("material"), material.Text, ctx.HtmlLang(material.Lang)),
        };
        if (l.Code is { } code) facts.Add(new(ctx.T("waste_code"), code + (HazardLabel(ctx, l.HazardousClass) is { } h ? " · " + h : "")));
        var enterprise = EnterpriseName(ctx, park, l.Enterprise.Id);
        facts.Add(new(ctx.T("enterprise"), enterprise.Text, enterprise.HtmlLang));
        if (l.Quantity is { } q) facts.Add(new(ctx.T("quantity"), Format.Number(q, 4) + (l.Unit is { } u ? " " + u : "")));
        if (l.Frequency is { } f) facts.Add(new(ctx.T("frequency"), ctx.T("frequency_" + f)));
        facts.Add(new(ctx.T("posted"), ctx.Date(l.Posted)));
        facts.Add(new(ctx.T("valid_until"), l.ValidUntil is { } v ? ctx.Date(v) : ctx.T("open_ended")));
        if (l.ContactName is { } cn) facts.Add(new(ctx.T("contact"), ctx.Text(cn).Text, ctx.HtmlLang(ctx.Text(cn).Lang)));
        if (l.ContactPhone is { } phone) facts.Add(new(ctx.T("phone"), phone, Href: UrlPolicy.Tel(phone)));
        if (l.ContactEmail is { } email) facts.Add(new(ctx.T("email"), email, Href: UrlPolicy.Mailto(email)));
        var status = ListingStatus(ctx, l);
        var rows = matches.Of(l).Select(m => ListingRow(ctx, m, matches.Of(m).Count)).ToList();
        var foreign = matches.Foreign(l).Select(m => FederationViews.Row(ctx, m)).ToList();
        var found = rows.Count + foreign.Count;
        var note = !l.IsActiveOn(ctx.Config.Today) ? ctx.T("matches_inactive") : found == 0 ? ctx.T("matches_none") : DisclosureViews.Count(ctx, "matches_count", found);
        return new PageContent("listing", title,
            new ListingView(title, ctx.HtmlLang(material.Lang), status, facts, rows, note, ctx.Url(Routes.Exchange), ctx.Url(Routes.List(park.Id, Routes.Sections.Waste)), foreign),
            [ctx.HomeCrumb(), ctx.ParkCrumb(park), new(ctx.T("category_waste"), ctx.Url(Routes.List(park.Id, Routes.Sections.Waste)))]);
    }
}

/// <summary>One way to narrow the exchange (a park, a kind, a hazardous-waste class): its page, its name and the listings it keeps.</summary>
internal sealed record ExchangeFilter(string Facet, string PageId, Func<PageContext, TextView> Label, Func<Listing, bool> Keeps);

/// <summary>
/// The platform's regional exchange page: every active listing of every park, grouped by material, with an index of
/// the materials and links to the same page narrowed to one park, kind or hazardous class. Those narrowed pages are
/// generated (<see cref="Filters"/>), so filtering works without JavaScript (issue 13) and from disk.
/// </summary>
internal static class ExchangePage
{
    private static readonly string[] Facets = ["park", "kind", "class"];

    /// <summary>The narrowed pages: each park with listings, both kinds, each hazardous class listed; none without listings.</summary>
    public static IEnumerable<ExchangeFilter> Filters(Site site)
    {
        var listings = site.Parks.SelectMany(p => p.Listings).ToList();
        if (listings.Count == 0) yield break;
        foreach (var park in site.Parks.Where(p => p.Listings.Count > 0))
            yield return new ExchangeFilter("park", Routes.ExchangeByPark(park.Id), ctx => Text(ctx, park.Profile.Name), l => l.ParkId == park.Id);
        foreach (var kind in new[] { ListingKind.Supply, ListingKind.Demand })
            yield return new ExchangeFilter("kind", Routes.ExchangeByKind(kind), ctx => Plain(ctx, ctx.T(kind == ListingKind.Supply ? "supply" : "demand")), l => l.Kind == kind);
        foreach (var c in listings.Select(l => l.HazardousClass).OfType<int>().Distinct().Order())
            yield return new ExchangeFilter("class", Routes.ExchangeByClass(c), ctx => Plain(ctx, HazardLabel(ctx, c)!), l => l.HazardousClass == c);
    }

    public static PageContent Build(PageContext ctx, ExchangeFilter? filter)
    {
        var matches = ctx.Facts.Matches;
        var today = ctx.Config.Today;
        var keeps = filter?.Keeps ?? (_ => true);
        var filters = Filters(ctx.Site).ToList();
        // Each listing names the filter pages that keep it, so exchange.js filters exactly as those pages do.
        ListingRowView Row(Listing l, int count) =>
            ListingRow(ctx, l, count) with { Filters = string.Join(' ', filters.Where(f => f.Keeps(l)).Select(f => f.PageId)) };
        var groups = matches.Groups
            .Select(g => g.Where(keeps).ToList())
            .Where(g => g.Count > 0)
            .Select(g =>
            {
                var names = g.Select(l => ctx.Text(l.Material).Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                // Pairs with at least one side shown: each kept supply's matches, and kept demands' matches with a supply not shown.
                var pairs = g.Sum(l => l.Kind == ListingKind.Supply ? matches.Of(l).Count : matches.Of(l).Count(m => !keeps(m)));
                return (Title: string.Join(" / ", names), Listings: g, Pairs: pairs);
            })
            .OrderByDescending(g => g.Pairs > 0).ThenBy(g => g.Title, StringComparer.Ordinal).ToList();
        var views = groups.Select((g, i) => new ExchangeGroupView("material-" + (i + 1).ToString(CultureInfo.InvariantCulture), g.Title,
            g.Listings.Where(l => l.Kind == ListingKind.Supply).Select(l => Row(l, matches.Of(l).Count)).ToList(),
            g.Listings.Where(l => l.Kind == ListingKind.Demand).Select(l => Row(l, matches.Of(l).Count)).ToList(),
            g.Pairs > 0 ? DisclosureViews.Count(ctx, "match_pairs", g.Pairs) : ctx.T("matches_none"),
            FederationViews.Rows(ctx, g.Listings))).ToList();
        var expired = matches.All.Where(l => !l.IsActiveOn(today) && keeps(l)).Select(l => Row(l, 0)).ToList();
        var materials = views.Select(v => new LinkView(v.Title, "#" + v.Anchor)).ToList();
        var facets = Facets.Where(f => filters.Any(x => x.Facet == f)).Select(f => new ExchangeFacetView(ctx.T("exchange_by_" + f),
            [new ExchangeFilterLinkView(ctx.T("exchange_all"), null, ctx.Url(Routes.Exchange), filter is null ? "page" : null, null),
             .. filters.Where(x => x.Facet == f).Select(x =>
             {
                 var label = x.Label(ctx);
                 return new ExchangeFilterLinkView(label.Text, label.HtmlLang, ctx.Url(x.PageId), x.PageId == filter?.PageId ? "page" : null, x.PageId);
             })])).ToList();
        var heading = ctx.T("exchange_heading");
        var shown = filter?.Label(ctx);
        var view = new ExchangeView(shown is null ? heading : heading + ctx.T("colon") + shown.Text, shown is null ? null : heading + ctx.T("colon"), shown,
            shown is null ? ctx.T("exchange_intro") : ctx.T("exchange_filtered_intro"), views, expired, ctx.T(shown is null ? "no_listings" : "exchange_filtered_none"),
            materials, facets)
        {
            Script = shown is null && facets.Count > 0
                ? new ExchangeScriptView(ctx.FileUrl(Routes.Asset("exchange.js")), ctx.T("exchange_live"), ctx.T("exchange_live_text"), ctx.T("exchange_live_count"))
                : null,
        };
        return new PageContent("exchange", view.Heading, view, shown is null ? [ctx.HomeCrumb()] : [ctx.HomeCrumb(), new(heading, ctx.Url(Routes.Exchange))]);
    }
}
