using EcoSite.Core.Model;
using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Core.Facts;

/// <summary>Every listing's matches (by <see cref="Listing.SiteId"/>), and the groups of listings that match each other.</summary>
internal sealed class ExchangeMatches(
    IReadOnlyList<Listing> all,
    IReadOnlyDictionary<string, IReadOnlyList<Listing>> matches,
    IReadOnlyList<IReadOnlyList<Listing>> groups,
    IReadOnlyDictionary<string, IReadOnlyList<ForeignMatch>> foreign)
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

    /// <summary>
    /// The listings of other platforms (site.yaml 'federation') that <paramref name="l"/> matches by the same rule, in
    /// site.yaml order of the platforms, then by their site id; empty for an inactive listing.
    /// </summary>
    public IReadOnlyList<ForeignMatch> Foreign(Listing l) => foreign.TryGetValue(l.SiteId, out var f) ? f : [];
}

/// <summary>A listing of another platform that matches one of this site's.</summary>
internal sealed record ForeignMatch(ForeignPlatform Platform, Listing Listing);

/// <summary>
/// The regional resource exchange (content-format.md section 9): a supply and a demand listing of any parks of the
/// site match when both are active today and their codes are equal, or, when either has no code, their material
/// names are equal in any language after trimming and case folding. Expired listings never match.
/// Listings are indexed by canonical code and by material name, so matching is near-linear in the listings.
/// A listing lists at most <see cref="ExchangeMatcher.MaxMatches"/> matches (docs/security.md, bounded work).
/// The active listings of other platforms (site.yaml 'federation') are matched with this site's by the same rule, judged
/// active on this site's today, and listed up to the same bound; they are never matched with each other.
/// </summary>
internal static class ExchangeMatcher
{
    /// <summary>
    /// Matches listed per listing, the first by site id. Without a bound, n listings of one code would publish n²/4
    /// matches (a page and a data row per listing naming every other one): the work and the output must stay linear in
    /// the content.
    /// </summary>
    public const int MaxMatches = 100;

    public static ExchangeMatches Match(Site site) => Match(site, FederatedExports.None);

    public static ExchangeMatches Match(Site site, FederatedExports imports)
    {
        var today = site.Config.Today;
        var all = site.Parks.SelectMany(p => p.Listings).OrderBy(l => l.SiteId, StringComparer.Ordinal).ToList();
        var active = all.Where(l => l.IsActiveOn(today)).ToList();
        // Every list of the index is in site-id order (listings are added in that order): a listing's matches are the
        // first entries of a few sorted lists, found without comparing it to every other listing.
        var byCode = new Dictionary<(ListingKind, string), List<Listing>>();
        var byName = new Dictionary<(ListingKind, string), List<Listing>>(new KindAndNameComparer());
        var byNameWithoutCode = new Dictionary<(ListingKind, string), List<Listing>>(new KindAndNameComparer());
        foreach (var l in active)
        {
            if (l.Code is { } code) Add(byCode, (l.Kind, Canonical(code)), l);
            foreach (var name in Names(l))
            {
                Add(byName, (l.Kind, name), l);
                if (l.Code is null) Add(byNameWithoutCode, (l.Kind, name), l);
            }
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
            var lists = new List<List<Listing>>();
            // Both with a code: the codes decide. Either without one: the names do.
            if (l.Code is { } code && byCode.TryGetValue((other, Canonical(code)), out var sameCode)) lists.Add(sameCode);
            foreach (var name in Names(l))
                if ((l.Code is null ? byName : byNameWithoutCode).TryGetValue((other, name), out var sameName)) lists.Add(sameName);
            result[l.SiteId] = FirstDistinct(lists);
        }

        // A foreign listing is told apart by reference: its site id is only unique within its own platform.
        var platformOf = new Dictionary<Listing, (ForeignPlatform Platform, int Order)>(ReferenceEqualityComparer.Instance);
        foreach (var (p, i) in imports.Platforms.Select((p, i) => (p, i)))
            foreach (var l in p.Listings.Where(l => l.IsActiveOn(today)))
                platformOf[l] = (p, i);
        var remote = new ListingIndex(platformOf.Keys);
        var foreign = new Dictionary<string, IReadOnlyList<ForeignMatch>>(StringComparer.Ordinal);
        if (platformOf.Count > 0)
            foreach (var l in active)
                if (remote.Find(l).OrderBy(o => platformOf[o].Order).ThenBy(o => o.SiteId, StringComparer.Ordinal).Take(MaxMatches).ToList() is { Count: > 0 } found)
                    foreign[l.SiteId] = found.Select(o => new ForeignMatch(platformOf[o].Platform, o)).ToList();
        return new ExchangeMatches(all, result, Groups(active, byCode, byName, byNameWithoutCode), foreign);
    }

    /// <summary>The rule itself, for one pair (the index above must agree with it).</summary>
    public static bool Matches(Listing a, Listing b)
    {
        if (a.Kind == b.Kind) return false;
        if (a.Code is { } ca && b.Code is { } cb) return Canonical(ca) == Canonical(cb);
        return a.Material.SharesAnyText(b.Material);
    }

    /// <summary>
    /// The connected parts of the whole match graph, found from the index rather than from the listed matches (which
    /// stop at <see cref="MaxMatches"/>): the supplies and demands of one code all match each other; under one name,
    /// a supply without a code matches every demand and a demand without a code every supply.
    /// </summary>
    private static List<IReadOnlyList<Listing>> Groups(
        List<Listing> active,
        Dictionary<(ListingKind, string), List<Listing>> byCode,
        Dictionary<(ListingKind, string), List<Listing>> byName,
        Dictionary<(ListingKind, string), List<Listing>> byNameWithoutCode)
    {
        var parent = active.ToDictionary(l => l.SiteId, l => l.SiteId, StringComparer.Ordinal);
        string Find(string id) => parent[id] == id ? id : parent[id] = Find(parent[id]);
        void Join(Listing x, IEnumerable<Listing> ys)
        {
            foreach (var y in ys)
            {
                var (a, b) = (Find(x.SiteId), Find(y.SiteId));
                if (a != b) parent[string.CompareOrdinal(a, b) < 0 ? b : a] = string.CompareOrdinal(a, b) < 0 ? a : b;
            }
        }
        foreach (var ((kind, code), supplies) in byCode)
            if (kind == ListingKind.Supply && byCode.TryGetValue((ListingKind.Demand, code), out var demands))
                Join(supplies[0], supplies.Concat(demands));
        foreach (var ((kind, name), uncoded) in byNameWithoutCode)
        {
            var other = kind == ListingKind.Supply ? ListingKind.Demand : ListingKind.Supply;
            if (byName.TryGetValue((other, name), out var others)) Join(uncoded[0], uncoded.Concat(others));
        }
        return active.GroupBy(l => Find(l.SiteId)).Select(g => (IReadOnlyList<Listing>)g.ToList()).ToList();
    }

    /// <summary>Merges sorted lists, dropping repeats, until <see cref="MaxMatches"/> listings are found.</summary>
    private static List<Listing> FirstDistinct(List<List<Listing>> lists)
    {
        var result = new List<Listing>();
        var positions = new int[lists.Count];
        while (result.Count < MaxMatches)
        {
            Listing? next = null;
            for (var i = 0; i < lists.Count; i++)
                if (positions[i] < lists[i].Count && (next is null || string.CompareOrdinal(lists[i][positions[i]].SiteId, next.SiteId) < 0))
                    next = lists[i][positions[i]];
            if (next is null) break;
            result.Add(next);
            for (var i = 0; i < lists.Count; i++)
                while (positions[i] < lists[i].Count && string.CompareOrdinal(lists[i][positions[i]].SiteId, next.SiteId) <= 0) positions[i]++;
        }
        return result;
    }

    private static IEnumerable<string> Names(Listing l) => l.Material.Values.Select(v => v.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>Active listings indexed by kind and canonical code, and by kind and each material name.</summary>
    private sealed class ListingIndex
    {
        private readonly Dictionary<(ListingKind, string), List<Listing>> _byCode = [];
        private readonly Dictionary<(ListingKind, string), List<Listing>> _byName = new(new KindAndNameComparer());

        public ListingIndex(IEnumerable<Listing> active)
        {
            foreach (var l in active)
            {
                if (l.Code is { } code) Add(_byCode, (l.Kind, Canonical(code)), l);
                foreach (var name in Names(l)) Add(_byName, (l.Kind, name), l);
            }
        }

        /// <summary>The indexed listings that <paramref name="l"/> matches (<see cref="Matches"/>), each once, unordered.</summary>
        public IEnumerable<Listing> Find(Listing l)
        {
            var other = l.Kind == ListingKind.Supply ? ListingKind.Demand : ListingKind.Supply;
            var found = new HashSet<Listing>(ReferenceEqualityComparer.Instance);
            // Both with a code: the codes decide. Either without one: the names do.
            if (l.Code is { } code && _byCode.TryGetValue((other, Canonical(code)), out var sameCode))
                found.UnionWith(sameCode);
            foreach (var name in Names(l))
                if (_byName.TryGetValue((other, name), out var sameName))
                    foreach (var o in sameName)
                        if (l.Code is null || o.Code is null) found.Add(o);
            return found;
        }

        private static void Add(Dictionary<(ListingKind, string), List<Listing>> index, (ListingKind, string) key, Listing l)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            if (list.Count == 0 || !ReferenceEquals(list[^1], l)) list.Add(l);
        }
    }
}
