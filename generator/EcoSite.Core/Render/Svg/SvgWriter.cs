using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EcoSite.Core.Render.Svg;

/// <summary>
/// What every build-time SVG shares: XML escaping, invariant number formatting, the accessible root
/// element, the palette and a conservative text-width estimate used to keep labels inside the picture.
/// </summary>
internal static partial class SvgWriter
{
    // The CSS stack from the theme, with single quotes so it fits in a double-quoted attribute.
    internal const string FontFamily = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";

    // WCAG 2.1 AA against white: text needs 4.5:1 (1.4.3), marks 3:1 (1.4.11). Tests check every value.
    internal const string TextColor = "#333333";      // 12.6:1
    internal const string MutedTextColor = "#555555"; // 7.5:1
    internal const string AxisColor = "#767676";      // 4.5:1
    internal const string HazardColor = "#c62828";    // 5.6:1
    internal const string HazardTint = "#fdecea";
    internal const string PrimaryColor = "#1b6ca8";   // 5.6:1
    internal const string TargetColor = "#a84300";    // 6.1:1

    internal static readonly IReadOnlyList<string> Palette =
        ["#1b6ca8", "#00796b", "#6a4c93", "#8d6e00", "#5d4037", "#37474f"];

    /// <summary>
    /// The narrowest width a chart is drawn at: a 320 px phone less 16 px page margins. Font sizes are
    /// chosen so that size x MinRenderWidth / viewBox width stays at 12 px or more.
    /// </summary>
    internal const double MinRenderWidth = 288;

    internal const string Ellipsis = "\u2026";

    // Verdana advance widths in font units (2048 per em) for ASCII 32..126, the metrics behind the
    // shields.io badge width table; width at 11 px = units x 11 / 2048.
    private static readonly short[] VerdanaUnits =
    [
        720, 806, 940, 1676, 1302, 2204, 1488, 550, 930, 930, 1302, 1676, 745, 930, 745, 930,
        1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 930, 930, 1676, 1676, 1676, 1117,
        2048, 1400, 1404, 1430, 1578, 1295, 1177, 1588, 1539, 862, 931, 1419, 1140, 1726, 1532, 1612,
        1235, 1612, 1424, 1400, 1262, 1499, 1400, 2025, 1403, 1260, 1403, 930, 930, 930, 1676, 1302,
        1302, 1230, 1276, 1067, 1276, 1220, 720, 1276, 1296, 562, 705, 1212, 562, 1992, 1296, 1243,
        1276, 1276, 874, 1067, 807, 1296, 1212, 1676, 1212, 1212, 1076, 1300, 930, 1300, 1676,
    ];

    private const double VerdanaEm = 11.0;
    private const double OtherCharWidth = 7.5;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPrefixPattern();

    internal static void RequireIdPrefix(string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(idPrefix);
        if (!IdPrefixPattern().IsMatch(idPrefix))
        {
            throw new ArgumentException(
                $"An SVG id prefix must match ^[A-Za-z][A-Za-z0-9_-]*$, got '{idPrefix}'.", nameof(idPrefix));
        }
    }

    internal static void RequireFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Chart values must be finite numbers.");
        }
    }

    /// <summary>Escapes text for XML content and double- or single-quoted attributes.</summary>
    /// <remarks>
    /// Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates,
    /// U+FFFE/U+FFFF) become U+FFFD, so an odd byte in an editor's file cannot break the page.
    /// </remarks>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break; // &apos; is unknown to HTML 4 parsers
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': sb.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A coordinate or length: rounded to one decimal, invariant, no "-0".</summary>
    internal static string Num(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // drops the sign of -0.0
        }

        return rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>A value shown to readers: invariant, thousands separated, at most/exactly <paramref name="decimals"/> places.</summary>
    internal static string FormatValue(double value, int decimals, bool fixedDecimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        var fraction = decimals == 0 ? "" : "." + new string(fixedDecimals ? '0' : '#', decimals);
        return rounded.ToString("#,##0" + fraction, CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the root element and writes the title and description it is labelled by.</summary>
    internal static void AppendRoot(
        StringBuilder sb, string idPrefix, string kind, double width, double height, double maxWidth,
        double fontSize, string title, string description, double minWidth = 0)
    {
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\"")
            .Append(" class=\"ecosite-chart ecosite-chart-").Append(kind).Append('"')
            .Append(" viewBox=\"0 0 ").Append(Num(width)).Append(' ').Append(Num(height)).Append('"')
            .Append(" width=\"").Append(Num(width)).Append("\" height=\"").Append(Num(height)).Append('"')
            .Append(" style=\"width:100%;").Append(minWidth > 0 ? "min-width:" + Num(minWidth) + "px;" : "")
            .Append("max-width:").Append(Num(maxWidth)).Append("px;height:auto\"")
            .Append(" role=\"img\" aria-labelledby=\"").Append(titleId).Append(' ').Append(descId).Append('"')
            .Append(" focusable=\"false\"") // IE 11 would otherwise put every SVG in the tab order
            .Append(" font-family=\"").Append(FontFamily).Append('"')
            .Append(" font-size=\"").Append(Num(fontSize)).Append('"')
            .Append(" fill=\"").Append(TextColor).Append("\">\n");
        sb.Append("<title id=\"").Append(titleId).Append("\">").Append(Escape(title)).Append("</title>\n");
        sb.Append("<desc id=\"").Append(descId).Append("\">").Append(Escape(description)).Append("</desc>\n");
    }

    /// <summary>A &lt;text&gt; element; <paramref name="extra"/> is raw attribute text.</summary>
    internal static void AppendText(StringBuilder sb, double x, double y, string text, string anchor = "start", string extra = "")
    {
        sb.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append('"');
        if (anchor != "start")
        {
            sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        if (extra.Length > 0)
        {
            sb.Append(' ').Append(extra);
        }

        sb.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    /// <summary>
    /// Advance width of <paramref name="text"/> in px at 11 px: Verdana widths for printable ASCII,
    /// one em for CJK ideographs, kana, hangul, full-width forms and symbols CJK fonts draw full width,
    /// nothing for combining marks and format characters, <see cref="OtherCharWidth"/> for the rest.
    /// </summary>
    internal static double MeasureAt11(string text)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += RuneWidth(rune);
        }

        return width;
    }

    /// <summary>
    /// A deliberately generous width estimate for the CJK font stack at <paramref name="fontSize"/>:
    /// Verdana's Latin is wider than that of the CJK fonts, so a label that fits here fits on screen.
    /// </summary>
    internal static double EstimateWidth(string text, double fontSize, bool bold = false) =>
        MeasureAt11(text) * fontSize / VerdanaEm * (bold ? 1.1 : 1.0);

    private static double RuneWidth(Rune rune)
    {
        var v = rune.Value;
        if (v is >= 32 and <= 126)
        {
            return VerdanaUnits[v - 32] * VerdanaEm / 2048.0;
        }

        if (IsWide(v))
        {
            return VerdanaEm;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                or UnicodeCategory.Control => 0,
            _ => OtherCharWidth,
        };
    }

    private static bool IsWide(int v) =>
        v is (>= 0x1100 and <= 0x115F)      // Hangul Jamo
            or (>= 0x2010 and <= 0x2027)    // dashes, quotes, ellipsis: full width in CJK fonts
            or (>= 0x25A0 and <= 0x27BF)    // geometric shapes, symbols, dingbats
            or (>= 0x2E80 and <= 0x303E)    // CJK radicals, symbols and punctuation
            or (>= 0x3041 and <= 0x33FF)    // kana, bopomofo, enclosed and compatibility CJK
            or (>= 0x3400 and <= 0x4DBF)    // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF)    // CJK unified ideographs
            or (>= 0xA000 and <= 0xA4CF)    // Yi
            or (>= 0xAC00 and <= 0xD7A3)    // Hangul syllables
            or (>= 0xF900 and <= 0xFAFF)    // CJK compatibility ideographs
            or (>= 0xFE30 and <= 0xFE4F)    // CJK compatibility forms
            or (>= 0xFF00 and <= 0xFF60)    // full-width forms
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x1F300 and <= 0x1FAFF)  // emoji
            or (>= 0x20000 and <= 0x3FFFD); // CJK extensions B and later

    /// <summary>Cuts <paramref name="text"/> to fit <paramref name="maxWidth"/>, ending with an ellipsis; whole text elements only.</summary>
    internal static string Truncate(string text, double maxWidth, double fontSize, bool bold = false)
    {
        if (EstimateWidth(text, fontSize, bold) <= maxWidth)
        {
            return text;
        }

        var budget = maxWidth - EstimateWidth(Ellipsis, fontSize, bold);
        var starts = StringInfo.ParseCombiningCharacters(text);
        double width = 0;
        var end = 0;
        for (var k = 0; k < starts.Length; k++)
        {
            var next = k + 1 < starts.Length ? starts[k + 1] : text.Length;
            var w = EstimateWidth(text[starts[k]..next], fontSize, bold);
            if (width + w > budget)
            {
                break;
            }

            width += w;
            end = next;
        }

        return text[..end].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into at most <paramref name="maxLines"/> lines of
    /// <paramref name="maxWidth"/>: Latin words break at spaces, CJK between any two characters; what
    /// does not fit ends the last line with an ellipsis.
    /// </summary>
    /// <summary>Punctuation that must not begin a line of Chinese text: closing brackets and quotes, full-width pause, comma, stop, colon, semicolon, marks and ellipsis.</summary>
    internal const string NoLineStart = "）］｝〕〉》」』】〗〙〛”’，。、；：！？…‥";

    internal static IReadOnlyList<string> Wrap(string text, double maxWidth, double fontSize, int maxLines)
    {
        text = CollapseWhitespace(text);
        if (maxLines <= 1 || EstimateWidth(text, fontSize) <= maxWidth)
        {
            return [Truncate(text, maxWidth, fontSize)];
        }

        var lines = new List<string>();
        var starts = StringInfo.ParseCombiningCharacters(text);
        var lineStart = 0;
        var lastSpace = -1;
        double width = 0;
        var k = 0;
        while (k < starts.Length)
        {
            var at = starts[k];
            var next = k + 1 < starts.Length ? starts[k + 1] : text.Length;
            var element = text[at..next];
            var w = EstimateWidth(element, fontSize);
            if (width + w <= maxWidth || at == lineStart)
            {
                width += w;
                if (element == " ")
                {
                    lastSpace = at;
                }

                k++;
                continue;
            }

            int breakAt, nextStart;
            if (element == " ")
            {
                (breakAt, nextStart) = (at, next);
            }
            else if (lastSpace > lineStart && !(Rune.TryGetRuneAt(text, at, out var rune) && IsWide(rune.Value)))
            {
                (breakAt, nextStart) = (lastSpace, lastSpace + 1);
            }
            else
            {
                // A closing bracket or full-width comma, stop or colon never starts a line (Chinese line breaking,
                // W3C clreq 3.1.7; GB/T 15834): the character before it goes to the next line with it.
                var b = k;
                while (b > 0 && starts[b] > lineStart && NoLineStart.Contains(text[starts[b]])) b--;
                var before = starts[b] > lineStart ? starts[b] : at;
                (breakAt, nextStart) = (before, before);
            }

            lines.Add(text[lineStart..breakAt].TrimEnd());
            if (lines.Count == maxLines - 1)
            {
                lines.Add(Truncate(text[nextStart..].TrimStart(), maxWidth, fontSize));
                return lines;
            }

            lineStart = nextStart;
            lastSpace = -1;
            if (nextStart > at)
            {
                width = 0;
                k++; // the space that ended the line is dropped
            }
            else
            {
                width = EstimateWidth(text[lineStart..at], fontSize);
            }
        }

        if (lineStart < text.Length)
        {
            lines.Add(text[lineStart..]);
        }

        return lines;
    }

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>WCAG 2.1 contrast ratio of two colours written #rgb or #rrggbb.</summary>
    internal static double Contrast(string colorA, string colorB)
    {
        var a = RelativeLuminance(colorA);
        var b = RelativeLuminance(colorB);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    internal static double RelativeLuminance(string color)
    {
        var (r, g, b) = ParseHex(color);
        return (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));

        static double Linear(int channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
    }

    /// <summary>Parses #rgb or #rrggbb (the '#' optional); null when the text is neither.</summary>
    internal static (int R, int G, int B)? TryParseHex(string color)
    {
        var hex = color.StartsWith('#') ? color[1..] : color;
        if (hex.Length == 3)
        {
            hex = string.Concat(hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]);
        }

        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return null;
        }

        return ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private static (int R, int G, int B) ParseHex(string color) =>
        TryParseHex(color) ?? throw new ArgumentException($"Not a #rgb or #rrggbb colour: '{color}'.", nameof(color));
}
