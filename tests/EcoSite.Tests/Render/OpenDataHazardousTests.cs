using System.Text.Json;

namespace EcoSite.Tests.Render;

/// <summary>
/// `hazardous` in the flows and listings exports (docs/open-data.md, format version 2): true for a hazardous waste
/// code, false for a general solid waste code, null in JSON and empty in CSV when unknown (no code).
/// </summary>
public sealed class OpenDataHazardousTests : IDisposable
{
    private readonly TestSite site = new TestSite()
        .With("parks/demo/enterprises.yaml", """
            enterprises:
              - {id: demo-steel, name: 示例钢铁}
              - {id: demo-cement, name: 示例水泥}
            """)
        .With("parks/demo/waste/2025.yaml", """
            year: 2025
            flows:
              - {from: demo-steel, to: demo-cement, material: 废矿物油, code: 900-249-08, quantity: 3, unit: t}
              - {from: demo-steel, to: demo-cement, material: 高炉矿渣, code: 311-001-S01, quantity: 9, unit: t}
              - {from: demo-steel, to: demo-cement, material: 废钢, quantity: 5, unit: t}
              - {from: demo-steel, to: demo-cement, material: 废油泥, code: "90024908", quantity: 1, unit: t}
            """)
        .With("parks/demo/exchange/a-oil.yaml", """
            {kind: supply, category: waste, enterprise: demo-steel, material: 废矿物油, code: 900-249-08, posted: 2026-10-01}
            """)
        .With("parks/demo/exchange/b-slag.yaml", """
            {kind: supply, category: by-product, enterprise: demo-steel, material: 高炉矿渣, code: 311001S01, posted: 2026-10-01}
            """)
        .With("parks/demo/exchange/c-scrap.yaml", """
            {kind: demand, category: raw-material, enterprise: demo-cement, material: 废钢, posted: 2026-10-01}
            """);

    public OpenDataHazardousTests()
    {
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    private List<JsonElement> Rows(string dataset) =>
        [.. JsonDocument.Parse(site.Read($"data/{dataset}.json")).RootElement.GetProperty(dataset).EnumerateArray()];

    private static string? Hazardous(JsonElement row) => row.GetProperty("hazardous").ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        var k => throw new InvalidOperationException($"hazardous is {k}"),
    };

    [Fact]
    public void Flows_are_hazardous_not_hazardous_or_unknown_in_json()
    {
        var rows = Rows("flows");

        Assert.Equal(["true", "false", null, "true"], rows.Select(Hazardous));
        Assert.Equal(["900-249-08", "311-001-S01", null, "900-249-08"], rows.Select(r => r.GetProperty("code").GetString()));
    }

    [Fact]
    public void Listings_are_hazardous_not_hazardous_or_unknown_in_json()
    {
        Assert.Equal(["true", "false", null], Rows("listings").Select(Hazardous));
    }

    [Fact]
    public void Unknown_is_an_empty_csv_field()
    {
        var lines = site.Read("data/flows.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "hazardous");

        Assert.True(column >= 0);
        Assert.Equal(["true", "false", "", "true"], lines.Skip(1).Select(l => l.Split(',')[column]));
    }

    [Fact]
    public void Schemas_allow_null_and_no_longer_require_a_value()
    {
        var json = JsonDocument.Parse(site.Read("data/schemas/listings.schema.json")).RootElement;
        var type = json.GetProperty("properties").GetProperty("listings").GetProperty("items").GetProperty("properties").GetProperty("hazardous").GetProperty("type");
        Assert.Equal(["boolean", "null"], type.EnumerateArray().Select(t => t.GetString()));

        var table = JsonDocument.Parse(site.Read("data/schemas/flows.json")).RootElement;
        var field = table.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "hazardous");
        Assert.Equal("boolean", field.GetProperty("type").GetString());
        // Not required: the only constraint is the closed vocabulary true/false (empty, unknown, is the missing value).
        var constraints = field.GetProperty("constraints");
        Assert.False(constraints.TryGetProperty("required", out _));
        Assert.Equal([JsonValueKind.True, JsonValueKind.False], constraints.GetProperty("enum").EnumerateArray().Select(v => v.ValueKind));
    }

    public void Dispose() => site.Dispose();
}
