using EcoSite.Core.Facts;

namespace EcoSite.Core.Render.Pages;

/// <summary>The disclosure pages of categories 2, 4 and 5, the regional exchange and the open data page, as one module.</summary>
internal static class DisclosurePages
{
    public static IEnumerable<PageJob> Jobs(SiteFacts facts) =>
        IndicatorPage.Jobs(facts.Site)
            .Concat(WastePage.Jobs(facts.Site))
            .Concat(ExchangePages.Jobs(facts.Site))
            .Concat(PolluterPages.Jobs(facts.Site))
            .Concat(DataPage.Jobs());
}
