using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Model;

/// <summary>indicators/&lt;year&gt;.yaml (content-format.md section 8).</summary>
public sealed record IndicatorReport(int Year, bool Final, LocalizedText? Source, IReadOnlyList<IndicatorEntry> Values, string File);

/// <summary>
/// One reported value. <see cref="Indicator"/> is a catalog id or "custom" (then <see cref="Name"/> names it).
/// The value is either a number or yes/no; the target is kept as written and parsed where compliance is computed.
/// </summary>
public sealed record IndicatorEntry(
    string Indicator,
    LocalizedText? Name,
    LocalizedText? Unit,
    double? Number,
    bool? YesNo,
    string? TargetText,
    SourcePos Pos)
{
    public bool IsCustom => Indicator == "custom";

    public bool HasValue => Number is not null || YesNo is not null;
}
