using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;
using EcoSite.Core.Render;
using EcoSite.Core.Render.Pages;

namespace EcoSite.Tests.Render;

/// <summary>
/// Pages as large as the site (the search page) are built and rendered one at a time: the render walks each language's
/// pages from the same offset, so both languages' search pages were held at once, the regional shard's peak.
/// </summary>
public sealed class AlonePageTests
{
    [Fact]
    public void The_search_page_is_rendered_alone()
    {
        using var site = new TestSite();
        Assert.True(SearchPage.Jobs(site.Facts()).Single().Alone);
    }

    [Fact]
    public void Pages_rendered_alone_are_never_built_beside_each_other()
    {
        using var site = new TestSite();
        var facts = site.Facts();
        var theme = Theme.Load(new Dictionary<string, byte[]>(), null, facts.Config.Languages, new DiagnosticBag())!;
        var search = SearchPage.Jobs(facts).Single();
        var (building, most, started) = (0, 0, 0);
        using var another = new ManualResetEventSlim();
        PageContent Build(PageContext ctx)
        {
            var now = Interlocked.Increment(ref building);
            lock (another) most = Math.Max(most, now);
            // The first page waits for a second one to start beside it, which it may not: it waits until the timeout.
            if (Interlocked.Increment(ref started) == 1) another.Wait(TimeSpan.FromSeconds(5));
            else another.Set();
            Interlocked.Decrement(ref building);
            return search.Build(ctx);
        }
        var jobs = Enumerable.Range(0, 8).Select(i => new PageJob($"alone-{i}/index.html", Build) { Alone = true }).ToList();
        var renderer = new SiteRenderer(new RenderPlan(facts, theme, jobs), "test", new ParallelOptions { MaxDegreeOfParallelism = 4 }, TimeSpan.FromMinutes(1));

        using var output = SiteOutput.InMemory();
        var pages = renderer.Render(output);

        Assert.Equal(jobs.Count * facts.Config.Languages.Count, pages.Count);
        Assert.Equal(1, most);
    }
}
