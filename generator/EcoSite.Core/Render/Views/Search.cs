namespace EcoSite.Core.Render.Views;

/// <summary>
/// The search page: the form (query, park and category, and the exchange listings' kind, material and hazardous
/// class), the box the client fills, and, for browsers without JavaScript, every indexed page by park and category.
/// </summary>
internal sealed record SearchView(
    string Heading,
    string Intro,
    string FormUrl,
    string ScriptUrl,
    string IndexUrl,
    string Root,
    IReadOnlyList<OptionView> Parks,
    IReadOnlyList<OptionView> Categories,
    IReadOnlyList<OptionView> Kinds,
    IReadOnlyList<OptionView> Materials,
    IReadOnlyList<OptionView> Hazards,
    IReadOnlyList<SearchParkView> Browse,
    IReadOnlyList<FactView> Messages);

internal sealed record OptionView(string Value, string Label);

internal sealed record SearchParkView(string Anchor, string Name, IReadOnlyList<SearchCategoryView> Categories);

internal sealed record SearchCategoryView(string Label, IReadOnlyList<SearchItemView> Items);

internal sealed record SearchItemView(string Title, string Url, string? Date, string? DateText, string? HtmlLang);
