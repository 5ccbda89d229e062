using EcoSite.Core.Output;
using EcoSite.Core.Render;

namespace EcoSite.Tests.Render;

public sealed class SiteRendererOrderTests
{
    private static PageLinks Page(string path) => new(path, null, [], [], new HashSet<string>());

    [Fact]
    public void The_languages_runs_of_pages_merge_into_ordinal_order_of_their_paths()
    {
        // As the renderer lays them out: language by language, each in the plan's (page id) order. "en/" falls between
        // "data/" and "exchange/", and ordinal order puts "Z" before "a" and "index.html" after "exchange/...".
        string[] ids = ["Zeta.html", "data/index.html", "exchange/index.html", "index.html", "parks/a/index.html", "parks/a/news/x.html", "search/index.html"];
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var pages = ids.Select(Page).Concat(ids.Select(id => Page("en/" + id))).Concat(ids.Select(id => Page("zh-Hant/" + id))).ToArray();

        var sorted = SiteRenderer.Sorted(pages, ids.Length, 3).Select(p => p.OutputPath).ToList();

        Assert.Equal(pages.Select(p => p.OutputPath).Order(StringComparer.Ordinal), sorted);
    }

    [Fact]
    public void No_pages_are_no_pages()
    {
        Assert.Empty(SiteRenderer.Sorted([], 0, 2));
    }
}
