using System.Globalization;

namespace EcoSite.Core.Model.Identifiers;

internal enum SolidWasteCodeStatus
{
    Valid,
    Malformed,
    UnknownCategory,
}

internal enum SolidWasteCategory
{
    Industrial,
    Household,
    Construction,
    Agricultural,
    Other,
}

/// <summary>
/// Result of <see cref="SolidWasteCode.Check(string)"/>. <see cref="CategoryNumber"/> (the NN of SNN) is set whenever
/// the code is well formed, <see cref="Category"/> and <see cref="Canonical"/> (NNN-NNN-SNN) only when it is valid;
/// <see cref="Problem"/> is null exactly when the code is valid.
/// </summary>
internal readonly record struct SolidWasteCodeCheck(
    SolidWasteCodeStatus Status,
    int? CategoryNumber,
    SolidWasteCategory? Category,
    string? Canonical,
    string? Problem);

/// <summary>
/// General solid waste code, 固体废物分类与代码目录 (2024): 3-digit industry + 3-digit sequence + S + 2 digits,
/// written NNN-NNN-SNN or NNNNNNSNN.
/// </summary>
internal static class SolidWasteCode
{
    /// <summary>The category of SNN, e.g. Industrial for 17; null for S00, S08 and numbers outside 0-99.</summary>
    public static SolidWasteCategory? CategoryOf(int categoryNumber) => categoryNumber switch
    {
        // 固体废物分类与代码目录 (2024): S01-S59 industrial except S08, S60-S69 household,
        // S70-S79 construction, S80-S89 agricultural, S90-S99 other.
        8 => null,
        >= 1 and <= 59 => SolidWasteCategory.Industrial,
        >= 60 and <= 69 => SolidWasteCategory.Household,
        >= 70 and <= 79 => SolidWasteCategory.Construction,
        >= 80 and <= 89 => SolidWasteCategory.Agricultural,
        >= 90 and <= 99 => SolidWasteCategory.Other,
        _ => null,
    };

    /// <summary>True when the code has the shape NNN-NNN-SNN or NNNNNNSNN, whatever its category.</summary>
    public static bool LooksLikeSolidWaste(string code) => FindShapeProblem(code.AsSpan()) is null;

    public static SolidWasteCodeCheck Check(string code)
    {
        var text = code.AsSpan();
        var problem = FindShapeProblem(text);
        if (problem is not null)
        {
            return new SolidWasteCodeCheck(SolidWasteCodeStatus.Malformed, null, null, null, problem);
        }

        var categoryNumber = ((text[^2] - '0') * 10) + (text[^1] - '0');
        var category = CategoryOf(categoryNumber);
        if (category is null)
        {
            var unknown = string.Create(
                CultureInfo.InvariantCulture,
                $"category S{categoryNumber:D2} does not exist in 固体废物分类与代码目录 (2024); categories are S01-S99 except S08");
            return new SolidWasteCodeCheck(SolidWasteCodeStatus.UnknownCategory, categoryNumber, null, null, unknown);
        }

        var canonical = text.Length == 11
            ? code
            : string.Create(CultureInfo.InvariantCulture, $"{text[..3]}-{text[3..6]}-{text[6..]}");
        return new SolidWasteCodeCheck(SolidWasteCodeStatus.Valid, categoryNumber, category, canonical, null);
    }

    // NNN-NNN-SNN (11 characters) or NNNNNNSNN (9 characters); mixing the two forms is malformed.
    private static string? FindShapeProblem(ReadOnlySpan<char> text)
    {
        if (CodeCharacter.EmptyOrSpaced(text) is { } problem)
        {
            return problem;
        }

        var dashed = text.Length == 11;
        if (!dashed && text.Length != 9)
        {
            return CodeCharacter.WrongLength(text.Length, "11 (NNN-NNN-SNN) or 9 (NNNNNNSNN)");
        }

        var form = dashed ? "NNN-NNN-SNN" : "NNNNNNSNN";
        var letterIndex = dashed ? 8 : 6;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (dashed && i is 3 or 7)
            {
                if (c != '-')
                {
                    return CodeCharacter.Describe(c, i, "positions 4 and 8 are '-' (" + form + ")");
                }
            }
            else if (i == letterIndex)
            {
                if (c != 'S')
                {
                    var hint = c == 's' ? "use capital letters" : "needs S (" + form + ")";
                    return CodeCharacter.Describe(c, i, hint);
                }
            }
            else if (!char.IsAsciiDigit(c))
            {
                return CodeCharacter.Describe(c, i, "needs a digit (" + form + ")");
            }
        }

        return null;
    }
}
