using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Shards;

namespace EcoSite.Tests.EndToEnd;

/// <summary>What a shard's link check knows of the other shards' files (<see cref="ShardScope.Known"/>).</summary>
public sealed class ShardScopeTests
{
    [Fact]
    public void Other_shards_pages_are_known_in_every_language_by_their_page_id_and_nothing_else_is()
    {
        using var site = new TestSite().With("parks/other/park.yaml", TestSite.ParkYaml);
        var tree = ContentTree.Scan(site.Content, new DiagnosticBag());
        var scope = ShardScope.Select(tree, ["demo"], ["zh", "en"], new DiagnosticBag())!;
        scope.PageElsewhere("parks/other/index.html");
        scope.PageElsewhere("parks/other/news/a.html");
        scope.WrittenElsewhere("parks/other/media/a.png");
        var known = scope.Known(new HashSet<string>(["parks/demo/index.html", "en/parks/demo/index.html"]));

        string[] yes =
        [
            "parks/demo/index.html", "en/parks/demo/index.html", "parks/other/media/a.png",
            "parks/other/index.html", "en/parks/other/index.html", "parks/other/news/a.html", "en/parks/other/news/a.html",
        ];
        string[] no =
        [
            "zh/parks/other/index.html", "en/parks/demo/news/a.html", "en/", "en", "enparks/other/index.html", "fr/parks/other/index.html",
            "en/en/parks/other/index.html", "parks/other/news/b.html", "en/parks/other/media/a.png", "",
        ];
        foreach (var path in yes) Assert.True(known(path), path);
        foreach (var path in no) Assert.False(known(path), path);
    }
}
