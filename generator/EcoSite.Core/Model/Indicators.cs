using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model.Targets;

namespace EcoSite.Core.Model;

/// <summary>indicators/&lt;year&gt;.yaml (content-format.md section 8).</summary>
internal sealed record IndicatorReport(int Year, bool Final, LocalizedText? Source, IReadOnlyList<IndicatorEntry> Values, string File);

/// <summary>
/// One reported value. <see cref="Indicator"/> is a catalog id or "custom" (then <see cref="Name"/> names it).
/// The value is either a number or yes/no; the target is kept as written and parsed where compliance is computed.
/// </summary>
internal sealed record IndicatorEntry(
    string Indicator,
    LocalizedText? Name,
    LocalizedText? Unit,
    double? Number,
    bool? YesNo,
    string? TargetText,
    SourcePos Pos,
    SourcePos TargetPos = default)
{
    public bool IsCustom => Indicator == "custom";

    /// <summary>The value as the target module compares it; null when nothing was reported.</summary>
    public IndicatorValue? Value => YesNo is { } yn ? IndicatorValue.FromYesNo(yn) : Number is { } n ? IndicatorValue.FromNumber(n) : null;

    /// <summary>The parsed target; null when there is none or it does not parse (the check stage reports ECO111).</summary>
    public Target? Target => Targets.Target.TryParse(TargetText, out var t, out _) ? t : null;

    /// <summary>
    /// Computed from the value and the park's target (content-format.md section 8), never typed in; an entry without
    /// a value is "not reported", whether or not it has a target.
    /// </summary>
    public Compliance Compliance => Value is { } v ? Targets.Target.ForValue(Target, v) : Compliance.NotReported;

    public bool HasValue => Number is not null || YesNo is not null;
}
