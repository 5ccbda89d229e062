using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// site.yaml read on its own (<c>SiteConfigLoader</c>, with <c>FederationConfig</c> and <c>OpenDataConfig</c>): each
/// value the configuration holds, and each diagnostic at its line and column with its exact message.
/// </summary>
public sealed class SiteConfigLoaderTests
{
    private const string Base = "title: {zh: 测试平台, en: Test Platform}\nas_of: 2026-11-29\n";

    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string? siteYaml, string? epoch = null)
    {
        using var site = new TestSite(minimal: false);
        if (siteYaml is not null) site.With("site.yaml", siteYaml);
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(site.Content, bag);
        var config = SiteConfigLoader.Load(tree, new BuildClock(epoch, () => new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero)), bag);
        return (config, bag.ToSortedList());
    }

    private static SiteConfig Good(string siteYaml)
    {
        var (config, diagnostics) = Load(siteYaml);
        Assert.Empty(diagnostics);
        return config!;
    }

    private static void At(Diagnostic d, string code, int line, int column, string message) =>
        Assert.Equal((code, "site.yaml", line, column, message), (d.Code, d.File, d.Line, d.Column, d.Message));

    [Fact]
    public void A_missing_or_empty_site_yaml_gives_no_configuration()
    {
        var (none, missing) = Load(null);
        Assert.Null(none);
        var d = Assert.Single(missing);
        Assert.Equal(("ECO005", "site.yaml", 0), (d.Code, d.File, d.Line));
        Assert.StartsWith("the content folder '", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("' has no site.yaml. Run 'ecosite new site' to create one, or point to the right folder.", d.Message, StringComparison.Ordinal);
        var (empty, diagnostics) = Load("");
        Assert.Null(empty);
        Assert.Equal(("ECO002", "site.yaml is empty; it needs at least 'title' and 'languages'."), (Assert.Single(diagnostics).Code, diagnostics[0].Message));
        Assert.Null(Load("title: [unclosed\n").Config);
        var (list, listed) = Load("- a list\n");
        Assert.Null(list);
        At(Assert.Single(listed), "ECO011", 1, 1, "site.yaml must be a map of 'key: value' lines, not a list.");
    }

    [Fact]
    public void Every_field_is_read()
    {
        var c = Good("""
            title: {zh: 测试平台, en: Test Platform}
            description: {zh: 说明, en: About}
            languages: [en, zh]
            base_url: https://www.example.gov.cn/stgy
            as_of: 2026-10-01
            freshness: {news: 1, notices: 2, cases: 3}
            theme: ./mytheme
            organizer: {zh: 示例市生态环境局, en: Example EEB}
            operator: 示例中心
            site_code: "1100000001"
            icp: 京ICP备00000000号
            police_record: 京公网安备00000000000000号
            license: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
            timezone: "-05:30"
            """);
        Assert.Equal(("Test Platform", "About"), (c.Title.In("en", "en").Text, c.Description!.In("en", "en").Text));
        Assert.Equal(new[] { "en", "zh" }, c.Languages);
        Assert.Equal("https://www.example.gov.cn/stgy/", c.BaseUrl);
        Assert.Equal((new DateOnly(2026, 10, 1), TodaySource.SiteYaml), (c.Today, c.TodaySource));
        Assert.Equal(new Freshness(1, 2, 3), c.Freshness);
        Assert.Equal(("./mytheme", new SourcePos(7, 8)), (c.Theme, c.ThemePos));
        Assert.Equal(("Example EEB", "示例中心"), (c.Organizer!.In("en", "en").Text, c.Operator!.In("zh", "zh").Text));
        Assert.Equal(("1100000001", "京ICP备00000000号", "京公网安备00000000000000号"), (c.SiteCode, c.Icp, c.PoliceRecord));
        Assert.Equal(new DataLicense("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"), c.License);
        Assert.Equal(-new TimeSpan(5, 30, 0), c.Offset);
    }

    [Fact]
    public void Unset_fields_take_their_defaults()
    {
        var c = Good(Base);
        Assert.Equal(new[] { "zh", "en" }, c.Languages);
        Assert.Equal(new Freshness(14, 180, 365), c.Freshness);
        Assert.Equal(TimeSpan.FromHours(8), c.Offset);
        Assert.Null(c.BaseUrl);
        Assert.Null(c.Description);
        Assert.Null(c.Theme);
        Assert.Null(c.License);
        Assert.Null(c.Organizer);
        Assert.Null(c.SiteCode);
        Assert.Empty(c.Federation);
        Assert.Empty(c.Exclude);
        Assert.Equal(new DateOnly(2026, 11, 29), c.Today);
    }

    [Fact]
    public void Without_as_of_today_comes_from_source_date_epoch_else_the_clock()
    {
        var (fromClock, none) = Load("title: 测试\n");
        Assert.Empty(none);
        Assert.Equal((new DateOnly(2026, 11, 29), TodaySource.Clock), (fromClock!.Today, fromClock.TodaySource));
        var (fromEpoch, diagnostics) = Load("title: 测试\n", epoch: "0");
        Assert.Empty(diagnostics);
        Assert.Equal((new DateOnly(1970, 1, 1), TodaySource.SourceDateEpoch), (fromEpoch!.Today, fromEpoch.TodaySource));
    }

    [Fact]
    public void A_base_url_that_is_no_web_address_is_ECO016_and_dropped()
    {
        var (c, diagnostics) = Load(Base + "base_url: www.example.gov.cn\n");
        At(Assert.Single(diagnostics), "ECO016", 3, 11, "'base_url' is 'www.example.gov.cn'; write a full address such as https://www.example.gov.cn/stgy/.");
        Assert.Null(c!.BaseUrl);
        Assert.Equal("https://www.example.gov.cn/", Good(Base + "base_url: https://www.example.gov.cn/\n").BaseUrl);
    }

    [Fact]
    public void A_missing_title_is_ECO013_and_the_site_is_called_EcoSite()
    {
        var (c, diagnostics) = Load("languages: [en]\n");
        Assert.Equal("ECO013", Assert.Single(diagnostics).Code);
        Assert.Equal(new[] { new KeyValuePair<string, string>("en", "EcoSite") }, c!.Title.Values);
    }

    [Fact]
    public void Freshness_days_must_be_above_0_else_the_default_is_kept()
    {
        var (c, diagnostics) = Load(Base + "freshness:\n  news: 0\n  notices: -1\n  cases: 1\n");
        Assert.Equal(new Freshness(14, 180, 1), c!.Freshness);
        Assert.Equal(2, diagnostics.Count);
        At(diagnostics[0], "ECO016", 4, 9, "'freshness.news' must be a number of days above 0.");
        At(diagnostics[1], "ECO016", 5, 12, "'freshness.notices' must be a number of days above 0.");
        Assert.Equal(new Freshness(14, 7, 365), Good(Base + "freshness: {notices: 7}\n").Freshness);
    }

    [Fact]
    public void Languages_must_be_a_list_of_supported_languages_each_once()
    {
        var (c, diagnostics) = Load(Base + "languages: [en, fra, EN, en, {x: 1}, zh]\n");
        Assert.Equal(new[] { "en", "zh" }, c!.Languages);
        Assert.Equal(4, diagnostics.Count);
        At(diagnostics[0], "ECO022", 3, 17, "'fra' is not a language EcoSite supports; use zh and en.");
        At(diagnostics[1], "ECO022", 3, 22, "'EN' is not a language EcoSite supports; use zh and en. Did you mean 'en'?");
        At(diagnostics[2], "ECO023", 3, 26, "'en' is listed twice in 'languages'.");
        At(diagnostics[3], "ECO022", 3, 30, "'?' is not a language EcoSite supports; use zh and en. Did you mean 'en'?");
    }

    [Fact]
    public void Languages_that_are_not_a_list_or_hold_no_supported_language_fall_back_to_zh_and_en()
    {
        var (c, diagnostics) = Load(Base + "languages: en\n");
        Assert.Equal(new[] { "zh", "en" }, c!.Languages);
        At(Assert.Single(diagnostics, d => d.Code == "ECO011"), "ECO011", 3, 12, "'languages' must be a list such as [zh, en]; the first is the default language.");
        var (d, unknown) = Load(Base + "languages: [fr]\n");
        Assert.Equal(new[] { "zh", "en" }, d!.Languages);
        Assert.Equal("ECO022", Assert.Single(unknown).Code);
        Assert.Equal(new[] { "en" }, Good("title: Test\nlanguages: [en]\n").Languages);
    }

    [Fact]
    public void A_license_needs_a_name_and_a_web_address()
    {
        var (c, diagnostics) = Load(Base + "license: {name: CC-BY-4.0, url: creativecommons.org/by}\n");
        Assert.Null(c!.License);
        At(Assert.Single(diagnostics), "ECO016", 3, 33, "'license.url' is 'creativecommons.org/by'; write the full address of the licence text, such as https://creativecommons.org/licenses/by/4.0/.");
        var (noUrl, missing) = Load(Base + "license: {name: CC-BY-4.0}\n");
        Assert.Null(noUrl!.License);
        Assert.Equal("ECO013", Assert.Single(missing).Code);
        var (noName, missingName) = Load(Base + "license: {url: https://example.org/l}\n");
        Assert.Null(noName!.License);
        Assert.Equal("ECO013", Assert.Single(missingName).Code);
        Assert.Null(Load(Base + "license: {name: '', url: https://example.org/l}\n").Config!.License);
    }

    [Theory]
    [InlineData("Z", 0, 0)]
    [InlineData("+08:00", 8, 0)]
    [InlineData("-05:30", -5, -30)]
    [InlineData("+14:00", 14, 0)]
    [InlineData("-12:00", -12, 0)]
    [InlineData("+00:59", 0, 59)]
    [InlineData("-00:00", 0, 0)]
    public void A_timezone_is_an_RFC_3339_offset_in_use(string text, int hours, int minutes)
    {
        Assert.Equal(new TimeSpan(hours, minutes, 0), OpenDataConfig.Parse(text));
        Assert.Equal(new TimeSpan(hours, minutes, 0), Good(Base + $"timezone: \"{text}\"\n").Offset);
    }

    [Theory]
    [InlineData("z")]
    [InlineData("+14:01")]
    [InlineData("-12:01")]
    [InlineData("+15:00")]
    [InlineData("+08:60")]
    [InlineData("+0800")]
    [InlineData("+08:000")]
    [InlineData("08:00+")]
    [InlineData("*08:00")]
    [InlineData("+08-00")]
    [InlineData("+8a:00")]
    [InlineData("+08:0a")]
    [InlineData("+ 8:00")]
    [InlineData("UTC+8")]
    public void Anything_else_is_ECO016_and_Beijing_time_is_used(string text)
    {
        Assert.Null(OpenDataConfig.Parse(text));
        var (c, diagnostics) = Load(Base + $"timezone: \"{text}\"\n");
        Assert.Equal(TimeSpan.FromHours(8), c!.Offset);
        At(Assert.Single(diagnostics), "ECO016", 3, 11, $"'timezone' is '{text}'; write a UTC offset in quotes, such as \"+08:00\" (Beijing time, the default).");
    }

    private const string Neighbour = "  - {id: js, name: {zh: 江苏, en: Jiangsu}, data: ../imports/js, url: https://www.example.gov.cn/js}\n";

    [Fact]
    public void A_federation_entry_holds_its_id_name_folder_and_address()
    {
        var c = Good(Base + "federation:\n" + Neighbour + "  - id: zj\n    name: 浙江\n    data: ..\\imports\\zj\n    url: http://zj.example.gov.cn/\n");
        Assert.Equal(2, c.Federation.Count);
        var js = c.Federation[0];
        Assert.Equal(("js", "Jiangsu", "../imports/js", "https://www.example.gov.cn/js/", new SourcePos(4, 5), new SourcePos(4, 49)),
            (js.Id, js.Name.In("en", "zh").Text, js.DataDir, js.Url, js.Pos, js.DataPos));
        var zj = c.Federation[1];
        Assert.Equal(("zj", "../imports/zj", "http://zj.example.gov.cn/", new SourcePos(5, 5), new SourcePos(7, 11)), (zj.Id, zj.DataDir, zj.Url, zj.Pos, zj.DataPos));
    }

    [Theory]
    [InlineData("ftp://example.gov.cn/js/")]
    [InlineData("https://www.example.gov.cn/js/?x=1")]
    [InlineData("https://www.example.gov.cn/js/#top")]
    [InlineData("/js/")]
    [InlineData("javascript:alert(1)")]
    public void A_federation_url_that_is_no_plain_web_address_is_ECO016_and_the_entry_is_left_out(string url)
    {
        var (c, diagnostics) = Load(Base + "federation:\n  - id: js\n    name: 江苏\n    data: ../js\n    url: \"" + url + "\"\n");
        Assert.Empty(c!.Federation);
        At(Assert.Single(diagnostics), "ECO016", 7, 10, $"'url' is '{url}'; write the neighbour's base_url, a full address such as https://www.example.gov.cn/js/.");
    }

    [Fact]
    public void An_empty_data_folder_is_ECO016_and_a_repeated_id_ECO023()
    {
        var (c, diagnostics) = Load(Base + "federation:\n" + Neighbour + Neighbour.Replace("../imports/js", "''") + Neighbour + "  - 12\n");
        Assert.Equal("js", Assert.Single(c!.Federation).Id);
        Assert.Equal(4, diagnostics.Count);
        At(diagnostics[0], "ECO023", 5, 10, "the platform 'js' is listed twice in 'federation'; keep one entry.");
        At(diagnostics[1], "ECO016", 5, 49, "'data' is empty; write the folder that holds the neighbour's data/ folder, relative to site.yaml (e.g. ../imports/jiangsu).");
        At(diagnostics[2], "ECO023", 6, 10, "the platform 'js' is listed twice in 'federation'; keep one entry.");
        Assert.Equal(("ECO011", 7), (diagnostics[3].Code, diagnostics[3].Line));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("data")]
    [InlineData("url")]
    public void A_federation_entry_missing_a_field_is_ECO013_and_left_out(string field)
    {
        var fields = new Dictionary<string, string> { ["id"] = "js", ["name"] = "江苏", ["data"] = "../js", ["url"] = "https://example.gov.cn/" };
        fields.Remove(field);
        var (c, diagnostics) = Load(Base + "federation:\n  - {" + string.Join(", ", fields.Select(kv => $"{kv.Key}: {kv.Value}")) + "}\n");
        Assert.Empty(c!.Federation);
        Assert.Equal("ECO013", Assert.Single(diagnostics).Code);
    }
}
