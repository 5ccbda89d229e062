using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// site.yaml <c>federation</c> (content-format.md v2 section 5): the other platforms whose published exchange data
/// this site reads. A mistake here is in this site's own content, so it is an error like any other site.yaml error;
/// what is wrong with the neighbour's files is only a warning (<see cref="FederationLoader"/>).
/// </summary>
/// <remarks>
/// Small methods on purpose: Stryker's safe mode drops every mutant of a method when one of them does not compile
/// (docs/security.md, "Mutation testing"), and a mutant of a condition that declares a variable (<c>out var u</c>,
/// <c>is not { } f</c>) does not compile when the variable is used outside it (removing the <c>continue</c> after
/// <c>is not { } f</c>, or turning <c>||</c> into <c>&amp;&amp;</c> before <c>out var u</c>, leaves it unassigned); so
/// no condition here declares a variable, and each step is its own method.
/// </remarks>
internal static class FederationConfig
{
    /// <summary>A property, not a static table, so that a mutation test measures it (a static is built once per process).</summary>
    private static string[] Fields => ["id", "name", "data", "url"];

    public static IReadOnlyList<FederationEntry> Read(FieldSet site, YamlReader reader)
    {
        var entries = new List<FederationEntry>();
        foreach (var node in site.List("federation", n => n))
        {
            var f = reader.Map(node, "a 'federation' entry", Fields);
            if (f is null) continue;
            var entry = Entry(f, reader, entries);
            if (entry is not null) entries.Add(entry);
        }
        return entries;
    }

    /// <summary>One entry, each field reported where it is wrong; null when it is left out.</summary>
    private static FederationEntry? Entry(FieldSet f, YamlReader reader, List<FederationEntry> earlier)
    {
        var id = f.Id("id", required: true);
        var name = f.Localized("name", required: true);
        var data = f.Text("data", required: true);
        var url = f.Text("url", required: true);
        data = DataFolder(f, reader, data);
        url = BaseAddress(f, reader, url);
        if (id is not null && earlier.Any(e => e.Id == id))
        {
            reader.Report(Codes.DuplicateId, f.PosOf("id"), $"the platform '{id}' is listed twice in 'federation'; keep one entry.");
            return null;
        }
        if (id is null || name is null || data is null || url is null) return null;
        return new FederationEntry(id, name, data.Replace('\\', '/'), url, f.Pos, f.PosOf("data"));
    }

    /// <summary>The data folder as written; null (reported) when it is empty.</summary>
    private static string? DataFolder(FieldSet f, YamlReader reader, string? data)
    {
        if (data is null || data.Length != 0) return data;
        reader.Report(Codes.InvalidValue, f.PosOf("data"), "'data' is empty; write the folder that holds the neighbour's data/ folder, relative to site.yaml (e.g. ../imports/jiangsu).");
        return null;
    }

    /// <summary>The neighbour's base address, ending in '/'; null (reported) when it is not a plain web address.</summary>
    private static string? BaseAddress(FieldSet f, YamlReader reader, string? url)
    {
        if (url is null) return null;
        if (!IsPlainWebAddress(url))
        {
            reader.Report(Codes.InvalidValue, f.PosOf("url"), $"'url' is '{url}'; write the neighbour's base_url, a full address such as https://www.example.gov.cn/js/.");
            return null;
        }
        return url.EndsWith('/') ? url : url + "/";
    }

    /// <summary>
    /// Every match links to it: the one URL policy first (docs/security.md section 1), then a plain base address
    /// (http or https, no query, no fragment).
    /// </summary>
    private static bool IsPlainWebAddress(string url)
    {
        if (!UrlPolicy.IsWebAddress(url)) return false;
        var (scheme, query, fragment) = Parts(url);
        return (scheme == "http" || scheme == "https") && query.Length == 0 && fragment.Length == 0;
    }

    /// <summary>The scheme, query and fragment of an absolute address; empty texts when it is none.</summary>
    private static (string Scheme, string Query, string Fragment) Parts(string url)
    {
        Uri? u;
        if (!Uri.TryCreate(url, UriKind.Absolute, out u)) return ("", "", "");
        return (u.Scheme, u.Query, u.Fragment);
    }
}
