using System.Globalization;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Identifiers;
using EcoSite.Core.Output;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Search;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>
/// The one place where the site meets the search index: it gathers a <see cref="SearchDocument"/> for every page
/// that holds content (park profiles, articles, indicators, waste flows, listings, polluting units) in each language,
/// and emits the index files of <see cref="SearchIndexBuilder"/> under <c>search-index/&lt;lang&gt;/</c>. Pages that
/// only list other pages (home, lists, the exchange page) are not indexed: their items are. Paths come from the
/// page modules' ids, so they follow the pages wherever those move.
/// </summary>
internal static class SiteSearch
{
    /// <summary>
    /// The index files of every language, with each language's build state for the next build (term counts and
    /// layout); with the <paramref name="previous"/> output's state the index is patched where it allows
    /// (<see cref="SearchIndexUpdate"/>).
    /// </summary>
    public static IEnumerable<OutputFile> Files(SiteFacts facts, Theme theme, IPreviousOutput? previous = null, SearchIndexStats? stats = null) =>
        facts.Config.Languages.SelectMany(lang => Files(facts, theme, lang, previous, stats));

    /// <summary>The index files of one language (<see cref="Files(SiteFacts, Theme, IPreviousOutput?, SearchIndexStats?)"/>).</summary>
    public static List<OutputFile> Files(SiteFacts facts, Theme theme, string lang, IPreviousOutput? previous = null, SearchIndexStats? stats = null) =>
        SearchIndexUpdate.Files(Input(new PageContext(facts, theme, lang, Routes.Search)), Routes.SearchIndex(lang), previous, stats);

    public static readonly string[] CategoryKeys = ["park", "news", "indicators", "cases", "waste", "exchange", "polluters", "pages"];

    public static string CategoryLabel(PageContext ctx, string key) => key switch
    {
        "park" => ctx.T("profile"),
        "exchange" => ctx.T("search_category_exchange"),
        "pages" => ctx.T("more_pages"),
        _ => ctx.T("category_" + key),
    };

    /// <summary>
    /// The inputs of every park by theme and language, for a build that makes both the search page and the index
    /// (<see cref="ShareInputs"/>): both need them, and gathering turns every article's body into text. A shard makes no
    /// index, so its search page gathers its own and lets them go once the page is written: kept to the end of the
    /// render, the documents of every page of the site were, at 1,000,000 pages, most of what the regional shard held
    /// beyond the other shards.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SiteFacts, System.Collections.Concurrent.ConcurrentDictionary<(Theme, string), Lazy<SearchInput>>> Shared = new();

    /// <summary>This build's search page and index take the same inputs of <paramref name="facts"/>, gathered once.</summary>
    public static void ShareInputs(SiteFacts facts) => Shared.GetOrCreateValue(facts);

    /// <param name="parks">The parks whose pages to gather (a shard's own, <see cref="Shards.ShardFragments"/>); null for all.</param>
    public static SearchInput Input(PageContext ctx, Func<string, bool>? parks = null) =>
        parks is null && Shared.TryGetValue(ctx.Facts, out var shared)
            ? shared.GetOrAdd((ctx.Theme, ctx.Lang), _ => new Lazy<SearchInput>(() => Gather(ctx, null))).Value
            : Gather(ctx, parks);

    private static SearchInput Gather(PageContext ctx, Func<string, bool>? parks)
    {
        var site = ctx.Site;
        var docs = new List<SearchDocument>();
        foreach (var park in site.Parks)
        {
            if (parks?.Invoke(park.Id) == false) continue;
            docs.Add(ParkProfile(ctx, park));
            foreach (var a in park.News.Concat(park.Cases).Concat(park.Pages)) docs.Add(Article(ctx, park, a));
            if (park.Indicators.Count > 0) docs.Add(Indicators(ctx, park));
            if (park.Waste.Count > 0 || park.Listings.Count > 0) docs.Add(Waste(ctx, park));
            foreach (var l in park.Listings) docs.Add(Listing(ctx, park, l));
            foreach (var p in park.Polluters) docs.Add(Polluter(ctx, park, p));
        }
        return new SearchInput(ctx.Lang, site.Config.Today,
            site.Parks.Select(p => new SearchLabel(p.Id, ctx.Text(p.Profile.Name).Text)).ToList(),
            CategoryKeys.Select(k => new SearchLabel(k, CategoryLabel(ctx, k))).ToList(),
            [new("supply", ctx.T("supply")), new("demand", ctx.T("demand"))],
            docs);
    }

    private static string Path(PageContext ctx, string pageId) => ctx.Routes.InLanguage(pageId, ctx.Lang);

    private static string? Lang(PageContext ctx, string textLang) => textLang == ctx.Lang ? null : textLang;

    private static string T(PageContext ctx, LocalizedText? text) => text is null ? "" : ctx.Text(text).Text;

    private static string Join(params IEnumerable<string?> parts) => string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string EnterpriseName(PageContext ctx, Park park, string id) =>
        park.FindEnterprise(id) is { } e ? ctx.Text(e.Name).Text : id;

    private static SearchDocument ParkProfile(PageContext ctx, Park park)
    {
        var p = park.Profile;
        var name = ctx.Text(p.Name);
        var body = Join(T(ctx, p.Province), T(ctx, p.City), T(ctx, p.ManagingBody), T(ctx, p.Contact?.Address),
            Join(park.Enterprises.Select(e => T(ctx, e.Industry))));
        var keywords = park.Enterprises.Select(e => Join(T(ctx, e.Name), e.CreditCode)).ToList();
        return new SearchDocument(Path(ctx, Routes.Park(park.Id)), name.Text, Lang(ctx, name.Lang), park.Id, "park", null, "", body, keywords);
    }

    private static SearchDocument Article(PageContext ctx, Park park, Article a)
    {
        var v = a.In(ctx.Lang) ?? a.Primary;
        var category = a.Section switch { Section.News => "news", Section.Cases => "cases", _ => "pages" };
        var keywords = new List<string>(2 + v.Attachments.Count);
        if (a.Section == Section.News) keywords.Add(ctx.T(KindKey(v.Kind)));
        if (v.Case is { } c)
        {
            if (c.Enterprise is { } e) keywords.Add(EnterpriseName(ctx, park, e.Id));
            keywords.Add(T(ctx, c.Technology));
        }
        keywords.AddRange(v.Attachments.Select(x => x.Name));
        return SearchDocument.FromHtml(Path(ctx, Routes.Article(a)), v.Title, Lang(ctx, v.Lang), park.Id, category, v.Date,
            v.Summary, new ArticleBody(v), keywords);
    }

    /// <summary>The theme string of a news kind ("kind_notice"), made once per kind, not once per article.</summary>
    internal static string KindKey(NewsKind kind) => kind switch
    {
        NewsKind.News => "kind_news",
        NewsKind.Notice => "kind_notice",
        NewsKind.Plan => "kind_plan",
        NewsKind.Report => "kind_report",
        _ => "kind_" + kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// An article version's body as the index reads it: its hash from the version (of the load cache's bytes, so a
    /// build that keeps the document never decodes the body), its HTML only when the text is made.
    /// </summary>
    private sealed class ArticleBody(ArticleVersion v) : HtmlBody
    {
        public override string Html => v.BodyHtml;

        public override byte[] Sha256 => v.BodySha256;
    }

    private static SearchDocument Indicators(PageContext ctx, Park park)
    {
        var names = new List<string>();
        var lines = new List<string>();
        foreach (var r in park.Indicators.OrderByDescending(r => r.Year))
            foreach (var e in r.Values)
            {
                var name = e.IsCustom ? T(ctx, e.Name) : ctx.Site.Catalog.Find(e.Indicator) is { } c ? ctx.Text(c.Name).Text : e.Indicator;
                if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
                var value = e.Number is { } n ? Format.Number(n, 4) : e.YesNo is { } yn ? ctx.T(yn ? "yes" : "no") : "";
                lines.Add(Join(r.Year.ToString(CultureInfo.InvariantCulture), name, value, T(ctx, e.Unit)));
            }
        return new SearchDocument(Path(ctx, Routes.List(park.Id, Routes.Sections.Indicators)), ctx.T("category_indicators"), null, park.Id, "indicators", null,
            ctx.T("indicators_intro"), string.Join("; ", lines), names);
    }

    private static SearchDocument Waste(PageContext ctx, Park park)
    {
        var keywords = new List<string>();
        var lines = new List<string>();
        string Party(FlowParty p) => p.Enterprise is { } e ? EnterpriseName(ctx, park, e.Id) : T(ctx, p.ExternalName);
        foreach (var w in park.Waste.OrderByDescending(w => w.Year))
            foreach (var f in w.Flows)
            {
                keywords.Add(Join(T(ctx, f.Material), f.Code, f.HazardousClass is { } c ? HazardousWasteCode.ClassLabel(c) : null));
                lines.Add(Join(w.Year.ToString(CultureInfo.InvariantCulture), Party(f.From), "→", Party(f.To), T(ctx, f.Material), f.Code,
                    Format.Number(f.Quantity, 4), f.Unit, T(ctx, f.Use)));
            }
        foreach (var l in park.Listings) keywords.Add(Join(T(ctx, l.Material), l.Code));
        return new SearchDocument(Path(ctx, Routes.List(park.Id, Routes.Sections.Waste)), ctx.T("category_waste"), null, park.Id, "waste", null,
            ctx.T("waste_intro"), string.Join("; ", lines), keywords.Distinct(StringComparer.Ordinal).ToList());
    }

    private static SearchDocument Listing(PageContext ctx, Park park, Listing l)
    {
        var material = ctx.Text(l.Material);
        var kind = ctx.T(l.Kind == ListingKind.Supply ? "supply" : "demand");
        var hazard = l.HazardousClass is { } c ? HazardousWasteCode.ClassLabel(c) : null;
        var enterprise = EnterpriseName(ctx, park, l.Enterprise.Id);
        var body = Join(kind, ctx.T("listing_category_" + l.Category.Replace('-', '_')), material.Text, l.Code,
            hazard is null ? null : ctx.T("hazardous") + " " + hazard, enterprise,
            l.Quantity is { } q ? Format.Number(q, 4) + (l.Unit is { } u ? " " + u : "") : null,
            l.Frequency is { } f ? ctx.T("frequency_" + f) : null,
            ctx.T("valid_until") + " " + (l.ValidUntil is { } v ? ctx.Date(v) : ctx.T("open_ended")));
        return new SearchDocument(Path(ctx, Routes.Listing(l)), ctx.Labeled(kind, material.Text), Lang(ctx, material.Lang), park.Id, "exchange",
            l.Posted, "", body, [material.Text, l.Code ?? "", enterprise],
            new ListingFacets(l.Kind == ListingKind.Supply ? "supply" : "demand", material.Text, hazard));
    }

    private static SearchDocument Polluter(PageContext ctx, Park park, PolluterReport p)
    {
        var name = park.FindEnterprise(p.Enterprise.Id) is { } e ? ctx.Text(e.Name) : new Localized(p.Enterprise.Id, ctx.Lang);
        var keywords = new List<string> { Join(p.Permit, park.FindEnterprise(p.Enterprise.Id)?.CreditCode) };
        keywords.AddRange(p.Outlets.Select(o => o.Code));
        keywords.AddRange(p.Outlets.SelectMany(o => o.Pollutants).Select(x => T(ctx, x.Name)).Distinct(StringComparer.Ordinal));
        var b = p.Basic;
        var body = Join(T(ctx, b?.Business), T(ctx, b?.Products), T(ctx, b?.Address),
            Join(p.Outlets.Select(o => Join(o.Code, T(ctx, o.Location), T(ctx, o.Discharge), o.Standard))),
            Join(p.Facilities.Select(f => T(ctx, f.Name))), Join(p.Approvals.Select(a => Join(T(ctx, a.Project), a.Number))),
            p.OtherHtml is null ? null : HtmlText.Plain(ctx.Text(p.OtherHtml).Text));
        return new SearchDocument(Path(ctx, Routes.Polluter(park.Id, p.Enterprise.Id)), name.Text, Lang(ctx, name.Lang), park.Id, "polluters", null,
            "", body, keywords);
    }
}
