namespace EcoSite.Core.Render.Views;

/// <summary>A park's completeness on its page: score, badge, the five parts and every reason for lost points.</summary>
internal sealed record CompletenessView(
    string Score,
    string BadgeUrl,
    string BadgeAlt,
    IReadOnlyList<CompletenessPartView> Parts,
    IReadOnlyList<string> Reasons);

/// <summary>One category's points, shown to one decimal out of 20.</summary>
internal sealed record CompletenessPartView(string Key, string Title, string Points);

/// <summary>The regional portal: parks ranked by score, each category's average across parks and the 2020 reference.</summary>
internal sealed record PortalView(
    string Average,
    string BadgeUrl,
    string BadgeAlt,
    IReadOnlyList<string> CategoryTitles,
    IReadOnlyList<RankingRowView> Ranking,
    RawHtml Chart,
    IReadOnlyList<CategoryAverageView> Averages,
    string NationalAverage,
    string NationalNote);

internal sealed record RankingRowView(int Rank, string Name, string NameLang, string Url, string Score, IReadOnlyList<string> Parts);

internal sealed record CategoryAverageView(string Title, string Average, string National2020);
