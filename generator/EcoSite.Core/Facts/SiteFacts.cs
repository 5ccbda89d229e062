using EcoSite.Core.Checks;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Targets;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Facts;

/// <summary>
/// Stage 3: everything derived from a checked site, computed once and read by every page, the open data, the feeds,
/// the CLI reports and the build manifest: completeness scores with their reasons, exchange matches, indicator
/// compliance, emission exceedances, and per-park aggregates. Later stages read these facts; none recomputes them.
/// </summary>
internal sealed class SiteFacts
{
    private readonly Dictionary<string, ParkFacts> _parks;
    private readonly Dictionary<IndicatorEntry, Compliance> _compliance;
    private readonly Dictionary<IndicatorEntry, Compliance?> _national;

    private SiteFacts(CheckedSite checkedSite, FederatedExports imports)
    {
        Site = checkedSite.Site;
        Routes = new Routes(Site.Config);
        Imports = imports;
        Matches = ExchangeMatcher.Match(Site, imports);
        var catalog = Facts.Completeness.CatalogIds(Site);
        var units = Site.Parks.Select(KeyPollutingUnits.Of).ToList();
        Completeness = new SiteCompleteness(Site.Parks.Zip(units, (p, u) => Facts.Completeness.Score(Site.Config, p, catalog, u)).ToList());
        _compliance = new(ReferenceEqualityComparer.Instance);
        _national = new(ReferenceEqualityComparer.Instance);
        _parks = new(StringComparer.Ordinal);
        foreach (var ((park, score), keyPolluters) in Site.Parks.Zip(Completeness.Parks).Zip(units))
        {
            var indicators = park.Indicators.OrderBy(r => r.Year)
                .SelectMany(r => r.Values.Select(e => new IndicatorFact(park.Id, r, e, e.Compliance) { National = National(e) })).ToList();
            foreach (var i in indicators) (_compliance[i.Entry], _national[i.Entry]) = (i.Compliance, i.National);
            var exceedances = park.Polluters.OrderBy(p => p.Enterprise.Id, StringComparer.Ordinal)
                .SelectMany(p => p.Outlets.SelectMany(o => o.Pollutants.Where(x => x.OverLimit || x.OverPermittedTotal || x.Exceedances > 0)
                    .Select(x => new ExceedanceFact(park.Id, p, o, x))))
                .ToList();
            var benefits = park.Cases.Select(c => c.Primary.Case?.Benefits ?? Benefits.None).Aggregate(Benefits.None, (x, y) => x.Add(y));
            _parks[park.Id] = new ParkFacts(park, score, indicators, exceedances, benefits,
                park.Waste.OrderByDescending(w => w.Year).Select(WasteYearFacts.Of).ToList(), keyPolluters);
        }
        Parks = Site.Parks.Select(p => _parks[p.Id]).ToList();
    }

    public static SiteFacts Of(CheckedSite site) => new(site, FederatedExports.None);

    /// <summary>The facts of a site whose listings are also matched with other platforms' (site.yaml 'federation').</summary>
    public static SiteFacts Of(CheckedSite site, FederatedExports imports) => new(site, imports);

    /// <summary>What the command line reports; <paramref name="themeFolder"/> is the theme in use (null: the default).</summary>
    public SiteReport Report(string? themeFolder) =>
        new(Config.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Config.BaseUrl, themeFolder, Completeness);

    public Site Site { get; }

    public SiteConfig Config => Site.Config;

    /// <summary>Every address of the built site.</summary>
    public Routes Routes { get; }

    /// <summary>The HJ 274-2015 completeness of each park (section 11) and the platform's averages.</summary>
    public SiteCompleteness Completeness { get; }

    /// <summary>The other platforms' exports that could be read (section 5 'federation').</summary>
    public FederatedExports Imports { get; }

    /// <summary>The regional exchange: each listing's matches across parks (section 9) and with other platforms.</summary>
    public ExchangeMatches Matches { get; }

    /// <summary>The facts of each park, in the site's park order.</summary>
    public IReadOnlyList<ParkFacts> Parks { get; }

    public ParkFacts Park(string parkId) => _parks[parkId];

    /// <summary>An indicator value's compliance with the park's target (section 8), as computed once here.</summary>
    public Compliance Compliance(IndicatorEntry entry) => _compliance[entry];

    /// <summary>An indicator value against the standard's own requirement (the catalog's, with its clause); null where the catalog gives none.</summary>
    public Compliance? NationalCompliance(IndicatorEntry entry) => _national[entry];

    private Compliance? National(IndicatorEntry e) =>
        (e.IsCustom ? null : Site.Catalog.Find(e.Indicator)?.Requirement) is not { } requirement ? null
        : e.Value is { } v ? Target.ForValue(requirement, v) : Model.Targets.Compliance.NotReported;

    /// <summary>Region-wide: every pollutant over its limit or permitted total, or with exceedances reported, by park.</summary>
    public IEnumerable<ExceedanceFact> Exceedances => Parks.SelectMany(p => p.Exceedances);

    /// <summary>Region-wide: each park's indicators not meeting their target in its newest year.</summary>
    public IEnumerable<IndicatorFact> UnmetIndicators => Parks.SelectMany(p => p.Newest.Where(i => i.Compliance == Model.Targets.Compliance.NotMet));
}

/// <summary>One park's derived facts; <see cref="KeyPolluters"/> are the units category 5 counts (KeyPollutingUnits.Of).</summary>
internal sealed record ParkFacts(
    Park Park,
    CompletenessScore Score,
    IReadOnlyList<IndicatorFact> Indicators,
    IReadOnlyList<ExceedanceFact> Exceedances,
    Benefits Benefits,
    IReadOnlyList<WasteYearFacts> WasteYears,
    IReadOnlyList<KeyPollutingUnit> KeyPolluters)
{
    /// <summary>The newest reporting year of indicators; null when none is published.</summary>
    public int? NewestYear => Indicators.Count == 0 ? null : Indicators.Max(i => i.Report.Year);

    /// <summary>The indicator values of the newest year.</summary>
    public IEnumerable<IndicatorFact> Newest => Indicators.Where(i => i.Report.Year == NewestYear);

    /// <summary>Met, not met and without target among the newest year's values: a park's compliance summary.</summary>
    public (int Met, int NotMet, int NoTarget) ComplianceSummary =>
        (Newest.Count(i => i.Compliance == Compliance.Met), Newest.Count(i => i.Compliance == Compliance.NotMet), Newest.Count(i => i.Compliance == Compliance.NoTarget));

    /// <summary>The declared key polluting units without a disclosure, by enterprise id (named on the park page).</summary>
    public IEnumerable<KeyPollutingUnit> MissingDisclosures => KeyPolluters.Where(u => u.IsMissing);

    /// <summary>True when a polluter's disclosure shows any exceedance (section 10).</summary>
    public bool HasExceedance(PolluterReport p) => Exceedances.Any(e => ReferenceEquals(e.Polluter, p));
}

/// <summary>
/// An indicator value of one year with its computed compliance: <see cref="Compliance"/> against the park's own
/// target, <see cref="National"/> against the standard's requirement (null where the catalog gives none).
/// </summary>
internal sealed record IndicatorFact(string ParkId, IndicatorReport Report, IndicatorEntry Entry, Compliance Compliance)
{
    public Compliance? National { get; init; }
}

/// <summary>
/// A pollutant of a key polluting unit's outlet that exceeds: a measured concentration above its limit or a total
/// above its permit (an exceedance whatever the file counts), or exceedances the file reports.
/// </summary>
internal sealed record ExceedanceFact(string ParkId, PolluterReport Polluter, Outlet Outlet, Pollutant Pollutant);

/// <summary>Aggregates of one year of waste flows (section 9).</summary>
internal sealed record WasteYearFacts(WasteReport Report, IReadOnlyList<MaterialTotal> Totals, IReadOnlyList<UnitShare> InPark, string? MainUnit)
{
    public static WasteYearFacts Of(WasteReport w)
    {
        // Totals per material: the same material (any language, case folded) and unit add up.
        var totals = new List<MaterialTotal>();
        foreach (var f in w.Flows)
        {
            var i = totals.FindIndex(t => t.First.Unit == f.Unit && t.First.Material.SharesAnyText(f.Material));
            if (i < 0) totals.Add(new(f, f.Quantity));
            else totals[i] = totals[i] with { Sum = totals[i].Sum + f.Quantity };
        }
        // The share staying inside the park, per unit (quantities of different units do not add up), largest first.
        var shares = w.Flows.GroupBy(f => f.Unit).OrderByDescending(g => g.Sum(f => f.Quantity))
            .Select(g => new UnitShare(g.Key, g.Where(f => f.StaysInPark).Sum(f => f.Quantity), g.Sum(f => f.Quantity))).ToList();
        // The unit most flows use: the diagram draws those flows; flows of other units are in the table.
        var unit = w.Flows.GroupBy(f => f.Unit).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
        return new WasteYearFacts(w, totals, shares, unit);
    }
}

/// <summary>The total of one material in one unit; <see cref="First"/> is its first flow (name, unit, hazard).</summary>
internal sealed record MaterialTotal(WasteFlow First, double Sum);

/// <summary>Of all flows in <see cref="Unit"/>, how much stays inside the park.</summary>
internal sealed record UnitShare(string Unit, double Inside, double All)
{
    public double Percent => All > 0 ? Inside / All * 100 : 0;
}
