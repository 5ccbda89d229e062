namespace EcoSite.Core.Diagnostics;

/// <summary>Suggests the closest known name for a misspelt one (Levenshtein distance, at most a third of its length).</summary>
internal static class DidYouMean
{
    public static string? Closest(string wrong, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance || d == bestDistance && string.CompareOrdinal(candidate, best) < 0)
                (best, bestDistance) = (candidate, d);
        }
        return best != null && bestDistance <= Math.Max(2, wrong.Length / 3) ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string Hint(string wrong, IEnumerable<string> known) =>
        Closest(wrong, known) is { } s ? $" Did you mean '{s}'?" : "";

    internal static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
