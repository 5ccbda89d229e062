using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EcoSite.Core.Content;
using EcoSite.Core.Export.Wechat;

namespace EcoSite.Tests.Export.Wechat;

/// <summary>Exports of inline test sites, and what the tests read back from them.</summary>
internal static class WechatTestSite
{
    public const string BaseUrl = "https://www.example.gov.cn/sthj/stgy/";

    public const string SiteYaml = TestSite.SiteYaml + "\nbase_url: " + BaseUrl + "\n";

    public const string Enterprises = """
        enterprises:
          - id: demo-steel
            name: {zh: 示例钢铁有限公司, en: Demo Steel Co.}
          - id: demo-cement
            name: {zh: 示例建材有限公司, en: Demo Cement Co.}
        """;

    /// <summary>A test site with base_url and two enterprises.</summary>
    public static TestSite Create() => new TestSite().With("site.yaml", SiteYaml).With("parks/demo/enterprises.yaml", Enterprises);

    public static string ExportDir(this TestSite site) => Path.Combine(site.Root, "_wechat");

    public static WechatResult Export(this TestSite site, string[]? languages = null, DateOnly? since = null, string? output = null) =>
        WechatExporter.Export(new WechatOptions(site.Content, output ?? site.ExportDir(),
            new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)), languages, since));

    public static string Listing(string kind, string material, string posted, string? validUntil = null, string enterprise = "demo-steel") =>
        $"kind: {kind}\ncategory: by-product\nenterprise: {enterprise}\nmaterial: {{zh: {material}, en: {material}}}\nquantity: 100\nunit: t\n" +
        $"posted: {posted}\n" + (validUntil is null ? "" : $"valid_until: {validUntil}\n") + "contact: {name: 王工, phone: \"0000-0000000\"}\n";

    public static JsonElement Manifest(string exportDir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(exportDir, WechatExporter.ManifestName))).RootElement.Clone();

    public static IEnumerable<JsonElement> Articles(string exportDir) => Manifest(exportDir).GetProperty("articles").EnumerateArray();

    /// <summary>The fragment as the WeChat editor receives it: its nodes parsed as the children of a body.</summary>
    public static IElement ParseFragment(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        foreach (var node in new HtmlParser().ParseFragment(html, body).ToList()) body.AppendChild(node);
        return body;
    }

    public static string Diagnostics(WechatResult r) => string.Join("\n", r.Diagnostics);
}
