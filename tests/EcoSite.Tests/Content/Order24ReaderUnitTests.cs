using EcoSite.Core.Content;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// <see cref="Order24Reader"/> on one polluter file's fields, without a build: what each group reads into, and the
/// exact diagnostic (line, column, code, message) for each mistake, including the unknown-field warning of each group.
/// </summary>
public sealed class Order24ReaderUnitTests
{
    private static (Order24Groups Groups, string[] Diagnostics) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YMap>(YamlTree.Parse("report_year: 2025\n" + yaml, "p.yaml", bag));
        Assert.Empty(bag.ToSortedList());
        var r = new YamlReader("p.yaml", bag, ["zh", "en"]);
        var groups = new Order24Reader(r).Read(new FieldSet(r, root, "a key polluting unit"));
        return (groups, bag.ToSortedList().Select(d => d.ToString()).ToArray());
    }

    public static TheoryData<string, string[]> Mistakes() => new()
    {
        { "prepared: 2026-02-30\n", ["p.yaml:2:11: error ECO020: 'prepared' is '2026-02-30', a day that does not exist: 2026-02 has 28 days. Check the date."] },
        { "permit_authority: [a, b]\n", ["p.yaml:2:19: error ECO011: 'permit_authority' must be text or a map like {zh: ..., en: ...}, not a list."] },
        { "permit_valid_from: 2028-01-01\npermit_valid_until: 2023-01-01\n", ["p.yaml:3:21: error ECO016: 'permit_valid_until' (2023-01-01) is before 'permit_valid_from' (2028-01-01); check both dates on the permit."] },
        { "permit_valid_from: 2028-01-01\npermit_valid_until: 2028-01-01\n", [] },
        { "environmental_tax: {paid_10k_cny: -0.5, x: 1}\n", [
            "p.yaml:2:35: error ECO016: 'paid_10k_cny' is -0.5; an amount cannot be negative.",
            "p.yaml:2:41: warning ECO012: 'x' is not a field of 'environmental_tax'; it is ignored. Known fields: paid_10k_cny, note."] },
        { "environmental_tax: {paid_10k_cny: 0}\n", [] },
        { "liability_insurance: {insured: yes, y: 2}\n", [
            "p.yaml:2:32: error ECO011: 'insured' must be true or false (without quotes), not 'yes'.",
            "p.yaml:2:37: warning ECO012: 'y' is not a field of 'liability_insurance'; it is ignored. Known fields: insured, insurer, policy, valid_until."] },
        { "credit_rating: {url: \"javascript:alert(1)\", z: 1}\n", [
            "p.yaml:2:22: error ECO016: 'url' is 'javascript:alert(1)'; write a full web address starting with https:// or http://. The link is left out.",
            "p.yaml:2:45: warning ECO012: 'z' is not a field of 'credit_rating'; it is ignored. Known fields: rating, authority, date, url."] },
        { "toxic_substances:\n  - {cas: 71-43-2}\n", ["p.yaml:3:5: error ECO013: a toxic substance needs 'name'; add a line 'name: ...'."] },
        { "toxic_substances:\n  - {name: 苯, q: 1}\n", ["p.yaml:3:15: warning ECO012: 'q' is not a field of a toxic substance; it is ignored. Known fields: name, cas, emitted_t, note."] },
        { "toxic_substances:\n  - x\n", ["p.yaml:3:5: error ECO011: a toxic substance must be a map of 'key: value' lines, not 'x'."] },
        { "solid_waste:\n  - {name: 废油, stored_t: -2, w: 1}\n", [
            "p.yaml:3:26: error ECO016: 'stored_t' is -2; an amount cannot be negative.",
            "p.yaml:3:30: warning ECO012: 'w' is not a field of a solid waste; it is ignored. Known fields: name, code, generated_t, stored_t, utilised_t, disposed_t, destination."] },
        { "solid_waste:\n  - {code: 900-249-08}\n", ["p.yaml:3:5: error ECO013: a solid waste needs 'name'; add a line 'name: ...'."] },
        { "solid_waste:\n  - x\n", ["p.yaml:3:5: error ECO011: a solid waste must be a map of 'key: value' lines, not 'x'."] },
        { "self_monitoring:\n  results_url: ftp://example.org/\n  r: 1\n", [
            "p.yaml:3:16: error ECO016: 'results_url' is 'ftp://example.org/'; write a full web address starting with https:// or http://. The link is left out.",
            "p.yaml:4:3: warning ECO012: 'r' is not a field of 'self_monitoring'; it is ignored. Known fields: results_url, items."] },
        { "self_monitoring:\n  items:\n    - {outlet: DA001, method: daily, s: 1}\n", [
            "p.yaml:4:31: error ECO016: 'method' is 'daily'; use one of: automatic, manual.",
            "p.yaml:4:38: warning ECO012: 's' is not a field of a monitoring item; it is ignored. Known fields: outlet, pollutant, method, frequency."] },
        { "self_monitoring:\n  items:\n    - {method: manual}\n", ["p.yaml:4:7: error ECO013: a monitoring item needs 'outlet'; add a line 'outlet: ...'."] },
        { "self_monitoring:\n  items:\n    - x\n", ["p.yaml:4:7: error ECO011: a monitoring item must be a map of 'key: value' lines, not 'x'."] },
        { "carbon_emissions: {total_tco2e: -1, t: 1}\n", [
            "p.yaml:2:33: error ECO016: 'total_tco2e' is -1; an amount cannot be negative.",
            "p.yaml:2:37: warning ECO012: 't' is not a field of 'carbon_emissions'; it is ignored. Known fields: total_tco2e, facilities."] },
        { "carbon_emissions: {facilities: [{tco2e: 5}]}\n", ["p.yaml:2:33: error ECO013: an emitting facility needs 'name'; add a line 'name: ...'."] },
        { "carbon_emissions: {facilities: [{name: a, tco2e: -5, u: 1}]}\n", [
            "p.yaml:2:50: error ECO016: 'tco2e' is -5; an amount cannot be negative.",
            "p.yaml:2:54: warning ECO012: 'u' is not a field of an emitting facility; it is ignored. Known fields: name, tco2e."] },
        { "carbon_emissions: {facilities: [x]}\n", ["p.yaml:2:33: error ECO011: an emitting facility must be a map of 'key: value' lines, not 'x'."] },
        { "heavy_pollution_response:\n  - {from: 2025-01-10, to: 2025-01-09, v: 1}\n", [
            "p.yaml:3:28: error ECO016: 'to' (2025-01-09) is before 'from' (2025-01-10); check the dates of the response.",
            "p.yaml:3:40: warning ECO012: 'v' is not a field of a heavy pollution weather response; it is ignored. Did you mean 'to'? Known fields: from, to, level, measures."] },
        { "heavy_pollution_response:\n  - {from: 2025-01-10, to: 2025-01-10}\n", [] },
        { "heavy_pollution_response:\n  - x\n", ["p.yaml:3:5: error ECO011: a heavy pollution weather response must be a map of 'key: value' lines, not 'x'."] },
        { "violations:\n  - {date: 20250520, w: 1}\n", [
            "p.yaml:3:12: error ECO020: 'date' is '20250520', which is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.",
            "p.yaml:3:22: warning ECO012: 'w' is not a field of a violation; it is ignored. Known fields: date, authority, document, facts, penalty, rectification."] },
        { "violations:\n  - x\n", ["p.yaml:3:5: error ECO011: a violation must be a map of 'key: value' lines, not 'x'."] },
        { "temporary_disclosures:\n  - {subject: 变更, x: 1}\n", [
            "p.yaml:3:5: error ECO013: a temporary disclosure needs 'date'; add a line 'date: YYYY-MM-DD'.",
            "p.yaml:3:19: warning ECO012: 'x' is not a field of a temporary disclosure; it is ignored. Known fields: date, subject, url."] },
        { "temporary_disclosures:\n  - {date: 2025-08-01}\n", ["p.yaml:3:5: error ECO013: a temporary disclosure needs 'subject'; add a line 'subject: ...'."] },
        { "temporary_disclosures:\n  - {date: 2025-08-01, subject: 变更, url: \"data:text/html,x\"}\n", ["p.yaml:3:42: error ECO016: 'url' is 'data:text/html,x'; write a full web address starting with https:// or http://. The link is left out."] },
        { "temporary_disclosures:\n  - x\n", ["p.yaml:3:5: error ECO011: a temporary disclosure must be a map of 'key: value' lines, not 'x'."] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_mistake_gets_its_exact_diagnostic(string yaml, string[] diagnostics) => Assert.Equal(diagnostics, Read(yaml).Diagnostics);

    [Fact]
    public void A_file_without_any_group_reads_as_none()
    {
        var (g, d) = Read("permit: X\n");
        Assert.Same(Order24Groups.None, g);
        Assert.Empty(d);
    }

    [Theory]
    [InlineData("prepared: 2026-01-01\n")]
    [InlineData("permit_authority: 甲\n")]
    [InlineData("permit_valid_from: 2026-01-01\n")]
    [InlineData("permit_valid_until: 2026-01-01\n")]
    [InlineData("environmental_tax: {}\n")]
    [InlineData("liability_insurance: {}\n")]
    [InlineData("credit_rating: {}\n")]
    [InlineData("toxic_substances: []\n")]
    [InlineData("solid_waste: []\n")]
    [InlineData("self_monitoring: {}\n")]
    [InlineData("carbon_emissions: {}\n")]
    [InlineData("heavy_pollution_response: []\n")]
    [InlineData("violations: []\n")]
    [InlineData("temporary_disclosures: []\n")]
    public void Any_one_group_is_enough_for_the_file_to_have_the_groups(string yaml)
    {
        var (g, d) = Read(yaml);
        Assert.NotSame(Order24Groups.None, g);
        Assert.Empty(d);
        Assert.Contains(yaml[..yaml.IndexOf(':')], Order24Reader.Fields);
        Assert.Equal(14, Order24Reader.Fields.Length);
    }

    [Theory]
    [InlineData("permit_authority: 甲\n", "甲||")]
    [InlineData("permit_valid_from: 2026-01-02\n", "|2026-01-02|")]
    [InlineData("permit_valid_until: 2026-01-03\n", "||2026-01-03")]
    [InlineData("prepared: 2026-01-01\n", "none")]
    public void Any_one_permit_field_makes_the_permit(string yaml, string permit)
    {
        var p = Read(yaml).Groups.Permit;
        Assert.Equal(permit, p is null ? "none" : $"{p.Authority}|{p.ValidFrom:yyyy-MM-dd}|{p.ValidUntil:yyyy-MM-dd}");
    }

    [Fact]
    public void Every_field_of_every_group_is_known_and_read()
    {
        var (g, d) = Read("""
            prepared: 2026-03-10
            permit_authority: 甲局
            permit_valid_from: 2023-07-01
            permit_valid_until: 2028-06-30
            environmental_tax: {paid_10k_cny: 86.4, note: 按季}
            liability_insurance: {insured: false, insurer: 乙保险, policy: EX-1, valid_until: 2026-06-30}
            credit_rating: {rating: 良好, authority: 丙局, date: 2025-09-01, url: https://example.org/c}
            toxic_substances:
              - {name: 苯, cas: 71-43-2, emitted_t: 0, note: 注}
            solid_waste:
              - {name: 废油, code: 900-249-08, generated_t: 12, stored_t: 1.5, utilised_t: 0.5, disposed_t: 10, destination: 处置}
            self_monitoring:
              results_url: https://example.org/m
              items:
                - {outlet: DW001, pollutant: COD, method: manual, frequency: 每月}
                - {outlet: DA001, method: automatic}
            carbon_emissions:
              total_tco2e: 52
              facilities: [{name: 高炉, tco2e: 21}]
            heavy_pollution_response:
              - {from: 2025-01-10, to: 2025-01-13, level: 橙色, measures: 限产}
            violations:
              - {date: 2025-05-20, authority: 丁局, document: 罚1号, facts: 事实, penalty: 罚款, rectification: 已整改}
            temporary_disclosures:
              - {date: 2025-08-01, subject: 变更, url: https://example.org/t}
            """);
        Assert.Empty(d);
        Assert.Equal(new DateOnly(2026, 3, 10), g.Prepared);
        Assert.Equal("甲局|2023-07-01|2028-06-30", $"{g.Permit!.Authority}|{g.Permit.ValidFrom:yyyy-MM-dd}|{g.Permit.ValidUntil:yyyy-MM-dd}");
        Assert.Equal("86.4|按季", $"{g.Tax!.Paid10kCny}|{g.Tax.Note}");
        Assert.Equal("False|乙保险|EX-1|2026-06-30", $"{g.Insurance!.Insured}|{g.Insurance.Insurer}|{g.Insurance.Policy}|{g.Insurance.ValidUntil:yyyy-MM-dd}");
        Assert.Equal("良好|丙局|2025-09-01|https://example.org/c", $"{g.Credit!.Rating}|{g.Credit.Authority}|{g.Credit.Date:yyyy-MM-dd}|{g.Credit.Url}");
        var t = Assert.Single(g.ToxicSubstances);
        Assert.Equal("苯|71-43-2|0|注", $"{t.Name}|{t.Cas}|{t.EmittedT}|{t.Note}");
        var w = Assert.Single(g.SolidWaste);
        Assert.Equal("废油|900-249-08|8|12|1.5|0.5|10|处置|12:22", $"{w.Name}|{w.Code}|{w.HazardousClass}|{w.GeneratedT}|{w.StoredT}|{w.UtilisedT}|{w.DisposedT}|{w.Destination}|{w.CodePos.Line}:{w.CodePos.Column}");
        Assert.Equal("https://example.org/m", g.SelfMonitoring!.ResultsUrl);
        Assert.Equal(["DW001|COD|manual|每月|16:16", "DA001||automatic||17:16"],
            g.SelfMonitoring.Items.Select(i => $"{i.Outlet}|{i.Pollutant}|{i.Method}|{i.Frequency}|{i.OutletPos.Line}:{i.OutletPos.Column}"));
        Assert.Equal("52|高炉:21", $"{g.Carbon!.TotalTco2e}|{string.Join(",", g.Carbon.Facilities.Select(f => $"{f.Name}:{f.Tco2e}"))}");
        var r = Assert.Single(g.WeatherResponses);
        Assert.Equal("2025-01-10|2025-01-13|橙色|限产", $"{r.From:yyyy-MM-dd}|{r.To:yyyy-MM-dd}|{r.Level}|{r.Measures}");
        var v = Assert.Single(g.Violations);
        Assert.Equal("2025-05-20|丁局|罚1号|事实|罚款|已整改", $"{v.Date:yyyy-MM-dd}|{v.Authority}|{v.Document}|{v.Facts}|{v.Penalty}|{v.Rectification}");
        var x = Assert.Single(g.TemporaryDisclosures);
        Assert.Equal("2025-08-01|变更|https://example.org/t", $"{x.Date:yyyy-MM-dd}|{x.Subject}|{x.Url}");
    }

    [Fact]
    public void Refused_values_and_items_are_left_out_and_the_rest_kept()
    {
        var (g, _) = Read("""
            credit_rating: {rating: 良, url: "javascript:x"}
            toxic_substances:
              - {cas: 1}
              - {name: 苯, emitted_t: -1}
            solid_waste:
              - {code: 900-249-08}
              - {name: 渣, stored_t: -2}
            self_monitoring:
              results_url: ftp://x/
              items:
                - {method: manual}
                - {outlet: DW001, method: weekly}
            carbon_emissions: {total_tco2e: -1, facilities: [{tco2e: 1}, {name: 炉, tco2e: -3}]}
            heavy_pollution_response:
              - x
              - {from: 2025-01-10, to: 2025-01-09}
            violations:
              - x
              - {date: 2025-13-01}
            temporary_disclosures:
              - {subject: 甲}
              - {date: 2025-08-01}
              - {date: 2025-08-02, subject: 乙, url: "data:x"}
            """);
        Assert.Equal("良|", $"{g.Credit!.Rating}|{g.Credit.Url}");
        Assert.Equal("苯|", string.Join(",", g.ToxicSubstances.Select(t => $"{t.Name}|{t.EmittedT}")));
        Assert.Equal("渣|", string.Join(",", g.SolidWaste.Select(w => $"{w.Name}|{w.StoredT}")));
        Assert.Equal("|DW001|", $"{g.SelfMonitoring!.ResultsUrl}|{string.Join(",", g.SelfMonitoring.Items.Select(i => $"{i.Outlet}|{i.Method}"))}");
        Assert.Equal("|炉:", $"{g.Carbon!.TotalTco2e}|{string.Join(",", g.Carbon.Facilities.Select(f => $"{f.Name}:{f.Tco2e}"))}");
        Assert.Equal("2025-01-10|2025-01-09", string.Join(",", g.WeatherResponses.Select(r => $"{r.From:yyyy-MM-dd}|{r.To:yyyy-MM-dd}")));
        Assert.Equal("", string.Join(",", g.Violations.Select(v => $"{v.Date:yyyy-MM-dd}")));
        Assert.Single(g.Violations);
        Assert.Equal("2025-08-02|乙|", string.Join(",", g.TemporaryDisclosures.Select(t => $"{t.Date:yyyy-MM-dd}|{t.Subject}|{t.Url}")));
    }

    [Fact]
    public void The_averaging_periods_and_monitoring_methods_are_those_of_the_format()
    {
        Assert.Equal(["hourly", "daily", "monthly", "annual", "single"], Order24Reader.AveragingPeriods);
        Assert.Equal(["automatic", "manual"], Order24Reader.MonitoringMethods);
    }
}
