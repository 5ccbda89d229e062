using EcoSite.Core.Render;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Search;

namespace EcoSite.Tests.Search;

/// <summary>
/// The search page is kept by a digest of what its view is made from (<see cref="SearchPage.DigestSource"/>) instead
/// of the view itself: every part of a document the page shows must change that text, and what it does not show must not.
/// </summary>
public sealed class SearchPageDigestTests
{
    private static readonly SearchDocument Doc = new("parks/a/news/1/index.html", "园区开放日", null, "a", "news", new DateOnly(2026, 5, 1), "摘要", "正文", ["关键词"],
        new ListingFacets("supply", "粉煤灰", null));

    private static SearchInput Input(SearchDocument d, string parkLabel = "甲园区") => new("zh", new DateOnly(2026, 11, 29),
        [new("a", parkLabel), new("b", "乙园区")], [new("news", "动态"), new("exchange", "资源交换信息")], [new("supply", "供应"), new("demand", "需求")], [d]);

    private static string Source(SearchInput input) => ViewDigest.OfSource(SearchPage.DigestSource(input, SearchIndexBuilder.Order(input)));

    public static TheoryData<string> Shown() => ["park", "category", "path", "title", "date", "no date", "text language", "listing kind", "material", "hazardous class", "no listing", "park label"];

    [Theory]
    [MemberData(nameof(Shown))]
    public void What_the_page_shows_changes_the_digest_source(string change)
    {
        var input = change switch
        {
            "park" => Input(Doc with { Park = "b" }),
            "category" => Input(Doc with { Category = "exchange" }),
            "path" => Input(Doc with { Path = "parks/a/news/2/index.html" }),
            "title" => Input(Doc with { Title = "园区开放周" }),
            "date" => Input(Doc with { Date = new DateOnly(2026, 5, 2) }),
            "no date" => Input(Doc with { Date = null }),
            "text language" => Input(Doc with { TextLang = "en" }),
            "listing kind" => Input(Doc with { Listing = Doc.Listing! with { Kind = "demand" } }),
            "material" => Input(Doc with { Listing = Doc.Listing! with { Material = "脱硫石膏" } }),
            "hazardous class" => Input(Doc with { Listing = Doc.Listing! with { HazardousClass = "HW08" } }),
            "no listing" => Input(Doc with { Listing = null }),
            "park label" => Input(Doc, "甲园区（新）"),
            _ => throw new ArgumentException(change),
        };
        Assert.NotEqual(Source(Input(Doc)), Source(input));
    }

    [Fact]
    public void What_only_the_index_holds_does_not_change_it()
    {
        Assert.Equal(Source(Input(Doc)), Source(Input(Doc with { Summary = "新摘要", Body = "新正文", Keywords = ["新关键词"] })));
    }
}
