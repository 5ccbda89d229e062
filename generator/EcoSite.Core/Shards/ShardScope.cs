using System.Collections.Concurrent;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;
using EcoSite.Core.Urls;
using Microsoft.Extensions.FileSystemGlobbing;

namespace EcoSite.Core.Shards;

/// <summary>
/// The parks one shard publishes (<c>ecosite build --parks GLOB</c>, docs/architecture.md "Shards and merge"). A shard
/// loads its own parks fully and the others light (<see cref="IsLight"/>: articles from their front matter only, every
/// YAML file as usual), so every cross-park fact (score, rank, exchange matches, region-wide lists) is the full
/// build's. It writes the files of its own parks, and the shard holding the site's first park (<see cref="Regional"/>)
/// also writes the regional files, except the search index, which merge builds from each shard's fragment
/// (<see cref="ShardFragments"/>). It names the files it does not write (<see cref="WrittenElsewhere"/>) so its link check
/// knows them. Which park a file belongs to is decided by its path alone (<see cref="Routes.ParkOfOutputPath"/>), the
/// same way here and in <see cref="ShardMerger"/>.
/// </summary>
internal sealed class ShardScope
{
    private readonly HashSet<string> _parks;
    private readonly ConcurrentDictionary<string, byte> _elsewhere = new(StringComparer.Ordinal);

    // The page ids of other shards' pages: a page id is written in every language (Routes.InLanguage), so one entry
    // stands for each language's path, and the strings are the plan's own. At a million pages a set of every path
    // other shards write held about 900,000 new strings.
    private readonly HashSet<string> _pagesElsewhere = new(StringComparer.Ordinal);

    private ShardScope(IReadOnlyList<string> globs, IReadOnlyList<string> parks, IReadOnlyList<string> siteParks, IReadOnlyList<string> languages)
    {
        Globs = globs;
        Parks = parks;
        SiteParks = siteParks;
        Languages = languages;
        _parks = new HashSet<string>(parks, StringComparer.Ordinal);
    }

    /// <summary>The --parks patterns as given (after splitting at commas).</summary>
    public IReadOnlyList<string> Globs { get; }

    /// <summary>The ids of the parks this shard publishes, sorted.</summary>
    public IReadOnlyList<string> Parks { get; }

    /// <summary>Every park folder of the site, sorted: merge checks that the shards cover them all.</summary>
    public IReadOnlyList<string> SiteParks { get; }

    private IReadOnlyList<string> Languages { get; }

    /// <summary>Part of the build's fingerprint: a shard of other parks into the same folder is not "unchanged".
    /// A shard of an earlier state format is not "unchanged" either: its state folder lacks what merge now reads.</summary>
    public string Fingerprint => "|parks=" + string.Join(',', Parks) + "|state=" + ShardState.CurrentFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The parks whose id or folder (<c>parks/&lt;id&gt;</c>) a pattern matches (Microsoft.Extensions.FileSystemGlobbing,
    /// ordinal); null, reported as ECO601, when a pattern matches no park: a typo would otherwise publish a shard
    /// without the parks it was meant to hold.
    /// </summary>
    public static ShardScope? Select(ContentTree tree, IReadOnlyList<string> patterns, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var globs = patterns.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var siteParks = tree.Children("parks").Where(tree.IsDirectory).Select(e => e["parks/".Length..]).Order(StringComparer.Ordinal).ToList();
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        var ok = globs.Count > 0;
        if (globs.Count == 0)
            diagnostics.Add(Codes.NoParkMatched, "parks", SourcePos.File, "--parks names no pattern; give one such as 'qinghe' or 'a*,b*'.");
        foreach (var glob in globs)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(glob);
            var matched = siteParks.Where(id => matcher.Match(id).HasMatches || matcher.Match("parks/" + id).HasMatches).ToList();
            if (matched.Count == 0)
            {
                ok = false;
                diagnostics.Add(Codes.NoParkMatched, "parks", SourcePos.File,
                    $"--parks '{glob}' matches no park folder; the parks are: {Sample(siteParks)}. Patterns match a park id (qinghe, q*) or its folder (parks/q*).");
            }
            selected.UnionWith(matched);
        }
        return ok ? new ShardScope(globs, selected.ToList(), siteParks, languages) : null;
    }

    private static string Sample(List<string> ids) =>
        ids.Count == 0 ? "(none)" : string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? $" and {ids.Count - 10} more" : "");

    /// <summary>
    /// This shard holds the site's first park, so it writes the regional files (home, ranking, exchange, feeds,
    /// sitemap, open data, search page...) and reports the warnings about site-wide files: one shard, always the same
    /// one, whatever order the shards are built or merged in.
    /// </summary>
    public bool Regional => SiteParks.Count > 0 && _parks.Contains(SiteParks[0]);

    /// <summary>A content file whose bytes the build keeps from the fingerprint for the loader: not another shard's park's.</summary>
    public bool KeepsBytes(string contentPath) => Routes.ParkOf(contentPath) is not { } park || !IsLight(park);

    /// <summary>Another shard's park: loaded light (its articles' bodies are not parsed) and reported on by that shard.</summary>
    public bool IsLight(string parkId) => !_parks.Contains(parkId);

    /// <summary>
    /// The diagnostics this shard reports: every error (a shard never publishes what a full build would refuse), and
    /// the warnings about its own parks' files, or about site-wide files when it is <see cref="Regional"/>. Each
    /// warning of the site is so reported by exactly one shard instead of by all of them.
    /// </summary>
    public bool Reports(Diagnostic d) =>
        d.IsError || (Routes.ParkOfOutputPath(d.File.Replace('\\', '/'), Languages) is { } park ? _parks.Contains(park) : Regional);

    /// <summary>True for files this shard writes: its own parks', and the regional ones when it is <see cref="Regional"/>.</summary>
    public bool Writes(string path) => Routes.ParkOfOutputPath(path, Languages) is { } park ? _parks.Contains(park) : Regional;

    /// <summary>Hands <paramref name="emit"/> the files this shard writes and notes the others as written elsewhere.</summary>
    public Action<OutputFile> Filter(Action<OutputFile> emit) => file =>
    {
        if (Writes(file.Path)) emit(file);
        else _elsewhere.TryAdd(file.Path, 0);
    };

    /// <summary>Notes a file another shard (or merge) writes that is not one of the plan's pages (<see cref="PageElsewhere"/>).</summary>
    public void WrittenElsewhere(string path) => _elsewhere.TryAdd(path, 0);

    /// <summary>Notes a page (by its page id, in every language) that another shard writes. Not thread-safe: the plan's pages are noted in one loop.</summary>
    public void PageElsewhere(string pageId) => _pagesElsewhere.Add(pageId);

    /// <summary>
    /// Whether the full site has a file at <paramref name="path"/>: this shard's (<paramref name="written"/>) or one
    /// the other shards write, for the link check. The other shards' pages are found by rule: the path is a page id
    /// in the default language, or "lang/" and a page id in another (<see cref="Routes.InLanguage"/>).
    /// </summary>
    public Func<string, bool> Known(IReadOnlySet<string> written)
    {
        var pages = _pagesElsewhere.GetAlternateLookup<ReadOnlySpan<char>>();
        return path => written.Contains(path) || _elsewhere.ContainsKey(path) || IsPageElsewhere(path);

        bool IsPageElsewhere(string path)
        {
            if (pages.Contains(path)) return Languages.Count > 0; // the default language's path is the page id
            for (var i = 1; i < Languages.Count; i++)
            {
                var lang = Languages[i];
                if (path.Length > lang.Length + 1 && path[lang.Length] == '/' && path.StartsWith(lang, StringComparison.Ordinal)
                    && pages.Contains(path.AsSpan(lang.Length + 1)))
                    return true;
            }
            return false;
        }
    }
}
