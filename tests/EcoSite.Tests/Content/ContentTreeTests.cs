using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>The content folder's listing and its lookups.</summary>
public sealed class ContentTreeTests
{
    [Fact]
    public void Files_under_a_prefix_are_exactly_those_a_scan_of_every_file_finds_in_the_same_order()
    {
        using var site = new TestSite()
            .WithBytes("parks/demo/media/a.png", [1])
            .WithBytes("parks/demo/media/sub/b.png", [2])
            .WithBytes("parks/demo/media-old/c.png", [3])
            .WithBytes("parks/demo/mediaz.png", [4])
            .WithBytes("parks/demo2/media/d.png", [5])
            .WithBytes("parks/dem/media/e.png", [6]);
        var tree = ContentTree.Scan(site.Content, new DiagnosticBag());

        foreach (var prefix in new[] { "parks/demo/media/", "parks/demo2/media/", "parks/dem/media/", "parks/", "", "parks/none/media/", "zzz" })
        {
            var scanned = tree.Files.Where(f => f.RelPath.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f.RelPath).ToList();
            Assert.Equal(scanned, tree.StartingWith(prefix).Select(f => f.RelPath).ToList());
        }
        Assert.Equal(["parks/demo/media/a.png", "parks/demo/media/sub/b.png"], tree.StartingWith("parks/demo/media/").Select(f => f.RelPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/./")]
    public void Each_file_is_listed_by_its_path_in_the_folder_with_its_size_however_the_folder_is_named(string suffix)
    {
        using var site = new TestSite()
            .WithBytes("parks/demo/media/a.png", [1, 2, 3])
            .WithBytes("parks/demo/media/深/空 格.png", new byte[70_000])
            .WithBytes("parks/demo/media/empty.png", []);
        var tree = ContentTree.Scan(site.Content + suffix, new DiagnosticBag());

        var expected = Directory.EnumerateFiles(site.Content, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(site.Content, f).Replace('\\', '/'), new FileInfo(f).Length))
            .Order().ToList();
        Assert.Equal(expected, tree.Files.Select(f => (f.RelPath, f.Bytes)).Order().ToList());
        Assert.Equal(70_000, tree.Find("parks/demo/media/深/空 格.png")!.Bytes);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Content, "parks/demo/media/a.png")), File.ReadAllBytes(tree.Find("parks/demo/media/a.png")!.FullPath));
    }
}
