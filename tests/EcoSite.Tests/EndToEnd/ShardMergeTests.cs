using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Shards;
using EcoSite.Core.Urls;

namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// Shards and merge (issue 16 item 4; docs/architecture.md "Shards and merge"): <c>build --parks</c> per shard, then
/// <c>merge</c>, gives the same bytes as one full build, file for file; and merge refuses shards that do not make
/// one site, each with a located diagnostic.
/// </summary>
public sealed class ShardMergeTests : IDisposable
{
    private static readonly BuildClock Clock = new(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-shards-" + Guid.NewGuid().ToString("N"));

    public ShardMergeTests() => Directory.CreateDirectory(_root);

    private string Dir(string name) => Path.Combine(_root, name);

    private static BuildResult Build(string content, string output, params string[]? parks) =>
        SiteBuilder.Build(new BuildOptions(content, output, Clock) { Parks = parks });

    private static BuildResult Built(string content, string output, params string[]? parks)
    {
        var result = Build(content, output, parks);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>Every file of a site except the build marker and state (a merge records that it was merged, and keeps no state).</summary>
    private static SortedDictionary<string, byte[]> Site(string dir)
    {
        var files = TestSite.Snapshot(dir);
        files.Remove(".ecosite-output");
        foreach (var state in files.Keys.Where(k => k.StartsWith(".ecosite-state/", StringComparison.Ordinal)).ToList()) files.Remove(state);
        return files;
    }

    private static void AssertSameSite(string expected, string actual)
    {
        var (a, b) = (Site(expected), Site(actual));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs from the full build");
    }

    [Fact]
    public void Two_shards_of_the_sample_merge_into_the_full_build_byte_for_byte()
    {
        Built(TestSite.SampleContent, Dir("full"), null);
        Built(TestSite.SampleContent, Dir("s1"), "l*", "q*");
        Built(TestSite.SampleContent, Dir("s2"), "parks/yunshi");
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));

        Assert.True(merged.Success, string.Join("\n", merged.Diagnostics));
        AssertSameSite(Dir("full"), Dir("out"));
        Assert.False(Directory.Exists(Path.Combine(Dir("out"), ShardState.Folder)));
    }

    /// <summary>
    /// Shards of runs of the site's parks, and shards whose parks alternate in the site's order (p00-lanshan,
    /// p01-qinghe, p02-yunshi, p03-lanshan...: every shard's documents lie between the others' in the search index, so
    /// merge interleaves the shards' counts of every shared term).
    /// </summary>
    [Theory]
    [InlineData("p0*", "p1*", "p2*")]
    [InlineData("*-lanshan", "*-qinghe", "*-yunshi")]
    public void Three_shards_of_a_thirty_park_site_merge_into_the_full_build_byte_for_byte(string a, string b, string c)
    {
        var content = ThirtyParks();
        Built(content, Dir("full"), null);
        Built(content, Dir("a"), a);
        Built(content, Dir("b"), b);
        Built(content, Dir("c"), c);
        var merged = ShardMerger.Merge([Dir("c"), Dir("a"), Dir("b")], Dir("out"));

        Assert.True(merged.Success, string.Join("\n", merged.Diagnostics));
        AssertSameSite(Dir("full"), Dir("out"));
    }

    [Fact]
    public void A_merged_file_is_the_shards_file_itself_where_the_file_system_allows_a_hard_link()
    {
        Built(TestSite.SampleContent, Dir("s1"), "l*", "q*");
        Built(TestSite.SampleContent, Dir("s2"), "yunshi");
        Assert.True(ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out")).Success);

        // Written through the shard's name, read through the merged site's: one file, no data copied.
        var page = Path.Combine("parks", "yunshi", "index.html");
        File.AppendAllText(Path.Combine(Dir("s2"), page), "<!-- changed in the shard -->");
        Assert.EndsWith("<!-- changed in the shard -->", File.ReadAllText(Path.Combine(Dir("out"), page)));
    }

    [Fact]
    public void Building_a_shard_again_after_a_merge_leaves_the_merged_site_as_it_was()
    {
        var content = Path.Combine(_root, "content");
        CopyTree(TestSite.SampleContent, content);
        Built(content, Dir("s1"), "l*", "q*");
        Built(content, Dir("s2"), "yunshi");
        Assert.True(ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out")).Success);
        var before = Site(Dir("out"));

        var news = Directory.EnumerateFiles(Path.Combine(content, "parks", "yunshi", "news"), "*.md").Order(StringComparer.Ordinal).First();
        File.WriteAllText(news, File.ReadAllText(news) + "\nA paragraph added after the merge.\n");
        var shardBefore = Site(Dir("s2"));
        Built(content, Dir("s2"), "yunshi");
        Assert.Contains(Site(Dir("s2")), f => !shardBefore.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value));

        var after = Site(Dir("out"));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed with the shard");
    }

    [Fact]
    public async Task The_command_line_builds_shards_with_repeated_and_comma_separated_patterns_and_merges_them()
    {
        async Task<(int Code, string Err)> Run(params string[] args)
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var code = await EcoSite.Cli.EcoSiteCommand.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString() + stderr.ToString());
        }

        Assert.Equal(0, (await Run("build", TestSite.SampleContent, "--parks", "lanshan", "--parks", "q*", "-o", Dir("s1"), "-q")).Code);
        Assert.Equal(0, (await Run("build", TestSite.SampleContent, "--parks", "yun*,parks/y*", "-o", Dir("s2"), "-q")).Code);
        Assert.Equal(0, (await Run("merge", Dir("s1"), Dir("s2"), "-o", Dir("out"), "-q")).Code);
        Assert.True(File.Exists(Path.Combine(Dir("out"), "parks", "yunshi", "index.html")));

        var missing = await Run("merge", Dir("s1"), "-o", Dir("out2"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("ECO606", missing.Err);
        Assert.Equal(2, (await Run("merge", "-o", Dir("out2"))).Code);
    }

    [Fact]
    public void A_shard_holds_only_its_own_parks_files_and_the_one_with_the_first_park_the_regional_ones()
    {
        Built(TestSite.SampleContent, Dir("s"), "qinghe");
        Built(TestSite.SampleContent, Dir("r"), "lanshan");
        var files = Site(Dir("s")).Keys.ToList();
        var regional = Site(Dir("r")).Keys.ToList();

        Assert.Contains("parks/qinghe/index.html", files);
        Assert.Contains("en/parks/qinghe/index.html", files);
        Assert.All(files, f => Assert.True(f.StartsWith(ShardState.Folder + "/", StringComparison.Ordinal) || Routes.ParkOfOutputPath(f, ["zh", "en"]) == "qinghe", f));
        Assert.Contains("index.html", regional);
        Assert.Contains("exchange/index.html", regional);
        Assert.Contains("feed.xml", regional);
        Assert.Contains("search/index.html", regional);
        Assert.DoesNotContain(regional, f => Routes.ParkOfOutputPath(f, ["zh", "en"]) is { } park && park != "lanshan");
        // The search index is merge's: each shard leaves its own parks' documents in its state.
        Assert.DoesNotContain(regional, f => f.StartsWith("search-index/", StringComparison.Ordinal));
        Assert.Contains(ShardState.Folder + "/" + ShardFragments.SearchName("zh"), files);
        var state = ShardState.Read(Dir("s"), out _)!;
        Assert.Equal(["qinghe"], state.Parks);
        Assert.Equal(["lanshan", "qinghe", "yunshi"], state.SiteParks);
        Assert.Equal(["search-en.json", "search-zh.json", "terms-en.txt", "terms-zh.txt"], state.Fragments.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_search_fragment_carries_snippets_and_term_counts_not_the_pages_text()
    {
        Built(TestSite.SampleContent, Dir("s"), "qinghe");
        var state = ShardState.Read(Dir("s"), out _)!;
        var fragment = ShardFragments.ReadSearch(Dir("s"), "zh", state.Fragments[ShardFragments.SearchName("zh")], out var problem);
        Assert.True(fragment is not null, problem);
        Assert.All(fragment.Documents, d =>
        {
            Assert.Equal("", d.Summary);
            Assert.Empty(d.Keywords);
            Assert.InRange(d.Body.Length, 0, EcoSite.Core.Search.SearchIndexBuilder.SnippetChars);
        });
        Assert.All(fragment.Lengths, l => Assert.True(l > 0));
        // Terms, one a line in ordinal order, each with its counts.
        var terms = File.ReadAllLines(Path.Combine(Dir("s"), ShardState.Folder, ShardFragments.TermsName("zh"))).Select(l => l[..l.IndexOf(' ')]).ToList();
        Assert.True(terms.Count > 100);
        Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
        Assert.Contains("青禾", terms);
    }

    [Fact]
    public void Term_counts_that_were_changed_or_are_not_as_a_shard_writes_them_are_refused_at_the_file()
    {
        var counts = TwoShards(ShardFragments.TermsName("zh"));
        var located = counts.Replace('\\', '/');
        var original = File.ReadAllBytes(counts);
        var state = Path.Combine(Dir("s2"), ShardState.Folder, ShardState.FileName);

        // Changed after the build: its hash is not the one in shard.json.
        File.WriteAllBytes(counts, [.. original.Skip(1)]);
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
        Assert.Contains("SHA-256", DiagnosticAssert.Has(merged.Diagnostics, "ECO607", located, 0).Message);
        Assert.False(Directory.Exists(Dir("out")));

        // Hashed as written, but not as a shard writes counts: terms out of order, a document the fragment does not
        // have, a line without counts.
        var lines = System.Text.Encoding.UTF8.GetString(original).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var hash = ShardFragments.Hash(original);
        foreach (var wrong in new[]
                 {
                     string.Join('\n', lines.Reverse()) + "\n",
                     string.Join('\n', lines.Append("\uFFFF\uFFFF }#$")) + "\n", // document 1980, count 1
                     string.Join('\n', lines.Append("\uFFFF\uFFFF ")) + "\n",
                 })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(wrong);
            File.WriteAllBytes(counts, bytes);
            File.WriteAllText(state, File.ReadAllText(state).Replace(hash, ShardFragments.Hash(bytes), StringComparison.Ordinal));
            hash = ShardFragments.Hash(bytes);
            merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
            Assert.Contains("is not a term and its counts", DiagnosticAssert.Has(merged.Diagnostics, "ECO607", located, 0).Message);
            Assert.False(Directory.Exists(Dir("out")));
        }
    }

    [Fact]
    public void A_park_pattern_that_matches_no_park_is_an_error_and_nothing_is_written()
    {
        var result = Build(TestSite.SampleContent, Dir("s"), "qinghe", "qnighe");

        Assert.False(result.Success);
        Assert.Contains("'qnighe' matches no park", DiagnosticAssert.Has(result.Diagnostics, "ECO601", "parks").Message);
        Assert.False(Directory.Exists(Dir("s")));
    }

    [Fact]
    public void Overlapping_shards_are_refused_naming_the_park_and_both_shards()
    {
        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        Built(TestSite.SampleContent, Dir("s2"), "q*,y*");
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));

        Assert.False(merged.Success);
        var d = DiagnosticAssert.Has(merged.Diagnostics, "ECO603", StateFile("s2"), 0);
        Assert.Contains("'qinghe'", d.Message);
        Assert.Contains(Dir("s1"), d.Message);
        Assert.False(Directory.Exists(Dir("out")));
    }

    [Fact]
    public void A_park_in_no_shard_is_refused_by_name()
    {
        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        var merged = ShardMerger.Merge([Dir("s1")], Dir("out"));

        Assert.False(merged.Success);
        Assert.Contains("yunshi", DiagnosticAssert.Has(merged.Diagnostics, "ECO606", StateFile("s1"), 0).Message);
        Assert.False(Directory.Exists(Dir("out")));
    }

    [Fact]
    public void Shards_of_different_site_configs_or_content_are_refused()
    {
        var other = Path.Combine(_root, "other");
        CopyTree(TestSite.SampleContent, other);
        var siteYaml = Path.Combine(other, "site.yaml");
        File.WriteAllText(siteYaml, File.ReadAllText(siteYaml).Replace("9999000001", "9999000002", StringComparison.Ordinal));
        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        Built(other, Dir("s2"), "yunshi");
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
        Assert.Contains("different site configurations", DiagnosticAssert.Has(merged.Diagnostics, "ECO604", StateFile("s2"), 0).Message);

        var edited = Path.Combine(_root, "edited");
        CopyTree(TestSite.SampleContent, edited);
        File.AppendAllText(Path.Combine(edited, "parks/qinghe/news/2026-05-18-cleaner-production-training.md"), "\n更多内容。\n");
        Built(edited, Dir("s3"), "yunshi");
        merged = ShardMerger.Merge([Dir("s1"), Dir("s3")], Dir("out"));
        Assert.Contains("different content", DiagnosticAssert.Has(merged.Diagnostics, "ECO604", StateFile("s3"), 0).Message);
        Assert.False(Directory.Exists(Dir("out")));
    }

    [Fact]
    public void Shards_of_different_tool_versions_are_refused()
    {
        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        Built(TestSite.SampleContent, Dir("s2"), "yunshi");
        var state = Path.Combine(Dir("s2"), ShardState.Folder, ShardState.FileName);
        File.WriteAllText(state, File.ReadAllText(state).Replace(SiteBuilder.Generator, "EcoSite 0.0.1", StringComparison.Ordinal));
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));

        Assert.Contains("EcoSite 0.0.1", DiagnosticAssert.Has(merged.Diagnostics, "ECO605", StateFile("s2"), 0).Message);
        Assert.False(Directory.Exists(Dir("out")));
    }

    [Fact]
    public void A_folder_that_is_not_a_shard_or_holds_a_link_is_refused()
    {
        Built(TestSite.SampleContent, Dir("full"), null);
        var merged = ShardMerger.Merge([Dir("full")], Dir("out"));
        DiagnosticAssert.Has(merged.Diagnostics, "ECO602", StateFile("full"), 0);

        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        Built(TestSite.SampleContent, Dir("s2"), "yunshi");
        var secret = Path.Combine(_root, "secret.txt");
        File.WriteAllText(secret, "not part of any site");
        File.CreateSymbolicLink(Path.Combine(Dir("s2"), "parks", "yunshi", "leak.html"), secret);
        merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
        Assert.False(merged.Success);
        DiagnosticAssert.Has(merged.Diagnostics, "ECO602", "parks/yunshi/leak.html", 0);
        Assert.False(Directory.Exists(Dir("out")));
    }

    [Fact]
    public void The_merged_site_is_never_written_into_a_shard_or_through_a_link()
    {
        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        Built(TestSite.SampleContent, Dir("s2"), "yunshi");
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Path.Combine(Dir("s1"), "site"));

        DiagnosticAssert.Has(merged.Diagnostics, "ECO301", Path.Combine(Dir("s1"), "site"), 0);
        Assert.False(Directory.Exists(Path.Combine(Dir("s1"), "site")));

        // Nor through a symbolic link: what it points to stays as it is.
        Directory.CreateDirectory(Dir("release"));
        File.WriteAllText(Path.Combine(Dir("release"), "keep.txt"), "x");
        Directory.CreateSymbolicLink(Dir("current"), Dir("release"));
        merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("current"));
        DiagnosticAssert.Has(merged.Diagnostics, "ECO305", Dir("current"), 0);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(Dir("release")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_shard_loads_other_parks_articles_without_their_bodies_and_reports_only_its_own_parks()
    {
        // A body nested too deep is an error (ECO018) found only by parsing the body; a placeholder left in a body is a
        // warning at its line; a stray file at the content root is a warning about the site, not a park.
        var content = Path.Combine(_root, "deep");
        CopyTree(TestSite.SampleContent, content);
        File.AppendAllText(Path.Combine(content, "parks/yunshi/news/2026-11-17-oil-regeneration-line.md"), "\n" + string.Concat(Enumerable.Repeat("> ", 40)) + "深\n");
        File.AppendAllText(Path.Combine(content, "parks/yunshi/news/2026-08-05-hazardous-waste-notice.md"), "\n" + Placeholders.BodyZh + "\n");
        File.WriteAllText(Path.Combine(content, "notes.txt"), "not content");

        var other = Built(content, Dir("s1"), "l*,q*");
        var own = Build(content, Dir("s2"), "yunshi");
        var full = Build(content, Dir("full"), null);

        Assert.False(full.Success);
        DiagnosticAssert.Has(full.Diagnostics, "ECO018", "parks/yunshi/news/2026-11-17-oil-regeneration-line.md");
        Assert.Contains(full.Diagnostics, d => !d.IsError && d.File == "parks/yunshi/news/2026-08-05-hazardous-waste-notice.md");
        Assert.False(own.Success);
        DiagnosticAssert.Has(own.Diagnostics, "ECO018", "parks/yunshi/news/2026-11-17-oil-regeneration-line.md");
        Assert.Contains(own.Diagnostics, d => !d.IsError && d.File == "parks/yunshi/news/2026-08-05-hazardous-waste-notice.md");
        // The shard of the other parks never parsed those bodies, and reports nothing about yunshi's files.
        Assert.DoesNotContain(other.Diagnostics, d => d.File.StartsWith("parks/yunshi/", StringComparison.Ordinal));
        // The site-wide warning is reported once: by the shard holding the first park (lanshan), not by the other.
        Assert.Contains(full.Diagnostics, d => d.File == "notes.txt");
        Assert.Contains(other.Diagnostics, d => d.File == "notes.txt");
        Assert.DoesNotContain(own.Diagnostics, d => d.File == "notes.txt");
    }

    [Fact]
    public void Each_shard_reports_the_broken_links_of_its_own_pages_as_the_full_build_does_and_no_others()
    {
        // A yunshi article links to a lanshan article (a page the other shard writes, in both languages) and to an
        // anchor missing from one of yunshi's own articles (a warning on its zh and en pages).
        var content = Path.Combine(_root, "links");
        CopyTree(TestSite.SampleContent, content);
        var article = Directory.EnumerateFiles(Path.Combine(content, "parks/yunshi/news"), "*.md").Order(StringComparer.Ordinal).First(f => !f.EndsWith(".en.md", StringComparison.Ordinal));
        var own = Path.GetFileName(Directory.EnumerateFiles(Path.Combine(content, "parks/yunshi/news"), "*.md").Order(StringComparer.Ordinal).Last(f => !f.EndsWith(".en.md", StringComparison.Ordinal)));
        File.AppendAllText(article, "\n[兰山](../../lanshan/news/2026-04-02-eco-park-application-notice.md) [锚](" + own + "#no-such-anchor)\n");

        var full = Built(content, Dir("full"), null);
        var shards = new[] { Built(content, Dir("s1"), "l*,q*"), Built(content, Dir("s2"), "yunshi") };

        static string[] Links(BuildResult r) => r.Diagnostics.Where(d => d.Code is "ECO203" or "ECO204" or "ECO205").Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(Links(full));
        Assert.Equal(Links(full), shards.SelectMany(Links).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(Links(shards[0]));
    }

    [Fact]
    public void A_placeholder_left_in_another_parks_body_scores_as_in_the_full_build()
    {
        var content = ThirtyParks();
        // Its only case, too old for the feeds (whose articles the regional shard loads in full): only the light load sees it.
        File.AppendAllText(Path.Combine(content, "parks/p29-yunshi/cases/ash-slag-wall-materials.md"), "\n" + Placeholders.CaseBodyZh + "\n");
        Built(content, Dir("full"), null);
        Built(content, Dir("a"), "p0*,p1*");
        Built(content, Dir("b"), "p2*");
        var merged = ShardMerger.Merge([Dir("a"), Dir("b")], Dir("out"));

        Assert.True(merged.Success, string.Join("\n", merged.Diagnostics));
        AssertSameSite(Dir("full"), Dir("out"));
    }

    [Fact]
    public void A_search_fragment_that_was_changed_swapped_or_removed_is_refused_at_the_fragment()
    {
        var fragment = TwoShards(ShardFragments.SearchName("en"));
        var located = fragment.Replace('\\', '/');
        var original = File.ReadAllBytes(fragment);

        // Changed after the build: its hash is not the one in shard.json.
        File.WriteAllBytes(fragment, [.. original.Where(b => b != (byte)'k')]);
        var merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
        Assert.Contains("SHA-256", DiagnosticAssert.Has(merged.Diagnostics, "ECO607", located, 0).Message);
        Assert.False(Directory.Exists(Dir("out")));

        // Another shard's fragment with its hash written into the state: it holds parks the shard does not publish.
        var foreign = File.ReadAllBytes(Path.Combine(Dir("s1"), ShardState.Folder, ShardFragments.SearchName("en")));
        File.WriteAllBytes(fragment, foreign);
        var state = Path.Combine(Dir("s2"), ShardState.Folder, ShardState.FileName);
        File.WriteAllText(state, File.ReadAllText(state).Replace(ShardFragments.Hash(original), ShardFragments.Hash(foreign), StringComparison.Ordinal));
        merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
        Assert.Contains("which the shard does not publish", DiagnosticAssert.Has(merged.Diagnostics, "ECO607", located, 0).Message);

        File.Delete(fragment);
        merged = ShardMerger.Merge([Dir("s1"), Dir("s2")], Dir("out"));
        Assert.Contains("missing", DiagnosticAssert.Has(merged.Diagnostics, "ECO607", located, 0).Message);
        Assert.False(Directory.Exists(Dir("out")));
    }

    /// <summary>The sample as two shards, s1 (lanshan and qinghe) and s2 (yunshi); the path of the file <paramref name="name"/> in s2's state folder.</summary>
    private string TwoShards(string name)
    {
        Built(TestSite.SampleContent, Dir("s1"), "l*,q*");
        Built(TestSite.SampleContent, Dir("s2"), "yunshi");
        return Path.Combine(Dir("s2"), ShardState.Folder, name);
    }

    private string StateFile(string shard) => Path.Combine(Dir(shard), ShardState.Folder, ShardState.FileName).Replace('\\', '/');

    /// <summary>The sample's three parks, ten times each under new ids (p00-lanshan ... p29-yunshi): exchange listings match across many parks.</summary>
    private string ThirtyParks()
    {
        var content = Path.Combine(_root, "thirty");
        Directory.CreateDirectory(Path.Combine(content, "parks"));
        File.Copy(Path.Combine(TestSite.SampleContent, "site.yaml"), Path.Combine(content, "site.yaml"));
        var sample = new[] { "lanshan", "qinghe", "yunshi" };
        for (var i = 0; i < 30; i++)
        {
            var park = sample[i % 3];
            CopyTree(Path.Combine(TestSite.SampleContent, "parks", park), Path.Combine(content, "parks", $"p{i:D2}-{park}"));
        }
        return content;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
