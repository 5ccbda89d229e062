using EcoSite.Core.Model;
using EcoSite.Core.Render;
using EcoSite.Core.Render.Pages;

namespace EcoSite.Tests.Render;

/// <summary>
/// A park's news and cases lists are kept by a digest of what their items are made from
/// (<see cref="ArticlePages.ListDigestSource"/>) instead of the item views: every part an item shows must change what it
/// writes into the digest, and what the list does not show (the body, attachments, another language's version when this one exists) must not.
/// </summary>
public sealed class ListDigestSourceTests
{
    private static ArticleVersion Version(string lang = "zh") =>
        new(lang, $"parks/a/news/2026-05-01-open-day.{lang}.md", "园区开放日", new DateOnly(2026, 5, 1), NewsKind.News, "示例园区举办开放日。", "<p>正文</p>", [], null);

    private static Article News(params ArticleVersion[] versions) => new("a", Section.News, "2026-05-01-open-day", versions.Length == 0 ? [Version()] : versions);

    private static string Source(Article a, string lang = "zh") => ViewDigest.OfSource(ArticlePages.ListDigestSource(lang, [News(Version() with { Title = "另一条" }), a]));

    public static TheoryData<string> Shown() => ["title", "date", "no date", "summary", "kind", "slug", "park", "section", "language of the version", "list language", "an item added"];

    [Theory]
    [MemberData(nameof(Shown))]
    public void What_a_list_item_shows_changes_the_digest_source(string change)
    {
        var before = Source(News());
        var after = change switch
        {
            "title" => Source(News(Version() with { Title = "园区开放周" })),
            "date" => Source(News(Version() with { Date = new DateOnly(2026, 5, 2) })),
            "no date" => Source(News(Version() with { Date = null })),
            "summary" => Source(News(Version() with { Summary = "另一段摘要。" })),
            "kind" => Source(News(Version() with { Kind = NewsKind.Notice })),
            "slug" => Source(News() with { Slug = "2026-05-01-open-days" }),
            "park" => Source(News() with { ParkId = "b" }),
            "section" => Source(News() with { Section = Section.Pages }),
            "language of the version" => Source(News(Version("en") with { Title = "园区开放日" })),
            "list language" => Source(News(), "en"),
            "an item added" => ViewDigest.OfSource(ArticlePages.ListDigestSource("zh", [News(Version() with { Title = "另一条" }), News(), News()])),
            _ => throw new ArgumentException(change),
        };
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void What_a_list_does_not_show_leaves_the_digest_source()
    {
        var before = Source(News());
        Assert.Equal(before, Source(News(Version() with { BodyHtml = "<p>改过的正文</p>", File = "parks/a/news/other.zh.md" })));
        // The English list shows the English version; the Chinese one's title is not on it.
        var en = Version("en") with { Title = "Open day" };
        Assert.Equal(Source(News(Version(), en), "en"), Source(News(Version() with { Title = "园区开放周" }, en), "en"));
    }
}
