using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoSite.Core.Model.Targets;

internal enum TargetOperator
{
    AtLeast,
    AtMost,
    GreaterThan,
    LessThan,
    EqualTo,
    Yes,
}

internal enum Compliance
{
    Met,
    NotMet,
    NoTarget,
    /// <summary>未填报: the indicator is listed for the year without a value (with or without a target).</summary>
    NotReported,
}

/// <summary>The reported value of an indicator: a number, or yes/no for 具备 / 达标 / 完成 indicators.</summary>
internal readonly record struct IndicatorValue
{
    private readonly double number;

    private IndicatorValue(double number, bool? yesNo)
    {
        this.number = number;
        YesNo = yesNo;
    }

    /// <summary>The number; null for a yes/no value. The default value is the number 0.</summary>
    public double? Number => YesNo is null ? number : null;

    /// <summary>The answer; null for a number.</summary>
    public bool? YesNo { get; }

    public bool IsYesNo => YesNo is not null;

    public static IndicatorValue FromNumber(double number) => new(number, null);

    public static IndicatorValue FromYesNo(bool yes) => new(0d, yes);

    public override string ToString() => YesNo switch
    {
        true => "yes",
        false => "no",
        null => Number!.Value.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// A park's target for one indicator (content format section 8): a comparison with a number (<c>&gt;= 70</c>) or
/// <c>yes</c>. Thresholds are decimals, so <c>= 0.1</c> compares exactly.
/// </summary>
internal sealed record Target
{
    private Target(TargetOperator @operator, decimal? threshold)
    {
        Operator = @operator;
        Threshold = threshold;
    }

    public TargetOperator Operator { get; }

    /// <summary>The number compared with; null for a yes target.</summary>
    public decimal? Threshold { get; }

    public bool IsYesNo => Operator == TargetOperator.Yes;

    public static Target Yes { get; } = new(TargetOperator.Yes, null);

    public static Target AtLeast(decimal threshold) => new(TargetOperator.AtLeast, threshold);

    public static Target AtMost(decimal threshold) => new(TargetOperator.AtMost, threshold);

    public static Target GreaterThan(decimal threshold) => new(TargetOperator.GreaterThan, threshold);

    public static Target LessThan(decimal threshold) => new(TargetOperator.LessThan, threshold);

    public static Target EqualTo(decimal threshold) => new(TargetOperator.EqualTo, threshold);

    // Operators people type instead of the ASCII ones, with the spelling to use.
    private static readonly (string Typed, string Use)[] LookAlikes =
    [
        ("=>", ">="), ("=<", "<="), ("==", "="), ("≥", ">="), ("≤", "<="), ("≧", ">="), ("≦", "<="),
        ("＞＝", ">="), ("＜＝", "<="), ("＞", ">"), ("＜", "<"), ("＝", "="),
    ];

    /// <summary>
    /// Parses <c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c> or <c>=</c> followed by a number (spaces optional), or
    /// <c>yes</c> (any case). On failure <paramref name="problem"/> says what is wrong.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Target? target, [NotNullWhen(false)] out string? problem)
    {
        target = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            problem = "is empty; write a comparison such as >= 70, or yes";
            return false;
        }

        if (span.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            target = Yes;
            problem = null;
            return true;
        }

        foreach (var (typed, use) in LookAlikes)
        {
            if (span.StartsWith(typed, StringComparison.Ordinal))
            {
                problem = "'" + typed + "' is not an operator; write " + use;
                return false;
            }
        }

        (TargetOperator Operator, int Length)? parsed = span switch
        {
            ['>', '=', ..] => (TargetOperator.AtLeast, 2),
            ['<', '=', ..] => (TargetOperator.AtMost, 2),
            ['>', ..] => (TargetOperator.GreaterThan, 1),
            ['<', ..] => (TargetOperator.LessThan, 1),
            ['=', ..] => (TargetOperator.EqualTo, 1),
            _ => null,
        };
        if (parsed is not (var op, var length))
        {
            problem = TryParseNumber(span, out _)
                ? "has no comparison operator; write >=, <=, >, < or = before the number, e.g. >= " + span.ToString()
                : "is neither a comparison such as >= 70 nor yes";
            return false;
        }

        var symbol = span[..length].ToString();
        var rest = span[length..].TrimStart();
        if (rest.IsEmpty)
        {
            problem = "has no number after '" + symbol + "'";
            return false;
        }

        if (!TryParseNumber(rest, out var threshold))
        {
            problem = rest is ['=', ..] && length == 1 && op != TargetOperator.EqualTo
                ? "has a space inside '" + symbol + "='; write " + symbol + "= without a space"
                : rest is [.., '%'] && TryParseNumber(rest[..^1].TrimEnd(), out _)
                    ? "'" + rest.ToString() + "' carries a unit; write the number alone (the indicator has its unit)"
                    : "'" + rest.ToString() + "' after '" + symbol + "' is not a number";
            return false;
        }

        target = new Target(op, threshold);
        problem = null;
        return true;
    }

    /// <summary>Null when the value suits this target; otherwise why not (a number for yes, or yes/no for a comparison).</summary>
    public string? CheckValueKind(IndicatorValue value)
    {
        if (IsYesNo == value.IsYesNo)
        {
            return null;
        }

        return IsYesNo
            ? "target 'yes' needs the value yes or no, but the value is the number " + value
            : "target '" + this + "' needs a number, but the value is " + value;
    }

    /// <summary>
    /// Met or NotMet; NoTarget when the value is of the wrong kind (see <see cref="CheckValueKind"/>), because such a
    /// target cannot be judged and a typing error must not be published as a failure.
    /// </summary>
    public Compliance Evaluate(IndicatorValue value)
    {
        if (CheckValueKind(value) is not null)
        {
            return Compliance.NoTarget;
        }

        if (IsYesNo)
        {
            return value.YesNo == true ? Compliance.Met : Compliance.NotMet;
        }

        var comparison = CompareWithThreshold(value.Number!.Value, Threshold!.Value);
        if (comparison is not int c)
        {
            return Compliance.NotMet;
        }

        var met = Operator switch
        {
            TargetOperator.AtLeast => c >= 0,
            TargetOperator.AtMost => c <= 0,
            TargetOperator.GreaterThan => c > 0,
            TargetOperator.LessThan => c < 0,
            _ => c == 0,
        };
        return met ? Compliance.Met : Compliance.NotMet;
    }

    /// <summary>NoTarget without a target; otherwise <see cref="Evaluate"/>.</summary>
    public static Compliance ForValue(Target? target, IndicatorValue value) =>
        target is null ? Compliance.NoTarget : target.Evaluate(value);

    /// <summary>The canonical form: <c>&gt;= 70</c>, <c>= 0.5</c>, <c>yes</c>.</summary>
    public override string ToString()
    {
        var symbol = Operator switch
        {
            TargetOperator.AtLeast => ">=",
            TargetOperator.AtMost => "<=",
            TargetOperator.GreaterThan => ">",
            TargetOperator.LessThan => "<",
            TargetOperator.EqualTo => "=",
            _ => null,
        };
        return symbol is null ? "yes" : symbol + " " + FormatThreshold(Threshold!.Value);
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out decimal number)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        // A parsed "-0" keeps its sign bit; thresholds compare and print as plain 0.
        if (number == 0m)
        {
            number = 0m;
        }

        return true;
    }

    private static string FormatThreshold(decimal threshold)
    {
        var text = threshold.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.') ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    // The value arrives as a double; it is compared as the decimal of its 15 significant digits, so that 0.1 equals
    // "= 0.1" and 0.1 + 0.2 equals "= 0.3". Null for NaN, which meets no target.
    private static int? CompareWithThreshold(double value, decimal threshold)
    {
        if (double.IsNaN(value))
        {
            return null;
        }

        if (value >= (double)decimal.MaxValue)
        {
            return 1;
        }

        if (value <= (double)decimal.MinValue)
        {
            return -1;
        }

        return ((decimal)value).CompareTo(threshold);
    }
}
