using EcoSite.Core.Content;
using EcoSite.Core.Model;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// Absolute addresses on the published site (site.yaml base_url) of the pages an article points to. Page ids come from
/// <see cref="Routes"/>, the owner of the site's layout, so a QR code always leads where the site put the page.
/// </summary>
internal sealed class WechatLinks(Routes routes, string lang)
{
    private readonly Routes _routes = routes.BaseUrl is null ? throw new InvalidOperationException("the export checks base_url first") : routes;

    public string Article(Article a) => Page(Routes.Article(a));

    public string Listing(Listing l) => Page(Routes.Listing(l));

    public string ParkExchange(Park park) => Page(Routes.List(park.Id, Routes.Sections.Waste));

    public string RegionExchange() => Page(Routes.Exchange);

    /// <summary>A page in this language, by page id.</summary>
    public string Page(string pageId) => Ascii(_routes.Absolute(_routes.InLanguage(pageId, lang)));

    /// <summary>A file shared by all languages (media, attachments), by its content path.</summary>
    public string File(string sitePath) => Ascii(_routes.Absolute(Routes.Media(sitePath)));

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
            return Ascii(_routes.Absolute(href[LinkResolver.RootMarker.Length..]));
        return href;
    }

    /// <summary>
    /// The address as printed and put in QR codes: ASCII only (punycode host, percent-encoded path), which every
    /// scanner reads and no encoding question arises.
    /// </summary>
    private static string Ascii(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsoluteUri : url;
}
