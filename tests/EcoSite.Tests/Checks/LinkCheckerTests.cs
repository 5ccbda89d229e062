using EcoSite.Core.Checks;
using EcoSite.Core.Render;

namespace EcoSite.Tests.Checks;

/// <summary>The link check of the rendered site (ECO203 broken link, ECO204 broken anchor, ECO205 broken image).</summary>
public sealed class LinkCheckerTests
{
    private static RenderedPage Page(string path, string[]? links = null, string[]? images = null, string[]? ids = null, string? source = null) =>
        new(path, source, links ?? [], images ?? [], new HashSet<string>(ids ?? [], StringComparer.Ordinal));

    private static IReadOnlyList<EcoSite.Core.Diagnostics.Diagnostic> Check(IReadOnlyList<RenderedPage> pages, params string[] others) =>
        LinkChecker.Check(pages, new HashSet<string>(pages.Select(p => p.OutputPath).Concat(others), StringComparer.Ordinal));

    [Fact]
    public void Relative_links_to_written_files_pass()
    {
        var pages = new[]
        {
            Page("parks/a/news/x.html", links: ["../index.html", "../../../index.html", "y.html#top", "../../../exchange/", "?p=2", "#here", ""], images: ["../media/m.png"], ids: ["here"]),
            Page("parks/a/news/y.html", ids: ["top"]),
            Page("parks/a/index.html"),
            Page("index.html"),
            Page("exchange/index.html"),
        };
        Assert.Empty(Check(pages, "parks/a/media/m.png"));
    }

    [Fact]
    public void A_link_to_a_file_that_was_not_written_is_a_broken_link_reported_at_the_page_source()
    {
        var d = Assert.Single(Check([Page("parks/a/news/x.html", links: ["z.html"], source: "parks/a/news/x.md")]));
        Assert.Equal("ECO203", d.Code);
        Assert.Equal("parks/a/news/x.md", d.File);
        Assert.Contains("z.html", d.Message);
    }

    [Fact]
    public void A_link_that_climbs_above_the_site_root_is_broken()
    {
        var d = Assert.Single(Check([Page("index.html", links: ["../outside.html"])]));
        Assert.Equal("ECO203", d.Code);
    }

    [Fact]
    public void An_anchor_missing_on_the_target_page_or_on_the_same_page_is_a_broken_anchor()
    {
        var result = Check([Page("a.html", links: ["b.html#nope", "#gone", "b.html#yes", "b.html#%E4%B8%AD"], ids: ["here"]), Page("b.html", ids: ["yes", "中"])]);
        Assert.Equal(["ECO204", "ECO204"], result.Select(d => d.Code));
        Assert.Contains(result, d => d.Message.Contains("nope", StringComparison.Ordinal));
        Assert.Contains(result, d => d.Message.Contains("gone", StringComparison.Ordinal));
    }

    [Fact]
    public void An_image_that_was_not_written_is_a_broken_image_not_a_broken_link()
    {
        var d = Assert.Single(Check([Page("a.html", images: ["media/missing.png"])]));
        Assert.Equal("ECO205", d.Code);
    }

    [Fact]
    public void External_links_and_percent_encoded_paths_are_handled()
    {
        var result = Check([Page("a.html", links: ["https://example.com/missing", "mailto:a@example.gov.cn", "tel:+86", "%E5%9B%BE.html"])], "图.html");
        Assert.Empty(result);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_pages()
    {
        var pages = Enumerable.Range(0, 50).Select(i => Page($"p{i}.html", links: [$"missing{i}.html", $"p{(i + 1) % 50}.html#x{i}"], ids: [$"x{i - 1}"])).ToList();
        var forward = Check(pages);
        var backward = Check(pages.AsEnumerable().Reverse().ToList());
        Assert.Equal(forward.Select(d => d.ToString()).Order(), backward.Select(d => d.ToString()).Order());
        Assert.Equal(50, forward.Count(d => d.Code == "ECO203"));
    }
}
