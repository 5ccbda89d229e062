namespace EcoSite.Tests.EndToEnd;

/// <summary>A second build into the same folder does only the work its changes need, and gives the bytes of a cold build.</summary>
public sealed class IncrementalBuildTests
{
    private static TestSite Site() => new TestSite()
        .With("parks/demo/news/2026-11-20-meeting.md", "---\ntitle: 会议\ndate: 2026-11-20\n---\n园区召开会议。\n")
        .With("parks/demo/news/2026-11-20-meeting.en.md", "---\ntitle: Meeting\ndate: 2026-11-20\n---\nThe park met.\n")
        .With("parks/demo/news/2026-10-01-plan.md", "---\ntitle: 计划\ndate: 2026-10-01\nkind: plan\n---\n年度计划。\n")
        .With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介。\n");

    [Fact]
    public void Building_unchanged_content_again_confirms_it_and_leaves_the_output_untouched()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var page = Path.Combine(site.Output, "parks/demo/news/2026-11-20-meeting.html");
        var before = TestSite.Snapshot(site.Output);
        var stamp = File.GetLastWriteTimeUtc(page);
        var inode = new FileInfo(page).Length;

        var second = site.Build();
        Assert.True(second.Success);
        Assert.True(second.Unchanged);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(page));
        Assert.Equal(inode, new FileInfo(page).Length);
        var after = TestSite.Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(second.Pages, site.Build().Pages);
    }

    [Fact]
    public void A_changed_page_is_rendered_again_others_are_reused_and_the_result_equals_a_cold_build()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        site.With("parks/demo/news/2026-10-01-plan.md", "---\ntitle: 新计划\ndate: 2026-10-01\nkind: plan\n---\n修订后的年度计划。\n");

        var incremental = site.Build();
        Assert.True(incremental.Success);
        Assert.False(incremental.Unchanged);
        Assert.True(incremental.ReusedPages >= 4, $"reused {incremental.ReusedPages}"); // the meeting and about pages, both languages
        Assert.Contains("修订后的年度计划", site.Read("parks/demo/news/2026-10-01-plan.html"));
        Assert.Contains("新计划", site.Read("parks/demo/news/index.html"));

        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_deleted_page_disappears_from_the_incremental_output()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        site.Without("parks/demo/pages/about.md");
        Assert.True(site.Build().Success);
        Assert.False(site.Exists("parks/demo/pages/about.html"));
        Assert.False(site.Exists("en/parks/demo/pages/about.html"));
    }
}
