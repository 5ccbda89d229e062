using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EcoSite.Core;
using EcoSite.Core.Content;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// Pages that show other platforms' matches (site.yaml 'federation'): the sample content docked with a fictional
/// neighbour whose export is written here, opened from disk, checked with axe in both languages.
/// </summary>
[Collection("site")]
public sealed class FederationPageTests(SiteFixture site) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-browser-federation-" + Guid.NewGuid().ToString("N"));

    private const string NeighbourUrl = "https://neighbour.example.gov.cn/stgy/";

    private string Build()
    {
        var content = Path.Combine(_root, "content");
        foreach (var file in Directory.EnumerateFiles(SiteFixture.SampleContent, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(SiteFixture.SampleContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.AppendAllText(Path.Combine(content, "site.yaml"), $"""

            federation:
              - id: neighbour
                name: {"{"}zh: 邻省示例生态工业信息平台, en: Neighbour Example Eco-Industrial Platform{"}"}
                data: ../neighbour
                url: {NeighbourUrl}

            """);
        var data = Path.Combine(_root, "neighbour", "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "platform.json"), """
            {"schema_version": 2, "name": {"zh": "邻省示例平台", "en": "Neighbour Example Platform"}, "base_url": "https://neighbour.example.gov.cn/stgy/",
             "languages": ["zh", "en"], "as_of": "2026-11-28", "parks": [{"id": "binhai", "name": {"zh": "滨海示例园区", "en": "Binhai Demo Park"}}]}
            """);
        File.WriteAllText(Path.Combine(data, "listings.json"), """
            {"schema_version": 2, "listings": [
              {"id": "binhai/oil-demand", "park_id": "binhai", "kind": "demand", "category": "waste", "enterprise": "bh-regen",
               "material_zh": "废矿物油", "material_en": "Waste mineral oil", "code": "900-249-08", "hazardous": true, "hazardous_class": "HW08",
               "quantity": 50, "unit": "t", "frequency": "monthly", "posted": "2026-11-01", "valid_until": "2027-04-30", "active": true, "matches": []},
              {"id": "binhai/ash-supply", "park_id": "binhai", "kind": "supply", "category": "by-product", "enterprise": "bh-power",
               "material_zh": "粉煤灰", "material_en": "Fly ash", "code": null, "hazardous": null, "hazardous_class": null,
               "quantity": 8000, "unit": "t", "frequency": "yearly", "posted": "2026-10-01", "valid_until": null, "active": true, "matches": []}
            ]}
            """);
        var output = Path.Combine(_root, "site");
        var result = SiteBuilder.Build(new BuildOptions(content, output, BuildClock.FromEnvironment()));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("ECO5", StringComparison.Ordinal));
        return output;
    }

    [Fact]
    public async Task Pages_with_other_platforms_matches_have_zero_axe_violations()
    {
        var output = Build();
        string[] pages =
        [
            "exchange/index.html", "en/exchange/index.html",
            "parks/qinghe/exchange/waste-mineral-oil-supply.html", "en/parks/qinghe/exchange/fly-ash-demand.html",
        ];
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var rel in pages)
        {
            var html = File.ReadAllText(Path.Combine(output, rel));
            Assert.Contains(NeighbourUrl, html);
            await page.GotoAsync(new Uri(Path.Combine(output, rel)).AbsoluteUri);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            failures.AddRange(result.Violations.Select(v => $"{rel}: {v.Id}: {v.Help} at " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
