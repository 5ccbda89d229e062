using EcoSite.Core.Checks;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Checks;

/// <summary>The link check after rendering (ECO203 links, ECO204 anchors, ECO205 images), on pages described directly.</summary>
public sealed class LinkCheckerTests
{
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal)
    {
        "index.html", "parks/a/index.html", "parks/a/news/x.html", "parks/a/media/map.png", "assets/site.css", "data/index.html",
    };

    private static PageLinks Page(string path, string? source = null, string[]? links = null, string[]? images = null, string[]? ids = null) =>
        new(path, source, links ?? [], images ?? [], new HashSet<string>(ids ?? [], StringComparer.Ordinal));

    private static IReadOnlyList<EcoSite.Core.Diagnostics.Diagnostic> Check(params PageLinks[] pages) => LinkChecker.Check(pages, Files);

    [Fact]
    public void Links_and_images_to_files_that_exist_are_fine()
    {
        var page = Page("parks/a/news/x.html", "parks/a/news/x.md",
            links: ["../../../index.html", "../index.html", "x.html", "", "#top", "../../../data/", "x.html?lang=en", "../../../assets/site.css"],
            images: ["../media/map.png"], ids: ["top"]);
        Assert.Empty(Check(page, Page("index.html"), Page("parks/a/index.html"), Page("data/index.html")));
    }

    [Fact]
    public void External_and_non_http_links_are_not_checked()
    {
        var page = Page("index.html", links: ["https://example.gov.cn/none", "mailto:a@example.gov.cn", "tel:+86-10-1"]);
        Assert.Empty(Check(page));
    }

    [Fact]
    public void A_link_to_a_missing_page_is_ECO203_reported_at_the_source_file()
    {
        var d = Assert.Single(Check(Page("parks/a/news/x.html", "parks/a/news/x.md", links: ["y.html"])));
        Assert.Equal(("ECO203", "parks/a/news/x.md"), (d.Code, d.File));
        Assert.Contains("'y.html'", d.Message);
    }

    [Fact]
    public void A_missing_image_is_ECO205_and_a_page_without_source_is_reported_at_its_own_path()
    {
        var d = Assert.Single(Check(Page("parks/a/index.html", images: ["media/none.png"])));
        Assert.Equal(("ECO205", "parks/a/index.html"), (d.Code, d.File));
    }

    [Fact]
    public void A_link_above_the_site_root_is_broken()
    {
        var d = Assert.Single(Check(Page("index.html", links: ["../outside.html"])));
        Assert.Equal("ECO203", d.Code);
    }

    [Fact]
    public void An_anchor_missing_on_the_target_page_is_ECO204_and_one_present_is_fine()
    {
        var target = Page("parks/a/index.html", ids: ["completeness"]);
        Assert.Empty(Check(Page("index.html", links: ["parks/a/index.html#completeness"]), target));
        var d = Assert.Single(Check(Page("index.html", links: ["parks/a/index.html#nowhere"]), target));
        Assert.Equal("ECO204", d.Code);
        Assert.Contains("#nowhere", d.Message);
    }

    [Fact]
    public void An_anchor_on_the_same_page_is_checked_against_its_own_ids()
    {
        var d = Assert.Single(Check(Page("index.html", links: ["#missing"], ids: ["main"])));
        Assert.Equal("ECO204", d.Code);
    }

    [Fact]
    public void The_same_link_from_pages_of_different_folders_resolves_from_each()
    {
        // Links are resolved once per folder: the answer for one folder must not be taken for another's.
        var found = Check(Page("parks/a/index.html", links: ["news/x.html"]), Page("index.html", links: ["news/x.html"]),
            Page("parks/a/news/x.html", links: ["news/x.html"]), Page("parks/a/news/y.html", links: ["x.html"]));
        Assert.Equal(["index.html", "parks/a/news/x.html"], found.Select(d => d.File));
        Assert.All(found, d => Assert.Equal("ECO203", d.Code));
    }

    [Fact]
    public void Pages_of_one_folder_sharing_a_link_are_each_checked_against_their_target()
    {
        // "#top" is on the page itself, whichever page of the folder it is; a shared path link is checked once for all.
        var files = new HashSet<string>(Files, StringComparer.Ordinal) { "parks/a/other.html" };
        var pages = new[]
        {
            Page("parks/a/index.html", links: ["#top", "news/x.html#top", "news/y.html"], ids: ["top"]),
            Page("parks/a/other.html", links: ["#top", "news/x.html#top", "news/y.html"]),
            Page("parks/a/news/x.html", ids: ["main"]),
        };
        var found = LinkChecker.Check(pages, files).Select(d => (d.Code, d.File, d.Message)).ToList();
        Assert.Equal(["parks/a/index.html", "parks/a/index.html", "parks/a/other.html", "parks/a/other.html", "parks/a/other.html"], found.Select(d => d.File));
        Assert.Equal(["ECO204", "ECO203", "ECO204", "ECO204", "ECO203"], found.Select(d => d.Code));
        Assert.Single(found, d => d.Message.Contains("'#top' on parks/a/other.html"));
        Assert.Equal(2, found.Count(d => d.Message.Contains("'#top' on parks/a/news/x.html")));
    }

    [Fact]
    public void Diagnostics_come_in_page_order_whatever_the_threads()
    {
        var pages = Enumerable.Range(0, 200).Select(i => Page($"p{i:D3}.html", links: ["none.html"])).ToArray();
        var files = Check(pages).Select(d => d.File).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.Equal(200, files.Count);
    }

    [Fact]
    public void Percent_encoded_paths_and_anchors_are_decoded_before_they_are_looked_up()
    {
        var files = new HashSet<string>(Files, StringComparer.Ordinal) { "图.html" };
        var pages = new[] { Page("index.html", links: ["%E5%9B%BE.html", "%E5%9B%BE.html#%E4%B8%AD"]), Page("图.html", ids: ["中"]) };
        Assert.Empty(LinkChecker.Check(pages, files));
    }

    [Fact]
    public void Each_report_has_its_exact_message_severity_and_no_position()
    {
        var diagnostics = Check(
            Page("parks/a/news/x.html", "parks/a/news/x.md", links: ["y.html", "../index.html#gone"], images: ["../media/none.png"]),
            Page("parks/a/index.html", ids: ["top"]));
        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(("parks/a/news/x.md", 0, 0, EcoSite.Core.Diagnostics.Severity.Warning), (d.File, d.Line, d.Column, d.Severity)));
        Assert.Equal(new[]
        {
            ("ECO203", "the page parks/a/news/x.html links to 'y.html', which is not in the built site."),
            ("ECO204", "the page parks/a/news/x.html links to '#gone' on parks/a/index.html, which has no element with that id."),
            ("ECO205", "the page parks/a/news/x.html shows the image '../media/none.png', which is not in the built site."),
        }, diagnostics.Select(d => (d.Code, d.Message)));
    }

    [Fact]
    public void A_query_alone_or_after_a_path_is_dropped_before_the_lookup()
    {
        Assert.Empty(Check(Page("parks/a/index.html", links: ["?lang=en", "?", "../../index.html?x#top"]), Page("index.html", ids: ["top"])));
        var d = Assert.Single(Check(Page("index.html", links: ["none.html?x=1"])));
        Assert.Contains("'none.html?x=1'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_fragment_and_a_fragment_on_a_file_that_is_not_a_page_are_not_checked()
    {
        Assert.Empty(Check(Page("index.html", links: ["parks/a/index.html#", "assets/site.css#x", "#"]), Page("parks/a/index.html")));
    }

    [Fact]
    public void A_folder_link_with_or_without_its_slash_finds_the_folder_index_and_its_ids()
    {
        Assert.Empty(Check(Page("index.html", links: ["data", "data/", "data/#y", "data/index.html#y"]), Page("data/index.html", ids: ["y"])));
        var d = Assert.Single(Check(Page("index.html", links: ["data/#x"]), Page("data/index.html", ids: ["y"])));
        Assert.Equal(("ECO204", "the page index.html links to '#x' on data/index.html, which has no element with that id."), (d.Code, d.Message));
    }

    [Fact]
    public void An_anchor_on_a_folder_link_without_its_slash_is_checked_against_the_folder_index()
    {
        // "data#x" is answered with data/index.html, as a web server redirects "data" to "data/": its ids count.
        var diagnostics = Check(Page("parks/a/index.html", "parks/a/park.yaml", links: ["../../data#y", "../../data#x", "../../data?q#z"]), Page("data/index.html", ids: ["y"]));
        Assert.Equal(new[]
        {
            ("ECO204", "parks/a/park.yaml", "the page parks/a/index.html links to '#x' on data/index.html, which has no element with that id."),
            ("ECO204", "parks/a/park.yaml", "the page parks/a/index.html links to '#z' on data/index.html, which has no element with that id."),
        }, diagnostics.Select(d => (d.Code, d.File, d.Message)));
    }

    [Fact]
    public void A_link_to_a_folder_without_an_index_is_broken()
    {
        var d = Assert.Single(Check(Page("index.html", links: ["parks/a/news/"])));
        Assert.Equal("ECO203", d.Code);
    }

    [Fact]
    public void Only_ids_of_the_target_page_count()
    {
        var d = Assert.Single(Check(Page("index.html", links: ["parks/a/index.html#main"], ids: ["main"]), Page("parks/a/index.html", ids: ["other"])));
        Assert.Equal("ECO204", d.Code);
    }

    [Fact]
    public void A_same_page_anchor_on_a_page_written_as_its_folder_index_is_checked_against_its_ids()
    {
        // The page's output path is its folder; the file written is the folder's index.html.
        Assert.Empty(Check(Page("data/", links: ["#y", "?x"], ids: ["y"])));
        var d = Assert.Single(Check(Page("data/", links: ["#z"], ids: ["y"])));
        Assert.Equal(("ECO204", "the page data/ links to '#z' on data/, which has no element with that id."), (d.Code, d.Message));
    }
}
