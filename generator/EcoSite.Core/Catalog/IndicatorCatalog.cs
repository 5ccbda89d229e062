namespace EcoSite.Core.Catalog;

/// <summary>An indicator of the HJ 274-2015 catalog: its stable id and the standard's category it belongs to.</summary>
public sealed record CatalogIndicator(string Id, string Category);

/// <summary>
/// The HJ 274-2015 indicator catalog (reference/hj274-2015-indicators.yaml, content-format.md section 8).
/// <see cref="Default"/> holds the ids shipped with EcoSite; the names live with the embedded catalog file.
/// Shared by the indicator checks and the completeness rubric (section 11: "share of the catalog's indicators").
/// </summary>
public sealed class IndicatorCatalog
{
    public IndicatorCatalog(IEnumerable<CatalogIndicator> indicators)
    {
        Indicators = indicators.ToList();
        _ids = Indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _ids;

    public IReadOnlyList<CatalogIndicator> Indicators { get; }

    public int Count => Indicators.Count;

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>The 22 indicators of HJ 274-2015 transcribed so far, in the standard's order.</summary>
    public static IndicatorCatalog Default { get; } = new(
    [
        new("high-tech-output-share", "economy"),
        new("value-added-per-capita", "economy"),
        new("value-added-growth-3y", "economy"),
        new("recycling-industry-share", "economy"),
        new("new-eco-chain-projects", "symbiosis"),
        new("solid-waste-utilisation", "symbiosis"),
        new("renewable-resource-recycling", "symbiosis"),
        new("value-added-per-land", "resources"),
        new("value-added-per-land-growth-3y", "resources"),
        new("energy-elasticity", "resources"),
        new("energy-intensity", "resources"),
        new("renewable-energy-share", "resources"),
        new("fresh-water-elasticity", "resources"),
        new("fresh-water-intensity", "resources"),
        new("industrial-water-reuse", "resources"),
        new("reclaimed-water-reuse", "resources"),
        new("key-sources-compliant", "environment"),
        new("emission-caps-met", "environment"),
        new("major-incidents", "environment"),
        new("environmental-management", "environment"),
        new("cleaner-production-audits", "environment"),
        new("info-platform-completeness", "disclosure"),
    ]);
}
