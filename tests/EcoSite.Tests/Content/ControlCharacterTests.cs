using System.Text;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Content;

/// <summary>
/// Control characters (C0 but tab and line feed, DEL, C1), the noncharacters U+FFFE and U+FFFF and lone surrogates are
/// an error at their line and column wherever they come from (a raw character, a YAML escape, a Markdown character
/// reference, a file name) before any writer sees them: XML writers refuse them and terminals obey them.
/// </summary>
public sealed class ControlCharacterTests
{
    public static TheoryData<string> Forbidden() => new("\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u009B", "\uFFFE", "\uFFFF");

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_control_character_in_a_markdown_title_is_an_error_at_its_line_and_column(string c)
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", $"---\ntitle: 会议{c}通知\ndate: 2026-11-20\n---\n正文。\n");
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO008", "parks/demo/news/2026-11-20-x.md", 2, 10);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_control_character_in_yaml_is_an_error_at_its_line_and_column(string c)
    {
        using var site = new TestSite().With("parks/demo/park.yaml", $"name: {{zh: 测试园区, en: Test Park}}\nlevel: national\ncity: 示例{c}市\n");
        DiagnosticAssert.Has(site.Check().Diagnostics, "ECO008", "parks/demo/park.yaml", 3, 9);
    }

    [Theory]
    [InlineData("\"\\x01\"")]
    [InlineData("\"\\u000B\"")]
    [InlineData("\"\\uFFFE\"")]
    [InlineData("\"\\e[31mred\"")]
    [InlineData("\"\\N\"")]
    public void A_yaml_escape_that_makes_a_control_character_is_an_error_at_the_value(string value)
    {
        using var site = new TestSite().With("parks/demo/park.yaml", $"name: {{zh: 测试园区, en: Test Park}}\ncity: {value}\n");
        DiagnosticAssert.Has(site.Check().Diagnostics, "ECO008", "parks/demo/park.yaml", 2, 7);
    }

    [Fact]
    public void A_yaml_escape_that_makes_a_lone_surrogate_is_an_error_at_the_value()
    {
        using var site = new TestSite().With("parks/demo/park.yaml", "name: {zh: 测试园区, en: Test Park}\ncity: \"\\uD800\"\n");
        // YamlDotNet refuses it itself, as a syntax error at the value.
        Assert.Contains(site.Check().Diagnostics, d => d.Code is "ECO008" or "ECO010" && d.File == "parks/demo/park.yaml" && d.Line == 2 && d.IsError);
    }

    [Theory]
    [InlineData("&#1;")]
    [InlineData("&#x0B;")]
    [InlineData("&#xFFFE;")]
    [InlineData("&#x9b;")]
    public void A_markdown_character_reference_to_a_control_character_is_an_error_at_its_line(string reference)
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", $"---\ntitle: 会议\ndate: 2026-11-20\n---\n\n正文{reference}。\n");
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO008", "parks/demo/news/2026-11-20-x.md", 6);
    }

    [Theory]
    [InlineData("[a](https://example.com \"t&#1;\")")]
    [InlineData("~~~ &#1;\ncode\n~~~")]
    [InlineData("![a&#1;](https://example.com/a.png)")]
    [InlineData("<p title=\"&#1;\">x</p>")]
    public void A_control_character_reference_anywhere_in_a_body_is_an_error(string body)
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", $"---\ntitle: 会议\ndate: 2026-11-20\n---\n\n{body}\n");
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO008", "parks/demo/news/2026-11-20-x.md");
    }

    [Fact]
    public void A_control_character_in_a_media_file_name_is_an_error_naming_it()
    {
        if (OperatingSystem.IsWindows()) return; // Windows file names cannot hold control characters
        using var site = new TestSite().WithBytes("parks/demo/media/plan\u001B[31m.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n"));
        var result = site.Build();
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == "ECO008" && d.File.StartsWith("parks/demo/media/plan", StringComparison.Ordinal));
    }

    [Fact]
    public void Tabs_line_breaks_and_every_script_pass()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md",
            "---\ntitle: \"会议\\t通知 𠀀 😀 ÿ\"\ndate: 2026-11-20\n---\n\n正文\t𠀀😀 &#x1F600; &amp; &#169;。\r\n第二行。\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void The_finder_reports_lone_surrogates_and_accepts_pairs()
    {
        Assert.Equal(-1, ControlCharacters.IndexOf("a😀b\t\n"));
        Assert.Equal(1, ControlCharacters.IndexOf("a\uD800b"));
        Assert.Equal(1, ControlCharacters.IndexOf("a\uDC00b"));
        Assert.Equal(2, ControlCharacters.IndexOf("😀\uD83D"));
        Assert.Equal(0, ControlCharacters.IndexOf("\u0085"));
    }

    [Theory]
    [InlineData(0x0001, "U+0001 (a control character)")]
    [InlineData(0x0007, "U+0007 (bell)")]
    [InlineData(0x0008, "U+0008 (backspace)")]
    [InlineData(0x000B, "U+000B (vertical tab, Word's manual line break)")]
    [InlineData(0x000C, "U+000C (form feed, a page break)")]
    [InlineData(0x000D, "U+000D (carriage return)")]
    [InlineData(0x001B, "U+001B (escape, which starts terminal colour codes)")]
    [InlineData(0x001F, "U+001F (a control character)")]
    [InlineData(0x007F, "U+007F (delete)")]
    [InlineData(0x0085, "U+0085 (next line)")]
    [InlineData(0x009B, "U+009B (a C1 control character)")]
    [InlineData(0xFFFE, "U+FFFE (not a character)")]
    [InlineData(0xFFFF, "U+FFFF (not a character)")]
    [InlineData(0xD800, "U+D800 (half of a character (a lone surrogate))")]
    public void The_message_names_the_character_by_code_point_and_in_words(int code, string expected) =>
        Assert.Equal(expected, ControlCharacters.Describe("a" + (char)code, 1));
}
