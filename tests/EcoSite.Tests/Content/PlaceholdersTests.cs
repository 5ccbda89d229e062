using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>The texts 'ecosite new' writes for the editor to replace: each left in a file is warned where it stands.</summary>
public sealed class PlaceholdersTests
{
    private static IReadOnlyList<Diagnostic> Report(string text)
    {
        var bag = new DiagnosticBag();
        Placeholders.Report(text, "parks/demo/news/x.md", bag);
        return bag.ToSortedList();
    }

    [Fact]
    public void Each_placeholder_left_is_warned_at_its_line_and_column()
    {
        var diagnostics = Report($"---\ntitle: {Placeholders.TitleZh}\ndate: 2026-11-20\n---\n\n前言。{Placeholders.BodyZh}\n");
        Assert.Equal([("ECO027", 2, 8), ("ECO027", 6, 4)], diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Contains(Placeholders.TitleZh, diagnostics[0].Message);
        Assert.Contains(Placeholders.BodyZh, diagnostics[1].Message);
    }

    [Fact]
    public void Every_placeholder_is_recognised_and_two_on_one_line_are_both_warned()
    {
        foreach (var p in Placeholders.All)
            Assert.Single(Report("x: " + p + "\n"));
        Assert.Equal(2, Report($"name: {{zh: {Placeholders.ParkNameZh}, en: {Placeholders.ParkNameEn}}}\n").Count);
    }

    [Fact]
    public void A_placeholder_at_the_start_of_a_line_is_warned_at_column_one()
    {
        var d = Assert.Single(Report($"正文\n{Placeholders.BodyZh}\n"));
        Assert.Equal(("ECO027", 2, 1), (d.Code, d.Line, d.Column));
        Assert.Equal($"'{Placeholders.BodyZh}' is the text 'ecosite new' wrote for you to replace; until it is replaced this item scores nothing. Write the real text here.", d.Message);
    }

    [Fact]
    public void Comment_lines_are_not_warned_even_when_indented()
    {
        Assert.Empty(Report($"# 把“{Placeholders.TitleZh}”换成标题\n    # {Placeholders.BodyZh}\ntitle: 真标题\n"));
        Assert.Single(Report($"title: 真标题  # 不是整行注释 {Placeholders.TitleZh}\n"));
    }

    [Fact]
    public void Text_without_a_placeholder_is_not_warned()
    {
        Assert.Empty(Report("title: 请填写\nbody: 正文从这里开始\n"));
    }

    [Fact]
    public void Each_placeholder_is_found_anywhere_in_a_text_and_none_cut_short_is()
    {
        foreach (var p in Placeholders.All)
        {
            Assert.True(Placeholders.In("前文 " + p + " 后文"), p);
            Assert.True(Placeholders.In(p), p);
            Assert.False(Placeholders.In("前文 " + p[..^1] + " 后文"), p);
            Assert.False(Placeholders.In(p[1..]), p);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("真标题", false)]
    [InlineData(Placeholders.TitleEn, true)]
    [InlineData("前文" + Placeholders.WasteNameZh + "后文", true)]
    [InlineData("title to fill in", false)]
    public void A_text_holds_a_placeholder_anywhere_in_it_with_the_same_case(string? text, bool holds) =>
        Assert.Equal(holds, Placeholders.In(text));

    [Fact]
    public void A_bilingual_text_holds_a_placeholder_when_any_language_does()
    {
        Assert.False(Placeholders.In((LocalizedText?)null));
        Assert.False(Placeholders.In(LocalizedText.Of("zh", "真名")));
        Assert.True(Placeholders.In(new LocalizedText(new Dictionary<string, string> { ["zh"] = "真名", ["en"] = Placeholders.MaterialEn })));
    }

    private static ArticleVersion Version(string lang, string title, bool placeholderInBody = false, string? technology = null) =>
        new(lang, $"parks/p/cases/x.{lang}.md", title, new DateOnly(2026, 11, 20), NewsKind.News, "", "", [],
            technology is null ? null : new CaseInfo(null, LocalizedText.Of(lang, technology), new Benefits()))
        { PlaceholderInBody = placeholderInBody };

    private static Article Item(params ArticleVersion[] versions) => new("p", Section.Cases, "x", versions);

    [Fact]
    public void An_item_holds_a_placeholder_when_any_version_still_has_one_in_its_title_body_or_technology()
    {
        Assert.False(Placeholders.In(Item(Version("zh", "真标题", technology: "余热回收"), Version("en", "A real title"))));
        Assert.True(Placeholders.In(Item(Version("zh", "真标题"), Version("en", Placeholders.TitleEn))));
        Assert.True(Placeholders.In(Item(Version("zh", Placeholders.CaseTitleZh), Version("en", "A real title"))));
        Assert.True(Placeholders.In(Item(Version("zh", "真标题", placeholderInBody: true))));
        Assert.True(Placeholders.In(Item(Version("zh", "真标题", technology: Placeholders.TechnologyZh))));
    }
}
