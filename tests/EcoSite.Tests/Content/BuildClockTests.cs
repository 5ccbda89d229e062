using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>"Today" from SOURCE_DATE_EPOCH: any value that is not a date the build can print is a diagnostic, never a crash.</summary>
public sealed class BuildClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("253402300800")] // 10000-01-01T00:00:00Z
    [InlineData("99999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-1")]
    [InlineData("1e9")]
    [InlineData("tomorrow")]
    public void A_source_date_epoch_that_is_not_a_date_up_to_year_9999_is_a_diagnostic_and_the_clock_is_used(string value)
    {
        var bag = new DiagnosticBag();
        var (today, source) = new BuildClock(value, () => Now).Today(bag);
        Assert.Equal(new DateOnly(2026, 11, 29), today);
        Assert.Equal(TodaySource.Clock, source);
        Assert.Contains(bag.ToSortedList(), d => d.Code == "ECO016");
    }

    [Theory]
    [InlineData("0", 1970, 1, 1)]
    [InlineData("1764547200", 2025, 12, 1)]
    [InlineData("253402300799", 9999, 12, 31)]
    public void A_source_date_epoch_up_to_the_last_second_of_9999_gives_its_date(string value, int y, int m, int d)
    {
        var bag = new DiagnosticBag();
        Assert.Equal(new DateOnly(y, m, d), new BuildClock(value, () => Now).Today(bag).Item1);
        Assert.Empty(bag.ToSortedList());
    }

    [Fact]
    public void A_build_with_a_source_date_epoch_beyond_9999_ends_in_a_diagnostic()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", "title: {zh: 测试平台, en: Test Platform}\nlanguages: [zh, en]\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var result = site.Build(sourceDateEpoch: "253402300800");
        Assert.Contains(result.Diagnostics, d => d.Code == "ECO016");
    }
}
