using System.Globalization;

namespace EcoSite.Core.Model.Identifiers;

internal enum CreditCodeStatus
{
    Valid,
    Malformed,
    WrongCheckCharacter,
}

/// <summary>
/// Result of <see cref="CreditCode.Check(string)"/>. <see cref="Problem"/> is null exactly when the code is valid.
/// A wrong check character is a warning, not an error: some legally issued early codes fail the check.
/// </summary>
internal readonly record struct CreditCodeCheck(CreditCodeStatus Status, char? ExpectedCheckCharacter, string? Problem)
{
    public bool IsWellFormed => Status != CreditCodeStatus.Malformed;
}

/// <summary>统一社会信用代码, GB 32100-2015.</summary>
internal static class CreditCode
{
    public const int Length = 18;

    // GB 32100-2015: the 31 characters of positions 1-2 and 9-18, valued 0-30 in this order (no I, O, S, V, Z).
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 check character weights: 3^(i-1) mod 31 for i = 1..17.
    private static ReadOnlySpan<int> Weights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static CreditCodeCheck Check(string code) => Check(code.AsSpan());

    internal static CreditCodeCheck Check(ReadOnlySpan<char> code)
    {
        var problem = FindShapeProblem(code);
        if (problem is not null)
        {
            return new CreditCodeCheck(CreditCodeStatus.Malformed, null, problem);
        }

        var expected = ComputeCheckCharacter(code[..(Length - 1)]);
        if (code[Length - 1] != expected)
        {
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"check character '{code[Length - 1]}' does not match the computed '{expected}'");
            return new CreditCodeCheck(CreditCodeStatus.WrongCheckCharacter, expected, text);
        }

        return new CreditCodeCheck(CreditCodeStatus.Valid, null, null);
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
