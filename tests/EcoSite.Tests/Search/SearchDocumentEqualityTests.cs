using EcoSite.Core.Search;

namespace EcoSite.Tests.Search;

/// <summary>
/// <see cref="SearchDocument"/> equality is by what the document says, never by whether its lazily made text has been
/// read yet: a document made from HTML equals its twin before and after either one's body is made, and keywords
/// compare by their items, not by the list instance.
/// </summary>
public sealed class SearchDocumentEqualityTests
{
    private static SearchDocument FromHtml(string html = "<p>粉煤灰 <b>综合利用</b></p>") =>
        SearchDocument.FromHtml("parks/a/news/1/index.html", "园区开放日", null, "a", "news", new DateOnly(2026, 5, 1), "摘要", html,
            new List<string> { "粉煤灰" }, new ListingFacets("supply", "粉煤灰", null));

    [Fact]
    public void A_document_equals_its_twin_whether_or_not_its_text_was_made()
    {
        var (a, b) = (FromHtml(), FromHtml());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Contains("综合利用", a.Body, StringComparison.Ordinal); // makes a's text, not b's
        Assert.True(a.TextMade);
        Assert.False(b.TextMade);
        Assert.Equal(a, b);
        Assert.Equal(b, a);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(b.TextMade); // comparing does not make the text
    }

    [Fact]
    public void Documents_differing_in_body_keywords_or_any_field_are_not_equal()
    {
        var a = FromHtml();
        Assert.NotEqual(a, FromHtml("<p>脱硫石膏</p>"));
        Assert.NotEqual(a, a with { Keywords = ["石膏"] });
        Assert.NotEqual(a, a with { Title = "另一个" });
        Assert.NotEqual(a, a with { Listing = null });
        Assert.NotEqual(a, a with { Body = "粉煤灰 综合利用" }); // a plain body is not the same source as HTML
        var plain = new SearchDocument("p.html", "t", null, "a", "news", null, "", "正文", ["k"]);
        Assert.Equal(plain, plain with { Keywords = new List<string> { "k" } });
        Assert.Equal(plain, new SearchDocument("p.html", "t", null, "a", "news", null, "", "正文", ["k"]));
        Assert.NotEqual(plain, plain with { Body = "别的" });
        Assert.False(plain.Equals(null));
    }
}
