namespace EcoSite.Tests.EndToEnd;

/// <summary>The link check over a whole built site: what the pages really link to, in every language.</summary>
public sealed class LinkCheckTests
{
    [Fact]
    public void The_sample_site_has_no_broken_link_anchor_or_image()
    {
        using var site = new TestSite(minimal: false);
        InvalidFixtureTests.Copy(TestSite.SampleContent, site.Content);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "ECO203" or "ECO204" or "ECO205");
    }

    [Fact]
    public void A_link_to_an_anchor_that_is_not_on_the_page_is_a_warning_at_the_markdown_file_and_the_site_is_published()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-03-02-plan.md", "---\ntitle: 计划\ndate: 2026-03-02\n---\n## 目标\n计划正文。\n")
            .With("parks/demo/news/2026-11-20-meeting.md", "---\ntitle: 会议\ndate: 2026-11-20\n---\n见[计划](2026-03-02-plan.md#no-such-heading)。\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var anchors = result.Diagnostics.Where(d => d.Code == "ECO204").ToList();
        Assert.Equal(2, anchors.Count); // the zh page and the en page (which shows the zh text)
        Assert.All(anchors, d => Assert.Equal("parks/demo/news/2026-11-20-meeting.md", d.File));
        Assert.True(site.Exists("parks/demo/news/2026-11-20-meeting.html"));
    }

    [Fact]
    public void A_theme_page_linking_to_a_missing_page_and_image_gets_ECO203_and_ECO205_in_every_language()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + "\ntheme: ../mytheme\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var templates = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "home.sbnhtml"), "<a href=\"{{ page.root }}gone.html\">x</a><img src=\"{{ page.root }}assets/none.png\" alt=\"\">\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(["ECO203 en/index.html", "ECO203 index.html"], Where(result, "ECO203"));
        Assert.Equal(["ECO205 en/index.html", "ECO205 index.html"], Where(result, "ECO205"));
    }

    private static List<string> Where(EcoSite.Core.BuildResult result, string code) =>
        result.Diagnostics.Where(d => d.Code == code).Select(d => $"{d.Code} {d.File}").Order(StringComparer.Ordinal).ToList();
}
