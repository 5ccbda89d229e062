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
}
