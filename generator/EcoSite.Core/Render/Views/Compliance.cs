namespace EcoSite.Core.Render.Views;

/// <summary>
/// Failures first (issue 13; EPA ECHO's facility report opens with violations): the indicators of a park's newest
/// year that miss their target and the pollutants of its key polluting units above their limits, each linked.
/// On the portal the same lists cover every park.
/// </summary>
internal sealed record ComplianceView(
    string Summary,
    IReadOnlyList<FailureView> Unmet,
    IReadOnlyList<FailureView> Exceedances,
    string? AllClear);

/// <summary>One failure in words: what (linked), where (the park, on the portal), and the figures.</summary>
internal sealed record FailureView(string Label, string LabelLang, string Url, string? Park, string? ParkLang, string Detail);

/// <summary>A park's compliance on the portal's table: counts, each linked to the park's summary.</summary>
internal sealed record ParkComplianceRowView(string Name, string NameLang, string Url, string Year, int NotMet, int Met, int Exceeding);
