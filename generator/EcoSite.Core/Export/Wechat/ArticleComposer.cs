using EcoSite.Core.Content;
using EcoSite.Core.Model;
using EcoSite.Core.Render;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Export.Wechat;

/// <summary>A news item or a case as a WeChat article: the body as the site renders it, facts, attachments and a QR code.</summary>
internal static class ArticleComposer
{
    public static string Folder(string lang, Article a) => $"{lang}/parks/{a.ParkId}/{Routes.Section(a.Section)}/{a.Slug}";

    public static WechatArticle Compose(ExportContext x, Park park, Article a, ArticleVersion v)
    {
        var ctx = x.Page;
        var w = new FragmentWriter();
        var images = new ImageSet(x.Media);
        w.Open("section", InlineStyles.Root);

        var meta = new List<string>();
        if (v.Date is { } d) meta.Add(ctx.Date(d));
        meta.Add(a.Section == Section.News ? ctx.T("kind_" + v.Kind.ToString().ToLowerInvariant()) : ctx.T("category_cases"));
        meta.Add(ctx.Text(park.Profile.Name).Text);
        w.Element("p", InlineStyles.Meta, string.Join(" · ", meta));

        if (v.Case is { } c) Facts(w, x, CaseFacts(ctx, park, c));
        new BodyConverter(w, x.Links, x.Text, images, src => x.RefusedImage(v.File, src)).Convert(v.BodyHtml);
        if (v.Attachments.Count > 0)
        {
            w.Open("section", InlineStyles.Facts);
            w.Element("p", InlineStyles.Fact + InlineStyles.Strong, ctx.T("attachments"));
            foreach (var file in v.Attachments)
            {
                w.Open("p", InlineStyles.Fact);
                w.Text(file.Name);
                w.Open("span", InlineStyles.Url);
                w.Text(x.Text.LinkAddress(x.Links.File(file.SitePath)));
                w.Close("span");
                w.Close("p");
            }
            w.Close("section");
        }
        var url = x.Links.Article(a);
        Footer(w, x, x.Text.Published(x.SiteTitle), url);
        w.Close("section");

        // The cover is the first image of the body WeChat accepts, else the first such image attached.
        var cover = images.Images.FirstOrDefault(i => i.Accepted);
        foreach (var file in v.Attachments)
        {
            if (cover is not null) break;
            if (ImageSet.Accepted(file.SitePath, file.Bytes)) cover = images.Add(file.SitePath);
        }
        var kind = a.Section == Section.News ? WechatKind.News : WechatKind.Case;
        return new WechatArticle(x.Lang, kind, park.Id, a.Slug, v.Date, Folder(x.Lang, a),
            Summary.CutCharacters(v.Title, WechatLimits.Title), Summary.CutCharacters(v.Summary, WechatLimits.Digest), url,
            w.ToString(), images.Images, cover, QrCode.Png(url), []);
    }

    private static IEnumerable<FactView> CaseFacts(PageContext ctx, Park park, CaseInfo c)
    {
        if (c.Enterprise is { } e) yield return new(ctx.T("enterprise"), DisclosureViews.EnterpriseName(ctx, park, e.Id).Text);
        if (c.Technology is { } t) yield return new(ctx.T("technology"), ctx.Text(t).Text);
        foreach (var f in ArticlePages.BenefitFacts(ctx, c.Benefits)) yield return f;
    }

    /// <summary>Label and value lines in a tinted box.</summary>
    public static void Facts(FragmentWriter w, ExportContext x, IEnumerable<FactView> facts)
    {
        var any = false;
        foreach (var f in facts)
        {
            if (!any) w.Open("section", InlineStyles.Facts);
            any = true;
            w.Open("p", InlineStyles.Fact);
            w.Element("strong", InlineStyles.Strong, f.Label + x.Text.Separator);
            w.Text(f.Value);
            w.Close("p");
        }
        if (any) w.Close("section");
    }

    /// <summary>Where the article is on the site: the address as text and as a QR code (an article may not link out).</summary>
    public static void Footer(FragmentWriter w, ExportContext x, string intro, string url)
    {
        w.Open("section", InlineStyles.Footer);
        w.Element("p", InlineStyles.FooterText, intro);
        w.Element("p", InlineStyles.FooterUrl, url);
        w.Void("img", InlineStyles.Qr, ("src", WechatArticle.QrName), ("alt", x.Text.QrAlt(url)));
        w.Element("p", InlineStyles.FooterHint, x.Text.QrHint);
        w.Close("section");
    }
}
