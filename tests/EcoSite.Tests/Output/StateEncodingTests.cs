using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Checks;
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
    public void The_whole_builds_fingerprint_is_the_sha256_of_its_parts_and_every_files_path_and_hash_in_order()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-甲.md", "---\ntitle: 甲\n---\n正文。\n").With("parks/demo/pages/about.md", "");
        var tree = ContentTree.Scan(site.Content, new DiagnosticBag());
        var fingerprint = InputFingerprint.Compute(tree, new DiagnosticBag());
        foreach (var (generator, theme) in new[] { ("EcoSite 1", "theme"), ("", ""), ("生成器", new string('主', 3000)) })
        {
            // The formula the manifest's "inputs" has always had, appended part by part.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var part in new[] { generator, InputFingerprint.Tool, theme, "2026-12-04" })
            {
                hash.AppendData(Encoding.UTF8.GetBytes(part));
                hash.AppendData([0]);
            }
            foreach (var file in tree.Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.RelPath));
                hash.AppendData([0]);
                hash.AppendData(fingerprint.HashOf(file.RelPath)!);
            }
            Assert.Equal(Convert.ToHexStringLower(hash.GetHashAndReset()), fingerprint.Value(generator, theme, "2026-12-04"));
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

    /// <summary>The state files of a cold build of <paramref name="pages"/>, by path, as the next build reads them.</summary>
    private static Dictionary<string, string> StateOf(IReadOnlyList<PageLinks> pages) =>
        LinkState.ToFiles(pages).Cast<TextFile>().ToDictionary(f => f.Path, f => f.Text);

    private static LinkState Load(Dictionary<string, string> files) =>
        LinkState.Load(path => files.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null);

    /// <summary>A part's text with its closing hash made again, as if a build had written it so.</summary>
    private static string Rehash(string text)
    {
        var header = text.IndexOf('\n') + 1;
        var rest = text[(header + 65)..];
        return text[..header] + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rest))) + "\n" + rest;
    }

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
        var files = StateOf(pages);
        // Every page is in the part its path names, and only parts that hold a page are written.
        Assert.Equal(pages.Select(p => LinkState.PartPath(LinkState.PartOf(p.OutputPath))).Distinct().Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        var state = Load(files);
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
        // Another generator's state, none, or a part whose bytes do not hash as recorded: not found, so the page is read back.
        var b = LinkState.PartPath(LinkState.PartOf("b.html"));
        Assert.Null(Load(files.ToDictionary(f => f.Key, f => f.Value.Replace(InputFingerprint.Tool, "another build"))).Find("b.html", null));
        Assert.Null(LinkState.Load(null).Find("b.html", null));
        Assert.Null(Load([]).Find("b.html", null));
        Assert.Null(Load(new(files) { [b] = files[b].Replace("a/index.html#top", "a/index.html#tip") }).Find("b.html", null));
        Assert.NotNull(Load(new(files) { [b] = Rehash(files[b].Replace("a/index.html#top", "a/index.html#tip")) }).Find("b.html", null));
        // A damaged line (hashed as written): that page is not found, the others still are.
        var lines = files[b].Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("b.html\t", StringComparison.Ordinal));
        foreach (var damaged in new[] { lines[at] + "\t", lines[at].Replace("\t", "\t9999 "), lines[at][..lines[at].LastIndexOf('\t')], lines[at].Replace(" ", "  ") })
        {
            var copy = (string[])lines.Clone();
            copy[at] = damaged;
            var again = Load(new(files) { [b] = Rehash(string.Join('\n', copy)) });
            Assert.Null(again.Find("b.html", null));
            foreach (var page in pages.Where(p => p.OutputPath is not ("b.html" or "c.html")))
                Assert.NotNull(again.Find(page.OutputPath, null));
        }
    }

    [Fact]
    public void A_page_is_found_by_its_path_in_the_order_the_paths_were_written_whatever_characters_they_hold()
    {
        // UTF-16 ordinal order (the order a build writes) puts a character above U+FFFF (a surrogate pair, D800-DFFF)
        // before U+E000..U+FFFF; in UTF-8 bytes it comes after them. The search must compare as the lines were sorted.
        var names = new[] { "a.html", "b/é.html", "b/中.html", "b/\uFF21.html", "b/\uE000.html", "b/\U0001F600.html", "b/\U00020000x.html", "c.html" };
        var pages = names.SelectMany(n => Enumerable.Range(0, 200).Select(i => $"{i:D3}/{n}"))
            .Select(p => Links(p, [p + "#x"], [], ["x"])).OrderBy(p => p.OutputPath, StringComparer.Ordinal).ToList();
        var state = Load(StateOf(pages));
        foreach (var page in pages)
        {
            var found = state.Find(page.OutputPath, null);
            Assert.NotNull(found);
            Assert.Equal(page.Links, found.Links);
        }
        Assert.Null(state.Find("000/b/\uFF22.html", null));
    }

    /// <summary>Pages spread over many parts, and a page of a given part.</summary>
    private static List<PageLinks> ManyPages(int count) =>
        Enumerable.Range(0, count).Select(i => Links($"p/{i:000}.html", ["../index.html", $"{(i + 1) % count:000}.html#x"], [], ["x"]))
            .OrderBy(p => p.OutputPath, StringComparer.Ordinal).ToList();

    [Fact]
    public void A_part_whose_pages_all_came_from_it_is_kept_and_every_other_part_is_made_as_a_cold_build_makes_it()
    {
        var pages = ManyPages(1000);
        var files = StateOf(pages);
        Assert.Equal(LinkState.Parts, files.Count);
        var changed = pages[7];
        var changedPart = LinkState.PartPath(LinkState.PartOf(changed.OutputPath));

        // The next build reuses every page but one (rendered again, its links scanned anew).
        var state = Load(files);
        var next = pages.Select(p => p == changed ? Links(p.OutputPath, ["../index.html"], [], ["x"]) : state.Find(p.OutputPath, null)!).ToList();
        var result = state.Files(next, _ => true);

        var cold = StateOf(next);
        Assert.Equal(cold.Keys.Order(StringComparer.Ordinal), result.Select(f => f.Path).Order(StringComparer.Ordinal));
        var made = Assert.Single(result.OfType<TextFile>());
        Assert.Equal(changedPart, made.Path);
        Assert.Equal(cold[changedPart], made.Text);
        Assert.NotEqual(files[changedPart], made.Text);
        // Kept parts are exactly what a cold build writes.
        foreach (var kept in result.OfType<ReusedFile>()) Assert.Equal(cold[kept.Path], files[kept.Path]);
    }

    [Fact]
    public void A_part_is_made_when_a_page_left_it_joined_it_or_was_not_asked_for_or_its_file_cannot_be_kept()
    {
        var pages = ManyPages(1000);
        var files = StateOf(pages);
        var part = LinkState.PartOf(pages[7].OutputPath);
        var path = LinkState.PartPath(part);
        var others = pages.Where(p => LinkState.PartOf(p.OutputPath) == part).ToList();
        Assert.True(others.Count > 2);

        // A page deleted: the rest of its part all came from the state, but the part held one more.
        var state = Load(files);
        var next = pages.Where(p => p != pages[7]).Select(p => state.Find(p.OutputPath, null)!).ToList();
        Assert.Equal(StateOf(next)[path], Assert.IsType<TextFile>(state.Files(next, _ => true).Single(f => f.Path == path)).Text);

        // A page added to the part (its links scanned, not found in the state).
        var added = Enumerable.Range(0, 10_000).Select(i => $"q/{i}.html").First(p => LinkState.PartOf(p) == part);
        state = Load(files);
        next = pages.Select(p => state.Find(p.OutputPath, null)!).Append(Links(added, ["a.html"], [], [])).OrderBy(p => p.OutputPath, StringComparer.Ordinal).ToList();
        Assert.Equal(StateOf(next)[path], Assert.IsType<TextFile>(state.Files(next, _ => true).Single(f => f.Path == path)).Text);

        // A page of the part whose links were not asked of the state (read back, or rendered with the same links).
        state = Load(files);
        next = pages.Select(p => p == others[1] ? p : state.Find(p.OutputPath, null)!).ToList();
        Assert.Equal(files[path], Assert.IsType<TextFile>(state.Files(next, _ => true).Single(f => f.Path == path)).Text);

        // Everything from the state, but the previous output has no file to keep there.
        state = Load(files);
        next = pages.Select(p => state.Find(p.OutputPath, null)!).ToList();
        var result = state.Files(next, p => p != path);
        Assert.IsType<TextFile>(result.Single(f => f.Path == path));
        Assert.Equal(LinkState.Parts - 1, result.OfType<ReusedFile>().Count());
    }
}

/// <summary>
/// The link check of an incremental build takes the previous build's result of each kept page only when nothing its links
/// find can have changed (docs/incremental.md, "Checking only the pages that changed").
/// </summary>
public sealed class LinkResultTests
{
    private static PageLinks Page(string path, string[] links, string[] ids, bool kept) =>
        new(path, "src/" + path, links, [], new HashSet<string>(ids, StringComparer.Ordinal)) { Kept = kept };

    private static readonly string[] Others = ["assets/site.css", "data/a.csv"];

    private static List<PageLinks> Site(bool kept, string[]? bIds = null) =>
    [
        Page("a/index.html", ["../b.html#x", "../gone.html", "../b.html#nope"], ["top"], kept),
        Page("b.html", ["a/index.html#top"], bIds ?? ["x"], kept),
        Page("c d.html", ["b.html"], [], kept),
    ];

    /// <summary>The state a cold build of <paramref name="pages"/> leaves, and its link check's diagnostics.</summary>
    private static (Dictionary<string, byte[]> Files, IReadOnlyList<Diagnostic> Report) Cold(List<PageLinks> pages, string[] others)
    {
        var paths = pages.Select(p => p.OutputPath).Concat(others).ToList();
        var state = LinkState.Load(null);
        var files = new[] { state.FileSet(paths) }.Concat(state.Files(pages, _ => false)).Cast<TextFile>()
            .ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text));
        var set = paths.ToHashSet(StringComparer.Ordinal);
        return (files, LinkChecker.Check(pages, set.Contains));
    }

    /// <summary>The check of the next build of <paramref name="pages"/> over the previous build's state.</summary>
    private static (Dictionary<string, List<Diagnostic>>? Known, IReadOnlyList<Diagnostic> Report) Next(
        (Dictionary<string, byte[]> Files, IReadOnlyList<Diagnostic> Report) previous, List<PageLinks> pages, string[] others)
    {
        var state = LinkState.Load(p => previous.Files.GetValueOrDefault(p));
        var paths = pages.Select(p => p.OutputPath).Concat(others).ToList();
        state.FileSet(paths);
        var known = state.PreviousResults(pages, previous.Report);
        var set = paths.ToHashSet(StringComparer.Ordinal);
        return (known, LinkChecker.Check(pages, set.Contains, known is null ? null : p => p.Kept ? known.GetValueOrDefault(p.OutputPath) ?? [] : null));
    }

    private static string[] Text(IEnumerable<Diagnostic> report) => report.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Kept_pages_take_the_previous_result_when_the_files_and_the_rendered_pages_ids_are_the_same()
    {
        var previous = Cold(Site(kept: false), Others);
        Assert.Equal(2, previous.Report.Count);
        // b.html rendered again with the same ids, the others kept: their results are the previous ones, by page.
        var pages = Site(kept: true);
        pages[1] = pages[1] with { Kept = false };
        var (known, report) = Next(previous, pages, Others);
        Assert.NotNull(known);
        Assert.Equal(["a/index.html"], known.Keys);
        Assert.Equal(Text(previous.Report), Text(report));
    }

    [Fact]
    public void Every_page_is_checked_when_the_site_has_other_files()
    {
        var previous = Cold(Site(kept: false), Others);
        // gone.html now exists: the kept page's link to it is no longer broken.
        string[] others = [.. Others, "gone.html"];
        var (known, report) = Next(previous, Site(kept: true), others);
        Assert.Null(known);
        Assert.Equal(Text(Cold(Site(kept: false), others).Report), Text(report));
        Assert.Single(report);
        // A file gone (the same number of files) also changes the set.
        Assert.Null(Next(previous, Site(kept: true), ["assets/site.css", "data/b.csv"]).Known);
    }

    [Fact]
    public void Search_chunks_named_anew_are_not_a_change_of_the_files_but_any_other_file_is()
    {
        string[] others = [.. Others, "search-index/zh/c/0123abcd.js", "search-index/en/c/99.js", "search-index/zh/index.js"];
        var previous = Cold(Site(kept: false), others);
        Assert.NotNull(Next(previous, Site(kept: true), [.. Others, "search-index/zh/c/4567ef.js", "search-index/zh/index.js"]).Known);
        Assert.Null(Next(previous, Site(kept: true), [.. Others, "search-index/zh/c/0123abcd.js", "search-index/en/c/99.js"]).Known);
        Assert.Null(Next(previous, Site(kept: true), [.. others, "search-index/zh/d/1.js"]).Known);
        Assert.Null(Next(previous, Site(kept: true), [.. others, "c/1.js"]).Known);
        Assert.True(LinkState.IsSearchChunk("search-index/zh/c/1.js"));
        Assert.False(LinkState.IsSearchChunk("search-index/zh/index.js"));
        Assert.False(LinkState.IsSearchChunk("search-index/c/1.js"));
        Assert.False(LinkState.IsSearchChunk("x/search-index/zh/c/1.js"));
    }

    [Fact]
    public void Every_page_is_checked_when_a_rendered_page_has_other_ids()
    {
        var previous = Cold(Site(kept: false), Others);
        // b.html rendered again with the id "nope" too: the kept page's anchor to it is no longer broken.
        var pages = Site(kept: true, bIds: ["x", "nope"]);
        pages[1] = pages[1] with { Kept = false };
        var (known, report) = Next(previous, pages, Others);
        Assert.Null(known);
        Assert.Equal(Text(Cold(Site(kept: false, bIds: ["x", "nope"]), Others).Report), Text(report));
        // One id fewer, too.
        pages = Site(kept: true, bIds: []);
        pages[1] = pages[1] with { Kept = false };
        Assert.Null(Next(previous, pages, Others).Known);
    }

    [Fact]
    public void Every_page_is_checked_without_the_previous_file_list_or_when_a_result_names_no_single_page()
    {
        var previous = Cold(Site(kept: false), Others);
        var withoutList = (previous.Files.Where(f => f.Key != LinkState.FilesPath).ToDictionary(), previous.Report);
        Assert.Null(Next(withoutList, Site(kept: true), Others).Known);
        var otherGenerator = (previous.Files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f.Value).Replace(InputFingerprint.Tool, "another"))), previous.Report);
        Assert.Null(Next(otherGenerator, Site(kept: true), Others).Known);
        var stray = new Diagnostic("ECO203", Severity.Warning, "x.md", 0, 0, "the page nowhere.html links to 'x', which is not in the built site.");
        Assert.Null(Next((previous.Files, [.. previous.Report, stray]), Site(kept: true), Others).Known);
        // A page whose path has a space is still told apart.
        var spaced = new Diagnostic("ECO203", Severity.Warning, "src/c d.html", 0, 0, "the page c d.html links to 'b.html', which is not in the built site.");
        var known = Next((previous.Files, [.. previous.Report, spaced]), Site(kept: true), Others).Known;
        Assert.NotNull(known);
        Assert.Equal(spaced, Assert.Single(known["c d.html"]));
    }
}
