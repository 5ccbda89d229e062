using System.Text;

namespace EcoSite.Core.Content;

/// <summary>
/// Summaries cut at a sentence end (。！？ or . ! ?), CJK-aware: a Chinese character counts as two columns, so a
/// summary is about 80 Chinese characters or 160 Latin ones, never the whole of a long text (Hugo #1377).
/// </summary>
internal static class Summary
{
    public const int DefaultWidth = 160;

    public static string Cut(string text, int width = DefaultWidth) => Cut(text, width, Columns);

    /// <summary>
    /// The same cut with a budget of characters (UTF-16 units, as a browser's text field counts them), whatever their
    /// width: for limits that count characters, such as a WeChat article's title and digest.
    /// </summary>
    public static string CutCharacters(string text, int maxChars) => Cut(text, maxChars, _ => 1);

    private static int Columns(char c) => IsWide(c) ? 2 : 1;

    private static string Cut(string text, int budget, Func<char, int> cost)
    {
        text = Collapse(text);
        if (Measure(text, cost) <= budget) return text;
        var used = 0;
        var lastEnd = -1;
        for (var i = 0; i < text.Length; i++)
        {
            used += cost(text[i]);
            if (used > budget) break;
            if (IsSentenceEnd(text, i)) lastEnd = i;
        }
        if (lastEnd >= 0) return text[..(lastEnd + 1)].TrimEnd();
        // One sentence longer than the budget: cut at the budget less the ellipsis, at a word boundary for Latin text,
        // never between the two halves of a surrogate pair.
        var cut = 0;
        used = 0;
        for (; cut < text.Length; cut++)
        {
            used += cost(text[cut]);
            if (used > budget - 1) break;
        }
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        var space = text.LastIndexOf(' ', Math.Max(0, cut - 1));
        if (space > cut / 2 && !IsWide(text[cut])) cut = space;
        return text[..cut].TrimEnd() + "…";
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        if (c is '。' or '！' or '？') return true;
        if (c is not ('.' or '!' or '?')) return false;
        // A Latin full stop ends a sentence before a space or the end, not inside "3.5" or "e.g.x".
        return i + 1 == text.Length || text[i + 1] == ' ' || IsWide(text[i + 1]);
    }

    internal static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';

    private static int Measure(string s, Func<char, int> cost)
    {
        var w = 0;
        foreach (var c in s) w += cost(c);
        return w;
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
