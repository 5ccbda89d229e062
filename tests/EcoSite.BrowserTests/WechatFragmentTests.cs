using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EcoSite.Core.Content;
using EcoSite.Core.Export.Wechat;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// The WeChat export of the sample content as a phone shows it: every article's preview (the fragment alone in a
/// page) at 375 CSS px, chromium's width for a 375 pt phone screen. Screenshots of a news item and the regional digest
/// are kept in <see cref="ArtifactDir"/> (screenshots/wechat/ beside the test binaries).
/// </summary>
[Collection("site")]
public sealed class WechatFragmentTests(SiteFixture site) : IDisposable
{
    private const int PhoneWidth = 375;

    private readonly string _export = Path.Combine(site.Root, "wechat-" + Guid.NewGuid().ToString("N"));

    public static string ArtifactDir
    {
        get
        {
            var dir = Path.Combine(SiteFixture.ArtifactDir, "wechat");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private IReadOnlyList<(string Preview, string Kind, string Lang)> Export()
    {
        // Digests from the start of the year, so the regional and park digests are written too.
        var result = WechatExporter.Export(new WechatOptions(SiteFixture.SampleContent, _export, BuildClock.FromEnvironment(), ["zh", "en"], new DateOnly(2026, 1, 1)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_export, WechatExporter.ManifestName)));
        return manifest.RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => (a.GetProperty("preview").GetString()!, a.GetProperty("kind").GetString()!, a.GetProperty("lang").GetString()!)).ToList();
    }

    private string FileUrl(string rel) => new Uri(Path.Combine(_export, rel)).AbsoluteUri;

    [Fact]
    public async Task Every_fragment_fits_375_px_without_sideways_scrolling_and_shows_its_images_and_QR_code()
    {
        var previews = Export();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 667 } });
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var (preview, _, _) in previews)
        {
            await page.GotoAsync(FileUrl(preview), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > PhoneWidth)
            {
                var culprits = await page.EvaluateAsync<string[]>($$"""
                    () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {{PhoneWidth}}.5)
                      .slice(0, 5).map(e => e.tagName.toLowerCase() + ' right=' + Math.round(e.getBoundingClientRect().right))
                    """);
                failures.Add($"{preview}: scrollWidth {width} > {PhoneWidth}; widest: {string.Join("; ", culprits)}");
            }
            var broken = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))");
            failures.AddRange(broken.Select(src => $"{preview}: image {src} does not load"));
            var qr = await page.EvaluateAsync<int>("() => [...document.images].filter(i => i.getAttribute('src') === 'images/qr-code.png' && i.getBoundingClientRect().width >= 150).length");
            if (qr != 1) failures.Add($"{preview}: {qr} QR codes shown at 150 px or more, not 1");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Screenshots_of_a_news_fragment_and_the_regional_digest_at_375_px_are_kept()
    {
        var previews = Export();
        var picks = new[]
        {
            previews.First(p => p.Lang == "zh" && p.Preview.Contains("symbiosis-meeting", StringComparison.Ordinal)),
            previews.First(p => p.Lang == "zh" && p.Kind == "region-digest"),
            previews.First(p => p.Lang == "en" && p.Kind == "region-digest"),
        };
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 667 } });
        var page = await context.NewPageAsync();
        foreach (var (preview, kind, lang) in picks)
        {
            await page.GotoAsync(FileUrl(preview), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var file = Path.Combine(ArtifactDir, $"{lang}-{(kind == "news" ? "news" : kind)}-{PhoneWidth}.png");
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            // A full-page screenshot is the page's width: 375 px, or the fragment widened the page.
            Assert.Equal(PhoneWidth, BitConverter.ToInt32([png[19], png[18], png[17], png[16]]));
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
        }
    }

    [Fact]
    public async Task Fragments_and_the_export_index_have_no_WCAG_2_1_AA_violations()
    {
        var previews = Export();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 667 } });
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var rel in previews.Select(p => p.Preview).Prepend(WechatExporter.IndexName))
        {
            await page.GotoAsync(FileUrl(rel), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            failures.AddRange(result.Violations.Select(v => $"{rel}: {v.Id}: {v.Help} at " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public void Dispose()
    {
        try { Directory.Delete(_export, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
