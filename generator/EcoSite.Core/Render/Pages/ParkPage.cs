using System.Globalization;
using EcoSite.Core.Content;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>A park's column home: profile, the five HJ 274-2015 categories and its free pages.</summary>
internal static class ParkPage
{
    public static IEnumerable<PageJob> Jobs(SiteFacts facts) =>
        facts.Site.Parks.Select(park => new PageJob(Routes.Park(park.Id), ctx => Build(ctx, park)));

    private static PageContent Build(PageContext ctx, Park park)
    {
        var p = park.Profile;
        var name = ctx.Text(p.Name).Text;
        var profile = new List<FactView>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) profile.Add(new(ctx.T(key), value)); }
        Add("level", p.Level is { } l ? ctx.T("level_" + l) : null);
        Add("status", p.Status is { } s ? ctx.T("status_" + s) : null);
        Add("standard", p.Standard);
        Add("location", string.Join(" · ", new[] { ctx.TextOrNull(p.Province), ctx.TextOrNull(p.City) }.Where(x => !string.IsNullOrEmpty(x))));
        Add("established", p.Established?.ToString(CultureInfo.InvariantCulture));
        Add("area", p.AreaKm2 is { } a ? $"{Format.Number(a)} km²" : null);
        Add("managing_body", ctx.TextOrNull(p.ManagingBody));
        if (p.Contact?.Phone is { Length: > 0 } phone) profile.Add(new(ctx.T("phone"), phone, Href: UrlPolicy.Tel(phone)));
        if (p.Contact?.Email is { Length: > 0 } email) profile.Add(new(ctx.T("email"), email, Href: UrlPolicy.Mailto(email)));
        Add("address", ctx.TextOrNull(p.Contact?.Address));

        string Count(int n) => string.Format(CultureInfo.InvariantCulture, ctx.T("items_count"), n);
        string Page(string section) => ctx.Url(Routes.List(park.Id, section));
        var facts = ctx.Facts.Park(park.Id);
        var newestWaste = facts.WasteYears.FirstOrDefault();
        var listings = string.Format(CultureInfo.InvariantCulture, ctx.T("listings_count"), park.Listings.Count);
        var exceeding = facts.Exceedances.Select(e => e.Polluter).Distinct().Count();
        var categories = new List<CategoryView>
        {
            new("news", 1, ctx.T("category_news"), ctx.Url(Routes.List(park.Id, Section.News)), park.News.Count, Count(park.News.Count),
                park.News.Take(3).Select(a => ArticlePages.ItemView(ctx, a)).ToList(), park.News.Count == 0 ? ctx.T("empty_column") : null),
            new("indicators", 2, ctx.T("category_indicators"), Page(Routes.Sections.Indicators), park.Indicators.Count,
                facts.NewestYear is { } y ? string.Format(CultureInfo.InvariantCulture, ctx.T("indicators_card"), y, facts.Newest.Count(), facts.ComplianceSummary.NotMet) : Count(0), [],
                park.Indicators.Count == 0 ? ctx.T("empty_column") : null),
            new("cases", 3, ctx.T("category_cases"), ctx.Url(Routes.List(park.Id, Section.Cases)), park.Cases.Count, Count(park.Cases.Count),
                park.Cases.Take(3).Select(a => ArticlePages.ItemView(ctx, a)).ToList(), park.Cases.Count == 0 ? ctx.T("empty_column") : null),
            new("waste", 4, ctx.T("category_waste"), Page(Routes.Sections.Waste), park.Waste.Count + park.Listings.Count,
                newestWaste is { } w ? string.Format(CultureInfo.InvariantCulture, ctx.T("waste_card"), w.Report.Year, w.Report.Flows.Count) + ctx.T("list_separator") + listings : listings, [],
                park.Waste.Count + park.Listings.Count == 0 ? ctx.T("empty_column") : null),
            new("polluters", 5, ctx.T("category_polluters"), Page(Routes.Sections.Polluters), park.Polluters.Count,
                string.Format(CultureInfo.InvariantCulture, ctx.T("polluters_card"), facts.KeyPolluters.Count, exceeding), [],
                park.Polluters.Count == 0 ? ctx.T("empty_column") : null)
            {
                Missing = facts.MissingDisclosures
                    .Select(u => u.Enterprise is { } e ? ctx.Text(e.Name) : new Localized(u.EnterpriseId, ctx.Lang))
                    .Select(n => new TextView(n.Text, ctx.HtmlLang(n.Lang))).ToList(),
            },
        };
        var pages = park.Pages.Select(a => new LinkView((a.In(ctx.Lang) ?? a.Primary).Title, ctx.Url(Routes.Article(a)))).ToList();
        var benefits = facts.Benefits;
        return new PageContent("park", name, new ParkView(name, profile, categories, pages, ArticlePages.BenefitFacts(ctx, benefits).ToList(),
            CompletenessViews.Park(ctx, park)) { Compliance = ComplianceViews.Park(ctx, facts) },
            [ctx.HomeCrumb()]);
    }
}
