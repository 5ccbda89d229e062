using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// The regional exchange without JavaScript (issue 13 item 5): a visitor narrows the listings by following the filter
/// links (generated pages), and the material index jumps to its group; contacts are tel: and mailto: links.
/// </summary>
public sealed partial class BrowserTests
{
    [Theory]
    [InlineData("exchange/index.html", "按园区", "按危险废物类别")]
    [InlineData("en/exchange/index.html", "By park", "By hazardous waste class")]
    public async Task Without_JavaScript_the_exchange_filters_by_park_and_hazardous_class_by_following_links(string start, string byPark, string byClass)
    {
        await using var context = await site.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(start));
        var all = await page.Locator("section.exchange-group li").CountAsync();
        Assert.True(all >= 4, $"{all} listings on the whole exchange page");

        // By park: each park's page lists only listings of that park, fewer than all, and marks its own link.
        var parkLinks = page.Locator("nav.exchange-filters div", new() { Has = page.Locator("dt", new() { HasText = byPark }) }).Locator("a:not([aria-current])");
        var parks = await parkLinks.CountAsync();
        Assert.True(parks >= 2, $"{parks} park filter links");
        var seen = 0;
        for (var i = 0; i < parks; i++)
        {
            await page.GotoAsync(site.Url(start));
            var link = page.Locator("nav.exchange-filters div", new() { Has = page.Locator("dt", new() { HasText = byPark }) }).Locator("a:not([aria-current])").Nth(i);
            var name = (await link.InnerTextAsync()).Trim();
            await link.ClickAsync();
            Assert.Matches(@"/exchange/park-[a-z0-9-]+\.html$", page.Url);
            Assert.Equal(name, (await page.Locator("nav.exchange-filters a[aria-current='page']").InnerTextAsync()).Trim());
            Assert.Contains(name, await page.Locator("h1").InnerTextAsync());
            var items = page.Locator("section.exchange-group li");
            var n = await items.CountAsync();
            for (var j = 0; j < n; j++) Assert.Contains(name, await items.Nth(j).InnerTextAsync());
            Assert.True(n < all, $"{name}: {n} of {all} listings");
            seen += n;
        }
        Assert.Equal(all, seen);

        // By hazardous class: only listings marked with that class.
        await page.GotoAsync(site.Url(start));
        var classLink = page.Locator("nav.exchange-filters div", new() { Has = page.Locator("dt", new() { HasText = byClass }) }).Locator("a:not([aria-current])").Last;
        var label = (await classLink.InnerTextAsync()).Trim();
        await classLink.ClickAsync();
        Assert.Matches(@"/exchange/class-hw\d\d\.html$", page.Url);
        var hazardous = page.Locator("section.exchange-group li");
        Assert.True(await hazardous.CountAsync() > 0);
        for (var j = 0; j < await hazardous.CountAsync(); j++)
            Assert.Contains(label, await hazardous.Nth(j).Locator(".tag-hazardous").InnerTextAsync());

        // Back to all listings, then the material index jumps to its group.
        await page.Locator("nav.exchange-filters a", new() { HasText = start.StartsWith("en/", StringComparison.Ordinal) ? "All" : "全部" }).First.ClickAsync();
        Assert.EndsWith("/exchange/index.html", page.Url);
        var material = page.Locator("nav.exchange-filters a[href^='#']").Last;
        var target = (await material.GetAttributeAsync("href"))!;
        await material.ClickAsync();
        Assert.EndsWith(target, page.Url);
        var heading = page.Locator(target);
        Assert.Equal((await material.InnerTextAsync()).Trim(), (await heading.InnerTextAsync()).Trim());
        var box = await heading.BoundingBoxAsync();
        Assert.True(box is not null && box.Y >= 0 && box.Y < 844, $"the group heading is at {box?.Y}, not on the screen");
    }

    [Fact]
    public async Task A_listing_with_a_phone_and_an_email_links_them_as_tel_and_mailto()
    {
        await using var context = await site.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("parks/qinghe/exchange/waste-mineral-oil-supply.html"));
        var tel = page.Locator("main dd a[href^='tel:']");
        var mail = page.Locator("main dd a[href^='mailto:']");
        Assert.Equal(1, await tel.CountAsync());
        Assert.Equal(1, await mail.CountAsync());
        Assert.Equal("tel:" + (await tel.InnerTextAsync()).Trim(), await tel.GetAttributeAsync("href"));
        Assert.Equal("mailto:" + (await mail.InnerTextAsync()).Trim(), await mail.GetAttributeAsync("href"));
    }
}
