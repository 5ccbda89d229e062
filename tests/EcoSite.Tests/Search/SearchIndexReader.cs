using System.Text.Json;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Search;

/// <summary>Reads the index files back for assertions: the entry, each term's idf and postings, each document.</summary>
internal sealed class SearchIndexReader
{
    public SearchIndexReader(IReadOnlyList<TextFile> files, string folder = "")
    {
        Files = files.ToDictionary(f => f.Path[folder.Length..], f => f.Text, StringComparer.Ordinal);
        Entry = Data(Files["index.js"]);
        Dir = Entry.GetProperty("dir").GetString()!;
        var bounds = Entry.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        var termFiles = Entry.GetProperty("tfiles").EnumerateArray().Select(t => t.GetString()!).ToList();
        var docFiles = Entry.GetProperty("dfiles").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(bounds.Count, termFiles.Count);
        for (var i = 0; i < bounds.Count; i++)
        {
            var data = Data(Files[$"{Dir}{termFiles[i]}.js"]).GetString()!;
            foreach (var e in data.Split('!'))
            {
                var sp = e.IndexOf(' ', StringComparison.Ordinal);
                var values = Decode(e[(sp + 1)..]);
                var postings = new List<(int Doc, int Impact)>();
                var doc = -1;
                for (var j = 1; j + 1 < values.Count; j += 2) postings.Add((doc += values[j] + 1, values[j + 1]));
                Terms[e[..sp]] = (values[0], postings, i);
            }
        }
        foreach (var (first, i) in Entry.GetProperty("docs").EnumerateArray().Select((d, i) => (d.GetInt32(), i)))
            foreach (var (d, k) in Data(Files[$"{Dir}{docFiles[i]}.js"]).EnumerateArray().Select((d, k) => (d, k)))
                Documents.Add(first + k, d.EnumerateArray().Select(x => x.GetString()!).ToList());
        TermBounds = bounds;
    }

    public Dictionary<string, string> Files { get; }
    public JsonElement Entry { get; }
    public string Dir { get; }

    /// <summary>The facet file's path under the folder, when the index has listings.</summary>
    public string? FacetFile => Entry.GetProperty("listings").ValueKind == JsonValueKind.String ? $"{Dir}{Entry.GetProperty("listings").GetString()}.js" : null;
    public IReadOnlyList<string> TermBounds { get; }
    public Dictionary<string, (int Idf, List<(int Doc, int Impact)> Postings, int Chunk)> Terms { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<int, List<string>> Documents { get; } = [];

    public int DocOf(string path) => Documents.Single(d => d.Value[0] == path).Key;

    public int Score(string term, string path) =>
        Terms[term].Postings.Where(p => p.Doc == DocOf(path)).Select(p => p.Impact * Terms[term].Idf).SingleOrDefault();

    public static JsonElement Data(string script)
    {
        Assert.StartsWith("EcoSearch.add(", script, StringComparison.Ordinal);
        Assert.EndsWith(");\n", script, StringComparison.Ordinal);
        var args = JsonDocument.Parse("[" + script["EcoSearch.add(".Length..^3] + "]").RootElement;
        return args[1].Clone();
    }

    public static List<int> Decode(string s)
    {
        var values = new List<int>();
        var v = 0;
        foreach (var c in s)
        {
            var d = c - 0x23;
            if (c > '\\') d--;
            if (d >= 45) v = v * 45 + d - 45;
            else
            {
                values.Add(v * 45 + d);
                v = 0;
            }
        }
        return values;
    }
}
