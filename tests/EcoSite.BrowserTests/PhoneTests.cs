namespace EcoSite.BrowserTests;

/// <summary>
/// Every page on a 390 px phone (issue 13): tables scroll inside a labelled, focusable region instead of squeezing a
/// Chinese column to one character per line, and the header navigation is plain links on the screen.
/// </summary>
public sealed partial class BrowserTests
{
    private static readonly Microsoft.Playwright.BrowserNewContextOptions Phone =
        new() { ViewportSize = new Microsoft.Playwright.ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = false };

    [Fact]
    public async Task On_a_phone_every_table_scrolls_in_a_labelled_focusable_region_and_no_cell_is_narrower_than_four_characters()
    {
        var scrolled = 0;
        var failures = await ForEachPage(Phone, async (page, _) =>
        {
            // For each cell: the width of its first four characters (fewer when it has fewer) in its own font, measured
            // on a canvas, against the width its text has in the cell. Wide tables must overflow their region instead.
            var found = await page.EvaluateAsync<string[]>("""
                () => {
                  const problems = [];
                  const g = document.createElement('canvas').getContext('2d');
                  for (const table of document.querySelectorAll('main table')) {
                    const region = table.closest('.table-scroll');
                    const name = table.caption ? table.caption.textContent.trim().slice(0, 40) : '(no caption)';
                    if (!region) { problems.push(`table "${name}" is not inside a .table-scroll region`); continue; }
                    if (region.getAttribute('role') !== 'region' || region.getAttribute('tabindex') !== '0' || !(region.getAttribute('aria-label') || '').trim())
                      problems.push(`the region of table "${name}" is not a focusable, labelled region`);
                    if (region.scrollWidth > region.clientWidth) problems.push('SCROLLS');
                    for (const cell of table.querySelectorAll('th, td')) {
                      const text = cell.textContent.replace(/\s+/g, ' ').trim();
                      if (!text) continue;
                      const style = getComputedStyle(cell);
                      g.font = style.font;
                      const need = g.measureText([...text].slice(0, 4).join('')).width;
                      const have = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                      if (have + 0.5 < need) problems.push(`cell "${text.slice(0, 20)}" of table "${name}" is ${Math.round(have)} px wide, its first four characters need ${Math.round(need)} px`);
                    }
                  }
                  return problems;
                }
                """);
            Interlocked.Add(ref scrolled, found.Count(f => f == "SCROLLS"));
            return found.Where(f => f != "SCROLLS");
        });
        AssertNone(failures, "table problems at 390 px");
        // The sample has wide tables (indicators, polluters, waste): some must scroll, or the check above proves nothing.
        Assert.True(scrolled > 0, "no table scrolls sideways at 390 px");
    }

    [Fact]
    public async Task On_a_phone_without_JavaScript_the_header_navigation_shows_the_columns_and_on_park_pages_the_five_categories()
    {
        var failures = await ForEachPage(Phone, async (page, rel) =>
        {
            if (rel == "404.html") return [];
            var problems = new List<string>();
            var main = page.Locator("header nav.site-nav a");
            if (await main.CountAsync() != 4) problems.Add($"{await main.CountAsync()} links in nav.site-nav, expected 4");
            for (var i = 0; i < await main.CountAsync(); i++)
            {
                var box = await main.Nth(i).BoundingBoxAsync();
                if (box is null || box.X < 0 || box.X + box.Width > 390.5) problems.Add($"site-nav link {i} is not within the screen");
            }
            var inPark = System.Text.RegularExpressions.Regex.IsMatch(rel, @"^(en/)?parks/[^/]+/");
            var park = page.Locator("header nav.park-nav a");
            var count = await park.CountAsync();
            if (inPark && count != 6) problems.Add($"{count} links in nav.park-nav, expected the park and its five categories");
            if (!inPark && count != 0) problems.Add("a park navigation outside a park");
            var isColumn = System.Text.RegularExpressions.Regex.IsMatch(rel,
                @"^(en/)?((exchange|data|search)/)?index\.html$|^(en/)?parks/[^/]+/((news|indicators|cases|waste|polluters)/)?index\.html$");
            if (isColumn && await page.Locator("header nav a[aria-current]").CountAsync() == 0)
                problems.Add("no navigation link is marked aria-current on a column's page");
            return problems;
        });
        AssertNone(failures, "navigation problems at 390 px");
    }
}
