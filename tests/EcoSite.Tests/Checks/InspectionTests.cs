namespace EcoSite.Tests.Checks;

/// <summary>Government website inspection rules (reference/identifiers.md, last section) as build warnings.</summary>
public sealed class InspectionTests
{
    private static string Md(string title, string date, string kind = "news") => $"---\ntitle: {title}\ndate: {date}\nkind: {kind}\n---\n正文。\n";

    [Fact]
    public void Every_category_without_content_is_a_blank_column_warning()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", Md("甲", "2026-11-28")).With("parks/demo/news/2026-11-28-a.en.md", Md("A", "2026-11-28"));
        var result = site.Check();
        Assert.Equal(0, result.Errors);
        foreach (var folder in new[] { "indicators", "cases", "waste", "polluters" })
            DiagnosticAssert.Has(result.Diagnostics, "ECO201", $"parks/demo/{folder}", 0);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ECO201" && d.File == "parks/demo/news");
    }

    [Fact]
    public void News_older_than_the_news_window_is_a_stale_column_at_the_newest_item()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-09-01-old.md", Md("旧闻", "2026-09-01"))
            .With("parks/demo/news/2026-08-01-older.md", Md("更旧", "2026-08-01"));
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO202", "parks/demo/news/2026-09-01-old.md", 0);
        Assert.Contains("89 days", d.Message);
    }

    [Fact]
    public void A_notice_uses_the_notices_window_not_the_news_window()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-09-01-notice.md", Md("通知", "2026-09-01", "notice"))
            .With("parks/demo/news/2026-11-28-news.md", Md("新闻", "2026-11-28"));
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code == "ECO202");

        using var stale = new TestSite().With("parks/demo/news/2026-03-01-plan.md", Md("计划", "2026-03-01", "plan"));
        DiagnosticAssert.Has(stale.Check().Diagnostics, "ECO202", "parks/demo/news/2026-03-01-plan.md", 0);
    }

    [Fact]
    public void Freshness_from_site_yaml_changes_when_a_column_is_stale()
    {
        using var site = new TestSite()
            .With("site.yaml", TestSite.SiteYaml + "\nfreshness: {news: 120}\n")
            .With("parks/demo/news/2026-09-01-old.md", Md("旧闻", "2026-09-01"));
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code == "ECO202");
    }

    [Fact]
    public void An_article_missing_a_language_is_one_untranslated_warning_naming_its_file()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-11-28-a.md", Md("甲", "2026-11-28"))
            .With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n简介。\n")
            .With("parks/demo/cases/done.md", Md("案例", "2026-11-01")).With("parks/demo/cases/done.en.md", Md("Case", "2026-11-01"));
        var result = site.Check();
        var untranslated = result.Diagnostics.Where(d => d.Code == "ECO206").ToList();
        Assert.Equal(2, untranslated.Count);
        Assert.Contains("2026-11-28-a.en.md", DiagnosticAssert.Has(result.Diagnostics, "ECO206", "parks/demo/news/2026-11-28-a.md", 0).Message);
        DiagnosticAssert.Has(result.Diagnostics, "ECO206", "parks/demo/pages/about.md", 0);
    }

    [Fact]
    public void The_sample_content_builds_with_inspection_warnings_and_no_errors()
    {
        var result = EcoSite.Core.SiteBuilder.Check(new EcoSite.Core.BuildOptions(TestSite.SampleContent, "", new EcoSite.Core.Content.BuildClock(null, () => DateTimeOffset.UnixEpoch)));
        Assert.Equal(0, result.Errors);
        DiagnosticAssert.Has(result.Diagnostics, "ECO201", "parks/lanshan/cases", 0);
    }
}
