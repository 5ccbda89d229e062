namespace EcoSite.Core.Model.Identifiers;

internal enum OutletMedium
{
    Air,
    Water,
}

/// <summary>Result of <see cref="OutletCode.Check(string)"/>: <see cref="Medium"/> is set exactly when Ok.</summary>
internal readonly record struct OutletCodeCheck(bool Ok, OutletMedium? Medium, string? Problem);

/// <summary>排放口编码, HJ 608-2017: DA + 3 digits for air, DW + 3 digits for water.</summary>
internal static class OutletCode
{
    public const int Length = 5;

    public static OutletCodeCheck Check(string code)
    {
        var text = code.AsSpan();
        if (text.IsEmpty)
        {
            return Malformed("is empty");
        }

        var space = CodeCharacter.IndexOfWhiteSpace(text);
        if (space >= 0)
        {
            return Malformed(CodeCharacter.Describe(text[space], space, "remove spaces"));
        }

        if (text.Length != Length)
        {
            return Malformed(CodeCharacter.WrongLength(text.Length, "5 (DA or DW and 3 digits)"));
        }

        OutletMedium? medium = text[..2] switch
        {
            "DA" => OutletMedium.Air,
            "DW" => OutletMedium.Water,
            _ => null,
        };
        if (medium is null)
        {
            var hint = text[..2].Equals("DA", StringComparison.OrdinalIgnoreCase)
                || text[..2].Equals("DW", StringComparison.OrdinalIgnoreCase)
                ? "; use capital letters"
                : "";
            return Malformed("starts with '" + text[..2].ToString() + "', needs DA (air) or DW (water)" + hint);
        }

        for (var i = 2; i < Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return Malformed(CodeCharacter.Describe(text[i], i, "positions 3-5 are digits"));
            }
        }

        return new OutletCodeCheck(true, medium, null);
    }

    private static OutletCodeCheck Malformed(string problem) => new(false, null, problem);
}
