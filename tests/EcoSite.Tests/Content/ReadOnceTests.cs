using EcoSite.Core.Content;
using EcoSite.Core.Output;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>The bytes hashed for the input fingerprint are the bytes the loader parses (each file is read once).</summary>
public sealed class ReadOnceTests
{
    private const string Item = """
        ---
        title: 原来的标题
        date: 2026-11-20
        ---
        正文。
        """;

    [Fact]
    public void The_fingerprint_keeps_markdown_and_yaml_for_the_loader_but_not_media()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-a.md", Item).WithBytes("parks/demo/media/a.png", [1, 2, 3]);
        var tree = ContentTree.Scan(site.Content, new DiagnosticBag());
        InputFingerprint.Compute(tree);

        var md = tree.Find("parks/demo/news/2026-11-20-a.md")!;
        var kept = tree.TakeKept(md);
        Assert.Equal(File.ReadAllBytes(md.FullPath), kept);
        Assert.Null(tree.TakeKept(md)); // handed over once, then released
        Assert.NotNull(tree.TakeKept(tree.Find("parks/demo/park.yaml")!));
        Assert.Null(tree.TakeKept(tree.Find("parks/demo/media/a.png")!));
    }

    [Fact]
    public void A_file_saved_again_during_the_build_is_built_as_it_was_hashed()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-a.md", Item);
        var diagnostics = new DiagnosticBag();
        var tree = ContentTree.Scan(site.Content, diagnostics);
        InputFingerprint.Compute(tree);
        // An editor saves while the build runs: the fingerprint already describes the first version.
        site.With("parks/demo/news/2026-11-20-a.md", Item.Replace("原来的标题", "新标题"));

        var loaded = ContentLoader.Load(tree, new BuildClock(null, () => DateTimeOffset.UnixEpoch), diagnostics);

        var article = Assert.Single(loaded!.Site.Parks.Single().News);
        Assert.Equal("原来的标题", article.Versions[0].Title);
    }

    [Fact]
    public void Without_a_fingerprint_the_loader_reads_the_file_itself()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-a.md", Item);
        var diagnostics = new DiagnosticBag();
        var loaded = ContentLoader.Load(site.Content, new BuildClock(null, () => DateTimeOffset.UnixEpoch), diagnostics);
        Assert.Equal("原来的标题", loaded!.Site.Parks.Single().News.Single().Versions[0].Title);
    }
}
