using EcoSite.Core.Checks.Identifiers;
using EcoSite.Core.Model;

namespace EcoSite.Core.Checks;

/// <summary>
/// The regional resource exchange (content-format.md section 9): a supply and a demand listing of any parks of the
/// site match when both are active today and their codes are equal, or, when either has no code, their material
/// names are equal in any language after trimming and case folding. Expired listings never match.
/// </summary>
public static class ExchangeMatcher
{
    /// <summary>For every listing (by <see cref="Listing.SiteId"/>), its matches sorted by site id; empty for none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Listing>> Match(Site site)
    {
        var today = site.Config.Today;
        var all = site.Parks.SelectMany(p => p.Listings).OrderBy(l => l.SiteId, StringComparer.Ordinal).ToList();
        var active = all.Where(l => l.IsActiveOn(today)).ToList();
        var result = new Dictionary<string, IReadOnlyList<Listing>>(StringComparer.Ordinal);
        foreach (var l in all)
            result[l.SiteId] = l.IsActiveOn(today) ? active.Where(o => Matches(l, o)).ToList() : [];
        return result;
    }

    public static bool Matches(Listing a, Listing b)
    {
        if (a.Kind == b.Kind) return false;
        if (a.Code is { } ca && b.Code is { } cb) return Canonical(ca) == Canonical(cb);
        return a.Material.SharesAnyText(b.Material);
    }

    private static string Canonical(string code) =>
        WasteCode.Classify(code).Canonical ?? code.Trim().ToUpperInvariant();
}
