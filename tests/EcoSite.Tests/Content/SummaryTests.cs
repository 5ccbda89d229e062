using EcoSite.Core.Content;

namespace EcoSite.Tests.Content;

public sealed class SummaryTests
{
    [Fact]
    public void A_short_text_is_kept_whole() => Assert.Equal("园区召开会议。", Summary.Cut("园区召开会议。"));

    [Fact]
    public void Chinese_text_is_cut_after_the_last_full_sentence_that_fits()
    {
        var text = string.Concat(Enumerable.Repeat("园区推进固废综合利用。", 20));
        var s = Summary.Cut(text);
        Assert.EndsWith("。", s);
        Assert.True(s.Length <= 80);
        Assert.True(s.Length < text.Length);
    }

    [Fact]
    public void English_text_is_cut_at_a_full_stop_not_inside_a_number()
    {
        var text = "The park reused 92.5 percent of its slag this year. " + string.Concat(Enumerable.Repeat("Another long sentence follows here. ", 10));
        var s = Summary.Cut(text);
        Assert.StartsWith("The park reused 92.5 percent", s);
        Assert.EndsWith(".", s);
        Assert.True(s.Length <= 160);
    }

    [Fact]
    public void One_overlong_sentence_is_cut_with_an_ellipsis()
    {
        var s = Summary.Cut(new string('字', 300));
        Assert.EndsWith("…", s);
        Assert.True(s.Length <= 81);
    }

    // Exact cuts, written for the mutation run of 2026-12-03 (docs/security.md, "Mutation testing").

    [Fact]
    public void White_space_is_collapsed_and_trimmed_before_measuring()
    {
        Assert.Equal("园区 召开 会议。", Summary.Cut("  园区\n\n召开\t\u3000会议。  "));
        Assert.Equal("a b", Summary.CutCharacters(" a \r\n b ", 3));
    }

    [Fact]
    public void A_text_of_exactly_the_width_is_kept_whole_and_sentences_ending_at_the_width_are_kept()
    {
        // A Chinese character is two columns: 80 of them are the whole width.
        var eighty = string.Concat(Enumerable.Repeat("一二三。", 20));
        Assert.Equal(eighty, Summary.Cut(eighty));
        Assert.Equal(eighty, Summary.Cut(eighty + "四五六。"));
        Assert.Equal(new string('a', 10), Summary.CutCharacters(new string('a', 10), 10));
    }

    [Fact]
    public void A_long_chinese_text_keeps_every_whole_sentence_that_fits()
    {
        const string sentence = "园区推进固废综合利用。"; // 11 characters, 22 columns: seven fit in 160
        var text = string.Concat(Enumerable.Repeat(sentence, 20));
        Assert.Equal(string.Concat(Enumerable.Repeat(sentence, 7)), Summary.Cut(text));
    }

    [Theory]
    [InlineData("好！再见？下次。", 6, "好！再见？")]
    [InlineData("Yes! Go? Now. More text here", 14, "Yes! Go? Now.")]
    [InlineData("v3.5x. and more", 7, "v3.5x.")]
    [InlineData("Rate 3.5 and more", 9, "Rate 3.5…")]
    [InlineData("e.g.x is one word. And more", 20, "e.g.x is one word.")]
    [InlineData("数据A.下一步工作继续", 6, "数据A.")]
    [InlineData("数据A.下一步工作继续", 3, "数据…")]
    public void A_sentence_ends_at_chinese_punctuation_or_at_latin_punctuation_before_a_space_or_a_chinese_character(string text, int max, string expected) =>
        Assert.Equal(expected, Summary.CutCharacters(text, max));

    [Fact]
    public void One_overlong_sentence_is_cut_one_column_short_of_the_width_for_the_ellipsis()
    {
        Assert.Equal(new string('字', 79) + "…", Summary.Cut(new string('字', 300)));
        Assert.Equal(new string('a', 159) + "…", Summary.Cut(new string('a', 300)));
        Assert.Equal("…", Summary.CutCharacters("长文本", 1));
    }

    [Theory]
    [InlineData("alpha beta gamma delta", 12, "alpha beta…")] // at the last space, more than half way
    [InlineData("alpha beta gamma delta", 14, "alpha beta…")] // not inside "gamma"
    [InlineData("abcde fghijklmnop", 11, "abcde fghi…")] // a space only half way: cut inside the word
    [InlineData("abcde f数据汇总报告", 9, "abcde f数…")] // before a Chinese character: no word to keep whole
    public void A_latin_sentence_is_cut_at_a_word_boundary_past_half_way(string text, int max, string expected) =>
        Assert.Equal(expected, Summary.CutCharacters(text, max));

    [Fact]
    public void A_cut_never_falls_between_the_two_halves_of_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("\U00020000", 10)); // CJK Extension B, two UTF-16 units each
        Assert.Equal("\U00020000\U00020000…", Summary.CutCharacters(text, 6));
        Assert.Equal("\U00020000\U00020000…", Summary.CutCharacters(text, 5)); // a pair ends exactly at the cut
        Assert.Equal("ab…", Summary.CutCharacters("ab\U00020000cd", 4));
    }

    [Theory]
    [InlineData('\u1100', true)] [InlineData('\u115F', true)] [InlineData('\u10FF', false)] [InlineData('\u1160', false)]
    [InlineData('\u2E80', true)] [InlineData('\uA4CF', true)] [InlineData('\u2E7F', false)] [InlineData('\uA4D0', false)]
    [InlineData('\uAC00', true)] [InlineData('\uD7A3', true)] [InlineData('\uABFF', false)] [InlineData('\uD7A4', false)]
    [InlineData('\uF900', true)] [InlineData('\uFAFF', true)] [InlineData('\uF8FF', false)] [InlineData('\uFB00', false)]
    [InlineData('\uFE30', true)] [InlineData('\uFE4F', true)] [InlineData('\uFE2F', false)] [InlineData('\uFE50', false)]
    [InlineData('\uFF00', true)] [InlineData('\uFF60', true)] [InlineData('\uFEFF', false)] [InlineData('\uFF61', false)]
    [InlineData('\uFFE0', true)] [InlineData('\uFFE6', true)] [InlineData('\uFFDF', false)] [InlineData('\uFFE7', false)]
    [InlineData('中', true)] [InlineData('。', true)] [InlineData('，', true)] [InlineData('a', false)] [InlineData('é', false)]
    public void Wide_characters_are_the_east_asian_wide_ranges_edge_to_edge(char c, bool wide)
    {
        Assert.Equal(wide, Summary.IsWide(c));
        // A wide character takes two columns of the width: 79 of them and the ellipsis, or 159 narrow ones and it.
        Assert.Equal(wide ? 80 : 160, Summary.Cut(new string(c, 300)).Length);
    }
}
