namespace EcoSite.Tests.Content;

/// <summary>site.yaml 'exclude': globs of content files that are not part of the site.</summary>
public sealed class ExcludeTests
{
    private const string Draft = "---\ntitle: 草稿\n---\n未完成。\n"; // no date: an error wherever it is loaded

    private static TestSite Site(string exclude) => new TestSite(minimal: false)
        .With("site.yaml", TestSite.SiteYaml + "\n" + exclude)
        .With("parks/demo/park.yaml", TestSite.ParkYaml)
        .With("parks/demo/news/2026-11-20-meeting.md", "---\ntitle: 会议\ndate: 2026-11-20\n---\n正文。\n")
        .With("parks/demo/news/2026-11-21-next.draft.md", Draft)
        .With("parks/demo/drafts/plan.md", Draft);

    [Fact]
    public void Without_exclude_the_drafts_are_content_and_fail_the_build()
    {
        using var site = Site("");
        var result = site.Build();
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == "ECO024" && d.File == "parks/demo/drafts");
        Assert.Contains(result.Diagnostics, d => d.File == "parks/demo/news/2026-11-21-next.draft.md");
    }

    [Fact]
    public void Excluded_files_and_folders_are_not_read_checked_or_published()
    {
        using var site = Site("exclude: [\"parks/*/drafts/**\", \"**/*.draft.md\"]\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.File.Contains("draft", StringComparison.Ordinal));
        Assert.True(site.Exists("parks/demo/news/2026-11-20-meeting.html"));
        Assert.Empty(Directory.EnumerateFiles(site.Output, "*draft*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Editing_an_excluded_file_leaves_the_build_unchanged()
    {
        using var site = Site("exclude: [\"parks/*/drafts/**\", \"**/*.draft.md\"]\n");
        Assert.True(site.Build().Success);
        site.With("parks/demo/drafts/plan.md", Draft + "更多。\n");
        var again = site.Build();
        Assert.True(again.Unchanged);
    }

    [Theory]
    [InlineData("../outside/**")]
    [InlineData("/etc/**")]
    [InlineData("C:/drafts/**")]
    public void A_pattern_that_leaves_the_content_folder_is_an_error_at_its_line(string pattern)
    {
        using var site = Site($"exclude:\n  - \"{pattern}\"\n");
        var result = site.Build();
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, x => x.Code == "ECO016");
        Assert.Equal(("site.yaml", TestSite.SiteYaml.Split('\n').Length + 2), (d.File, d.Line));
    }
}
