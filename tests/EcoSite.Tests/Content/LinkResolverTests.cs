using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// How a link written in content becomes a site link: relative to the file, then to the park folder; what is refused
/// (other schemes, paths on the editor's computer, root-absolute paths, paths leaving the content or park folder,
/// missing targets), always with a located diagnostic that names the link.
/// </summary>
public sealed class LinkResolverTests : IDisposable
{
    private static readonly SourcePos At = new(7, 3);
    private readonly TestSite _site = new TestSite()
        .With("parks/demo/news/2026-plan.md", "---\ntitle: {zh: 计划, en: Plan}\ndate: 2026-01-01\n---\n正文\n")
        .With("parks/demo/news/2026-plan.en.md", "---\ntitle: Plan\ndate: 2026-01-01\n---\nBody\n")
        .With("parks/demo/media/map.png", "png")
        .With("parks/demo/media/plan.pdf", "pdf")
        .With("parks/demo2/media/plan.pdf", "pdf")
        .With("guides/x/media/a.png", "png")
        .With("parks/readme.md", "# parks\n");

    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _site.Dispose();

    private LinkResolver From(string file) => new(ContentTree.Scan(_site.Content, _bag), file, _bag);

    private string? Resolve(string url, string from = "parks/demo/news/2026-plan.md") => From(from).Resolve(url, At);

    private Diagnostic Only()
    {
        var d = Assert.Single(_bag.ToSortedList());
        Assert.Equal((7, 3), (d.Line, d.Column));
        return d;
    }

    [Theory]
    [InlineData("2026-plan.md", "eco-lang:parks/demo/news/2026-plan.html")]
    [InlineData("2026-plan.md#goals", "eco-lang:parks/demo/news/2026-plan.html#goals")]
    [InlineData("2026-plan.en.md?v=2", "eco-lang:parks/demo/news/2026-plan.html?v=2")]
    [InlineData("../media/map.png", "eco-root:parks/demo/media/map.png")]
    [InlineData("..\\media\\map.png", "eco-root:parks/demo/media/map.png")]
    [InlineData("media/map.png", "eco-root:parks/demo/media/map.png")]
    [InlineData("media/plan.pdf#page=2", "eco-root:parks/demo/media/plan.pdf#page=2")]
    [InlineData("", "")]
    [InlineData("#goals", "#goals")]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("//example.com/a", "https://example.com/a")]
    public void A_link_resolves_against_the_file_then_the_park_folder(string url, string expected)
    {
        Assert.Equal(expected, Resolve(url));
        Assert.Empty(_bag.ToSortedList());
    }

    [Fact]
    public void A_file_outside_the_parks_resolves_against_its_own_folder_only()
    {
        Assert.Equal("eco-root:parks/demo/media/map.png", Resolve("parks/demo/media/map.png", from: "index.md"));
        Assert.Null(Resolve("media/map.png", from: "index.md"));
        var d = Only();
        Assert.Equal(Codes.LinkTargetMissing.Id, d.Code);
        Assert.Contains("'media/map.png'", d.Message);
    }

    [Fact]
    public void Only_files_in_a_parks_media_folder_are_published()
    {
        Assert.Null(Resolve("guides/x/media/a.png", from: "index.md"));
        Assert.Equal(Codes.LinkTargetMissing.Id, Only().Code);
    }

    [Theory]
    [InlineData("../media/missing.png")]
    [InlineData("2025-plan.md")]
    [InlineData("../park.yaml")]
    public void A_link_to_a_missing_page_or_a_file_outside_media_is_reported_with_the_path_tried_first(string url)
    {
        Assert.Null(Resolve(url));
        var d = Only();
        Assert.Equal(Codes.LinkTargetMissing.Id, d.Code);
        Assert.Equal("parks/demo/news/2026-plan.md", d.File);
        var tried = EcoSite.Core.Urls.Routes.Combine("parks/demo/news", url);
        Assert.Contains($"'{url}' points to '{tried}'", d.Message);
    }

    [Fact]
    public void A_query_only_link_names_the_files_folder_as_the_path_tried()
    {
        Assert.Null(Resolve("?page=2"));
        Assert.Contains("points to 'parks/demo/news',", Only().Message);
    }

    [Theory]
    [InlineData("/parks/demo/media/map.png")]
    [InlineData("\\parks\\demo\\media\\map.png")]
    public void A_root_absolute_link_is_refused(string url)
    {
        Assert.Null(Resolve(url));
        var d = Only();
        Assert.Equal(Codes.RootAbsoluteLink.Id, d.Code);
        Assert.Contains($"'{url}'", d.Message);
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("../../../site.yaml/../..")]
    public void A_link_leaving_the_content_folder_is_refused(string url)
    {
        Assert.Null(Resolve(url));
        var d = Only();
        Assert.Equal(Codes.PathOutsideContent.Id, d.Code);
        Assert.Contains($"'{url}' leads outside the content folder", d.Message);
    }

    [Fact]
    public void A_path_on_the_editors_computer_is_refused()
    {
        Assert.Null(Resolve("C:\\Users\\li\\map.png"));
        var d = Only();
        Assert.Equal(Codes.PathOutsideContent.Id, d.Code);
        Assert.Contains("'C:\\Users\\li\\map.png' is a path on your computer", d.Message);
    }

    [Fact]
    public void A_refused_scheme_is_named_with_the_allowed_ones()
    {
        Assert.Null(Resolve("javascript:alert(1)"));
        var d = Only();
        Assert.Equal(Codes.UnsafeUrlRemoved.Id, d.Code);
        Assert.Contains("'javascript:alert(1)' uses 'javascript:'", d.Message);
        Assert.Contains("only http, https, mailto, tel and", d.Message);
    }

    [Fact]
    public void A_long_refused_link_is_shortened_to_60_characters_in_the_message()
    {
        var exactly60 = "data:" + new string('a', 55);
        var longer = exactly60 + "TAIL";
        Assert.Null(Resolve(exactly60));
        Assert.Null(Resolve(longer));
        var messages = _bag.ToSortedList().Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains($"'{exactly60}' uses"));
        Assert.Contains(messages, m => m.Contains($"'{exactly60}…' uses"));
        Assert.DoesNotContain(messages, m => m.Contains("TAIL"));
    }

    [Theory]
    [InlineData("parks/demo/news/2026-plan.md")]
    [InlineData("parks/demo/park.yaml")]
    public void An_attachment_resolves_against_the_park_folder(string from)
    {
        Assert.Equal("parks/demo/media/plan.pdf", From(from).ResolveMedia("media/plan.pdf", At, out var file));
        Assert.Equal("parks/demo/media/plan.pdf", file?.RelPath);
        Assert.Equal("parks/demo/media/plan.pdf", From(from).ResolveMedia("media\\plan.pdf", At, out _));
        Assert.Empty(_bag.ToSortedList());
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("c:/plan.pdf")]
    public void An_attachment_path_with_a_root_or_a_drive_is_refused(string path)
    {
        Assert.Null(From("parks/demo/park.yaml").ResolveMedia(path, At, out var file));
        Assert.Null(file);
        var d = Only();
        Assert.Equal(Codes.PathOutsideContent.Id, d.Code);
        Assert.Contains($"'{path}' must be a path inside the park folder", d.Message);
    }

    [Theory]
    [InlineData("parks/demo/park.yaml", "../demo2/media/plan.pdf")]
    [InlineData("parks/demo/park.yaml", "../../../x.pdf")]
    [InlineData("parks/readme.md", "media/plan.pdf")]
    [InlineData("index.md", "parks/demo/media/plan.pdf")]
    public void An_attachment_outside_the_files_park_folder_is_refused(string from, string path)
    {
        Assert.Null(From(from).ResolveMedia(path, At, out _));
        var d = Only();
        Assert.Equal(Codes.PathOutsideContent.Id, d.Code);
        Assert.Contains($"'{path}' leads outside the park folder", d.Message);
    }

    [Theory]
    [InlineData("media/missing.pdf")]
    [InlineData("park.yaml")]
    public void An_attachment_that_is_not_a_file_in_media_is_refused(string path)
    {
        Assert.Null(From("parks/demo/park.yaml").ResolveMedia(path, At, out _));
        var d = Only();
        Assert.Equal(Codes.LinkTargetMissing.Id, d.Code);
        Assert.Contains($"'{path}' is not a file in the park's media/ folder (parks/demo/{path})", d.Message);
    }
}
