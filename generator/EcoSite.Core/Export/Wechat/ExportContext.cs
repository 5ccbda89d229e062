using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render;

namespace EcoSite.Core.Export.Wechat;

/// <summary>What every article of one language is composed with.</summary>
internal sealed record ExportContext(
    SiteFacts Facts,
    string Lang,
    PageContext Page,
    WechatLinks Links,
    WechatText Text,
    IReadOnlyDictionary<string, MediaFile> Media,
    Action<string, string> RefusedImage)
{
    public Site Site => Facts.Site;

    public string SiteTitle => Page.Text(Site.Config.Title).Text;
}
