using EcoSite.Core.Render;
using EcoSite.Core.Render.Views;

namespace EcoSite.Tests.Render;

/// <summary>
/// The view digest that lets an incremental build keep a list page: equal views hash alike, any visible change in a
/// nested view changes the hash, and a view holding a type the digest cannot trust gets no digest at all (the page is
/// then always rendered, never kept stale).
/// </summary>
public sealed class ViewDigestTests
{
    private static string? Digest(object model) =>
        ViewDigest.Of("global", "parks/a/index.html", "list", new LinkView("首页", "../index.html"), model);

    [Fact]
    public void Equal_views_hash_alike_and_a_change_deep_in_a_list_changes_the_hash()
    {
        var a = Digest(new[] { new LinkView("新闻一", "news/1.html"), new LinkView("新闻二", "news/2.html") });
        var b = Digest(new[] { new LinkView("新闻一", "news/1.html"), new LinkView("新闻二", "news/2.html") });
        var c = Digest(new[] { new LinkView("新闻一", "news/1.html"), new LinkView("新闻二（更正）", "news/2.html") });
        Assert.NotNull(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Where a text ends counts: ["ab"] and ["a", "b"] differ.
        Assert.NotEqual(Digest(new[] { new TextView("ab", "zh") }), Digest(new[] { new TextView("a", "bzh") }));
    }

    private sealed class Texts(params string?[] texts) : IDigestSource
    {
        public void WriteTo(ViewDigest.Writer writer)
        {
            foreach (var t in texts) writer.Text(t);
        }
    }

    [Fact]
    public void A_source_written_into_the_digest_keeps_where_each_text_ends()
    {
        Assert.Equal(ViewDigest.OfSource(new Texts("ab", "c")), ViewDigest.OfSource(new Texts("ab", "c")));
        Assert.NotEqual(ViewDigest.OfSource(new Texts("ab", "c")), ViewDigest.OfSource(new Texts("a", "bc")));
        Assert.NotEqual(ViewDigest.OfSource(new Texts("", null)), ViewDigest.OfSource(new Texts(null, "")));
        // Without the lengths these two would write the same bytes: a mark, then U+3A41 is the bytes 41 3A ("A:").
        Assert.NotEqual(ViewDigest.OfSource(new Texts("", "\u3A41z")), ViewDigest.OfSource(new Texts("\u413A", "z")));
        // A source in a view is written as the source, and its change changes the page's digest.
        Assert.NotEqual(Digest(new Texts("新闻一")), Digest(new Texts("新闻二")));
    }

    [Fact]
    public void Numbers_dates_and_kinds_in_a_view_change_the_hash()
    {
        Assert.Equal(Digest(new object[] { 1, 2.5, new DateOnly(2026, 5, 1), DayOfWeek.Monday }), Digest(new object[] { 1, 2.5, new DateOnly(2026, 5, 1), DayOfWeek.Monday }));
        Assert.NotEqual(Digest(new object[] { 1 }), Digest(new object[] { 2 }));
        Assert.NotEqual(Digest(new object[] { 1 }), Digest(new object[] { 1L }));
        Assert.NotEqual(Digest(new object[] { 2.5 }), Digest(new object[] { 2.25 }));
        Assert.NotEqual(Digest(new object[] { new DateOnly(2026, 5, 1) }), Digest(new object[] { new DateOnly(2026, 5, 2) }));
        Assert.NotEqual(Digest(new object[] { DayOfWeek.Monday }), Digest(new object[] { DayOfWeek.Tuesday }));
    }

    [Fact]
    public void A_view_holding_a_type_from_outside_the_generator_gets_no_digest()
    {
        // In the native build such a type's members may be trimmed away, so two different values could hash alike.
        Assert.Null(Digest(new Dictionary<string, string> { ["a"] = "b" }));
        Assert.Null(Digest(new[] { new Uri("https://example.invalid/") }));
        Assert.Null(Digest(new Func<int>(() => 1)));
    }
}
