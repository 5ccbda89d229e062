using System.Diagnostics;
using System.Reflection;
using System.Text;
using EcoSite.Core;
using EcoSite.Core.Checks;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;
using EcoSite.Core.Render;

namespace EcoSite.Tests.Diagnostics;

/// <summary>
/// Every code docs/diagnostics.md lists, produced by the smallest content that should produce it, at its file and line.
/// Disabling any check makes its case fail; a new code without a case fails <see cref="Every_code_has_a_case"/>.
/// </summary>
public sealed class EveryCodeTests
{
    private const string Park = "parks/demo/park.yaml";
    private const string News = "parks/demo/news/2026-11-20-x.md";
    private const string Enterprises = "enterprises:\n  - id: demo-steel\n    name: 示例钢铁\n    credit_code: 91110000600037341L\n  - id: demo-cement\n    name: 示例水泥\n";
    private const string Item = "---\ntitle: 测试\ndate: 2026-11-20\n---\n正文。\n";

    /// <summary>A case: what to write, what to run (a build unless said), and where the code must be reported (line -1: anywhere in the file).</summary>
    private sealed record Case(Action<TestSite> Setup, string File, int Line, Func<TestSite, IReadOnlyList<Diagnostic>>? Run = null, bool Minimal = true);

    private static IReadOnlyList<Diagnostic> Build(TestSite site) => site.Build().Diagnostics;

    private static readonly BuildClock Clock = new(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["ECO001"] = new(s => s.WithBytes(Park, Encoding.Latin1.GetBytes("name: \u00D6\u00D0\u00CE\u00C4\n")), Park, 1),
        ["ECO002"] = new(s => s.With(Park, ""), Park, 0),
        ["ECO003"] = new(s => s.With(News, Item + new string('x', (int)SourceText.MaxFileBytes)), News, 0),
        ["ECO004"] = new(s => s.With(News, Item), News, 0, Run: s =>
        {
            var bag = new DiagnosticBag();
            var tree = ContentTree.Scan(s.Content, bag);
            File.Delete(Path.Combine(s.Content, News)); // gone between the listing and the reading
            InputFingerprint.Compute(tree, bag);
            return bag.ToSortedList();
        }),
        ["ECO005"] = new(s => s.With(Park, TestSite.ParkYaml), "site.yaml", 0, Minimal: false),
        ["ECO006"] = new(s => s.With("site.yaml", TestSite.SiteYaml), "parks", 0, Minimal: false),
        ["ECO007"] = new(s => Mkfifo(Path.Combine(s.Content, "parks/demo/media/pipe.pdf")), "parks/demo/media/pipe.pdf", 0),
        ["ECO008"] = new(s => s.With(Park, "name: 测\u000B试\n"), Park, 1),
        ["ECO010"] = new(s => s.With(Park, "name: [unclosed\n"), Park, -1),
        ["ECO011"] = new(s => s.With(Park, "name: 测试\nestablished: 二〇〇八年\n"), Park, 2),
        ["ECO012"] = new(s => s.With(Park, "name: 测试\nnmae: x\n"), Park, 2),
        ["ECO013"] = new(s => s.With(Park, "level: national\n"), Park, 1),
        ["ECO014"] = new(s => s.With(Park, "name: 测试\nx: " + new string('[', 70) + new string(']', 70) + "\n"), Park, 2),
        ["ECO015"] = new(s => s.With(Park, "name: 测试\nname: 再次\n"), Park, 2),
        ["ECO016"] = new(s => s.With(Park, "name: 测试\narea_km2: -1\n"), Park, 2),
        ["ECO017"] = new(s => s.With(News, "正文，没有前言。\n"), News, 1),
        ["ECO018"] = new(s => s.With(News, Item + new string('>', 100) + " 深\n"), News, 6),
        ["ECO020"] = new(s => s.With(News, "---\ntitle: 测试\ndate: 2026-13-45\n---\n正文。\n"), News, 3),
        ["ECO021"] = new(s => s.With("parks/Bad_Park/park.yaml", TestSite.ParkYaml), "parks/Bad_Park", 0),
        ["ECO022"] = new(s => s.With(Park, "name: {zh: 测试, fr: Essai}\n"), Park, 1),
        ["ECO023"] = new(s => s.With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: a, name: 甲}\n  - {id: a, name: 乙}\n"), "parks/demo/enterprises.yaml", 3),
        ["ECO024"] = new(s => s.With("parks/demo/notes.txt", "x"), "parks/demo/notes.txt", 0),
        ["ECO025"] = new(s => s.With(Park, "name: {en: Test Park}\n"), Park, 1),
        ["ECO026"] = new(s => s.With("parks/demo/indicators/2025.yaml", "year: 2024\nvalues: []\n"), "parks/demo/indicators/2025.yaml", 1),
        ["ECO027"] = new(s => s.With(News, "---\ntitle: 请填写标题\ndate: 2026-11-20\n---\n正文。\n"), News, 2),
        ["ECO028"] = new(s => s.With(Park, "name: {zh: 测试园区}\n"), Park, 1),
        ["ECO030"] = new(s => s.With(News, Item + "[外](../../../../etc/passwd)\n"), News, 6),
        ["ECO031"] = new(s => s.With(News, Item + "[无](nowhere.md)\n"), News, 6),
        ["ECO032"] = new(s => s.With(News, Item + "[根](/parks/demo/index.html)\n"), News, 6),
        ["ECO040"] = new(s => s.With(News, Item + "<blink>x</blink>\n"), News, 6),
        ["ECO041"] = new(s => s.With(News, Item + "[坏](javascript:alert(1))\n"), News, 6),
        ["ECO042"] = new(s => s.With("parks/demo/media/report.html", "<p>x</p>"), "parks/demo/media/report.html", 0),
        ["ECO043"] = new(s => s.With("parks/demo/media/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "parks/demo/media/map.svg", 1),
        ["ECO101"] = new(s => s.With("parks/demo/waste/2025.yaml", "year: 2025\nflows:\n  - {from: nobody, to: nobody-else, material: 钢渣, quantity: 1, unit: t}\n"), "parks/demo/waste/2025.yaml", 3),
        ["ECO102"] = new(s => s.With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: a, name: 甲, credit_code: 12345}\n"), "parks/demo/enterprises.yaml", 2),
        ["ECO103"] = new(s => s.With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: a, name: 甲, credit_code: 91110000600037341Z}\n"), "parks/demo/enterprises.yaml", 2),
        ["ECO104"] = new(s => s.With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: a, name: 甲, credit_code: B1110000600037341J}\n"), "parks/demo/enterprises.yaml", 2),
        ["ECO105"] = new(s => s.With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: a, name: 甲, credit_code: 91110000600037342P}\n"), "parks/demo/enterprises.yaml", 2),
        ["ECO110"] = new(s => s.With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: no-such-indicator, value: 1}\n"), "parks/demo/indicators/2025.yaml", 3),
        ["ECO111"] = new(s => s.With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: solid-waste-utilisation, value: 1, target: \"about 70\"}\n"), "parks/demo/indicators/2025.yaml", 3),
        ["ECO112"] = new(s => s.With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: solid-waste-utilisation, value: yes, target: \">= 70\"}\n"), "parks/demo/indicators/2025.yaml", 3),
        ["ECO113"] = new(s => s
            .With("parks/demo/indicators/2024.yaml", "year: 2024\nvalues:\n  - {indicator: custom, name: {zh: 中水回用量, en: Reclaimed water}, unit: \"%\", value: 11}\n")
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: custom, name: {zh: 中水回用量, en: Reclaimed water}, unit: 万吨, value: 150}\n"),
            "parks/demo/indicators/2025.yaml", 3),
        ["ECO120"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/polluters/demo-steel.yaml", "report_year: 2025\npermit: 12345P\n"), "parks/demo/polluters/demo-steel.yaml", 2),
        ["ECO121"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/polluters/demo-steel.yaml", "report_year: 2025\noutlets:\n  - code: DX001\n"), "parks/demo/polluters/demo-steel.yaml", 3),
        ["ECO122"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/polluters/demo-steel.yaml",
            "report_year: 2025\noutlets:\n  - code: DW001\n    pollutants:\n      - {name: 化学需氧量, unit: mg/L, concentration: 520, limit: 500, exceedances: 0}\n"), "parks/demo/polluters/demo-steel.yaml", 5),
        ["ECO123"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/polluters/demo-steel.yaml", "report_year: 2025\npermit: 91130200699229617X001P\n"), "parks/demo/polluters/demo-steel.yaml", 2),
        ["ECO124"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/polluters/demo-steel.yaml",
            "report_year: 2025\noutlets:\n  - code: DW001\nself_monitoring:\n  items:\n    - {outlet: DW002}\n"), "parks/demo/polluters/demo-steel.yaml", 6),
        ["ECO130"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/waste/2025.yaml",
            "year: 2025\nflows:\n  - {from: demo-steel, to: demo-cement, material: 钢渣, code: 999-999-99, quantity: 1, unit: t}\n"), "parks/demo/waste/2025.yaml", 3),
        ["ECO131"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/waste/2025.yaml",
            "year: 2025\nflows:\n  - {from: demo-steel, to: demo-cement, material: 废油, code: \"90024908\", quantity: 1, unit: t}\n"), "parks/demo/waste/2025.yaml", 3),
        ["ECO140"] = new(s => s.With("parks/demo/enterprises.yaml", Enterprises).With("parks/demo/exchange/x.yaml",
            "kind: supply\ncategory: waste\nenterprise: demo-steel\nmaterial: 钢渣\nposted: 2026-10-01\nvalid_until: 2026-09-01\n"), "parks/demo/exchange/x.yaml", 6),
        ["ECO201"] = new(_ => { }, "parks/demo/news", 0),
        ["ECO202"] = new(s => s.With("parks/demo/news/2026-01-01-old.md", "---\ntitle: 旧闻\ndate: 2026-01-01\n---\n正文。\n"), "parks/demo/news/2026-01-01-old.md", 0),
        ["ECO203"] = new(_ => { }, "a.html", 0, Run: _ => LinkChecker.Check([Page("a.html", links: ["missing.html"])], Files("a.html"))),
        ["ECO204"] = new(_ => { }, "a.html", 0, Run: _ => LinkChecker.Check([Page("a.html", links: ["b.html#nope"]), Page("b.html", ids: ["yes"])], Files("a.html", "b.html"))),
        ["ECO205"] = new(_ => { }, "a.html", 0, Run: _ => LinkChecker.Check([Page("a.html", images: ["missing.png"])], Files("a.html"))),
        ["ECO206"] = new(s => s.With(News, Item), News, 0),
        ["ECO301"] = new(_ => { }, "", 0, Run: s => SiteBuilder.Build(new BuildOptions(s.Content, Path.Combine(s.Content, "out"), Clock)).Diagnostics),
        ["ECO302"] = new(s => File.WriteAllText(Path.Combine(Directory.CreateDirectory(s.Output).FullName, "theirs.txt"), "x"), "", 0),
        ["ECO303"] = new(s => File.WriteAllText(Path.Combine(s.Root, "file"), "x"), "", 0,
            Run: s => SiteBuilder.Build(new BuildOptions(s.Content, Path.Combine(s.Root, "file", "out"), Clock)).Diagnostics),
        ["ECO304"] = new(s =>
        {
            s.With("site.yaml", TestSite.SiteYaml + "\ntheme: ../mytheme\n");
            Directory.CreateDirectory(Path.Combine(s.Root, "mytheme", "templates"));
            File.WriteAllText(Path.Combine(s.Root, "mytheme", "templates", "home.sbnhtml"), "{{ no_such_function() }}\n");
        }, "", 1),
        ["ECO305"] = new(s =>
        {
            Directory.CreateDirectory(Path.Combine(s.Root, "release"));
            Directory.CreateSymbolicLink(s.Output, Path.Combine(s.Root, "release"));
        }, "", 0),
        ["ECO401"] = new(_ => { }, "site.yaml", 1, Run: Export),
        ["ECO601"] = new(_ => { }, "parks", 0, Run: s => SiteBuilder.Build(new BuildOptions(s.Content, s.Output, Clock) { Parks = ["demo", "dmeo"] }).Diagnostics),
        ["ECO402"] = new(s => s.With("site.yaml", TestSite.SiteYaml + "\nbase_url: https://www.example.gov.cn/stgy/\n")
            .WithBytes("parks/demo/media/a.webp", [.. "RIFF"u8, 4, 0, 0, 0, .. "WEBPVP8 "u8])
            .With(News, Item + "\n![图](../media/a.webp)\n"), News, 7, Run: Export),
    };

    private static IReadOnlyList<Diagnostic> Export(TestSite site) =>
        EcoSite.Core.Export.Wechat.WechatExporter.Export(new(site.Content, Path.Combine(site.Root, "_wechat"), Clock)).Diagnostics;

    private static PageLinks Page(string path, string[]? links = null, string[]? images = null, string[]? ids = null) =>
        new(path, null, links ?? [], images ?? [], new HashSet<string>(ids ?? [], StringComparer.Ordinal));

    private static HashSet<string> Files(params string[] paths) => new(paths, StringComparer.Ordinal);

    private static void Mkfifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
    }

    private static IEnumerable<DiagnosticCode> Documented() => typeof(Codes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (DiagnosticCode)f.GetValue(null)!);

    public static TheoryData<string> Codes_() => new(Cases.Keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// Codes about a neighbouring platform's export need two built platforms, which FederationTests makes; these tests
    /// assert each code at its file and line there (named with nameof, so a renamed or removed test breaks the build).
    /// </summary>
    private static readonly Dictionary<string, string> TestedWithTwoPlatforms = new()
    {
        ["ECO501"] = nameof(EndToEnd.FederationTests.A_missing_neighbour_is_a_warning_at_the_data_line_of_site_yaml_and_the_site_still_builds),
        ["ECO502"] = nameof(EndToEnd.FederationTests.A_broken_export_is_reported_at_its_file_and_leaves_only_the_neighbours_listings_out),
        ["ECO503"] = nameof(EndToEnd.FederationTests.A_broken_export_is_reported_at_its_file_and_leaves_only_the_neighbours_listings_out),
        ["ECO504"] = nameof(EndToEnd.FederationTests.A_stale_export_is_warned_and_its_active_listings_still_match),
        ["ECO505"] = nameof(EndToEnd.FederationTests.A_hostile_listing_is_skipped_at_its_pointer_and_the_others_still_match),
    };

    /// <summary>Codes of <c>ecosite merge</c> need built shards, which ShardMergeTests makes and asserts at their files.</summary>
    private static readonly Dictionary<string, string> TestedWithShards = new()
    {
        ["ECO602"] = nameof(EndToEnd.ShardMergeTests.A_folder_that_is_not_a_shard_or_holds_a_link_is_refused),
        ["ECO603"] = nameof(EndToEnd.ShardMergeTests.Overlapping_shards_are_refused_naming_the_park_and_both_shards),
        ["ECO604"] = nameof(EndToEnd.ShardMergeTests.Shards_of_different_site_configs_or_content_are_refused),
        ["ECO605"] = nameof(EndToEnd.ShardMergeTests.Shards_of_different_tool_versions_are_refused),
        ["ECO606"] = nameof(EndToEnd.ShardMergeTests.A_park_in_no_shard_is_refused_by_name),
        ["ECO607"] = nameof(EndToEnd.ShardMergeTests.A_search_fragment_that_was_changed_swapped_or_removed_is_refused_at_the_fragment),
    };

    [Fact]
    public void Every_code_has_a_case() =>
        Assert.Equal(Documented().Select(c => c.Id).Order(StringComparer.Ordinal),
            Cases.Keys.Concat(TestedWithTwoPlatforms.Keys).Concat(TestedWithShards.Keys).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("FederationTests.cs")]
    [InlineData("ShardMergeTests.cs")]
    public void Each_code_tested_elsewhere_is_asserted_in_its_test(string file)
    {
        var source = File.ReadAllText(Path.Combine(TestSite.RepoRoot(), "tests", "EcoSite.Tests", "EndToEnd", file));
        foreach (var (code, test) in file == "FederationTests.cs" ? TestedWithTwoPlatforms : TestedWithShards)
        {
            var at = source.IndexOf("public void " + test + "(", StringComparison.Ordinal);
            Assert.True(at >= 0, $"{test} not found");
            // The code is asserted in the test's body, or in the data of its theory just above it.
            var end = source.IndexOf("public void ", at + 12, StringComparison.Ordinal);
            var start = source.LastIndexOf("public void ", at - 1, StringComparison.Ordinal);
            var around = source[(start < 0 ? 0 : start)..(end < 0 ? source.Length : end)];
            Assert.True(around.Contains($"\"{code}\"", StringComparison.Ordinal), $"{test} does not assert {code}");
        }
    }

    [Theory]
    [MemberData(nameof(Codes_))]
    public void The_code_is_reported_where_its_case_says(string code)
    {
        var c = Cases[code];
        if (code == "ECO007" && OperatingSystem.IsWindows()) return; // no named pipes in a Windows folder
        using var site = new TestSite(minimal: c.Minimal);
        c.Setup(site);
        var diagnostics = (c.Run ?? Build)(site);
        var severity = Documented().Single(d => d.Id == code).Severity;
        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count > 0, $"no {code}; got:\n{string.Join("\n", diagnostics)}");
        Assert.All(found, d => Assert.Equal(severity, d.Severity));
        // Its message has a template in both languages (a Chinese editor reads it in Chinese, not after an English fallback).
        Assert.All(found, d => Assert.False(MessageTemplateTests.FellBack(d), $"no template in Messages*.resx for: {d}"));
        if (c.File.Length > 0)
            DiagnosticAssert.Has(diagnostics, code, c.File, c.Line);
        else if (c.Line > 0)
            Assert.Contains(found, d => d.Line == c.Line);
    }
}
