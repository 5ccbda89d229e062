using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// site.yaml <c>federation</c> read on its own (<c>FederationConfig</c>, through <c>SiteConfigLoader</c>): each entry's
/// values, and each diagnostic with its code, line, column and exact message. Written for the mutation run of
/// docs/security.md "Runs of 2026-12-03, branch mutE"; <c>SiteConfigLoaderTests</c> has the first cases.
/// </summary>
public sealed class FederationConfigTests
{
    private const string Base = "title: {zh: 测试平台, en: Test Platform}\nas_of: 2026-11-29\nfederation:\n";

    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string federation)
    {
        using var site = new TestSite(minimal: false);
        site.With("site.yaml", Base + federation);
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(site.Content, bag);
        var config = SiteConfigLoader.Load(tree, new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero)), bag);
        Assert.NotNull(config);
        return (config, bag.ToSortedList());
    }

    private static (string, string, int, int, string) Of(Diagnostic d) => (d.Code, d.File, d.Line, d.Column, d.Message);

    [Fact]
    public void An_entry_that_is_not_a_map_is_ECO011_naming_a_federation_entry()
    {
        var (c, diagnostics) = Load("  - 12\n  - [js]\n");
        Assert.Empty(c.Federation);
        Assert.Equal(new[]
        {
            ("ECO011", "site.yaml", 4, 5, "a 'federation' entry must be a map of 'key: value' lines, not '12'."),
            ("ECO011", "site.yaml", 5, 5, "a 'federation' entry must be a map of 'key: value' lines, not a list."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void An_unknown_field_is_warned_about_with_the_known_fields_and_the_entry_is_still_read()
    {
        var (c, diagnostics) = Load("  - {id: js, name: 江苏, data: ../js, url: https://js.example.gov.cn/, urls: x}\n");
        Assert.Equal("js", Assert.Single(c.Federation).Id);
        Assert.Equal(new[]
        {
            ("ECO012", "site.yaml", 4, 70, "'urls' is not a field of a 'federation' entry; it is ignored. Did you mean 'url'? Known fields: id, name, data, url."),
        }, diagnostics.Select(Of));
    }

    [Theory]
    [InlineData("https://js.example.gov.cn", "https://js.example.gov.cn/")]
    [InlineData("https://js.example.gov.cn/", "https://js.example.gov.cn/")]
    [InlineData("http://js.example.gov.cn/a/b", "http://js.example.gov.cn/a/b/")]
    [InlineData("https://js.example.gov.cn/a/", "https://js.example.gov.cn/a/")]
    public void The_address_is_kept_as_written_with_one_slash_at_the_end(string url, string expected)
    {
        var (c, diagnostics) = Load($"  - {{id: js, name: 江苏, data: ../js, url: \"{url}\"}}\n");
        Assert.Empty(diagnostics);
        Assert.Equal(expected, Assert.Single(c.Federation).Url);
    }

    [Theory]
    [InlineData("https://js.example.gov.cn/?")]
    [InlineData("https://js.example.gov.cn/#")]
    [InlineData("mailto:office@example.gov.cn")]
    [InlineData("js.example.gov.cn")]
    public void An_address_with_a_query_a_fragment_or_another_scheme_is_ECO016(string url)
    {
        var (c, diagnostics) = Load($"  - {{id: js, name: 江苏, data: ../js, url: \"{url}\"}}\n");
        Assert.Empty(c.Federation);
        Assert.Equal(new[]
        {
            ("ECO016", "site.yaml", 4, 42, $"'url' is '{url}'; write the neighbour's base_url, a full address such as https://www.example.gov.cn/js/."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void Every_field_is_read_with_its_position_and_backslashes_become_slashes()
    {
        var (c, diagnostics) = Load("  - id: js\n    name: {zh: 江苏, en: Jiangsu}\n    data: ..\\imports\\js\\\n    url: https://js.example.gov.cn/\n");
        Assert.Empty(diagnostics);
        var js = Assert.Single(c.Federation);
        Assert.Equal(("js", "江苏", "Jiangsu", "../imports/js/", "https://js.example.gov.cn/", new SourcePos(4, 5), new SourcePos(6, 11)),
            (js.Id, js.Name.In("zh", "zh").Text, js.Name.In("en", "zh").Text, js.DataDir, js.Url, js.Pos, js.DataPos));
    }

    [Fact]
    public void Each_fault_of_an_entry_is_reported_and_a_later_entry_with_its_id_is_still_a_repeat()
    {
        // The first entry is left out (empty data, bad address) but its id is not taken: the second is read.
        var (c, diagnostics) = Load("  - {id: js, name: 江苏, data: '', url: 'ftp://x/'}\n  - {id: js, name: 江苏, data: ../js, url: 'https://js.example.gov.cn/'}\n  - {id: js, name: 江苏, data: '', url: 'ftp://x/'}\n");
        Assert.Equal(("js", "../js"), (Assert.Single(c.Federation).Id, c.Federation[0].DataDir));
        Assert.Equal(new[]
        {
            ("ECO016", "site.yaml", 4, 30, "'data' is empty; write the folder that holds the neighbour's data/ folder, relative to site.yaml (e.g. ../imports/jiangsu)."),
            ("ECO016", "site.yaml", 4, 39, "'url' is 'ftp://x/'; write the neighbour's base_url, a full address such as https://www.example.gov.cn/js/."),
            ("ECO023", "site.yaml", 6, 10, "the platform 'js' is listed twice in 'federation'; keep one entry."),
            ("ECO016", "site.yaml", 6, 30, "'data' is empty; write the folder that holds the neighbour's data/ folder, relative to site.yaml (e.g. ../imports/jiangsu)."),
            ("ECO016", "site.yaml", 6, 39, "'url' is 'ftp://x/'; write the neighbour's base_url, a full address such as https://www.example.gov.cn/js/."),
        }, diagnostics.Select(Of));
    }

    [Fact]
    public void Entries_with_different_ids_are_all_read_in_order()
    {
        var (c, diagnostics) = Load("  - {id: js, name: 江苏, data: ../js, url: 'https://js.example.gov.cn/'}\n  - {id: zj, name: 浙江, data: ../zj, url: 'https://zj.example.gov.cn/'}\n  - {id: ah, name: 安徽, data: ../ah, url: 'https://ah.example.gov.cn/'}\n");
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "js", "zj", "ah" }, c.Federation.Select(e => e.Id));
    }

    [Fact]
    public void No_federation_or_an_empty_list_reads_no_entry()
    {
        var (c, diagnostics) = Load("  []\n");
        Assert.Empty(diagnostics);
        Assert.Empty(c.Federation);
    }
}
