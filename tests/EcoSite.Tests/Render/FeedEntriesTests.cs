using System.Text.RegularExpressions;

namespace EcoSite.Tests.Render;

public sealed class FeedEntriesTests
{
    [Fact]
    public void The_feed_holds_the_fifty_newest_items_and_a_days_items_in_page_order_across_the_cut()
    {
        // 30 items of distinct recent days, 40 of one day (the 50th newest falls among them: only 20 of them are in
        // the feed, the first by page id), and 30 older ones that never are.
        var site = new TestSite();
        var items = new List<(DateOnly Date, string Slug)>();
        for (var i = 0; i < 30; i++) items.Add((new DateOnly(2026, 11, 1).AddDays(i), $"recent-{i:D2}"));
        // Slugs whose ordinal order differs from the order they are written in.
        for (var i = 0; i < 40; i++) items.Add((new DateOnly(2026, 10, 15), $"same-day-{(i * 17) % 40:D2}{(i % 3 == 0 ? "-b" : "")}"));
        for (var i = 0; i < 30; i++) items.Add((new DateOnly(2025, 1, 1).AddDays(i), $"old-{i:D2}"));
        foreach (var (date, slug) in items)
            site.With($"parks/demo/news/{slug}.md", $"---\ntitle: 条目 {slug}\ndate: {date:yyyy-MM-dd}\n---\n正文。\n");
        using (site)
        {
            var result = site.Build();
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            var expected = items.OrderByDescending(x => x.Date).ThenBy(x => $"parks/demo/news/{x.Slug}.html", StringComparer.Ordinal)
                .Take(50).Select(x => $"parks/demo/news/{x.Slug}.html").ToList();
            var feed = site.Read("feed.xml");
            var shown = Regex.Matches(feed, @"parks/demo/news/[a-z0-9-]+\.html").Select(m => m.Value).Distinct().ToList();
            Assert.Equal(expected, shown);
        }
    }
}
