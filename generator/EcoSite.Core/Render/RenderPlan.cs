using EcoSite.Core.Facts;
using EcoSite.Core.Render.Pages;

namespace EcoSite.Core.Render;

/// <summary>
/// Stage 4: every page to render (each in every language), from the facts and the theme. Page modules list their own
/// pages; the plan is sorted by page id so the output never depends on module or thread order.
/// </summary>
internal sealed record RenderPlan(SiteFacts Facts, Theme Theme, IReadOnlyList<PageJob> Jobs)
{
    /// <summary>Page modules, in the order their pages are listed; each knows its own pages.</summary>
    private static readonly IReadOnlyList<Func<SiteFacts, IEnumerable<PageJob>>> Modules =
        [HomePage.Jobs, ParkPage.Jobs, ArticlePages.Jobs, DisclosurePages.Jobs, SearchPage.Jobs];

    public static RenderPlan Make(SiteFacts facts, Theme theme) =>
        new(facts, theme, Modules.SelectMany(m => m(facts)).OrderBy(j => j.PageId, StringComparer.Ordinal).ToList());

    /// <summary>Pages to write: each job once per language.</summary>
    public int PageCount => Jobs.Count * Facts.Config.Languages.Count;
}
