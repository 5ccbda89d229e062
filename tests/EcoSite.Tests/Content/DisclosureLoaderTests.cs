using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// Stage 1 of the disclosure files (indicators, waste, exchange, polluters: <c>DisclosureLoader</c>), loaded from a
/// small site without checking or rendering it: the values the model holds, and each loader diagnostic at its code,
/// line and column with its exact message.
/// </summary>
public sealed class DisclosureLoaderTests
{
    internal static readonly BuildClock Clock = new(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private const string Enterprises = """
        enterprises:
          - id: demo-steel
            name: 示例钢铁
            credit_code: 91110000600037341L
          - id: demo-cement
            name: 示例水泥
        """;

    /// <summary>The demo park loaded from the minimal site plus these files, and every diagnostic of stage 1.</summary>
    internal static (Park Park, IReadOnlyList<Diagnostic> Diagnostics) Load(params (string Path, string Text)[] files)
    {
        using var site = new TestSite();
        site.With("parks/demo/enterprises.yaml", Enterprises);
        foreach (var (path, text) in files) site.With(path, text);
        var bag = new DiagnosticBag();
        var loaded = ContentLoader.Load(site.Content, Clock, bag);
        Assert.NotNull(loaded);
        return (Assert.Single(loaded!.Site.Parks), bag.ToSortedList());
    }

    private static Diagnostic Only(IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Assert.Single(diagnostics, d => d.Code == code);

    private static void At(Diagnostic d, string file, int line, int column, string message) =>
        Assert.Equal((file, line, column, message), (d.File, d.Line, d.Column, d.Message));

    private const string Indicators = "parks/demo/indicators/2025.yaml";

    [Fact]
    public void An_indicator_report_holds_its_year_status_source_and_values()
    {
        var (park, diagnostics) = Load((Indicators, """
            year: 2025
            status: preliminary
            source: {zh: 统计公报, en: Statistical bulletin}
            values:
              - {indicator: water-reuse-rate, value: 72.5, target: " >= 70 ", unit: "%"}
              - {indicator: eia-compliance, value: " Yes "}
              - {indicator: env-management-system, value: FALSE}
              - {indicator: energy-per-output, value: true}
              - {indicator: cod-per-output, value: no}
              - {indicator: so2-per-output}
            """));
        Assert.Empty(diagnostics);
        var report = Assert.Single(park.Indicators);
        Assert.Equal((2025, false, Indicators), (report.Year, report.Final, report.File));
        Assert.Equal("Statistical bulletin", report.Source!.In("en", "zh").Text);
        Assert.Equal(6, report.Values.Count);
        var first = report.Values[0];
        Assert.Equal(("water-reuse-rate", 72.5, (bool?)null, ">= 70", "%"), (first.Indicator, first.Number, first.YesNo, first.TargetText, first.Unit!.In("zh", "zh").Text));
        Assert.Equal(new SourcePos(5, 5), first.Pos);
        Assert.Equal(new SourcePos(5, 56), first.TargetPos);
        Assert.Equal(new bool?[] { null, true, false, true, false, null }, report.Values.Select(v => v.YesNo));
        Assert.Equal(new double?[] { 72.5, null, null, null, null, null }, report.Values.Select(v => v.Number));
        Assert.All(report.Values.Skip(1), v => Assert.Null(v.TargetText));
    }

    [Theory]
    [InlineData("final", true)]
    [InlineData(null, true)]
    [InlineData("preliminary", false)]
    public void A_report_is_final_unless_it_says_preliminary(string? status, bool final)
    {
        var (park, diagnostics) = Load((Indicators, "year: 2025\n" + (status is null ? "" : $"status: {status}\n") + "values:\n  - {indicator: water-reuse-rate, value: 1}\n"));
        Assert.Empty(diagnostics);
        Assert.Equal(final, Assert.Single(park.Indicators).Final);
    }

    [Fact]
    public void A_year_that_does_not_match_the_file_name_is_ECO026_and_the_report_is_left_out()
    {
        var (park, diagnostics) = Load((Indicators, "values:\n  - {indicator: water-reuse-rate, value: 1}\nyear: 2024\n"),
            ("parks/demo/waste/2025.yaml", "year: 2023\nflows:\n  - {from: demo-steel, to: demo-cement, material: 渣, quantity: 1, unit: t}\n"));
        Assert.Empty(park.Indicators);
        Assert.Empty(park.Waste);
        var eco026 = diagnostics.Where(d => d.Code == "ECO026").ToList();
        Assert.Equal(2, eco026.Count);
        At(eco026[0], Indicators, 3, 7, "'year: 2024' does not match the file name '2025.yaml'; rename the file or fix the year.");
        At(eco026[1], "parks/demo/waste/2025.yaml", 1, 7, "'year: 2023' does not match the file name '2025.yaml'; rename the file or fix the year.");
    }

    [Fact]
    public void A_report_without_a_year_is_left_out()
    {
        var (park, diagnostics) = Load((Indicators, "values:\n  - {indicator: water-reuse-rate, value: 1}\n"));
        Assert.Empty(park.Indicators);
        Assert.Equal("ECO013", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_second_value_for_an_indicator_is_ECO023_at_its_entry_and_left_out()
    {
        var (park, diagnostics) = Load((Indicators, """
            year: 2025
            values:
              - {indicator: water-reuse-rate, value: 1}
              - {indicator: custom, name: {zh: 绿地率, en: Green ratio}, value: 3}
              - {indicator: water-reuse-rate, value: 2}
              - indicator: custom
                name: {zh: 绿地率, en: Other words}
                value: 4
              - {indicator: custom, name: {zh: 屋顶光伏, en: Green ratio}, value: 5}
            """));
        var values = Assert.Single(park.Indicators).Values;
        Assert.Equal(new double?[] { 1, 3, 5 }, values.Select(v => v.Number));
        var duplicates = diagnostics.Where(d => d.Code == "ECO023").ToList();
        Assert.Equal(2, duplicates.Count);
        At(duplicates[0], Indicators, 5, 5, "'water-reuse-rate' is given twice for 2025 (first at line 3); keep one value per indicator and year.");
        At(duplicates[1], Indicators, 6, 5, "'绿地率' is given twice for 2025 (first at line 4); keep one value per indicator and year.");
    }

    [Fact]
    public void A_custom_indicator_without_a_name_is_ECO013_and_kept()
    {
        var (park, diagnostics) = Load((Indicators, "year: 2025\nvalues:\n  - {indicator: custom, value: 1}\n  - {indicator: custom, value: 2}\n"));
        var first = Only(diagnostics.Where(d => d.Line == 3).ToList(), "ECO013");
        At(first, Indicators, 3, 5, "a custom indicator needs 'name: {zh: ..., en: ...}' (and usually 'unit').");
        // Two unnamed custom values share the key "custom:", so the second is a duplicate.
        Assert.Equal(("ECO023", 4), (Only(diagnostics, "ECO023").Code, Only(diagnostics, "ECO023").Line));
        Assert.Equal(1, Assert.Single(Assert.Single(park.Indicators).Values).Number);
    }

    [Fact]
    public void A_target_that_is_not_text_is_ECO011_at_the_target()
    {
        var (park, diagnostics) = Load((Indicators, "year: 2025\nvalues:\n  - indicator: water-reuse-rate\n    value: 1\n    target: [70]\n  - {indicator: energy-per-output, value: 2, target: ~}\n"));
        At(Only(diagnostics, "ECO011"), Indicators, 5, 13, "'target' must be text such as \">= 70\" or yes.");
        Assert.All(Assert.Single(park.Indicators).Values, v => Assert.Null(v.TargetText));
    }

    [Fact]
    public void An_entry_without_an_indicator_is_left_out()
    {
        var (park, diagnostics) = Load((Indicators, "year: 2025\nvalues:\n  - {value: 1}\n  - {indicator: water-reuse-rate, value: 2}\n"));
        Assert.Equal(3, Only(diagnostics, "ECO013").Line);
        Assert.Equal(2, Assert.Single(Assert.Single(park.Indicators).Values).Number);
    }

    private const string Waste = "parks/demo/waste/2025.yaml";

    [Fact]
    public void A_waste_flow_holds_its_parties_material_code_quantity_and_use()
    {
        var (park, diagnostics) = Load((Waste, """
            year: 2025
            flows:
              - from: demo-steel
                to: {name: {zh: 外部公司, en: Outside Co}, external: true}
                material: {zh: 废矿物油, en: Waste oil}
                code: 900-249-08
                quantity: 12.5
                unit: t
                use: {zh: 再生, en: Recycling}
              - {from: demo-steel, to: demo-cement, material: 高炉矿渣, quantity: 0, unit: t}
            """));
        Assert.Empty(diagnostics);
        var report = Assert.Single(park.Waste);
        Assert.Equal((2025, Waste), (report.Year, report.File));
        var flow = report.Flows[0];
        Assert.Equal(("demo-steel", Waste, new SourcePos(3, 11)), (flow.From.Enterprise!.Id, flow.From.Enterprise.File, flow.From.Enterprise.Pos));
        Assert.Null(flow.From.ExternalName);
        Assert.Null(flow.To.Enterprise);
        Assert.Equal("Outside Co", flow.To.ExternalName!.In("en", "zh").Text);
        Assert.Equal(("Waste oil", "900-249-08", (int?)8, 12.5, "t", "Recycling"),
            (flow.Material.In("en", "zh").Text, flow.Code, flow.HazardousClass, flow.Quantity, flow.Unit, flow.Use!.In("en", "zh").Text));
        Assert.Equal((new SourcePos(3, 5), new SourcePos(6, 11)), (flow.Pos, flow.CodePos));
        var second = report.Flows[1];
        Assert.Equal(("demo-cement", 0.0, (string?)null, (int?)null), (second.To.Enterprise!.Id, second.Quantity, second.Code, second.HazardousClass));
        Assert.True(second.StaysInPark);
    }

    [Fact]
    public void A_flow_missing_a_party_is_reported_and_left_out_and_a_negative_quantity_is_reported()
    {
        var (park, diagnostics) = Load((Waste, """
            year: 2025
            flows:
              - {to: demo-cement, material: 渣, quantity: 1, unit: t}
              - {from: demo-steel, to: {external: true}, material: 渣, quantity: 1, unit: t}
              - {from: demo-steel, to: demo-cement, material: 渣, quantity: -1, unit: t}
              - {from: demo-steel, to: demo-cement, material: 渣, quantity: 2}
              - {from: demo-steel, to: demo-cement, quantity: 3, unit: t}
              - {from: demo-steel, to: demo-cement, material: 渣, unit: t}
              - {from: Bad_Id, to: demo-cement, material: 渣, quantity: 4, unit: t}
              - {from: demo-steel, to: demo-cement, material: 渣, quantity: 5, unit: t}
            """));
        // The negative quantity is an error, and the flow is not loaded: nothing downstream sees the value.
        Assert.Equal(new[] { 5.0 }, Assert.Single(park.Waste).Flows.Select(f => f.Quantity));
        At(Assert.Single(diagnostics, d => d.Line == 3), Waste, 3, 5,
            "a flow needs 'from': an enterprise id, or {name: ..., external: true} for a party outside the park.");
        Assert.Equal(("ECO013", 4), (Assert.Single(diagnostics, d => d.Line == 4).Code, 4));
        At(Assert.Single(diagnostics, d => d.Line == 5), Waste, 5, 64, "'quantity' cannot be negative.");
        Assert.Equal("ECO016", Assert.Single(diagnostics, d => d.Line == 5).Code);
        Assert.Equal(new[] { "ECO013", "ECO013", "ECO013" }, diagnostics.Where(d => d.Line is 6 or 7 or 8).Select(d => d.Code));
        Assert.Equal("ECO021", Assert.Single(diagnostics, d => d.Line == 9).Code);
        Assert.DoesNotContain(diagnostics, d => d.Line == 10);
    }

    [Fact]
    public void A_hazardous_code_of_eight_digits_is_ECO131_and_normalised()
    {
        var (park, diagnostics) = Load((Waste, "year: 2025\nflows:\n  - {from: demo-steel, to: demo-cement, material: 渣, quantity: 1, unit: t, code: \"90024908\"}\n"));
        var d = Only(diagnostics, "ECO131");
        Assert.Equal((Waste, 3, 82, Severity.Warning), (d.File, d.Line, d.Column, d.Severity));
        Assert.StartsWith("the hazardous waste code '90024908' is written as ", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("; it is shown and exported as '900-249-08'. Write '900-249-08' to silence this warning.", d.Message, StringComparison.Ordinal);
        var flow = Assert.Single(Assert.Single(park.Waste).Flows);
        Assert.Equal(("900-249-08", (int?)8), (flow.Code, flow.HazardousClass));
    }

    [Fact]
    public void An_invalid_waste_code_is_kept_as_written_for_the_check_stage()
    {
        var (park, diagnostics) = Load((Waste, "year: 2025\nflows:\n  - {from: demo-steel, to: demo-cement, material: 渣, quantity: 1, unit: t, code: 12-34}\n"));
        Assert.Empty(diagnostics);
        var flow = Assert.Single(Assert.Single(park.Waste).Flows);
        Assert.Equal(("12-34", (int?)null), (flow.Code, flow.HazardousClass));
    }

    private const string Listing = "parks/demo/exchange/slag.yaml";

    [Fact]
    public void A_listing_holds_every_field()
    {
        var (park, diagnostics) = Load((Listing, """
            kind: supply
            category: by-product
            enterprise: demo-steel
            material: {zh: 高炉矿渣, en: Slag}
            code: 900-249-08
            quantity: 500
            unit: t
            frequency: monthly
            posted: 2026-01-05
            valid_until: 2026-01-05
            contact: {name: {zh: 王工, en: Mr Wang}, phone: 010-12345678, email: slag@example.com}
            """));
        Assert.Empty(diagnostics);
        var l = Assert.Single(park.Listings);
        Assert.Equal(("demo", "slag", ListingKind.Supply, "by-product", "demo-steel", Listing, new SourcePos(3, 13)),
            (l.ParkId, l.Id, l.Kind, l.Category, l.Enterprise.Id, l.Enterprise.File, l.Enterprise.Pos));
        Assert.Equal(("Slag", "900-249-08", (int?)8, (double?)500, "t", "monthly"), (l.Material.In("en", "zh").Text, l.Code, l.HazardousClass, l.Quantity, l.Unit, l.Frequency));
        Assert.Equal((new DateOnly(2026, 1, 5), (DateOnly?)new DateOnly(2026, 1, 5)), (l.Posted, l.ValidUntil));
        Assert.Equal(("Mr Wang", "010-12345678", "slag@example.com"), (l.ContactName!.In("en", "zh").Text, l.ContactPhone, l.ContactEmail));
        Assert.Equal((Listing, new SourcePos(5, 7)), (l.File, l.CodePos));
    }

    [Fact]
    public void A_demand_listing_without_optional_fields_loads()
    {
        var (park, diagnostics) = Load((Listing, "kind: demand\ncategory: waste\nenterprise: demo-cement\nmaterial: 粉煤灰\nposted: 2026-01-05\n"));
        Assert.Empty(diagnostics);
        var l = Assert.Single(park.Listings);
        Assert.Equal((ListingKind.Demand, (double?)null, (DateOnly?)null, (string?)null, (string?)null), (l.Kind, l.Quantity, l.ValidUntil, l.Code, l.ContactPhone));
        Assert.Null(l.ContactName);
    }

    [Fact]
    public void A_listing_that_ends_before_it_starts_is_ECO140_at_valid_until()
    {
        var (park, diagnostics) = Load((Listing, "kind: demand\ncategory: waste\nenterprise: demo-cement\nmaterial: 粉煤灰\nposted: 2026-01-05\nvalid_until: 2026-01-04\nquantity: -2\n"));
        At(Only(diagnostics, "ECO140"), Listing, 6, 14, "'valid_until' (2026-01-04) is before 'posted' (2026-01-05); the listing would never be active.");
        At(Only(diagnostics, "ECO016"), Listing, 7, 11, "'quantity' cannot be negative.");
        // The listing is loaded without the invalid quantity (it is optional), as an invalid optional value is.
        Assert.Null(Assert.Single(park.Listings).Quantity);
    }

    [Theory]
    [InlineData("kind: demand\n")]
    [InlineData("category: waste\n")]
    [InlineData("enterprise: demo-cement\n")]
    [InlineData("material: 粉煤灰\n")]
    [InlineData("posted: 2026-01-05\n")]
    public void A_listing_missing_a_required_field_is_ECO013_and_left_out(string missing)
    {
        var all = "kind: demand\ncategory: waste\nenterprise: demo-cement\nmaterial: 粉煤灰\nposted: 2026-01-05\n";
        var (park, diagnostics) = Load((Listing, all.Replace(missing, "")));
        Assert.Equal("ECO013", Assert.Single(diagnostics).Code);
        Assert.Empty(park.Listings);
    }

    [Theory]
    [InlineData("waste", "once")]
    [InlineData("by-product", "monthly")]
    [InlineData("raw-material", "yearly")]
    [InlineData("product", "continuous")]
    [InlineData("disposal-service", "once")]
    public void Every_category_and_frequency_is_accepted_and_a_zero_quantity_is_no_error(string category, string frequency)
    {
        var (park, diagnostics) = Load((Listing, $"kind: demand\ncategory: {category}\nenterprise: demo-cement\nmaterial: 粉煤灰\nposted: 2026-01-05\nfrequency: {frequency}\nquantity: 0\n"));
        Assert.Empty(diagnostics);
        var l = Assert.Single(park.Listings);
        Assert.Equal((category, frequency, (double?)0), (l.Category, l.Frequency, l.Quantity));
    }

    private const string Polluter = "parks/demo/polluters/demo-steel.yaml";

    [Fact]
    public void A_polluter_file_holds_every_group()
    {
        var (park, diagnostics) = Load((Polluter, """
            report_year: 2025
            basic: {legal_representative: 张三, address: 示例路1号, contact: 010-1, business: 炼钢, products: 钢材}
            permit: 91110000600037341L001P
            outlets:
              - code: DA001
                location: {zh: 一号烧结机, en: Sinter 1}
                discharge: 有组织
                standard: GB 28662-2012
                destination: {zh: 大气, en: Air}
                pollutants:
                  - {name: 颗粒物, unit: mg/m3, concentration: 8, limit: 10, total_t: 1.5, permitted_total_t: 2, exceedances: 0, averaging: hourly}
            facilities:
              - {name: 脱硫塔, status: running, since: 2019-05-01}
            approvals:
              - {project: 烧结机改造, number: 示环审〔2020〕1号, date: 2020-03-02}
            emergency_plan: {filed: 2024-01-10, number: 110000-2024-001-M}
            """));
        Assert.Empty(diagnostics);
        var p = Assert.Single(park.Polluters);
        Assert.Equal(("demo-steel", Polluter, new SourcePos(1, 1)), (p.Enterprise.Id, p.Enterprise.File, p.Enterprise.Pos));
        Assert.Equal(((int?)2025, "91110000600037341L001P", new SourcePos(3, 9), Polluter), (p.ReportYear, p.Permit, p.PermitPos, p.File));
        Assert.Equal(new[] { "张三", "示例路1号", "010-1", "炼钢", "钢材" },
            new[] { p.Basic!.LegalRepresentative, p.Basic.Address, p.Basic.Contact, p.Basic.Business, p.Basic.Products }.Select(t => t!.In("zh", "zh").Text));
        var o = Assert.Single(p.Outlets);
        Assert.Equal(("DA001", "Sinter 1", "有组织", "GB 28662-2012", "Air", new SourcePos(5, 5)),
            (o.Code, o.Location!.In("en", "zh").Text, o.Discharge!.In("zh", "zh").Text, o.Standard, o.Destination!.In("en", "zh").Text, o.Pos));
        var x = Assert.Single(o.Pollutants);
        Assert.Equal(("颗粒物", "mg/m3", (double?)8, (double?)10, (double?)1.5, (double?)2, (int?)0, "hourly", new SourcePos(11, 9)),
            (x.Name.In("zh", "zh").Text, x.Unit, x.Concentration, x.Limit, x.TotalT, x.PermittedTotalT, x.Exceedances, x.Averaging, x.Pos));
        var f = Assert.Single(p.Facilities);
        Assert.Equal(("脱硫塔", "running", (DateOnly?)new DateOnly(2019, 5, 1)), (f.Name.In("zh", "zh").Text, f.Status, f.Since));
        var a = Assert.Single(p.Approvals);
        Assert.Equal(("烧结机改造", "示环审〔2020〕1号", (DateOnly?)new DateOnly(2020, 3, 2)), (a.Project.In("zh", "zh").Text, a.Number, a.Date));
        Assert.Equal(((DateOnly?)new DateOnly(2024, 1, 10), "110000-2024-001-M"), (p.EmergencyPlan!.Filed, p.EmergencyPlan.Number));
        Assert.Null(p.OtherHtml);
    }

    [Fact]
    public void A_minimal_polluter_file_has_no_optional_groups()
    {
        var (park, diagnostics) = Load((Polluter, "report_year: 2025\n"));
        Assert.Empty(diagnostics);
        var p = Assert.Single(park.Polluters);
        Assert.Equal(((int?)2025, (PolluterBasic?)null, (string?)null, (EmergencyPlan?)null), (p.ReportYear, p.Basic, p.Permit, p.EmergencyPlan));
        Assert.Empty(p.Outlets);
        Assert.Empty(p.Facilities);
        Assert.Empty(p.Approvals);
    }

    [Fact]
    public void Polluter_entries_missing_their_name_or_code_are_reported_and_left_out()
    {
        var (park, diagnostics) = Load((Polluter, """
            report_year: 2025
            outlets:
              - {location: 无编号}
              - code: DW001
                pollutants:
                  - {unit: mg/L}
                  - {name: 氨氮, exceedances: -3}
            facilities:
              - {status: running}
            approvals:
              - {number: x}
            """));
        var p = Assert.Single(park.Polluters);
        var o = Assert.Single(p.Outlets);
        Assert.Equal("DW001", o.Code);
        Assert.Equal("氨氮", Assert.Single(o.Pollutants).Name.In("zh", "zh").Text);
        Assert.Null(Assert.Single(o.Pollutants).Exceedances); // the negative count is not loaded
        Assert.Empty(p.Facilities);
        Assert.Empty(p.Approvals);
        Assert.Equal(new[] { 3, 6, 9, 11 }, diagnostics.Where(d => d.Code == "ECO013").Select(d => d.Line));
        At(Only(diagnostics, "ECO016"), Polluter, 7, 33, "'exceedances' counts days or samples and cannot be negative.");
    }

    [Fact]
    public void The_other_text_is_rendered_per_language_and_placed_in_the_file()
    {
        var (park, diagnostics) = Load((Polluter, """
            report_year: 2025
            other:
              zh: |
                第一行。

                见[缺失](missing.md)。
              en: "See [nothing](none.md)."
            """));
        var p = Assert.Single(park.Polluters);
        Assert.Contains("第一行。", p.OtherHtml!.In("zh", "zh").Text, StringComparison.Ordinal);
        Assert.Contains("See ", p.OtherHtml.In("en", "zh").Text, StringComparison.Ordinal);
        Assert.Equal(new[] { "en", "zh" }, p.OtherHtml.Values.Select(v => v.Key));
        // The block scalar starts on the line after 'zh: |'; the quoted text on its own line.
        Assert.Equal(new[] { 6, 7 }, diagnostics.Where(d => d.File == Polluter).Select(d => d.Line));
    }

    [Fact]
    public void A_plain_other_text_is_placed_at_its_line()
    {
        var (park, diagnostics) = Load((Polluter, "report_year: 2025\n\nother: 见[缺失](missing.md)。\n"));
        Assert.NotNull(Assert.Single(park.Polluters).OtherHtml);
        Assert.Equal(3, Assert.Single(diagnostics, d => d.File == Polluter).Line);
    }
}
