using EcoSite.Core.Search;

namespace EcoSite.Tests.Search;

public sealed class SearchTextTests
{
    private static List<string> Texts(string text, TokenKind? kind = null) =>
        SearchText.Tokens(text).Where(t => kind is null || t.Kind == kind).Select(t => t.Text).ToList();

    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("９００－２４９－０８", "900-249-08")]
    [InlineData("粉煤灰　石膏", "粉煤灰 石膏")]
    [InlineData("ｱｲｳｴｵ", "アイウエオ")]
    [InlineData("ＦＧＤ Gypsum ÉTÉ", "fgd gypsum été")]
    [InlineData("￥100", "¥100")]
    public void Full_width_half_width_and_case_are_folded(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Folding_keeps_one_unit_per_unit_so_highlights_map_back_to_the_text()
    {
        for (var c = 0; c <= 0xFFFF; c++)
            Assert.Equal(1, SearchText.Fold(((char)c).ToString()).Length);
    }

    [Fact]
    public void A_Chinese_run_is_indexed_as_its_characters_and_bigrams()
    {
        Assert.Equal(["粉", "煤", "粉煤", "灰", "煤灰"], Texts("粉煤灰"));
    }

    [Theory]
    [InlineData("示例青禾热电有限公司的粉煤灰全部供园区内建材企业综合利用")]
    [InlineData("園區開放日：歡迎市民參觀再生水廠")]
    [InlineData("リサイクル센터粉煤灰")]
    public void Every_substring_a_visitor_may_type_is_found_through_its_bigrams_or_its_character(string text)
    {
        var indexed = Texts(text).ToHashSet(StringComparer.Ordinal);
        for (var start = 0; start < text.Length; start++)
            for (var length = 1; start + length <= text.Length; length++)
            {
                var query = SearchText.Tokens(text.Substring(start, length));
                var needed = length == 1 ? query.Where(t => t.Kind == TokenKind.Character) : query.Where(t => t.Kind == TokenKind.Bigram);
                Assert.All(needed, t => Assert.Contains(t.Text, indexed));
            }
    }

    [Fact]
    public void Punctuation_ends_a_run_so_no_bigram_spans_it()
    {
        var bigrams = Texts("粉煤灰，脱硫石膏。钢渣", TokenKind.Bigram);
        Assert.DoesNotContain("灰脱", bigrams);
        Assert.DoesNotContain("膏钢", bigrams);
        Assert.Contains("石膏", bigrams);
    }

    [Fact]
    public void A_code_is_found_whole_without_its_dashes_and_by_its_parts()
    {
        var tokens = SearchText.Tokens("代码 900-249-08。");
        Assert.Contains(new Token("90024908", TokenKind.Joined), tokens);
        Assert.Contains(new Token("900", TokenKind.Word), tokens);
        Assert.Contains(new Token("249", TokenKind.Word), tokens);
        Assert.Contains(new Token("08", TokenKind.Word), tokens);
        Assert.Equal(SearchText.Tokens("９００－２４９－０８").Single(t => t.Kind == TokenKind.Joined), tokens.Single(t => t.Kind == TokenKind.Joined));
    }

    [Fact]
    public void Mixed_Chinese_and_English_split_where_the_script_changes()
    {
        var tokens = SearchText.Tokens("ISO14001认证与HW08危废");
        Assert.Contains(new Token("iso14001", TokenKind.Word), tokens);
        Assert.Contains(new Token("认证", TokenKind.Bigram), tokens);
        Assert.Contains(new Token("hw08", TokenKind.Word), tokens);
        Assert.Contains(new Token("危废", TokenKind.Bigram), tokens);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_character_not_two_halves()
    {
        Assert.Equal(["𠀀", "粉", "𠀀粉"], Texts("𠀀粉"));
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("disabled", "disabl")]
    [InlineData("matting", "mat")]
    [InlineData("mating", "mate")]
    [InlineData("meetings", "meet")]
    [InlineData("hissing", "hiss")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("controll", "control")]
    [InlineData("recycling", "recycl")]
    [InlineData("recycled", "recycl")]
    [InlineData("recycles", "recycl")]
    [InlineData("recycle", "recycl")]
    [InlineData("hw08", "hw08")]
    public void English_words_are_stemmed_by_Porter_steps_1_and_5(string word, string stem) =>
        Assert.Equal(stem, SearchText.Stem(word));
}
