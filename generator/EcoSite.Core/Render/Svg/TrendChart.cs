using System.Text;

namespace EcoSite.Core.Render.Svg;

/// <summary>One year's value of an indicator.</summary>
internal sealed record TrendPoint(int Year, double Value);

/// <summary>A horizontal target line, e.g. the park's target "&gt;= 70" labelled "目标 ≥ 70".</summary>
internal sealed record TrendTarget(double Value, string Label);

/// <summary>
/// Labels for a yes/no indicator (具备 / 达标 / 完成): values are 1 for yes and 0 for no, and each point
/// is labelled with <see cref="Yes"/> or <see cref="No"/> instead of a number.
/// </summary>
internal sealed record YesNoLabels(string Yes, string No);

/// <summary>A small line chart of an indicator across years (spec 8: "across years it draws a trend").</summary>
internal static class TrendChart
{
    private const double Width = 240;
    private const double MaxWidth = 360;
    private const double FontSize = 12;
    private const double CaptionHeight = 20;
    private const double ValueLabelSpace = 18;
    private const double PlotHeight = 44;
    private const double LabelGap = 4;

    /// <summary>
    /// Draws the trend as an accessible inline SVG, labelled by <paramref name="title"/> and
    /// <paramref name="description"/> (ids <c>{idPrefix}-title</c>, <c>{idPrefix}-desc</c>).
    /// </summary>
    /// <param name="idPrefix">Unique on the page; <c>^[A-Za-z][A-Za-z0-9_-]*$</c>.</param>
    /// <param name="points">Any order; years must be distinct. One point draws a single dot.</param>
    /// <param name="unit">Printed as given at the top left (pass it localised, e.g. "单位：%"); null for none.</param>
    /// <param name="target">An optional dashed target line with its label at the top right.</param>
    /// <param name="yesNo">When given, values are read as yes (&gt;= 0.5) or no and labelled with these strings.</param>
    /// <returns>
    /// The SVG markup, or <see cref="string.Empty"/> when <paramref name="points"/> is empty: the page
    /// then prints its own localised "no data" text.
    /// </returns>
    /// <remarks>
    /// The value axis starts at zero (or below, for negative values). When value or year labels would
    /// collide, the latest and earliest are kept and the others dropped; every point keeps its value in
    /// a &lt;title&gt; tooltip, and the page should carry the numbers in a table as well.
    /// </remarks>
    public static string Render(
        string idPrefix, IReadOnlyList<TrendPoint> points, string title, string description, string? unit,
        TrendTarget? target = null, YesNoLabels? yesNo = null)
    {
        SvgWriter.RequireIdPrefix(idPrefix);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(description);
        if (points.Count == 0)
        {
            return string.Empty;
        }

        var sorted = points.OrderBy(p => p.Year).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            SvgWriter.RequireFinite(sorted[i].Value, nameof(points));
            if (i > 0 && sorted[i].Year == sorted[i - 1].Year)
            {
                throw new ArgumentException($"Two trend points for the year {sorted[i].Year}.", nameof(points));
            }
        }

        if (target is not null)
        {
            SvgWriter.RequireFinite(target.Value, nameof(target));
        }

        return Draw(Layout(sorted, unit, target, yesNo), idPrefix, title, description, unit, target);
    }

    /// <summary>A point of the series: where its dot goes, whether it is a "no", and its tooltip.</summary>
    private sealed record TrendDot(double X, double Y, bool IsNo, string Tooltip);

    /// <summary>Where everything goes, computed before anything is drawn; labels already thinned so none overlap.</summary>
    private sealed record TrendLayout(
        double Height, double PlotBottom, double AxisY, double? TargetY, bool HasCaption, IReadOnlyList<TrendDot> Dots,
        IReadOnlyList<(double X, double Baseline, double W, string Text)> ValueLabels, IReadOnlyList<(double X, double W, string Text)> Years);

    private static TrendLayout Layout(IReadOnlyList<TrendPoint> sorted, string? unit, TrendTarget? target, YesNoLabels? yesNo)
    {
        var labels = sorted.Select(p => LabelFor(p.Value, yesNo)).ToList();
        var yearLabels = sorted.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var hasCaption = !string.IsNullOrWhiteSpace(unit) || target is not null;
        var plotTop = (hasCaption ? CaptionHeight : 0) + ValueLabelSpace;
        var plotBottom = plotTop + PlotHeight;
        var height = plotBottom + 24;

        // Horizontal padding: half the widest label, so the first and last labels stay inside.
        var widest = labels.Concat(yearLabels).Max(l => SvgWriter.EstimateWidth(l, FontSize));
        var padX = Math.Min(Width / 4, (widest / 2) + 3);
        var minYear = sorted[0].Year;
        var yearSpan = sorted[^1].Year - minYear;
        double X(int year) => yearSpan == 0 ? Width / 2 : padX + ((year - minYear) / (double)yearSpan * (Width - (2 * padX)));

        double low, high;
        if (yesNo is not null)
        {
            (low, high) = (0, 1);
        }
        else
        {
            var values = sorted.Select(p => p.Value).Append(0).ToList();
            if (target is not null)
            {
                values.Add(target.Value);
            }

            (low, high) = (values.Min(), values.Max());
            if (high == low)
            {
                high = low + 1;
            }
        }

        double Y(double value) => plotBottom - ((Math.Clamp(value, low, high) - low) / (high - low) * PlotHeight);

        // Labels are placed before drawing so that a white halo under each can sit between the
        // line and the dots: the line never runs through a number, and no halo hides a dot.
        var valueLabels = new List<(double X, double Baseline, double W, string Text)>();
        foreach (var i in LabelPriority(sorted.Count))
        {
            var w = SvgWriter.EstimateWidth(labels[i], FontSize);
            var cx = Math.Clamp(X(sorted[i].Year), (w / 2) + 1, Width - (w / 2) - 1);
            var baseline = Y(sorted[i].Value) - 7;
            var clear = valueLabels.All(l =>
                Math.Abs(l.X - cx) >= ((l.W + w) / 2) + LabelGap || Math.Abs(l.Baseline - baseline) >= FontSize + 3);
            if (clear)
            {
                valueLabels.Add((cx, baseline, w, labels[i]));
            }
        }

        var dots = sorted.Select((p, i) => new TrendDot(X(p.Year), Y(p.Value), yesNo is not null && p.Value < 0.5,
            yearLabels[i] + ": " + labels[i] + (yesNo is null && !string.IsNullOrWhiteSpace(unit) ? " " + unit : ""))).ToList();

        var years = new List<(double X, double W, string Text)>();
        foreach (var i in LabelPriority(sorted.Count))
        {
            var w = SvgWriter.EstimateWidth(yearLabels[i], FontSize);
            var cx = Math.Clamp(X(sorted[i].Year), (w / 2) + 1, Width - (w / 2) - 1);
            if (years.All(b => Math.Abs(b.X - cx) >= ((b.W + w) / 2) + LabelGap))
            {
                years.Add((cx, w, yearLabels[i]));
            }
        }

        return new TrendLayout(height, plotBottom, Y(0), target is null ? null : Y(target.Value), hasCaption, dots,
            valueLabels.OrderBy(l => l.X).ToList(), years.OrderBy(b => b.X).ToList());
    }

    private static string Draw(TrendLayout layout, string idPrefix, string title, string description, string? unit, TrendTarget? target)
    {
        var sb = new StringBuilder();
        SvgWriter.AppendRoot(sb, idPrefix, "trend", Width, layout.Height, MaxWidth, FontSize, title, description);

        // Zero line as the x axis.
        sb.Append("<line x1=\"0\" y1=\"").Append(SvgWriter.Num(layout.AxisY)).Append("\" x2=\"").Append(SvgWriter.Num(Width))
            .Append("\" y2=\"").Append(SvgWriter.Num(layout.AxisY)).Append("\" stroke=\"").Append(SvgWriter.AxisColor).Append("\"/>\n");

        if (layout.TargetY is { } targetY)
        {
            // Dashed, not only coloured, so it reads apart from the series in greyscale too.
            sb.Append("<line class=\"target\" x1=\"0\" y1=\"").Append(SvgWriter.Num(targetY))
                .Append("\" x2=\"").Append(SvgWriter.Num(Width)).Append("\" y2=\"").Append(SvgWriter.Num(targetY))
                .Append("\" stroke=\"").Append(SvgWriter.TargetColor).Append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n");
        }

        if (layout.Dots.Count > 1)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"").Append(SvgWriter.PrimaryColor)
                .Append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"");
            sb.AppendJoin(' ', layout.Dots.Select(d => SvgWriter.Num(d.X) + "," + SvgWriter.Num(d.Y)));
            sb.Append("\"/>\n");
        }

        foreach (var l in layout.ValueLabels)
        {
            sb.Append("<rect x=\"").Append(SvgWriter.Num(l.X - (l.W / 2) - 1)).Append("\" y=\"").Append(SvgWriter.Num(l.Baseline - FontSize + 1))
                .Append("\" width=\"").Append(SvgWriter.Num(l.W + 2)).Append("\" height=\"").Append(SvgWriter.Num(FontSize + 2))
                .Append("\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\n");
        }

        foreach (var d in layout.Dots)
        {
            sb.Append("<circle cx=\"").Append(SvgWriter.Num(d.X)).Append("\" cy=\"").Append(SvgWriter.Num(d.Y))
                .Append("\" r=\"3.5\" stroke=\"").Append(SvgWriter.PrimaryColor).Append("\" stroke-width=\"2\" fill=\"")
                .Append(d.IsNo ? "#ffffff" : SvgWriter.PrimaryColor).Append("\"><title>")
                .Append(SvgWriter.Escape(d.Tooltip))
                .Append("</title></circle>\n");
        }

        foreach (var l in layout.ValueLabels)
        {
            SvgWriter.AppendText(sb, l.X, l.Baseline, l.Text, "middle");
        }

        foreach (var year in layout.Years)
        {
            SvgWriter.AppendText(sb, year.X, layout.PlotBottom + 18, year.Text, "middle", $"fill=\"{SvgWriter.MutedTextColor}\"");
        }

        if (layout.HasCaption)
        {
            AppendCaption(sb, unit, target);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string LabelFor(double value, YesNoLabels? yesNo) =>
        yesNo is null ? SvgWriter.FormatValue(value, 2, fixedDecimals: false) : value >= 0.5 ? yesNo.Yes : yesNo.No;

    // The latest year matters most, then the first (the trend's start), then the rest left to right.
    private static IEnumerable<int> LabelPriority(int count)
    {
        yield return count - 1;
        if (count > 1)
        {
            yield return 0;
        }

        for (var i = 1; i < count - 1; i++)
        {
            yield return i;
        }
    }

    private static void AppendCaption(StringBuilder sb, string? unit, TrendTarget? target)
    {
        const double baseline = 14;
        const double sampleWidth = 18;
        var unitText = string.IsNullOrWhiteSpace(unit) ? "" : SvgWriter.Truncate(unit.Trim(), Width / 2, FontSize);
        var unitWidth = unitText.Length == 0 ? 0 : SvgWriter.EstimateWidth(unitText, FontSize);
        if (unitText.Length > 0)
        {
            SvgWriter.AppendText(sb, 1, baseline, unitText, "start", $"fill=\"{SvgWriter.MutedTextColor}\"");
        }

        if (target is null)
        {
            return;
        }

        var room = Width - 2 - unitWidth - 12 - sampleWidth - 4;
        var label = SvgWriter.Truncate(target.Label, room, FontSize);
        var labelWidth = SvgWriter.EstimateWidth(label, FontSize);
        var sampleX = Width - 1 - labelWidth - 4 - sampleWidth;
        sb.Append("<g class=\"target-legend\">");
        if (label != target.Label)
        {
            sb.Append("<title>").Append(SvgWriter.Escape(target.Label)).Append("</title>");
        }

        sb.Append("<line x1=\"").Append(SvgWriter.Num(sampleX)).Append("\" y1=\"").Append(SvgWriter.Num(baseline - 4))
            .Append("\" x2=\"").Append(SvgWriter.Num(sampleX + sampleWidth)).Append("\" y2=\"").Append(SvgWriter.Num(baseline - 4))
            .Append("\" stroke=\"").Append(SvgWriter.TargetColor).Append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n");
        SvgWriter.AppendText(sb, Width - 1, baseline, label, "end", $"fill=\"{SvgWriter.TargetColor}\"");
        sb.Append("</g>\n");
    }
}
