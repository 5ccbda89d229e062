using System.Text;
using System.Xml;
using EcoSite.Core.Model;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>An Atom feed per language (RFC 4287) and sitemap.xml with hreflang alternates.</summary>
internal static class Feeds
{
    public const int FeedEntries = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>News and cases of every park, newest first. Hrefs are absolute from base_url, else relative to the feed.</summary>
    public static string Atom(Site site, Theme theme, string lang)
    {
        var cfg = site.Config;
        var routes = new Routes(cfg);
        var feedPath = routes.InLanguage(Routes.AtomFeed, lang);
        string Href(string pageId) => FeedHref(routes, feedPath, pageId, lang);
        var entries = Entries(site);
        var updated = entries.Count > 0 ? entries[0].Article.Date!.Value : cfg.Today;

        return Write(w =>
        {
            w.WriteStartElement("feed", AtomNs);
            w.WriteAttributeString("xml", "lang", null, Format.HtmlLang(lang));
            w.WriteElementString("title", AtomNs, cfg.Title.In(lang, cfg.DefaultLanguage).Text);
            w.WriteElementString("id", AtomNs, cfg.BaseUrl is null ? $"urn:ecosite:feed:{lang}" : routes.Absolute(feedPath));
            w.WriteElementString("updated", AtomNs, Format.Timestamp(updated, cfg.Offset));
            Link(w, "self", cfg.BaseUrl is null ? Routes.AtomFeed : routes.Absolute(feedPath), "application/atom+xml");
            Link(w, "alternate", Href(Routes.Home), "text/html");
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, cfg.Title.In(lang, cfg.DefaultLanguage).Text);
            w.WriteEndElement();
            w.WriteElementString("generator", AtomNs, "EcoSite");
            foreach (var (park, a) in entries)
            {
                var v = a.In(lang) ?? a.Primary;
                var id = Routes.Article(a);
                w.WriteStartElement("entry", AtomNs);
                if (v.Lang != lang) w.WriteAttributeString("xml", "lang", null, Format.HtmlLang(v.Lang));
                w.WriteElementString("title", AtomNs, v.Title);
                w.WriteElementString("id", AtomNs, cfg.BaseUrl is null ? $"urn:ecosite:{a.ParkId}:{Routes.Section(a.Section)}:{a.Slug}:{lang}" : Href(id));
                w.WriteElementString("updated", AtomNs, Format.Timestamp(a.Date!.Value, cfg.Offset));
                Link(w, "alternate", Href(id), "text/html");
                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", Routes.Section(a.Section));
                w.WriteAttributeString("label", theme.String(lang, a.Section == Section.News ? "category_news" : "category_cases"));
                w.WriteEndElement();
                w.WriteStartElement("source", AtomNs);
                w.WriteElementString("title", AtomNs, park.Profile.Name.In(lang, cfg.DefaultLanguage).Text);
                w.WriteEndElement();
                if (v.Summary.Length > 0) w.WriteElementString("summary", AtomNs, v.Summary);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    /// <summary>The entries of every feed: news and cases of all parks with a date, newest first, at most <see cref="FeedEntries"/>.</summary>
    public static List<(Park Park, Article Article)> Entries(Site site) =>
        site.Parks.SelectMany(p => p.News.Concat(p.Cases).Select(a => (Park: p, Article: a)))
            .Where(x => x.Article.Date is not null)
            .OrderByDescending(x => x.Article.Date).ThenBy(x => Routes.Article(x.Article), StringComparer.Ordinal)
            .Take(FeedEntries).ToList();

    /// <summary>A page's address in a feed: absolute from base_url, else relative to the feed file.</summary>
    internal static string FeedHref(Routes routes, string feedPath, string pageId, string lang)
    {
        var path = routes.InLanguage(pageId, lang);
        return routes.BaseUrl is null ? Routes.Relative(feedPath, path) : routes.Absolute(path);
    }

    /// <summary>Every HTML page in every language, with its language alternates (sitemaps.org, Google's xhtml:link).</summary>
    public static string Sitemap(Site site, IReadOnlyList<PageJob> jobs)
    {
        var cfg = site.Config;
        var routes = new Routes(cfg);
        return Write(w =>
        {
            w.WriteStartElement("urlset", SitemapNs);
            w.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
            foreach (var job in jobs)
            {
                foreach (var lang in cfg.Languages)
                {
                    w.WriteStartElement("url", SitemapNs);
                    w.WriteElementString("loc", SitemapNs, routes.Absolute(routes.InLanguage(job.PageId, lang)));
                    foreach (var alt in cfg.Languages)
                    {
                        w.WriteStartElement("xhtml", "link", XhtmlNs);
                        w.WriteAttributeString("rel", "alternate");
                        w.WriteAttributeString("hreflang", Format.HtmlLang(alt));
                        w.WriteAttributeString("href", routes.Absolute(routes.InLanguage(job.PageId, alt)));
                        w.WriteEndElement();
                    }
                    w.WriteEndElement();
                }
            }
            w.WriteEndElement();
        });
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Write(Action<XmlWriter> body)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var w = XmlWriter.Create(sb, settings))
        {
            body(w);
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb + "\n";
    }
}
