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
    /// Legend text for the reference markers, e.g. "2020 全国调查", printed after a marker and wrapped; the
    /// legend is drawn only when this is given and a bar has a reference value.
    /// </param>
    /// <param name="referenceValueFormat">
    /// How each reference value is printed on a line under its bar, {0} being the value: e.g. "2020年调查 {0}".
    /// A bare arrow or triangle would read as a change ("▼14.0" reads as "down 14.0", issue 13), so the marker is a
    /// neutral diamond on a dashed line and the value is named in words.
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
        string? referenceLabel = null, int decimals = 1, string referenceValueFormat = "{0}")
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

        return Draw(Layout(bars, max, valueSuffix, referenceLabel, decimals, referenceValueFormat), idPrefix, title, description);
    }

    private const double TrackWidth = Width - (2 * Margin);

    /// <summary>One bar's row: its texts (cut to fit) and where each part goes.</summary>
    private sealed record BarRow(
        string Label, string? FullLabel, string Value, double Baseline, double BarTop, double ValueWidth, double? ReferenceX,
        IReadOnlyList<(string Text, double Y)> Note, string? FullNote);

    /// <summary>The legend of the reference markers; <see cref="FullText"/> is set when the text was cut.</summary>
    private sealed record BarLegend(IReadOnlyList<string> Lines, string? FullText, double Top);

    /// <summary>Where everything goes, computed before anything is drawn.</summary>
    private sealed record BarLayout(IReadOnlyList<BarRow> Rows, BarLegend? Legend, double Height);

    private static BarLayout Layout(IReadOnlyList<BarItem> bars, double max, string? valueSuffix, string? referenceLabel, int decimals, string referenceValueFormat)
    {
        double X(double value) => Margin + (Math.Clamp(value / max, 0, 1) * TrackWidth);
        var rows = new List<BarRow>();
        double y = 4;
        foreach (var bar in bars)
        {
            var value = SvgWriter.FormatValue(bar.Value, decimals, fixedDecimals: true) + (valueSuffix ?? "");
            var valueWidth = SvgWriter.EstimateWidth(value, FontSize, bold: true);
            var label = SvgWriter.Truncate(bar.Label.Trim(), TrackWidth - valueWidth - 10, FontSize);
            var barTop = y + 26;
            var rowTop = y;
            y = barTop + BarHeight + 3;
            var note = new List<(string, double)>();
            string? fullNote = null;
            if (bar.ReferenceValue is { } r)
            {
                // On its own line under the bar, so it never squeezes the label.
                y += LineHeight;
                note.Add((string.Format(System.Globalization.CultureInfo.InvariantCulture, referenceValueFormat, SvgWriter.FormatValue(r, decimals, fixedDecimals: true)), y));
                y += 4;
            }

            if (!string.IsNullOrWhiteSpace(bar.Note))
            {
                var lines = SvgWriter.Wrap(bar.Note, TrackWidth, FontSize, maxLines: 2);
                if (lines[^1].EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal) &&
                    !bar.Note.TrimEnd().EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal))
                {
                    fullNote = bar.Note;
                }

                foreach (var line in lines)
                {
                    y += LineHeight;
                    note.Add((line, y));
                }

                y += 4;
            }

            rows.Add(new BarRow(label, label != bar.Label.Trim() ? bar.Label : null, value, rowTop + 14, barTop, X(bar.Value) - Margin,
                bar.ReferenceValue is { } refValue ? X(refValue) : null, note, fullNote));
            y += RowGap;
        }

        BarLegend? legend = null;
        if (referenceLabel is not null && bars.Any(b => b.ReferenceValue is not null))
        {
            var lines = SvgWriter.Wrap(referenceLabel, TrackWidth - 20, FontSize, maxLines: 4);
            legend = new BarLegend(lines, lines[^1].EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal) ? referenceLabel : null, y);
            y += 12 + (lines.Count * LineHeight);
        }

        return new BarLayout(rows, legend, y);
    }

    private static string Draw(BarLayout layout, string idPrefix, string title, string description)
    {
        var rows = new StringBuilder();
        foreach (var row in layout.Rows)
        {
            rows.Append("<g class=\"bar\">");
            if (row.FullLabel is { } fullLabel)
            {
                rows.Append("<title>").Append(SvgWriter.Escape(fullLabel)).Append("</title>");
            }

            rows.Append('\n');
            SvgWriter.AppendText(rows, Margin, row.Baseline, row.Label);
            rows.Append("<text x=\"").Append(SvgWriter.Num(Width - Margin)).Append("\" y=\"").Append(SvgWriter.Num(row.Baseline))
                .Append("\" text-anchor=\"end\"><tspan font-weight=\"bold\">").Append(SvgWriter.Escape(row.Value)).Append("</tspan></text>\n");
            rows.Append("<rect class=\"track\" x=\"").Append(SvgWriter.Num(Margin)).Append("\" y=\"").Append(SvgWriter.Num(row.BarTop))
                .Append("\" width=\"").Append(SvgWriter.Num(TrackWidth)).Append("\" height=\"").Append(SvgWriter.Num(BarHeight))
                .Append("\" fill=\"#f2f2f2\" stroke=\"").Append(SvgWriter.AxisColor).Append("\" stroke-width=\"0.5\"/>\n");
            rows.Append("<rect class=\"value\" x=\"").Append(SvgWriter.Num(Margin)).Append("\" y=\"").Append(SvgWriter.Num(row.BarTop))
                .Append("\" width=\"").Append(SvgWriter.Num(row.ValueWidth)).Append("\" height=\"").Append(SvgWriter.Num(BarHeight))
                .Append("\" fill=\"").Append(SvgWriter.PrimaryColor).Append("\"/>\n");
            if (row.ReferenceX is { } referenceX)
            {
                AppendMarker(rows, referenceX, row.BarTop);
            }

            if (row.FullNote is { } fullNote)
            {
                rows.Append("<title>").Append(SvgWriter.Escape(fullNote)).Append("</title>\n");
            }

            foreach (var (line, lineY) in row.Note)
            {
                SvgWriter.AppendText(rows, Margin, lineY, line, "start", $"class=\"note\" fill=\"{SvgWriter.MutedTextColor}\"");
            }

            rows.Append("</g>\n");
        }

        if (layout.Legend is { } legend)
        {
            rows.Append("<g class=\"legend\">");
            if (legend.FullText is { } fullText)
            {
                rows.Append("<title>").Append(SvgWriter.Escape(fullText)).Append("</title>");
            }

            rows.Append('\n');
            AppendMarker(rows, Margin + 5, legend.Top + 6);
            for (var i = 0; i < legend.Lines.Count; i++)
            {
                SvgWriter.AppendText(rows, Margin + 16, legend.Top + 16 + (i * LineHeight), legend.Lines[i]);
            }

            rows.Append("</g>\n");
        }

        var sb = new StringBuilder();
        SvgWriter.AppendRoot(sb, idPrefix, "bar", Width, layout.Height, MaxWidth, FontSize, title, description);
        sb.Append(rows).Append("</svg>");
        return sb.ToString();
    }

    // A diamond over a dashed line across the bar: a shape without direction (a triangle pointing down reads as "fell
    // by"), and shape, not colour, tells it from the bar.
    private static void AppendMarker(StringBuilder sb, double x, double barTop)
    {
        sb.Append("<g class=\"reference\" fill=\"").Append(ReferenceColor).Append("\" stroke=\"").Append(ReferenceColor).Append("\">")
            .Append("<path stroke=\"none\" d=\"M").Append(SvgWriter.Num(x)).Append(',').Append(SvgWriter.Num(barTop - 9))
            .Append(" L").Append(SvgWriter.Num(x + 4)).Append(',').Append(SvgWriter.Num(barTop - 4.5))
            .Append(" L").Append(SvgWriter.Num(x)).Append(',').Append(SvgWriter.Num(barTop))
            .Append(" L").Append(SvgWriter.Num(x - 4)).Append(',').Append(SvgWriter.Num(barTop - 4.5)).Append(" Z\"/>")
            .Append("<line stroke-width=\"2\" stroke-dasharray=\"3 2\" x1=\"").Append(SvgWriter.Num(x)).Append("\" y1=\"").Append(SvgWriter.Num(barTop - 1))
            .Append("\" x2=\"").Append(SvgWriter.Num(x)).Append("\" y2=\"").Append(SvgWriter.Num(barTop + BarHeight + 3)).Append("\"/>")
            .Append("</g>\n");
    }
}
