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
    public void Of_stale_items_of_one_date_the_first_slug_is_named_and_a_newer_item_of_another_column_is_not()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-09-01-b.md", Md("乙", "2026-09-01"))
            .With("parks/demo/news/2026-09-01-a.md", Md("甲", "2026-09-01"))
            .With("parks/demo/news/2026-08-01-c.md", Md("丙", "2026-08-01"))
            .With("parks/demo/news/2026-11-28-n.md", Md("通知", "2026-11-28", "notice"));
        var stale = Assert.Single(site.Check().Diagnostics, d => d.Code == "ECO202");
        Assert.Equal("parks/demo/news/2026-09-01-a.md", stale.File);
        Assert.Contains("(2026-09-01) is 89 days old", stale.Message);
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

    [Theory]
    [InlineData("news", "news item, notice, plan or report (news/*.md)")]
    [InlineData("indicators", "indicator report (indicators/<year>.yaml)")]
    [InlineData("cases", "case (cases/*.md)")]
    [InlineData("waste", "year of waste flows (waste/<year>.yaml) or exchange listing (exchange/*.yaml)")]
    [InlineData("polluters", "key polluting unit (polluters/<enterprise-id>.yaml)")]
    public void A_blank_column_warning_says_what_to_publish_there(string folder, string what)
    {
        using var site = new TestSite();
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO201", $"parks/demo/{folder}", 0);
        Assert.StartsWith($"the '{folder}' column of park 'demo' is blank: publish at least one {what}.", d.Message);
    }

    [Fact]
    public void An_exchange_listing_alone_fills_the_waste_column()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-power\n    name: {zh: 示例电厂, en: Demo Power}\n")
            .With("parks/demo/exchange/gypsum.yaml",
                "kind: supply\ncategory: by-product\nenterprise: demo-power\nmaterial: {zh: 脱硫石膏, en: FGD gypsum}\nquantity: 800\nunit: t\n" +
                "frequency: continuous\nposted: 2026-11-05\nvalid_until: 2027-05-05\ncontact: {name: {zh: 赵工, en: Eng. Zhao}, phone: \"0000-0000000\"}\n");
        var result = site.Check();
        Assert.Equal(0, result.Errors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ECO201" && d.File == "parks/demo/waste");
        DiagnosticAssert.Has(result.Diagnostics, "ECO201", "parks/demo/cases", 0);
    }

    [Fact]
    public void A_case_written_only_in_english_is_untranslated_and_names_the_default_language_file()
    {
        using var site = new TestSite().With("parks/demo/cases/slag.en.md", Md("Slag reuse", "2026-11-01"));
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO206", "parks/demo/cases/slag.en.md", 0);
        Assert.Equal("'slag' has no zh version (slag.md); that page shows the en text, marked as untranslated.", d.Message);
    }
}
