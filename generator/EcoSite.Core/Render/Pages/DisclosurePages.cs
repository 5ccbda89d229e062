using EcoSite.Core.Model;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>The disclosure pages of categories 2, 4 and 5, the regional exchange and the open data page, as one module.</summary>
internal static class DisclosurePages
{
    public static IEnumerable<PageJob> Jobs(Site site)
    {
        ParkPage.CategoryPage = CategoryPage;
        return IndicatorPage.Jobs(site)
            .Concat(WastePage.Jobs(site))
            .Concat(ExchangePages.Jobs(site))
            .Concat(PolluterPages.Jobs(site))
            .Concat(DataPage.Jobs(site));
    }

    private static string? CategoryPage(Park park, string category) => category switch
    {
        Routes.Sections.Indicators or Routes.Sections.Waste or Routes.Sections.Polluters => Routes.List(park.Id, category),
        _ => null,
    };
}
