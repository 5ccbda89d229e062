using EcoSite.Core.Model.Targets;

namespace EcoSite.Tests.Model;

public class TargetTests
{
    private static Target Parse(string text)
    {
        Assert.True(Target.TryParse(text, out var target, out var problem), problem);
        Assert.Null(problem);
        return target;
    }

    private static IndicatorValue Number(double value) => IndicatorValue.FromNumber(value);

    [Theory]
    [InlineData(">= 70", TargetOperator.AtLeast, "70")]
    [InlineData(">=70", TargetOperator.AtLeast, "70")]
    [InlineData("<=0.5", TargetOperator.AtMost, "0.5")]
    [InlineData("<= 0.5", TargetOperator.AtMost, "0.5")]
    [InlineData("> 1", TargetOperator.GreaterThan, "1")]
    [InlineData("<1", TargetOperator.LessThan, "1")]
    [InlineData("= 0", TargetOperator.EqualTo, "0")]
    [InlineData("  >=   70  ", TargetOperator.AtLeast, "70")]
    [InlineData("> -5", TargetOperator.GreaterThan, "-5")]
    public void Comparison_target_is_parsed(string text, object op, string threshold)
    {
        var target = Parse(text);

        Assert.Equal(op, target.Operator);
        Assert.Equal(decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture), target.Threshold);
        Assert.False(target.IsYesNo);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData(" YES ")]
    public void Yes_target_is_parsed(string text)
    {
        var target = Parse(text);

        Assert.Equal(TargetOperator.Yes, target.Operator);
        Assert.Null(target.Threshold);
        Assert.True(target.IsYesNo);
        Assert.Same(Target.Yes, target);
    }

    [Theory]
    [InlineData(">= abc")]
    [InlineData("70")]
    [InlineData("=>70")]
    [InlineData("=<70")]
    [InlineData("== 70")]
    [InlineData("≥ 70")]
    [InlineData("＞＝70")]
    [InlineData(">=")]
    [InlineData("> = 70")]
    [InlineData(">= 70%")]
    [InlineData(">= 1e3")]
    [InlineData(">= 1,000")]
    [InlineData("no")]
    [InlineData("达标")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Malformed_target_is_refused_with_a_problem(string? text)
    {
        Assert.False(Target.TryParse(text, out var target, out var problem));
        Assert.Null(target);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Number_without_an_operator_is_told_to_add_one()
    {
        Target.TryParse("70", out _, out var problem);

        Assert.Contains(">= 70", problem);
    }

    [Fact]
    public void Reversed_operator_is_told_the_right_spelling()
    {
        Target.TryParse("=>70", out _, out var problem);

        Assert.Contains(">=", problem);
    }

    [Theory]
    [InlineData(">= 70", ">= 70")]
    [InlineData(">=70", ">= 70")]
    [InlineData("<=0.5", "<= 0.5")]
    [InlineData("<= 0.50", "<= 0.5")]
    [InlineData(">= 70.0", ">= 70")]
    [InlineData("= 0", "= 0")]
    [InlineData("= -0", "= 0")]
    [InlineData("> +3", "> 3")]
    [InlineData("< .25", "< 0.25")]
    [InlineData("< 100", "< 100")]
    [InlineData("> -1.5", "> -1.5")]
    [InlineData("YES", "yes")]
    public void ToString_gives_the_canonical_form(string text, string canonical)
    {
        Assert.Equal(canonical, Parse(text).ToString());
    }

    [Fact]
    public void Canonical_form_parses_back_to_an_equal_target()
    {
        var target = Parse("<= 0.50");

        Assert.Equal(target, Parse(target.ToString()));
    }

    [Theory]
    [InlineData(">= 70", 70, Compliance.Met)]
    [InlineData(">= 70", 92.3, Compliance.Met)]
    [InlineData(">= 70", 69.9, Compliance.NotMet)]
    [InlineData("<= 0.5", 0.5, Compliance.Met)]
    [InlineData("<= 0.5", 0.2, Compliance.Met)]
    [InlineData("<= 0.5", 0.51, Compliance.NotMet)]
    [InlineData("> 1", 1.01, Compliance.Met)]
    [InlineData("> 1", 1, Compliance.NotMet)]
    [InlineData("> 1", 0.5, Compliance.NotMet)]
    [InlineData("< 1", 0.99, Compliance.Met)]
    [InlineData("< 1", 1, Compliance.NotMet)]
    [InlineData("< 1", 2, Compliance.NotMet)]
    [InlineData("= 0", 0, Compliance.Met)]
    [InlineData("= 0", -0.0, Compliance.Met)]
    [InlineData("= 0", 1, Compliance.NotMet)]
    [InlineData("= 0", -1, Compliance.NotMet)]
    [InlineData("> -5", -4, Compliance.Met)]
    [InlineData("> -5", -5, Compliance.NotMet)]
    public void Comparison_target_is_met_or_not(string text, double value, object expected)
    {
        Assert.Equal(expected, Parse(text).Evaluate(Number(value)));
    }

    [Fact]
    public void Equality_target_compares_decimals_exactly()
    {
        Assert.Equal(Compliance.Met, Parse("= 0.1").Evaluate(Number(0.1)));
        Assert.Equal(Compliance.Met, Parse("= 0.3").Evaluate(Number(0.1 + 0.2)));
        Assert.Equal(Compliance.NotMet, Parse("= 0.1").Evaluate(Number(0.10001)));
        Assert.Equal(Compliance.Met, Parse("<= 0.3").Evaluate(Number(0.1 + 0.2)));
        Assert.Equal(Compliance.NotMet, Parse("< 0.3").Evaluate(Number(0.1 + 0.2)));
    }

    [Fact]
    public void Values_beyond_the_decimal_range_compare_without_throwing()
    {
        Assert.Equal(Compliance.Met, Parse(">= 70").Evaluate(Number(1e300)));
        Assert.Equal(Compliance.Met, Parse(">= 70").Evaluate(Number(double.PositiveInfinity)));
        Assert.Equal(Compliance.NotMet, Parse(">= 70").Evaluate(Number(double.NegativeInfinity)));
        Assert.Equal(Compliance.NotMet, Parse("<= 70").Evaluate(Number(1e300)));
        Assert.Equal(Compliance.Met, Parse("<= 70").Evaluate(Number(-1e300)));
    }

    [Fact]
    public void Not_a_number_meets_no_target()
    {
        Assert.Equal(Compliance.NotMet, Parse(">= 70").Evaluate(Number(double.NaN)));
        Assert.Equal(Compliance.NotMet, Parse("<= 70").Evaluate(Number(double.NaN)));
        Assert.Equal(Compliance.NotMet, Parse("= 0").Evaluate(Number(double.NaN)));
    }

    [Fact]
    public void Yes_target_is_met_by_yes_and_not_by_no()
    {
        Assert.Equal(Compliance.Met, Target.Yes.Evaluate(IndicatorValue.FromYesNo(true)));
        Assert.Equal(Compliance.NotMet, Target.Yes.Evaluate(IndicatorValue.FromYesNo(false)));
    }

    [Fact]
    public void No_target_gives_no_target()
    {
        Assert.Equal(Compliance.NoTarget, Target.ForValue(null, Number(92.3)));
        Assert.Equal(Compliance.NoTarget, Target.ForValue(null, IndicatorValue.FromYesNo(true)));
    }

    [Fact]
    public void ForValue_with_a_target_evaluates_it()
    {
        Assert.Equal(Compliance.Met, Target.ForValue(Parse(">= 70"), Number(92.3)));
        Assert.Equal(Compliance.NotMet, Target.ForValue(Parse(">= 70"), Number(41)));
    }

    [Fact]
    public void Numeric_target_with_a_yes_no_value_is_a_type_mismatch()
    {
        var target = Parse(">= 70");
        var value = IndicatorValue.FromYesNo(true);

        Assert.NotNull(target.CheckValueKind(value));
        Assert.Equal(Compliance.NoTarget, target.Evaluate(value));
    }

    [Fact]
    public void Yes_target_with_a_number_is_a_type_mismatch()
    {
        var value = Number(1);

        Assert.NotNull(Target.Yes.CheckValueKind(value));
        Assert.Equal(Compliance.NoTarget, Target.Yes.Evaluate(value));
    }

    [Fact]
    public void Matching_kinds_are_not_a_mismatch()
    {
        Assert.Null(Parse("= 0").CheckValueKind(Number(0)));
        Assert.Null(Target.Yes.CheckValueKind(IndicatorValue.FromYesNo(false)));
    }

    [Fact]
    public void Factories_build_the_same_targets_as_parsing()
    {
        Assert.Equal(Parse(">= 70"), Target.AtLeast(70m));
        Assert.Equal(Parse("<= 0.5"), Target.AtMost(0.5m));
        Assert.Equal(Parse("> 1"), Target.GreaterThan(1m));
        Assert.Equal(Parse("< 1"), Target.LessThan(1m));
        Assert.Equal(Parse("= 0"), Target.EqualTo(0m));
        Assert.Equal(Parse(">= 70.0"), Target.AtLeast(70m));
    }

    [Fact]
    public void Indicator_value_is_a_number_or_yes_no()
    {
        var number = Number(41.5);
        var yes = IndicatorValue.FromYesNo(true);

        Assert.Equal(41.5, number.Number);
        Assert.Null(number.YesNo);
        Assert.False(number.IsYesNo);
        Assert.Null(yes.Number);
        Assert.True(yes.YesNo);
        Assert.Equal("41.5", number.ToString());
        Assert.Equal("yes", yes.ToString());
        Assert.Equal("no", IndicatorValue.FromYesNo(false).ToString());
        Assert.Equal(0d, default(IndicatorValue).Number);
    }
}
