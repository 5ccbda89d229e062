using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// A neighbour's export read on its own (<c>FederationLoader</c>), from hand-written data/platform.json and
/// data/listings.json, without building either site: what is read, and each warning with its exact message (the
/// file and the JSON pointer). <c>EndToEnd/FederationTests</c> builds two real platforms.
/// </summary>
public sealed class FederationLoaderTests : IDisposable
{
    private const string Dir = "../imports/js/data/";
    private readonly TestSite _site = new(minimal: false);

    private static readonly int Version = EcoSite.Core.Render.OpenData.SchemaVersion;

    private static string PlatformJson(string asOf = "2026-11-20", string languages = "[\"zh\", \"en\"]", string parks = "[{\"id\": \"js-park\", \"name\": {\"zh\": \"江苏园区\", \"en\": \"Jiangsu Park\"}}]",
        string extra = "") =>
        $"{{\"schema_version\": {Version}, \"languages\": {languages}, \"as_of\": \"{asOf}\", \"base_url\": \"https://js.example.gov.cn/\", \"parks\": {parks}{extra}}}";

    private const string Good = """
        {"id": "js-park/oil", "park_id": "js-park", "kind": "supply", "category": "waste", "enterprise": "js-chem",
         "material_zh": " 废矿物油 ", "material_en": "Waste oil", "code": "90024908", "quantity": 12.5, "unit": "t",
         "frequency": "monthly", "posted": "2026-10-01", "valid_until": "2027-03-31"}
        """;

    private static string ListingsJson(params string[] listings) => $"{{\"schema_version\": {Version}, \"listings\": [{string.Join(",\n", listings)}]}}";

    public void Dispose() => _site.Dispose();

    private (FederatedExports Exports, IReadOnlyList<Diagnostic> Diagnostics) Load(string? platform, string? listings, string siteExtra = "", string data = "../imports/js")
    {
        _site.With("site.yaml", $"title: 测试\nas_of: 2026-11-29\n{siteExtra}federation:\n  - {{id: js, name: 江苏, data: {data}, url: https://js.example.gov.cn/}}\n");
        var folder = Path.Combine(_site.Root, "imports", "js", "data");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in new[] { ("platform.json", platform), ("listings.json", listings) })
        {
            var path = Path.Combine(folder, name);
            if (text is null) { if (File.Exists(path)) File.Delete(path); }
            else File.WriteAllText(path, text);
        }
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(_site.Content, bag);
        var config = SiteConfigLoader.Load(tree, DisclosureLoaderTests.Clock, bag)!;
        Assert.Empty(bag.ToSortedList());
        return (FederationLoader.Load(config, _site.Content, bag), bag.ToSortedList());
    }

    private Listing OneListing(string listing)
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(listing));
        Assert.Empty(diagnostics);
        return Assert.Single(Assert.Single(exports.Platforms).Listings);
    }

    private string Warning(string? platform, string? listings, string code, string file, string siteExtra = "")
    {
        var (exports, diagnostics) = Load(platform, listings, siteExtra);
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, Severity.Warning, file, 0, 0), (d.Code, d.Severity, d.File, d.Line, d.Column));
        if (code != "ECO504" && code != "ECO505") Assert.Empty(exports.Platforms);
        return d.Message;
    }

    [Fact]
    public void A_good_export_is_read_whole()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Good, """{"id": "js-park/ash", "park_id": "js-park", "kind": "demand", "category": "by-product", "enterprise": "js-cement", "material_zh": "粉煤灰", "posted": "2026-11-01", "code": null}"""));
        Assert.Empty(diagnostics);
        var p = Assert.Single(exports.Platforms);
        Assert.Equal(("js", new DateOnly(2026, 11, 20)), (p.Entry.Id, p.AsOf));
        Assert.Equal(new[] { "zh", "en" }, p.Languages);
        Assert.Equal("Jiangsu Park", p.ParkNames["js-park"].In("en", "zh").Text);
        Assert.Equal(2, p.Listings.Count);
        var oil = p.Listings[0];
        Assert.Equal(("js-park", "oil", ListingKind.Supply, "waste", "js-chem", Dir + "listings.json", SourcePos.File),
            (oil.ParkId, oil.Id, oil.Kind, oil.Category, oil.Enterprise.Id, oil.Enterprise.File, oil.Enterprise.Pos));
        Assert.Equal(("废矿物油", "Waste oil", "900-249-08", (int?)8, (double?)12.5, "t", "monthly"),
            (oil.Material.In("zh", "zh").Text, oil.Material.In("en", "zh").Text, oil.Code, oil.HazardousClass, oil.Quantity, oil.Unit, oil.Frequency));
        Assert.Equal((new DateOnly(2026, 10, 1), (DateOnly?)new DateOnly(2027, 3, 31), Dir + "listings.json"), (oil.Posted, oil.ValidUntil, oil.File));
        Assert.Equal(((string?)null, (string?)null, (LocalizedText?)null), (oil.ContactPhone, oil.ContactEmail, oil.ContactName));
        var ash = p.Listings[1];
        Assert.Equal((ListingKind.Demand, "by-product", (string?)null, (int?)null, (double?)null, (DateOnly?)null, false),
            (ash.Kind, ash.Category, ash.Code, ash.HazardousClass, ash.Quantity, ash.ValidUntil, ash.Material.Has("en")));
        Assert.Matches("^[0-9a-f]{64}$", exports.Fingerprint);
    }

    [Fact]
    public void The_fingerprint_changes_with_any_byte_read_and_only_then()
    {
        var a = Load(PlatformJson(), ListingsJson(Good)).Exports.Fingerprint;
        Assert.Equal(a, Load(PlatformJson(), ListingsJson(Good)).Exports.Fingerprint);
        Assert.NotEqual(a, Load(PlatformJson(), ListingsJson(Good) + " ").Exports.Fingerprint);
        Assert.NotEqual(a, Load(PlatformJson() + " ", ListingsJson(Good)).Exports.Fingerprint);
        var missing = Load(PlatformJson(), null).Exports.Fingerprint;
        Assert.Matches("^[0-9a-f]{64}$", missing);
        Assert.NotEqual(a, missing);
    }

    [Fact]
    public void No_federation_reads_nothing()
    {
        _site.With("site.yaml", "title: 测试\n");
        var bag = new DiagnosticBag();
        var config = SiteConfigLoader.Load(ContentTree.Scan(_site.Content, bag), DisclosureLoaderTests.Clock, bag)!;
        Assert.Same(FederatedExports.None, FederationLoader.Load(config, _site.Content, bag));
    }

    [Fact]
    public void A_missing_folder_is_ECO501_at_the_data_line_of_site_yaml()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(), data: "../nowhere");
        Assert.Empty(exports.Platforms);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO501", "site.yaml", 4, 30), (d.Code, d.File, d.Line, d.Column));
        Assert.Equal("the folder '../nowhere' of the platform 'js' does not exist; fetch that platform's data/ folder into it before the build (see the admin guide). Its listings are left out.", d.Message);
    }

    [Fact]
    public void A_missing_file_is_ECO501_at_the_file()
    {
        Assert.Equal("the platform 'js' has no data/listings.json in '../imports/js'; fetch its whole data/ folder (the folder named in site.yaml holds data/). Its listings are left out.",
            Warning(PlatformJson(), null, "ECO501", Dir + "listings.json"));
    }

    [Fact]
    public void Invalid_JSON_is_ECO502_at_its_line_and_column()
    {
        var (exports, diagnostics) = Load(PlatformJson(), "{\"schema_version\": 3,\n  \"listings\": [,]}");
        Assert.Empty(exports.Platforms);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO502", Dir + "listings.json", 2, 16), (d.Code, d.File, d.Line, d.Column));
        Assert.StartsWith("data/listings.json of the platform 'js' is not valid JSON (", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("). Its listings are left out.", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" Path:", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_format_is_ECO503_and_version_0_is_ECO502()
    {
        Assert.Equal($"the export of the platform 'js' has format version {Version + 1}; this EcoSite reads versions 1 to {Version}. Update EcoSite to match it. Its listings are left out.",
            Warning(PlatformJson().Replace($"\"schema_version\": {Version}", $"\"schema_version\": {Version + 1}"), ListingsJson(), "ECO503", Dir + "platform.json"));
        Assert.Equal("data/listings.json of the platform 'js' does not follow its published schema: /schema_version is 0; versions start at 1. Its listings are left out.",
            Warning(PlatformJson(), "{\"schema_version\": 0, \"listings\": []}", "ECO502", Dir + "listings.json"));
        Assert.Empty(Load(PlatformJson().Replace($"\"schema_version\": {Version}", "\"schema_version\": 1"), "{\"schema_version\": 1, \"listings\": []}").Diagnostics);
    }

    [Fact]
    public void An_export_older_than_freshness_news_is_ECO504_and_still_read()
    {
        Assert.Empty(Load(PlatformJson(asOf: "2026-11-15"), ListingsJson(Good)).Diagnostics); // 14 days: fresh
        var (exports, diagnostics) = Load(PlatformJson(asOf: "2026-11-14"), ListingsJson(Good));
        Assert.Single(Assert.Single(exports.Platforms).Listings);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO504", Dir + "platform.json"), (d.Code, d.File));
        Assert.Equal("the export of the platform 'js' is as of 2026-11-14, 15 days before today (2026-11-29), more than freshness.news (14 days); fetch it again before the build. Its active listings are still matched.", d.Message);
        Assert.Empty(Load(PlatformJson(asOf: "2026-11-14"), ListingsJson(Good), siteExtra: "freshness: {news: 15}\n").Diagnostics);
    }

    public static TheoryData<string, string> BadPlatforms => new()
    {
        { "[1]", "/ must be an object, not array" },
        { "{\"schema_version\": 3}", "/languages is missing" },
        { "{\"schema_version\": \"3\"}", "/schema_version must be a whole number" },
        { "{\"schema_version\": 3.5}", "/schema_version must be a whole number" },
        { PlatformJson(languages: "[]"), "/languages must be a list of at least one language" },
        { PlatformJson(languages: "\"zh\""), "/languages must be a list of at least one language" },
        { PlatformJson(languages: "[\"zh\", \"zh\"]"), "/languages must list languages among zh, en, each once" },
        { PlatformJson(languages: "[\"fr\"]"), "/languages must list languages among zh, en, each once" },
        { PlatformJson(languages: "[1]"), "/languages must list languages among zh, en, each once" },
        { PlatformJson(asOf: "2026-1-01"), "/as_of '2026-1-01' is not a date YYYY-MM-DD" },
        { PlatformJson(asOf: "2026-02-30"), "/as_of '2026-02-30' is not a date YYYY-MM-DD" },
        { PlatformJson(asOf: " "), "/as_of is empty" },
        { PlatformJson(parks: "{}"), "/parks must be an array" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"甲\"}}, {\"id\": \"a\", \"name\": {\"zh\": \"乙\"}}]"), "/parks/1/id 'a' is listed twice" },
        { PlatformJson(parks: "[{\"id\": \"A\", \"name\": {\"zh\": \"甲\"}}]"), "/parks/0/id 'A' is not an identifier (a-z, 0-9 and '-')" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": \"甲\"}]"), "/parks/0/name must be an object of texts per language" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"en\": \"A\"}}]"), "/parks/0/name/zh is missing" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": 1}}]"), "/parks/0/name/zh must be a string" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"甲\\u0007\"}}]"), "/parks/0/name/zh holds the invisible character U+0007 (bell)" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"甲\\t乙\"}}]"), "/parks/0/name/zh holds a tab; every field is one line" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"甲\\n乙\"}}]"), "/parks/0/name/zh holds a line break; every field is one line" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"\\ud800\"}}]"), "/parks/0/name/zh holds an invalid escape (half of a character)" },
        { PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"" + new string('x', 501) + "\"}}]"), "/parks/0/name/zh is 501 characters long; at most 500 are read" },
        { PlatformJson(extra: ", \"base_url\": \"javascript:alert(1)\"").Replace("\"base_url\": \"https://js.example.gov.cn/\", ", ""), "/base_url 'javascript:alert(1)' is not an http or https address" },
    };

    [Theory]
    [MemberData(nameof(BadPlatforms))]
    public void A_platform_file_that_breaks_its_schema_is_ECO502_with_the_pointer(string platform, string problem)
    {
        var message = Warning(platform, ListingsJson(Good), "ECO502", Dir + "platform.json");
        Assert.Equal($"data/platform.json of the platform 'js' does not follow its published schema: {problem}. Its listings are left out.", message);
    }

    [Fact]
    public void Text_of_exactly_500_characters_a_platform_without_base_url_and_null_fields_are_read()
    {
        var name = new string('x', 500);
        var (exports, diagnostics) = Load(PlatformJson(parks: "[{\"id\": \"a\", \"name\": {\"zh\": \"" + name + "\", \"en\": null}}]").Replace("\"base_url\": \"https://js.example.gov.cn/\", ", ""), ListingsJson());
        Assert.Empty(diagnostics);
        Assert.Equal(name, Assert.Single(exports.Platforms).ParkNames["a"].In("zh", "zh").Text);
        Assert.False(exports.Platforms[0].ParkNames["a"].Has("en"));
    }

    [Fact]
    public void Listings_that_are_not_an_array_leave_the_platform_out()
    {
        Assert.Equal("data/listings.json of the platform 'js' does not follow its published schema: /listings must be an array. Its listings are left out.",
            Warning(PlatformJson(), $"{{\"schema_version\": {Version}, \"listings\": {{}}}}", "ECO502", Dir + "listings.json"));
    }

    public static TheoryData<string, string, string> BadListings => new()
    {
        { "\"kind\": \"supply\"", "\"kind\": \"offer\"", "'kind' 'offer' is none of supply, demand" },
        { "\"kind\": \"supply\", ", "", "'kind' is missing" },
        { "\"category\": \"waste\"", "\"category\": \"scrap\"", "'category' 'scrap' is none of waste, by-product, raw-material, product, disposal-service" },
        { "\"frequency\": \"monthly\"", "\"frequency\": \"weekly\"", "'frequency' 'weekly' is none of once, monthly, yearly, continuous" },
        { "\"enterprise\": \"js-chem\"", "\"enterprise\": \"JS chem\"", "'enterprise' 'JS chem' is not an identifier (a-z, 0-9 and '-')" },
        { "\"material_zh\": \" 废矿物油 \"", "\"material_zh\": \"\"", "'material_zh' is empty" },
        { "\"quantity\": 12.5", "\"quantity\": 1e16", "'quantity' must be a number of at most 10^15" },
        { "\"quantity\": 12.5", "\"quantity\": \"12\"", "'quantity' must be a number of at most 10^15" },
        { "\"posted\": \"2026-10-01\"", "\"posted\": \"2026/10/01\"", "'posted' '2026/10/01' is not a date YYYY-MM-DD" },
        { "\"valid_until\": \"2027-03-31\"", "\"valid_until\": \"2026-09-30\"", "'valid_until' is before 'posted'" },
        { "\"code\": \"90024908\"", "\"code\": \"12-34\"", "'code' '12-34' " },
        { "\"id\": \"js-park/oil\"", "\"id\": \"js-park\"", "'id' 'js-park' is not <park_id>/<listing-id> with identifiers of a-z, 0-9 and '-'" },
        { "\"id\": \"js-park/oil\"", "\"id\": \"other/oil\"", "'id' 'other/oil' is not <park_id>/<listing-id> with identifiers of a-z, 0-9 and '-'" },
        { "\"id\": \"js-park/oil\"", "\"id\": \"js-park/index\"", "'id' 'js-park/index' is not <park_id>/<listing-id> with identifiers of a-z, 0-9 and '-'" },
        { "\"id\": \"js-park/oil\"", "\"id\": \"js-park/Oil\"", "'id' 'js-park/Oil' is not <park_id>/<listing-id> with identifiers of a-z, 0-9 and '-'" },
        { "\"id\": \"js-park/oil\"", "\"id\": \"js-park/a/b\"", "'id' 'js-park/a/b' is not <park_id>/<listing-id> with identifiers of a-z, 0-9 and '-'" },
    };

    [Theory]
    [MemberData(nameof(BadListings))]
    public void A_listing_that_breaks_a_rule_is_ECO505_at_its_pointer_and_the_others_are_read(string from, string to, string problem)
    {
        Assert.Contains(from, Good, StringComparison.Ordinal);
        var bad = Good.Replace("js-park/oil", "js-park/oil-2").Replace(from, to.Replace("js-park/oil", "js-park/oil-2"));
        if (from.StartsWith("\"id\"", StringComparison.Ordinal)) bad = Good.Replace(from, to);
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Good.Replace("js-park/oil", "js-park/first"), bad));
        Assert.Equal("first", Assert.Single(Assert.Single(exports.Platforms).Listings).Id);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO505", Dir + "listings.json", 0), (d.Code, d.File, d.Line));
        Assert.StartsWith($"the listing at /listings/1 of the platform 'js' is skipped: {problem}", d.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listing_id_given_twice_skips_the_second()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Good, Good.Replace("12.5", "3")));
        Assert.Equal(12.5, Assert.Single(Assert.Single(exports.Platforms).Listings).Quantity);
        Assert.Equal("the listing at /listings/1 of the platform 'js' is skipped: 'id' 'js-park/oil' is listed twice.", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void After_ten_skipped_listings_the_rest_are_counted_in_one_line()
    {
        var bad = Enumerable.Range(0, 12).Select(i => $"{{\"id\": \"js-park/b{i}\"}}").ToArray();
        var (_, diagnostics) = Load(PlatformJson(), ListingsJson(bad));
        Assert.Equal(11, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Message == "2 more listings of the platform 'js' are skipped, 12 in all; ask that platform to check its export.");
        var (_, ten) = Load(PlatformJson(), ListingsJson(bad[..10]));
        Assert.Equal(10, ten.Count);
        Assert.All(ten, d => Assert.StartsWith("the listing at /listings/", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_listing_that_is_not_an_object_is_skipped()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Good, "[]"));
        Assert.Single(exports.Platforms[0].Listings);
        Assert.Equal("the listing at /listings/1 of the platform 'js' is skipped: '' must be an object, not array.", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_folder_in_place_of_a_file_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_site.Root, "imports", "js", "data", "listings.json"));
        var (exports, diagnostics) = Load(PlatformJson(), null);
        Assert.Empty(exports.Platforms);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO502", Dir + "listings.json"), (d.Code, d.File));
        Assert.StartsWith("data/listings.json of the platform 'js' is ", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("; only regular files in a plain folder are read. Its listings are left out.", d.Message, StringComparison.Ordinal);
    }
}
