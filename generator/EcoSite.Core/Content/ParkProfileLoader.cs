using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>park.yaml and enterprises.yaml (content-format.md section 6).</summary>
internal static class ParkProfileLoader
{
    // Built on each use, not static fields, so that mutation testing measures them (docs/security.md, "Mutation testing").
    private static string[] ParkFields =>
        ["name", "level", "status", "standard", "province", "city", "established", "area_km2", "managing_body", "contact"];
    private static string[] ContactFields => ["phone", "email", "address"];
    private static string[] EnterpriseFields => ["id", "name", "credit_code", "industry", "key_polluter"];

    public static ParkProfile? LoadProfile(ContentTree tree, string parkDir, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var rel = parkDir + "/park.yaml";
        var root = YamlFile.Read(tree, rel, diagnostics, required: true);
        if (root is null) return null;
        var r = new YamlReader(rel, diagnostics, languages);
        var f = r.Map(root, "park.yaml", ParkFields);
        if (f is null) return null;
        var name = f.Localized("name", required: true);
        ContactInfo? contact = null;
        if (f.Map("contact", ContactFields) is { } c)
            contact = new ContactInfo(c.Text("phone"), c.Text("email"), c.Localized("address"));
        var area = f.Number("area_km2");
        if (area is <= 0)
        {
            r.Report(Codes.InvalidValue, f.PosOf("area_km2"), "'area_km2' must be above 0.");
            area = null;
        }
        if (name is null) return null;
        return new ParkProfile(name,
            f.OneOf("level", ["national", "provincial", "other"]),
            f.OneOf("status", ["named", "approved", "other"]),
            f.Text("standard"), f.Localized("province"), f.Localized("city"), f.Integer("established"), area,
            f.Localized("managing_body"), contact);
    }

    public static IReadOnlyList<Enterprise> LoadEnterprises(ContentTree tree, string parkDir, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var rel = parkDir + "/enterprises.yaml";
        var root = YamlFile.Read(tree, rel, diagnostics, required: false);
        if (root is null) return [];
        var r = new YamlReader(rel, diagnostics, languages);
        var f = r.Map(root, "enterprises.yaml", "enterprises");
        if (f is null) return [];
        var seen = new Dictionary<string, SourcePos>(StringComparer.Ordinal);
        return f.List("enterprises", node =>
        {
            var e = r.Map(node, "an enterprise", EnterpriseFields);
            if (e is null) return null;
            var id = e.Id("id", required: true);
            var name = e.Localized("name", required: true);
            if (id is null || name is null) return null;
            if (seen.TryGetValue(id, out var first))
            {
                r.Report(Codes.DuplicateId, e.PosOf("id"), $"the enterprise id '{id}' is used twice (first at line {first.Line}); ids must be unique in a park.");
                return null;
            }
            seen[id] = e.PosOf("id");
            return new Enterprise(id, name, e.Text("credit_code"), e.Localized("industry"), e.PosOf("id"))
            {
                KeyPolluter = e.Boolean("key_polluter") ?? false,
            };
        });
    }
}

/// <summary>Reads and parses one YAML file of the content folder.</summary>
internal static class YamlFile
{
    public static YNode? Read(ContentTree tree, string rel, DiagnosticBag diagnostics, bool required)
    {
        var file = tree.Find(rel);
        if (file is null)
        {
            if (required)
                diagnostics.Add(Codes.MissingField, rel, SourcePos.File, $"{rel} is missing; every park folder needs one (run 'ecosite new park').");
            return null;
        }
        var text = SourceText.ReadNonEmpty(tree, file, diagnostics, "the file is empty; fill it in or delete it.");
        return text is null ? null : YamlTree.Parse(text, rel, diagnostics);
    }
}
