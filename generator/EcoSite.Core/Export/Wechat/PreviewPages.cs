using System.Text;
using EcoSite.Core.Model;
using EcoSite.Core.Render;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// The pages an editor opens in a browser: each article's preview (the fragment alone in a page, in standards mode and
/// at a phone's width, to select and copy), and index.html, which lists every article with the title and digest to
/// type in and the files to upload. Neither is pasted into WeChat; only the fragment is.
/// </summary>
internal static class PreviewPages
{
    public static string Article(WechatArticle a) => $"""
        <!DOCTYPE html>
        <html lang="{Format.HtmlLang(a.Lang)}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Escape(a.Title)}</title>
        </head>
        <body style="margin:0 auto;max-width:677px;padding:16px;box-sizing:border-box;background:#ffffff;">
        {a.Fragment}</body>
        </html>

        """;

    public static string Index(Site site, IReadOnlyList<string> languages, DateOnly since, IReadOnlyList<WechatArticle> articles)
    {
        var first = new IndexText(languages[0]);
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="{{Format.HtmlLang(languages[0])}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Escape(first.Heading(site.Config.Title.In(languages[0], site.Config.DefaultLanguage).Text))}}</title>
            <style>
            body{font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;line-height:1.6;color:#222;max-width:1100px;margin:0 auto;padding:16px}
            table{border-collapse:collapse;width:100%;margin:0 0 24px}
            th,td{border:1px solid #bbb;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#eef5f0}
            a{color:#0b57d0}
            </style>
            </head>
            <body>
            <main>

            """);
        foreach (var lang in languages)
        {
            var t = new IndexText(lang);
            var siteTitle = site.Config.Title.In(lang, site.Config.DefaultLanguage).Text;
            html.Append($"<section lang=\"{Format.HtmlLang(lang)}\">\n");
            html.Append($"<h1>{Escape(t.Heading(siteTitle))}</h1>\n");
            html.Append($"<p>{Escape(t.Steps(Format.Iso(since), Format.Iso(site.Config.Today)))}</p>\n");
            html.Append($"<table>\n<thead><tr><th scope=\"col\">{t.Title}</th><th scope=\"col\">{t.Digest}</th><th scope=\"col\">{t.Kind}</th><th scope=\"col\">{t.Date}</th><th scope=\"col\">{t.Files}</th></tr></thead>\n<tbody>\n");
            foreach (var a in articles.Where(a => a.Lang == lang))
            {
                var files = new List<string> { Link($"{a.Folder}/{WechatArticle.QrName}", WechatArticle.QrName) };
                files.AddRange(a.Images.Select(i => Link($"{a.Folder}/{i.File}", i.File) + (i == a.Cover ? " " + t.Cover : "") + (i.Accepted ? "" : " " + t.Refused)));
                html.Append("<tr>")
                    .Append($"<td>{Link(a.PreviewPath, a.Title)}</td>")
                    .Append($"<td>{Escape(a.Digest)}</td>")
                    .Append($"<td>{t.KindName(a.Kind)}</td>")
                    .Append($"<td>{(a.Date is { } d ? Format.Iso(d) : "")}</td>")
                    .Append($"<td>{string.Join("<br>", files)}</td>")
                    .Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n</section>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Link(string path, string text) =>
        $"<a href=\"{Escape(BodyConverter.EscapeFileName(path))}\">{Escape(text)}</a>";

    public static string Escape(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private sealed class IndexText(string lang)
    {
        private bool Zh => lang == "zh";
        public string Heading(string site) => Zh ? $"{site}：微信公众号文章" : $"{site}: WeChat official-account articles";
        public string Steps(string since, string today) => Zh
            ? $"供需周报收录 {since} 至 {today} 发布的有效信息。发布一篇文章：打开“标题”列的预览页，全选（Ctrl+A）并复制（Ctrl+C），粘贴到公众号编辑器正文；把标题和摘要分别填入编辑器；在编辑器中上传“文件”列的图片（含二维码），替换粘贴后未显示的图片。"
            : $"The exchange digests list the active listings posted from {since} to {today}. To publish an article: open its preview from the Title column, select all (Ctrl+A) and copy (Ctrl+C), paste into the body of the official-account editor; type the title and digest into their fields; upload the images of the Files column (the QR code too) in place of any image that did not come through the paste.";
        public string Title => Zh ? "标题（预览）" : "Title (preview)";
        public string Digest => Zh ? "摘要" : "Digest";
        public string Kind => Zh ? "类型" : "Kind";
        public string Date => Zh ? "日期" : "Date";
        public string Files => Zh ? "需上传的文件" : "Files to upload";
        public string Cover => Zh ? "（封面）" : "(cover)";
        public string Refused => Zh ? "（公众号不接受此格式或大小，请换成 PNG 或 JPEG）" : "(WeChat refuses this format or size; use a PNG or JPEG)";
        public string KindName(WechatKind k) => (k, Zh) switch
        {
            (WechatKind.News, true) => "新闻",
            (WechatKind.News, false) => "News",
            (WechatKind.Case, true) => "经验案例",
            (WechatKind.Case, false) => "Case",
            (WechatKind.ParkDigest, true) => "园区供需周报",
            (WechatKind.ParkDigest, false) => "Park exchange digest",
            (_, true) => "区域供需周报",
            _ => "Regional exchange digest",
        };
    }
}
