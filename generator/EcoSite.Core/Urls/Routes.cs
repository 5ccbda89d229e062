using System.Text.RegularExpressions;
using EcoSite.Core.Model;

namespace EcoSite.Core.Urls;

/// <summary>
/// The output layout (content-format.md v2 section 3) and every address in it: the one place that spells a path of
/// the built site. Page modules, link rewriting, feeds, the sitemap, open data, the link check and serve ask it.
/// <para>
/// A page id is a page's path in the default language ("parks/a/news/2026-plan.html"); the page exists once per
/// language, the default at the root and each other language under "&lt;lang&gt;/" (<see cref="InLanguage"/>).
/// Files that are the same in every language (media, badges' SVG per language aside, open data, assets) have one
/// site path. Every link in a page is relative (<see cref="Relative"/>), so the folder works under any sub-path of any
/// host and from disk; links name "index.html" explicitly, since a folder link ending in '/' shows a directory listing
/// (or nothing) when the site is opened from disk.
/// </para>
/// </summary>
internal sealed partial class Routes(IReadOnlyList<string> languages, string? baseUrl)
{
    public Routes(SiteConfig config) : this(config.Languages, config.BaseUrl) { }

    public string DefaultLanguage => languages[0];

    public string? BaseUrl => baseUrl;

    // Pages and files at the site root.
    public const string Home = "index.html";
    public const string Exchange = "exchange/index.html";
    public const string Data = "data/index.html";
    public const string NotFound = "404.html";
    public const string Sitemap = "sitemap.xml";
    public const string AtomFeed = "feed.xml";
    public const string JsonFeed = "feed.json";
    public const string DataCatalog = "data/catalog.jsonld";
    public const string DataPackage = "data/datapackage.json";
    public const string Search = "search/index.html";

    /// <summary>The search index files of a language (read by the search page's script).</summary>
    public static string SearchIndex(string lang) => $"search-index/{lang}/";

    /// <summary>The sections of a park column (section 3): each has a list page, most have item pages.</summary>
    public static class Sections
    {
        public const string News = "news";
        public const string Cases = "cases";
        public const string Pages = "pages";
        public const string Indicators = "indicators";
        public const string Waste = "waste";
        public const string Exchange = "exchange";
        public const string Polluters = "polluters";
    }

    public static string Section(Section s) => s switch
    {
        Model.Section.News => Sections.News,
        Model.Section.Cases => Sections.Cases,
        _ => Sections.Pages,
    };

    /// <summary>A park's column home: parks/&lt;id&gt;/index.html.</summary>
    public static string Park(string parkId) => $"parks/{parkId}/index.html";

    [GeneratedRegex(@"^parks/([a-z0-9][a-z0-9-]*)/")]
    private static partial Regex ParkPage();

    /// <summary>The park whose column a page id belongs to ("parks/a/news/x.html" is park a's); null for the platform's pages.</summary>
    public static string? ParkOf(string pageId) => ParkPage().Match(pageId) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>A section's list: parks/&lt;id&gt;/&lt;section&gt;/index.html.</summary>
    public static string List(string parkId, string section) => $"parks/{parkId}/{section}/index.html";

    /// <summary>One item of a section: parks/&lt;id&gt;/&lt;section&gt;/&lt;slug&gt;.html (one file, not a folder).</summary>
    public static string Item(string parkId, string section, string slug) => $"parks/{parkId}/{section}/{slug}.html";

    public static string List(string parkId, Section s) => List(parkId, Section(s));

    /// <summary>
    /// The id of an indicator's row on its park's indicators page, which unmet-target links point to: "indicator-" and
    /// the catalog id, or for a custom indicator (keyed by its name in the default language, as the page groups it) a
    /// stable hash of that name, since a name may hold any character. The same indicator has the same id every year.
    /// </summary>
    public static string IndicatorRow(IndicatorEntry e, string defaultLanguage)
    {
        if (!e.IsCustom) return "indicator-" + e.Indicator;
        var name = e.Name?.In(defaultLanguage, defaultLanguage).Text ?? "";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return "indicator-custom-" + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>A news item, case or free page; its slug is the file name without language suffix and ".md".</summary>
    public static string Article(Article a) => Item(a.ParkId, Section(a.Section), a.Slug);

    /// <summary>An exchange listing, by its listing id.</summary>
    public static string Listing(Listing l) => Item(l.ParkId, Sections.Exchange, l.Id);

    /// <summary>
    /// A listing of another platform (site.yaml 'federation'), by absolute URL: the other platform is an EcoSite site
    /// with this layout, at its base_url, its default language at the root and others under "&lt;lang&gt;/". The page
    /// in <paramref name="lang"/> when the platform publishes that language, else its default. The URL is made only
    /// from the base_url of site.yaml and identifiers the loader checked (a-z, 0-9, '-'), so it cannot carry a scheme,
    /// a query or a path of its own.
    /// </summary>
    public static string ForeignListing(ForeignPlatform platform, Listing l, string lang) =>
        platform.Entry.Url + (lang != platform.Languages[0] && platform.Languages.Contains(lang) ? lang + "/" : "") + Listing(l);

    /// <summary>The index a neighbour reads first (docs/open-data.md): name, base URL, export version, as-of date, parks.</summary>
    public const string PlatformIndex = "data/platform.json";

    /// <summary>
    /// The regional exchange narrowed to one park, one kind or one hazardous-waste class, so a visitor without
    /// JavaScript can filter by following a link (issue 13): "exchange/park-a.html", "exchange/kind-supply.html",
    /// "exchange/class-hw08.html". At most one page per park, two kinds and the 46 classes of the 名录, so the page count
    /// stays bounded; materials need no page of their own, since the exchange page is already grouped by material.
    /// </summary>
    public static string ExchangeByPark(string parkId) => $"exchange/park-{parkId}.html";

    public static string ExchangeByKind(ListingKind kind) => kind == ListingKind.Supply ? "exchange/kind-supply.html" : "exchange/kind-demand.html";

    public static string ExchangeByClass(int hazardousClass) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"exchange/class-hw{hazardousClass:D2}.html");

    /// <summary>A key polluting unit's disclosure, by its enterprise id.</summary>
    public static string Polluter(string parkId, string enterpriseId) => Item(parkId, Sections.Polluters, enterpriseId);

    /// <summary>
    /// "index" cannot name an item: its page would be the section's list (parks/a/news/index.html). Loading refuses it
    /// as an invalid identifier.
    /// </summary>
    public static bool IsReservedSlug(string slug) => slug == "index";

    [GeneratedRegex(@"^parks/([a-z0-9][a-z0-9-]*)/(news|cases|pages)/([a-z0-9][a-z0-9-]*)(\.[a-z]+)?\.md$")]
    private static partial Regex ArticleSource();

    /// <summary>The page id of the article a content file is a version of ("parks/a/news/x.en.md"); null for other files.</summary>
    public static string? ArticleOfSource(string contentPath) =>
        ArticleSource().Match(contentPath) is { Success: true } m ? Item(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) : null;

    /// <summary>A park's media file is published at its content path (parks/&lt;id&gt;/media/...), escaped for a URL.</summary>
    public static string Media(string contentPath) => string.Join('/', contentPath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A theme's static file (static/&lt;path&gt;).</summary>
    public static string Asset(string path) => "assets/" + path;

    /// <summary>A JSON Schema of the content format, for editors' completion.</summary>
    public static string ContentSchema(string name) => "schemas/" + name;

    /// <summary>The completeness badge of a park, or of the site when <paramref name="parkId"/> is null: "parks/a/badge.svg", "parks/a/badge.en.svg".</summary>
    public string Badge(string? parkId, string lang) => LanguageFile(parkId, "badge", "svg", lang);

    /// <summary>The same score as a shields.io endpoint.</summary>
    public string Endpoint(string? parkId, string lang) => LanguageFile(parkId, "completeness", "json", lang);

    private string LanguageFile(string? parkId, string name, string ext, string lang) =>
        (parkId is null ? "" : $"parks/{parkId}/") + name + (lang == DefaultLanguage ? "" : "." + lang) + "." + ext;

    /// <summary>An open dataset of a park, or of the whole site when <paramref name="parkId"/> is null.</summary>
    public static string DataJson(string name, string? parkId) => DataPrefix(parkId) + name + ".json";

    public static string DataCsv(string name, string? parkId) => DataPrefix(parkId) + name + ".csv";

    public static string DataTableSchema(string name) => $"data/schemas/{name}.json";

    public static string DataJsonSchema(string name) => $"data/schemas/{name}.schema.json";

    private static string DataPrefix(string? parkId) => parkId is null ? "data/" : $"data/parks/{parkId}/";

    /// <summary>
    /// The park an output file belongs to, by its path alone: <c>[lang/]parks/&lt;id&gt;/…</c> (pages, badges,
    /// endpoints, media) or <c>data/parks/&lt;id&gt;/…</c> (its open data); null for a regional file. Shards and merge
    /// split the site by this one rule.
    /// </summary>
    public static string? ParkOfOutputPath(string path, IReadOnlyList<string> languages)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && languages.Skip(1).Contains(path[..slash], StringComparer.Ordinal)) path = path[(slash + 1)..];
        var rest = path.StartsWith("parks/", StringComparison.Ordinal) ? path["parks/".Length..]
            : path.StartsWith("data/parks/", StringComparison.Ordinal) ? path["data/parks/".Length..] : null;
        var end = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return end > 0 ? rest![..end] : null;
    }

    /// <summary>The output path of a page in a language: the default language at the root, others under "lang/".</summary>
    public string InLanguage(string pageId, string lang) => lang == DefaultLanguage ? pageId : $"{lang}/{pageId}";

    /// <summary>An absolute URL from site.yaml base_url ("…/parks/a/" for an index.html), or the site path without one.</summary>
    public string Absolute(string sitePath) =>
        baseUrl is null ? sitePath : baseUrl + (sitePath.EndsWith("/index.html", StringComparison.Ordinal) ? sitePath[..^"index.html".Length] : sitePath == Home ? "" : sitePath);

    /// <summary>"../" once per folder between <paramref name="outputPath"/> and the site root.</summary>
    public static string RootPrefix(string outputPath)
    {
        var depth = 0;
        foreach (var c in outputPath) if (c == '/') depth++;
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>A path from the site root, made relative to the page at <paramref name="fromOutputPath"/>.</summary>
    public static string Relative(string fromOutputPath, string toSitePath)
    {
        // The folders both paths start with, whole segments, each with its '/' (a page's own name is never one): read in
        // place, since every page's navigation asks this dozens of times.
        var common = 0;
        while (fromOutputPath.AsSpan(common).IndexOf('/') is var f and >= 0 && toSitePath.AsSpan(common).IndexOf('/') == f
               && fromOutputPath.AsSpan(common, f).SequenceEqual(toSitePath.AsSpan(common, f)))
            common += f + 1;
        var ups = fromOutputPath.AsSpan(common).Count('/');
        return string.Create(ups * 3 + toSitePath.Length - common, (ups, to: toSitePath, common), static (span, x) =>
        {
            for (var i = 0; i < x.ups; i++) "../".CopyTo(span[(i * 3)..]);
            x.to.AsSpan(x.common).CopyTo(span[(x.ups * 3)..]);
        });
    }

    /// <summary>The site path a relative link of the page at <paramref name="fromOutputPath"/> leads to; null above the root.</summary>
    public static string? Resolve(string fromOutputPath, string relative)
    {
        var dir = fromOutputPath.Contains('/') ? fromOutputPath[..fromOutputPath.LastIndexOf('/')] : "";
        var result = Combine(dir, relative);
        return result is null || !relative.EndsWith('/') ? result : result + "/index.html";
    }

    /// <summary>Joins and normalises a relative path; null when '..' climbs above the root.</summary>
    public static string? Combine(string baseDir, string path)
    {
        var stack = new List<string>(baseDir.Length == 0 ? [] : baseDir.Split('/'));
        foreach (var seg in path.Split('/'))
        {
            if (seg is "" or ".") continue;
            if (seg == "..")
            {
                if (stack.Count == 0) return null;
                stack.RemoveAt(stack.Count - 1);
            }
            else stack.Add(seg);
        }
        return string.Join('/', stack);
    }
}
