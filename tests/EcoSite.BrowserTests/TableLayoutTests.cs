using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// How the tables read (issue 13), on every page with a table, zh and en, over the sample and the many-park province:
/// in a table that scrolls sideways on a phone the row's name stays in view, and a column header breaks only at a space
/// or at punctuation, never inside an English word or a Chinese header word. The many-park site's numbered copies of
/// a park have the same tables as the original, so only the originals and the site-wide pages are read there.
/// </summary>
public abstract class TableLayoutChecks(SiteFixture site)
{
    private List<string> TablePages() =>
        site.Pages.Where(p => !Regex.IsMatch(p, @"^(en/)?parks/[^/]+-\d+/"))
            .Where(p => File.ReadAllText(Path.Combine(site.Output, p)).Contains("<table", StringComparison.Ordinal))
            .ToList();

    private async Task<List<string>> OnEachTablePage(int width, string script)
    {
        var pages = TablePages();
        Assert.NotEmpty(pages);
        var failures = new List<string>();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 844 } });
        var page = await context.NewPageAsync();
        foreach (var rel in pages)
        {
            var response = await page.GotoAsync(site.Url(rel), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response?.Status != 200) { failures.Add($"{rel}: HTTP {response?.Status}"); continue; }
            failures.AddRange((await page.EvaluateAsync<string[]>(script)).Select(p => $"{rel} at {width}: {p}"));
        }
        return failures;
    }

    /// <summary>
    /// For each table region that scrolls sideways: every row must have a name (its row header, or its first cell
    /// when the table has no row headers); scrolled to the far right, the name of the first and last rows and the
    /// column header above it must keep their place in the region, be
    /// wholly inside it and be the element drawn at their centre (on top of the cells sliding under them).
    /// Returns "SCROLLED" once per region checked, so the test can tell that some region did scroll.
    /// </summary>
    private const string StickyNames = """
        () => {
          const problems = [];
          for (const region of document.querySelectorAll('main .table-scroll')) {
            const table = region.querySelector('table');
            if (!table || region.scrollWidth <= region.clientWidth + 1) continue;
            const name = table.caption ? table.caption.textContent.trim().slice(0, 40) : '(no caption)';
            const rows = [...table.querySelectorAll(':scope > tbody > tr')];
            // A row's name: its row header, or its first cell in a table without row headers (an editor's Markdown table).
            const headed = !!table.querySelector(':scope > tbody > tr > th[scope="row"]');
            const heads = rows.map(r => headed ? r.querySelector(':scope > th[scope="row"]') : r.firstElementChild);
            if (!rows.length || heads.some(h => !h)) { problems.push(`table "${name}" scrolls sideways but not every row has a name`); continue; }
            const column = [...heads[0].parentElement.children].indexOf(heads[0]);
            const top = table.tHead ? table.tHead.rows[0].cells[column] : null;
            const cells = [heads[0], heads[heads.length - 1]].concat(top ? [top] : []);
            region.scrollLeft = 0;
            const at = cells.map(c => c.getBoundingClientRect().left - region.getBoundingClientRect().left);
            region.scrollLeft = region.scrollWidth;
            if (region.scrollLeft === 0) { problems.push(`table "${name}" did not scroll`); continue; }
            problems.push('SCROLLED');
            cells.forEach((c, i) => {
              // Bring the cell into the window vertically only (scrollIntoView could scroll the region back).
              window.scrollTo(0, window.scrollY + c.getBoundingClientRect().top - innerHeight / 2);
              const b = c.getBoundingClientRect(), r = region.getBoundingClientRect();
              const text = c.textContent.trim().slice(0, 20);
              if (Math.abs(b.left - r.left - at[i]) > 1) problems.push(`in table "${name}", "${text}" moved from ${Math.round(at[i])} to ${Math.round(b.left - r.left)} px when the region scrolled`);
              if (b.left < r.left - 1 || b.right > r.right + 1) problems.push(`in table "${name}", "${text}" is not wholly inside its region when scrolled`);
              const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
              if (!hit || !c.contains(hit)) problems.push(`in table "${name}", "${text}" is covered by ${hit ? hit.tagName.toLowerCase() + ' "' + hit.textContent.trim().slice(0, 20) + '"' : 'nothing'} when scrolled`);
            });
            region.scrollLeft = 0;
          }
          return problems;
        }
        """;

    private const string ColumnHeaders = "main thead th, main th[scope=\"col\"]";

    private static string Breaks(string selector, string filter = "/(?:)/") =>
        HeaderBreaks.Replace("SELECTOR", selector, StringComparison.Ordinal).Replace("FILTER", filter, StringComparison.Ordinal);

    /// <summary>
    /// Where each character of each cell that SELECTOR finds (and whose text FILTER matches) is drawn (a Range per character): whenever the next visible
    /// character starts a new line, the break must be at a space or next to punctuation or a symbol. Text that is
    /// visually hidden (1 px boxes) is skipped.
    /// </summary>
    private const string HeaderBreaks = """
        () => {
          const problems = [];
          const mark = /[\p{P}\p{S}]/u;
          for (const th of document.querySelectorAll('SELECTOR')) {
            if (!FILTER.test(th.textContent.trim())) continue;
            const chars = [];
            const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const owner = n.parentElement.getBoundingClientRect();
              if (owner.width <= 1 || owner.height <= 1) continue;
              for (let i = 0; i < n.data.length; ) {
                const len = n.data.codePointAt(i) > 0xffff ? 2 : 1;
                const range = document.createRange();
                range.setStart(n, i); range.setEnd(n, i + len);
                const rect = [...range.getClientRects()].find(x => x.width > 0 && x.height > 0);
                chars.push({ ch: n.data.slice(i, i + len), rect });
                i += len;
              }
            }
            let prev = null, space = false;
            for (const c of chars) {
              if (!c.rect || /\s/u.test(c.ch)) { space = true; continue; }
              if (prev && c.rect.top >= prev.rect.bottom - prev.rect.height / 2 && !space && !mark.test(prev.ch) && !mark.test(c.ch))
                problems.push(`header "${th.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}" breaks between "${prev.ch}" and "${c.ch}"`);
              prev = c; space = false;
            }
          }
          return problems;
        }
        """;

    [Fact]
    public async Task On_a_phone_a_table_that_scrolls_sideways_keeps_its_row_names_in_view()
    {
        var failures = await OnEachTablePage(390, StickyNames);
        var scrolled = failures.Count(f => f.EndsWith(": SCROLLED", StringComparison.Ordinal));
        failures.RemoveAll(f => f.EndsWith(": SCROLLED", StringComparison.Ordinal));
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join("\n", failures));
        // The sample's indicator, polluter and waste tables are wider than a phone: without them this proves nothing.
        Assert.True(scrolled >= 10, $"only {scrolled} table regions scroll sideways at 390 px");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Column_headers_break_only_at_a_space_or_punctuation(int width)
    {
        var failures = await OnEachTablePage(width, Breaks(ColumnHeaders));
        Assert.True(failures.Count == 0, $"{failures.Count} headers break inside a word:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_year_and_its_status_break_only_between_them(int width)
    {
        // Cells that name a year with its status, "2025（初步数据）" or "2025 (preliminary)": the latest figures' year and the trend rows.
        Assert.Contains(TablePages(), p => File.ReadAllText(Path.Combine(site.Output, p)).Contains("（初步数据）", StringComparison.Ordinal));
        var failures = await OnEachTablePage(width, Breaks("main tbody td, main tbody th", "/^\\d{4} ?[（(]/u"));
        Assert.True(failures.Count == 0, $"{failures.Count} row names break inside a word:\n" + string.Join("\n", failures));
    }
}

[Collection("site")]
public sealed class SampleTableLayoutTests(SiteFixture site) : TableLayoutChecks(site);

[Collection("many-parks")]
public sealed class ManyParkTableLayoutTests(ManyParkFixture site) : TableLayoutChecks(site);
