using EcoSite.Core.Facts;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Facts;

/// <summary>The rubric of content-format.md section 11, pinned on parks built in memory. Today is 2026-11-29, so last year is 2025.</summary>
public sealed class CompletenessTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly SiteConfig Config = new(LocalizedText.Of("zh", "平台"), null, ["zh", "en"], null, Today, TodaySource.SiteYaml, new Freshness(), null);
    private static readonly IReadOnlyList<string> Catalog = ["a", "b", "c", "d"];

    private static Park Park(
        IReadOnlyList<Article>? news = null, IReadOnlyList<Article>? cases = null, IReadOnlyList<IndicatorReport>? indicators = null,
        IReadOnlyList<WasteReport>? waste = null, IReadOnlyList<Listing>? listings = null, IReadOnlyList<PolluterReport>? polluters = null) =>
        new("p", new ParkProfile(LocalizedText.Of("zh", "园区"), null, null, null, null, null, null, null, null, null), [],
            news ?? [], cases ?? [], [], indicators ?? [], waste ?? [], listings ?? [], polluters ?? [], []);

    private static Article Item(Section section, string date, NewsKind kind = NewsKind.News) =>
        new("p", section, "item-" + date, [new ArticleVersion("zh", $"parks/p/{section.ToString().ToLowerInvariant()}/item-{date}.md", "标题", DateOnly.Parse(date), kind, "", "", [], null)]);

    private static IndicatorEntry Entry(string id, double? value = 1, string? target = ">= 1") =>
        new(id, null, null, value, null, target, new SourcePos(1, 1));

    private static WasteReport Flows(int year, int count = 1) =>
        new(year, Enumerable.Range(0, count).Select(_ => new WasteFlow(new FlowParty(null, LocalizedText.Of("zh", "甲")), new FlowParty(null, LocalizedText.Of("zh", "乙")),
            LocalizedText.Of("zh", "矿渣"), null, null, 10, "t", null, new SourcePos(1, 1))).ToList(), $"parks/p/waste/{year}.yaml");

    private static Listing Listing(string posted, string? validUntil) =>
        new("p", "l", ListingKind.Supply, "waste", new EnterpriseRef("e", "f", default), LocalizedText.Of("zh", "废油"), null, null, null, null, null,
            DateOnly.Parse(posted), validUntil is null ? null : DateOnly.Parse(validUntil), null, null, null, "parks/p/exchange/l.yaml");

    private static Enterprise Company(string id, bool key = false) =>
        new(id, new LocalizedText([new("zh", "示例" + id + "公司"), new("en", "Demo " + id)]), null, null, default) { KeyPolluter = key };

    private static PolluterReport Polluter(string file, int? year, bool basic = true, bool permit = true, bool facilities = true, bool approvals = true, bool plan = true)
    {
        var t = LocalizedText.Of("zh", "x");
        var pollutant = new Pollutant(t, "mg/L", 1, 2, null, null, 0, default);
        return new PolluterReport(new EnterpriseRef(Path.GetFileNameWithoutExtension(file), file, default), year,
            basic ? new PolluterBasic(t, t, t, t, t) : new PolluterBasic(t, null, t, t, t),
            permit ? "91999999MA7DEM0168001P" : null,
            [new Outlet("DW001", null, null, null, [pollutant], default)],
            facilities ? [new Facility(t, "running", null)] : [],
            approvals ? [new Approval(t, "1", null)] : [],
            plan ? new EmergencyPlan(new DateOnly(2025, 1, 1), "n") : new EmergencyPlan(null, "n"),
            null, file);
    }

    private static CompletenessScore Score(Park park) => Completeness.Score(Config, park, Catalog);

    private static void AssertReasonsExplainEveryLostPoint(CompletenessScore s) =>
        Assert.Equal(100 - s.Total, s.Reasons.Sum(r => r.PointsLost), 9);

    [Fact]
    public void Fresh_news_scores_the_full_twenty_points()
    {
        var s = Score(Park(news: [Item(Section.News, "2026-11-20"), Item(Section.News, "2026-01-01")]));
        Assert.Equal(20, s.Part(CompletenessCategory.News).Points);
        Assert.DoesNotContain(s.Reasons, r => r.Category == CompletenessCategory.News);
    }

    [Fact]
    public void News_exactly_as_old_as_the_window_is_still_fresh()
    {
        Assert.Equal(20, Score(Park(news: [Item(Section.News, "2026-11-15")])).Part(CompletenessCategory.News).Points);
    }

    [Fact]
    public void Stale_news_scores_half_and_says_how_old_the_newest_item_is()
    {
        var s = Score(Park(news: [Item(Section.News, "2026-09-01", NewsKind.Notice)]));
        Assert.Equal(10, s.Part(CompletenessCategory.News).Points);
        var reason = Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.News);
        Assert.Equal(ReasonKind.Stale, reason.Kind);
        Assert.Equal(10, reason.PointsLost);
        Assert.Equal("news: newest item 2026-09-01 is 89 days old, more than 14 (−10.0 points)", reason.Text("en"));
        Assert.Contains("89 天", reason.Text("zh"));
    }

    [Fact]
    public void Freshness_windows_come_from_the_site_configuration()
    {
        var lenient = Config with { Freshness = new Freshness(News: 100, Cases: 10) };
        var s = Completeness.Score(lenient, Park(news: [Item(Section.News, "2026-09-01")], cases: [Item(Section.Cases, "2026-11-01")]), Catalog);
        Assert.Equal(20, s.Part(CompletenessCategory.News).Points);
        Assert.Equal(10, s.Part(CompletenessCategory.Cases).Points);
    }

    [Fact]
    public void Cases_within_a_year_score_full_and_older_cases_half()
    {
        Assert.Equal(20, Score(Park(cases: [Item(Section.Cases, "2026-01-10")])).Part(CompletenessCategory.Cases).Points);
        Assert.Equal(10, Score(Park(cases: [Item(Section.Cases, "2025-06-18")])).Part(CompletenessCategory.Cases).Points);
    }

    [Fact]
    public void A_blank_category_scores_zero_with_a_blank_column_reason()
    {
        var s = Score(Park());
        Assert.Equal(0, s.Total);
        Assert.Equal(5, s.Reasons.Count(r => r.Kind == ReasonKind.Blank));
        Assert.All(s.Reasons, r => Assert.Equal(20, r.PointsLost));
        Assert.Contains("blank column", s.Reasons[0].Text("en"));
        Assert.Contains("栏目空白", s.Reasons[0].Text("zh"));
    }

    [Fact]
    public void Indicators_of_last_year_score_the_share_of_catalog_indicators_with_value_and_target()
    {
        var report = new IndicatorReport(2025, true, null,
            [Entry("a"), Entry("b"), Entry("c", target: null), Entry("custom"), Entry("custom"), Entry("a")], "parks/p/indicators/2025.yaml");
        var s = Score(Park(indicators: [report]));
        Assert.Equal(10, s.Part(CompletenessCategory.Indicators).Points, 9);
        Assert.Contains(s.Reasons, r => r.Kind == ReasonKind.IndicatorsIncomplete && r.Args[1] == "c" && r.PointsLost == 5);
        Assert.Contains(s.Reasons, r => r.Kind == ReasonKind.IndicatorsNotReported && r.Args[3] == "d" && r.PointsLost == 5);
        Assert.DoesNotContain(s.Reasons, r => r.Kind == ReasonKind.IndicatorsOld);
    }

    [Fact]
    public void Indicators_older_than_last_year_are_halved()
    {
        var old = new IndicatorReport(2024, true, null, [Entry("a"), Entry("b"), Entry("c"), Entry("d")], "parks/p/indicators/2024.yaml");
        var s = Score(Park(indicators: [old]));
        Assert.Equal(10, s.Part(CompletenessCategory.Indicators).Points, 9);
        var reason = Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Indicators);
        Assert.Equal(ReasonKind.IndicatorsOld, reason.Kind);
        Assert.Equal("indicators: the newest report is for 2024, before last year (2025), so the part is halved (−10.0 points)", reason.Text("en"));
    }

    [Fact]
    public void Only_the_newest_year_of_indicators_counts()
    {
        var full2024 = new IndicatorReport(2024, true, null, [Entry("a"), Entry("b"), Entry("c"), Entry("d")], "parks/p/indicators/2024.yaml");
        var part2026 = new IndicatorReport(2026, false, null, [Entry("a")], "parks/p/indicators/2026.yaml");
        Assert.Equal(5, Score(Park(indicators: [full2024, part2026])).Part(CompletenessCategory.Indicators).Points, 9);
    }

    [Fact]
    public void Flows_without_listings_score_half_of_waste()
    {
        var s = Score(Park(waste: [Flows(2025)]));
        Assert.Equal(10, s.Part(CompletenessCategory.Waste).Points);
        Assert.Equal(ReasonKind.NoActiveListing, Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Waste).Kind);
    }

    [Fact]
    public void Flows_older_than_last_year_do_not_count()
    {
        var s = Score(Park(waste: [Flows(2024)], listings: [Listing("2026-11-01", "2027-01-01")]));
        Assert.Equal(10, s.Part(CompletenessCategory.Waste).Points);
        var reason = Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Waste);
        Assert.Equal("waste: no waste flows for 2025 or later (newest: 2024) (−10.0 points)", reason.Text("en"));
    }

    [Fact]
    public void An_expired_listing_only_scores_nothing_but_is_not_a_blank_column()
    {
        var s = Score(Park(listings: [Listing("2026-01-01", "2026-06-30")]));
        Assert.Equal(0, s.Part(CompletenessCategory.Waste).Points);
        var reasons = s.Reasons.Where(r => r.Category == CompletenessCategory.Waste).Select(r => r.Kind).ToList();
        Assert.Equal([ReasonKind.NoRecentFlows, ReasonKind.NoActiveListing], reasons);
    }

    [Fact]
    public void A_listing_active_today_and_recent_flows_score_full_waste()
    {
        Assert.Equal(20, Score(Park(waste: [Flows(2026)], listings: [Listing("2026-11-29", null)])).Part(CompletenessCategory.Waste).Points);
        Assert.Equal(20, Score(Park(waste: [Flows(2025)], listings: [Listing("2026-01-01", "2026-11-29")])).Part(CompletenessCategory.Waste).Points);
    }

    [Fact]
    public void A_waste_file_without_flows_earns_nothing()
    {
        Assert.Equal(0, Score(Park(waste: [Flows(2025, count: 0)])).Part(CompletenessCategory.Waste).Points);
    }

    [Fact]
    public void Partial_polluter_groups_score_the_mean_share_over_files()
    {
        var complete = Polluter("parks/p/polluters/a.yaml", 2025);
        var partial = Polluter("parks/p/polluters/b.yaml", 2025, basic: false, approvals: false, plan: false);
        var s = Score(Park(polluters: [complete, partial]));
        // (1 + 2/5) / 2 = 0.7
        Assert.Equal(14, s.Part(CompletenessCategory.Polluters).Points, 9);
        var reason = Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Polluters);
        Assert.Equal(ReasonKind.PolluterGroupsMissing, reason.Kind);
        Assert.Equal(6, reason.PointsLost, 9);
        Assert.Equal("parks/p/polluters/b.yaml", reason.Args[0]);
        Assert.Equal("basic,approvals,emergency_plan", reason.Args[1]);
    }

    [Fact]
    public void A_permit_without_any_pollutant_does_not_fill_the_permit_group()
    {
        var p = Polluter("parks/p/polluters/a.yaml", 2025) with { Outlets = [new Outlet("DW001", null, null, null, [], default)] };
        Assert.Equal(16, Score(Park(polluters: [p])).Part(CompletenessCategory.Polluters).Points, 9);
    }

    [Fact]
    public void An_old_polluter_report_halves_that_file_only()
    {
        var s = Score(Park(polluters: [Polluter("parks/p/polluters/a.yaml", 2025), Polluter("parks/p/polluters/b.yaml", 2024, facilities: false)]));
        // (1 + 4/5 x 0.5) / 2 = 0.7
        Assert.Equal(14, s.Part(CompletenessCategory.Polluters).Points, 9);
        Assert.Contains(s.Reasons, r => r.Kind == ReasonKind.PolluterOld && r.Args[0] == "parks/p/polluters/b.yaml" && Math.Abs(r.PointsLost - 4) < 1e-9);
        AssertReasonsExplainEveryLostPoint(s);
    }

    [Fact]
    public void Reasons_add_up_to_every_point_lost()
    {
        var s = Score(Park(
            news: [Item(Section.News, "2026-01-01")],
            indicators: [new IndicatorReport(2023, true, null, [Entry("a"), Entry("b", value: null)], "parks/p/indicators/2023.yaml")],
            listings: [Listing("2026-01-01", "2026-02-01")],
            polluters: [Polluter("parks/p/polluters/a.yaml", null, basic: false)]));
        AssertReasonsExplainEveryLostPoint(s);
        Assert.All(s.Reasons, r => Assert.True(r.PointsLost > 0));
    }

    [Fact]
    public void The_total_is_the_sum_of_the_unrounded_parts_and_rounds_to_one_decimal()
    {
        var catalog = Enumerable.Range(0, 22).Select(i => "i" + i).ToList();
        var report = new IndicatorReport(2025, true, null, catalog.Take(8).Select(id => Entry(id)).ToList(), "parks/p/indicators/2025.yaml");
        var s = Completeness.Score(Config, Park(indicators: [report]), catalog);
        Assert.Equal(20.0 * 8 / 22, s.Total, 12);
        Assert.Equal(7.3, Completeness.Round(s.Total));
    }

    [Fact]
    public void The_site_ranks_parks_by_score_and_averages_each_category()
    {
        var site = new Site(Config, [Park() with { Id = "empty" }, Park(news: [Item(Section.News, "2026-11-29")]) with { Id = "fresh" }]);
        var scores = new SiteCompleteness(site.Parks.Select(p => Completeness.Score(Config, p, Catalog)).ToList());
        Assert.Equal(["fresh", "empty"], scores.Ranked.Select(p => p.ParkId));
        Assert.Equal(10, scores.Average);
        Assert.Equal(10, scores.CategoryAverage(CompletenessCategory.News));
        Assert.Equal(0, scores.CategoryAverage(CompletenessCategory.Polluters));
    }

    [Fact]
    public void Declared_key_polluting_units_are_the_denominator_and_a_missing_disclosure_scores_zero()
    {
        // Issue 15: six enterprises, two declared key polluting units, one (complete) disclosure: 10 of 20.
        var enterprises = new[] { Company("a", key: true), Company("b"), Company("c", key: true), Company("d"), Company("e"), Company("f") };
        var s = Score(Park(polluters: [Polluter("parks/p/polluters/a.yaml", 2025)]) with { Enterprises = enterprises });
        Assert.Equal(10, s.Part(CompletenessCategory.Polluters).Points, 9);
        var reason = Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Polluters);
        Assert.Equal(ReasonKind.PolluterMissing, reason.Kind);
        Assert.Equal(10, reason.PointsLost, 9);
        Assert.Equal("polluters: the key polluting unit Demo c has no disclosure (parks/p/polluters/c.yaml) (−10.0 points)", reason.Text("en"));
        Assert.Contains("示例c公司", reason.Text("zh"));
        AssertReasonsExplainEveryLostPoint(s);
    }

    [Fact]
    public void Without_declared_units_every_polluter_file_counts_as_before()
    {
        var s = Score(Park(polluters: [Polluter("parks/p/polluters/a.yaml", 2025)]) with { Enterprises = [Company("a"), Company("b")] });
        Assert.Equal(20, s.Part(CompletenessCategory.Polluters).Points, 9);
    }

    [Fact]
    public void A_file_of_an_enterprise_not_declared_does_not_count_once_units_are_declared()
    {
        var park = Park(polluters: [Polluter("parks/p/polluters/a.yaml", 2025), Polluter("parks/p/polluters/b.yaml", 2025)])
            with { Enterprises = [Company("a"), Company("b"), Company("c", key: true)] };
        var s = Score(park);
        Assert.Equal(0, s.Part(CompletenessCategory.Polluters).Points, 9);
        Assert.Equal(["c"], KeyPollutingUnits.Of(park).Select(u => u.EnterpriseId));
        Assert.Equal(ReasonKind.PolluterMissing, Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Polluters).Kind);
    }

    [Theory]
    // Order 24 has last year's annual report disclosed by 15 March: before (and on) that day the report of the
    // year before last is the newest due; from 16 March last year's is.
    [InlineData("2026-03-14", 2024, 20)]
    [InlineData("2026-03-15", 2024, 20)]
    [InlineData("2026-03-16", 2024, 10)]
    [InlineData("2026-01-01", 2024, 20)]
    [InlineData("2026-01-01", 2023, 10)]
    [InlineData("2026-11-29", 2025, 20)]
    public void A_polluter_report_is_halved_only_once_the_15_March_deadline_of_a_newer_report_has_passed(string today, int reportYear, double points)
    {
        var config = Config with { Today = DateOnly.Parse(today) };
        var s = Completeness.Score(config, Park(polluters: [Polluter("parks/p/polluters/a.yaml", reportYear)]), Catalog);
        Assert.Equal(points, s.Part(CompletenessCategory.Polluters).Points, 9);
    }

    [Fact]
    public void An_overdue_report_says_which_report_was_due_and_by_when()
    {
        var config = Config with { Today = new DateOnly(2026, 3, 16) };
        var s = Completeness.Score(config, Park(polluters: [Polluter("parks/p/polluters/a.yaml", 2024)]), Catalog);
        var reason = Assert.Single(s.Reasons, r => r.Category == CompletenessCategory.Polluters);
        Assert.Equal("polluters: parks/p/polluters/a.yaml reports for 2024, but the 2025 report was due by 2026-03-15, so its share is halved (−10.0 points)", reason.Text("en"));
    }
}
