using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Content;

/// <summary>
/// The front matter of a Markdown file read without Markdig and YamlDotNet, for the commonest shape only: a first line
/// '---', then lines of 'key: value' (a key of a-z, 0-9 and '_'; a value in double quotes, in single quotes, or plain
/// text of letters, digits, Chinese and a few safe punctuation marks), then a line '---'. That is what a shard reads of
/// each of a million other parks' articles (docs/architecture.md "Shards and merge"), and parsing it through both
/// libraries was most of a shard's load time.
/// <para>
/// Anything else (comments, blank lines, lists, maps, '{' or '[' anywhere, escapes, block scalars, tabs, trailing spaces,
/// a repeated key, '...' as the closing line) is not read here: <see cref="TryRead"/> returns null and the caller parses
/// the file as before. So the result, when there is one, is the node tree the full parse builds (same values, same
/// styles, same positions), and there is nothing to report: every input this accepts is one the full parse accepts
/// without a diagnostic. Tests compare the two on many inputs (SimpleFrontMatterTests).
/// </para>
/// </summary>
internal static class SimpleFrontMatter
{
    /// <summary>Lets a test load as if this did not exist (scoped to the calling flow), to compare both ways.</summary>
    internal static readonly AsyncLocal<bool> OffForTests = new();

    /// <summary>The front matter as the map <see cref="YamlTree.Parse"/> builds, and where the body starts; null when unsure.</summary>
    public static (YMap Map, int BodyStart)? TryRead(string text)
    {
        if (OffForTests.Value || !text.StartsWith("---\n", StringComparison.Ordinal)) return null;
        var entries = new List<KeyValuePair<YScalar, YNode>>(4);
        var at = 4;
        // The front matter's first line is file line 2 (line 1 is the opening '---').
        var line = 2;
        while (at < text.Length)
        {
            var next = text.IndexOf('\n', at);
            var end = next < 0 ? text.Length : next;
            var content = text.AsSpan(at, end - at);
            if (content is "---")
            {
                if (entries.Count == 0) return null;
                return (new YMap(entries[0].Key.Start, entries), next < 0 ? text.Length : next + 1);
            }
            if (Entry(content, line) is not { } entry) return null;
            foreach (var e in entries)
                if (e.Key.Value == entry.Key.Value) return null; // reported by the full parse
            entries.Add(entry);
            if (next < 0) return null; // never closed
            at = next + 1;
            line++;
        }
        return null;
    }

    private static KeyValuePair<YScalar, YNode>? Entry(ReadOnlySpan<char> content, int line)
    {
        var colon = content.IndexOf(':');
        if (colon < 1 || !IsKey(content[..colon])) return null;
        var valueAt = colon + 1;
        if (valueAt >= content.Length || content[valueAt] != ' ') return null;
        while (valueAt < content.Length && content[valueAt] == ' ') valueAt++;
        if (valueAt >= content.Length) return null; // an empty value: null, left to the full parse
        var raw = content[valueAt..];
        YScalar? value = raw[0] switch
        {
            '"' => Quoted(raw, '"', line, valueAt + 1),
            '\'' => Quoted(raw, '\'', line, valueAt + 1),
            _ => Plain(raw, line, valueAt + 1),
        };
        if (value is null) return null;
        return new(new YScalar(new SourcePos(line, 1), content[..colon].ToString(), true), value);
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (key[0] is < 'a' or > 'z') return false;
        foreach (var c in key)
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '_')) return false;
        return true;
    }

    /// <summary>"..." or '...' with nothing after the closing quote, holding neither its quote, a backslash nor anything unusual.</summary>
    private static YScalar? Quoted(ReadOnlySpan<char> raw, char quote, int line, int column)
    {
        if (raw.Length < 2 || raw[^1] != quote) return null;
        var inner = raw[1..^1];
        foreach (var c in inner)
            if (c is '\\' or '{' or '[' || c == quote || !Printable(c)) return null;
        return new YScalar(new SourcePos(line, column), inner.ToString(), false);
    }

    /// <summary>Plain text that YAML reads as written: starts with a letter or digit, holds no indicator, ends without a space.</summary>
    private static YScalar? Plain(ReadOnlySpan<char> raw, int line, int column)
    {
        if (!(char.IsAsciiLetterOrDigit(raw[0]) || raw[0] >= 0x80 && Printable(raw[0]))) return null;
        if (raw[^1] == ' ') return null;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '/' or '(' or ')' or '+') continue;
            if (c >= 0x80 && Printable(c)) continue;
            return null;
        }
        return new YScalar(new SourcePos(line, column), raw.ToString(), true);
    }

    /// <summary>
    /// Printable text the YAML parser takes as it is and no check of <see cref="YamlTree"/> reports: no control
    /// character, no line break of YAML 1.1 (U+0085, U+2028, U+2029), no byte-order mark, no surrogate (a pair is left
    /// to the full parse) and no noncharacter. Full-width punctuation ('：', '，', '　') is text here: a line of this
    /// shape starts with an ASCII key and colon and holds no '{' or '[', so <see cref="FullWidthSyntax"/> finds nothing in it.
    /// </summary>
    private static bool Printable(char c) =>
        c is >= ' ' and <= '~'
        || c >= 0xA0 && c is not ('\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF') && !char.IsSurrogate(c);
}
