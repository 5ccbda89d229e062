using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Checks;

/// <summary>
/// The rules government websites are inspected against (政府网站与政务新媒体检查指标, 2019; reference/identifiers.md):
/// blank columns, stale columns and untranslated pages, as warnings. Undated items are errors of the loader, and
/// broken links, anchors and images are found after rendering by <see cref="LinkChecker"/>.
/// </summary>
internal static class Inspection
{
    public static IEnumerable<Diagnostic> Run(Site site)
    {
        foreach (var park in site.Parks)
        {
            foreach (var d in BlankColumns(park)) yield return d;
            foreach (var d in StaleColumns(site.Config, park)) yield return d;
            foreach (var d in Untranslated(site.Config, park)) yield return d;
        }
    }

    // A column with no content is blank; 5 or more blank columns veto a government website.
    private static IEnumerable<Diagnostic> BlankColumns(Park park)
    {
        var empty = new List<(string Folder, string What)>();
        if (park.News.Count == 0) empty.Add(("news", "news item, notice, plan or report (news/*.md)"));
        if (park.Indicators.Count == 0) empty.Add(("indicators", "indicator report (indicators/<year>.yaml)"));
        if (park.Cases.Count == 0) empty.Add(("cases", "case (cases/*.md)"));
        if (park.Waste.Count == 0 && park.Listings.Count == 0) empty.Add(("waste", "year of waste flows (waste/<year>.yaml) or exchange listing (exchange/*.yaml)"));
        if (park.Polluters.Count == 0) empty.Add(("polluters", "key polluting unit (polluters/<enterprise-id>.yaml)"));
        foreach (var (folder, what) in empty)
            yield return ReferenceChecks.Make(Codes.BlankColumn, $"parks/{park.Id}/{folder}", SourcePos.File,
                $"the '{folder}' column of park '{park.Id}' is blank: publish at least one {what}. Inspections count a column without content as blank, and the completeness score gives it 0 of 20.");
    }

    // 动态/要闻 are stale after freshness.news days, 通知公告 and plans after freshness.notices days.
    private static IEnumerable<Diagnostic> StaleColumns(SiteConfig config, Park park)
    {
        var columns = new[]
        {
            (Name: "news", Kinds: new[] { NewsKind.News, NewsKind.Report }, Window: config.Freshness.News, Setting: "freshness.news"),
            (Name: "notices and plans", Kinds: new[] { NewsKind.Notice, NewsKind.Plan }, Window: config.Freshness.Notices, Setting: "freshness.notices"),
        };
        foreach (var column in columns)
        {
            // The newest dated item of the column, the first slug of equal dates: one pass (asked of every park in every build).
            Article? newest = null;
            foreach (var a in park.News)
                if (a.Date is { } d && column.Kinds.Contains(a.Primary.Kind)
                    && (newest is null || d > newest.Date!.Value || (d == newest.Date!.Value && string.CompareOrdinal(a.Slug, newest.Slug) < 0)))
                    newest = a;
            if (newest?.Date is not { } date) continue;
            var age = config.Today.DayNumber - date.DayNumber;
            if (age <= column.Window) continue;
            yield return ReferenceChecks.Make(Codes.StaleColumn, newest.Primary.File, SourcePos.File,
                $"the {column.Name} column of park '{park.Id}' is stale: its newest item ({date:yyyy-MM-dd}) is {age} days old, more than {column.Setting} ({column.Window} days). Publish a new item.");
        }
    }

    // Every page should exist in every language; the missing one falls back to the default text, marked.
    private static IEnumerable<Diagnostic> Untranslated(SiteConfig config, Park park)
    {
        foreach (var article in park.News.Concat(park.Cases).Concat(park.Pages))
        {
            // Nearly every article has every language: the list of the missing ones is made only when one is.
            if (HasEvery(article, config.Languages)) continue;
            var missing = config.Languages.Where(l => article.In(l) is null).ToList();
            var names = missing.Select(l => l == config.DefaultLanguage ? $"{article.Slug}.md" : $"{article.Slug}.{l}.md");
            // Stryker disable once String : only zh and en are supported, so at most one language is missing and no separator shows
            var (languages, files) = (string.Join(", ", missing), string.Join(", ", names));
            yield return ReferenceChecks.Make(Codes.Untranslated, article.Primary.File, SourcePos.File,
                $"'{article.Slug}' has no {languages} version ({files}); that page shows the {article.Primary.Lang} text, marked as untranslated.");
        }
    }

    private static bool HasEvery(Article article, IReadOnlyList<string> languages)
    {
        for (var i = 0; i < languages.Count; i++)
            if (article.In(languages[i]) is null) return false;
        return true;
    }
}
