using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Targets;

namespace EcoSite.Tests.Model;

public sealed class IndicatorComplianceTests
{
    private static IndicatorEntry Entry(double? number, bool? yesNo, string? target) =>
        new("solid-waste-utilisation", null, null, number, yesNo, target, new SourcePos(1, 1));

    [Theory]
    [InlineData(">= 70", 70, Compliance.Met)]
    [InlineData(">= 70", 69.9, Compliance.NotMet)]
    [InlineData("<= 0.5", 0.5, Compliance.Met)]
    [InlineData("<= 0.5", 0.51, Compliance.NotMet)]
    [InlineData("> 6", 6.1, Compliance.Met)]
    [InlineData("> 6", 6, Compliance.NotMet)]
    [InlineData("< 0.6", 0.59, Compliance.Met)]
    [InlineData("< 0.6", 0.6, Compliance.NotMet)]
    [InlineData("= 0", 0, Compliance.Met)]
    [InlineData("= 0", 1, Compliance.NotMet)]
    public void Compliance_of_a_number_is_computed_per_operator(string target, double value, object expected) =>
        Assert.Equal(expected, Entry(value, null, target).Compliance);

    [Theory]
    [InlineData(true, Compliance.Met)]
    [InlineData(false, Compliance.NotMet)]
    public void Compliance_of_a_yes_target_follows_the_answer(bool answer, object expected) =>
        Assert.Equal(expected, Entry(null, answer, "yes").Compliance);

    [Theory]
    [InlineData(null)]
    [InlineData("=> 70")]
    public void Missing_or_malformed_target_gives_no_target(string? target) =>
        Assert.Equal(Compliance.NoTarget, Entry(92, null, target).Compliance);

    [Fact]
    public void Value_of_the_wrong_kind_gives_no_target_rather_than_a_failure() =>
        Assert.Equal(Compliance.NoTarget, Entry(98, null, "yes").Compliance);
}
