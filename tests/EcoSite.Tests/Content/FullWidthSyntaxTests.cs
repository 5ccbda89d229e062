using EcoSite.Core.Content.Yaml;

namespace EcoSite.Tests.Content;

/// <summary>
/// Full-width punctuation typed with a Chinese input method where YAML needs ASCII syntax is named at the character;
/// the same characters inside text are left alone.
/// </summary>
public sealed class FullWidthSyntaxTests
{
    [Theory]
    [InlineData("title：园区\n", 1, 6, "U+FF1A")]
    [InlineData("a: 1\n  - name ：园区\n", 2, 10, "U+FF1A")]
    [InlineData("x: 1\nname: {zh: 园区, en：Park}\n", 2, 18, "U+FF1A")]
    [InlineData("name: {zh: 某某公司，en: Demo}\n", 1, 16, "U+FF0C")]
    [InlineData("name: {zh: 某某公司，en： Demo}\n", 1, 16, "U+FF0C")]
    [InlineData("languages: [zh，en]\n", 1, 15, "'[...]'")]
    [InlineData("languages: [zh ， en]\n", 1, 16, "'[...]'")]
    [InlineData("name:\n  　zh: 园区\n", 2, 3, "U+3000")]
    [InlineData("　# 注释\n", 1, 1, "U+3000")]
    public void The_first_full_width_syntax_character_is_found_at_its_line_and_column(string yaml, int line, int column, string named)
    {
        var found = FullWidthSyntax.Find(yaml);
        Assert.NotNull(found);
        Assert.Equal((line, column), (found.Value.Line, found.Value.Column));
        Assert.Contains(named, found.Value.Message);
    }

    [Theory]
    [InlineData("note: 说明：这是正文，包括【附件】。\n")]
    [InlineData("# title：这是注释\n   # a：b\n")]
    [InlineData("name: {zh: 某某公司（甲，乙）, en: Demo}\n")]
    [InlineData("items: [\"甲，乙\", 丙]\n")]
    [InlineData("title: a\n中文键：值\n")]
    // A comment may hold what would be syntax elsewhere, indented or not; so may a line that is blank or only spaces.
    [InlineData("# 例：{zh：园区}\n  # [zh，en]\n\n   \n")]
    public void Full_width_characters_inside_text_or_comments_are_not_syntax(string yaml) => Assert.Null(FullWidthSyntax.Find(yaml));

    [Theory]
    [InlineData("phone: “0000”", "'“' (U+201C)")]
    [InlineData("phone: 0000”", "'”' (U+201D)")]
    [InlineData("phone: ‘0000", "'‘' (U+2018)")]
    [InlineData("phone: 0000’", "'’' (U+2019)")]
    [InlineData("a：b", "'：' (U+FF1A, full-width colon)")]
    [InlineData("[a，b", "'，' (U+FF0C, full-width comma)")]
    [InlineData("【a", "'【' (U+3010)")]
    [InlineData("a】", "'】' (U+3011)")]
    public void A_parser_error_on_a_line_is_explained_by_the_full_width_character_on_it(string line, string named) =>
        Assert.Contains(named, FullWidthSyntax.Hint(line));

    [Fact]
    public void A_quotation_mark_is_named_before_other_full_width_characters_and_a_plain_line_gets_no_hint()
    {
        Assert.Contains("quotation mark", FullWidthSyntax.Hint("a：“b”"));
        Assert.Equal("", FullWidthSyntax.Hint("phone: \"0000\""));
    }
}
