using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>A JSON Feed 1.1 (https://jsonfeed.org/version/1.1) per language beside each Atom feed: feed.json, en/feed.json.</summary>
internal static class JsonFeed
{
    public static IEnumerable<OutputFile> Files(Site site) => Files(site, Feeds.Entries(site));

    /// <summary>The feeds of the <paramref name="entries"/> (<see cref="Feeds.Entries"/>, made once for every feed).</summary>
    public static IEnumerable<OutputFile> Files(Site site, List<(Park Park, Article Article)> entries) =>
        site.Config.Languages.Select(l => new TextFile(new Routes(site.Config).InLanguage(Routes.JsonFeed, l), Render(site, l, entries)));

    public static string Render(Site site, string lang) => Render(site, lang, Feeds.Entries(site));

    private static string Render(Site site, string lang, List<(Park Park, Article Article)> entries)
    {
        var cfg = site.Config;
        var routes = new Routes(cfg);
        var feedPath = routes.InLanguage(Routes.JsonFeed, lang);
        string Href(string pageId) => Feeds.FeedHref(routes, feedPath, pageId, lang);

        return PublishedJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", "https://jsonfeed.org/version/1.1");
            w.WriteString("title", cfg.Title.In(lang, cfg.DefaultLanguage).Text);
            if (cfg.BaseUrl is not null)
            {
                w.WriteString("home_page_url", routes.Absolute(routes.InLanguage(Routes.Home, lang)));
                w.WriteString("feed_url", routes.Absolute(feedPath));
            }
            if (cfg.Description is { } d) w.WriteString("description", d.In(lang, cfg.DefaultLanguage).Text);
            w.WriteString("language", Format.HtmlLang(lang));
            w.WriteStartArray("authors");
            w.WriteStartObject();
            w.WriteString("name", cfg.Title.In(lang, cfg.DefaultLanguage).Text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("items");
            foreach (var (park, a) in entries)
            {
                var v = a.In(lang) ?? a.Primary;
                w.WriteStartObject();
                w.WriteString("id", $"urn:ecosite:{a.ParkId}:{Routes.Section(a.Section)}:{a.Slug}:{lang}");
                w.WriteString("url", Href(Routes.Article(a)));
                w.WriteString("title", v.Title);
                w.WriteString("content_text", v.Summary.Length > 0 ? v.Summary : v.Title);
                if (v.Summary.Length > 0) w.WriteString("summary", v.Summary);
                w.WriteString("date_published", Format.Timestamp(a.Date!.Value, cfg.Offset));
                if (v.Lang != lang) w.WriteString("language", Format.HtmlLang(v.Lang));
                w.WriteStartArray("tags");
                w.WriteStringValue(Routes.Section(a.Section));
                w.WriteStringValue(park.Profile.Name.In(lang, cfg.DefaultLanguage).Text);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
