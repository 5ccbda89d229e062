using System.Globalization;

namespace EcoSite.Core.Model.Identifiers;

internal enum HazardousWasteCodeStatus
{
    Valid,
    Malformed,
    UnknownClass,
}

/// <summary>
/// Result of <see cref="HazardousWasteCode.Check(string)"/>. <see cref="ClassNumber"/> is the last two digits
/// whenever the code has the NNN-NNN-NN or NNNNNNNN shape, including an unknown class; <see cref="Problem"/> is null
/// exactly when the code is valid, and <see cref="Canonical"/> (NNN-NNN-NN) is set exactly then.
/// <see cref="WithoutDashes"/> marks a valid code written as the 名录 prints it, NNNNNNNN.
/// </summary>
internal readonly record struct HazardousWasteCodeCheck(HazardousWasteCodeStatus Status, int? ClassNumber, string? Problem)
{
    public string? Canonical { get; init; }

    public bool WithoutDashes { get; init; }
}

/// <summary>
/// 危险废物代码, 国家危险废物名录 (2025年版, in force since 2025-01-01): 8 digits, the industry code (GB/T 4754-2017),
/// a sequence and the class number. The 名录 prints them as NNNNNNNN; they are commonly written NNN-NNN-NN, the form
/// EcoSite shows and exports. Only the class is checked: the 名录's list of codes is not embedded (docs/diagnostics.md).
/// </summary>
internal static class HazardousWasteCode
{
    public const int Length = 10;

    /// <summary>Length of the form the 名录 prints, without dashes.</summary>
    public const int PrintedLength = 8;

    /// <summary>The edition whose classes are checked, as messages cite it.</summary>
    public const string Edition = "国家危险废物名录 (2025)";

    // 国家危险废物名录: the 46 classes HW01-HW40 and HW45-HW50 of the 2021 edition, which the 2025 edition keeps,
    // indexed by class number; names as in the 2021 edition.
    private static readonly string?[] ClassNames =
    [
        null,
        "医疗废物", "医药废物", "废药物、药品", "农药废物", "木材防腐剂废物",
        "废有机溶剂与含有机溶剂废物", "热处理含氰废物", "废矿物油与含矿物油废物", "油/水、烃/水混合物或乳化液", "多氯（溴）联苯类废物",
        "精（蒸）馏残渣", "染料、涂料废物", "有机树脂类废物", "新化学物质废物", "爆炸性废物",
        "感光材料废物", "表面处理废物", "焚烧处置残渣", "含金属羰基化合物废物", "含铍废物",
        "含铬废物", "含铜废物", "含锌废物", "含砷废物", "含硒废物",
        "含镉废物", "含锑废物", "含碲废物", "含汞废物", "含铊废物",
        "含铅废物", "无机氟化物废物", "无机氰化物废物", "废酸", "废碱",
        "石棉废物", "有机磷化合物废物", "有机氰化物废物", "含酚废物", "含醚废物",
        null, null, null, null,
        "含有机卤化物废物", "含镍废物", "含钡废物", "有色金属采选和冶炼废物", "其他废物",
        "废催化剂",
    ];

    /// <summary>The class numbers of the list, ascending: 1-40 and 45-50.</summary>
    public static IReadOnlyList<int> ClassNumbers { get; } =
        [.. Enumerable.Range(0, ClassNames.Length).Where(n => ClassNames[n] is not null)];

    public static bool IsKnownClass(int classNumber) =>
        classNumber >= 0 && classNumber < ClassNames.Length && ClassNames[classNumber] is not null;

    /// <summary>The Chinese class name, e.g. 废矿物油与含矿物油废物 for 8; null for a class the list does not have.</summary>
    public static string? ClassName(int classNumber) => IsKnownClass(classNumber) ? ClassNames[classNumber] : null;

    /// <summary>The class label, e.g. "HW08".</summary>
    public static string ClassLabel(int classNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"HW{classNumber:D2}");

    /// <summary>
    /// True when the code has the hazardous shape NNN-NNN-NN or NNNNNNNN, whatever its class: such a code is meant
    /// as a hazardous waste code (a general solid waste code has an S before its last two digits).
    /// </summary>
    public static bool LooksHazardous(string code) => FindShapeProblem(code.AsSpan()) is null;

    public static HazardousWasteCodeCheck Check(string code)
    {
        var text = code.AsSpan();
        var problem = FindShapeProblem(text);
        if (problem is not null)
        {
            return new HazardousWasteCodeCheck(HazardousWasteCodeStatus.Malformed, null, problem);
        }

        var classNumber = ((text[^2] - '0') * 10) + (text[^1] - '0');
        if (!IsKnownClass(classNumber))
        {
            return new HazardousWasteCodeCheck(HazardousWasteCodeStatus.UnknownClass, classNumber, UnknownClassProblem(classNumber));
        }

        var withoutDashes = text.Length == PrintedLength;
        return new HazardousWasteCodeCheck(HazardousWasteCodeStatus.Valid, classNumber, null)
        {
            Canonical = withoutDashes ? $"{code[..3]}-{code[3..6]}-{code[6..]}" : code,
            WithoutDashes = withoutDashes,
        };
    }

    private static string UnknownClassProblem(int classNumber) =>
        "class " + ClassLabel(classNumber) + " does not exist in " + Edition + "; classes are HW01-HW40 and HW45-HW50";

    // Pattern ^\d{3}-\d{3}-\d{2}$ or ^\d{8}$ (the printed form); the class is checked separately.
    private static string? FindShapeProblem(ReadOnlySpan<char> text)
    {
        if (CodeCharacter.EmptyOrSpaced(text) is { } problem)
        {
            return problem;
        }

        if (text.Length == PrintedLength && !text.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        if (text.Length != Length)
        {
            return CodeCharacter.WrongLength(text.Length, "10 (NNN-NNN-NN) or 8 digits");
        }

        for (var i = 0; i < Length; i++)
        {
            var c = text[i];
            if (i is 3 or 7)
            {
                if (c != '-')
                {
                    return CodeCharacter.Describe(c, i, "positions 4 and 8 are '-' (NNN-NNN-NN)");
                }
            }
            else if (!char.IsAsciiDigit(c))
            {
                return CodeCharacter.Describe(c, i, "needs a digit (NNN-NNN-NN)");
            }
        }

        return null;
    }
}
