using System.Globalization;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Search;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// The search page of each language, where the header's search box leads (a plain GET form, so it works without
/// JavaScript). The client script searches the index of <see cref="SiteSearch"/>; without JavaScript the page lists
/// every indexed page by park and category.
/// </summary>
internal static class SearchPage
{
    public static IEnumerable<PageJob> Jobs(SiteFacts facts)
    {
        yield return new PageJob(Routes.Search, Build) { Alone = true };
    }

    /// <summary>
    /// The page's layout parts, with its view model made only when the page is rendered: an incremental build digests
    /// what the model is made from (<see cref="DigestSource"/>) and keeps the page when that did not change, without
    /// making a view of every indexed page.
    /// </summary>
    private static PageContent Build(PageContext ctx)
    {
        var input = SiteSearch.Input(ctx);
        var docs = SearchIndexBuilder.Order(input);
        var heading = ctx.T("search");
        return new PageContent("search", heading, heading, [ctx.HomeCrumb()])
        {
            DigestSource = DigestSource(input, docs),
            MakeModel = () => Model(ctx, input, docs),
        };
    }

    /// <summary>
    /// Everything <see cref="Model"/> reads of the search input, written straight into the page's digest (texts with
    /// their lengths, so no two inputs write the same bytes): the labels, and each document's park, category, path,
    /// title, date, text language and listing facets, in index order. The rest of the model comes from the theme's
    /// strings and the page's path, which the digest covers apart.
    /// </summary>
    internal static IDigestSource DigestSource(SearchInput input, IReadOnlyList<SearchDocument> docs) => new Source(input, docs);

    private sealed class Source(SearchInput input, IReadOnlyList<SearchDocument> docs) : IDigestSource
    {
        public void WriteTo(ViewDigest.Writer w)
        {
            foreach (var labels in new[] { input.Parks, input.Categories, input.ListingKinds })
            {
                w.Number(labels.Count);
                foreach (var l in labels)
                {
                    w.Text(l.Key);
                    w.Text(l.Label);
                }
            }
            w.Number(docs.Count);
            foreach (var d in docs)
            {
                w.Text(d.Park);
                w.Text(d.Category);
                w.Text(d.Path);
                w.Text(d.Title);
                w.Date(d.Date);
                w.Text(d.TextLang);
                if (d.Listing is { } l)
                {
                    w.Mark('L');
                    w.Text(l.Kind);
                    w.Text(l.Material);
                    w.Text(l.HazardousClass);
                }
                else w.Mark('-');
            }
        }
    }

    private static SearchItemView Item(PageContext ctx, SearchDocument d) =>
        new(d.Title, Routes.Relative(ctx.OutputPath, d.Path), d.Date is { } date ? Format.Iso(date) : null, d.Date is { } shown ? ctx.Date(shown) : null,
            d.TextLang is { } l ? ctx.HtmlLang(l) : null);

    private static SearchView Model(PageContext ctx, SearchInput input, IReadOnlyList<SearchDocument> docs)
    {
        var browse = new List<SearchParkView>();
        // Grouped in one pass: filtering every document for each park and category grows with parks times pages.
        var groups = docs.ToLookup(d => (d.Park, d.Category));
        foreach (var (park, p) in input.Parks.Select((p, i) => (p, i)))
        {
            // Each item's view is made as the template reaches it: at 1,000,000 pages the views of every item (a relative
            // address and two dates each) were about 300 MB held beside the page's HTML.
            var categories = input.Categories
                .Select(c => new SearchCategoryView(c.Label, new ViewList<SearchDocument, SearchItemView>(groups[(park.Key, c.Key)].ToList(), d => Item(ctx, d))))
                .Where(c => c.Items.Count > 0).ToList();
            browse.Add(new SearchParkView("park-" + (p + 1).ToString(CultureInfo.InvariantCulture), park.Label, categories));
        }
        var listings = docs.Select(d => d.Listing).OfType<ListingFacets>().ToList();
        var present = docs.Select(d => d.Category).ToHashSet(StringComparer.Ordinal);
        var messages = new[] { "loading", "error", "heading", "count", "partial", "none", "more" }
            .Select(k => new FactView(k, ctx.T("search_" + k))).ToList();
        var heading = ctx.T("search");
        return new SearchView(heading, ctx.T("search_intro"), ctx.Url(Routes.Search),
            ctx.FileUrl(Routes.Asset("search.js")), ctx.FileUrl(Routes.SearchIndex(ctx.Lang)), ctx.Root,
            input.Parks.Select(p => new OptionView(p.Key, p.Label)).ToList(),
            input.Categories.Where(c => present.Contains(c.Key)).Select(c => new OptionView(c.Key, c.Label)).ToList(),
            input.ListingKinds.Select(k => new OptionView(k.Key, k.Label)).ToList(),
            listings.Select(l => l.Material).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(m => new OptionView(m, m)).ToList(),
            listings.Select(l => l.HazardousClass).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(h => new OptionView(h, ctx.T("hazardous") + " " + h)).ToList(),
            browse, messages);
    }
}
