using System.Globalization;
using EcoSite.Core.Content;
using EcoSite.Core.Model;

namespace EcoSite.Core.Facts;

/// <summary>The five content categories of HJ 274-2015's information platform, in the standard's order.</summary>
public enum CompletenessCategory
{
    News,
    Indicators,
    Cases,
    Waste,
    Polluters,
}

/// <summary>One category's part of the score: <see cref="Points"/> = 20 x <see cref="Quality"/>, unrounded.</summary>
public sealed record CompletenessPart(CompletenessCategory Category, double Quality)
{
    public double Points => Completeness.CategoryPoints * Quality;

    public string Key => Completeness.Key(Category);
}

/// <summary>
/// Why points were lost, as facts (<see cref="Args"/>) that <see cref="Text"/> words in a language, so the park page
/// explains in Chinese and English and the CLI in English from one computation.
/// </summary>
public sealed record CompletenessReason(CompletenessCategory Category, ReasonKind Kind, double PointsLost, IReadOnlyList<string> Args)
{
    public string Text(string lang) => ReasonText.Format(this, lang);

    /// <summary>The reason as a public page says it: <paramref name="words"/> names files, indicators and dates.</summary>
    internal string Text(string lang, ReasonWords words) => ReasonText.Format(this, lang, words);
}

public enum ReasonKind
{
    /// <summary>No valid item: a blank column.</summary>
    Blank,
    /// <summary>Args: newest date, age in days, window in days.</summary>
    Stale,
    /// <summary>Args: year, catalog indicators reported with a value and a target, catalog size, ids.</summary>
    IndicatorsNotReported,
    /// <summary>Args: year, ids reported without a value or without a target.</summary>
    IndicatorsIncomplete,
    /// <summary>Args: newest year, last year.</summary>
    IndicatorsOld,
    /// <summary>Args: newest year of flows or "", last year.</summary>
    NoRecentFlows,
    /// <summary>Args: today, number of listings.</summary>
    NoActiveListing,
    /// <summary>Args: file, missing groups (comma separated group keys).</summary>
    PolluterGroupsMissing,
    /// <summary>Args: file, report year or "", the newest report year due, the day it was due (yyyy-MM-dd).</summary>
    PolluterOld,
    /// <summary>Args: enterprise id, the file expected, its name in Chinese, its name in English (each falling back to any).</summary>
    PolluterMissing,
}

/// <summary>A park's score: the five parts, the total and a reason for every point lost.</summary>
public sealed record CompletenessScore(string ParkId, IReadOnlyList<CompletenessPart> Parts, IReadOnlyList<CompletenessReason> Reasons)
{
    public double Total => Parts.Sum(p => p.Points);

    public CompletenessPart Part(CompletenessCategory c) => Parts[(int)c];
}

/// <summary>The platform's view: the parks' mean total and each category's mean (null without parks).</summary>
public sealed record SiteCompleteness(IReadOnlyList<CompletenessScore> Parks)
{
    public double? Average => Parks.Count == 0 ? null : Parks.Average(p => p.Total);

    public double? CategoryAverage(CompletenessCategory c) => Parks.Count == 0 ? null : Parks.Average(p => p.Part(c).Points);

    /// <summary>Highest score first; ties by park id, so the ranking is stable.</summary>
    public IReadOnlyList<CompletenessScore> Ranked =>
        Parks.OrderByDescending(p => Completeness.Round(p.Total)).ThenBy(p => p.ParkId, StringComparer.Ordinal).ToList();
}

/// <summary>
/// HJ 274-2015 生态工业信息平台完善程度, scored as content-format.md section 11 says: five categories of 20 points;
/// a category with no valid item scores 0 (a blank column), otherwise 20 x its quality. Parts stay unrounded;
/// <see cref="Round"/> is for display. docs/completeness.md explains the rubric to editors.
/// </summary>
public static class Completeness
{
    public const double CategoryPoints = 20;

    public static readonly IReadOnlyList<CompletenessCategory> Categories = Enum.GetValues<CompletenessCategory>();

    /// <summary>The 2020 survey of the 55 national eco-industrial parks (Shandong Institute of Science and Technology
    /// Development Strategy): average completeness 34.2%, and per category out of 20 in the standard's order.</summary>
    public const double NationalAverage2020 = 34.2;

    public static readonly IReadOnlyList<double> NationalCategories2020 = [14.0, 2.4, 0.7, 5.6, 11.5];

    public static string Key(CompletenessCategory c) => c switch
    {
        CompletenessCategory.News => "news",
        CompletenessCategory.Indicators => "indicators",
        CompletenessCategory.Cases => "cases",
        CompletenessCategory.Waste => "waste",
        _ => "polluters",
    };

    /// <summary>One decimal, halves away from zero, as the score is shown everywhere.</summary>
    public static double Round(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);

    /// <summary>The ids of the catalog indicators the site's parks report against (section 8), in catalog order.</summary>
    internal static IReadOnlyList<string> CatalogIds(Site site) => site.Catalog.Indicators.Select(i => i.Id).ToList();

    /// <param name="catalogIds">The catalog's indicator ids; custom indicators never count.</param>
    /// <param name="units">The park's key polluting units as <see cref="KeyPollutingUnits.Of"/> finds them (computed once by SiteFacts).</param>
    internal static CompletenessScore Score(SiteConfig config, Park park, IReadOnlyList<string> catalogIds, IReadOnlyList<KeyPollutingUnit>? units = null)
    {
        park = WithoutPlaceholders(park);
        var reasons = new List<CompletenessReason>();
        var parts = new[]
        {
            new CompletenessPart(CompletenessCategory.News, Recency(CompletenessCategory.News, park.News, config.Today, config.Freshness.News, reasons)),
            new CompletenessPart(CompletenessCategory.Indicators, Indicators(park, config.LastYear, catalogIds, reasons)),
            new CompletenessPart(CompletenessCategory.Cases, Recency(CompletenessCategory.Cases, park.Cases, config.Today, config.Freshness.Cases, reasons)),
            new CompletenessPart(CompletenessCategory.Waste, Waste(park, config.Today, config.LastYear, reasons)),
            new CompletenessPart(CompletenessCategory.Polluters, Polluters(units ?? KeyPollutingUnits.Of(park), config.Today, reasons)),
        };
        return new CompletenessScore(park.Id, parts, reasons.Where(r => r.PointsLost > 1e-9).ToList());
    }

    /// <summary>Section 11: an item still holding a text 'ecosite new' wrote for the editor to replace is not a valid
    /// item; it scores nothing (Placeholders warns at each such text).</summary>
    private static Park WithoutPlaceholders(Park park) => park with
    {
        News = park.News.Where(a => !Placeholders.In(a)).ToList(),
        Cases = park.Cases.Where(a => !Placeholders.In(a)).ToList(),
        Listings = park.Listings.Where(l => !Placeholders.In(l)).ToList(),
    };

    // 1 news, 3 cases: 1 if the newest item is within the window, else 0.5.
    private static double Recency(CompletenessCategory c, IReadOnlyList<Article> items, DateOnly today, int window, List<CompletenessReason> reasons)
    {
        var newest = items.Select(a => a.Date).Where(d => d is not null).Max();
        if (newest is not { } date) return Blank(c, reasons);
        var age = today.DayNumber - date.DayNumber;
        if (age <= window) return 1;
        reasons.Add(new(c, ReasonKind.Stale, CategoryPoints * 0.5, [Iso(date), Int(age), Int(window)]));
        return 0.5;
    }

    // 2 indicators: share of catalog indicators with a value and a target in the newest year; halved before last year.
    private static double Indicators(Park park, int lastYear, IReadOnlyList<string> catalog, List<CompletenessReason> reasons)
    {
        const CompletenessCategory c = CompletenessCategory.Indicators;
        if (park.Indicators.Count == 0 || catalog.Count == 0) return Blank(c, reasons);
        var ids = catalog.ToHashSet(StringComparer.Ordinal);
        var year = park.Indicators.Max(r => r.Year);
        var entries = park.Indicators.Where(r => r.Year == year).SelectMany(r => r.Values).Where(e => !e.IsCustom && ids.Contains(e.Indicator)).ToList();
        var complete = entries.Where(e => e.HasValue && !string.IsNullOrWhiteSpace(e.TargetText)).Select(e => e.Indicator).ToHashSet(StringComparer.Ordinal);
        var written = entries.Select(e => e.Indicator).ToHashSet(StringComparer.Ordinal);
        var each = CategoryPoints / catalog.Count;
        var incomplete = catalog.Where(id => written.Contains(id) && !complete.Contains(id)).ToList();
        var absent = catalog.Where(id => !written.Contains(id)).ToList();
        if (incomplete.Count > 0)
            reasons.Add(new(c, ReasonKind.IndicatorsIncomplete, each * incomplete.Count, [Int(year), string.Join(", ", incomplete)]));
        if (absent.Count > 0)
            reasons.Add(new(c, ReasonKind.IndicatorsNotReported, each * absent.Count, [Int(year), Int(complete.Count), Int(catalog.Count), string.Join(", ", absent)]));
        var share = (double)complete.Count / catalog.Count;
        if (year >= lastYear) return share;
        reasons.Add(new(c, ReasonKind.IndicatorsOld, CategoryPoints * share * 0.5, [Int(year), Int(lastYear)]));
        return share * 0.5;
    }

    // 4 waste: 0.5 for flows of last year or later, 0.5 for an exchange listing active today.
    private static double Waste(Park park, DateOnly today, int lastYear, List<CompletenessReason> reasons)
    {
        const CompletenessCategory c = CompletenessCategory.Waste;
        if (park.Waste.Count == 0 && park.Listings.Count == 0) return Blank(c, reasons);
        var quality = 0.0;
        if (park.Waste.Any(w => w.Year >= lastYear && w.Flows.Count > 0)) quality += 0.5;
        else
        {
            var newest = park.Waste.Where(w => w.Flows.Count > 0).Select(w => (int?)w.Year).Max();
            reasons.Add(new(c, ReasonKind.NoRecentFlows, CategoryPoints * 0.5, [newest is { } y ? Int(y) : "", Int(lastYear)]));
        }
        if (park.Listings.Any(l => l.IsActiveOn(today))) quality += 0.5;
        else reasons.Add(new(c, ReasonKind.NoActiveListing, CategoryPoints * 0.5, [Iso(today), Int(park.Listings.Count)]));
        return quality;
    }

    // 5 polluters: mean over the key polluting units of the share of the five groups filled; a unit without a
    // disclosure scores 0; a report older than the one due by 15 March (KeyPollutingUnits.DueYear) is halved.
    private static double Polluters(IReadOnlyList<KeyPollutingUnit> units, DateOnly today, List<CompletenessReason> reasons)
    {
        const CompletenessCategory c = CompletenessCategory.Polluters;
        if (units.Count == 0) return Blank(c, reasons);
        var weight = CategoryPoints / units.Count;
        var due = KeyPollutingUnits.DueYear(today);
        var deadline = Iso(KeyPollutingUnits.Deadline(due + 1));
        var sum = 0.0;
        foreach (var unit in units)
        {
            if (unit.Report is not { } p)
            {
                var name = unit.Enterprise?.Name;
                reasons.Add(new(c, ReasonKind.PolluterMissing, weight,
                    [unit.EnterpriseId, unit.ExpectedFile, name?.In("zh", "zh").Text ?? unit.EnterpriseId, name?.In("en", "en").Text ?? unit.EnterpriseId]));
                continue;
            }
            var missing = PolluterGroups.Where(g => !g.Filled(p)).Select(g => g.Key).ToList();
            var share = (PolluterGroups.Count - missing.Count) / (double)PolluterGroups.Count;
            if (missing.Count > 0)
                reasons.Add(new(c, ReasonKind.PolluterGroupsMissing, weight * (1 - share), [p.File, string.Join(",", missing)]));
            if (p.ReportYear is not { } year || year < due)
            {
                reasons.Add(new(c, ReasonKind.PolluterOld, weight * share * 0.5, [p.File, p.ReportYear is { } y ? Int(y) : "", Int(due), deadline]));
                share *= 0.5;
            }
            sum += share;
        }
        return sum / units.Count;
    }

    /// <summary>The five required groups of a polluter file (section 11); <c>other</c> is optional.</summary>
    internal static readonly IReadOnlyList<(string Key, Func<PolluterReport, bool> Filled)> PolluterGroups =
    [
        ("basic", p => p.Basic?.IsComplete == true),
        ("permit", p => !string.IsNullOrWhiteSpace(p.Permit) && p.Outlets.Any(o => o.Pollutants.Count > 0)),
        ("facilities", p => p.Facilities.Count > 0),
        ("approvals", p => p.Approvals.Count > 0),
        ("emergency_plan", p => p.EmergencyPlan?.Filed is not null),
    ];

    private static double Blank(CompletenessCategory c, List<CompletenessReason> reasons)
    {
        reasons.Add(new(c, ReasonKind.Blank, CategoryPoints, []));
        return 0;
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
