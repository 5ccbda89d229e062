using System.Globalization;

namespace EcoSite.Core.Model.Identifiers;

internal enum CreditCodeStatus
{
    Valid,
    Malformed,
    WrongCheckCharacter,
}

/// <summary>
/// Result of <see cref="CreditCode.Check(string)"/>. <see cref="Status"/> judges the shape and the check character of
/// position 18, and <see cref="Problem"/> is null exactly when Status is Valid. A well-formed code is checked twice
/// more: <see cref="Registration"/> (positions 1-2) and <see cref="ExpectedOrganisationCheckCharacter"/> (the
/// embedded organisation code, positions 9-17). <see cref="IsValid"/> is true when all three agree.
/// A failed check is a warning, not an error: some legally issued early codes fail the check, and the table of
/// positions 1-2 has grown since 2015.
/// </summary>
internal readonly record struct CreditCodeCheck(CreditCodeStatus Status, char? ExpectedCheckCharacter, string? Problem)
{
    public bool IsWellFormed => Status != CreditCodeStatus.Malformed;

    /// <summary>The registering authority and organisation type of positions 1-2; null when the pair is not in the table (or the code is malformed).</summary>
    public CreditCodeRegistration? Registration { get; init; }

    /// <summary>The GB 11714-1997 check character that positions 9-16 call for, set only when position 17 differs.</summary>
    public char? ExpectedOrganisationCheckCharacter { get; init; }

    public bool HasKnownRegistration => Registration is not null;

    public bool IsValid => Status == CreditCodeStatus.Valid && HasKnownRegistration && ExpectedOrganisationCheckCharacter is null;
}

/// <summary>Positions 1-2 of a credit code: 登记管理部门码 and 机构类别码, with their names in GB 32100-2015.</summary>
internal sealed record CreditCodeRegistration(char Authority, string AuthorityName, char Type, string TypeName);

/// <summary>
/// 统一社会信用代码, GB 32100-2015: registering authority (1), organisation type (2), administrative division code
/// (3-8), organisation code of GB 11714-1997 (9-17) and check character (18).
/// </summary>
internal static class CreditCode
{
    public const int Length = 18;

    // GB 32100-2015: the 31 characters of positions 1-2 and 9-18, valued 0-30 in this order (no I, O, S, V, Z).
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 check character weights: 3^(i-1) mod 31 for i = 1..17.
    private static ReadOnlySpan<int> Weights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714-1997 全国组织机构代码编制规则: weights of the eight body characters of an organisation code.
    private static ReadOnlySpan<int> OrganisationWeights => [3, 7, 9, 10, 5, 8, 4, 2];

    // GB 32100-2015 登记管理部门代码 and 机构类别代码, with the later additions A (中央军委改革和编制办公室) and
    // N (农业, rural collective economic organisations). Sources: GB 32100-2015 appendix A as reproduced by
    // wenerme/go-gb (gb32100/code.go) and by other open validators; they agree except that go-gb alone gives 9 (工商)
    // a type 9, which the others and the standard's 1 企业, 2 个体工商户, 3 农民专业合作社 do not have.
    private static readonly (char Authority, string Name, (char Type, string Name)[] Types)[] Registrations =
    [
        ('1', "机构编制", [('1', "机关"), ('2', "事业单位"), ('3', "中央编办直接管理机构编制的群众团体"), ('9', "其他")]),
        ('2', "外交", [('1', "外国常驻新闻机构"), ('9', "其他")]),
        ('3', "司法行政", [('1', "律师执业机构"), ('2', "公证处"), ('3', "基层法律服务所"), ('4', "司法鉴定机构"), ('5', "仲裁委员会"), ('9', "其他")]),
        ('4', "文化", [('1', "外国在华文化中心"), ('9', "其他")]),
        ('5', "民政", [('1', "社会团体"), ('2', "民办非企业单位"), ('3', "基金会"), ('9', "其他")]),
        ('6', "旅游", [('1', "外国旅游部门常驻代表机构"), ('2', "港澳台地区旅游部门常驻内地（大陆）代表机构"), ('9', "其他")]),
        ('7', "宗教", [('1', "宗教活动场所"), ('2', "宗教院校"), ('9', "其他")]),
        ('8', "工会", [('1', "基层工会"), ('9', "其他")]),
        ('9', "工商", [('1', "企业"), ('2', "个体工商户"), ('3', "农民专业合作社")]),
        ('A', "中央军委改革和编制办公室", [('1', "军队事业单位"), ('9', "其他")]),
        ('N', "农业", [('1', "组级集体经济组织"), ('2', "村级集体经济组织"), ('3', "乡镇级集体经济组织"), ('9', "其他")]),
        ('Y', "其他", [('1', "其他")]),
    ];

    public static CreditCodeCheck Check(string code) => Check(code.AsSpan());

    internal static CreditCodeCheck Check(ReadOnlySpan<char> code)
    {
        var problem = FindShapeProblem(code);
        if (problem is not null)
        {
            return new CreditCodeCheck(CreditCodeStatus.Malformed, null, problem);
        }

        var registration = FindRegistration(code[0], code[1]);
        var organisation = OrganisationCheckCharacter(code[8..16]);
        char? wrongOrganisation = code[16] == organisation ? null : organisation;
        var expected = ComputeCheckCharacter(code[..(Length - 1)]);
        if (code[Length - 1] != expected)
        {
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"check character '{code[Length - 1]}' does not match the computed '{expected}'");
            return new CreditCodeCheck(CreditCodeStatus.WrongCheckCharacter, expected, text)
            {
                Registration = registration,
                ExpectedOrganisationCheckCharacter = wrongOrganisation,
            };
        }

        return new CreditCodeCheck(CreditCodeStatus.Valid, null, null)
        {
            Registration = registration,
            ExpectedOrganisationCheckCharacter = wrongOrganisation,
        };
    }

    /// <summary>The pair of positions 1-2 in the table, or null.</summary>
    public static CreditCodeRegistration? FindRegistration(char authority, char type)
    {
        foreach (var (a, name, types) in Registrations)
        {
            if (a != authority) continue;
            foreach (var (t, typeName) in types)
                if (t == type) return new CreditCodeRegistration(a, name, t, typeName);
            return null;
        }

        return null;
    }

    /// <summary>
    /// What the table allows for <paramref name="authority"/>: "9 工商: 1 企业, 2 个体工商户, 3 农民专业合作社", or the list of
    /// authorities when the table has no such authority.
    /// </summary>
    public static string DescribeRegistrations(char authority)
    {
        foreach (var (a, name, types) in Registrations)
            if (a == authority)
                return $"{a} {name}: " + string.Join(", ", types.Select(t => $"{t.Type} {t.Name}"));
        return "registering authorities are " + string.Join(", ", Registrations.Select(r => $"{r.Authority} {r.Name}"));
    }

    // GB 32100-2015 pattern ^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$, except that position 18 takes any
    // capital letter (see below); the first problem found, or null.
    private static string? FindShapeProblem(ReadOnlySpan<char> code)
    {
        if (CodeCharacter.EmptyOrSpaced(code) is { } problem)
        {
            return problem;
        }

        if (code.Length != Length)
        {
            return CodeCharacter.WrongLength(code.Length, "18");
        }

        for (var i = 0; i < Length; i++)
        {
            var c = code[i];
            var isDivisionCode = i is >= 2 and <= 7;
            if (isDivisionCode)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return CodeCharacter.Describe(c, i, "positions 3-8 are digits (administrative division code)");
                }
            }
            else if (i == Length - 1 && char.IsAsciiLetterUpper(c))
            {
                // The check position: a capital letter outside the set (e.g. the Z of 91350100M000100Y4Z) cannot be
                // a computed check character, so it is reported as a failed check (a warning), not as malformed.
            }
            else if (Alphabet.IndexOf(c) < 0)
            {
                var upper = char.ToUpperInvariant(c);
                var hint = char.IsAsciiLetterLower(c) && Alphabet.Contains(upper)
                    ? "use capital letters"
                    : "I, O, S, V and Z never occur";
                return CodeCharacter.Describe(c, i, hint);
            }
        }

        return null;
    }

    // GB 32100-2015 check character: C18 = 31 - (sum Ci*Wi mod 31), where 31 becomes 0.
    private static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    // GB 11714-1997: C9 = 11 - (sum Ci*Wi mod 11), where 10 is written X and 11 is written 0. Digits are valued 0-9
    // and letters A-Z 10-35 (the standard's own character set, which includes the letters GB 32100 leaves out).
    internal static char OrganisationCheckCharacter(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrganisationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var n => (char)('0' + n),
        };
    }
}

/// <summary>Problem texts shared by the identifier checks, so that every check words a bad character alike.</summary>
internal static class CodeCharacter
{
    public static string WrongLength(int actual, string needed) =>
        string.Create(CultureInfo.InvariantCulture, $"has {actual} characters, needs {needed}");

    /// <summary>"is empty", or the first white space described with a "remove spaces" hint; null when neither.</summary>
    public static string? EmptyOrSpaced(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty)
        {
            return "is empty";
        }

        var space = IndexOfWhiteSpace(code);
        return space >= 0 ? Describe(code[space], space, "remove spaces") : null;
    }

    public static int IndexOfWhiteSpace(ReadOnlySpan<char> code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            if (char.IsWhiteSpace(code[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"character 'I' at position 5 is not allowed; hint", with a 1-based position.</summary>
    public static string Describe(char c, int index, string hint)
    {
        // Chinese input methods type full-width forms (U+FF01-U+FF5E) that look like ASCII.
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            hint = "use half-width (ASCII) characters";
        }

        var shown = char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{c}'");
        return string.Create(CultureInfo.InvariantCulture, $"character {shown} at position {index + 1} is not allowed; {hint}");
    }
}
