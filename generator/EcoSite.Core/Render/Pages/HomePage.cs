using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>The platform's home: the parks it publishes.</summary>
internal static class HomePage
{
    public static IEnumerable<PageJob> Jobs(SiteFacts facts)
    {
        yield return new PageJob(Routes.Home, ctx =>
        {
            var title = ctx.Text(ctx.Config.Title).Text;
            var parks = ctx.Site.Parks.Select(p => Card(ctx, p)).ToList();
            return new PageContent("home", title,
                new HomeView(title, ctx.TextOrNull(ctx.Config.Description), parks, CompletenessViews.Portal(ctx))
                {
                    Compliance = ctx.Site.Parks.Count == 0 ? null : ComplianceViews.Portal(ctx),
                    ComplianceRows = ComplianceViews.Rows(ctx),
                }, [], Description: ctx.TextOrNull(ctx.Config.Description));
        });
    }

    private static ParkCardView Card(PageContext ctx, Park park)
    {
        var name = ctx.Text(park.Profile.Name);
        var place = string.Join(" · ", new[] { ctx.TextOrNull(park.Profile.Province), ctx.TextOrNull(park.Profile.City) }.Where(s => !string.IsNullOrEmpty(s)));
        var facts = new List<FactView>
        {
            new(ctx.T("category_news"), park.News.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ctx.T("category_cases"), park.Cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (park.News.FirstOrDefault()?.Date is { } newest) facts.Add(new(ctx.T("last_update"), ctx.Date(newest)));
        facts.Add(new(ctx.T("compliance"), ComplianceViews.Summary(ctx, ctx.Facts.Park(park.Id))));
        facts.Add(new(ctx.T("completeness"), Completeness.Round(ctx.Facts.Park(park.Id).Score.Total).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " / 100"));
        return new ParkCardView(park.Id, name.Text, ctx.HtmlLang(name.Lang), ctx.Url(Routes.Park(park.Id)),
            place.Length > 0 ? place : null, park.Profile.Level is { } l ? ctx.T("level_" + l) : null, facts);
    }
}
