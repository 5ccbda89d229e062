using EcoSite.Core.Diagnostics;
using EcoSite.Core.Render;
using EcoSite.Core.Urls;

namespace EcoSite.Tests.Search;

/// <summary>
/// The search documents of every page are gathered once for a build that makes both the search page and the index,
/// and are not kept otherwise (a shard's search page: at 1,000,000 pages, most of what the regional shard held).
/// </summary>
public sealed class SearchInputSharingTests
{
    [Fact]
    public void The_documents_are_shared_only_by_a_build_that_makes_the_index()
    {
        using var site = new TestSite();
        var facts = site.Facts();
        var theme = EcoSite.Core.Render.Theme.Load(new Dictionary<string, byte[]>(), null, facts.Config.Languages, new DiagnosticBag())!;
        PageContext Search() => new(facts, theme, "zh", Routes.Search);

        var (a, b) = (SiteSearch.Input(Search()), SiteSearch.Input(Search()));
        Assert.NotSame(a, b); // nothing holds them once the page that asked is written
        Assert.NotEmpty(a.Documents);
        Assert.Equal(a.Documents, b.Documents);

        SiteSearch.ShareInputs(facts);
        Assert.Same(SiteSearch.Input(Search()), SiteSearch.Input(Search()));
    }
}
