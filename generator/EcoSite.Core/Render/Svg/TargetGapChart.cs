using System.Text;

namespace EcoSite.Core.Render.Svg;

/// <summary>
/// One indicator in a <see cref="TargetGapChart"/>: <see cref="Percent"/> is its value as a percentage of its target
/// (100 = target met), <see cref="PercentText"/> that figure as printed, <see cref="Detail"/> the value and target with
/// their units, <see cref="Status"/> the met/not-met symbol and words.
/// </summary>
internal sealed record TargetGapBar(string Label, double Percent, string PercentText, string Detail, string Status, bool Met);

/// <summary>
/// Where each indicator of a group stands against its target, on one shared "% of target" axis (issue 13 item 6: one
/// overview per indicator group, with axes and units, instead of one tiny chart per indicator).
/// </summary>
internal static class TargetGapChart
{
    /// <summary>The end of the axis: bars beyond it are drawn to it and their real figure printed.</summary>
    internal const double AxisMax = 200;

    private static readonly double[] Ticks = [0, 50, 100, 150, 200];

    // 13 x 288 / 312 = 12 px on a 320 px phone (SvgWriter.MinRenderWidth).
    private const double Width = 312;
    private const double MaxWidth = 420; // 13 x 420 / 312 = 17.5 px: near the page's body text on a desktop
    private const double FontSize = 13;
    private const double Margin = 4;
    private const double PlotLeft = 14;
    private const double PlotRight = Width - 22;
    private const double LineHeight = 16;
    private const double BarHeight = 12;
    private const double RowGap = 14;

    // Labels wrap and are never cut (issue 13: names cut by "…" are unreadable); this bound only stops a runaway text.
    private const int MaxLines = 40;

    /// <summary>Draws the overview as an accessible inline SVG labelled by <paramref name="title"/> and <paramref name="description"/>.</summary>
    /// <param name="idPrefix">Unique on the page; <c>^[A-Za-z][A-Za-z0-9_-]*$</c>.</param>
    /// <param name="bars">One row each, in the given order; percentages must be finite and not negative.</param>
    /// <param name="targetLabel">Printed over the 100% line, e.g. "目标 100%".</param>
    /// <param name="axisTitle">Printed under the axis, e.g. what 100% means.</param>
    /// <returns>The SVG markup, or <see cref="string.Empty"/> when there is no bar.</returns>
    public static string Render(string idPrefix, IReadOnlyList<TargetGapBar> bars, string title, string description, string targetLabel, string axisTitle)
    {
        SvgWriter.RequireIdPrefix(idPrefix);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(targetLabel);
        ArgumentNullException.ThrowIfNull(axisTitle);
        if (bars.Count == 0)
        {
            return string.Empty;
        }

        foreach (var bar in bars)
        {
            SvgWriter.RequireFinite(bar.Percent, nameof(bars));
            ArgumentOutOfRangeException.ThrowIfNegative(bar.Percent, nameof(bars));
        }

        var body = new StringBuilder();
        var textWidth = Width - (2 * Margin);
        double y = 4;
        // The legend of the target line: a sample of it, then its words.
        AppendTargetLine(body, Margin + 6, y + 1, y + 15);
        SvgWriter.AppendText(body, Margin + 16, y + 12, targetLabel, "start", $"font-weight=\"bold\" fill=\"{SvgWriter.TargetColor}\"");
        y += 18;
        var bands = new List<(double Top, double Bottom)>();
        foreach (var bar in bars)
        {
            body.Append("<g class=\"indicator\">\n");
            foreach (var line in SvgWriter.Wrap(bar.Label, textWidth, FontSize, MaxLines))
            {
                y += LineHeight;
                SvgWriter.AppendText(body, Margin, y, line, "start", "font-weight=\"bold\"");
            }

            foreach (var line in SvgWriter.Wrap(bar.Detail, textWidth, FontSize, MaxLines))
            {
                y += LineHeight;
                SvgWriter.AppendText(body, Margin, y, line, "start", $"fill=\"{SvgWriter.MutedTextColor}\"");
            }

            y += LineHeight;
            SvgWriter.AppendText(body, Margin, y, bar.Status + " · " + bar.PercentText, "start",
                $"class=\"{(bar.Met ? "met" : "not-met")}\" fill=\"{(bar.Met ? SvgWriter.TextColor : SvgWriter.HazardColor)}\"");
            y += 5;
            body.Append("<rect class=\"track\" x=\"").Append(SvgWriter.Num(PlotLeft)).Append("\" y=\"").Append(SvgWriter.Num(y))
                .Append("\" width=\"").Append(SvgWriter.Num(PlotRight - PlotLeft)).Append("\" height=\"").Append(SvgWriter.Num(BarHeight))
                .Append("\" fill=\"#f2f2f2\"/>\n");
            body.Append("<rect class=\"value\" x=\"").Append(SvgWriter.Num(PlotLeft)).Append("\" y=\"").Append(SvgWriter.Num(y))
                .Append("\" width=\"").Append(SvgWriter.Num(X(bar.Percent) - PlotLeft)).Append("\" height=\"").Append(SvgWriter.Num(BarHeight))
                .Append("\" fill=\"").Append(bar.Met ? SvgWriter.PrimaryColor : SvgWriter.HazardColor).Append("\"/>\n");
            // The target line is drawn through each bar only, never through the texts above it.
            AppendTargetLine(body, X(100), y - 4, y + BarHeight + 4);
            bands.Add((y - 2, y + BarHeight + 2));
            y += BarHeight + RowGap;
            body.Append("</g>\n");
        }

        var axisY = y;
        var grid = new StringBuilder("<g class=\"axis\" stroke=\"").Append(SvgWriter.AxisColor).Append("\">\n");
        grid.Append("<line x1=\"").Append(SvgWriter.Num(PlotLeft)).Append("\" y1=\"").Append(SvgWriter.Num(axisY))
            .Append("\" x2=\"").Append(SvgWriter.Num(PlotRight)).Append("\" y2=\"").Append(SvgWriter.Num(axisY)).Append("\"/>\n");
        var labels = new StringBuilder("<g class=\"ticks\">\n");
        foreach (var tick in Ticks)
        {
            var x = SvgWriter.Num(X(tick));
            // Light grid lines let a reader carry a bar's end down to the axis; the 100% line is drawn on top.
            foreach (var (top, bottom) in bands)
            {
                grid.Append("<line stroke-width=\"0.5\" x1=\"").Append(x).Append("\" y1=\"").Append(SvgWriter.Num(top))
                    .Append("\" x2=\"").Append(x).Append("\" y2=\"").Append(SvgWriter.Num(bottom)).Append("\"/>\n");
            }

            grid.Append("<line x1=\"").Append(x).Append("\" y1=\"").Append(SvgWriter.Num(axisY))
                .Append("\" x2=\"").Append(x).Append("\" y2=\"").Append(SvgWriter.Num(axisY + 5)).Append("\"/>\n");
            SvgWriter.AppendText(labels, X(tick), axisY + 19, SvgWriter.FormatValue(tick, 0, fixedDecimals: false) + "%", "middle");
        }

        grid.Append("</g>\n");
        labels.Append("</g>\n");
        y = axisY + 19;
        foreach (var line in SvgWriter.Wrap(axisTitle, textWidth, FontSize, MaxLines))
        {
            y += LineHeight;
            SvgWriter.AppendText(labels, Width / 2, y, line, "middle", $"fill=\"{SvgWriter.MutedTextColor}\"");
        }

        AppendTargetLine(labels, X(100), axisY - 6, axisY + 5);
        var sb = new StringBuilder();
        SvgWriter.AppendRoot(sb, idPrefix, "target-gap", Width, y + 6, MaxWidth, FontSize, title, description);
        sb.Append(grid).Append(body).Append(labels).Append("</svg>");
        return sb.ToString();
    }

    // Dark, thick and dashed, so it reads without colour against both bar colours and the track.
    private static void AppendTargetLine(StringBuilder sb, double x, double top, double bottom) =>
        sb.Append("<line class=\"target-line\" stroke=\"").Append(SvgWriter.TargetColor).Append("\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\" x1=\"")
            .Append(SvgWriter.Num(x)).Append("\" y1=\"").Append(SvgWriter.Num(top)).Append("\" x2=\"").Append(SvgWriter.Num(x))
            .Append("\" y2=\"").Append(SvgWriter.Num(bottom)).Append("\"/>\n");

    private static double X(double percent) => PlotLeft + (Math.Clamp(percent / AxisMax, 0, 1) * (PlotRight - PlotLeft));
}
