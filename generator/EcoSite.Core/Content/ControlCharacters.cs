using System.Buffers;
using System.Globalization;

namespace EcoSite.Core.Content;

/// <summary>
/// Characters no published text may hold: the control characters (Unicode Cc: C0 but tab and line feed, DEL, C1), the
/// noncharacters U+FFFE and U+FFFF, and surrogates that are not half of a pair. XML 1.0 forbids most of them (the feed
/// and sitemap writers throw), terminals and CI logs obey them (ESC, BEL, CSI), and none is visible to the editor who
/// pasted it (a vertical tab is Word's manual line break). They are refused where text enters EcoSite, at their line
/// and column: raw in a file (<see cref="SourceText"/>), written as a YAML escape (<see cref="Yaml.YamlTree"/>), as a
/// Markdown character reference (<see cref="MarkdownBody"/>), or in a file name (<see cref="ContentTree"/>).
/// </summary>
internal static class ControlCharacters
{
    private static readonly SearchValues<char> Suspects = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n')).Select(c => (char)c))
        + "\u007F" + string.Concat(Enumerable.Range(0x80, 0x20).Select(c => (char)c))
        + "\uFFFE\uFFFF" + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>The index of the first forbidden character (a valid surrogate pair is not one), or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var i = text[offset..].IndexOfAny(Suspects);
            if (i < 0) return -1;
            i += offset;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset = i + 2;
                continue;
            }
            return i;
        }
    }

    /// <summary>How the character at <paramref name="index"/> is named in a message: its code point and what it is.</summary>
    public static string Describe(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var name = c switch
        {
            '\u0007' => "bell",
            '\u0008' => "backspace",
            '\u000B' => "vertical tab, Word's manual line break",
            '\u000C' => "form feed, a page break",
            '\r' => "carriage return",
            '\u001B' => "escape, which starts terminal colour codes",
            '\u007F' => "delete",
            '\u0085' => "next line",
            '\uFFFE' or '\uFFFF' => "not a character",
            _ when char.IsSurrogate(c) => "half of a character (a lone surrogate)",
            <= '\u001F' => "a control character", // the rest of C0
            _ => "a C1 control character",
        };
        return $"{code} ({name})";
    }

    /// <summary>1-based line and column (in UTF-16 units, as every other diagnostic) of <paramref name="index"/>.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> text, int index)
    {
        var before = text[..index];
        var line = before.Count('\n') + 1;
        var lineStart = before.LastIndexOf('\n') + 1;
        return (line, index - lineStart + 1);
    }
}
