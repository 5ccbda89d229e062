namespace EcoSite.Core.Model.Identifiers;

/// <summary>
/// Result of <see cref="PermitNumber.Check(string)"/>. <see cref="Ok"/> means well formed; a permit whose embedded
/// credit code is well formed but fails one of its checks (see <see cref="CreditCodeCheck"/>) is still Ok, with
/// <see cref="HasWarning"/> set.
/// </summary>
internal readonly record struct PermitNumberCheck(bool Ok, string? Problem, CreditCodeCheck CreditCode)
{
    public CreditCodeStatus CreditCodeStatus => CreditCode.Status;

    public bool HasWarning => Ok && !CreditCode.IsValid;
}

/// <summary>排污许可证编号, HJ 608-2017: credit code (18) + site sequence (3 digits) + a letter, usually P.</summary>
internal static class PermitNumber
{
    public const int Length = 22;

    public static PermitNumberCheck Check(string number)
    {
        var text = number.AsSpan();
        var shapeProblem = FindLengthProblem(text);
        if (shapeProblem is not null)
        {
            // The embedded credit code cannot be located in a number of the wrong length.
            var unread = new CreditCodeCheck(CreditCodeStatus.Malformed, null, shapeProblem);
            return new PermitNumberCheck(false, shapeProblem, unread);
        }

        var creditCode = CreditCode.Check(text[..CreditCode.Length]);
        if (creditCode.Status == CreditCodeStatus.Malformed)
        {
            return new PermitNumberCheck(false, "credit code part (characters 1-18): " + creditCode.Problem, creditCode);
        }

        // HJ 608-2017: characters 19-21 are the site sequence, character 22 the letter.
        for (var i = CreditCode.Length; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                var problem = CodeCharacter.Describe(text[i], i, "positions 19-21 are digits (site sequence)");
                return new PermitNumberCheck(false, problem, creditCode);
            }
        }

        var letter = text[Length - 1];
        if (!char.IsAsciiLetterUpper(letter))
        {
            var hint = char.IsAsciiLetterLower(letter) ? "use capital letters" : "position 22 is a letter A-Z";
            return new PermitNumberCheck(false, CodeCharacter.Describe(letter, Length - 1, hint), creditCode);
        }

        return new PermitNumberCheck(true, null, creditCode);
    }

    private static string? FindLengthProblem(ReadOnlySpan<char> text)
    {
        if (CodeCharacter.EmptyOrSpaced(text) is { } problem)
        {
            return problem;
        }

        return text.Length == Length ? null : CodeCharacter.WrongLength(text.Length, "22 (credit code, 3 digits, a letter)");
    }
}
