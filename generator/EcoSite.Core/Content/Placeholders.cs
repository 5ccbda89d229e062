using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// The texts <c>ecosite new</c> writes for the editor to replace (content-format.md section 11: an item still holding
/// one is not a valid item: it scores nothing and is warned). The scaffold templates take their texts from here, so
/// what is written and what is recognised cannot drift apart. Each text is long and specific enough never to be
/// real content.
/// </summary>
internal static class Placeholders
{
    public const string TitleZh = "请填写标题";
    public const string TitleEn = "Title to fill in";
    public const string BodyZh = "正文从这里开始。";
    public const string BodyEn = "The text starts here.";
    public const string CaseTitleZh = "请填写案例标题";
    public const string CaseTitleEn = "Case title to fill in";
    public const string TechnologyZh = "请填写技术名称";
    public const string TechnologyEn = "Technology name to fill in";
    public const string CaseBodyZh = "介绍做法、效果和可推广的经验要点。";
    public const string CaseBodyEn = "Describe what was done, the results, and the lessons other parks can use.";
    public const string MaterialZh = "请填写物料名称";
    public const string MaterialEn = "Material name to fill in";
    public const string ParkNameZh = "待填写园区名称";
    public const string ParkNameEn = "Park name to fill in";
    public const string EnterpriseNameZh = "待填写企业名称";
    public const string EnterpriseNameEn = "Enterprise name to fill in";
    public const string WasteNameZh = "请填写固体废物名称";
    public const string WasteNameEn = "Waste name to fill in";
    public const string Order24Zh = "请按企业环境信息依法披露报告填写";
    public const string Order24En = "Fill in from the disclosure report";

    public static readonly IReadOnlyList<string> All =
    [
        TitleZh, TitleEn, BodyZh, BodyEn, CaseTitleZh, CaseTitleEn, TechnologyZh, TechnologyEn, CaseBodyZh, CaseBodyEn,
        MaterialZh, MaterialEn, ParkNameZh, ParkNameEn, EnterpriseNameZh, EnterpriseNameEn, WasteNameZh, WasteNameEn,
        Order24Zh, Order24En,
    ];

    /// <summary>
    /// Warns at each placeholder in a content file's text, outside comment lines (the scaffolds' comments explain
    /// the fields and must not be reported). Called once for every file read (SourceText.ReadNonEmpty).
    /// </summary>
    public static void Report(string text, string relPath, DiagnosticBag diagnostics)
    {
        // Nearly every file holds none: one search of the whole text each, before splitting it into lines.
        if (!In(text.AsSpan())) return;
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            if (raw.TrimStart().StartsWith('#')) continue;
            foreach (var placeholder in All)
            {
                var at = raw.IndexOf(placeholder, StringComparison.Ordinal);
                if (at < 0) continue;
                diagnostics.Add(Codes.PlaceholderLeft, relPath, new SourcePos(line, at + 1),
                    $"'{placeholder}' is the text 'ecosite new' wrote for you to replace; until it is replaced this item scores nothing. Write the real text here.");
            }
        }
    }

    public static bool In(string? text) => !string.IsNullOrEmpty(text) && In(text.AsSpan());

    // Every placeholder searched for at once (asked of every title of the site when its completeness is scored).
    private static readonly System.Buffers.SearchValues<string> AllValues = System.Buffers.SearchValues.Create([.. All], StringComparison.Ordinal);

    public static bool In(ReadOnlySpan<char> text) => text.ContainsAny(AllValues);

    public static bool In(LocalizedText? text) => text is not null && text.Values.Any(v => In(v.Value));

    /// <summary>A news item or case any of whose language versions still holds a placeholder (title, body or technology).</summary>
    public static bool In(Article article) =>
        article.Versions.Any(v => In(v.Title) || v.PlaceholderInBody || In(v.Case?.Technology));

    public static bool In(Listing listing) => In(listing.Material);
}
