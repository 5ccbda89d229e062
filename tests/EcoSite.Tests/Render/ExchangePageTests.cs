using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace EcoSite.Tests.Render;

/// <summary>
/// The regional exchange for visitors (issue 13 item 5): contacts are tel: and mailto: links with their text unchanged,
/// hostile contact values stay text, and the exchange narrowed to one park, kind or hazardous class is a generated
/// page linked from the exchange page, so filtering needs no JavaScript.
/// </summary>
public sealed class ExchangePageTests
{
    private static TestSite Site(string phone, string email) => new TestSite()
        .With("parks/demo/park.yaml", TestSite.ParkYaml + $"\ncontact: {{phone: \"{phone}\", email: \"{email}\"}}\n")
        .With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: d-chem, name: 测试化工}\n  - {id: d-power, name: 测试热电}\n")
        .With("parks/other/park.yaml", "name: {zh: 另一园区, en: Other Park}\n")
        .With("parks/other/enterprises.yaml", "enterprises:\n  - {id: o-cement, name: 另一水泥}\n")
        .With("parks/demo/exchange/oil.yaml", $$"""
            kind: supply
            category: waste
            enterprise: d-chem
            material: {zh: 废矿物油, en: Waste mineral oil}
            code: 900-249-08
            posted: 2026-10-01
            valid_until: 2027-03-31
            contact: {name: 王工, phone: "{{phone}}", email: "{{email}}"}
            """)
        .With("parks/demo/exchange/ash.yaml", """
            kind: supply
            category: by-product
            enterprise: d-power
            material: {zh: 粉煤灰, en: Fly ash}
            posted: 2026-10-01
            """)
        .With("parks/other/exchange/ash.yaml", """
            kind: demand
            category: raw-material
            enterprise: o-cement
            material: {zh: 粉煤灰, en: Fly ash}
            posted: 2026-10-01
            """);

    private static IHtmlDocument Page(TestSite site, string rel) => new HtmlParser().ParseDocument(site.Read(rel));

    [Fact]
    public void Contact_phones_and_emails_are_tel_and_mailto_links_with_the_text_unchanged()
    {
        using var site = Site("0000-0000000", "hse@example.com");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        foreach (var rel in new[] { "parks/demo/exchange/oil.html", "en/parks/demo/exchange/oil.html", "parks/demo/index.html", "en/parks/demo/index.html" })
        {
            var doc = Page(site, rel);
            var tel = doc.QuerySelectorAll("main a[href^='tel:']").ToList();
            var mail = doc.QuerySelectorAll("main a[href^='mailto:']").ToList();
            Assert.True(tel.Count == 1, rel);
            Assert.Equal("tel:0000-0000000", tel[0].GetAttribute("href"));
            Assert.Equal("0000-0000000", tel[0].TextContent);
            Assert.True(mail.Count == 1, rel);
            Assert.Equal("mailto:hse@example.com", mail[0].GetAttribute("href"));
            Assert.Equal("hse@example.com", mail[0].TextContent);
        }
    }

    public static TheoryData<string, string> HostileContacts() => new()
    {
        { "javascript:alert(1)", "javascript:alert(1)//@example.com" },
        { "0000-0000000?x=javascript:alert(1)", "a@example.com?bcc=evil@example.com" },
        { "data:text/html,0000", "data:text/html,a@example.com" },
        { "vbscript:msgbox(1234)", "mailto:a@example.com" },
        { "0000-0000000;ext=1", "a@example.com&body=x" },
    };

    [Theory]
    [MemberData(nameof(HostileContacts))]
    public void A_hostile_phone_or_email_is_shown_as_text_and_never_becomes_a_link(string phone, string email)
    {
        using var site = Site(phone, email);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        PublishedOutput.AssertSafe(site.Output);
        foreach (var rel in new[] { "parks/demo/exchange/oil.html", "parks/demo/index.html" })
        {
            var doc = Page(site, rel);
            var dds = doc.QuerySelectorAll("main dd").Select(d => d.TextContent).ToList();
            Assert.Contains(phone, dds);
            Assert.Contains(email, dds);
            var links = doc.QuerySelectorAll("main dd a").Select(a => a.GetAttribute("href")).ToList();
            Assert.True(links.Count == 0, $"{rel}: {string.Join(", ", links)}");
        }
    }

    [Fact]
    public void The_exchange_links_to_a_page_per_park_kind_and_hazardous_class_that_shows_only_those_listings()
    {
        using var site = Site("0000-0000000", "hse@example.com");
        Assert.True(site.Build().Success);
        foreach (var prefix in new[] { "", "en/" })
        {
            var index = Page(site, prefix + "exchange/index.html");
            var filterLinks = index.QuerySelectorAll("nav.exchange-filters a").Select(a => a.GetAttribute("href")!).ToList();
            string[] pages = ["park-demo.html", "park-other.html", "kind-supply.html", "kind-demand.html", "class-hw08.html"];
            foreach (var p in pages) Assert.Contains(p, filterLinks);
            // The material index points at the groups of the page itself.
            var anchors = index.QuerySelectorAll("nav.exchange-filters a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
            Assert.Equal(2, anchors.Count);
            foreach (var id in anchors) Assert.NotNull(index.GetElementById(id));
            Assert.Equal(3, Listings(index).Count);

            // Each narrowed page: only its listings, its own link marked current, a way back to all listings.
            Assert.Equal(["parks/demo/exchange/ash.html", "parks/demo/exchange/oil.html"], Listings(Page(site, prefix + "exchange/park-demo.html")));
            Assert.Equal(["parks/other/exchange/ash.html"], Listings(Page(site, prefix + "exchange/park-other.html")));
            Assert.Equal(["parks/demo/exchange/ash.html", "parks/demo/exchange/oil.html"], Listings(Page(site, prefix + "exchange/kind-supply.html")));
            Assert.Equal(["parks/other/exchange/ash.html"], Listings(Page(site, prefix + "exchange/kind-demand.html")));
            Assert.Equal(["parks/demo/exchange/oil.html"], Listings(Page(site, prefix + "exchange/class-hw08.html")));
            foreach (var p in pages)
            {
                var doc = Page(site, prefix + "exchange/" + p);
                Assert.Equal(p, doc.QuerySelector("nav.exchange-filters a[aria-current='page']")?.GetAttribute("href"));
                Assert.Contains("index.html", doc.QuerySelectorAll("nav.exchange-filters a").Select(a => a.GetAttribute("href")));
            }
        }
        Assert.False(site.Exists("exchange/class-hw09.html"));
    }

    [Fact]
    public void A_site_without_listings_has_no_filter_pages()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        Assert.True(site.Exists("exchange/index.html"));
        Assert.Equal(["index.html"], Directory.GetFiles(Path.Combine(site.Output, "exchange")).Select(Path.GetFileName));
        Assert.Null(Page(site, "exchange/index.html").QuerySelector("nav.exchange-filters"));
    }

    /// <summary>The listings a page shows in its groups, as site paths of their pages, sorted.</summary>
    private static List<string> Listings(IHtmlDocument doc) =>
        doc.QuerySelectorAll("section.exchange-group li a")
            .Select(a => a.GetAttribute("href")!.Replace("../", "").Replace("en/", ""))
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
