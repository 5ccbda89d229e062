using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core.Model;
using EcoSite.Core.Render;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// manifest.json: everything the export wrote, for an editor's checklist or a script that uploads through the WeChat
/// API. Articles are listed per language in the order they were composed (region digest, then each park's digest,
/// news and cases, parks by id); paths are relative to the export folder. Written field by field, so the bytes are
/// the same for the same input.
/// </summary>
internal static class WechatManifest
{
    public const int Version = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(Site site, IReadOnlyList<string> languages, DateOnly since, IReadOnlyList<WechatArticle> articles, IReadOnlyList<SkippedArticle> skipped)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("manifest_version", Version);
            w.WriteString("generator", SiteBuilder.Generator);
            w.WriteString("base_url", site.Config.BaseUrl);
            w.WriteString("today", Format.Iso(site.Config.Today));
            w.WriteString("since", Format.Iso(since));
            w.WriteStartArray("languages");
            foreach (var l in languages) w.WriteStringValue(l);
            w.WriteEndArray();
            w.WriteNumber("title_max", WechatLimits.Title);
            w.WriteNumber("digest_max", WechatLimits.Digest);
            w.WriteStartArray("articles");
            foreach (var a in articles) Article(w, a);
            w.WriteEndArray();
            w.WriteStartArray("skipped");
            foreach (var s in skipped)
            {
                w.WriteStartObject();
                w.WriteString("lang", s.Lang);
                w.WriteString("kind", Kind(s.Kind));
                w.WriteString("park", s.ParkId);
                w.WriteString("slug", s.Slug);
                w.WriteString("reason", s.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Article(Utf8JsonWriter w, WechatArticle a)
    {
        w.WriteStartObject();
        w.WriteString("lang", a.Lang);
        w.WriteString("kind", Kind(a.Kind));
        w.WriteString("park", a.ParkId);
        w.WriteString("slug", a.Slug);
        w.WriteString("date", a.Date is { } d ? Format.Iso(d) : null);
        w.WriteString("title", a.Title);
        w.WriteString("digest", a.Digest);
        w.WriteString("url", a.Url);
        w.WriteString("folder", a.Folder);
        w.WriteString("fragment", a.FragmentPath);
        w.WriteString("preview", a.PreviewPath);
        w.WriteString("qr_code", a.QrPath);
        w.WriteString("cover", a.Cover is { } c ? $"{a.Folder}/{c.File}" : null);
        w.WriteStartArray("images");
        foreach (var i in a.Images)
        {
            w.WriteStartObject();
            w.WriteString("file", $"{a.Folder}/{i.File}");
            w.WriteString("source", i.ContentPath);
            w.WriteNumber("bytes", i.Bytes);
            w.WriteBoolean("accepted_by_wechat", i.Accepted);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("listings");
        foreach (var l in a.Listings) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string Kind(WechatKind k) => k switch
    {
        WechatKind.News => "news",
        WechatKind.Case => "case",
        WechatKind.ParkDigest => "park-digest",
        _ => "region-digest",
    };
}
