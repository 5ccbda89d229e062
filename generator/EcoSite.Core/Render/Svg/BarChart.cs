using System.Text;

namespace EcoSite.Core.Render.Svg;

/// <summary>
/// One bar: <see cref="Note"/> is printed under it (e.g. the reason for a category's score);
/// <see cref="ReferenceValue"/> draws a marker on the bar (e.g. the 2020 national survey value).
/// </summary>
internal sealed record BarItem(string Label, double Value, string? Note, double? ReferenceValue = null);

/// <summary>Horizontal bars on a common scale, e.g. the five completeness categories of spec 11, each out of 20.</summary>
internal static class BarChart
{
    private const double Width = 300;
    private const double MaxWidth = 450;
    private const double FontSize = 13; // 13 x 288 / 300 = 12.5 px on a 320 px phone
    private const double Margin = 5;
    private const double LineHeight = 16;
    private const double BarHeight = 14;
    private const double RowGap = 12;
    private const string ReferenceGlyph = "\u25BC"; // ▼, drawn as a shape on the bar as well
    private const string ReferenceColor = "#1a1a1a";

    /// <summary>
    /// Draws the bars as an accessible inline SVG, labelled by <paramref name="title"/> and
    /// <paramref name="description"/> (ids <c>{idPrefix}-title</c>, <c>{idPrefix}-desc</c>).
    /// </summary>
    /// <param name="idPrefix">Unique on the page; <c>^[A-Za-z][A-Za-z0-9_-]*$</c>.</param>
    /// <param name="bars">Drawn in the given order, one row each: label and value, the bar, then the note.</param>
    /// <param name="max">The value of a full bar (20 for a completeness category); must be positive.</param>
    /// <param name="valueSuffix">Appended to each printed value as given, e.g. " / 20" or " 分".</param>
    /// <param name="referenceLabel">
    /// Legend text for the reference markers, e.g. "2020 全国调查", printed after a marker; each
    /// reference value is printed after the bar's value as "▼12.1". The legend is drawn only when this
    /// is given and a bar has a reference value.
    /// </param>
    /// <param name="decimals">Decimal places of printed values (spec 11 shows scores to one decimal).</param>
    /// <returns>
    /// The SVG markup, or <see cref="string.Empty"/> when <paramref name="bars"/> is empty: the page
    /// then prints its own localised "no data" text.
    /// </returns>
    /// <remarks>
    /// Values outside 0..max are printed as they are and drawn clamped. Labels and notes that do not
    /// fit are cut with an ellipsis, the full text kept in a &lt;title&gt; tooltip.
    /// </remarks>
    public static string Render(
        string idPrefix, IReadOnlyList<BarItem> bars, double max, string title, string description, string? valueSuffix,
        string? referenceLabel = null, int decimals = 1)
    {
        SvgWriter.RequireIdPrefix(idPrefix);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(description);
        SvgWriter.RequireFinite(max, nameof(max));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        if (bars.Count == 0)
        {
            return string.Empty;
        }

        foreach (var bar in bars)
        {
            SvgWriter.RequireFinite(bar.Value, nameof(bars));
            if (bar.ReferenceValue is { } reference)
            {
                SvgWriter.RequireFinite(reference, nameof(bars));
            }
        }

        var trackWidth = Width - (2 * Margin);
        double X(double value) => Margin + (Math.Clamp(value / max, 0, 1) * trackWidth);

        var rows = new StringBuilder();
        double y = 4;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var value = SvgWriter.FormatValue(bar.Value, decimals, fixedDecimals: true) + (valueSuffix ?? "");
            var reference = bar.ReferenceValue is { } r
                ? " " + ReferenceGlyph + SvgWriter.FormatValue(r, decimals, fixedDecimals: true)
                : "";
            var valueWidth = SvgWriter.EstimateWidth(value, FontSize, bold: true) + SvgWriter.EstimateWidth(reference, FontSize);
            var label = SvgWriter.Truncate(bar.Label.Trim(), trackWidth - valueWidth - 10, FontSize);

            rows.Append("<g class=\"bar\">");
            if (label != bar.Label.Trim())
            {
                rows.Append("<title>").Append(SvgWriter.Escape(bar.Label)).Append("</title>");
            }

            rows.Append('\n');
            var baseline = y + 14;
            SvgWriter.AppendText(rows, Margin, baseline, label);
            rows.Append("<text x=\"").Append(SvgWriter.Num(Width - Margin)).Append("\" y=\"").Append(SvgWriter.Num(baseline))
                .Append("\" text-anchor=\"end\"><tspan font-weight=\"bold\">").Append(SvgWriter.Escape(value)).Append("</tspan>");
            if (reference.Length > 0)
            {
                rows.Append("<tspan fill=\"").Append(SvgWriter.MutedTextColor).Append("\">").Append(SvgWriter.Escape(reference)).Append("</tspan>");
            }

            rows.Append("</text>\n");

            var barTop = y + 26;
            rows.Append("<rect class=\"track\" x=\"").Append(SvgWriter.Num(Margin)).Append("\" y=\"").Append(SvgWriter.Num(barTop))
                .Append("\" width=\"").Append(SvgWriter.Num(trackWidth)).Append("\" height=\"").Append(SvgWriter.Num(BarHeight))
                .Append("\" fill=\"#f2f2f2\" stroke=\"").Append(SvgWriter.AxisColor).Append("\" stroke-width=\"0.5\"/>\n");
            rows.Append("<rect class=\"value\" x=\"").Append(SvgWriter.Num(Margin)).Append("\" y=\"").Append(SvgWriter.Num(barTop))
                .Append("\" width=\"").Append(SvgWriter.Num(X(bar.Value) - Margin)).Append("\" height=\"").Append(SvgWriter.Num(BarHeight))
                .Append("\" fill=\"").Append(SvgWriter.PrimaryColor).Append("\"/>\n");

            if (bar.ReferenceValue is { } refValue)
            {
                AppendMarker(rows, X(refValue), barTop);
            }

            y = barTop + BarHeight + 3;
            if (!string.IsNullOrWhiteSpace(bar.Note))
            {
                var lines = SvgWriter.Wrap(bar.Note, trackWidth, FontSize, maxLines: 2);
                if (lines[^1].EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal) &&
                    !bar.Note.TrimEnd().EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal))
                {
                    rows.Append("<title>").Append(SvgWriter.Escape(bar.Note)).Append("</title>\n");
                }

                foreach (var line in lines)
                {
                    y += LineHeight;
                    SvgWriter.AppendText(rows, Margin, y, line, "start", $"class=\"note\" fill=\"{SvgWriter.MutedTextColor}\"");
                }

                y += 4;
            }

            rows.Append("</g>\n");
            y += RowGap;
        }

        var hasLegend = referenceLabel is not null && bars.Any(b => b.ReferenceValue is not null);
        if (hasLegend)
        {
            var text = SvgWriter.Truncate(referenceLabel!, trackWidth - 20, FontSize);
            rows.Append("<g class=\"legend\">");
            if (text != referenceLabel)
            {
                rows.Append("<title>").Append(SvgWriter.Escape(referenceLabel!)).Append("</title>");
            }

            rows.Append('\n');
            AppendMarker(rows, Margin + 5, y + 6);
            SvgWriter.AppendText(rows, Margin + 16, y + 16, text);
            rows.Append("</g>\n");
            y += 28;
        }

        var sb = new StringBuilder();
        SvgWriter.AppendRoot(sb, idPrefix, "bar", Width, y, MaxWidth, FontSize, title, description);
        sb.Append(rows).Append("</svg>");
        return sb.ToString();
    }

    // A downward triangle over a line across the bar: shape, not colour, tells it from the bar.
    private static void AppendMarker(StringBuilder sb, double x, double barTop)
    {
        sb.Append("<g class=\"reference\" fill=\"").Append(ReferenceColor).Append("\" stroke=\"").Append(ReferenceColor).Append("\">")
            .Append("<path stroke=\"none\" d=\"M").Append(SvgWriter.Num(x - 5)).Append(',').Append(SvgWriter.Num(barTop - 7))
            .Append(" L").Append(SvgWriter.Num(x + 5)).Append(',').Append(SvgWriter.Num(barTop - 7))
            .Append(" L").Append(SvgWriter.Num(x)).Append(',').Append(SvgWriter.Num(barTop)).Append(" Z\"/>")
            .Append("<line stroke-width=\"2\" x1=\"").Append(SvgWriter.Num(x)).Append("\" y1=\"").Append(SvgWriter.Num(barTop - 1))
            .Append("\" x2=\"").Append(SvgWriter.Num(x)).Append("\" y2=\"").Append(SvgWriter.Num(barTop + BarHeight + 3)).Append("\"/>")
            .Append("</g>\n");
    }
}
