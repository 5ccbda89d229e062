using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Render;

namespace EcoSite.Core.Shards;

/// <summary>
/// The feeds (Atom and JSON Feed) show the summary of the newest <see cref="Feeds.FeedEntries"/> news items and cases
/// of the whole site, and a summary the front matter does not give is cut from the body. The regional shard loads
/// other parks light (no bodies), so it loads those few articles again in full: which ones they are depends only on
/// dates and paths, which the light load has. Their diagnostics are their own shard's to report.
/// </summary>
internal static class FeedArticles
{
    public static LoadedSite Complete(LoadedSite loaded, ContentTree tree, IReadOnlyList<string> languages, ShardScope scope)
    {
        if (!scope.Regional) return loaded;
        var light = Feeds.Entries(loaded.Site).Select(e => e.Article).Where(a => a.Versions.Any(v => v.Light)).ToList();
        if (light.Count == 0) return loaded;
        var ignored = new DiagnosticBag();
        var full = new Dictionary<Article, Article>(ReferenceEqualityComparer.Instance);
        foreach (var a in light)
            full[a] = a with
            {
                Versions = a.Versions.Select(v => tree.Find(v.File) is { } file
                    && ArticleLoader.Load(file, a.ParkId, a.Section, tree, languages, ignored) is { } loadedVersion ? loadedVersion.Version : v).ToList(),
            };
        Article Full(Article a) => full.GetValueOrDefault(a) ?? a;
        var parks = loaded.Site.Parks.Select(p => p with { News = p.News.Select(Full).ToList(), Cases = p.Cases.Select(Full).ToList() }).ToList();
        return loaded with { Site = loaded.Site with { Parks = parks } };
    }
}
