using EcoSite.Core.Checks;
using EcoSite.Core.Content;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Render.Views;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// The weekly exchange digest (content-format.md section 9): the active listings posted since a day, for one park or
/// for the region, supply before demand, each with its contact and its matches across the parks of the site.
/// </summary>
internal static class DigestComposer
{
    public static string ParkFolder(string lang, Park park) => $"{lang}/parks/{park.Id}/exchange-digest";

    public static string RegionFolder(string lang) => $"{lang}/exchange-digest";

    /// <summary>Listings of <paramref name="listings"/> that are active today and were posted on or after <paramref name="since"/>.</summary>
    public static IReadOnlyList<Listing> NewSince(IEnumerable<Listing> listings, DateOnly since, DateOnly today) =>
        listings.Where(l => l.Posted >= since && l.IsActiveOn(today))
            .OrderBy(l => l.Kind).ThenByDescending(l => l.Posted).ThenBy(l => l.SiteId, StringComparer.Ordinal)
            .ToList();

    public static WechatArticle Park(ExportContext x, Park park, IReadOnlyList<Listing> listings, DateOnly since) =>
        Compose(x, WechatKind.ParkDigest, park, x.Page.Text(park.Profile.Name).Text, ParkFolder(x.Lang, park), listings, since, x.Links.ParkExchange(park));

    public static WechatArticle Region(ExportContext x, IReadOnlyList<Listing> listings, DateOnly since) =>
        Compose(x, WechatKind.RegionDigest, null, x.SiteTitle, RegionFolder(x.Lang), listings, since, x.Links.RegionExchange());

    private static WechatArticle Compose(ExportContext x, WechatKind kind, Park? park, string scope, string folder,
        IReadOnlyList<Listing> listings, DateOnly since, string url)
    {
        var ctx = x.Page;
        var today = x.Site.Config.Today;
        var range = x.Text.DateRange(since, today);
        var supply = listings.Count(l => l.Kind == ListingKind.Supply);
        var demand = listings.Count - supply;
        var matches = x.Facts.Matches;

        var w = new FragmentWriter();
        w.Open("section", InlineStyles.Root);
        w.Element("p", InlineStyles.Meta, range + " · " + scope);
        w.Element("p", InlineStyles.P, x.Text.DigestIntro(range, park is null ? x.Text.Region : scope, supply, demand));
        foreach (var group in listings.GroupBy(l => l.Kind))
        {
            var heading = ctx.T(group.Key == ListingKind.Supply ? "supply" : "demand");
            w.Element("h2", InlineStyles.H2, $"{heading}{x.Text.Separator}{x.Text.Listings(group.Count())}");
            foreach (var l in group) Card(w, x, l, matches.Of(l), showPark: park is null);
        }
        ArticleComposer.Footer(w, x, x.Text.DigestFooter(x.SiteTitle), url);
        w.Close("section");

        var materials = listings.Select(l => ctx.Text(l.Material).Text.Trim()).Distinct(StringComparer.Ordinal);
        return new WechatArticle(x.Lang, kind, park?.Id, null, today, folder,
            Summary.CutCharacters(x.Text.DigestTitle(scope, range), WechatLimits.Title),
            Summary.CutCharacters(x.Text.DigestSummary(supply, demand, materials), WechatLimits.Digest),
            url, w.ToString(), [], null, QrCode.Png(url), listings.Select(l => l.SiteId).ToList());
    }

    private static void Card(FragmentWriter w, ExportContext x, Listing l, IReadOnlyList<Listing> matches, bool showPark)
    {
        var ctx = x.Page;
        var park = x.Site.Parks.First(p => p.Id == l.ParkId);
        w.Open("section", InlineStyles.Card);
        var title = ctx.Text(l.Material).Text + (l.Code is { } code ? " · " + code + (HazardLabel(ctx, l.HazardousClass) is { } h ? " " + h : "") : "");
        w.Element("p", InlineStyles.CardTitle, title);

        var facts = new List<FactView>
        {
            new(ctx.T("listing_category"), ctx.T("listing_category_" + l.Category.Replace('-', '_'))),
            new(ctx.T("enterprise"), EnterpriseName(ctx, park, l.Enterprise.Id).Text),
        };
        if (showPark) facts.Add(new(ctx.T("park"), ctx.Text(park.Profile.Name).Text));
        if (l.Quantity is { } q)
            facts.Add(new(ctx.T("quantity"), Render.Format.Number(q, 4) + (l.Unit is { } u ? " " + u : "") + (l.Frequency is { } f ? " · " + ctx.T("frequency_" + f) : "")));
        facts.Add(new(ctx.T("posted"), ctx.Date(l.Posted)));
        facts.Add(new(ctx.T("valid_until"), l.ValidUntil is { } v ? ctx.Date(v) : ctx.T("open_ended")));
        var contact = string.Join(" ", new[] { ctx.TextOrNull(l.ContactName), l.ContactPhone, l.ContactEmail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (contact.Length > 0) facts.Add(new(ctx.T("contact"), contact));
        if (matches.Count > 0)
        {
            var with = matches.Select(m => x.Site.Parks.First(p => p.Id == m.ParkId) is var other
                ? $"{ctx.Text(other.Profile.Name).Text} · {EnterpriseName(ctx, other, m.Enterprise.Id).Text}" : "");
            facts.Add(new(x.Text.Matches(matches.Count), string.Join(ctx.T("list_separator"), with)));
        }

        w.Open("p", InlineStyles.CardText);
        for (var i = 0; i < facts.Count; i++)
        {
            if (i > 0) w.Void("br", "");
            w.Text(facts[i].Label + x.Text.Separator + facts[i].Value);
        }
        w.Void("br", "");
        w.Text(x.Text.Address + x.Text.Separator);
        w.Open("span", InlineStyles.Url);
        w.Text(x.Links.Listing(l));
        w.Close("span");
        w.Close("p");
        w.Close("section");
    }
}
