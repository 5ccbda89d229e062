using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Model;

/// <summary>waste/&lt;year&gt;.yaml: the flows of one year (content-format.md section 9).</summary>
internal sealed record WasteReport(int Year, IReadOnlyList<WasteFlow> Flows, string File);

/// <summary>One end of a flow: an enterprise of the park, or a named party outside it.</summary>
internal sealed record FlowParty(EnterpriseRef? Enterprise, LocalizedText? ExternalName);

internal sealed record WasteFlow(
    FlowParty From,
    FlowParty To,
    LocalizedText Material,
    string? Code,
    int? HazardousClass,
    double Quantity,
    string Unit,
    LocalizedText? Use,
    SourcePos Pos,
    SourcePos CodePos = default)
{
    public bool Hazardous => HazardousClass is not null;

    /// <summary>Both ends are enterprises of the park: the material stays inside it.</summary>
    public bool StaysInPark => From.Enterprise is not null && To.Enterprise is not null;
}

internal enum ListingKind
{
    Supply,
    Demand,
}

/// <summary>exchange/&lt;id&gt;.yaml: one supply or demand listing of the resource exchange.</summary>
internal sealed record Listing(
    string ParkId,
    string Id,
    ListingKind Kind,
    string Category,
    EnterpriseRef Enterprise,
    LocalizedText Material,
    string? Code,
    int? HazardousClass,
    double? Quantity,
    string? Unit,
    string? Frequency,
    DateOnly Posted,
    DateOnly? ValidUntil,
    LocalizedText? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string File,
    SourcePos CodePos = default)
{
    /// <summary>A listing is active from <see cref="Posted"/> to <see cref="ValidUntil"/>, both inclusive.</summary>
    public bool IsActiveOn(DateOnly day) => Posted <= day && (ValidUntil is null || day <= ValidUntil);

    public string SiteId => $"{ParkId}/{Id}";
}

/// <summary>polluters/&lt;enterprise-id&gt;.yaml: a key polluting unit's disclosure (content-format.md section 10).</summary>
internal sealed record PolluterReport(
    EnterpriseRef Enterprise,
    int? ReportYear,
    PolluterBasic? Basic,
    string? Permit,
    IReadOnlyList<Outlet> Outlets,
    IReadOnlyList<Facility> Facilities,
    IReadOnlyList<Approval> Approvals,
    EmergencyPlan? EmergencyPlan,
    LocalizedText? OtherHtml,
    string File,
    SourcePos PermitPos = default)
{
    /// <summary>The groups of 企业环境信息依法披露管理办法 article 12 beyond the six above (all optional).</summary>
    public Order24Groups Order24 { get; init; } = Order24Groups.None;
}

internal sealed record PolluterBasic(
    LocalizedText? LegalRepresentative,
    LocalizedText? Address,
    LocalizedText? Contact,
    LocalizedText? Business,
    LocalizedText? Products)
{
    public bool IsComplete => LegalRepresentative is not null && Address is not null && Contact is not null && Business is not null && Products is not null;
}

internal sealed record Outlet(string Code, LocalizedText? Location, LocalizedText? Discharge, string? Standard, IReadOnlyList<Pollutant> Pollutants, SourcePos Pos)
{
    /// <summary>排放去向 (Order 24 art. 12(3)): where the outlet discharges to.</summary>
    public LocalizedText? Destination { get; init; }
}

internal sealed record Pollutant(
    LocalizedText Name,
    string? Unit,
    double? Concentration,
    double? Limit,
    double? TotalT,
    double? PermittedTotalT,
    int? Exceedances,
    SourcePos Pos)
{
    /// <summary>The averaging period behind <see cref="Concentration"/> (hourly, daily, monthly, annual or single).</summary>
    public string? Averaging { get; init; }

    /// <summary>A measured concentration above its limit is an exceedance whatever <see cref="Exceedances"/> says.</summary>
    public bool OverLimit => Concentration is { } c && Limit is { } l && c > l;

    public bool OverPermittedTotal => TotalT is { } t && PermittedTotalT is { } p && t > p;
}

internal sealed record Facility(LocalizedText Name, string? Status, DateOnly? Since);

internal sealed record Approval(LocalizedText Project, string? Number, DateOnly? Date);

internal sealed record EmergencyPlan(DateOnly? Filed, string? Number);
