using EcoSite.Core.Output;

namespace EcoSite.Tests.Search;

/// <summary>
/// An incremental build tells an unchanged search document by a hash of what its text is made from, without reading an
/// article's body (docs/incremental.md, "The search index"). Whatever a document reads changes, in the article's own file
/// or elsewhere (an enterprise's name in enterprises.yaml, a translation added), the index changes with it and the
/// output equals a cold build byte for byte: a source hash that missed an input would keep the old index.
/// </summary>
public sealed class SearchDocumentInputsTests
{
    private const string Enterprises = """
        enterprises:
          - id: dm-steel
            name: {zh: 示例钢铁有限公司, en: "Demo Steel Co., Ltd."}
            credit_code: 91999001MA7QH0014G
            industry: {zh: 黑色金属冶炼和压延加工, en: Ferrous metal smelting}
          - id: dm-cement
            name: {zh: 示例建材有限公司, en: "Demo Building Materials Co., Ltd."}
            credit_code: 91999001MA7QH0022B
            industry: {zh: 水泥制造, en: Cement manufacturing}
        """;

    private static string Notice(string title = "园区年度计划", string date = "2026-03-02", string kind = "plan", string summary = "园区发布年度工作计划。",
        string attachment = "media/plan.pdf", string body = "年度重点任务：固废综合利用。") =>
        $"---\ntitle: {title}\ndate: {date}\nkind: {kind}\nsummary: {summary}\nattachments: [{attachment}]\n---\n{body}\n";

    private static string Case(string enterprise = "dm-steel", string technology = "{zh: 钢渣微粉, en: Steel slag powder}", string body = "钢渣制成微粉，用于水泥。") =>
        $"---\ntitle: 钢渣综合利用\ndate: 2025-12-15\nenterprise: {enterprise}\ntechnology: {technology}\nbenefits:\n  co2_reduced_t: 800\n---\n{body}\n";

    private static TestSite Site()
    {
        var site = new TestSite()
            .With("parks/demo/enterprises.yaml", Enterprises)
            .With("parks/demo/media/plan.pdf", "%PDF-1.4 plan\n")
            .With("parks/demo/media/budget.pdf", "%PDF-1.4 budget\n")
            .With("parks/demo/news/2026-03-02-plan.md", Notice())
            .With("parks/demo/cases/slag.md", Case());
        for (var i = 1; i <= 6; i++)
            site.With($"parks/demo/news/2026-11-{i:00}-item.md", $"---\ntitle: 消息{i}\ndate: 2026-11-{i:00}\n---\n第{i}条消息，粉煤灰{i}吨。\n");
        return site;
    }

    public static TheoryData<string, string, string?> Inputs() => new()
    {
        { "title", "parks/demo/news/2026-03-02-plan.md", Notice(title: "园区年度计划（修订）") },
        { "summary", "parks/demo/news/2026-03-02-plan.md", Notice(summary: "园区发布年度工作计划修订稿。") },
        { "body", "parks/demo/news/2026-03-02-plan.md", Notice(body: "年度重点任务：再生水回用。") },
        { "attachment", "parks/demo/news/2026-03-02-plan.md", Notice(attachment: "media/budget.pdf") },
        { "kind", "parks/demo/news/2026-03-02-plan.md", Notice(kind: "notice") },
        { "date", "parks/demo/news/2026-03-02-plan.md", Notice(date: "2026-03-03") },
        { "case enterprise", "parks/demo/cases/slag.md", Case(enterprise: "dm-cement") },
        { "case technology", "parks/demo/cases/slag.md", Case(technology: "{zh: 钢渣砖, en: Steel slag bricks}") },
        { "case body", "parks/demo/cases/slag.md", Case(body: "钢渣制成微粉，用于水泥和混凝土。") },
        { "enterprise name, the article unchanged", "parks/demo/enterprises.yaml", Enterprises.Replace("示例钢铁有限公司", "示例特钢有限公司", StringComparison.Ordinal).Replace("Demo Steel", "Demo Special Steel", StringComparison.Ordinal) },
        { "a translation added", "parks/demo/news/2026-03-02-plan.en.md", Notice(title: "Annual plan", summary: "The park's annual plan.", body: "Key tasks: solid waste use.") },
        { "a deleted article", "parks/demo/news/2026-11-03-item.md", null },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_change_to_any_input_of_a_search_document_changes_the_index_as_a_cold_build_does(string input, string file, string? text)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var before = Index(site);
        if (text is null) site.Without(file);
        else site.With(file, text);

        var result = site.Build();

        Assert.True(result.Success, input);
        Assert.False(before.SequenceEqual(Index(site)), $"{input}: the search index did not change");
        site.AssertOutputEqualsColdBuild();
    }

    /// <summary>Every file of both languages' indexes, with a digest of its bytes.</summary>
    private static List<string> Index(TestSite site) =>
        TestSite.Snapshot(Path.Combine(site.Output, "search-index"))
            .Select(f => f.Key + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Value))).ToList();
    [Fact]
    public void Each_news_kind_is_indexed_under_its_theme_string()
    {
        foreach (var kind in Enum.GetValues<EcoSite.Core.Model.NewsKind>())
            Assert.Equal("kind_" + kind.ToString().ToLowerInvariant(), EcoSite.Core.Render.SiteSearch.KindKey(kind));
        Assert.Equal("kind_7", EcoSite.Core.Render.SiteSearch.KindKey((EcoSite.Core.Model.NewsKind)7));
    }
}
