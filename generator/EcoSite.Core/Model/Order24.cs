using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Model;

/// <summary>
/// The groups of the annual report of 企业环境信息依法披露管理办法 (生态环境部令第24号, 2021, in force 2022-02-08),
/// article 12, that the groups of content-format.md section 10 do not already hold. Every group is optional: the spec
/// names none of them, so none is counted by the completeness score (docs/completeness.md). The file keys are
/// documented in docs/content-format.zh.md and .en.md (section 10). Only structure: no threshold is judged here.
/// </summary>
internal sealed record Order24Groups(
    DateOnly? Prepared,
    PermitDetails? Permit,
    EnvironmentalTax? Tax,
    LiabilityInsurance? Insurance,
    CreditRating? Credit,
    IReadOnlyList<ToxicSubstance> ToxicSubstances,
    IReadOnlyList<EnterpriseWaste> SolidWaste,
    SelfMonitoring? SelfMonitoring,
    CarbonEmissions? Carbon,
    IReadOnlyList<WeatherResponse> WeatherResponses,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<TemporaryDisclosure> TemporaryDisclosures)
{
    public static readonly Order24Groups None = new(null, null, null, null, null, [], [], null, null, [], [], []);
}

/// <summary>Art. 12(2) 生态环境行政许可: who issued the discharge permit and how long it is valid.</summary>
internal sealed record PermitDetails(LocalizedText? Authority, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>Art. 12(2) 环境保护税: the tax paid in the report year.</summary>
internal sealed record EnvironmentalTax(double? Paid10kCny, LocalizedText? Note);

/// <summary>Art. 12(2) 环境污染责任保险.</summary>
internal sealed record LiabilityInsurance(bool? Insured, LocalizedText? Insurer, string? Policy, DateOnly? ValidUntil);

/// <summary>Art. 12(2) 环保信用评价: the rating as the rating authority words it (ratings differ by province).</summary>
internal sealed record CreditRating(LocalizedText? Rating, LocalizedText? Authority, DateOnly? Date, string? Url);

/// <summary>Art. 12(3) 有毒有害物质排放.</summary>
internal sealed record ToxicSubstance(LocalizedText Name, string? Cas, double? EmittedT, LocalizedText? Note);

/// <summary>Art. 12(3) 工业固体废物和危险废物产生、贮存、流向、利用、处置, per waste of the enterprise (t per year).</summary>
internal sealed record EnterpriseWaste(
    LocalizedText Name,
    string? Code,
    int? HazardousClass,
    double? GeneratedT,
    double? StoredT,
    double? UtilisedT,
    double? DisposedT,
    LocalizedText? Destination,
    SourcePos CodePos);

/// <summary>Art. 12(3) 自行监测: what is monitored where, how and how often, and where the results are published.</summary>
internal sealed record SelfMonitoring(string? ResultsUrl, IReadOnlyList<MonitoringItem> Items);

/// <summary>One monitored outlet; <see cref="OutletPos"/> locates its code for ECO124 (an outlet the file does not declare).</summary>
internal sealed record MonitoringItem(string Outlet, LocalizedText? Pollutant, string? Method, LocalizedText? Frequency, SourcePos OutletPos = default);

/// <summary>Art. 12(4) 碳排放信息: emissions and the facilities that emit.</summary>
internal sealed record CarbonEmissions(double? TotalTco2e, IReadOnlyList<CarbonFacility> Facilities);

internal sealed record CarbonFacility(LocalizedText Name, double? Tco2e);

/// <summary>Art. 12(5) 重污染天气应急响应: one response period.</summary>
internal sealed record WeatherResponse(DateOnly? From, DateOnly? To, LocalizedText? Level, LocalizedText? Measures);

/// <summary>Art. 12(6) 生态环境违法信息: one administrative penalty or other decision.</summary>
internal sealed record Violation(DateOnly? Date, LocalizedText? Authority, string? Document, LocalizedText? Facts, LocalizedText? Penalty, LocalizedText? Rectification);

/// <summary>Art. 12(7) 本年度临时环境信息依法披露情况: one temporary disclosure of the year.</summary>
internal sealed record TemporaryDisclosure(DateOnly Date, LocalizedText Subject, string? Url);
