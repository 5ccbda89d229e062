using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// The exchange's optional instant filter (exchange.js, issue 13): with JavaScript it narrows the listings in place by
/// material text, park, kind and hazardous class, exactly as the generated filter pages do, announces the count in a
/// live region, is used from the keyboard and passes axe; without JavaScript nothing of it is there.
/// </summary>
public sealed partial class BrowserTests
{
    private const string ShownListings =
        "() => [...document.querySelectorAll('main li[data-filters]')].filter(li => li.getClientRects().length > 0).map(li => li.querySelector('a').href).sort()";

    [Theory]
    [InlineData("exchange/index.html", "粉煤灰")]
    [InlineData("en/exchange/index.html", "fly ash")]
    public async Task With_JavaScript_the_exchange_filters_in_place_as_its_filter_pages_do(string start, string material)
    {
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(start));
        var form = page.Locator(".exchange-live form[role='search']");
        Assert.True(await form.IsVisibleAsync(), "no visible instant filter with JavaScript");
        var all = await page.EvaluateAsync<string[]>(ShownListings);
        Assert.True(all.Length >= 4, $"{all.Length} listings shown");
        var status = page.Locator(".exchange-live [role='status'][aria-live='polite']");
        Assert.Contains(all.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await status.InnerTextAsync());

        // Each value of each select keeps exactly the listings of the generated page it stands for.
        var selects = form.Locator("select");
        var count = await selects.CountAsync();
        Assert.Equal(3, count);
        var checkedValues = 0;
        for (var s = 0; s < count; s++)
        {
            var values = await selects.Nth(s).Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
            foreach (var value in values)
            {
                await page.GotoAsync(site.Url(start));
                await page.Locator(".exchange-live select").Nth(s).SelectOptionAsync(value);
                var shown = await page.EvaluateAsync<string[]>(ShownListings);
                Assert.Contains($"{shown.Length}", await page.Locator(".exchange-live [role='status']").InnerTextAsync());
                var filterPage = await context.NewPageAsync();
                await filterPage.GotoAsync(site.Url(Path.GetDirectoryName(start)!.Replace('\\', '/') + "/" + Path.GetFileName(value)));
                var expected = await filterPage.EvaluateAsync<string[]>(ShownListings);
                await filterPage.CloseAsync();
                Assert.True(expected.Length > 0, $"the page {value} lists nothing");
                Assert.Equal(expected, shown);
                Assert.True(shown.Length < all.Length, $"{value} keeps all {all.Length} listings");
                checkedValues++;
            }
        }
        Assert.True(checkedValues >= 5, $"only {checkedValues} filter values");

        // From the keyboard: Tab from the last filter link reaches the text box; typing narrows to that material.
        await page.GotoAsync(site.Url(start));
        await page.Locator("nav.exchange-filters a").Last.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("search", await page.EvaluateAsync<string>("() => document.activeElement.type"));
        await page.Keyboard.TypeAsync(material);
        var narrowed = page.Locator("main li[data-filters]:visible");
        var n = await narrowed.CountAsync();
        Assert.InRange(n, 1, all.Length - 1);
        for (var i = 0; i < n; i++) Assert.Contains(material, (await narrowed.Nth(i).InnerTextAsync()).ToLowerInvariant());
        Assert.Contains($"{n}", await status.InnerTextAsync());
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Theory]
    [InlineData("exchange/index.html")]
    [InlineData("en/exchange/index.html")]
    public async Task Without_JavaScript_the_exchange_has_no_instant_filter_and_shows_every_listing(string start)
    {
        await using var context = await site.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(start));
        Assert.Equal(1, await page.Locator(".exchange-live[hidden]:empty").CountAsync());
        var all = await page.Locator("main li[data-filters]").CountAsync();
        Assert.True(all >= 4);
        Assert.Equal(all, await page.Locator("main li[data-filters]:visible").CountAsync());
    }
}
