using System.Runtime.CompilerServices;

namespace EcoSite.Core.Model;

/// <summary>
/// Lookups by id over the immutable lists of the model, built once per list instance and kept as long as the list
/// lives (outside the records, so their equality is unchanged). Searching a list for every reference made the checks
/// and pages quadratic in the number of enterprises or indicators.
/// </summary>
internal static class Lookup
{
    private static readonly ConditionalWeakTable<object, object> Indexes = new();

    /// <summary>The items of <paramref name="list"/> by key; the first item wins for a repeated key, as a search would find it.</summary>
    public static Dictionary<string, T> By<T>(IReadOnlyList<T> list, Func<T, string> key) =>
        (Dictionary<string, T>)Indexes.GetValue(list, _ =>
        {
            var index = new Dictionary<string, T>(list.Count, StringComparer.Ordinal);
            foreach (var item in list) index.TryAdd(key(item), item);
            return index;
        });
}
