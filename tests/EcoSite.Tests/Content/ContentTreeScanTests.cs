using System.Diagnostics;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// <see cref="ContentTree.Scan"/> on a folder made for each test: what is listed (files, folders, links inside), what
/// is skipped or refused with which diagnostic, and the lookups of the tree (find, children, prefix, keep, exclude).
/// </summary>
public sealed class ContentTreeScanTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-tree-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside;

    public ContentTreeScanTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        _outside = Path.Combine(_root, "outside");
        Directory.CreateDirectory(_outside);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Content => Path.Combine(_root, "content");

    private string Put(string rel, string text = "x")
    {
        var path = Path.Combine(Content, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (ContentTree Tree, string[] Diagnostics) Scan(string? root = null)
    {
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(root ?? Content, bag);
        return (tree, bag.ToSortedList().Select(d => d.ToString()).ToArray());
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void Files_and_folders_are_listed_sorted_ordinally_with_sizes_and_hidden_names_skipped()
    {
        Put("b.md", "12345");
        Put("a/z.yaml", "1");
        Put("a/B.md", "12");
        Put("a/sub/c.png", "");
        Put(".git/config");
        Put("a/.swp");
        Directory.CreateDirectory(Path.Combine(Content, "empty"));
        var (tree, d) = Scan();
        Assert.Empty(d);
        Assert.Equal(["a/B.md:2", "a/sub/c.png:0", "a/z.yaml:1", "b.md:5"], tree.Files.Select(f => $"{f.RelPath}:{f.Bytes}"));
        Assert.Equal(Path.GetFullPath(Content), tree.Root);
        Assert.True(tree.IsDirectory("a"));
        Assert.True(tree.IsDirectory("a/sub"));
        Assert.True(tree.IsDirectory("empty"));
        Assert.False(tree.IsDirectory(".git"));
        Assert.False(tree.IsDirectory("b.md"));
        Assert.Equal(["a", "b.md", "empty"], tree.Children(""));
        Assert.Equal(["a/B.md", "a/sub", "a/z.yaml"], tree.Children("a"));
        Assert.Equal(["a/sub/c.png"], tree.Children("a/sub"));
        Assert.Empty(tree.Children("empty"));
        Assert.Empty(tree.Children("none"));
        Assert.Equal(Path.Combine(Path.GetFullPath(Content), "a", "sub", "c.png"), tree.Find("a/sub/c.png")!.FullPath);
        Assert.Equal(2, tree.IndexOf("a/z.yaml"));
        Assert.Equal(-1, tree.IndexOf("a/none"));
    }

    [Fact]
    public void A_relative_root_is_made_absolute()
    {
        Put("a.md");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Content);
        var (tree, _) = Scan(relative);
        Assert.Equal(Path.GetFullPath(Content), tree.Root);
        Assert.Equal(Path.Combine(Path.GetFullPath(Content), "a.md"), tree.Find("a.md")!.FullPath);
    }

    [Fact]
    public void A_name_with_a_control_character_is_refused_and_its_folder_not_entered()
    {
        if (OperatingSystem.IsWindows()) return;
        Put("ok.md");
        Put("bad\u0007name.md");
        Put("dir\u001b/inner.md");
        var (tree, d) = Scan();
        Assert.Equal(["ok.md"], tree.Files.Select(f => f.RelPath));
        Assert.Equal([
            "bad\u0007name.md: error ECO008: the name holds the invisible character U+0007 (bell); rename it with letters, digits and '-' only.",
            "dir\u001b: error ECO008: the name holds the invisible character U+001B (escape, which starts terminal colour codes); rename it with letters, digits and '-' only.",
        ], d);
        Assert.False(tree.IsDirectory("dir\u001b"));
    }

    [Fact]
    public void A_link_to_a_file_inside_is_listed_at_its_own_path_with_the_targets_size_and_path()
    {
        if (OperatingSystem.IsWindows()) return;
        var target = Put("real/file.md", "123");
        File.CreateSymbolicLink(Path.Combine(Content, "link.md"), target);
        File.CreateSymbolicLink(Path.Combine(Content, "relative.md"), "real/file.md");
        File.CreateSymbolicLink(Path.Combine(Content, "twice.md"), Path.Combine(Content, "link.md"));
        var (tree, d) = Scan();
        Assert.Empty(d);
        Assert.Equal(["link.md:3", "real/file.md:3", "relative.md:3", "twice.md:3"], tree.Files.Select(f => $"{f.RelPath}:{f.Bytes}"));
        Assert.Equal(target, tree.Find("link.md")!.FullPath);
        Assert.Equal(target, tree.Find("relative.md")!.FullPath);
        Assert.Equal(target, tree.Find("twice.md")!.FullPath);
    }

    [Fact]
    public void Links_leading_outside_looping_or_dangling_are_refused()
    {
        if (OperatingSystem.IsWindows()) return;
        var secret = Path.Combine(_outside, "secret.md");
        File.WriteAllText(secret, "s");
        File.CreateSymbolicLink(Path.Combine(Content, "out.md"), secret);
        File.CreateSymbolicLink(Path.Combine(Content, "sibling.md"), Content + "-other/x.md");
        File.CreateSymbolicLink(Path.Combine(Content, "loop1"), Path.Combine(Content, "loop2"));
        File.CreateSymbolicLink(Path.Combine(Content, "loop2"), Path.Combine(Content, "loop1"));
        File.CreateSymbolicLink(Path.Combine(Content, "gone.md"), Path.Combine(Content, "nothing.md"));
        var (tree, d) = Scan();
        Assert.Empty(tree.Files);
        const string Outside = ": error ECO030: this symbolic link points outside the content folder; it is not read or published. Copy the file into the folder instead.";
        const string Loop = ": error ECO007: this symbolic link leads round a loop of links and never reaches a file; EcoSite never opens it. Remove it, or replace it with the file itself.";
        // A dangling link inside is refused by its target's kind (missing), never opened; the message names the target.
        Assert.Equal([
            "gone.md: error ECO007: this symbolic link leads to 'nothing.md', which does not exist (or cannot be reached); EcoSite never opens it. Remove it, or replace it with the file itself.",
            "loop1" + Loop, "loop2" + Loop, "out.md" + Outside, "sibling.md" + Outside,
        ], d);
    }

    /// <summary>Every kind of link target the scan refuses reads as a sentence in both languages (no English left in
    /// the Chinese, no fallback to "title：English").</summary>
    [Fact]
    public void Every_refused_link_reads_well_in_english_and_chinese()
    {
        if (OperatingSystem.IsWindows()) return;
        Put("real/a.md");
        Directory.CreateSymbolicLink(Path.Combine(Content, "linked"), Path.Combine(Content, "real"));
        MakeFifo(Path.Combine(Content, "p/pipe"));
        File.CreateSymbolicLink(Path.Combine(Content, "to-pipe.md"), Path.Combine(Content, "p/pipe"));
        File.CreateSymbolicLink(Path.Combine(Content, "gone.md"), "sub/nothing.md");
        File.CreateSymbolicLink(Path.Combine(Content, "loop"), Path.Combine(Content, "loop"));
        File.CreateSymbolicLink(Path.Combine(Content, "out.md"), Path.Combine(_outside, "none.md"));
        var bag = new DiagnosticBag();
        ContentTree.Scan(Content, bag);
        var list = bag.ToSortedList();
        Assert.Equal([
            "gone.md: error ECO007: this symbolic link leads to 'sub/nothing.md', which does not exist (or cannot be reached); EcoSite never opens it. Remove it, or replace it with the file itself.",
            "linked: warning ECO024: linked folders are not followed; copy the folder instead.",
            "loop: error ECO007: this symbolic link leads round a loop of links and never reaches a file; EcoSite never opens it. Remove it, or replace it with the file itself.",
            "out.md: error ECO030: this symbolic link points outside the content folder; it is not read or published. Copy the file into the folder instead.",
            "p/pipe: error ECO007: this is a named pipe (FIFO), not a regular file; EcoSite never opens it. Remove it, or replace it with the file itself.",
            "to-pipe.md: error ECO007: this symbolic link leads to a named pipe (FIFO), not a regular file; EcoSite never opens it. Remove it, or replace it with the file itself.",
        ], list.Select(x => x.ToString()));
        Assert.Equal([
            "这个符号链接指向 'sub/nothing.md'，但它不存在（或无法访问），EcoSite 不会打开它。请删除它，或换成文件本身。",
            "不跟随链接的文件夹；请改为复制该文件夹。",
            "这个符号链接绕成一个循环，永远到不了文件，EcoSite 不会打开它。请删除它，或换成文件本身。",
            "这个符号链接指向内容文件夹之外，不会被读取或发布。请改为把文件复制到内容文件夹中。",
            "这是命名管道（FIFO），不是普通文件，EcoSite 不会打开它。请删除它，或换成文件本身。",
            "这个符号链接指向命名管道（FIFO），不是普通文件，EcoSite 不会打开它。请删除它，或换成文件本身。",
        ], list.Select(x => EcoSite.Core.Diagnostics.Messages.MessageCatalog.Message(x, "zh")));
    }

    [Fact]
    public void A_linked_folder_is_not_followed_and_a_link_to_a_pipe_is_named()
    {
        if (OperatingSystem.IsWindows()) return;
        Put("real/a.md");
        Directory.CreateSymbolicLink(Path.Combine(Content, "linked"), Path.Combine(Content, "real"));
        MakeFifo(Path.Combine(Content, "p/pipe"));
        File.CreateSymbolicLink(Path.Combine(Content, "to-pipe.md"), Path.Combine(Content, "p/pipe"));
        var (tree, d) = Scan();
        Assert.Equal(["real/a.md"], tree.Files.Select(f => f.RelPath));
        Assert.False(tree.IsDirectory("linked"));
        Assert.Equal([
            "linked: warning ECO024: linked folders are not followed; copy the folder instead.",
            "p/pipe: error ECO007: this is a named pipe (FIFO), not a regular file; EcoSite never opens it. Remove it, or replace it with the file itself.",
            "to-pipe.md: error ECO007: this symbolic link leads to a named pipe (FIFO), not a regular file; EcoSite never opens it. Remove it, or replace it with the file itself.",
        ], d);
    }

    [Fact]
    public void A_socket_is_named()
    {
        if (OperatingSystem.IsWindows()) return;
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(Content, "s.sock")));
        var (tree, d) = Scan();
        Assert.Empty(tree.Files);
        Assert.Equal(["s.sock: error ECO007: this is a socket, not a regular file; EcoSite never opens it. Remove it, or replace it with the file itself."], d);
    }

    [Fact]
    public void A_missing_content_folder_is_reported_as_unlistable()
    {
        var (tree, d) = Scan(Path.Combine(_root, "none"));
        Assert.Empty(tree.Files);
        Assert.Equal([".: error ECO004: cannot list the folder (a folder on the path does not exist)."], d);
    }

    [Theory]
    [InlineData("/site/content", "/site/content/a.md", true)]
    [InlineData("/site/content", "/site/content", true)]
    [InlineData("/site/content/", "/site/content", true)]
    [InlineData("/site/content/", "/site/content/a", true)]
    [InlineData("/site/content", "/site/content-old/a.md", false)]
    [InlineData("/site/content", "/site/contentx", false)]
    [InlineData("/site/content", "/site", false)]
    [InlineData("/site/content", "/site/Content/a.md", false)]
    public void Inside_means_the_folder_itself_or_below_it(string root, string path, bool inside)
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(inside, ContentTree.IsInside(root, path));
    }

    [Theory]
    [InlineData("a.md", true)]
    [InlineData("a.yaml", true)]
    [InlineData("a.yml", false)]
    [InlineData("a.MD", false)]
    [InlineData("a.md.png", false)]
    [InlineData("a.pdf", false)]
    public void The_loader_reads_markdown_and_yaml(string rel, bool text) => Assert.Equal(text, ContentTree.IsText(new ContentFile(rel, 0)));

    [Fact]
    public void Lookups_are_recorded_with_their_sizes_only_while_asked_and_nested_recordings_are_separate()
    {
        Put("a.md", "12");
        var (tree, _) = Scan();
        tree.Find("a.md");
        var found = ContentTree.RecordLookups(() =>
        {
            tree.Find("a.md");
            var inner = ContentTree.RecordLookups(() => tree.Find("none.md"), out var innerLookups);
            Assert.Null(inner);
            Assert.Equal([("none.md", -1L)], innerLookups);
            tree.IndexOf("a.md");
            return tree.Find("b.md");
        }, out var lookups);
        Assert.Null(found);
        Assert.Equal([("a.md", 2L), ("b.md", -1L)], lookups);
        Assert.Throws<InvalidOperationException>(() => ContentTree.RecordLookups<int>(() => throw new InvalidOperationException(), out _));
        ContentTree.RecordLookups(() => tree.Find("a.md"), out var after);
        Assert.Equal([("a.md", 2L)], after);
    }

    [Fact]
    public void Kept_bytes_are_handed_over_once_and_only_for_the_files_kept()
    {
        Put("mine/a.md");
        Put("other/b.md");
        var (tree, _) = Scan();
        var a = tree.Find("mine/a.md")!;
        var b = tree.Find("other/b.md")!;
        tree.Keep(a, [1]);
        Assert.True(tree.HasKept(a));
        tree.Keeps = p => p.StartsWith("mine/", StringComparison.Ordinal);
        tree.Keep(b, [2]);
        Assert.False(tree.HasKept(b));
        Assert.Null(tree.TakeKept(b));
        Assert.Equal([1], tree.TakeKept(a));
        Assert.False(tree.HasKept(a));
        Assert.Null(tree.TakeKept(a));
    }

    [Fact]
    public void Without_drops_the_excluded_files_and_the_folders_they_leave_empty_and_keeps_the_kept_bytes()
    {
        Put("keep/a.md");
        Put("mixed/drop.md");
        Put("mixed/keep.md");
        Put("gone/sub/drop.md");
        Directory.CreateDirectory(Path.Combine(Content, "empty"));
        var (tree, _) = Scan();
        tree.Keep(tree.Find("keep/a.md")!, [7]);
        Assert.Same(tree, tree.Without(_ => false));
        var without = tree.Without(p => p.EndsWith("drop.md", StringComparison.Ordinal));
        Assert.Equal(["keep/a.md", "mixed/keep.md"], without.Files.Select(f => f.RelPath));
        Assert.Equal(["empty", "keep", "mixed"], without.Children(""));
        Assert.False(without.IsDirectory("gone"));
        Assert.False(without.IsDirectory("gone/sub"));
        Assert.True(without.IsDirectory("mixed"));
        Assert.True(without.IsDirectory("empty"));
        Assert.Equal(tree.Root, without.Root);
        Assert.Equal(0, without.IndexOf("keep/a.md"));
        Assert.Null(without.Find("mixed/drop.md"));
        Assert.Equal([7], without.TakeKept(without.Find("keep/a.md")!));
    }

    [Fact]
    public void A_prefix_that_is_a_whole_file_path_finds_that_file_first()
    {
        Put("a.md");
        Put("a.md.png");
        Put("b.md");
        var (tree, _) = Scan();
        Assert.Equal(["a.md", "a.md.png"], tree.StartingWith("a.md").Select(f => f.RelPath));
        Assert.Equal(["b.md"], tree.StartingWith("b.md").Select(f => f.RelPath));
    }

    [Fact]
    public void A_folder_emptied_by_an_exclusion_goes_even_when_a_sibling_with_a_longer_name_keeps_files()
    {
        Put("gone/drop.md");
        Put("gone2/keep.md");
        var (tree, _) = Scan();
        var without = tree.Without(p => p == "gone/drop.md");
        Assert.False(without.IsDirectory("gone"));
        Assert.True(without.IsDirectory("gone2"));
    }
}
