using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// Loads a content folder (content-format.md section 1) into a <see cref="Site"/>. Markdown files are parsed in
/// parallel; everything is assembled in sorted order, so the result never depends on thread timing or on the
/// order the file system lists files in.
/// </summary>
internal static partial class ContentLoader
{
    private static readonly string[] ParkEntries =
        ["park.yaml", "enterprises.yaml", "news", "indicators", "cases", "waste", "exchange", "polluters", "pages", "media"];

    private static readonly string[] RootEntries = ["site.yaml", "parks", "indicators.yaml", "README.md", "readme.md"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex ParkId();

    [GeneratedRegex(@"^\d{4}\.yaml$")]
    private static partial Regex YearFile();

    public static LoadedSite? Load(string contentDir, BuildClock clock, DiagnosticBag diagnostics, ParallelOptions? parallel = null) =>
        Load(ContentTree.Scan(contentDir, diagnostics), clock, diagnostics, parallel);

    /// <summary>Null when site.yaml cannot be read; otherwise the site, with every problem found in the diagnostics.</summary>
    public static LoadedSite? Load(ContentTree tree, BuildClock clock, DiagnosticBag diagnostics, ParallelOptions? parallel = null) =>
        SiteConfigLoader.Load(tree, clock, diagnostics) is { } config ? Load(tree, config, diagnostics, parallel) : null;

    /// <summary>The site of <paramref name="config"/> (site.yaml, read first: the theme and the fingerprint need it).</summary>
    /// <param name="cache">The previous build's parses, reused for unchanged Markdown files (null: parse every file).</param>
    /// <param name="light">Parks whose articles are loaded from their front matter only (a shard's other parks; <see cref="ArticleLoader.Load"/>).</param>
    public static LoadedSite Load(ContentTree tree, SiteConfig config, DiagnosticBag diagnostics, ParallelOptions? parallel = null, LoadCache? cache = null,
        Func<string, bool>? light = null)
    {
        var languages = config.Languages;

        foreach (var entry in tree.Children(""))
        {
            if (!RootEntries.Contains(entry))
                diagnostics.Add(Codes.UnexpectedFile, entry, SourcePos.File,
                    $"'{entry}' is not part of the content format and is ignored; the content folder holds site.yaml and parks/.{DidYouMean.Hint(entry, RootEntries)}");
        }

        var parkDirs = new List<string>();
        foreach (var entry in tree.Children("parks"))
        {
            var id = entry["parks/".Length..];
            if (!tree.IsDirectory(entry))
                diagnostics.Add(Codes.UnexpectedFile, entry, SourcePos.File, "only park folders belong in parks/; this file is ignored.");
            else if (!ParkId().IsMatch(id))
                diagnostics.Add(Codes.InvalidId, entry, SourcePos.File,
                    $"the park folder name '{id}' becomes a web address; use 2-63 characters of a-z, 0-9 and '-'.");
            else parkDirs.Add(entry);
        }
        if (parkDirs.Count == 0)
            diagnostics.Add(Codes.NoParks, "parks", SourcePos.File, "there are no park folders under parks/; the site will list no parks. Run 'ecosite new park ID'.");

        // Gather the Markdown files of every park and parse them all in parallel.
        var markdown = new List<(ContentFile File, string ParkId, Section Section)>();
        foreach (var dir in parkDirs)
        {
            var parkId = dir["parks/".Length..];
            foreach (var entry in tree.Children(dir))
            {
                var name = entry[(dir.Length + 1)..];
                if (!ParkEntries.Contains(name))
                {
                    diagnostics.Add(Codes.UnexpectedFile, entry, SourcePos.File,
                        $"'{name}' is not part of a park folder and is ignored.{DidYouMean.Hint(name, ParkEntries)} A park folder holds: {string.Join(", ", ParkEntries)}.");
                    continue;
                }
                if (name is "news" or "cases" or "pages")
                {
                    var section = name switch { "news" => Section.News, "cases" => Section.Cases, _ => Section.Pages };
                    foreach (var child in tree.Children(entry))
                    {
                        if (child.EndsWith(".md", StringComparison.Ordinal) && tree.Find(child) is { } f) markdown.Add((f, parkId, section));
                        else Unexpected(child, "only Markdown files (.md) belong here");
                    }
                }
            }
        }
        var loaded = new ConcurrentBag<LoadedVersion>();
        // Reading waits on the disk as much as parsing uses the CPU: run more loaders than cores unless told otherwise.
        var loadParallel = parallel is { MaxDegreeOfParallelism: > 0 } ? parallel : new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, 2 * Environment.ProcessorCount) };
        Parallel.ForEach(markdown, loadParallel, item =>
        {
            var isLight = light?.Invoke(item.ParkId) == true;
            var v = cache is null ? ArticleLoader.Load(item.File, item.ParkId, item.Section, tree, languages, diagnostics, isLight)
                : cache.Load(item.File, tree, diagnostics, own => ArticleLoader.Load(item.File, item.ParkId, item.Section, tree, languages, own));
            if (v is not null) loaded.Add(v);
        });
        var byPark = new Dictionary<string, List<LoadedVersion>>(StringComparer.Ordinal);
        foreach (var v in loaded)
        {
            if (!byPark.TryGetValue(v.ParkId, out var list)) byPark[v.ParkId] = list = [];
            list.Add(v);
        }

        // Each park on its own (its YAML files, its articles paired and sorted), in parallel; kept in folder order.
        var loadedParks = new Park?[parkDirs.Count];
        Parallel.For(0, parkDirs.Count, parallel ?? new ParallelOptions(), i =>
        {
            var parkId = parkDirs[i]["parks/".Length..];
            loadedParks[i] = LoadPark(tree, parkDirs[i], parkId, languages, byPark.GetValueOrDefault(parkId) ?? [], diagnostics);
        });
        var parks = new List<Park>(parkDirs.Count);
        foreach (var park in loadedParks)
            if (park is not null) parks.Add(park);
        return new LoadedSite(new Site(config, parks) { Catalog = CatalogLoader.Load(tree, languages, diagnostics) });

        void Unexpected(string rel, string why) =>
            diagnostics.Add(Codes.UnexpectedFile, rel, SourcePos.File, $"'{rel}' is ignored: {why}.");
    }

    private static Park? LoadPark(ContentTree tree, string dir, string parkId, IReadOnlyList<string> languages,
        List<LoadedVersion> versions, DiagnosticBag diagnostics)
    {
        var profile = ParkProfileLoader.LoadProfile(tree, dir, languages, diagnostics);
        var enterprises = ParkProfileLoader.LoadEnterprises(tree, dir, languages, diagnostics);
        var disclosure = new DisclosureLoader(tree, parkId, languages, diagnostics);

        var indicators = new List<IndicatorReport>();
        foreach (var f in YearFiles(tree, dir + "/indicators", diagnostics))
            if (disclosure.LoadIndicators(f) is { } r) indicators.Add(r);
        var waste = new List<WasteReport>();
        foreach (var f in YearFiles(tree, dir + "/waste", diagnostics))
            if (disclosure.LoadWaste(f) is { } r) waste.Add(r);
        var listings = new List<Listing>();
        foreach (var (f, id) in IdFiles(tree, dir + "/exchange", diagnostics))
            if (disclosure.LoadListing(f, id) is { } l) listings.Add(l);
        var polluters = new List<PolluterReport>();
        foreach (var (f, id) in IdFiles(tree, dir + "/polluters", diagnostics))
            if (disclosure.LoadPolluter(f, id) is { } p) polluters.Add(p);

        var media = tree.StartingWith(dir + "/media/")
            .Where(f => MediaRule.Allows(f, diagnostics))
            .Select(f => new MediaFile(f.FullPath, f.RelPath, f.Bytes))
            .ToList();

        if (profile is null) return null;
        return new Park(parkId, profile, enterprises,
            Articles(parkId, Section.News, versions, languages, diagnostics),
            Articles(parkId, Section.Cases, versions, languages, diagnostics),
            Articles(parkId, Section.Pages, versions, languages, diagnostics),
            indicators, waste, listings, polluters, media);
    }

    /// <summary>Pairs language versions by slug (foo.md with foo.en.md); default language first, then the site's order.</summary>
    private static List<Article> Articles(string parkId, Section section, List<LoadedVersion> versions, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        // Sorted once by slug, then language, then file (every key differs by file), and cut into runs of one slug.
        var sorted = new List<(LoadedVersion V, int Lang)>();
        foreach (var v in versions)
            if (v.Section == section) sorted.Add((v, IndexOf(languages, v.Version.Lang)));
        sorted.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.V.Slug, b.V.Slug);
            if (c == 0) c = a.Lang.CompareTo(b.Lang);
            return c != 0 ? c : string.CompareOrdinal(a.V.Version.File, b.V.Version.File);
        });
        var result = new List<Article>();
        for (var start = 0; start < sorted.Count;)
        {
            var slug = sorted[start].V.Slug;
            var end = start + 1;
            while (end < sorted.Count && sorted[end].V.Slug == slug) end++;
            var list = new List<ArticleVersion>(end - start);
            for (var i = start; i < end; i++)
            {
                var v = sorted[i].V;
                if (list.Find(x => x.Lang == v.Version.Lang) is { } first)
                {
                    diagnostics.Add(Codes.DuplicateId, v.Version.File, SourcePos.File,
                        $"'{first.File}' and '{v.Version.File}' are both the '{v.Version.Lang}' version of '{slug}'; keep one.");
                    continue;
                }
                list.Add(v.Version);
            }
            result.Add(new Article(parkId, section, slug, list));
            start = end;
        }
        // Newest first; undated pages after dated ones, by slug (each slug once, so the order is total).
        result.Sort(static (a, b) =>
        {
            var c = (b.Date ?? DateOnly.MinValue).CompareTo(a.Date ?? DateOnly.MinValue);
            return c != 0 ? c : string.CompareOrdinal(a.Slug, b.Slug);
        });
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return int.MaxValue;
    }

    private static IEnumerable<ContentFile> YearFiles(ContentTree tree, string dir, DiagnosticBag diagnostics)
    {
        foreach (var child in tree.Children(dir))
        {
            var name = child[(dir.Length + 1)..];
            if (YearFile().IsMatch(name) && tree.Find(child) is { } f) yield return f;
            else diagnostics.Add(Codes.UnexpectedFile, child, SourcePos.File, $"'{name}' is ignored: files here are named by year, such as 2025.yaml.");
        }
    }

    private static IEnumerable<(ContentFile, string)> IdFiles(ContentTree tree, string dir, DiagnosticBag diagnostics)
    {
        foreach (var child in tree.Children(dir))
        {
            var name = child[(dir.Length + 1)..];
            var stem = name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^5] : null;
            if (stem is not null && Urls.Routes.IsReservedSlug(stem))
                diagnostics.Add(Codes.InvalidId, child, SourcePos.File, $"'{stem}' cannot name an item: its page would replace the section's list page; rename the file.");
            else if (stem is not null && Yaml.YamlReader.IdPattern().IsMatch(stem) && tree.Find(child) is { } f) yield return (f, stem);
            else diagnostics.Add(Codes.UnexpectedFile, child, SourcePos.File,
                $"'{name}' is ignored: files here are named <id>.yaml with an id of a-z, 0-9 and '-'.");
        }
    }
}
