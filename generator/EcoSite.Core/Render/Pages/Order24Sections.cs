using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// The sections of a polluter page for the groups of 企业环境信息依法披露管理办法 (Order 24) article 12 that the file
/// gives (content-format.en.md section 10); a group the file leaves out is not shown. Values are shown as written:
/// no threshold is judged.
/// </summary>
internal static class Order24Sections
{
    /// <summary>The permit's issuing authority and validity, shown with the permit number.</summary>
    public static IReadOnlyList<DisclosureFactView> Permit(PageContext ctx, Order24Groups g)
    {
        var facts = new List<DisclosureFactView>();
        if (g.Permit is not { } p) return facts;
        Add(facts, ctx, "o24_permit_authority", Text(ctx, p.Authority));
        Add(facts, ctx, "o24_permit_valid_from", Date(ctx, p.ValidFrom));
        Add(facts, ctx, "o24_permit_valid_until", Date(ctx, p.ValidUntil));
        return facts;
    }

    public static string? Averaging(PageContext ctx, string? averaging) => averaging is null ? null : ctx.T("o24_averaging_" + averaging);

    public static IReadOnlyList<DisclosureSectionView> Of(PageContext ctx, Order24Groups g)
    {
        var sections = new List<DisclosureSectionView>();
        void Section(string id, List<DisclosureFactView> facts, DisclosureTableView? table = null)
        {
            if (facts.Count > 0 || table is not null) sections.Add(new("o24-" + id.Replace('_', '-'), ctx.T("o24_" + id), facts, table));
        }
        DisclosureTableView? Table(int count, string[] columns, Func<int, IReadOnlyList<CellView>> row) =>
            count == 0 ? null : new([.. columns.Select(ctx.T)], [.. Enumerable.Range(0, count).Select(row)]);

        var tax = new List<DisclosureFactView>();
        Add(tax, ctx, "o24_tax_paid", Number(g.Tax?.Paid10kCny));
        Add(tax, ctx, "o24_note", Text(ctx, g.Tax?.Note));
        Section("tax", tax);

        var insurance = new List<DisclosureFactView>();
        if (g.Insurance?.Insured is { } insured) Add(insurance, ctx, "o24_insured", new CellView(ctx.T(insured ? "o24_yes" : "o24_no")));
        Add(insurance, ctx, "o24_insurer", Text(ctx, g.Insurance?.Insurer));
        Add(insurance, ctx, "o24_policy", Plain(g.Insurance?.Policy));
        Add(insurance, ctx, "o24_cover_until", Date(ctx, g.Insurance?.ValidUntil));
        Section("insurance", insurance);

        var credit = new List<DisclosureFactView>();
        Add(credit, ctx, "o24_rating", Text(ctx, g.Credit?.Rating));
        Add(credit, ctx, "o24_rating_authority", Text(ctx, g.Credit?.Authority));
        Add(credit, ctx, "o24_rating_date", Date(ctx, g.Credit?.Date));
        Add(credit, ctx, "o24_published_at", Link(g.Credit?.Url));
        Section("credit", credit);

        var toxic = g.ToxicSubstances;
        Section("toxic", [], Table(toxic.Count, ["o24_col_substance", "o24_col_cas", "o24_col_emitted_t", "o24_note"],
            i => [Text(ctx, toxic[i].Name)!, new(toxic[i].Cas), Number(toxic[i].EmittedT), Text(ctx, toxic[i].Note) ?? new(null)]));

        var waste = g.SolidWaste;
        Section("solid_waste", [], Table(waste.Count,
            ["o24_col_waste", "o24_col_code", "o24_col_generated_t", "o24_col_stored_t", "o24_col_utilised_t", "o24_col_disposed_t", "o24_col_destination"],
            i => [Text(ctx, waste[i].Name)!, new(waste[i].Code), Number(waste[i].GeneratedT), Number(waste[i].StoredT), Number(waste[i].UtilisedT),
                Number(waste[i].DisposedT), Text(ctx, waste[i].Destination) ?? new(null)]));

        var monitoring = new List<DisclosureFactView>();
        Add(monitoring, ctx, "o24_monitoring_results", Link(g.SelfMonitoring?.ResultsUrl));
        var items = g.SelfMonitoring?.Items ?? [];
        Section("self_monitoring", monitoring, Table(items.Count, ["o24_col_outlet", "o24_col_pollutant", "o24_col_method", "o24_col_frequency"],
            i => [new(items[i].Outlet), Text(ctx, items[i].Pollutant) ?? new(null), new(items[i].Method is { } m ? ctx.T("o24_method_" + m) : null),
                Text(ctx, items[i].Frequency) ?? new(null)]));

        var carbon = new List<DisclosureFactView>();
        Add(carbon, ctx, "o24_carbon_total", Number(g.Carbon?.TotalTco2e));
        var emitters = g.Carbon?.Facilities ?? [];
        Section("carbon", carbon, Table(emitters.Count, ["o24_col_emitter", "o24_col_tco2e"],
            i => [Text(ctx, emitters[i].Name)!, Number(emitters[i].Tco2e)]));

        var responses = g.WeatherResponses;
        Section("weather", [], Table(responses.Count, ["o24_col_from", "o24_col_to", "o24_col_level", "o24_col_measures"],
            i => [Date(ctx, responses[i].From) ?? new(null), Date(ctx, responses[i].To) ?? new(null), Text(ctx, responses[i].Level) ?? new(null),
                Text(ctx, responses[i].Measures) ?? new(null)]));

        var violations = g.Violations;
        Section("violations", [], Table(violations.Count,
            ["o24_col_decided", "o24_col_authority", "o24_col_document", "o24_col_facts", "o24_col_penalty", "o24_col_rectification"],
            i => [Date(ctx, violations[i].Date) ?? new(null), Text(ctx, violations[i].Authority) ?? new(null), new(violations[i].Document),
                Text(ctx, violations[i].Facts) ?? new(null), Text(ctx, violations[i].Penalty) ?? new(null), Text(ctx, violations[i].Rectification) ?? new(null)]));

        var temporary = g.TemporaryDisclosures;
        Section("temporary", [], Table(temporary.Count, ["o24_col_disclosed", "o24_col_subject", "o24_col_link"],
            i => [Date(ctx, temporary[i].Date)!, Text(ctx, temporary[i].Subject)!, Link(temporary[i].Url) ?? new(null)]));
        return sections;
    }

    private static void Add(List<DisclosureFactView> facts, PageContext ctx, string key, CellView? value)
    {
        if (value?.Text is not null) facts.Add(new(ctx.T(key), value));
    }

    private static CellView? Text(PageContext ctx, LocalizedText? text)
    {
        if (text is null) return null;
        var t = ctx.Text(text);
        return new(t.Text, ctx.HtmlLang(t.Lang));
    }

    private static CellView? Plain(string? text) => text is null ? null : new(text);

    private static CellView? Date(PageContext ctx, DateOnly? d) => d is { } day ? new(ctx.Date(day), Datetime: Format.Iso(day)) : null;

    private static CellView Number(double? v) => new(v is { } d ? Format.Number(d, 4) : null, Num: true);

    /// <summary>Only http(s) addresses reach the model (Order24Reader through UrlPolicy); the address is its own link text.</summary>
    private static CellView? Link(string? url) => url is null ? null : new(url, Url: url);
}
