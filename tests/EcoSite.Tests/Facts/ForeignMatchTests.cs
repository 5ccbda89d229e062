using EcoSite.Core.Diagnostics;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Facts;

/// <summary>Other platforms' listings are matched by the same rule as this site's own (content-format.md section 9).</summary>
public sealed class ForeignMatchTests
{
    private static readonly DateOnly Posted = new(2026, 10, 1);

    private static Listing Foreign(string id, ListingKind kind, string zh, string? en, string? code, DateOnly? validUntil = null) =>
        new("far-park", id, kind, "waste", new EnterpriseRef("far-co", "x", SourcePos.File),
            new LocalizedText(en is null ? [new("zh", zh)] : [new("zh", zh), new("en", en)]), code, null, 1, "t", null,
            Posted, validUntil, null, null, null, "../far/data/listings.json");

    [Fact]
    public void Each_listing_matches_exactly_the_active_foreign_listings_the_rule_accepts()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: a, name: 甲}\n")
            .With("parks/demo/exchange/oil.yaml", "kind: supply\ncategory: waste\nenterprise: a\nmaterial: {zh: 废矿物油, en: Waste mineral oil}\ncode: 900-249-08\nposted: 2026-10-01\n")
            .With("parks/demo/exchange/ash.yaml", "kind: demand\ncategory: by-product\nenterprise: a\nmaterial: {zh: 粉煤灰, en: Fly ash}\nposted: 2026-10-01\n")
            .With("parks/demo/exchange/gone.yaml", "kind: demand\ncategory: waste\nenterprise: a\nmaterial: 废矿物油\ncode: 900-249-08\nposted: 2026-01-01\nvalid_until: 2026-02-01\n");
        var local = site.Facts().Site;
        var entry = new FederationEntry("far", LocalizedText.Of("zh", "远方平台"), "../far", "https://far.example/", SourcePos.File, SourcePos.File);
        Listing[] foreign =
        [
            Foreign("same-code", ListingKind.Demand, "废机油", "Used oil", "90024908"),       // the code decides, in either form
            Foreign("same-name-other-code", ListingKind.Demand, "废矿物油", null, "900-214-08"), // both coded: the name does not count
            Foreign("same-kind", ListingKind.Supply, "废矿物油", null, "900-249-08"),
            Foreign("expired", ListingKind.Demand, "废矿物油", null, "900-249-08", new DateOnly(2026, 11, 1)),
            Foreign("ash", ListingKind.Supply, "干灰", " FLY ASH ", null),                      // no code: a name in any language
            Foreign("ash-coded", ListingKind.Supply, "粉煤灰", null, "900-001-S01"),           // one side without a code: names
            Foreign("other", ListingKind.Supply, "钢渣", "Steel slag", null),
        ];
        var platform = new ForeignPlatform(entry, ["zh"], new DateOnly(2026, 11, 28), new Dictionary<string, LocalizedText>(), foreign);
        var matches = ExchangeMatcher.Match(local, new FederatedExports([platform], "h"));

        foreach (var l in matches.All)
        {
            List<string> expected = l.IsActiveOn(local.Config.Today)
                ? foreign.Where(f => f.IsActiveOn(local.Config.Today) && ExchangeMatcher.Matches(l, f)).Select(f => f.Id).Order(StringComparer.Ordinal).ToList()
                : [];
            Assert.Equal(expected, matches.Foreign(l).Select(m => m.Listing.Id).Order(StringComparer.Ordinal));
            Assert.All(matches.Foreign(l), m => Assert.Same(platform, m.Platform));
        }
        Assert.Equal(["same-code"], matches.Foreign(matches.All.Single(l => l.Id == "oil")).Select(m => m.Listing.Id));
        Assert.Equal(["ash", "ash-coded"], matches.Foreign(matches.All.Single(l => l.Id == "ash")).Select(m => m.Listing.Id));
        // Foreign listings never join the local groups or local matches.
        Assert.Empty(matches.Of(matches.All.Single(l => l.Id == "oil")));
    }
}
