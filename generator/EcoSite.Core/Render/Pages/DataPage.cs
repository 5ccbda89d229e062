using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>data/index.html: the open datasets of the site and of each park, with their formats and schemas.</summary>
internal static class DataPage
{
    public static IEnumerable<PageJob> Jobs()
    {
        yield return new PageJob(Routes.Data, Build);
    }

    private static PageContent Build(PageContext ctx)
    {
        var site = ctx.Site;
        var datasets = new List<DatasetView>();
        void Add(string? parkId, IReadOnlyList<Park> parks, string scope)
        {
            foreach (var t in OpenData.Tables(ctx.Facts, parks))
                datasets.Add(new DatasetView(ctx.T("dataset_" + t.Name), ctx.T("dataset_" + t.Name + "_description"), scope,
                    ctx.FileUrl(Routes.DataJson(t.Name, parkId)), ctx.FileUrl(Routes.DataCsv(t.Name, parkId)),
                    ctx.FileUrl(Routes.DataTableSchema(t.Name)), ctx.FileUrl(Routes.DataJsonSchema(t.Name)), t.Rows.Count));
        }
        Add(null, site.Parks, ctx.T("whole_site"));
        foreach (var p in site.Parks) Add(p.Id, [p], ctx.Text(p.Profile.Name).Text);
        var feeds = new List<FeedLinkView>
        {
            new(ctx.T("feed"), ctx.Url(Routes.AtomFeed)),
            new(ctx.T("json_feed"), ctx.Url(Routes.JsonFeed)),
        };
        var heading = ctx.T("open_data");
        return new PageContent("data", heading,
            new DataView(heading, ctx.T("open_data_intro"), string.Format(System.Globalization.CultureInfo.InvariantCulture, ctx.T("open_data_format"), OpenData.SchemaVersion),
                datasets, ctx.FileUrl(Routes.DataCatalog), feeds) { PackageUrl = ctx.FileUrl(Routes.DataPackage) },
            [ctx.HomeCrumb()]);
    }
}
