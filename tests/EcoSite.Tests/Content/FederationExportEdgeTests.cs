using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// The edges of a neighbour's export read on its own (<c>FederationLoader</c>): the size, count and folder limits, the
/// fingerprint byte for byte, optional fields, and exact messages. Written for the mutation run of docs/security.md
/// "Runs of 2026-12-03, branch mutE"; <c>FederationLoaderTests</c> has the main cases.
/// </summary>
public sealed class FederationExportEdgeTests : IDisposable
{
    private const string Dir = "../imports/js/data/";
    private static readonly int Version = EcoSite.Core.Render.OpenData.SchemaVersion;
    private readonly TestSite _site = new(minimal: false);

    public void Dispose() => _site.Dispose();

    private static string PlatformJson(string parks = "[{\"id\": \"js-park\", \"name\": {\"zh\": \"江苏园区\"}}]") =>
        $"{{\"schema_version\": {Version}, \"languages\": [\"zh\", \"en\"], \"as_of\": \"2026-11-20\", \"parks\": {parks}}}";

    private static string ListingsJson(params string[] listings) => $"{{\"schema_version\": {Version}, \"listings\": [{string.Join(",\n", listings)}]}}";

    private static string Listing(string extra = "", string posted = "2026-10-01") =>
        $"{{\"id\": \"js-park/oil\", \"park_id\": \"js-park\", \"kind\": \"supply\", \"category\": \"waste\", \"enterprise\": \"js-chem\", \"material_zh\": \"废矿物油\", \"posted\": \"{posted}\"{extra}}}";

    private string DataFolder => Path.Combine(_site.Root, "imports", "js", "data");

    private void Write(string? platform, string? listings)
    {
        Directory.CreateDirectory(DataFolder);
        foreach (var (name, text) in new[] { ("platform.json", platform), ("listings.json", listings) })
            if (text is not null) File.WriteAllText(Path.Combine(DataFolder, name), text);
    }

    private (FederatedExports Exports, IReadOnlyList<Diagnostic> Diagnostics) LoadSite(string data = "../imports/js")
    {
        _site.With("site.yaml", $"title: 测试\nas_of: 2026-11-29\nfederation:\n  - {{id: js, name: 江苏, data: {data}, url: https://js.example.gov.cn/}}\n");
        var bag = new DiagnosticBag();
        var config = SiteConfigLoader.Load(ContentTree.Scan(_site.Content, bag), DisclosureLoaderTests.Clock, bag)!;
        Assert.Empty(bag.ToSortedList());
        return (FederationLoader.Load(config, _site.Content, bag), bag.ToSortedList());
    }

    private (FederatedExports Exports, IReadOnlyList<Diagnostic> Diagnostics) Load(string? platform, string? listings)
    {
        Write(platform, listings);
        return LoadSite();
    }

    private static (string, Severity, string, int, int, string) Of(Diagnostic d) => (d.Code, d.Severity, d.File, d.Line, d.Column, d.Message);

    private static string Sha256(params byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in parts) hash.AppendData(p);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void The_fingerprint_is_the_SHA256_of_each_id_and_each_file_read_each_followed_by_a_zero_byte()
    {
        string platform = PlatformJson(), listings = ListingsJson(Listing());
        var (exports, diagnostics) = Load(platform, listings);
        Assert.Empty(diagnostics);
        Assert.Equal(Sha256(Utf8("js\0"), Utf8(platform), [0], Utf8(listings), [0]), exports.Fingerprint);
    }

    [Fact]
    public void A_file_not_read_is_named_in_the_fingerprint_by_why()
    {
        Write(PlatformJson(), null);
        Assert.Equal(Sha256(Utf8("js\0"), Utf8(PlatformJson()), [0], Utf8("(missing)\0")), LoadSite().Exports.Fingerprint);
        Directory.CreateDirectory(Path.Combine(DataFolder, "listings.json"));
        Assert.Equal(Sha256(Utf8("js\0"), Utf8(PlatformJson()), [0], Utf8("(refused)\0")), LoadSite().Exports.Fingerprint);
        // A folder that does not exist: only the id.
        Assert.Equal(Sha256(Utf8("js\0")), LoadSite(data: "../nowhere").Exports.Fingerprint);
    }

    [Fact]
    public void A_file_of_exactly_16_MiB_is_read_and_one_byte_more_is_ECO502_with_its_size()
    {
        var listings = ListingsJson();
        var exact = listings + new string(' ', (int)FederationLoader.MaxFileBytes - listings.Length);
        var (read, none) = Load(PlatformJson(), exact);
        Assert.Empty(none);
        Assert.Empty(Assert.Single(read.Platforms).Listings);

        var (tooLarge, diagnostics) = Load(PlatformJson(), exact + " ");
        Assert.Empty(tooLarge.Platforms);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, Dir + "listings.json", 0, 0, "data/listings.json of the platform 'js' is 16 MiB; at most 16 MiB are read. Its listings are left out."),
        }, diagnostics.Select(Of));
        Assert.Equal(Sha256(Utf8("js\0"), Utf8(PlatformJson()), [0], Utf8("(too large)\0")), tooLarge.Fingerprint);
    }

    [Fact]
    public void A_folder_in_place_of_a_file_and_a_linked_data_folder_are_refused_with_their_own_messages()
    {
        Directory.CreateDirectory(Path.Combine(DataFolder, "listings.json"));
        var (_, folder) = Load(PlatformJson(), null);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, Dir + "listings.json", 0, 0, "data/listings.json of the platform 'js' is a folder; only regular files in a plain folder are read. Its listings are left out."),
        }, folder.Select(Of));

        // The files are regular, but data/ itself is a link (it could point anywhere on the build machine).
        var elsewhere = Path.Combine(_site.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "platform.json"), PlatformJson());
        File.WriteAllText(Path.Combine(elsewhere, "listings.json"), ListingsJson(Listing()));
        Directory.CreateDirectory(Path.Combine(_site.Root, "imports", "lk"));
        Directory.CreateSymbolicLink(Path.Combine(_site.Root, "imports", "lk", "data"), elsewhere);
        var (exports, linked) = LoadSite(data: "../imports/lk");
        Assert.Empty(exports.Platforms);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, "../imports/lk/data/listings.json", 0, 0, "data/listings.json of the platform 'js' is in a data/ folder that is a symbolic link; only regular files in a plain folder are read. Its listings are left out."),
            ("ECO502", Severity.Warning, "../imports/lk/data/platform.json", 0, 0, "data/platform.json of the platform 'js' is in a data/ folder that is a symbolic link; only regular files in a plain folder are read. Its listings are left out."),
        }, linked.Select(Of));
    }

    [Fact]
    public void Invalid_JSON_is_named_by_the_parser_s_first_sentence_without_its_full_stop()
    {
        var (exports, diagnostics) = Load(PlatformJson(), "{\"schema_version\": 3,\n  \"listings\": [,]}");
        Assert.Empty(exports.Platforms);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, Dir + "listings.json", 2, 16, "data/listings.json of the platform 'js' is not valid JSON (',' is an invalid start of a value). Its listings are left out."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void A_thousand_parks_are_read_and_one_more_is_ECO502()
    {
        static string Parks(int n) => "[" + string.Join(",", Enumerable.Range(0, n).Select(i => $"{{\"id\": \"p{i}\", \"name\": {{\"zh\": \"园{i}\"}}}}")) + "]";
        var (read, none) = Load(PlatformJson(Parks(FederationLoader.MaxParks)), ListingsJson());
        Assert.Empty(none);
        Assert.Equal(1000, Assert.Single(read.Platforms).ParkNames.Count);
        var (refused, diagnostics) = Load(PlatformJson(Parks(FederationLoader.MaxParks + 1)), ListingsJson());
        Assert.Empty(refused.Platforms);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, Dir + "platform.json", 0, 0, "data/platform.json of the platform 'js' does not follow its published schema: /parks has 1001 entries; at most 1000 are read. Its listings are left out."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void Twenty_thousand_listings_are_read_one_by_one_and_one_more_is_ECO502()
    {
        // Entries that are not objects: each is skipped on its own, so the count is visible in the warnings.
        var many = Enumerable.Repeat("0", FederationLoader.MaxListings).ToArray();
        var (read, skipped) = Load(PlatformJson(), ListingsJson(many));
        Assert.Empty(Assert.Single(read.Platforms).Listings);
        Assert.Equal(11, skipped.Count);
        Assert.Contains(skipped, d => d.Message == "19990 more listings of the platform 'js' are skipped, 20000 in all; ask that platform to check its export.");
        var (refused, diagnostics) = Load(PlatformJson(), ListingsJson([.. many, "0"]));
        Assert.Empty(refused.Platforms);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, Dir + "listings.json", 0, 0, "data/listings.json of the platform 'js' does not follow its published schema: /listings has 20001 entries; at most 20000 are read. Its listings are left out."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void A_listing_valid_until_the_day_it_is_posted_is_read()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Listing(", \"valid_until\": \"2026-10-01\"")));
        Assert.Empty(diagnostics);
        Assert.Equal((new DateOnly(2026, 10, 1), (DateOnly?)new DateOnly(2026, 10, 1)), (exports.Platforms[0].Listings[0].Posted, exports.Platforms[0].Listings[0].ValidUntil));
    }

    [Fact]
    public void Optional_texts_that_are_empty_or_blank_are_read_as_absent()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Listing(", \"unit\": \"  \", \"code\": \"\", \"material_en\": \"\"")));
        Assert.Empty(diagnostics);
        var l = Assert.Single(exports.Platforms[0].Listings);
        Assert.Equal(((string?)null, (string?)null, false, "废矿物油"), (l.Unit, l.Code, l.Material.Has("en"), l.Material.In("zh", "zh").Text));
    }

    [Theory]
    [InlineData("1e15", 1e15)]
    [InlineData("-1e15", -1e15)]
    [InlineData("0", 0.0)]
    public void A_quantity_of_at_most_10_to_the_15_is_read(string json, double expected)
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Listing($", \"quantity\": {json}")));
        Assert.Empty(diagnostics);
        Assert.Equal(expected, Assert.Single(exports.Platforms[0].Listings).Quantity);
    }

    [Theory]
    [InlineData("1000000000000001")]
    [InlineData("-1000000000000001")]
    [InlineData("1e400")]
    [InlineData("true")]
    public void A_quantity_beyond_10_to_the_15_or_not_a_number_skips_the_listing(string json)
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Listing($", \"quantity\": {json}")));
        Assert.Empty(exports.Platforms[0].Listings);
        Assert.Equal(new[]
        {
            ("ECO505", Severity.Warning, Dir + "listings.json", 0, 0, "the listing at /listings/0 of the platform 'js' is skipped: 'quantity' must be a number of at most 10^15."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void A_listing_with_several_faults_is_reported_once_for_the_first()
    {
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Listing().Replace("\"supply\"", "\"offer\"").Replace("\"waste\"", "\"scrap\"")));
        Assert.Empty(exports.Platforms[0].Listings);
        Assert.Equal(new[]
        {
            ("ECO505", Severity.Warning, Dir + "listings.json", 0, 0, "the listing at /listings/0 of the platform 'js' is skipped: 'kind' 'offer' is none of supply, demand."),
        }, diagnostics.Select(Of));
    }

    [Theory]
    [InlineData("\"id\": \"js-park/oil\", ", "id")]
    [InlineData("\"park_id\": \"js-park\", ", "park_id")]
    [InlineData("\"category\": \"waste\", ", "category")]
    [InlineData("\"enterprise\": \"js-chem\", ", "enterprise")]
    [InlineData(", \"posted\": \"2026-10-01\"", "posted")]
    public void A_listing_missing_a_required_field_is_ECO505_naming_it(string field, string name)
    {
        Assert.Contains(field, Listing(), StringComparison.Ordinal);
        var (exports, diagnostics) = Load(PlatformJson(), ListingsJson(Listing().Replace(field, "")));
        Assert.Empty(exports.Platforms[0].Listings);
        Assert.Equal(new[]
        {
            ("ECO505", Severity.Warning, Dir + "listings.json", 0, 0, $"the listing at /listings/0 of the platform 'js' is skipped: '{name}' is missing."),
        }, diagnostics.Select(Of));
    }

    [Theory]
    [InlineData("schema_version", "platform.json", "/schema_version is missing")]
    [InlineData("parks", "platform.json", "/parks is missing")]
    [InlineData("name", "platform.json", "/parks/0/name is missing")]
    [InlineData("listings", "listings.json", "/listings is missing")]
    public void An_export_missing_a_required_field_is_ECO502_naming_it(string field, string file, string problem)
    {
        var platform = field switch
        {
            "schema_version" => PlatformJson().Replace($"\"schema_version\": {Version}, ", ""),
            "parks" => PlatformJson().Replace(", \"parks\": [{\"id\": \"js-park\", \"name\": {\"zh\": \"江苏园区\"}}]", ""),
            "name" => PlatformJson("[{\"id\": \"js-park\"}]"),
            _ => PlatformJson(),
        };
        var listings = field == "listings" ? $"{{\"schema_version\": {Version}}}" : ListingsJson();
        var (exports, diagnostics) = Load(platform, listings);
        Assert.Empty(exports.Platforms);
        Assert.Equal(new[]
        {
            ("ECO502", Severity.Warning, Dir + file, 0, 0, $"data/{file} of the platform 'js' does not follow its published schema: {problem}. Its listings are left out."),
        }, diagnostics.Select(Of));
    }
}
