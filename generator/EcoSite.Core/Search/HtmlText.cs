using System.Net;
using System.Text;

namespace EcoSite.Core.Search;

/// <summary>The text of rendered (already sanitized) HTML: tags dropped, entities decoded, block ends kept as spaces.</summary>
internal static class HtmlText
{
    public static string Plain(string html)
    {
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) break;
                // Block tags separate words ("<td>a</td><td>b</td>" is "a b"); inline tags do not, or "<strong>粉</strong>煤灰"
                // would lose the bigram 粉煤.
                if (!Inline.Contains(Name(html, i + 1, end))) sb.Append(' ');
                i = end + 1;
            }
            else
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = html.Length;
                sb.Append(WebUtility.HtmlDecode(html[i..next]));
                i = next;
            }
        }
        return Collapse(sb.ToString());
    }

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u",
    };

    private static string Name(string html, int start, int end)
    {
        if (start < end && html[start] == '/') start++;
        var i = start;
        while (i < end && char.IsAsciiLetterOrDigit(html[i])) i++;
        return html[start..i];
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
