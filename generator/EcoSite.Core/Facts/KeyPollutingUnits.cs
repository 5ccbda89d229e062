using EcoSite.Core.Model;

namespace EcoSite.Core.Facts;

/// <summary>
/// A key polluting unit a park must disclose (the denominator of category 5) and its disclosure, null when no
/// polluters/&lt;id&gt;.yaml is published for it. <see cref="Enterprise"/> is null only for a file whose enterprise
/// is not in enterprises.yaml (which the checks report as an error, so a checked site never has one).
/// </summary>
internal sealed record KeyPollutingUnit(string EnterpriseId, Enterprise? Enterprise, PolluterReport? Report, string ExpectedFile)
{
    public bool IsMissing => Report is null;
}

/// <summary>
/// Which units count in category 5 (content-format.md v2 sections 6 and 11), and when their annual report is due.
/// </summary>
internal static class KeyPollutingUnits
{
    /// <summary>
    /// The enterprises with <c>key_polluter: true</c>, each with its disclosure or none; where a park declares none,
    /// each polluter file is a unit (the version 1 rule), in file order. Declared units are in enterprise id order.
    /// </summary>
    public static IReadOnlyList<KeyPollutingUnit> Of(Park park)
    {
        string Expected(string id) => $"parks/{park.Id}/polluters/{id}.yaml";
        var declared = park.Enterprises.Where(e => e.KeyPolluter).ToList();
        if (declared.Count == 0)
            return park.Polluters.OrderBy(p => p.File, StringComparer.Ordinal)
                .Select(p => new KeyPollutingUnit(p.Enterprise.Id, park.FindEnterprise(p.Enterprise.Id), p, p.File)).ToList();
        return declared.OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new KeyPollutingUnit(e.Id, e, park.Polluters.FirstOrDefault(p => p.Enterprise.Id == e.Id), Expected(e.Id))).ToList();
    }

    /// <summary>
    /// The newest report year a unit must have published by <paramref name="today"/>. 企业环境信息依法披露管理办法
    /// (生态环境部令第24号, 2021; chapter 3 披露内容和时限) has the annual report for a calendar year disclosed by 15 March
    /// of the next year: until then the report of the year before last is still the newest one due.
    /// </summary>
    public static int DueYear(DateOnly today) => today > Deadline(today.Year) ? today.Year - 1 : today.Year - 2;

    /// <summary>The day by which the report of <c>year - 1</c> is due: 15 March of <paramref name="year"/>.</summary>
    public static DateOnly Deadline(int year) => new(year, 3, 15);
}
