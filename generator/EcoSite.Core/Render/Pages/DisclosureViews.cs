using System.Globalization;
using EcoSite.Core.Model.Identifiers;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Targets;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>View pieces shared by the disclosure pages: statuses with symbol and words, texts with their language, listing rows.</summary>
internal static class DisclosureViews
{
    public static StatusView Status(PageContext ctx, Compliance c) => c switch
    {
        Compliance.Met => new("met", "✓", ctx.T("status_met")),
        Compliance.NotMet => new("not-met", "✗", ctx.T("status_not_met")),
        Compliance.NotReported => new("not-reported", "?", ctx.T("status_not_reported")),
        _ => new("no-target", "–", ctx.T("status_no_target")),
    };

    public static IReadOnlyList<StatusView> ComplianceLegend(PageContext ctx) =>
        [Status(ctx, Compliance.Met), Status(ctx, Compliance.NotMet), Status(ctx, Compliance.NoTarget), Status(ctx, Compliance.NotReported)];

    public static StatusView Exceeded(PageContext ctx) => new("not-met", "✗", ctx.T("exceedance"));

    public static StatusView WithinLimit(PageContext ctx) => new("met", "✓", ctx.T("within_limit"));

    public static StatusView NoLimit(PageContext ctx) => new("no-target", "–", ctx.T("no_limit"));

    public static TextView Text(PageContext ctx, LocalizedText text)
    {
        var t = ctx.Text(text);
        return new TextView(t.Text, ctx.HtmlLang(t.Lang));
    }

    public static TextView? TextOrNull(PageContext ctx, LocalizedText? text) => text is null ? null : Text(ctx, text);

    public static TextView Plain(PageContext ctx, string text) => new(text, ctx.HtmlLang(ctx.Lang));

    /// <summary>"≥ 70", "≤ 0.5", "= 0", or the words for a yes target.</summary>
    public static string TargetText(PageContext ctx, Target t) => t.IsYesNo
        ? ctx.T("target_yes")
        : t.ToString().Replace(">=", "≥", StringComparison.Ordinal).Replace("<=", "≤", StringComparison.Ordinal);

    public static string Value(PageContext ctx, IndicatorValue v) => v.YesNo is { } yes ? ctx.T(yes ? "yes" : "no") : Format.Number(v.Number!.Value, 4);

    /// <summary>"危险废物 HW08" for a hazardous code; null otherwise.</summary>
    public static string? HazardLabel(PageContext ctx, int? hazardousClass) =>
        hazardousClass is { } c ? ctx.T("hazardous") + " " + HazardousWasteCode.ClassLabel(c) : null;

    public static TextView EnterpriseName(PageContext ctx, Park park, string id) =>
        park.FindEnterprise(id) is { } e ? Text(ctx, e.Name) : Plain(ctx, id);

    public static StatusView ListingStatus(PageContext ctx, Listing l)
    {
        var today = ctx.Config.Today;
        if (l.IsActiveOn(today)) return new("met", "●", ctx.T("listing_active"));
        return l.Posted > today ? new("no-target", "○", ctx.T("listing_not_yet")) : new("expired", "✗", ctx.T("listing_expired"));
    }

    public static ListingRowView ListingRow(PageContext ctx, Listing l, int matchCount)
    {
        var park = ctx.Site.Parks.First(p => p.Id == l.ParkId);
        var quantity = l.Quantity is { } q ? Format.Number(q, 4) + (l.Unit is { } u ? " " + u : "") + (l.Frequency is { } f ? " · " + ctx.T("frequency_" + f) : "") : null;
        var valid = Format.Date(l.Posted, ctx.Lang) + " – " + (l.ValidUntil is { } v ? ctx.Date(v) : ctx.T("open_ended"));
        return new ListingRowView(ctx.Url(Routes.Listing(l)), Text(ctx, l.Material), ctx.T(l.Kind == ListingKind.Supply ? "supply" : "demand"),
            ctx.T("listing_category_" + l.Category.Replace('-', '_')), l.Code, HazardLabel(ctx, l.HazardousClass),
            EnterpriseName(ctx, park, l.Enterprise.Id), Text(ctx, park.Profile.Name), quantity, valid, ListingStatus(ctx, l), matchCount);
    }

    public static string Count(PageContext ctx, string key, int n) => string.Format(CultureInfo.InvariantCulture, ctx.T(key), n);
}
