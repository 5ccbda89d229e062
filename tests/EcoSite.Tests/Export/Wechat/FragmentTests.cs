using AngleSharp.Dom;
using EcoSite.Core.Export.Wechat;
using System.Text.Json;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Export.Wechat;

/// <summary>Every fragment is one inline-styled block the WeChat editor accepts, whatever the content holds.</summary>
public sealed class FragmentTests
{
    private static readonly string SampleExport = ExportSample();

    /// <summary>The sample content in both languages, with digests from the start of the year so every kind is written.</summary>
    private static string ExportSample()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ecosite-wechat-sample-" + Guid.NewGuid().ToString("N"));
        var result = Core.Export.Wechat.WechatExporter.Export(new WechatOptions(TestSite.SampleContent, dir,
            new Core.Content.BuildClock(null, () => DateTimeOffset.UnixEpoch), ["zh", "en"], new DateOnly(2026, 1, 1)));
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        return dir;
    }

    private static void AssertAcceptable(string exportDir)
    {
        var articles = WechatTestSite.Articles(exportDir).ToList();
        Assert.NotEmpty(articles);
        var failures = new List<string>();
        foreach (var a in articles)
        {
            var fragment = a.GetProperty("fragment").GetString()!;
            var body = WechatTestSite.ParseFragment(File.ReadAllText(Path.Combine(exportDir, fragment)));
            var folder = Path.Combine(exportDir, a.GetProperty("folder").GetString()!);
            failures.AddRange(FragmentPolicy.Violations(body, folder).Select(v => $"{fragment}: {v}"));
            // One block: a single <section> and nothing but white space beside it.
            if (body.Children.Length != 1 || body.Children[0].LocalName != "section"
                || body.ChildNodes.OfType<IText>().Any(t => !string.IsNullOrWhiteSpace(t.Data)))
                failures.Add($"{fragment}: not a single <section>");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_fragment_of_the_sample_holds_only_allowed_elements_and_attributes()
    {
        AssertAcceptable(SampleExport);
        var kinds = WechatTestSite.Articles(SampleExport).Select(a => a.GetProperty("kind").GetString()).Distinct().Order().ToList();
        Assert.Equal(["case", "news", "park-digest", "region-digest"], kinds);
    }

    [Fact]
    public void Hostile_raw_HTML_and_every_Markdown_construct_in_content_give_acceptable_fragments_that_keep_the_text()
    {
        const string body = """
            ---
            title: 危险的正文
            date: 2026-11-20
            ---
            正文第一段，含[外部链接](https://example.com/a?b=1&c=2)、<https://example.org/auto>、[邮件](mailto:hse@example.com)和[危险链接](javascript:alert(1))。

            <script>alert('x')</script><style>p{color:red}</style>
            <iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name="q" onfocus="alert(1)"><button>提交</button></form>
            <p class="lead" id="top" style="position:fixed;background:url(https://evil.example/x.png)" onclick="alert(1)">保留这段文字</p>
            <div onmouseover="alert(1)"><span class="x">行内文字</span><a href="javascript:alert(1)" target="_blank">假链接</a></div>
            <svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">矢量</a></svg><math><mi>x</mi></math>
            <object data="x.swf"></object><embed src="x.swf"><link rel="stylesheet" href="https://evil.example/a.css"><meta http-equiv="refresh" content="0">
            <img src="data:image/png;base64,AAAA" onerror="alert(1)"><img src="https://example.com/remote.png" alt="远程图片">
            <details open><summary>摘要标题</summary>折叠内容</details>
            <dl><dt>术语</dt><dd>解释</dd></dl>

            | 左 | 中 | 右 |
            |:---|:---:|---:|
            | a | b | c |

            - [x] 已完成
            - [ ] 未完成

            1. 第一
            2. 第二

            > 引用文字

            ```html
            <script>alert("code stays text")</script>
            ```

            脚注引用[^1]。行内`代码`、**粗体**、*斜体*、~~删除~~、H~2~O、x^2^。

            [^1]: 脚注内容。

            ---
            # 一级标题
            ###### 六级标题
            """;
        using var site = WechatTestSite.Create().With("parks/demo/news/2026-11-20-hostile.md", body);
        var result = site.Export();
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        AssertAcceptable(site.ExportDir());
        var html = File.ReadAllText(Path.Combine(site.ExportDir(), "zh/parks/demo/news/2026-11-20-hostile/article.html"));
        var text = WechatTestSite.ParseFragment(html).TextContent;
        foreach (var kept in new[] { "保留这段文字", "行内文字", "假链接", "摘要标题", "折叠内容", "术语", "解释", "已完成", "引用文字", "脚注内容", "六级标题",
                     "https://example.com/a?b=1&c=2", "https://example.org/auto", "hse@example.com", "远程图片", "https://example.com/remote.png",
                     "<script>alert(\"code stays text\")</script>" })
            Assert.Contains(kept, text);
        Assert.DoesNotContain("alert('x')", text);
        Assert.DoesNotContain("javascript:", text);
        Assert.DoesNotContain("p{color:red}", text);
    }

    /// <summary>Every element name HTML, SVG and MathML know, with the attributes attacks use, straight into the converter.</summary>
    [Fact]
    public void The_converter_writes_nothing_outside_the_allow_list_for_any_element_or_attribute_even_without_the_sanitizer()
    {
        string[] names =
        [
            "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br", "button",
            "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div",
            "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map",
            "mark", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
            "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source",
            "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
            "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr", "marquee", "blink", "font", "center", "frameset", "frame",
            "applet", "xmp", "plaintext", "listing", "image", "svg", "math", "foreignObject", "custom-element", "x-y",
        ];
        const string attributes = """ class="c" id="i" style="color:red;background:url(https://evil.example/)" onclick="alert(1)" onerror="alert(1)" href="javascript:alert(1)" src="javascript:alert(1)" srcset="https://evil.example/a.png 2x" formaction="https://evil.example/" xlink:href="javascript:alert(1)" target="_blank" data-x="1" lang="en" width="9999" colspan="2" start="3" """;
        var html = string.Concat(names.Select(n => $"<{n}{attributes}>文字{n}</{n}>"));
        var writer = new FragmentWriter();
        writer.Open("section", "");
        new BodyConverter(writer, new WechatLinks(new EcoSite.Core.Urls.Routes(["zh"], WechatTestSite.BaseUrl), "zh"), new WechatText("zh"), new ImageSet(new Dictionary<string, MediaFile>()), null).Convert(html);
        writer.Close("section");
        var body = WechatTestSite.ParseFragment(writer.ToString());
        var violations = FragmentPolicy.Violations(body);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
        Assert.Contains("文字p", body.TextContent);
        Assert.Contains("文字span", body.TextContent);
    }

    [Fact]
    public void A_body_image_from_media_is_copied_beside_the_fragment_and_is_the_cover()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        using var site = WechatTestSite.Create()
            .With("parks/demo/news/2026-11-20-map.md", "---\ntitle: 地图\ndate: 2026-11-20\n---\n见图。\n\n![园区地图](../media/maps/park%20map.png)\n\n![再次](../media/maps/park%20map.png)\n")
            .WithBytes("parks/demo/media/maps/park map.png", png);
        var result = site.Export();
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        var article = Assert.Single(WechatTestSite.Articles(site.ExportDir()), a => a.GetProperty("kind").GetString() == "news");
        var folder = article.GetProperty("folder").GetString()!;
        Assert.Equal($"{folder}/images/01-park map.png", article.GetProperty("cover").GetString());
        var image = Assert.Single(article.GetProperty("images").EnumerateArray());
        Assert.Equal("parks/demo/media/maps/park map.png", image.GetProperty("source").GetString());
        Assert.True(image.GetProperty("accepted_by_wechat").GetBoolean());
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(site.ExportDir(), folder, "images", "01-park map.png")));
        var html = File.ReadAllText(Path.Combine(site.ExportDir(), folder, "article.html"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "src=\"images/01-park%20map.png\"").Count);
    }

    [Fact]
    public void An_image_attachment_is_the_cover_when_the_body_has_no_image()
    {
        using var site = WechatTestSite.Create()
            .With("parks/demo/cases/heat.md", "---\ntitle: 余热\ndate: 2026-07-10\nattachments: [media/plan.pdf, media/photo.jpg]\n---\n正文。\n")
            .WithBytes("parks/demo/media/plan.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())
            .WithBytes("parks/demo/media/photo.jpg", [0xFF, 0xD8, 0xFF, 0xD9]);
        var result = site.Export();
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        var article = Assert.Single(WechatTestSite.Articles(site.ExportDir()), a => a.GetProperty("kind").GetString() == "case");
        Assert.EndsWith("/images/01-photo.jpg", article.GetProperty("cover").GetString());
        var html = File.ReadAllText(Path.Combine(site.ExportDir(), article.GetProperty("fragment").GetString()!));
        Assert.Contains("plan.pdf", html);
        Assert.Contains(WechatTestSite.BaseUrl + "parks/demo/media/plan.pdf", html);
    }

    [Fact]
    public void An_SVG_image_is_written_but_reported_at_its_place_in_the_source_as_one_WeChat_refuses()
    {
        using var site = WechatTestSite.Create()
            .With("parks/demo/news/2026-11-20-svg.md", "---\ntitle: 图\ndate: 2026-11-20\n---\n第一段。\n\n文字 ![网络](../media/net.svg)\n")
            .With("parks/demo/media/net.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var result = site.Export();
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        DiagnosticAssert.Has(result.Diagnostics, "ECO402", "parks/demo/news/2026-11-20-svg.md", 7, 4);
        var article = Assert.Single(WechatTestSite.Articles(site.ExportDir()), a => a.GetProperty("kind").GetString() == "news");
        Assert.Equal(JsonValueKind.Null, article.GetProperty("cover").ValueKind);
        Assert.False(Assert.Single(article.GetProperty("images").EnumerateArray()).GetProperty("accepted_by_wechat").GetBoolean());
    }
}
