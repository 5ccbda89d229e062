using System.Text;

namespace EcoSite.Core.Render.Svg;

/// <summary>One waste or by-product flow of a year (spec 9), quantity in the diagram's unit.</summary>
internal sealed record SankeyFlow(string Source, string Target, string Material, double Quantity, bool Hazardous);

/// <summary>
/// Waste flows between enterprises as a two-column Sankey diagram: senders on the left, receivers on
/// the right. An enterprise that both sends and receives appears once in each column.
/// </summary>
internal static class SankeyDiagram
{
    // Drawn wide and shown at full width (issue 13: a 450 px cap cut names to "Demo Qinghe Th…"). The root's min-width
    // keeps it Width CSS px wide, so text is never under 12 px; on a phone the page's focusable scroll region around it
    // (.chart-scroll) scrolls. MaxWidth only stops it growing past the widest page column.
    private const double Width = 760;
    private const double MaxWidth = 1200;
    private const double FontSize = 12;
    private const double LineHeight = 15;
    private const double LabelWidth = 190;
    private const int MaxNameLines = 6;
    private const double MaterialFontSize = 12;
    private const double MaterialLineHeight = 14;
    private const double LabelGap = 4;
    private const double NodeWidth = 8;
    private const double LeftNodeX = 2 + LabelWidth + LabelGap;
    private const double RightNodeX = Width - LeftNodeX - NodeWidth;
    private const double NodeGap = 10;
    private const double Top = 4;

    // Total band thickness shared by all flows: BandPerNode for each node of the longer column, within
    // bounds, so one flow is not a wall and twenty are not threads. A flow never gets less than
    // MinBand, so a flow a thousand times smaller than the largest stays visible (and its node with it).
    private const double BandPerNode = 36;
    private const double MinBandBudget = 48;
    private const double MaxBandBudget = 160;
    private const double MinBand = 3;

    private const string DefaultHazardousLabel = "危险废物 Hazardous waste";

    // Layout state while drawing; a band is one flow of the input list, even if two flows are equal.
    private sealed class Band(SankeyFlow flow, double thickness)
    {
        public SankeyFlow Flow { get; } = flow;
        public double Thickness { get; } = thickness;
        public double SourceTop { get; set; }
        public double TargetTop { get; set; }
    }

    private sealed class Node(string name, List<Band> bands)
    {
        public string Name { get; } = name;
        public List<Band> Bands { get; } = bands;
        public double Total { get; } = bands.Sum(b => b.Flow.Quantity);
        public double Height { get; set; }
        public double Y { get; set; }
        public IReadOnlyList<string> Lines { get; set; } = [];
        public bool Truncated { get; set; }
        // Room for the name and for one material label per band at this end (see AppendMaterialLabels).
        public double Slot => Math.Max(Height, Math.Max(Lines.Count * LineHeight, Bands.Count * MaterialLineHeight));
        public double Center => Y + (Height / 2);
    }

    /// <summary>
    /// Draws the flows as an accessible inline SVG, labelled by <paramref name="title"/> and
    /// <paramref name="description"/> (ids <c>{idPrefix}-title</c>, <c>{idPrefix}-desc</c>).
    /// </summary>
    /// <param name="idPrefix">Unique on the page (also names the hatch pattern); <c>^[A-Za-z][A-Za-z0-9_-]*$</c>.</param>
    /// <param name="flows">Quantities must be finite and not negative, all in the same unit.</param>
    /// <param name="unitLabel">Printed after each node total, e.g. "t" or "吨".</param>
    /// <param name="hazardousLabel">Legend text for hazardous flows, localised by the caller.</param>
    /// <returns>
    /// The SVG markup, or <see cref="string.Empty"/> when <paramref name="flows"/> is empty: the page
    /// then prints its own localised "no data" text.
    /// </returns>
    /// <remarks>
    /// Band thickness is proportional to quantity, except that no band is thinner than 3 units; node
    /// heights are the sum of their bands. Senders are sorted by name (ordinal); receivers by the
    /// weighted mean position of their senders, then name, which keeps crossings few. Hazardous flows
    /// are hatched, outlined with a dashed line and marked with a warning triangle where there is
    /// room. Node names wrap, never cut. Each band is labelled with its material and quantity at its
    /// receiver's end (and in its &lt;title&gt;); the page lists the flows in a table as well.
    /// </remarks>
    public static string Render(
        string idPrefix, IReadOnlyList<SankeyFlow> flows, string title, string description, string unitLabel,
        string? hazardousLabel = null, Punctuation? punctuation = null)
    {
        var marks = punctuation ?? Punctuation.Latin;
        SvgWriter.RequireIdPrefix(idPrefix);
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(unitLabel);
        if (flows.Count == 0)
        {
            return string.Empty;
        }

        foreach (var flow in flows)
        {
            ArgumentNullException.ThrowIfNull(flow);
            ArgumentNullException.ThrowIfNull(flow.Source, nameof(flows));
            ArgumentNullException.ThrowIfNull(flow.Target, nameof(flows));
            ArgumentNullException.ThrowIfNull(flow.Material, nameof(flows));
            SvgWriter.RequireFinite(flow.Quantity, nameof(flows));
            if (flow.Quantity < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(flows), flow.Quantity, "A flow quantity cannot be negative.");
            }
        }

        var ordered = flows
            .OrderBy(f => f.Source, StringComparer.Ordinal)
            .ThenBy(f => f.Target, StringComparer.Ordinal)
            .ThenBy(f => f.Material, StringComparer.Ordinal)
            .ThenBy(f => f.Quantity)
            .ThenBy(f => f.Hazardous)
            .ToList();
        var total = ordered.Sum(f => f.Quantity);
        var longestColumn = Math.Max(
            ordered.Select(f => f.Source).Distinct(StringComparer.Ordinal).Count(),
            ordered.Select(f => f.Target).Distinct(StringComparer.Ordinal).Count());
        var budget = Math.Clamp(BandPerNode * longestColumn, MinBandBudget, MaxBandBudget);
        var scale = total > 0 ? budget / total : 0;
        var bands = ordered.Select(f => new Band(f, Math.Max(f.Quantity * scale, MinBand))).ToList();

        var senders = BuildColumn(bands, b => b.Flow.Source, unitLabel);
        var senderIndex = senders.Select((n, i) => (n.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var leftHeight = Stack(senders);

        var receivers = BuildColumn(bands, b => b.Flow.Target, unitLabel)
            .OrderBy(n => n.Bands.Sum(b => b.Flow.Quantity * senders[senderIndex[b.Flow.Source]].Center) / Math.Max(n.Total, double.Epsilon))
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        var receiverIndex = receivers.Select((n, i) => (n.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var rightHeight = Stack(receivers);

        // Centre the shorter column against the taller one.
        var plotHeight = Math.Max(leftHeight, rightHeight);
        Shift(senders, Top + ((plotHeight - leftHeight) / 2));
        Shift(receivers, Top + ((plotHeight - rightHeight) / 2));

        // Each flow's band: its slice of the sender (in receiver order) and of the receiver (in sender order).
        // Node bands are already in flow order (OrderBy is stable), so sorting by the other end is enough.
        foreach (var node in senders)
        {
            var y = node.Y;
            foreach (var b in node.Bands.OrderBy(b => receiverIndex[b.Flow.Target]))
            {
                b.SourceTop = y;
                y += b.Thickness;
            }
        }

        foreach (var node in receivers)
        {
            var y = node.Y;
            foreach (var b in node.Bands.OrderBy(b => senderIndex[b.Flow.Source]))
            {
                b.TargetTop = y;
                y += b.Thickness;
            }
        }

        var anyHazardous = ordered.Any(f => f.Hazardous);
        var legendText = hazardousLabel ?? DefaultHazardousLabel;
        var legendLines = anyHazardous ? SvgWriter.Wrap(legendText, Width - 52, FontSize, maxLines: 2) : [];
        var legendTop = Top + plotHeight + 12;
        var height = anyHazardous ? legendTop + Math.Max(20, legendLines.Count * LineHeight) + 6 : Top + plotHeight + 4;

        var sb = new StringBuilder();
        SvgWriter.AppendRoot(sb, idPrefix, "sankey", Width, height, MaxWidth, FontSize, title, description, minWidth: Width);
        var hatchId = idPrefix + "-hazard";
        if (anyHazardous)
        {
            sb.Append("<defs><pattern id=\"").Append(hatchId)
                .Append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .Append("<rect width=\"6\" height=\"6\" fill=\"").Append(SvgWriter.HazardTint).Append("\"/>")
                .Append("<rect width=\"2.5\" height=\"6\" fill=\"").Append(SvgWriter.HazardColor).Append("\"/>")
                .Append("</pattern></defs>\n");
        }

        // Hazardous bands last, so no ordinary band hides their pattern.
        var warnings = new List<(double X, double Y)>();
        foreach (var b in bands.Where(b => !b.Flow.Hazardous).Concat(bands.Where(b => b.Flow.Hazardous)))
        {
            var color = SvgWriter.Palette[senderIndex[b.Flow.Source] % SvgWriter.Palette.Count];
            AppendBand(sb, b, color, hatchId, unitLabel, legendText, marks);
        }

        foreach (var b in bands.Where(b => b.Flow.Hazardous))
        {
            // At the sender's end: the receiver's end carries the material labels. Else leave the band to its
            // pattern and dashes.
            (double X, double Y)[] candidates =
            [
                (LeftNodeX + NodeWidth + 9, b.SourceTop + (b.Thickness / 2)),
            ];
            foreach (var c in candidates)
            {
                if (warnings.All(m => Math.Abs(m.X - c.X) >= 14 || Math.Abs(m.Y - c.Y) >= 14))
                {
                    warnings.Add(c);
                    AppendWarningMark(sb, c.X, c.Y);
                    break;
                }
            }
        }

        for (var i = 0; i < senders.Count; i++)
        {
            AppendNode(sb, senders[i], LeftNodeX, SvgWriter.Palette[i % SvgWriter.Palette.Count], LeftNodeX - LabelGap, "end", unitLabel, marks);
        }

        foreach (var node in receivers)
        {
            AppendNode(sb, node, RightNodeX, SvgWriter.MutedTextColor, RightNodeX + NodeWidth + LabelGap, "start", unitLabel, marks);
        }

        foreach (var node in receivers)
        {
            AppendMaterialLabels(sb, node, unitLabel);
        }

        if (anyHazardous)
        {
            AppendLegend(sb, legendTop, legendLines, legendText, hatchId);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static List<Node> BuildColumn(List<Band> bands, Func<Band, string> key, string unitLabel)
    {
        var nodes = bands
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => new Node(g.Key, g.ToList()))
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var node in nodes)
        {
            node.Height = node.Bands.Sum(b => b.Thickness);
            var name = SvgWriter.Wrap(node.Name, LabelWidth, FontSize, maxLines: MaxNameLines);
            var amount = SvgWriter.Truncate(TotalText(node, unitLabel), LabelWidth, FontSize);
            node.Lines = [.. name, amount];
            node.Truncated = name[^1].EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal) || amount != TotalText(node, unitLabel);
        }

        return nodes;
    }

    private static string TotalText(Node node, string unitLabel) =>
        SvgWriter.FormatValue(node.Total, 2, fixedDecimals: false) + (unitLabel.Length > 0 ? " " + unitLabel : "");

    // Lays the column's nodes out top to bottom; returns the column's height.
    private static double Stack(List<Node> nodes)
    {
        double y = 0;
        foreach (var node in nodes)
        {
            node.Y = y + ((node.Slot - node.Height) / 2);
            y += node.Slot + NodeGap;
        }

        return y - NodeGap;
    }

    private static void Shift(List<Node> nodes, double dy)
    {
        foreach (var node in nodes)
        {
            node.Y += dy;
        }
    }

    private static void AppendBand(StringBuilder sb, Band band, string color, string hatchId, string unitLabel, string hazardousLabel, Punctuation marks)
    {
        var f = band.Flow;
        var (y0, y1, w) = (band.SourceTop, band.TargetTop, band.Thickness);
        const double x0 = LeftNodeX + NodeWidth;
        const double x1 = RightNodeX;
        const double xm = (x0 + x1) / 2;
        string N(double v) => SvgWriter.Num(v);
        sb.Append("<path class=\"").Append(f.Hazardous ? "band hazardous" : "band").Append("\" d=\"M")
            .Append(N(x0)).Append(',').Append(N(y0))
            .Append(" C").Append(N(xm)).Append(',').Append(N(y0)).Append(' ').Append(N(xm)).Append(',').Append(N(y1))
            .Append(' ').Append(N(x1)).Append(',').Append(N(y1))
            .Append(" L").Append(N(x1)).Append(',').Append(N(y1 + w))
            .Append(" C").Append(N(xm)).Append(',').Append(N(y1 + w)).Append(' ').Append(N(xm)).Append(',').Append(N(y0 + w))
            .Append(' ').Append(N(x0)).Append(',').Append(N(y0 + w)).Append(" Z\"");
        if (f.Hazardous)
        {
            sb.Append(" fill=\"url(#").Append(hatchId).Append(")\" stroke=\"").Append(SvgWriter.HazardColor)
                .Append("\" stroke-width=\"1.2\" stroke-dasharray=\"4 2\"");
        }
        else
        {
            // The outline at full strength carries the 3:1 contrast the translucent fill lacks.
            sb.Append(" fill=\"").Append(color).Append("\" fill-opacity=\"0.45\" stroke=\"").Append(color)
                .Append("\" stroke-width=\"0.8\"");
        }

        var tooltip = marks.Labeled(f.Source + " \u2192 " + f.Target, f.Material + " "
            + SvgWriter.FormatValue(f.Quantity, 2, fixedDecimals: false) + (unitLabel.Length > 0 ? " " + unitLabel : ""));
        tooltip = f.Hazardous ? marks.Noted(tooltip, hazardousLabel) : tooltip;
        sb.Append("><title>").Append(SvgWriter.Escape(tooltip)).Append("</title></path>\n");
    }

    // A warning triangle drawn as a shape, so it does not depend on a font having U+26A0.
    private static void AppendWarningMark(StringBuilder sb, double cx, double cy)
    {
        string N(double v) => SvgWriter.Num(v);
        sb.Append("<g class=\"hazard-mark\"><path d=\"M").Append(N(cx)).Append(',').Append(N(cy - 7))
            .Append(" L").Append(N(cx + 7)).Append(',').Append(N(cy + 5.5))
            .Append(" L").Append(N(cx - 7)).Append(',').Append(N(cy + 5.5))
            .Append(" Z\" fill=\"#ffffff\" stroke=\"").Append(SvgWriter.HazardColor).Append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>")
            .Append("<path d=\"M").Append(N(cx)).Append(',').Append(N(cy - 3)).Append(" L").Append(N(cx)).Append(',').Append(N(cy + 1))
            .Append("\" stroke=\"").Append(SvgWriter.TextColor).Append("\" stroke-width=\"1.6\" stroke-linecap=\"round\"/>")
            .Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy + 3.3)).Append("\" r=\"0.9\" fill=\"")
            .Append(SvgWriter.TextColor).Append("\"/></g>\n");
    }

    private static void AppendNode(StringBuilder sb, Node node, double x, string color, double textX, string anchor, string unitLabel, Punctuation marks)
    {
        sb.Append("<g class=\"node\"><title>").Append(SvgWriter.Escape(marks.Labeled(node.Name, TotalText(node, unitLabel))))
            .Append("</title>\n<rect x=\"").Append(SvgWriter.Num(x)).Append("\" y=\"").Append(SvgWriter.Num(node.Y))
            .Append("\" width=\"").Append(SvgWriter.Num(NodeWidth)).Append("\" height=\"").Append(SvgWriter.Num(node.Height))
            .Append("\" fill=\"").Append(color).Append("\"/>\n");

        // Centre the label block on the node; 12 is about the ascent of 13 px CJK text.
        var baseline = node.Center - (node.Lines.Count * LineHeight / 2) + 12;
        for (var i = 0; i < node.Lines.Count; i++)
        {
            var isAmount = i == node.Lines.Count - 1;
            SvgWriter.AppendText(sb, textX, baseline + (i * LineHeight), node.Lines[i], anchor,
                isAmount ? $"fill=\"{SvgWriter.MutedTextColor}\"" : "");
        }

        sb.Append("</g>\n");
    }

    // One label per band just left of the receiver: "material quantity", in band order, each at its band's centre or
    // pushed below the previous label, so labels never overlap (the node's slot has a line for each).
    private static void AppendMaterialLabels(StringBuilder sb, Node node, string unitLabel)
    {
        var ordered = node.Bands.OrderBy(b => b.TargetTop).ToList();
        var top = node.Center - (node.Slot / 2);
        var next = top;
        sb.Append("<g class=\"materials\" font-size=\"").Append(SvgWriter.Num(MaterialFontSize)).Append("\">\n");
        foreach (var b in ordered)
        {
            var y = Math.Max(b.TargetTop + (b.Thickness / 2) - (MaterialLineHeight / 2), next);
            next = y + MaterialLineHeight;
            var text = b.Flow.Material + " " + SvgWriter.FormatValue(b.Flow.Quantity, 2, fixedDecimals: false) + (unitLabel.Length > 0 ? " " + unitLabel : "");
            SvgWriter.AppendText(sb, RightNodeX - 4, y + 11, text, "end",
                "class=\"material\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
        }

        sb.Append("</g>\n");
    }

    private static void AppendLegend(StringBuilder sb, double top, IReadOnlyList<string> lines, string fullText, string hatchId)
    {
        sb.Append("<g class=\"legend\">");
        if (lines[^1].EndsWith(SvgWriter.Ellipsis, StringComparison.Ordinal))
        {
            sb.Append("<title>").Append(SvgWriter.Escape(fullText)).Append("</title>");
        }

        sb.Append("\n<rect x=\"2\" y=\"").Append(SvgWriter.Num(top + 2)).Append("\" width=\"24\" height=\"12\" fill=\"url(#")
            .Append(hatchId).Append(")\" stroke=\"").Append(SvgWriter.HazardColor).Append("\" stroke-width=\"1.2\" stroke-dasharray=\"4 2\"/>\n");
        AppendWarningMark(sb, 38, top + 9);
        for (var i = 0; i < lines.Count; i++)
        {
            SvgWriter.AppendText(sb, 50, top + 13 + (i * LineHeight), lines[i]);
        }

        sb.Append("</g>\n");
    }
}
