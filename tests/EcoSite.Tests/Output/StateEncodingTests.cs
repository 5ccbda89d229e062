using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The fast paths of the build state: a page's input hash laid out in one buffer is the SHA-256 the manifest always
/// held (a previous output's hashes stay valid), and <see cref="StateReader"/> reads exactly what a
/// <see cref="BinaryWriter"/> wrote, refusing what runs past the end.
/// </summary>
public sealed class StateEncodingTests
{
    /// <summary>The formula the manifest's job hashes have always had: each part in UTF-8 with a zero byte, paths in ordinal order.</summary>
    private static string Expected(string global, IEnumerable<string> rels, Func<string, byte[]?> hashOf)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(s));
            hash.AppendData([0]);
        }
        Add(InputFingerprint.Tool);
        Add(global);
        foreach (var rel in rels.Order(StringComparer.Ordinal))
        {
            Add(rel);
            if (hashOf(rel) is { } h) hash.AppendData(h);
            else Add("(missing)");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [Fact]
    public void A_pages_input_hash_is_the_sha256_of_its_parts_in_order_with_missing_files_named()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-甲.md", "---\ntitle: 甲\n---\n正文。\n").With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n");
        var tree = ContentTree.Scan(site.Content, new DiagnosticBag());
        var fingerprint = InputFingerprint.Compute(tree, new DiagnosticBag());
        string[][] inputs =
        [
            ["parks/demo/pages/about.md", "parks/demo/news/2026-11-20-甲.md", "site.yaml"],
            ["parks/demo/news/none.md", "site.yaml"],
            [],
            ["site.yaml", "site.yaml"],
        ];
        foreach (var global in new[] { "EcoSite 1|theme|2026-12-03", "其他|" + new string('x', 3000) })
            foreach (var rels in inputs)
                Assert.Equal(Expected(global, rels, fingerprint.HashOf), fingerprint.ForJob(global, rels));
        // Another generator (a test's stand-in) changes every hash, even after the same global was used.
        var before = fingerprint.ForJob("g", inputs[0]);
        InputFingerprint.ToolForTests.Value = "another build";
        try
        {
            Assert.NotEqual(before, fingerprint.ForJob("g", inputs[0]));
            Assert.Equal(Expected("g", inputs[0], fingerprint.HashOf), fingerprint.ForJob("g", inputs[0]));
        }
        finally
        {
            InputFingerprint.ToolForTests.Value = null;
        }
    }

    [Fact]
    public void The_state_reader_reads_what_a_binary_writer_wrote()
    {
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("");
            w.Write("园区 ascii \U0001F600");
            w.Write(new string('长', 70_000)); // a length of three 7-bit groups
            w.Write(true);
            w.Write(false);
            w.Write(-5);
            w.Write(long.MinValue);
            w.Write(-0.125);
            w.Write(new byte[] { 1, 2, 3 });
        }
        var r = new StateReader(stream.ToArray());
        Assert.Equal("", r.ReadString());
        Assert.Equal("园区 ascii \U0001F600", r.ReadString());
        Assert.Equal(new string('长', 70_000), r.ReadString());
        Assert.True(r.ReadBoolean());
        Assert.False(r.ReadBoolean());
        Assert.Equal(-5, r.ReadInt32());
        Assert.Equal(long.MinValue, r.ReadInt64());
        Assert.Equal(-0.125, r.ReadDouble());
        Assert.Equal([1, 2, 3], r.ReadBytes(3));
        Assert.Equal(r.Length, r.Position);
        Assert.Throws<InvalidDataException>(() => r.ReadBoolean());
    }

    [Theory]
    [InlineData(new byte[] { 5, (byte)'a' })] // a string longer than what is left
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x10 })] // a length of more than 32 bits
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // a negative length
    [InlineData(new byte[] { 0x80 })] // a length cut short
    public void The_state_reader_refuses_what_runs_past_the_end(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => new StateReader(bytes).ReadString());

    private static PageLinks Links(string path, string[] links, string[] images, string[] ids) =>
        new(path, null, links, images, new HashSet<string>(ids, StringComparer.Ordinal));

    [Fact]
    public void Pages_scanned_with_one_pool_share_each_link_string_and_find_what_a_scan_without_it_finds()
    {
        const string html = "<a href=\"../b.html\">b</a> <img src=\"p.png\"> <h2 id=\"top\">t</h2> <a href=\"x.html?a=1&amp;b=2\">x</a>";
        var pool = new LinkStrings();
        var first = PageLinks.Scan("a/one.html", "one.md", html, pool);
        var second = PageLinks.Scan("a/two.html", "two.md", html + " <a href=\"c.html\">c</a>", pool);
        var alone = PageLinks.Scan("a/one.html", "one.md", html);
        Assert.Equal(["../b.html", "x.html?a=1&b=2"], alone.Links);
        Assert.Equal(alone.Links, first.Links);
        Assert.Equal(alone.Images, first.Images);
        Assert.True(alone.Ids.SetEquals(first.Ids));
        Assert.Equal(["../b.html", "x.html?a=1&b=2", "c.html"], second.Links);
        // One string a value: the second page's strings are the first's, decoded ones too.
        Assert.Same(first.Links[0], second.Links[0]);
        Assert.Same(first.Links[1], second.Links[1]);
        Assert.Same(first.Images[0], second.Images[0]);
        Assert.Same(first.Ids.Single(), second.Ids.Single());
        Assert.NotSame(alone.Links[0], first.Links[0]);
        Assert.Equal(5, pool.Count);
    }

    [Fact]
    public void The_link_state_gives_back_each_pages_links_images_and_ids_as_written()
    {
        PageLinks[] pages =
        [
            Links("a/index.html", ["../b.html", "#top", "../b.html"], [], ["top", "main"]),
            Links("a/x.html", [], ["p.png"], []),
            Links("b.html", ["a/index.html#top"], ["a/p.png", "q 空格.png"], ["main"]),
            Links("c.html", ["line\nbreak"], [], []), // a string with a line break: left out, read back instead
            Links("d.html", [], [], []),
        ];
        var file = LinkState.ToFile(pages);
        var text = System.Text.Encoding.UTF8.GetString(file.Bytes);
        // Strings numbered in order of first use (links, images, then ids in ordinal order), written once each.
        Assert.Equal(RenderState.Header("links") + "8\n../b.html\n#top\nmain\ntop\np.png\na/index.html#top\na/p.png\nq 空格.png\n"
            + "a/index.html\t0 1 0\t\t2 3\na/x.html\t\t4\t\nb.html\t5\t6 7\t2\nd.html\t\t\t\n", text);
        Assert.Equal(RenderState.Links, file.Path);
        var state = LinkState.Parse(text);
        foreach (var page in pages.Where(p => p.OutputPath != "c.html"))
        {
            var found = state.Find(page.OutputPath, "src.md");
            Assert.NotNull(found);
            Assert.Equal((page.OutputPath, "src.md"), (found.OutputPath, found.SourceFile));
            Assert.Equal(page.Links, found.Links);
            Assert.Equal(page.Images, found.Images);
            Assert.True(page.Ids.SetEquals(found.Ids));
        }
        Assert.Null(state.Find("c.html", null));
        Assert.Null(state.Find("a/none.html", null));
        Assert.Null(state.Find("a", null));
        Assert.Null(state.Find("zzz.html", null));
        // Another generator's state, none, or a damaged line: not found, so the page is read back.
        Assert.Null(LinkState.Parse(text.Replace(InputFingerprint.Tool, "another build")).Find("b.html", null));
        Assert.Null(LinkState.Parse(null).Find("b.html", null));
        var lines = text.Split('\n');
        var b = Array.FindIndex(lines, l => l.StartsWith("b.html\t", StringComparison.Ordinal));
        foreach (var damaged in new[] { lines[b] + "\t", lines[b].Replace("\t", "\t9999 "), lines[b][..lines[b].LastIndexOf('\t')], lines[b].Replace(" ", "  ") })
        {
            var copy = (string[])lines.Clone();
            copy[b] = damaged;
            var again = LinkState.Parse(string.Join('\n', copy));
            Assert.Null(again.Find("b.html", null));
            Assert.NotNull(again.Find("a/x.html", null));
        }
    }
}
