using System.Globalization;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>
/// The header navigation of every page: the platform's columns (首页, 区域资源交换, 开放数据, 站内搜索), and on a park's
/// pages that park's five HJ 274-2015 categories. Plain links, so it works without JavaScript and wraps on a phone
/// (政府网站发展指引, 2017: a column's navigation is on every page of it).
/// </summary>
internal static class Navigation
{
    public static IReadOnlyList<NavLinkView> Main(PageContext ctx) =>
    [
        Link(ctx, ctx.T("home"), Routes.Home, ctx.PageId == Routes.Home),
        Link(ctx, ctx.T("exchange_heading"), Routes.Exchange, ctx.PageId.StartsWith("exchange/", StringComparison.Ordinal)),
        Link(ctx, ctx.T("open_data"), Routes.Data, ctx.PageId.StartsWith("data/", StringComparison.Ordinal)),
        Link(ctx, ctx.T("search"), Routes.Search, ctx.PageId.StartsWith("search/", StringComparison.Ordinal)),
    ];

    /// <summary>The park column the page belongs to, with its categories; null outside a park.</summary>
    public static ParkNavView? Park(PageContext ctx)
    {
        if (Routes.ParkOf(ctx.PageId) is not { } parkId || ctx.Site.Parks.FirstOrDefault(p => p.Id == parkId) is not { } park) return null;
        var name = ctx.Text(park.Profile.Name);
        var sections = new (string Key, string Section)[]
        {
            ("category_news", Routes.Sections.News), ("category_indicators", Routes.Sections.Indicators),
            ("category_cases", Routes.Sections.Cases), ("category_waste", Routes.Sections.Waste),
            ("category_polluters", Routes.Sections.Polluters),
        };
        var links = sections.Select(s =>
        {
            var prefix = $"parks/{parkId}/{s.Section}/";
            return Link(ctx, ctx.T(s.Key), Routes.List(parkId, s.Section), ctx.PageId.StartsWith(prefix, StringComparison.Ordinal));
        }).ToList();
        return new ParkNavView(
            string.Format(CultureInfo.InvariantCulture, ctx.T("park_nav"), name.Text),
            Link(ctx, name.Text, Routes.Park(parkId), ctx.PageId == Routes.Park(parkId)), Format.HtmlLang(name.Lang), links);
    }

    /// <summary>
    /// The site's government identification for the footer, where site.yaml gives it (content-format.md v2 section 5;
    /// 政府网站发展指引, 2017: 主办单位, 承办单位, 网站标识码, ICP 备案号 and 公安机关备案号 at the foot of every page).
    /// </summary>
    public static IReadOnlyList<FactView> Government(PageContext ctx)
    {
        var cfg = ctx.Config;
        var facts = new List<FactView>();
        void Add(string key, LocalizedText? text)
        {
            if (text is null) return;
            var t = ctx.Text(text);
            facts.Add(new(ctx.T(key), t.Text, ctx.HtmlLang(t.Lang)));
        }
        Add("organizer", cfg.Organizer);
        Add("operator", cfg.Operator);
        if (cfg.SiteCode is { } code) facts.Add(new(ctx.T("site_code"), code));
        if (cfg.Icp is { } icp) facts.Add(new(ctx.T("icp"), icp));
        if (cfg.PoliceRecord is { } police) facts.Add(new(ctx.T("police_record"), police));
        return facts;
    }

    private static NavLinkView Link(PageContext ctx, string label, string pageId, bool current) =>
        new(label, ctx.Url(pageId), current ? (ctx.PageId == pageId ? "page" : "true") : null);
}
