using System.Text.RegularExpressions;

namespace EcoSite.Core.Content.Yaml;

/// <summary>
/// Full-width punctuation typed where YAML needs its ASCII syntax, the commonest mistake of editors writing with a
/// Chinese input method: a key followed by '：' (U+FF1A) instead of ':', '，' (U+FF0C) between flow entries, an
/// ideographic space (U+3000) in the indentation, and Chinese quotation marks where the parser fails. Without this
/// the parser reports something about a later line that never names the character. Chinese text itself may hold
/// every one of these characters, so only syntax positions are reported.
/// </summary>
internal static partial class FullWidthSyntax
{
    // "title：" at the start of a line (or after "- "), or "{zh：" / ", en：" inside a flow map.
    [GeneratedRegex(@"(?:^[ ]*(?:-[ ]+)?|\{(?:[^}]*,)?[ ]*)[A-Za-z_][A-Za-z0-9_-]*[ ]*(?<c>：)")]
    private static partial Regex KeyColon();

    // "{zh: 某某公司，en: ..." : a full-width comma followed by the next key of a flow map.
    [GeneratedRegex(@"\{[^}]*?(?<c>，)[ ]*[A-Za-z_][A-Za-z0-9_-]*[ ]*[:：][ ]")]
    private static partial Regex CommaBeforeKey();

    // "[zh，en]" : a full-width comma between two plain ASCII entries of a flow sequence.
    [GeneratedRegex(@"\[[^\]""']*?[A-Za-z0-9_-][ ]*(?<c>，)[ ]*[A-Za-z0-9_-]")]
    private static partial Regex CommaInSequence();

    /// <summary>The first full-width character in a YAML syntax position: its 1-based line and column, and what to do.</summary>
    public static (int Line, int Column, string Message)? Find(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\u3000') indent++;
            if (line.AsSpan(0, indent).IndexOf('\u3000') is >= 0 and var at)
                return (i + 1, at + 1, "this line is indented with a full-width space '　' (U+3000, 全角空格); YAML indents with ASCII spaces only. Switch the input method to half-width (半角) and retype the indentation.");
            if (indent < line.Length && line[indent] == '#') continue;
            if (KeyColon().Match(line) is { Success: true } colon)
                return (i + 1, colon.Groups["c"].Index + 1, "'：' (U+FF1A) is a full-width colon; a YAML key needs the ASCII colon ':' followed by a space. Switch the input method to half-width (半角) and type ': '.");
            if (CommaBeforeKey().Match(line) is { Success: true } comma)
                return (i + 1, comma.Groups["c"].Index + 1, "'，' (U+FF0C) is a full-width comma; entries of '{...}' are separated by the ASCII comma ',' followed by a space (', en: ...').");
            if (CommaInSequence().Match(line) is { Success: true } seq)
                return (i + 1, seq.Groups["c"].Index + 1, "'，' (U+FF0C) is a full-width comma; entries of '[...]' are separated by the ASCII comma ','.");
        }
        return null;
    }

    /// <summary>A hint for a parser error on <paramref name="lineText"/>: names a Chinese quotation mark or other full-width syntax character there.</summary>
    public static string Hint(string lineText)
    {
        foreach (var (c, name) in new[] { ('“', "U+201C"), ('”', "U+201D"), ('‘', "U+2018"), ('’', "U+2019") })
            if (lineText.Contains(c))
                return $" The line holds '{c}' ({name}), a Chinese quotation mark, which YAML reads as text, not as a quote: quote with ASCII \" or ' instead.";
        foreach (var (c, name) in new[] { ('：', "U+FF1A, full-width colon"), ('，', "U+FF0C, full-width comma"), ('【', "U+3010"), ('】', "U+3011") })
            if (lineText.Contains(c))
                return $" The line holds '{c}' ({name}); if it is meant as YAML syntax, type the ASCII character instead, or quote the text.";
        return "";
    }
}
