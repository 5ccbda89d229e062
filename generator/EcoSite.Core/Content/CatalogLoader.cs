using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// The indicator catalog: the embedded HJ 274-2015 default (Catalog/hj274-2015-indicators.yaml), then the site's own
/// content/indicators.yaml in the same format, which extends the default or, with <c>replace: true</c>, replaces it.
/// </summary>
internal static class CatalogLoader
{
    public const string SiteFile = "indicators.yaml";
    private const string ResourceName = "catalog/hj274-2015-indicators.yaml";

    private static readonly Lazy<IndicatorStandard> Embedded = new(ReadEmbedded);

    /// <summary>
    /// Reads the embedded catalog; <see cref="Default"/> keeps the result. A method of its own so that a test reads it
    /// afresh: what runs once per process cannot be measured by mutation testing (docs/security.md, "Mutation testing").
    /// </summary>
    internal static IndicatorStandard ReadEmbedded()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var bag = new DiagnosticBag();
        var root = YamlTree.Parse(reader.ReadToEnd(), ResourceName, bag);
        var catalog = Parse(root, ResourceName, ["zh", "en"], bag, out _);
        if (bag.HasErrors || catalog is null)
            throw new InvalidOperationException("the embedded indicator catalog is invalid: " + string.Join("; ", bag.ToSortedList()));
        return catalog;
    }

    /// <summary>The default HJ 274-2015 catalog shipped with EcoSite.</summary>
    public static IndicatorStandard Default => Embedded.Value;

    public static IndicatorStandard Load(ContentTree tree, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        if (tree.Find(SiteFile) is null) return Default;
        var root = YamlFile.Read(tree, SiteFile, diagnostics, required: false);
        var own = Parse(root, SiteFile, languages, diagnostics, out var replace);
        if (own is null) return Default;
        return replace ? own : Default.Extend(own);
    }

    internal static IndicatorStandard? Parse(YNode? root, string relPath, IReadOnlyList<string> languages, DiagnosticBag diagnostics, out bool replace)
    {
        replace = false;
        var r = new YamlReader(relPath, diagnostics, languages);
        var f = r.Map(root, "an indicator catalog", "standard", "replace", "categories", "indicators");
        if (f is null) return null;
        var replaces = f.OneOf("replace", ["true", "false"]) == "true";
        replace = replaces;
        string[] entryFields = ["id", "category", "unit", .. languages];
        string[] indicatorFields = [.. entryFields, "direction", "requirement", "mandatory", "clause"];
        LocalizedText? Names(FieldSet e)
        {
            var values = languages.Select(l => (Lang: l, Text: e.Text(l))).Where(x => !string.IsNullOrEmpty(x.Text))
                .Select(x => new KeyValuePair<string, string>(x.Lang, x.Text!)).ToList();
            if (values.Count == 0) r.Report(Codes.MissingField, e.Pos, $"a catalog entry needs a name in at least one language ({string.Join(", ", languages)}).");
            return values.Count == 0 ? null : new LocalizedText(values);
        }
        var categories = f.List("categories", node =>
        {
            var e = r.Map(node, "a catalog category", entryFields);
            if (e?.Id("id", required: true) is not { } id || Names(e) is not { } name) return null;
            return new StandardCategory(id, name);
        });
        var categoryIds = categories.Select(c => c.Id).ToList();
        var indicators = f.List("indicators", node =>
        {
            var e = r.Map(node, "a catalog indicator", indicatorFields);
            if (e?.Id("id", required: true) is not { } id || e.Id("category", required: true) is not { } category || Names(e) is not { } name) return null;
            // The embedded default is complete; a site file may use the default's categories unless it replaces them.
            var known = relPath != SiteFile || categoryIds.Contains(category) || !replaces && Default.FindCategory(category) is not null;
            if (!known)
                r.Report(Codes.InvalidValue, e.PosOf("category"), $"'{category}' is not a category of the catalog.{DidYouMean.Hint(category, categoryIds.Concat(replaces ? [] : Default.Categories.Select(c => c.Id)))}");
            // A national requirement or a mandatory flag is a fact of the standard: it must say where it comes from.
            Model.Targets.Target? requirement = null;
            if (e.Text("requirement") is { } text)
            {
                if (Model.Targets.Target.TryParse(text, out var t, out var problem)) requirement = t;
                else r.Report(Codes.InvalidTarget, e.PosOf("requirement"), $"the requirement '{text}' {problem}.");
            }
            var mandatory = e.Boolean("mandatory");
            var clause = e.Text("clause");
            if ((requirement is not null || mandatory is not null) && string.IsNullOrWhiteSpace(clause))
                r.Report(Codes.MissingField, e.Pos, $"'{id}' gives a requirement or a mandatory flag without 'clause'; cite where the standard says it (e.g. clause: \"HJ 274-2015 表1\").");
            return new StandardIndicator(id, category, name, e.Localized("unit"))
            {
                Direction = e.OneOf("direction", ["higher", "lower"]),
                Requirement = requirement,
                Clause = clause,
                Mandatory = mandatory,
            };
        });
        return new IndicatorStandard(f.Text("standard"), categories, indicators);
    }
}
