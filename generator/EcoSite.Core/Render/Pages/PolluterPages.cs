using System.Globalization;
using EcoSite.Core.Model.Identifiers;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;
using static EcoSite.Core.Render.Pages.DisclosureViews;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// Category 5 (content-format.md section 10): a park's key polluting units and a page per unit with the six groups
/// of 企业事业单位环境信息公开办法 (2014). A concentration above its limit is marked as an exceedance in words and
/// symbol even when the file says 'exceedances: 0'.
/// </summary>
internal static class PolluterPages
{
    public static IEnumerable<PageJob> Jobs(Site site)
    {
        foreach (var park in site.Parks)
        {
            yield return new PageJob(Routes.List(park.Id, Routes.Sections.Polluters), ctx => List(ctx, park));
            foreach (var p in park.Polluters)
                yield return new PageJob(Routes.Polluter(park.Id, p.Enterprise.Id), ctx => Item(ctx, park, p), p.File);
        }
    }

    private static StatusView Overall(PageContext ctx, Park park, PolluterReport p) =>
        ctx.Facts.Park(park.Id).HasExceedance(p) ? new("not-met", "✗", ctx.T("has_exceedance")) : new("met", "✓", ctx.T("no_exceedance"));

    private static PageContent List(PageContext ctx, Park park)
    {
        var rows = park.Polluters.OrderBy(p => p.Enterprise.Id, StringComparer.Ordinal).Select(p => new PolluterRowView(ctx.Url(Routes.Polluter(park.Id, p.Enterprise.Id)),
            EnterpriseName(ctx, park, p.Enterprise.Id), p.ReportYear?.ToString(CultureInfo.InvariantCulture), p.Permit, p.Outlets.Count, Overall(ctx, park, p))).ToList();
        var heading = ctx.T("category_polluters");
        return new PageContent("polluters", heading, new PollutersView(heading, ctx.T("polluters_intro"), rows, rows.Count == 0 ? ctx.T("empty_column") : null),
            [ctx.HomeCrumb(), ctx.ParkCrumb(park)]);
    }

    private static PageContent Item(PageContext ctx, Park park, PolluterReport p)
    {
        var name = EnterpriseName(ctx, park, p.Enterprise.Id);
        var basic = new List<FactView>();
        void Add(string key, LocalizedText? text)
        {
            if (text is null) return;
            var t = ctx.Text(text);
            basic.Add(new(ctx.T(key), t.Text, ctx.HtmlLang(t.Lang)));
        }
        if (park.FindEnterprise(p.Enterprise.Id)?.CreditCode is { } credit) basic.Add(new(ctx.T("credit_code"), credit));
        if (p.ReportYear is { } y) basic.Add(new(ctx.T("report_year"), y.ToString(CultureInfo.InvariantCulture)));
        if (p.Order24.Prepared is { } prepared) basic.Add(new(ctx.T("o24_prepared_on"), ctx.Date(prepared)));
        Add("legal_representative", p.Basic?.LegalRepresentative);
        Add("address", p.Basic?.Address);
        Add("contact", p.Basic?.Contact);
        Add("business", p.Basic?.Business);
        Add("products", p.Basic?.Products);

        var outlets = p.Outlets.Select(o =>
        {
            var medium = OutletCode.Check(o.Code).Medium is { } m ? ctx.T(m == OutletMedium.Air ? "outlet_air" : "outlet_water") : null;
            var rows = o.Pollutants.Select(x =>
            {
                var conc = x.OverLimit ? Exceeded(ctx) : x.Concentration is not null && x.Limit is not null ? WithinLimit(ctx) : NoLimit(ctx);
                var total = x.OverPermittedTotal ? Exceeded(ctx) : x.TotalT is not null && x.PermittedTotalT is not null ? WithinLimit(ctx) : NoLimit(ctx);
                string? note = x.OverLimit && x.Exceedances is null or 0 ? ctx.T("exceedance_not_counted") : null;
                string? U(double? v) => v is { } d ? Format.Number(d, 4) : null;
                return new PollutantRowView(Text(ctx, x.Name), x.Unit, U(x.Concentration), U(x.Limit), U(x.TotalT), U(x.PermittedTotalT),
                    x.Exceedances?.ToString(CultureInfo.InvariantCulture), conc, total, note) { Averaging = Order24Sections.Averaging(ctx, x.Averaging) };
            }).ToList();
            return new OutletView(o.Code, medium, TextOrNull(ctx, o.Location), TextOrNull(ctx, o.Discharge), o.Standard,
                string.Format(CultureInfo.InvariantCulture, ctx.T("outlet_caption"), o.Code), rows) { Destination = TextOrNull(ctx, o.Destination) };
        }).ToList();
        var facilities = p.Facilities.Select(f => new FacilityView(Text(ctx, f.Name), f.Status is { } s ? ctx.T("facility_" + s) is var label && label != "facility_" + s ? label : s : null,
            f.Since is { } d ? Format.Iso(d) : null, f.Since is { } d2 ? ctx.Date(d2) : null)).ToList();
        var approvals = p.Approvals.Select(a => new ApprovalView(Text(ctx, a.Project), a.Number, a.Date is { } d ? Format.Iso(d) : null, a.Date is { } d2 ? ctx.Date(d2) : null)).ToList();
        var plan = new List<FactView>();
        if (p.EmergencyPlan?.Filed is { } filed) plan.Add(new(ctx.T("plan_filed"), ctx.Date(filed)));
        if (p.EmergencyPlan?.Number is { } number) plan.Add(new(ctx.T("plan_number"), number));
        return new PageContent("polluter", name.Text,
            new PolluterView(name.Text, name.HtmlLang, basic, p.Permit, outlets, facilities, approvals, plan,
                p.OtherHtml is null ? null : OtherView(ctx, ctx.Text(p.OtherHtml)), Overall(ctx, park, p), [WithinLimit(ctx), Exceeded(ctx), NoLimit(ctx)])
            {
                PermitDetails = Order24Sections.Permit(ctx, p.Order24),
                Order24 = Order24Sections.Of(ctx, p.Order24),
            },
            [ctx.HomeCrumb(), ctx.ParkCrumb(park), new(ctx.T("category_polluters"), ctx.Url(Routes.List(park.Id, Routes.Sections.Polluters)))]);
    }

    private static BlockView OtherView(PageContext ctx, Localized shown) =>
        new(new RawHtml(shown.Text), ctx.HtmlLang(shown.Lang), shown.Lang != ctx.Lang);
}
