using System.Text;
using System.Xml;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>An Atom feed per language (RFC 4287) and the sitemap with hreflang alternates.</summary>
internal static class Feeds
{
    public const int FeedEntries = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>News and cases of every park, newest first. Hrefs are absolute from base_url, else relative to the feed.</summary>
    public static string Atom(Site site, Theme theme, string lang) => Atom(site, theme, lang, Entries(site));

    /// <summary><see cref="Atom(Site, Theme, string)"/> of the <paramref name="entries"/> (<see cref="Entries"/>, made once for every feed).</summary>
    public static string Atom(Site site, Theme theme, string lang, List<(Park Park, Article Article)> entries)
    {
        var cfg = site.Config;
        var routes = new Routes(cfg);
        var feedPath = routes.InLanguage(Routes.AtomFeed, lang);
        string Href(string pageId) => FeedHref(routes, feedPath, pageId, lang);
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
    /// <remarks>
    /// Only the articles dated on or after the <see cref="FeedEntries"/>-th newest date can be among the entries, so
    /// only they are ordered (and get a page id for the order of a day's articles): at 10,000 articles that made and
    /// sorted 10,000 page ids for 50 entries.
    /// </remarks>
    public static List<(Park Park, Article Article)> Entries(Site site)
    {
        var dated = new List<(Park Park, Article Article)>();
        foreach (var p in site.Parks)
            foreach (var a in p.News.Concat(p.Cases))
                if (a.Date is not null) dated.Add((p, a));
        if (dated.Count > FeedEntries)
        {
            var days = new int[dated.Count];
            for (var i = 0; i < days.Length; i++) days[i] = dated[i].Article.Date!.Value.DayNumber;
            Array.Sort(days);
            var oldest = days[^FeedEntries];
            dated.RemoveAll(x => x.Article.Date!.Value.DayNumber < oldest);
        }
        return dated.OrderByDescending(x => x.Article.Date).ThenBy(x => Routes.Article(x.Article), StringComparer.Ordinal)
            .Take(FeedEntries).ToList();
    }

    /// <summary>A page's address in a feed: absolute from base_url, else relative to the feed file.</summary>
    internal static string FeedHref(Routes routes, string feedPath, string pageId, string lang)
    {
        var path = routes.InLanguage(pageId, lang);
        return routes.BaseUrl is null ? Routes.Relative(feedPath, path) : routes.Absolute(path);
    }

    /// <summary>The sitemaps.org protocol's limit of URLs in one sitemap file (it also caps a file at 50 MB, which
    /// 50,000 URLs with their alternates stay far below).</summary>
    public const int SitemapUrls = 50_000;

    /// <summary>
    /// Every HTML page in every language, with its language alternates (sitemaps.org, Google's xhtml:link): sitemap.xml
    /// alone while the site has at most <paramref name="maxUrls"/> URLs; above that, as the protocol requires, sitemap.xml
    /// is a sitemap index of sitemap-1.xml, sitemap-2.xml... of <paramref name="maxUrls"/> URLs each, made one at a
    /// time so the whole list is never one string.
    /// </summary>
    public static IEnumerable<OutputFile> Sitemaps(Site site, IReadOnlyList<string> pageIds, int maxUrls = SitemapUrls)
    {
        var cfg = site.Config;
        var routes = new Routes(cfg);
        var urls = pageIds.SelectMany(id => cfg.Languages.Select(lang => (id, lang)));
        var parts = SitemapParts(pageIds.Count, cfg.Languages.Count, maxUrls);
        if (parts.Count == 1)
        {
            yield return UrlSetFile(Routes.Sitemap, cfg, routes, urls);
            yield break;
        }
        yield return new TextFile(Routes.Sitemap, Write(w =>
        {
            w.WriteStartElement("sitemapindex", SitemapNs);
            foreach (var part in parts)
            {
                w.WriteStartElement("sitemap", SitemapNs);
                w.WriteElementString("loc", SitemapNs, routes.Absolute(part));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }));
        var next = 0;
        foreach (var chunk in urls.Chunk(maxUrls)) yield return UrlSetFile(parts[next++], cfg, routes, chunk);
    }

    /// <summary>A file of URLs: written as UTF-8 straight into a pooled buffer when every address is plain ASCII, else through the XML writer.</summary>
    private static OutputFile UrlSetFile(string path, SiteConfig cfg, Routes routes, IEnumerable<(string PageId, string Lang)> urls) =>
        PlainUrlSet(cfg, routes, urls) is { } bytes ? new BinaryFile(path, bytes) : new TextFile(path, UrlSet(cfg, routes, urls));

    /// <summary>
    /// The bytes <see cref="UrlSet"/> writes, without a string per address or the whole file as text: null when an
    /// address or language holds a character the XML writer would escape or check (anything but printable ASCII other
    /// than &amp; &lt; &gt; "), or when there are no URLs; then <see cref="UrlSet"/> writes the file.
    /// </summary>
    internal static byte[]? PlainUrlSet(SiteConfig cfg, Routes routes, IEnumerable<(string PageId, string Lang)> urls)
    {
        var langs = cfg.Languages;
        var hreflangs = langs.Select(Format.HtmlLang).ToArray();
        if (!hreflangs.All(Plain) || !langs.All(Plain) || (routes.BaseUrl is { } b && !Plain(b))) return null;
        using var w = new AsciiBuffer(1 << 16);
        w.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns:xhtml=\"" + XhtmlNs + "\" xmlns=\"" + SitemapNs + "\">");
        var any = false;
        foreach (var (pageId, lang) in urls)
        {
            if (!Plain(pageId)) return null;
            any = true;
            w.Append("\n  <url>\n    <loc>");
            Address(w, routes, pageId, lang);
            w.Append("</loc>");
            for (var i = 0; i < langs.Count; i++)
            {
                w.Append("\n    <xhtml:link rel=\"alternate\" hreflang=\"");
                w.Append(hreflangs[i]);
                w.Append("\" href=\"");
                Address(w, routes, pageId, langs[i]);
                w.Append("\" />");
            }
            w.Append("\n  </url>");
        }
        if (!any) return null;
        w.Append("\n</urlset>\n");
        return w.ToArray();
    }

    /// <summary>Printable ASCII that XML writes as itself in text and in a quoted attribute.</summary>
    private static bool Plain(string s)
    {
        foreach (var c in s)
            if (c is < ' ' or > '~' or '&' or '<' or '>' or '"') return false;
        return true;
    }

    /// <summary><c>routes.Absolute(routes.InLanguage(pageId, lang))</c>, appended without making either string.</summary>
    private static void Address(AsciiBuffer w, Routes routes, string pageId, string lang)
    {
        var prefixed = lang != routes.DefaultLanguage;
        if (routes.BaseUrl is not { } baseUrl)
        {
            if (prefixed) w.Append(lang, "/");
            w.Append(pageId);
            return;
        }
        w.Append(baseUrl);
        if (prefixed) w.Append(lang, "/");
        // As Routes.Absolute: a folder's index.html is the folder's address, the home page its language's root.
        if (pageId == Routes.Home) return;
        w.Append(pageId.EndsWith("/index.html", StringComparison.Ordinal) ? pageId.AsSpan(0, pageId.Length - "index.html".Length) : pageId);
    }

    /// <summary>ASCII text into a pooled buffer that grows by renting a larger one.</summary>
    private sealed class AsciiBuffer(int capacity) : IDisposable
    {
        private byte[] _bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(capacity);
        private int _used;

        public void Append(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            Append(a);
            Append(b);
        }

        public void Append(ReadOnlySpan<char> s)
        {
            if (_bytes.Length - _used < s.Length)
            {
                var bigger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _used + s.Length));
                _bytes.AsSpan(0, _used).CopyTo(bigger);
                System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = bigger;
            }
            _used += Encoding.ASCII.GetBytes(s, _bytes.AsSpan(_used));
        }

        public byte[] ToArray() => _bytes.AsSpan(0, _used).ToArray();

        public void Dispose()
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }

    /// <summary>Every file <see cref="Sitemaps"/> makes: sitemap.xml, and sitemap-1.xml... after it when it is an index.</summary>
    public static IReadOnlyList<string> SitemapFiles(int pages, int languages, int maxUrls = SitemapUrls)
    {
        var parts = SitemapParts(pages, languages, maxUrls);
        return parts.Count == 1 ? parts : [Routes.Sitemap, .. parts];
    }

    /// <summary>
    /// A hash of everything the sitemap files are made from: the page ids in order, the languages, base_url and the
    /// URLs per file, after <paramref name="global"/> (generator, theme, today, site.yaml). Equal digests, equal files.
    /// </summary>
    public static string SitemapDigest(string global, SiteConfig cfg, IReadOnlyList<string> pageIds, int maxUrls = SitemapUrls)
    {
        using var d = new ViewDigest.Writer();
        d.Text(global).Text("sitemap").Text(cfg.BaseUrl).Number(maxUrls).Number(cfg.Languages.Count);
        foreach (var lang in cfg.Languages) d.Text(lang);
        d.Number(pageIds.Count);
        foreach (var id in pageIds) d.Text(id);
        return d.Finish();
    }

    /// <summary>The files holding the URLs: sitemap.xml, or sitemap-1.xml... when there are more than <paramref name="maxUrls"/>.</summary>
    public static IReadOnlyList<string> SitemapParts(int pages, int languages, int maxUrls = SitemapUrls)
    {
        var urls = (long)pages * languages;
        return urls <= maxUrls ? [Routes.Sitemap]
            : Enumerable.Range(1, (int)((urls + maxUrls - 1) / maxUrls)).Select(i => $"sitemap-{i}.xml").ToList();
    }

    internal static string UrlSet(SiteConfig cfg, Routes routes, IEnumerable<(string PageId, string Lang)> urls) => Write(w =>
    {
        w.WriteStartElement("urlset", SitemapNs);
        w.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
        foreach (var (pageId, lang) in urls)
        {
            w.WriteStartElement("url", SitemapNs);
            w.WriteElementString("loc", SitemapNs, routes.Absolute(routes.InLanguage(pageId, lang)));
            foreach (var alt in cfg.Languages)
            {
                w.WriteStartElement("xhtml", "link", XhtmlNs);
                w.WriteAttributeString("rel", "alternate");
                w.WriteAttributeString("hreflang", Format.HtmlLang(alt));
                w.WriteAttributeString("href", routes.Absolute(routes.InLanguage(pageId, alt)));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

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
