using System.Text;

namespace EcoSite.Core.Render.Svg;

/// <summary>
/// A shields.io "flat" style badge (spec 11: the completeness score as parks/&lt;id&gt;/badge.svg),
/// with colours darkened or text darkened so that the text keeps WCAG AA contrast.
/// </summary>
internal static class Badge
{
    /// <summary>Fill for scores of 90 and more: shields' brightgreen darkened to 5.4:1 under white text.</summary>
    public const string Green = "#2b7a0b";

    /// <summary>Fill for scores of 60 to under 90: shields' yellow, carrying dark text (6.4:1).</summary>
    public const string Yellow = "#dfb317";

    /// <summary>Fill for scores under 60: shields' red darkened to 5.4:1 under white text.</summary>
    public const string Red = "#c0392b";

    private const string LabelFill = "#555555";
    private const string LightText = "#ffffff";
    private const string DarkText = "#333333";
    private const double Padding = 10;
    private const double Height = 20;
    private const string FontFamily =
        "Verdana,Geneva,'DejaVu Sans','Microsoft YaHei','PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";

    /// <summary>
    /// Draws a badge "label | message". The root has <c>role="img"</c>, <c>aria-label="label: message"</c>
    /// and the same text as its &lt;title&gt;; an empty label draws the message alone.
    /// </summary>
    /// <param name="colorHex">The message fill, <c>#rgb</c> or <c>#rrggbb</c>; the text on it is white
    /// when that reaches 4.5:1, else dark.</param>
    /// <param name="idPrefix">Names the gradient and clip path; give each badge inlined on one page its own.</param>
    public static string Render(string label, string message, string colorHex, string idPrefix = "badge")
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(colorHex);
        SvgWriter.RequireIdPrefix(idPrefix);
        if (SvgWriter.TryParseHex(colorHex) is null)
        {
            throw new ArgumentException($"Not a #rgb or #rrggbb colour: '{colorHex}'.", nameof(colorHex));
        }

        var fill = colorHex.StartsWith('#') ? colorHex : "#" + colorHex;
        var accessibleName = label.Length == 0 ? message : label + ": " + message;

        var labelTextWidth = label.Length == 0 ? 0 : Math.Ceiling(MeasureText(label));
        var messageTextWidth = Math.Ceiling(MeasureText(message));
        var labelWidth = label.Length == 0 ? 0 : labelTextWidth + (2 * Padding);
        var messageWidth = messageTextWidth + (2 * Padding);
        var width = labelWidth + messageWidth;

        var gradientId = idPrefix + "-s";
        var clipId = idPrefix + "-r";
        string N(double v) => SvgWriter.Num(v);

        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(Height))
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(SvgWriter.Escape(accessibleName)).Append("\">\n")
            .Append("<title>").Append(SvgWriter.Escape(accessibleName)).Append("</title>\n")
            .Append("<linearGradient id=\"").Append(gradientId).Append("\" x2=\"0\" y2=\"100%\">")
            .Append("<stop offset=\"0\" stop-color=\"#bbbbbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n")
            .Append("<clipPath id=\"").Append(clipId).Append("\"><rect width=\"").Append(N(width))
            .Append("\" height=\"").Append(N(Height)).Append("\" rx=\"3\" fill=\"#ffffff\"/></clipPath>\n")
            .Append("<g clip-path=\"url(#").Append(clipId).Append(")\">");
        if (labelWidth > 0)
        {
            sb.Append("<rect width=\"").Append(N(labelWidth)).Append("\" height=\"").Append(N(Height))
                .Append("\" fill=\"").Append(LabelFill).Append("\"/>");
        }

        sb.Append("<rect x=\"").Append(N(labelWidth)).Append("\" width=\"").Append(N(messageWidth)).Append("\" height=\"")
            .Append(N(Height)).Append("\" fill=\"").Append(SvgWriter.Escape(fill)).Append("\"/>")
            .Append("<rect width=\"").Append(N(width)).Append("\" height=\"").Append(N(Height))
            .Append("\" fill=\"url(#").Append(gradientId).Append(")\"/></g>\n")
            .Append("<g text-anchor=\"middle\" font-family=\"").Append(FontFamily)
            .Append("\" text-rendering=\"geometricPrecision\" font-size=\"11\">\n");
        if (labelWidth > 0)
        {
            AppendShadowedText(sb, labelWidth / 2, labelTextWidth, label, LightText);
        }

        AppendShadowedText(sb, labelWidth + (messageWidth / 2), messageTextWidth, message, TextColorOn(fill));
        sb.Append("</g>\n</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Width of <paramref name="text"/> in px at 11 px Verdana, as shields.io measures badges: Verdana
    /// advance widths for printable ASCII, 11 (one em) for CJK ideographs, kana, hangul, full-width
    /// punctuation and emoji, 0 for combining marks and format characters, 7.5 for anything else.
    /// </summary>
    public static double MeasureText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SvgWriter.MeasureAt11(text);
    }

    /// <summary>
    /// The fill for a completeness score: 90 and more <see cref="Green"/>, 60 and more
    /// <see cref="Yellow"/>, else <see cref="Red"/>.
    /// </summary>
    /// <remarks>
    /// The score is first rounded to one decimal as it is printed (spec 11), so a badge never reads
    /// "90.0" in yellow: 89.94 is yellow, 89.95 is green.
    /// </remarks>
    public static string ColorFor(double score) => Band(score) switch
    {
        2 => Green,
        1 => Yellow,
        _ => Red,
    };

    /// <summary>
    /// The shields.io named colour for the endpoint JSON, on the same thresholds as
    /// <see cref="ColorFor"/>: "brightgreen", "yellow" or "red".
    /// </summary>
    public static string ColorName(double score) => Band(score) switch
    {
        2 => "brightgreen",
        1 => "yellow",
        _ => "red",
    };

    private static int Band(double score)
    {
        SvgWriter.RequireFinite(score, nameof(score));
        var shown = Math.Round(score, 1, MidpointRounding.AwayFromZero);
        return shown >= 90 ? 2 : shown >= 60 ? 1 : 0;
    }

    private static string TextColorOn(string fill) =>
        SvgWriter.Contrast(fill, LightText) >= 4.5 || SvgWriter.Contrast(fill, LightText) >= SvgWriter.Contrast(fill, DarkText)
            ? LightText
            : DarkText;

    // shields.io draws each text twice: a 30% shadow one pixel lower, then the text itself, both
    // stretched to the measured width so a fallback font cannot overflow the box.
    private static void AppendShadowedText(StringBuilder sb, double centerX, double textWidth, string text, string color)
    {
        var shadow = color == LightText ? "#010101" : "#ffffff";
        var x = SvgWriter.Num(centerX);
        var length = SvgWriter.Num(textWidth);
        var escaped = SvgWriter.Escape(text);
        sb.Append("<text aria-hidden=\"true\" x=\"").Append(x).Append("\" y=\"15\" fill=\"").Append(shadow)
            .Append("\" fill-opacity=\".3\" textLength=\"").Append(length).Append("\">").Append(escaped).Append("</text>\n")
            .Append("<text x=\"").Append(x).Append("\" y=\"14\" fill=\"").Append(color).Append("\" textLength=\"")
            .Append(length).Append("\">").Append(escaped).Append("</text>\n");
    }
}
