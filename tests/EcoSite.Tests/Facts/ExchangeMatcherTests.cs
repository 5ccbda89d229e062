using System.Text.Json;
using EcoSite.Core.Facts;

namespace EcoSite.Tests.Facts;

public sealed class ExchangeMatcherTests
{
    private static TestSite TwoParks() => new TestSite()
        .With("parks/north/park.yaml", "name: {zh: 北园, en: North Park}")
        .With("parks/north/enterprises.yaml", "enterprises:\n  - {id: n-chem, name: 北化工}\n  - {id: n-power, name: 北热电}\n  - {id: n-steel, name: 北钢铁}\n")
        .With("parks/south/park.yaml", "name: {zh: 南园, en: South Park}")
        .With("parks/south/enterprises.yaml", "enterprises:\n  - {id: s-oil, name: 南油}\n  - {id: s-cement, name: 南水泥}\n  - {id: s-metal, name: 南金属}\n")
        .With("parks/north/exchange/oil.yaml", """
            kind: supply
            category: waste
            enterprise: n-chem
            material: {zh: 废矿物油, en: Waste mineral oil}
            code: 900-249-08
            posted: 2026-10-01
            valid_until: 2027-03-31
            """)
        .With("parks/south/exchange/oil.yaml", """
            kind: demand
            category: waste
            enterprise: s-oil
            material: {zh: 废机油, en: Used oil}
            code: 900-249-08
            posted: 2026-11-01
            """)
        .With("parks/north/exchange/ash.yaml", """
            kind: supply
            category: by-product
            enterprise: n-power
            material: {zh: 粉煤灰, en: "  Fly Ash "}
            posted: 2026-11-01
            valid_until: 2027-05-01
            """)
        .With("parks/south/exchange/ash.yaml", """
            kind: demand
            category: by-product
            enterprise: s-cement
            material: {zh: 干排粉煤灰, en: fly ash}
            posted: 2026-09-01
            valid_until: 2027-02-28
            """)
        .With("parks/south/exchange/scrap.yaml", """
            kind: supply
            category: waste
            enterprise: s-metal
            material: {zh: 废钢, en: Steel scrap}
            posted: 2026-03-01
            valid_until: 2026-08-31
            """)
        .With("parks/north/exchange/scrap.yaml", """
            kind: demand
            category: raw-material
            enterprise: n-steel
            material: {zh: 废钢, en: Steel scrap}
            posted: 2026-11-01
            """);

    [Fact]
    public void Supply_and_demand_of_two_parks_match_by_equal_code()
    {
        using var site = TwoParks();
        var result = site.Check();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var matches = site.Facts().Matches;
        Assert.Equal(["south/oil"], matches.Of(Listing(matches, "north/oil")).Select(l => l.SiteId));
        Assert.Equal(["north/oil"], matches.Of(Listing(matches, "south/oil")).Select(l => l.SiteId));
    }

    [Fact]
    public void Listings_without_codes_match_by_a_material_name_in_any_language_ignoring_case_and_spaces()
    {
        using var site = TwoParks();
        var matches = site.Facts().Matches;
        Assert.Equal(["south/ash"], matches.Of(Listing(matches, "north/ash")).Select(l => l.SiteId));
    }

    [Fact]
    public void Expired_listing_never_matches_and_is_shown_as_expired()
    {
        using var site = TwoParks();
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var matches = site.Facts().Matches;
        Assert.Empty(matches.Of(Listing(matches, "south/scrap")));
        Assert.Empty(matches.Of(Listing(matches, "north/scrap")));

        var exchange = site.Read("en/exchange/index.html");
        var expired = exchange[exchange.IndexOf("id=\"expired-heading\"", StringComparison.Ordinal)..];
        Assert.Contains("../parks/south/exchange/scrap.html", expired);
        Assert.Contains("Expired", site.Read("en/parks/south/exchange/scrap.html"));
    }

    [Fact]
    public void Listing_page_links_to_the_matching_listing_of_the_other_park()
    {
        using var site = TwoParks();
        site.Build();
        Assert.Contains("href=\"../../south/exchange/oil.html\"", site.Read("parks/north/exchange/oil.html"));
    }

    [Fact]
    public void Listings_json_has_site_wide_ids_and_matches()
    {
        using var site = TwoParks();
        site.Build();
        using var doc = JsonDocument.Parse(site.Read("data/listings.json"));
        Assert.Equal(EcoSite.Core.Render.OpenData.SchemaVersion, doc.RootElement.GetProperty("schema_version").GetInt32());
        var byId = doc.RootElement.GetProperty("listings").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(["south/oil"], byId["north/oil"].GetProperty("matches").EnumerateArray().Select(m => m.GetString()));
        Assert.False(byId["south/scrap"].GetProperty("active").GetBoolean());
    }

    private static EcoSite.Core.Model.Listing Listing(ExchangeMatches matches, string siteId) => matches.All.Single(l => l.SiteId == siteId);
}
