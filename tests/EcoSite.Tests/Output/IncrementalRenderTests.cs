using EcoSite.Core;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// What an incremental build takes from the build state (docs/incremental.md, "Build state"): each page's links, so
/// reused pages are not read back for the link check, and each search document's terms. Whatever it takes, the link
/// check reports what a cold build reports and the output equals a cold build byte for byte.
/// </summary>
public sealed class IncrementalRenderTests
{
    private static TestSite Site()
    {
        var site = new TestSite()
            .With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介，见[目标](../news/2026-10-01-plan.md#goal)和[旧稿](../news/2026-10-01-plan.md#nope)。\n")
            .With("parks/demo/news/2026-10-01-plan.md", Plan("<span id=\"goal\">年度目标</span>。"));
        for (var i = 1; i <= 4; i++)
            site.With($"parks/demo/news/2026-11-{i:00}-item.md", $"---\ntitle: 消息{i}\ndate: 2026-11-{i:00}\n---\n第{i}条消息，粉煤灰{i}吨。\n");
        return site;
    }

    private static string Plan(string body) => $"---\ntitle: 计划\ndate: 2026-10-01\nkind: plan\n---\n{body}\n";

    private static string[] Broken(BuildResult r) =>
        r.Diagnostics.Where(d => d.Code is "ECO203" or "ECO204" or "ECO205").Select(d => $"{d.File}: {d.Message}").Order(StringComparer.Ordinal).ToArray();

    private static (BuildResult Result, string Dir) Cold(TestSite site)
    {
        var dir = Path.Combine(site.Root, "cold-" + Guid.NewGuid().ToString("N"));
        return (site.Build(dir), dir);
    }

    [Fact]
    public void A_broken_link_in_an_unchanged_page_is_still_reported_and_the_page_is_not_read_back()
    {
        using var site = Site();
        var first = site.Build();
        Assert.True(first.Success);
        Assert.NotEmpty(Broken(first));
        site.With("parks/demo/news/2026-11-02-item.md", "---\ntitle: 消息2\ndate: 2026-11-02\n---\n第2条消息，已更正。\n");

        var second = site.Build();

        Assert.True(second.ReusedPages > 0);
        Assert.Equal(0, second.PagesReadBack);
        Assert.Equal(Broken(first), Broken(second));
        var (cold, dir) = Cold(site);
        Assert.Equal(Broken(cold), Broken(second));
        TestSite.AssertSameFiles(dir, site.Output);
    }

    [Fact]
    public void An_anchor_that_another_page_no_longer_has_becomes_broken_in_the_unchanged_page_that_links_to_it()
    {
        using var site = Site();
        var first = site.Build();
        Assert.DoesNotContain(Broken(first), d => d.Contains("#goal", StringComparison.Ordinal));
        site.With("parks/demo/news/2026-10-01-plan.md", Plan("年度目标。"));

        var result = site.Build();

        Assert.True(result.ReusedPages > 0);
        Assert.Equal(0, result.PagesReadBack);
        Assert.Contains(Broken(result), d => d.StartsWith("parks/demo/pages/about.md", StringComparison.Ordinal) && d.Contains("#goal", StringComparison.Ordinal));
        var (cold, dir) = Cold(site);
        Assert.Equal(Broken(cold), Broken(result));
        TestSite.AssertSameFiles(dir, site.Output);
    }

    [Fact]
    public void Without_the_link_state_reused_pages_are_read_back_and_the_report_is_the_same()
    {
        using var site = Site();
        var first = site.Build();
        Directory.Delete(Path.Combine(site.Output, RenderState.Links), recursive: true);
        site.With("parks/demo/news/2026-11-02-item.md", "---\ntitle: 消息2\ndate: 2026-11-02\n---\n第2条消息，已更正。\n");

        var second = site.Build();

        Assert.Equal(second.ReusedPages, second.PagesReadBack);
        Assert.Equal(Broken(first), Broken(second));
        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
    }

    [Theory]
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息，粉煤灰3吨。\n")] // a title
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-09-03\n---\n第3条消息，粉煤灰3吨。\n")] // a date: the order moves
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n再生水回用工程投运。\n")] // the indexed text
    [InlineData("parks/demo/news/2026-11-05-new.md", "---\ntitle: 新消息\ndate: 2026-11-05\n---\n新增一条。\n")] // an added article
    public void After_a_change_the_output_and_the_search_index_equal_a_cold_build(string file, string text)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var before = TestSite.Snapshot(site.Output);
        site.With(file, text);

        Assert.True(site.Build().Success);

        var (_, dir) = Cold(site);
        TestSite.AssertSameFiles(dir, site.Output);
        // Search chunks are named by their contents: a chunk kept under its name kept its bytes.
        var after = TestSite.Snapshot(site.Output);
        foreach (var (path, bytes) in after.Where(f => f.Key.Contains("/c/", StringComparison.Ordinal) && before.ContainsKey(f.Key)))
            Assert.True(bytes.AsSpan().SequenceEqual(before[path]), $"{path} changed under the same name");
    }

    [Theory]
    [InlineData("parks/demo/news/2026-11-03-item.md", null)] // a deleted article: its list, the park page and the search page drop it
    [InlineData("parks/demo/park.yaml", "name: {zh: 新园区名, en: Renamed Park}\nlevel: national\nstatus: named\n")] // YAML data: every page's header
    [InlineData("parks/demo/park.yaml", "name: {zh: 测试园区, en: Test Park}\nlevel: provincial\nstatus: named\n")] // YAML data only the park page shows
    [InlineData("site.yaml", "title: {zh: 新平台, en: New Platform}\nlanguages: [zh, en]\nas_of: 2026-11-29\n")] // site.yaml
    [InlineData("site.yaml", "title: {zh: 测试平台, en: Test Platform}\nlanguages: [zh, en]\nas_of: 2026-12-29\n")] // today: freshness, "as of"
    public void After_a_change_to_what_lists_summarise_the_output_equals_a_cold_build(string file, string? text)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        if (text is null) site.Without(file);
        else site.With(file, text);

        Assert.True(site.Build().Success);

        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
    }

    [Fact]
    public void A_changed_template_rebuilds_the_pages_that_use_it()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var list = File.ReadAllText(Path.Combine(TestSite.RepoRoot(), "themes/default/templates/list.sbnhtml"));
        site.With("site.yaml", TestSite.SiteYaml + "\ntheme: mytheme\n").With("mytheme/templates/list.sbnhtml", list + "<p>themed</p>\n");

        Assert.True(site.Build().Success);

        Assert.Contains("<p>themed</p>", site.Read("parks/demo/news/index.html"), StringComparison.Ordinal);
        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
    }

    [Fact]
    public void A_body_change_that_no_list_shows_renders_only_that_page()
    {
        using var site = Site();
        var first = site.Build();
        site.With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介，已更新。\n");

        var second = site.Build();

        // The page in both languages (the English one falls back to the Chinese text); every list, the park page, the
        // portal and the search page are kept by their view digests.
        Assert.Equal(2, second.Pages - second.ReusedPages);
        Assert.Equal(first.Pages, second.Pages);
        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
    }

    [Fact]
    public void A_text_change_patches_each_language_s_search_index_and_the_output_equals_a_cold_build()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        // The same number of tokens (the rounded average length stays), other text: the English page shows the
        // Chinese text too, so both languages' documents change.
        site.With("parks/demo/news/2026-11-02-item.md", "---\ntitle: 消息2\ndate: 2026-11-02\n---\n第2条消息，粉煤灰9吨。\n");

        var result = site.Build();

        Assert.True(result.Success);
        Assert.NotNull(result.SearchIndex);
        Assert.Equal(2, result.SearchIndex.Languages);
        Assert.Equal(2, result.SearchIndex.Patched);
        Assert.Equal(2, result.SearchIndex.Tokenized);
        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
        // A build with no previous output builds each index whole.
        Assert.Equal(0, Cold(site).Result.SearchIndex!.Patched);
    }

    [Fact]
    public void A_search_state_of_another_generator_or_damaged_is_ignored()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        foreach (var state in Directory.GetFiles(Path.Combine(site.Output, ".ecosite-state", "search-zh")))
        {
            var lines = File.ReadAllLines(state);
            // Every cached document claims a term it does not have; a build that trusted a foreign header would index it.
            File.WriteAllLines(state, lines.Take(1).Select(l => l.Replace("ecosite-state search ", "ecosite-state search other-", StringComparison.Ordinal))
                .Concat(lines.Skip(1).Select(l => l + "\t伪造\t9")));
        }
        site.With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介。\n");

        Assert.True(site.Build().Success);

        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
    }

    [Fact]
    public void A_search_state_line_not_written_as_a_build_writes_it_is_tokenized_again()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        foreach (var state in Directory.GetFiles(Path.Combine(site.Output, ".ecosite-state", "search-zh")))
        {
            var lines = File.ReadAllLines(state);
            // The same counts, one written "07" for 7: read as a number it is right, but kept as it is the state file would
            // differ from a cold build's.
            File.WriteAllLines(state, lines.Take(1).Concat(lines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\t([0-9]+)$", "\t0$1"))));
        }
        site.With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介。\n");

        Assert.True(site.Build().Success);

        TestSite.AssertSameFiles(Cold(site).Dir, site.Output);
    }
}
