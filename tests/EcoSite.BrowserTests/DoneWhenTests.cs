using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// Issue 13's "done when", on the key pages a visitor reads (home, a park, its indicators, waste and a polluter, the
/// exchange) in Chinese and English, on a 390 px phone and a 1280 px desktop: no axe violation (WCAG 2.1 A and AA),
/// nothing wider than the screen outside a focusable scroll region, no table cell narrower than four characters of its
/// text. Each page is also kept as a full-page screenshot under the test binaries' screenshots/done-when/ folder
/// (&lt;site&gt;-&lt;width&gt;-&lt;page&gt;.png), to look at as a visitor would.
/// </summary>
public abstract class DoneWhenChecks(SiteFixture site, string name)
{
    public static readonly string[] Kinds = ["home", "park", "indicators", "waste", "polluter", "exchange"];

    /// <summary>The key pages in both languages; the park is the last one (by id) that has a polluter page.</summary>
    private List<(string Kind, string Page)> KeyPages()
    {
        var park = site.Pages.Select(p => Regex.Match(p, @"^parks/([^/]+)/polluters/(?!index)[^/]+\.html$")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).Last();
        var polluter = site.Pages.First(p => Regex.IsMatch(p, $@"^parks/{park}/polluters/(?!index)[^/]+\.html$"));
        var picks = new List<(string, string)>();
        foreach (var prefix in new[] { "", "en/" })
        {
            picks.Add(("home", prefix + "index.html"));
            picks.Add(("park", prefix + $"parks/{park}/index.html"));
            picks.Add(("indicators", prefix + $"parks/{park}/indicators/index.html"));
            picks.Add(("waste", prefix + $"parks/{park}/waste/index.html"));
            picks.Add(("polluter", prefix + polluter));
            picks.Add(("exchange", prefix + "exchange/index.html"));
        }
        foreach (var (_, p) in picks) Assert.Contains(p, site.Pages);
        return picks;
    }

    private const string Overflow = """
        (vw) => {
          const problems = [];
          const page = document.documentElement.scrollWidth;
          if (page > vw) problems.push(`the page is ${page} px wide`);
          const scrolls = e => { const r = e.closest('[role="region"][tabindex="0"]'); return r && r.getAttribute('role') === 'region' && r.getAttribute('tabindex') === '0'
            && /auto|scroll/.test(getComputedStyle(r).overflowX) && r.getBoundingClientRect().right <= vw + 0.5 && r !== e; };
          for (const e of document.querySelectorAll('body *')) {
            const b = e.getBoundingClientRect();
            if (b.width === 0 || b.height === 0 || b.right <= vw + 0.5 || scrolls(e)) continue;
            if (e.parentElement && e.parentElement.getBoundingClientRect().right > vw + 0.5 && !scrolls(e.parentElement)) continue; // report the outermost only
            problems.push(`${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} reaches ${Math.round(b.right)} px`);
          }
          return problems.slice(0, 10);
        }
        """;

    private const string NarrowCells = """
        () => {
          const problems = [];
          const g = document.createElement('canvas').getContext('2d');
          for (const cell of document.querySelectorAll('main table th, main table td')) {
            const text = cell.textContent.replace(/\s+/g, ' ').trim();
            if (!text) continue;
            const style = getComputedStyle(cell);
            g.font = style.font;
            const need = g.measureText([...text].slice(0, 4).join('')).width;
            const have = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            if (have + 0.5 < need) problems.push(`cell "${text.slice(0, 20)}" is ${Math.round(have)} px wide, its first four characters need ${Math.round(need)} px`);
          }
          return problems;
        }
        """;

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Key_pages_in_both_languages_pass_axe_fit_the_screen_and_keep_four_characters_per_cell(int width)
    {
        var dir = Path.Combine(SiteFixture.ArtifactDir, "done-when");
        Directory.CreateDirectory(dir);
        var failures = new ConcurrentBag<string>();
        var pages = KeyPages();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 } });
        var page = await context.NewPageAsync();
        foreach (var (kind, rel) in pages)
        {
            var response = await page.GotoAsync(site.Url(rel), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response?.Status != 200) { failures.Add($"{rel}: HTTP {response?.Status}"); continue; }
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            foreach (var v in axe.Violations) failures.Add($"{rel} at {width}: axe {v.Id}: {v.Help} at " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString())));
            foreach (var p in await page.EvaluateAsync<string[]>(Overflow, width)) failures.Add($"{rel} at {width}: {p}");
            foreach (var p in await page.EvaluateAsync<string[]>(NarrowCells)) failures.Add($"{rel} at {width}: {p}");
            var lang = rel.StartsWith("en/", StringComparison.Ordinal) ? "en" : "zh";
            var file = Path.Combine(dir, $"{name}-{lang}-{width}-{kind}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            if (new FileInfo(file).Length < 1000) failures.Add($"{rel}: empty screenshot");
        }
        Assert.True(failures.IsEmpty, $"{failures.Count} problems on {name}:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
        Assert.Equal(Kinds.Length * 2, Directory.GetFiles(dir, $"{name}-*-{width}-*.png").Length);
    }
}

[Collection("site")]
public sealed class SampleDoneWhenTests(SiteFixture site) : DoneWhenChecks(site, "sample");

[Collection("many-parks")]
public sealed class ManyParkDoneWhenTests(ManyParkFixture site) : DoneWhenChecks(site, "many-parks")
{
    [Fact]
    public void The_generated_site_has_many_parks_each_with_its_own_column() =>
        Assert.Equal(3 * (ManyParkFixture.Copies + 1), site.Pages.Count(p => Regex.IsMatch(p, @"^parks/[^/]+/index\.html$")));
}
