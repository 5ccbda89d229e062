namespace EcoSite.Core.Model.Identifiers;

internal enum WasteCodeKind
{
    Hazardous,
    GeneralSolid,
    Invalid,
}

/// <summary>
/// Result of <see cref="WasteCode.Classify(string)"/>. <see cref="Canonical"/> is the form to show, export and compare
/// codes by (NNN-NNN-NN or NNN-NNN-SNN), set unless Invalid; <see cref="Problem"/> is set exactly when Invalid.
/// <see cref="WithoutDashes"/> marks a hazardous code written as the 名录 prints it (NNNNNNNN), which is warned.
/// </summary>
internal readonly record struct WasteCodeClassification(
    WasteCodeKind Kind,
    int? HazardousClass,
    SolidWasteCategory? SolidWasteCategory,
    string? Canonical,
    string? Problem)
{
    public bool WithoutDashes { get; init; }
}

/// <summary>The code of a waste flow or exchange listing: a hazardous waste code or a general solid waste code.</summary>
internal static class WasteCode
{
    /// <summary>
    /// Whether a flow or listing with this code is hazardous: true for a hazardous waste code, false for a general
    /// solid waste code, null (unknown) without a code or with an invalid one.
    /// </summary>
    public static bool? IsHazardous(string? code) => code is null
        ? null
        : Classify(code).Kind switch
        {
            WasteCodeKind.Hazardous => true,
            WasteCodeKind.GeneralSolid => false,
            _ => null,
        };

    public static WasteCodeClassification Classify(string code)
    {
        var text = code.AsSpan();
        if (text.StartsWith("HW", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("is a hazardous waste class, not a code; write NNN-NNN-NN, e.g. 900-249-08");
        }

        if (!text.IsEmpty && !char.IsAsciiDigit(text[0]))
        {
            return Invalid("is neither a hazardous waste code (NNN-NNN-NN) nor a general solid waste code (NNN-NNN-SNN)");
        }

        // A general solid waste code is told apart by the S before its category digits (固体废物分类与代码目录 2024).
        if (text.ContainsAny('S', 's'))
        {
            var solid = SolidWasteCode.Check(code);
            return solid.Status == SolidWasteCodeStatus.Valid
                ? new WasteCodeClassification(WasteCodeKind.GeneralSolid, null, solid.Category, solid.Canonical, null)
                : Invalid(solid.Problem);
        }

        var hazardous = HazardousWasteCode.Check(code);
        return hazardous.Status == HazardousWasteCodeStatus.Valid
            ? new WasteCodeClassification(WasteCodeKind.Hazardous, hazardous.ClassNumber, null, hazardous.Canonical, null)
            {
                WithoutDashes = hazardous.WithoutDashes,
            }
            : Invalid(hazardous.Problem);
    }

    private static WasteCodeClassification Invalid(string? problem) =>
        new(WasteCodeKind.Invalid, null, null, null, problem);
}
