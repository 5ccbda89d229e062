using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// Rows for other platforms' listings that match this site's (site.yaml 'federation'), on the listing pages and the
/// regional exchange page: each links to the listing's page on its own platform by absolute URL (Routes) and names
/// the platform, so a visitor always sees that the listing is not this site's.
/// </summary>
internal static class FederationViews
{
    public static ForeignListingView Row(PageContext ctx, ForeignMatch m)
    {
        var (platform, l) = (m.Platform, m.Listing);
        var park = platform.ParkNames.TryGetValue(l.ParkId, out var name) ? Text(ctx, name) : Plain(ctx, l.ParkId);
        var quantity = l.Quantity is { } q ? Format.Number(q, 4) + (l.Unit is { } u ? " " + u : "") + (l.Frequency is { } f ? " · " + ctx.T("frequency_" + f) : "") : null;
        var valid = Format.Date(l.Posted, ctx.Lang) + " – " + (l.ValidUntil is { } v ? ctx.Date(v) : ctx.T("open_ended"));
        return new ForeignListingView(Routes.ForeignListing(platform, l, ctx.Lang), Text(ctx, platform.Entry.Name), park, Text(ctx, l.Material),
            ctx.T(l.Kind == ListingKind.Supply ? "supply" : "demand"), l.Code, HazardLabel(ctx, l.HazardousClass), quantity, valid);
    }

    /// <summary>The other platforms' listings matching any of <paramref name="listings"/>, each once, by platform then id.</summary>
    public static IReadOnlyList<ForeignListingView> Rows(PageContext ctx, IEnumerable<Listing> listings)
    {
        var order = ctx.Facts.Imports.Platforms.Select((p, i) => (p.Entry.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return listings.SelectMany(ctx.Facts.Matches.Foreign)
            .DistinctBy(m => (m.Platform.Entry.Id, m.Listing.SiteId))
            .OrderBy(m => order[m.Platform.Entry.Id]).ThenBy(m => m.Listing.SiteId, StringComparer.Ordinal)
            .Select(m => Row(ctx, m)).ToList();
    }
}
