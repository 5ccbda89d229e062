using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// site.yaml <c>federation</c> (content-format.md v2 section 5): the other platforms whose published exchange data
/// this site reads. A mistake here is in this site's own content, so it is an error like any other site.yaml error;
/// what is wrong with the neighbour's files is only a warning (<see cref="FederationLoader"/>).
/// </summary>
internal static class FederationConfig
{
    private static readonly string[] Fields = ["id", "name", "data", "url"];

    public static IReadOnlyList<FederationEntry> Read(FieldSet site, YamlReader reader)
    {
        var entries = new List<FederationEntry>();
        foreach (var node in site.List("federation", n => n))
        {
            if (reader.Map(node, "a 'federation' entry", Fields) is not { } f) continue;
            var id = f.Id("id", required: true);
            var name = f.Localized("name", required: true);
            var data = f.Text("data", required: true);
            var url = f.Text("url", required: true);
            if (data is { Length: 0 })
            {
                reader.Report(Codes.InvalidValue, f.PosOf("data"), "'data' is empty; write the folder that holds the neighbour's data/ folder, relative to site.yaml (e.g. ../imports/jiangsu).");
                data = null;
            }
            if (url is not null)
            {
                // Every match links to it: the one URL policy first (docs/security.md section 1), then a plain base address.
                if (!UrlPolicy.IsWebAddress(url) || !Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.Query.Length > 0 || u.Fragment.Length > 0)
                {
                    reader.Report(Codes.InvalidValue, f.PosOf("url"), $"'url' is '{url}'; write the neighbour's base_url, a full address such as https://www.example.gov.cn/js/.");
                    url = null;
                }
                else if (!url.EndsWith('/')) url += "/";
            }
            if (id is not null && entries.Any(e => e.Id == id))
            {
                reader.Report(Codes.DuplicateId, f.PosOf("id"), $"the platform '{id}' is listed twice in 'federation'; keep one entry.");
                continue;
            }
            if (id is null || name is null || data is null || url is null) continue;
            entries.Add(new FederationEntry(id, name, data.Replace('\\', '/'), url, f.Pos, f.PosOf("data")));
        }
        return entries;
    }
}
