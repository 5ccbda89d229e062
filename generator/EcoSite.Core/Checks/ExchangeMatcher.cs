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
    /// <summary>
    /// Matches listed per listing, the first by site id. Without a bound, n listings of one code would publish n²/4
    /// matches (a page and a data row per listing naming every other one): the work and the output must stay linear in
    /// the content.
    /// </summary>
    public const int MaxMatches = 100;

    /// <summary>
    /// Each listing page, the waste pages, the exchange page and the open data ask for the matches of the same site:
    /// they are computed once per loaded site (asking per page made a build quadratic in the number of listings).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Site, IReadOnlyDictionary<string, IReadOnlyList<Listing>>> Computed = new();

    /// <summary>For every listing (by <see cref="Listing.SiteId"/>), its matches sorted by site id (at most <see cref="MaxMatches"/>); empty for none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Listing>> Match(Site site) => Computed.GetValue(site, Compute);

    private static IReadOnlyDictionary<string, IReadOnlyList<Listing>> Compute(Site site)
    {
        var today = site.Config.Today;
        var all = site.Parks.SelectMany(p => p.Listings).OrderBy(l => l.SiteId, StringComparer.Ordinal).ToList();
        // Indexed by code and by material text, each list in site-id order: a listing's matches are the first entries of
        // a few sorted lists, found without comparing it to every other listing.
        var indexes = new Dictionary<ListingKind, Index> { [ListingKind.Supply] = new(), [ListingKind.Demand] = new() };
        foreach (var l in all.Where(l => l.IsActiveOn(today))) indexes[l.Kind].Add(l);
        var result = new Dictionary<string, IReadOnlyList<Listing>>(StringComparer.Ordinal);
        foreach (var l in all)
            result[l.SiteId] = l.IsActiveOn(today) ? indexes[l.Kind == ListingKind.Supply ? ListingKind.Demand : ListingKind.Supply].Find(l) : [];
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

    /// <summary>The active listings of one kind, by canonical code, by material text, and by material text among those without a code.</summary>
    private sealed class Index
    {
        private readonly Dictionary<string, List<Listing>> _byCode = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Listing>> _byText = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<Listing>> _byTextWithoutCode = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Listings are added in site-id order, so every list stays sorted.</summary>
        public void Add(Listing l)
        {
            if (l.Code is { } code) Append(_byCode, Canonical(code), l);
            foreach (var text in Texts(l))
            {
                Append(_byText, text, l);
                if (l.Code is null) Append(_byTextWithoutCode, text, l);
            }
        }

        /// <summary>The listings of this index that match <paramref name="l"/> (of the other kind), the first <see cref="MaxMatches"/> by site id.</summary>
        public IReadOnlyList<Listing> Find(Listing l)
        {
            var lists = new List<List<Listing>>();
            // Both coded: codes decide; otherwise the material names do (Matches).
            if (l.Code is { } code && _byCode.TryGetValue(Canonical(code), out var sameCode)) lists.Add(sameCode);
            foreach (var text in Texts(l))
                if ((l.Code is null ? _byText : _byTextWithoutCode).TryGetValue(text, out var sameText)) lists.Add(sameText);
            return FirstDistinct(lists);
        }

        private static IEnumerable<string> Texts(Listing l) => l.Material.Values.Select(v => v.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);

        private static void Append(Dictionary<string, List<Listing>> index, string key, Listing l)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            if (list.Count == 0 || !ReferenceEquals(list[^1], l)) list.Add(l);
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
                {
                    if (positions[i] < lists[i].Count && (next is null || string.CompareOrdinal(lists[i][positions[i]].SiteId, next.SiteId) < 0))
                        next = lists[i][positions[i]];
                }
                if (next is null) break;
                result.Add(next);
                for (var i = 0; i < lists.Count; i++)
                    while (positions[i] < lists[i].Count && string.CompareOrdinal(lists[i][positions[i]].SiteId, next.SiteId) <= 0) positions[i]++;
            }
            return result;
        }
    }
}
