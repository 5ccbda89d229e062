using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace EcoSite.Tests.Export.Wechat;

/// <summary>The QR code image an editor uploads decodes to the absolute address of the page the site built for the article.</summary>
public sealed class QrCodeTests
{
    /// <summary>Decodes a PNG as a phone would: pixels (StbImageSharp) to a QR reader (ZXing.Net).</summary>
    public static string Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }

    [Fact]
    public void Every_QR_code_decodes_to_its_article_address_which_is_a_page_of_the_built_site_showing_that_article()
    {
        using var site = WechatTestSite.Create()
            .With("parks/demo/news/2026-11-20-meeting.md", "---\ntitle: 园区召开共生会议\ndate: 2026-11-20\n---\n正文。\n")
            .With("parks/demo/news/2026-11-20-meeting.en.md", "---\ntitle: Symbiosis meeting\ndate: 2026-11-20\n---\nText.\n")
            .With("parks/demo/cases/slag.md", "---\ntitle: 矿渣利用\ndate: 2026-07-10\n---\n正文。\n")
            .With("parks/demo/exchange/ash-supply.yaml", WechatTestSite.Listing("supply", "粉煤灰", "2026-11-25", "2027-05-01"));
        var build = site.Build();
        Assert.True(build.Success, string.Join("\n", build.Diagnostics));
        var result = site.Export(["zh", "en"]);
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));

        var articles = WechatTestSite.Articles(site.ExportDir()).ToList();
        // The case has no English version: an English column does not publish it.
        Assert.Equal(["region-digest", "park-digest", "news", "case", "region-digest", "park-digest", "news"],
            articles.Select(a => a.GetProperty("kind").GetString()));
        var skipped = Assert.Single(WechatTestSite.Manifest(site.ExportDir()).GetProperty("skipped").EnumerateArray());
        Assert.Equal(("en", "case", "slag", "untranslated"), (skipped.GetProperty("lang").GetString(), skipped.GetProperty("kind").GetString(),
            skipped.GetProperty("slug").GetString(), skipped.GetProperty("reason").GetString()));
        foreach (var a in articles)
        {
            var url = a.GetProperty("url").GetString()!;
            var decoded = Decode(File.ReadAllBytes(Path.Combine(site.ExportDir(), a.GetProperty("qr_code").GetString()!)));
            Assert.Equal(url, decoded);
            Assert.StartsWith(WechatTestSite.BaseUrl, decoded);
            // The address names a page the build wrote (a folder address serves its index.html).
            var path = decoded[WechatTestSite.BaseUrl.Length..];
            if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
            Assert.True(site.Exists(path), $"{decoded} is not a page of the built site");
            var lang = a.GetProperty("lang").GetString();
            Assert.Equal(lang == "en", path.StartsWith("en/", StringComparison.Ordinal));
            if (a.GetProperty("kind").GetString() is "news" or "case")
                Assert.Contains($"<title>{a.GetProperty("title").GetString()}", site.Read(path));
            // The fragment prints the same address and shows the QR image beside it.
            var html = File.ReadAllText(Path.Combine(site.ExportDir(), a.GetProperty("fragment").GetString()!));
            Assert.Contains(">" + url + "<", html);
            Assert.Contains("src=\"images/qr-code.png\"", html);
        }
        Assert.Equal(WechatTestSite.BaseUrl + "exchange/", articles[0].GetProperty("url").GetString());
        Assert.Equal(WechatTestSite.BaseUrl + "en/exchange/", articles[4].GetProperty("url").GetString());
    }

    [Fact]
    public void A_base_url_with_Chinese_in_its_path_is_encoded_as_ASCII_in_the_QR_code()
    {
        using var site = WechatTestSite.Create()
            .With("site.yaml", TestSite.SiteYaml + "\nbase_url: https://www.example.gov.cn/生态/\n")
            .With("parks/demo/news/2026-11-20-a.md", "---\ntitle: 新闻\ndate: 2026-11-20\n---\n正文。\n");
        var result = site.Export();
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        var article = Assert.Single(WechatTestSite.Articles(site.ExportDir()));
        var decoded = Decode(File.ReadAllBytes(Path.Combine(site.ExportDir(), article.GetProperty("qr_code").GetString()!)));
        Assert.Equal("https://www.example.gov.cn/%E7%94%9F%E6%80%81/parks/demo/news/2026-11-20-a.html", decoded);
    }
}
