
namespace EcoSite.Tests.Facts;

/// <summary>
/// Content format version 2 counts five polluter groups and names no Order 24 group, so the Order 24 groups leave
/// category 5 unchanged (docs/completeness.md).
/// </summary>
public sealed class Order24ScoreTests
{
    private const string Base = """
        report_year: 2025
        permit: 91110000600037341L001P
        outlets:
          - code: DW001
            pollutants:
              - {name: {zh: 化学需氧量, en: COD}, unit: mg/L, concentration: 42, limit: 200}
        """;

    private static double Total(string polluter)
    {
        using var site = PolluterSite.With(polluter);
        var result = site.Check();
        Assert.True(result.Errors == 0, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Report!.Completeness.Parks).Total;
    }

    [Fact]
    public void The_Order_24_groups_do_not_change_the_polluter_score()
    {
        var groups = PolluterSite.Full.Split('\n')
            .SkipWhile(l => !l.StartsWith("environmental_tax:", StringComparison.Ordinal));
        var with = Base + "\nprepared: 2026-03-10\npermit_authority: 示例市生态环境局\n" + string.Join('\n', groups);
        Assert.Contains("carbon_emissions:", with);
        // permit and outlets fill one of the five groups: 20 x 1/5.
        Assert.Equal(4, Total(Base));
        Assert.Equal(Total(Base), Total(with));
    }
}
