namespace EcoSite.Core.Model;

/// <summary>A category of the standard's indicators (HJ 274-2015 has five).</summary>
internal sealed record StandardCategory(string Id, LocalizedText Name);

/// <summary>
/// An indicator of the catalog: a stable id, its names and the category it belongs to, and what the standard says
/// about it where a source gives it: unit, direction, the national requirement with the clause it is cited from,
/// whether it is mandatory (null: not sourced). The embedded catalog leaves unsourced facts empty.
/// </summary>
internal sealed record StandardIndicator(string Id, string Category, LocalizedText Name, LocalizedText? Unit)
{
    /// <summary><c>higher</c> or <c>lower</c> is better; null when not sourced.</summary>
    public string? Direction { get; init; }

    /// <summary>The standard's requirement (same syntax as a target); never without <see cref="Clause"/>.</summary>
    public Targets.Target? Requirement { get; init; }

    /// <summary>Where <see cref="Requirement"/> and <see cref="Mandatory"/> come from, e.g. a table and row of the standard.</summary>
    public string? Clause { get; init; }

    /// <summary>True for 必选 indicators, false for 可选; null when not sourced.</summary>
    public bool? Mandatory { get; init; }
}

/// <summary>
/// The indicators a park may report (content-format.md section 8): the embedded HJ 274-2015 catalog, or a site's
/// own content/indicators.yaml which extends it (same ids override) or, with <c>replace: true</c>, replaces it.
/// </summary>
internal sealed record IndicatorStandard(string? Standard, IReadOnlyList<StandardCategory> Categories, IReadOnlyList<StandardIndicator> Indicators)
{
    public static IndicatorStandard Empty { get; } = new(null, [], []);

    public StandardIndicator? Find(string id) => Lookup.By(Indicators, i => i.Id).GetValueOrDefault(id);

    public StandardCategory? FindCategory(string id) => Lookup.By(Categories, c => c.Id).GetValueOrDefault(id);

    /// <summary>This catalog with <paramref name="site"/>'s categories and indicators added; equal ids take the site's entry.</summary>
    public IndicatorStandard Extend(IndicatorStandard site)
    {
        var categories = Categories.Where(c => site.FindCategory(c.Id) is null).Concat(site.Categories).ToList();
        var indicators = Indicators.Where(i => site.Find(i.Id) is null).Concat(site.Indicators).ToList();
        return new IndicatorStandard(site.Standard ?? Standard, categories, indicators);
    }
}
