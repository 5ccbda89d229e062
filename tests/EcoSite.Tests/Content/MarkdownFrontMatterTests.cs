using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// Where <see cref="MarkdownBody.Parse"/> finds a Markdown file's front matter (its text, the file line it starts on,
/// where the body starts), and that <see cref="MarkdownBody.ParseFrontMatter"/>, which reads only up to the closing
/// line, always finds the same; the salutation rule of the summary at its edges.
/// </summary>
public sealed class MarkdownFrontMatterTests
{
    private static string Describe(ParsedMarkdown? p) => p is null ? "null"
        : $"{(p.FrontMatter is null ? "none" : System.Text.Json.JsonSerializer.Serialize(p.FrontMatter))}|{p.FrontMatterLineOffset}|{p.FrontMatterPos.Line}:{p.FrontMatterPos.Column}|{p.BodyStart}";

    public static TheoryData<string, string> Files() => new()
    {
        { "---\ntitle: a\n---\nBody.\n", "\"title: a\"|1|1:1|17" },
        { "---\ntitle: a\ndate: b\n---\n\nBody.\n", "\"title: a\\ndate: b\"|1|1:1|25" },
        { "---\ntitle: a\n...\nBody.\n", "\"title: a\"|1|1:1|17" },
        { "---\ntitle: a\n---", "\"title: a\"|1|1:1|16" },
        { "---\ntitle: a\n---  \nBody.\n", "\"title: a\"|1|1:1|19" },
        { "---\ntitle: a\n--- x\n---\nBody.\n", "\"title: a\\n--- x\"|1|1:1|23" },
        { "---\ntitle: a\n---\n---\nnot front matter\n---\n", "\"title: a\"|1|1:1|17" },
        { "Body only.\n", "none|0|1:1|0" },
        { "---\n---\nBody.\n", "none|0|1:1|0" },
        { "---\ntitle: a\n", "none|0|1:1|0" },
        { "--\ntitle: a\n---\n", "none|0|1:1|0" },
        { "", "none|0|1:1|0" },
        { "---", "none|0|1:1|0" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_front_matter_is_found_with_its_line_and_where_the_body_starts(string file, string expected)
    {
        var bag = new DiagnosticBag();
        var full = MarkdownBody.Parse(file, "x.md", bag);
        Assert.Equal(expected, Describe(full));
        var quick = MarkdownBody.ParseFrontMatter(file, "x.md", bag);
        Assert.Equal(expected, Describe(quick));
        Assert.Empty(quick!.Document);
        Assert.Empty(bag.ToSortedList());
    }

    [Fact]
    public void The_body_keeps_its_blocks_and_the_front_matter_block_is_removed()
    {
        var parsed = MarkdownBody.Parse("---\ntitle: a\n---\n# H\n\nText.\n", "x.md", new DiagnosticBag())!;
        Assert.Equal(["HeadingBlock", "ParagraphBlock"], parsed.Document.Select(b => b.GetType().Name));
        Assert.Equal(["ParagraphBlock"], MarkdownBody.Parse("Text.\n", "x.md", new DiagnosticBag())!.Document.Select(b => b.GetType().Name));
    }

    [Fact]
    public void Too_deep_nesting_gives_no_parse_either_way()
    {
        var deep = "---\ntitle: a\n---\n" + new string('>', 200) + " x\n";
        var bag = new DiagnosticBag();
        Assert.Null(MarkdownBody.Parse(deep, "x.md", bag));
        Assert.NotEmpty(bag.ToSortedList());
        // The front matter alone is read without the body, so the body's nesting is not seen.
        Assert.Equal("\"title: a\"|1|1:1|17", Describe(MarkdownBody.ParseFrontMatter(deep, "x.md", new DiagnosticBag())));
        // So is a front matter closed by '...', or by '---' with spaces after it.
        Assert.Equal("\"title: a\"|1|1:1|17", Describe(MarkdownBody.ParseFrontMatter(deep.Replace("\n---\n", "\n...\n"), "x.md", new DiagnosticBag())));
        Assert.Equal("\"title: a\"|1|1:1|19", Describe(MarkdownBody.ParseFrontMatter(deep.Replace("\n---\n", "\n---  \n"), "x.md", new DiagnosticBag())));
        Assert.Null(MarkdownBody.ParseFrontMatter(new string('>', 200) + " x\n", "x.md", new DiagnosticBag()));
    }

    [Theory]
    [InlineData("园区各有关企业：", true)]
    [InlineData("Dear colleagues:", true)]
    [InlineData("甲：", true)]
    [InlineData("：", false)]
    [InlineData("", false)]
    [InlineData("各位：这是正文。", false)]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九：", true)]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十：", false)]
    public void A_salutation_is_a_short_paragraph_ending_in_a_colon(string paragraph, bool salutation) =>
        Assert.Equal(salutation, MarkdownBody.IsSalutation(paragraph));
}
