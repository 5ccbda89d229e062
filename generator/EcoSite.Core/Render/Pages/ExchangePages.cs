using System.Globalization;
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
        yield return new PageJob(Routes.Exchange, ExchangePage.Build);
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
        if (l.ContactPhone is { } phone) facts.Add(new(ctx.T("phone"), phone));
        if (l.ContactEmail is { } email) facts.Add(new(ctx.T("email"), email));
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

/// <summary>The platform's regional exchange page: every active listing of every park, grouped by material.</summary>
internal static class ExchangePage
{
    public static PageContent Build(PageContext ctx)
    {
        var matches = ctx.Facts.Matches;
        var today = ctx.Config.Today;
        var groups = matches.Groups
            .Select(g =>
            {
                var names = g.Select(l => ctx.Text(l.Material).Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var pairs = g.Sum(l => l.Kind == ListingKind.Supply ? matches.Of(l).Count : 0);
                return (Title: string.Join(" / ", names), Listings: g, Pairs: pairs);
            })
            .OrderByDescending(g => g.Pairs > 0).ThenBy(g => g.Title, StringComparer.Ordinal).ToList();
        var views = groups.Select((g, i) => new ExchangeGroupView("material-" + (i + 1).ToString(CultureInfo.InvariantCulture), g.Title,
            g.Listings.Where(l => l.Kind == ListingKind.Supply).Select(l => ListingRow(ctx, l, matches.Of(l).Count)).ToList(),
            g.Listings.Where(l => l.Kind == ListingKind.Demand).Select(l => ListingRow(ctx, l, matches.Of(l).Count)).ToList(),
            g.Pairs > 0 ? DisclosureViews.Count(ctx, "match_pairs", g.Pairs) : ctx.T("matches_none"),
            FederationViews.Rows(ctx, g.Listings))).ToList();
        var expired = matches.All.Where(l => !l.IsActiveOn(today)).Select(l => ListingRow(ctx, l, 0)).ToList();
        var heading = ctx.T("exchange_heading");
        return new PageContent("exchange", heading, new ExchangeView(heading, ctx.T("exchange_intro"), views, expired, ctx.T("no_listings")), [ctx.HomeCrumb()]);
    }
}
