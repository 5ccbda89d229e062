using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>Every page of the sample site, in both languages, in a real Chromium served by nginx under a sub-path.</summary>
[Collection("site")]
public sealed partial class BrowserTests(SiteFixture site)
{
    private const int Workers = 3;

    /// <summary>The pages to test: every HTML page of the output.</summary>
    private IReadOnlyList<string> Pages => site.Pages;

    /// <summary>Runs <paramref name="test"/> on every page with a few pages in parallel; returns the failures.</summary>
    private async Task<List<string>> ForEachPage(BrowserNewContextOptions options, Func<IPage, string, Task<IEnumerable<string>>> test, IReadOnlyList<string>? pages = null)
    {
        var failures = new ConcurrentBag<string>();
        var work = new ConcurrentQueue<string>(pages ?? Pages);
        async Task Worker()
        {
            await using var context = await site.NewContextAsync(options);
            var page = await context.NewPageAsync();
            while (work.TryDequeue(out var rel))
            {
                try
                {
                    var response = await page.GotoAsync(site.Url(rel), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    if (response is null || response.Status != 200 && rel != "404.html")
                    {
                        failures.Add($"{rel}: HTTP {response?.Status}");
                        continue;
                    }
                    foreach (var f in await test(page, rel)) failures.Add($"{rel}: {f}");
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    failures.Add($"{rel}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Worker()));
        return failures.Order(StringComparer.Ordinal).ToList();
    }

    private static void AssertNone(List<string> failures, string what) =>
        Assert.True(failures.Count == 0, $"{failures.Count} {what}:\n" + string.Join("\n", failures));

    [Fact]
    public async Task Every_page_has_zero_axe_violations_for_WCAG_2_1_A_and_AA()
    {
        var failures = await ForEachPage(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } }, async (page, _) =>
        {
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            return result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString())));
        });
        AssertNone(failures, "axe violations");
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_css_px()
    {
        var failures = await ForEachPage(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } }, async (page, _) =>
        {
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width <= 320) return [];
            var culprits = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > 320.5)
                  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= 320.5)
                  .slice(0, 5)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
                """);
            return [$"scrollWidth {width} > 320; widest: {string.Join("; ", culprits)}"];
        });
        AssertNone(failures, "pages scroll sideways at 320 px");
    }

    private static string Normalize(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public async Task The_main_content_is_there_with_JavaScript_disabled()
    {
        // With JavaScript, an element marked data-enhancement (the exchange's instant filter) is left out of the
        // comparison; without JavaScript every such element must be empty and hidden, so it can hide no content.
        var withJs = new ConcurrentDictionary<string, string>();
        await ForEachPage(new BrowserNewContextOptions(), async (page, rel) =>
        {
            await page.EvaluateAsync("() => document.querySelectorAll('main [data-enhancement]').forEach(e => e.remove())");
            withJs[rel] = Normalize(await page.Locator("main").First.InnerTextAsync());
            return [];
        });
        var failures = await ForEachPage(new BrowserNewContextOptions { JavaScriptEnabled = false }, async (page, rel) =>
        {
            if (await page.Locator("main").CountAsync() == 0) return ["no <main> element"];
            var text = Normalize(await page.Locator("main").First.InnerTextAsync());
            var problems = new List<string>();
            var enhancements = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('[data-enhancement]')].filter(e => !e.hidden || e.childNodes.length > 0 || e.getClientRects().length > 0).map(e => e.className)");
            problems.AddRange(enhancements.Select(e => $"the enhancement '{e}' is not empty and hidden without JavaScript"));
            if (text.Length == 0) problems.Add("<main> is empty without JavaScript");
            if (await page.Locator("h1").CountAsync() == 0 || !await page.Locator("h1").First.IsVisibleAsync()) problems.Add("no visible <h1> without JavaScript");
            if (withJs.TryGetValue(rel, out var js) && js != text)
                problems.Add($"<main> text differs without JavaScript ({text.Length} chars) from with it ({js.Length} chars)");
            return problems;
        });
        AssertNone(failures, "pages lose content without JavaScript");
    }

    [Fact]
    public async Task The_language_switcher_leads_to_the_same_page_in_the_other_language()
    {
        var pages = Pages.Where(p => p != "404.html").ToList();
        var failures = await ForEachPage(new BrowserNewContextOptions(), async (page, rel) =>
        {
            var here = page.Url;
            var lang = await page.GetAttributeAsync("html", "lang");
            var link = page.Locator("nav.lang-switch a[hreflang]");
            if (await link.CountAsync() == 0) return ["no nav.lang-switch a[hreflang]"];
            var href = await link.First.GetAttributeAsync("href");
            var other = new Uri(new Uri(here), href!).AbsoluteUri;
            var response = await page.GotoAsync(other);
            if (response?.Status != 200) return [$"switcher target {other} answers {response?.Status}"];
            var otherLang = await page.GetAttributeAsync("html", "lang");
            var problems = new List<string>();
            if (otherLang == lang) problems.Add($"switcher target {other} has the same lang '{lang}'");
            var back = page.Locator("nav.lang-switch a[hreflang]");
            if (await back.CountAsync() == 0) problems.Add($"{other} has no switcher back");
            else
            {
                var backUrl = new Uri(new Uri(other), (await back.First.GetAttributeAsync("href"))!).AbsoluteUri;
                if (backUrl != here) problems.Add($"{other} switches back to {backUrl}, not {here}");
            }
            return problems;
        }, pages);
        AssertNone(failures, "language switcher problems");
    }

    /// <summary>The home, a park page and the exchange page in both languages, at 320 and 1280 px.</summary>
    private IReadOnlyList<string> ScreenshotPages()
    {
        var picks = new List<string>();
        foreach (var prefix in new[] { "", "en/" })
        {
            picks.Add(prefix + "index.html");
            var park = Pages.Where(p => Regex.IsMatch(p, "^" + Regex.Escape(prefix) + @"parks/[^/]+/index\.html$")).Order(StringComparer.Ordinal).FirstOrDefault();
            if (park is not null) picks.Add(park);
            var exchange = Pages.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && (prefix.Length > 0 || !p.StartsWith("en/", StringComparison.Ordinal))
                                            && p.Contains("exchange", StringComparison.Ordinal) && p.EndsWith("index.html", StringComparison.Ordinal))
                .OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            if (exchange is not null) picks.Add(exchange);
        }
        return picks.Where(Pages.Contains).Distinct().ToList();
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Screenshots_of_the_home_a_park_and_the_exchange_page_are_written(int width)
    {
        var pages = ScreenshotPages();
        Assert.Contains("index.html", pages);
        Assert.Contains("en/index.html", pages);
        var written = new ConcurrentBag<string>();
        var failures = await ForEachPage(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } }, async (page, rel) =>
        {
            var file = Path.Combine(SiteFixture.ArtifactDir, rel.Replace(".html", "").Replace('/', '_') + $"-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            written.Add(file);
            return new FileInfo(file).Length > 1000 ? [] : [$"screenshot {file} is empty"];
        }, pages);
        AssertNone(failures, "screenshot problems");
        Assert.Equal(pages.Count, written.Count);
    }

    [Fact]
    public async Task Chinese_text_renders_with_a_CJK_font_not_as_boxes()
    {
        var zhPages = Pages.Where(p => !p.StartsWith("en/", StringComparison.Ordinal)).Take(5).ToList();
        var failures = await ForEachPage(new BrowserNewContextOptions(), async (page, _) =>
        {
            var lang = await page.GetAttributeAsync("html", "lang");
            if (lang?.StartsWith("zh", StringComparison.Ordinal) != true) return [$"lang is '{lang}', not zh"];
            // Two different CJK characters drawn in the page's own font: with no CJK font both are the same
            // "tofu" box, so their pixels are equal; a real font draws two different glyphs.
            var verdict = await page.EvaluateAsync<string>("""
                () => {
                  const font = getComputedStyle(document.querySelector('h1') || document.body).font;
                  const draw = ch => {
                    const c = document.createElement('canvas'); c.width = 64; c.height = 64;
                    const g = c.getContext('2d'); g.font = font.replace(/\d+(\.\d+)?px(\s*\/\s*\S+)?/, '40px'); g.fillStyle = '#000';
                    g.textBaseline = 'top'; g.fillText(ch, 4, 4);
                    return { data: g.getImageData(0, 0, 64, 64).data, width: g.measureText(ch).width };
                  };
                  const a = draw('中'), b = draw('园');
                  let inked = 0, diff = 0;
                  for (let i = 3; i < a.data.length; i += 4) { if (a.data[i] > 0) inked++; if (a.data[i] !== b.data[i]) diff++; }
                  if (inked < 20) return 'the glyph for 中 is blank';
                  if (diff < 20) return 'the glyphs for 中 and 园 are identical (tofu boxes): no CJK font';
                  return 'ok';
                }
                """);
            var text = await page.Locator("main").First.InnerTextAsync();
            var problems = new List<string>();
            if (verdict != "ok") problems.Add(verdict);
            if (!Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}")) problems.Add("no Chinese text in <main>");
            return problems;
        }, zhPages);
        AssertNone(failures, "Chinese rendering problems");
    }
}
