using EcoSite.Core.Model;
using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Core.Facts;

/// <summary>Every listing's matches (by <see cref="Listing.SiteId"/>), and the groups of listings that match each other.</summary>
internal sealed class ExchangeMatches(IReadOnlyList<Listing> all, IReadOnlyDictionary<string, IReadOnlyList<Listing>> matches, IReadOnlyList<IReadOnlyList<Listing>> groups)
{
    /// <summary>Every listing of the site, sorted by site id.</summary>
    public IReadOnlyList<Listing> All => all;

    /// <summary>The listings <paramref name="l"/> matches, sorted by site id; empty for an inactive listing.</summary>
    public IReadOnlyList<Listing> Of(Listing l) => matches[l.SiteId];

    /// <summary>
    /// The active listings in groups: the connected parts of the match graph, so listings that match always share a
    /// group and a listing without matches is a group of its own. Each group is sorted by site id; groups by their first.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Listing>> Groups => groups;
}

/// <summary>
/// The regional resource exchange (content-format.md section 9): a supply and a demand listing of any parks of the
/// site match when both are active today and their codes are equal, or, when either has no code, their material
/// names are equal in any language after trimming and case folding. Expired listings never match.
/// Listings are indexed by canonical code and by material name, so matching is near-linear in the listings.
/// </summary>
internal static class ExchangeMatcher
{
    public static ExchangeMatches Match(Site site)
    {
        var today = site.Config.Today;
        var all = site.Parks.SelectMany(p => p.Listings).OrderBy(l => l.SiteId, StringComparer.Ordinal).ToList();
        var active = all.Where(l => l.IsActiveOn(today)).ToList();
        var byCode = new Dictionary<(ListingKind, string), List<Listing>>();
        var byName = new Dictionary<(ListingKind, string), List<Listing>>(new KindAndNameComparer());
        foreach (var l in active)
        {
            if (l.Code is { } code) Add(byCode, (l.Kind, Canonical(code)), l);
            foreach (var name in Names(l)) Add(byName, (l.Kind, name), l);
        }

        var result = new Dictionary<string, IReadOnlyList<Listing>>(StringComparer.Ordinal);
        foreach (var l in all)
        {
            if (!l.IsActiveOn(today))
            {
                result[l.SiteId] = [];
                continue;
            }
            var other = l.Kind == ListingKind.Supply ? ListingKind.Demand : ListingKind.Supply;
            var found = new Dictionary<string, Listing>(StringComparer.Ordinal);
            // Both with a code: the codes decide. Either without one: the names do.
            if (l.Code is { } code && byCode.TryGetValue((other, Canonical(code)), out var sameCode))
                foreach (var o in sameCode) found[o.SiteId] = o;
            foreach (var name in Names(l))
                if (byName.TryGetValue((other, name), out var sameName))
                    foreach (var o in sameName)
                        if (l.Code is null || o.Code is null) found[o.SiteId] = o;
            result[l.SiteId] = found.Values.OrderBy(o => o.SiteId, StringComparer.Ordinal).ToList();
        }
        return new ExchangeMatches(all, result, Groups(active, result));
    }

    /// <summary>The rule itself, for one pair (the index above must agree with it).</summary>
    public static bool Matches(Listing a, Listing b)
    {
        if (a.Kind == b.Kind) return false;
        if (a.Code is { } ca && b.Code is { } cb) return Canonical(ca) == Canonical(cb);
        return a.Material.SharesAnyText(b.Material);
    }

    private static List<IReadOnlyList<Listing>> Groups(List<Listing> active, Dictionary<string, IReadOnlyList<Listing>> matches)
    {
        var parent = active.ToDictionary(l => l.SiteId, l => l.SiteId, StringComparer.Ordinal);
        string Find(string id) => parent[id] == id ? id : parent[id] = Find(parent[id]);
        foreach (var l in active)
            foreach (var m in matches[l.SiteId])
            {
                var (a, b) = (Find(l.SiteId), Find(m.SiteId));
                if (a != b) parent[string.CompareOrdinal(a, b) < 0 ? b : a] = string.CompareOrdinal(a, b) < 0 ? a : b;
            }
        return active.GroupBy(l => Find(l.SiteId)).Select(g => (IReadOnlyList<Listing>)g.ToList()).ToList();
    }

    private static IEnumerable<string> Names(Listing l) => l.Material.Values.Select(v => v.Value.Trim());

    private static void Add<TKey>(Dictionary<TKey, List<Listing>> index, TKey key, Listing l) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], l)) list.Add(l);
    }

    private static string Canonical(string code) =>
        WasteCode.Classify(code).Canonical ?? code.Trim().ToUpperInvariant();

    /// <summary>Names compare as <see cref="LocalizedText.SharesAnyText"/> does: trimmed, ordinal, case folded.</summary>
    private sealed class KindAndNameComparer : IEqualityComparer<(ListingKind Kind, string Name)>
    {
        public bool Equals((ListingKind Kind, string Name) x, (ListingKind Kind, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((ListingKind Kind, string Name) k) =>
            HashCode.Combine(k.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(k.Name));
    }
}
