using System.Text;
using System.Text.Json;

namespace EcoSite.Tests.Render;

/// <summary>
/// The emissions dataset carries the Order 24 details of each outlet and pollutant (averaging period, destination) and
/// of the unit (permit authority and validity, date prepared), after the columns it had, in CSV, JSON and Table Schema.
/// </summary>
public sealed class Order24ExportTests
{
    private static readonly string[] NewColumns =
        ["averaging", "destination_zh", "destination_en", "permit_authority_zh", "permit_authority_en", "permit_valid_from", "permit_valid_until", "prepared"];

    [Fact]
    public void Emissions_carry_the_Order_24_columns_after_the_others()
    {
        using var site = PolluterSite.With(PolluterSite.Full);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        var csv = TableSchemaValidator.ParseCsv(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Output, "data", "emissions.csv")))[1..]);
        var header = csv[0];
        Assert.Equal(NewColumns, header[^NewColumns.Length..]);
        Assert.Equal("over_permitted_total", header[^(NewColumns.Length + 1)]);
        var row = Assert.Single(csv[1..]);
        string Cell(string name) => row[header.IndexOf(name)];
        Assert.Equal("daily", Cell("averaging"));
        Assert.Equal("园区污水处理厂", Cell("destination_zh"));
        Assert.Equal("Park wastewater plant", Cell("destination_en"));
        Assert.Equal("示例市生态环境局", Cell("permit_authority_zh"));
        Assert.Equal("2023-07-01", Cell("permit_valid_from"));
        Assert.Equal("2028-06-30", Cell("permit_valid_until"));
        Assert.Equal("2026-03-10", Cell("prepared"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "data", "emissions.json")));
        var record = json.RootElement.GetProperty("emissions")[0];
        Assert.Equal("daily", record.GetProperty("averaging").GetString());
        Assert.Equal("2028-06-30", record.GetProperty("permit_valid_until").GetString());

        var schema = File.ReadAllText(Path.Combine(site.Output, "data", "schemas", "emissions.json"));
        Assert.Empty(TableSchemaValidator.Validate(schema, File.ReadAllBytes(Path.Combine(site.Output, "data", "emissions.csv"))));
        foreach (var column in NewColumns)
            Assert.Contains($"\"name\": \"{column}\"", schema.Replace("\"name\":\"", "\"name\": \""));
    }

    [Fact]
    public void A_unit_without_the_groups_leaves_the_columns_empty()
    {
        using var site = PolluterSite.With("""
            report_year: 2025
            outlets:
              - code: DW001
                pollutants: [{name: COD, concentration: 42, limit: 200}]
            """);
        Assert.True(site.Build().Success);
        var csv = TableSchemaValidator.ParseCsv(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Output, "data", "emissions.csv")))[1..]);
        var row = Assert.Single(csv[1..]);
        Assert.All(row[^NewColumns.Length..], cell => Assert.Equal("", cell));
    }
}
