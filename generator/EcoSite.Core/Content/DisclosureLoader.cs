using System.Globalization;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// The structured disclosure files (content-format.md sections 8-10): indicators, waste flows, exchange listings
/// and key polluting units. Loading checks shapes and types; codes and references are checked by the check stage.
/// </summary>
internal sealed class DisclosureLoader(ContentTree tree, string parkId, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
{
    private static readonly string[] IndicatorFields = ["year", "status", "source", "values"];
    private static readonly string[] ValueFields = ["indicator", "name", "unit", "value", "target"];
    private static readonly string[] WasteFields = ["year", "flows"];
    private static readonly string[] FlowFields = ["from", "to", "material", "code", "quantity", "unit", "use"];
    private static readonly string[] ExternalFields = ["name", "external"];
    private static readonly string[] ListingFields =
        ["kind", "category", "enterprise", "material", "code", "quantity", "unit", "frequency", "posted", "valid_until", "contact"];
    private static readonly string[] ListingContactFields = ["name", "phone", "email"];
    private static readonly string[] PolluterFields =
        ["report_year", "basic", "permit", "outlets", "facilities", "approvals", "emergency_plan", "other", .. Order24Reader.Fields];
    private static readonly string[] BasicFields = ["legal_representative", "address", "contact", "business", "products"];
    private static readonly string[] OutletFields = ["code", "location", "discharge", "standard", "pollutants", "destination"];
    private static readonly string[] PollutantFields = ["name", "unit", "concentration", "limit", "total_t", "permitted_total_t", "exceedances", "averaging"];
    private static readonly string[] FacilityFields = ["name", "status", "since"];
    private static readonly string[] ApprovalFields = ["project", "number", "date"];
    private static readonly string[] PlanFields = ["filed", "number"];

    public IndicatorReport? LoadIndicators(ContentFile file)
    {
        var (r, f) = Open(file, "an indicator report", IndicatorFields);
        if (f is null) return null;
        var year = Year(r, f, file);
        var status = f.OneOf("status", ["final", "preliminary"]);
        var seen = new Dictionary<string, SourcePos>(StringComparer.Ordinal);
        var values = f.List("values", node =>
        {
            var v = r.Map(node, "an indicator value", ValueFields);
            if (v is null) return null;
            var id = v.Text("indicator", required: true);
            if (id is null) return null;
            // One value per indicator and year (a trend has one point per year); custom indicators are told apart by name.
            var name = v.Localized("name");
            var key = id == "custom" ? "custom:" + (name?.In(languages[0], languages[0]).Text ?? "") : id;
            if (!seen.TryAdd(key, v.Pos))
            {
                r.Report(Codes.DuplicateId, v.Pos, $"'{(id == "custom" ? key["custom:".Length..] : id)}' is given twice for {file.RelPath[(file.RelPath.LastIndexOf('/') + 1)..^5]} (first at line {seen[key].Line}); keep one value per indicator and year.");
                return null;
            }
            double? number = null;
            bool? yesNo = null;
            if (v["value"] is YScalar s && s.Value.Trim().ToLowerInvariant() is "yes" or "no" or "true" or "false")
                yesNo = s.Value.Trim().ToLowerInvariant() is "yes" or "true";
            else number = v.Number("value");
            var target = v["target"] is YScalar t && !t.IsNull ? t.Value.Trim() : null;
            if (v["target"] is { } tn and not YScalar) r.Report(Codes.WrongType, tn.Start, "'target' must be text such as \">= 70\" or yes.");
            if (id == "custom" && name is null)
                r.Report(Codes.MissingField, v.Pos, "a custom indicator needs 'name: {zh: ..., en: ...}' (and usually 'unit').");
            return new IndicatorEntry(id, name, v.Localized("unit"), number, yesNo, target, v.Pos, v.PosOf("target"));
        }, required: true);
        return year is null ? null : new IndicatorReport(year.Value, status != "preliminary", f.Localized("source"), values, file.RelPath);
    }

    public WasteReport? LoadWaste(ContentFile file)
    {
        var (r, f) = Open(file, "a waste report", WasteFields);
        if (f is null) return null;
        var year = Year(r, f, file);
        var flows = f.List("flows", node =>
        {
            var w = r.Map(node, "a flow", FlowFields);
            if (w is null) return null;
            var from = Party(r, w, "from");
            var to = Party(r, w, "to");
            var material = w.Localized("material", required: true);
            var quantity = w.Number("quantity", required: true);
            var unit = w.Text("unit", required: true);
            // An invalid value is not loaded (the flow, which needs a quantity, is left out), as a value of the wrong type is not.
            if (quantity is < 0) { r.Report(Codes.InvalidValue, w.PosOf("quantity"), "'quantity' cannot be negative."); quantity = null; }
            if (from is null || to is null || material is null || quantity is null || unit is null) return null;
            var (code, hazardousClass) = WasteCodeField(r, w);
            return new WasteFlow(from, to, material, code, hazardousClass, quantity.Value, unit, w.Localized("use"), w.Pos, w.PosOf("code"));
        }, required: true);
        return year is null ? null : new WasteReport(year.Value, flows, file.RelPath);
    }

    public Listing? LoadListing(ContentFile file, string id)
    {
        var (r, f) = Open(file, "a listing", ListingFields);
        if (f is null) return null;
        var kind = f.OneOf("kind", ["supply", "demand"], required: true);
        var category = f.OneOf("category", ["waste", "by-product", "raw-material", "product", "disposal-service"], required: true);
        var enterprise = f.Id("enterprise", required: true);
        var material = f.Localized("material", required: true);
        var posted = f.Date("posted", required: true);
        var validUntil = f.Date("valid_until");
        var quantity = f.Number("quantity");
        if (quantity is < 0) { r.Report(Codes.InvalidValue, f.PosOf("quantity"), "'quantity' cannot be negative."); quantity = null; }
        var contact = f.Map("contact", ListingContactFields);
        if (posted is { } p && validUntil is { } u && u < p)
            r.Report(Codes.InvalidListingDates, f.PosOf("valid_until"), $"'valid_until' ({u:yyyy-MM-dd}) is before 'posted' ({p:yyyy-MM-dd}); the listing would never be active.");
        var (code, hazardousClass) = WasteCodeField(r, f);
        if (kind is null || category is null || enterprise is null || material is null || posted is null) return null;
        return new Listing(parkId, id, kind == "supply" ? ListingKind.Supply : ListingKind.Demand, category,
            new EnterpriseRef(enterprise, file.RelPath, f.PosOf("enterprise")), material, code, hazardousClass, quantity, f.Text("unit"),
            f.OneOf("frequency", ["once", "monthly", "yearly", "continuous"]), posted.Value, validUntil,
            contact?.Localized("name"), contact?.Text("phone"), contact?.Text("email"), file.RelPath, f.PosOf("code"));
    }

    public PolluterReport? LoadPolluter(ContentFile file, string enterpriseId)
    {
        var (r, f) = Open(file, "a key polluting unit", PolluterFields);
        if (f is null) return null;
        var reportYear = f.Integer("report_year", required: true);
        PolluterBasic? basic = null;
        if (f.Map("basic", BasicFields) is { } b)
            basic = new PolluterBasic(b.Localized("legal_representative"), b.Localized("address"), b.Localized("contact"), b.Localized("business"), b.Localized("products"));
        var outlets = f.List("outlets", node =>
        {
            var o = r.Map(node, "an outlet", OutletFields);
            if (o is null) return null;
            var code = o.Text("code", required: true);
            var pollutants = o.List("pollutants", pn =>
            {
                var p = r.Map(pn, "a pollutant", PollutantFields);
                if (p is null) return null;
                var name = p.Localized("name", required: true);
                var exceedances = p.Integer("exceedances");
                if (exceedances is < 0) { r.Report(Codes.InvalidValue, p.PosOf("exceedances"), "'exceedances' counts days or samples and cannot be negative."); exceedances = null; }
                var averaging = p.OneOf("averaging", Order24Reader.AveragingPeriods);
                return name is null ? null : new Pollutant(name, p.Text("unit"), p.Number("concentration"), p.Number("limit"),
                    p.Number("total_t"), p.Number("permitted_total_t"), exceedances, p.Pos) { Averaging = averaging };
            });
            var destination = o.Localized("destination");
            return code is null ? null : new Outlet(code, o.Localized("location"), o.Localized("discharge"), o.Text("standard"), pollutants, o.Pos) { Destination = destination };
        });
        var facilities = f.List("facilities", node =>
        {
            var x = r.Map(node, "a facility", FacilityFields);
            return x?.Localized("name", required: true) is { } n ? new Facility(n, x.Text("status"), x.Date("since")) : null;
        });
        var approvals = f.List("approvals", node =>
        {
            var x = r.Map(node, "an approval", ApprovalFields);
            return x?.Localized("project", required: true) is { } n ? new Approval(n, x.Text("number"), x.Date("date")) : null;
        });
        EmergencyPlan? plan = null;
        if (f.Map("emergency_plan", PlanFields) is { } ep) plan = new EmergencyPlan(ep.Date("filed"), ep.Text("number"));
        // Every language's text is rendered, so each page shows its own (or the original, marked as untranslated).
        LocalizedText? otherHtml = null;
        if (f.Localized("other") is { } other)
        {
            var rendered = new List<KeyValuePair<string, string>>();
            foreach (var (lang, text) in other.Values)
            {
                var linesBefore = LinesBefore(f["other"], lang);
                if (NestingLimit.Parse(text, file.RelPath, diagnostics, linesBefore) is { } doc)
                    rendered.Add(new(lang, MarkdownBody.Render(doc, new LinkResolver(tree, file.RelPath, diagnostics), file.RelPath, lang, diagnostics, linesBefore).Html));
            }
            otherHtml = rendered.Count == 0 ? null : new LocalizedText(rendered);
        }
        var order24 = new Order24Reader(r).Read(f);
        return new PolluterReport(new EnterpriseRef(enterpriseId, file.RelPath, new SourcePos(1, 1)), reportYear, basic, f.Text("permit"),
            outlets, facilities, approvals, plan, otherHtml, file.RelPath, f.PosOf("permit")) { Order24 = order24 };
    }

    /// <summary>
    /// Lines of the file before the first line of a Markdown text held in a YAML field (plain, or one language of a map),
    /// so its diagnostics point into the file: a block scalar (| or &gt;) starts on the line after its indicator.
    /// </summary>
    private static int LinesBefore(YNode? node, string lang)
    {
        if (node is YMap map)
            node = map.Entries.FirstOrDefault(e => e.Key.Value == lang).Value;
        return node is YScalar s ? s.Start.Line - (s.Block ? 0 : 1) : 0;
    }

    /// <summary>
    /// A flow's or listing's code in the form shown and exported (NNN-NNN-NN, NNN-NNN-SNN) and its hazardous class.
    /// 国家危险废物名录 (2025) prints codes as 8 digits: such a code is normalised here, with ECO131. An invalid code is
    /// kept as written for the check stage to report (ECO130).
    /// </summary>
    internal static (string? Code, int? HazardousClass) WasteCodeField(YamlReader r, FieldSet f)
    {
        if (f.Text("code") is not { } code) return (null, null);
        var c = Model.Identifiers.WasteCode.Classify(code);
        if (c.WithoutDashes)
            r.Report(Codes.WasteCodeWithoutDashes, f.PosOf("code"),
                $"the hazardous waste code '{code}' is written as {Model.Identifiers.HazardousWasteCode.Edition} prints it; it is shown and exported as '{c.Canonical}'. Write '{c.Canonical}' to silence this warning.");
        return (c.Canonical ?? code, c.HazardousClass);
    }

    private FlowParty? Party(YamlReader r, FieldSet w, string key)
    {
        var node = w[key];
        if (node is null)
        {
            r.Report(Codes.MissingField, w.Pos, $"a flow needs '{key}': an enterprise id, or {{name: ..., external: true}} for a party outside the park.");
            return null;
        }
        if (node is YScalar)
            return r.Id(node, key) is { } id ? new FlowParty(new EnterpriseRef(id, r.File, node.Start), null) : null;
        var x = r.Map(node, $"'{key}'", ExternalFields);
        var name = x?.Localized("name", required: true);
        return name is null ? null : new FlowParty(null, name);
    }

    private (YamlReader, FieldSet?) Open(ContentFile file, string what, string[] fields)
    {
        var r = new YamlReader(file.RelPath, diagnostics, languages);
        var root = YamlFile.Read(tree, file.RelPath, diagnostics, required: true);
        return (r, root is null ? null : r.Map(root, what, fields));
    }

    /// <summary>The year field must agree with the file name (indicators/2025.yaml holds year: 2025).</summary>
    private static int? Year(YamlReader r, FieldSet f, ContentFile file)
    {
        var year = f.Integer("year", required: true);
        var stem = Path.GetFileNameWithoutExtension(file.RelPath);
        if (year is { } y && stem != y.ToString(CultureInfo.InvariantCulture))
        {
            r.Report(Codes.YearMismatch, f.PosOf("year"), $"'year: {y}' does not match the file name '{stem}.yaml'; rename the file or fix the year.");
            return null;
        }
        return year;
    }
}
