using System.Net;
using System.Text;

namespace EcoSite.Core.Search;

/// <summary>The text of rendered (already sanitized) HTML: tags dropped, entities decoded, block ends kept as spaces.</summary>
internal static class HtmlText
{
    public static string Plain(string html)
    {
        // Every page body passes through here for the search index and the search page, so it is one pass with one
        // buffer: white space is collapsed as the text is appended, which gives what collapsing the whole text after
        // would give.
        var text = new Collapsing(html.Length);
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
                if (!InlineNames.Contains(Name(html, i + 1, end))) text.Append(" ");
                i = end + 1;
            }
            else
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = html.Length;
                var segment = html.AsSpan(i, next - i);
                if (segment.Contains('&')) text.Append(WebUtility.HtmlDecode(segment.ToString()));
                else text.Append(segment);
                i = next;
            }
        }
        return text.ToString();
    }

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineNames = Inline.GetAlternateLookup<ReadOnlySpan<char>>();

    private static ReadOnlySpan<char> Name(string html, int start, int end)
    {
        if (start < end && html[start] == '/') start++;
        var i = start;
        while (i < end && char.IsAsciiLetterOrDigit(html[i])) i++;
        return html.AsSpan(start, i - start);
    }

    /// <summary>Text with runs of white space made one space, and none at either end.</summary>
    private sealed class Collapsing(int capacity)
    {
        private readonly StringBuilder _sb = new(capacity);
        private bool _space;

        public void Append(ReadOnlySpan<char> s)
        {
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c))
                {
                    _space = _sb.Length > 0;
                    continue;
                }
                if (_space) _sb.Append(' ');
                _space = false;
                _sb.Append(c);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
