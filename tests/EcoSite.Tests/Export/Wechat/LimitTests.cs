using EcoSite.Core.Content;
using EcoSite.Core.Export.Wechat;

namespace EcoSite.Tests.Export.Wechat;

/// <summary>WeChat's limits (微信公众平台帮助中心, 图文消息): a title of at most 64 characters, a digest of at most 120, cut at a sentence end.</summary>
public sealed class LimitTests
{
    private static readonly string LongChineseTitle = string.Concat(Enumerable.Repeat("园区召开产业共生推进会", 10));
    private static readonly string LongEnglishTitle = string.Concat(Enumerable.Repeat("The park holds its quarterly industrial symbiosis meeting ", 4)).Trim();
    private static readonly string ChineseSummary = string.Concat(Enumerable.Repeat("园区推进固体废物综合利用，提升资源利用效率。", 10));
    private static readonly string EnglishSummary = string.Concat(Enumerable.Repeat("The park reused 92.5 percent of its slag this year. ", 6)).Trim();

    [Theory]
    [InlineData(120)]
    [InlineData(64)]
    [InlineData(7)]
    public void A_Chinese_text_is_cut_after_the_last_full_sentence_within_the_character_budget(int max)
    {
        var s = Summary.CutCharacters(ChineseSummary, max);
        Assert.True(s.Length <= max, $"{s.Length} > {max}: {s}");
        if (max >= 22)
        {
            Assert.EndsWith("。", s);
            Assert.Equal(max / 22 * 22, s.Length); // whole sentences of 22 characters each
        }
        else Assert.EndsWith("…", s);
    }

    [Fact]
    public void An_English_text_is_cut_at_a_full_stop_not_inside_a_number()
    {
        var s = Summary.CutCharacters(EnglishSummary, 120);
        Assert.True(s.Length <= 120);
        Assert.EndsWith("this year.", s);
        Assert.Equal(2, s.Split("92.5").Length - 1);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var s = Summary.CutCharacters(string.Concat(Enumerable.Repeat("😀", 100)), 64);
        Assert.True(s.Length <= 64);
        Assert.EndsWith("…", s);
        Assert.False(char.IsHighSurrogate(s[^2]));
        Assert.Equal(s, new System.Text.UTF8Encoding(false, true).GetString(new System.Text.UTF8Encoding(false, true).GetBytes(s)));
    }

    [Fact]
    public void Titles_and_digests_of_exported_articles_respect_the_limits_in_Chinese_and_English()
    {
        using var site = WechatTestSite.Create()
            .With("parks/demo/news/2026-11-20-long.md", $"---\ntitle: {LongChineseTitle}\ndate: 2026-11-20\nsummary: {ChineseSummary}\n---\n{ChineseSummary}\n")
            .With("parks/demo/news/2026-11-20-long.en.md", $"---\ntitle: {LongEnglishTitle}\ndate: 2026-11-20\n---\n{EnglishSummary}\n")
            .With("parks/demo/news/2026-11-21-short.md", "---\ntitle: 短标题\ndate: 2026-11-21\n---\n一句话。\n");
        for (var i = 0; i < 12; i++)
            site.With($"parks/demo/exchange/listing-{i:00}.yaml", WechatTestSite.Listing(i % 2 == 0 ? "supply" : "demand", $"很长的物料名称第{i}号再生资源副产品", "2026-11-28", "2027-05-01"));
        var result = site.Export(["zh", "en"]);
        Assert.True(result.Success, WechatTestSite.Diagnostics(result));
        var articles = WechatTestSite.Articles(site.ExportDir()).ToList();
        Assert.Equal(7, articles.Count);
        foreach (var a in articles)
        {
            var title = a.GetProperty("title").GetString()!;
            var digest = a.GetProperty("digest").GetString()!;
            Assert.True(title.Length is > 0 and <= WechatLimits.Title, $"title of {title.Length}: {title}");
            Assert.True(digest.Length is > 0 and <= WechatLimits.Digest, $"digest of {digest.Length}: {digest}");
        }
        var zh = articles.Single(a => a.GetProperty("lang").GetString() == "zh" && a.GetProperty("slug").GetString() == "2026-11-20-long");
        Assert.EndsWith("…", zh.GetProperty("title").GetString());
        Assert.EndsWith("。", zh.GetProperty("digest").GetString());
        var en = articles.Single(a => a.GetProperty("lang").GetString() == "en" && a.GetProperty("slug").GetString() == "2026-11-20-long");
        Assert.StartsWith("The park holds its quarterly", en.GetProperty("title").GetString());
        Assert.EndsWith(".", en.GetProperty("digest").GetString());
        var shortOne = articles.Single(a => a.GetProperty("slug").GetString() == "2026-11-21-short");
        Assert.Equal("短标题", shortOne.GetProperty("title").GetString());
        Assert.Equal("一句话。", shortOne.GetProperty("digest").GetString());
        // Twelve long material names overflow the digest of a digest article, which ends at a sentence or an ellipsis.
        var region = articles.First(a => a.GetProperty("kind").GetString() == "region-digest");
        Assert.Matches("[。…]$", region.GetProperty("digest").GetString()!);
    }
}
