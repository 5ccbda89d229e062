namespace EcoSite.BrowserTests;

[CollectionDefinition("many-parks")]
public sealed class ManyParkCollection : ICollectionFixture<ManyParkFixture>;

/// <summary>
/// A province of many parks (issue 13: the layout must hold beyond the three-park sample): the sample content with
/// each park copied <see cref="Copies"/> more times under "&lt;id&gt;-&lt;n&gt;", its name numbered. Every column of every
/// kind of park (strong, weak, with polluters, exchange and waste) is repeated, so home rankings, region-wide lists,
/// the exchange and its filters grow as a real province's would. Written in C#, so the tests need no Python
/// (bench/make-sites.py makes news-only sites for timing).
/// </summary>
public sealed class ManyParkFixture : SiteFixture
{
    public const int Copies = 3;

    protected override string PrepareContent()
    {
        var content = Path.Combine(Root, "content");
        Copy(SampleContent, content);
        foreach (var park in Directory.GetDirectories(Path.Combine(SampleContent, "parks")).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(park);
            for (var n = 2; n <= Copies + 1; n++)
            {
                var copy = Path.Combine(content, "parks", $"{id}-{n}");
                Copy(park, copy);
                var yaml = Path.Combine(copy, "park.yaml");
                var lines = File.ReadAllLines(yaml).Select(l => Numbered(l, n));
                File.WriteAllLines(yaml, lines);
            }
        }
        return content;
    }

    /// <summary>"name: {zh: 青禾…, en: Qinghe …}" with the copy's number in both languages; other lines unchanged.</summary>
    private static string Numbered(string line, int n)
    {
        var m = System.Text.RegularExpressions.Regex.Match(line, @"^name: \{zh: ([^,]+), en: ([^}]+)\}$");
        return m.Success ? $"name: {{zh: {m.Groups[1].Value}（第{n}号示例）, en: {m.Groups[2].Value} No. {n}}}" : line;
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
