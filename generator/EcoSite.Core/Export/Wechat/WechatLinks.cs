using EcoSite.Core.Content;
using EcoSite.Core.Model;
using EcoSite.Core.Render;
using EcoSite.Core.Render.Pages;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// Absolute addresses on the published site (site.yaml base_url) of the pages an article points to. Page ids come from
/// the page modules that write those pages, so a QR code always leads where the site put the page.
/// </summary>
internal sealed class WechatLinks(SiteConfig config, string lang)
{
    private readonly string _baseUrl = config.BaseUrl ?? throw new InvalidOperationException("the export checks base_url first");

    public string Article(Article a) => Page(ArticlePages.ItemId(a));

    public string Listing(Listing l) => Page(DisclosureViews.ListingId(l));

    public string ParkExchange(Park park) => Page(WastePage.Id(park));

    public string RegionExchange() => Page(ExchangePage.Id);

    /// <summary>A page in this language, by page id.</summary>
    public string Page(string pageId) => Ascii(UrlPath.Absolute(_baseUrl, UrlPath.ForLanguage(pageId, lang, config.DefaultLanguage)));

    /// <summary>A file shared by all languages (media, attachments), by site path.</summary>
    public string File(string sitePath) => Ascii(UrlPath.Absolute(_baseUrl, LinkResolver.EscapePath(sitePath)));

    /// <summary>
    /// A body link written with a marker (see <see cref="LinkResolver"/>) as an absolute address; other links as
    /// written. Null for in-page anchors, which mean nothing outside the page.
    /// </summary>
    public string? Resolve(string href)
    {
        if (href.Length == 0 || href[0] == '#') return null;
        if (href.StartsWith(LinkResolver.LangMarker, StringComparison.Ordinal))
            return Page(href[LinkResolver.LangMarker.Length..]);
        if (href.StartsWith(LinkResolver.RootMarker, StringComparison.Ordinal))
            return Ascii(UrlPath.Absolute(_baseUrl, href[LinkResolver.RootMarker.Length..]));
        return href;
    }

    /// <summary>
    /// The address as printed and put in QR codes: ASCII only (punycode host, percent-encoded path), which every
    /// scanner reads and no encoding question arises.
    /// </summary>
    private static string Ascii(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsoluteUri : url;
}
