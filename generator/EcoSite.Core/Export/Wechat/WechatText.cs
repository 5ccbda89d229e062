using System.Globalization;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// The export's own words in each language EcoSite supports. Words the site already shows (supply, demand, field
/// labels, news kinds) come from the theme's interface strings instead, so an article reads like the site.
/// </summary>
internal sealed class WechatText(string lang)
{
    private bool Zh => lang == "zh";

    public string Separator => Zh ? "：" : ": ";

    /// <summary>"（https://…）" after the text of a link.</summary>
    public string LinkAddress(string url) => Zh ? $"（{url}）" : $" ({url})";

    public string OpenQuote => "“";
    public string CloseQuote => "”";

    public string Published(string site) => Zh ? $"本文原载于“{site}”，网页版（含附件和更多公开信息）：" : $"First published on {site}. The web page, with attachments and more disclosures:";

    public string DigestFooter(string site) => Zh ? $"全部有效供需信息及匹配结果见“{site}”：" : $"All active listings and their matches on {site}:";

    public string QrAlt(string url) => Zh ? $"二维码：{url}" : $"QR code: {url}";

    public string QrHint => Zh ? "长按识别二维码打开网页" : "Press and hold the QR code to open the page";

    public string ImageFallback(string alt) => Zh ? $"图片：{alt}" : $"Image: {alt}";

    public string Region => Zh ? "各园区" : "the parks";

    public string DateRange(DateOnly from, DateOnly to)
    {
        if (Zh)
            return from.Year == to.Year ? $"{from.Year}年{from.Month}月{from.Day}日—{to.Month}月{to.Day}日" : $"{Render.Format.Date(from, lang)}—{Render.Format.Date(to, lang)}";
        return $"{Render.Format.Date(from, lang)} – {Render.Format.Date(to, lang)}";
    }

    public string DigestTitle(string scope, string range) => Zh ? $"{scope}资源供需信息（{range}）" : $"{scope}: new resource exchange listings, {range}";

    public string DigestIntro(string range, string scope, int supply, int demand) => Zh
        ? $"{range}，{scope}新发布有效的资源供需信息 {supply + demand} 条，其中供应 {supply} 条、需求 {demand} 条。有意向的单位可按联系方式直接联系，或扫描文末二维码查看全部有效信息和匹配结果。"
        : $"From {range}, {scope} posted {Count(supply + demand, "active listing", "active listings")}: {supply} supply and {demand} demand. Contact the posting enterprise directly, or scan the QR code at the end for every active listing and its matches.";

    public string DigestSummary(int supply, int demand, IEnumerable<string> materials) => Zh
        ? $"新增供应 {supply} 条、需求 {demand} 条：{string.Join("、", materials)}。"
        : $"New: {supply} supply and {demand} demand listings. {string.Join(", ", materials)}.";

    public string Matches(int n) => Zh ? $"可匹配（{n} 条）" : $"Matches ({n.ToString(CultureInfo.InvariantCulture)})";

    public string Address => Zh ? "网址" : "Web page";

    public string Listings(int n) => Zh ? $"{n} 条" : n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";
}
