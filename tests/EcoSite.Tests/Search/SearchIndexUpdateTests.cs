using System.Text;
using EcoSite.Core;
using EcoSite.Core.Output;
using EcoSite.Core.Search;

namespace EcoSite.Tests.Search;

/// <summary>
/// The search index patched after a few documents changed (docs/incremental.md, "The search index"): only the chunks
/// that hold a changed term or document are encoded, the others are kept as they are, and the files (index, chunks and
/// build state) are byte for byte those of a cold build of the same documents, whatever changed.
/// </summary>
public sealed class SearchIndexUpdateTests
{
    private const string Folder = "search-index/zh/";
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>A previous output held in memory: the files of the build before.</summary>
    private sealed class Previous(Dictionary<string, byte[]> files) : IPreviousOutput
    {
        public byte[]? Read(string path) => files.GetValueOrDefault(path);
        public bool Has(string path) => files.ContainsKey(path);
    }

    private static SearchDocument Page(int i, string body, DateOnly? date = null, string? textLang = null, string park = "a") =>
        new($"parks/{park}/news/{i:D4}/index.html", $"第{i}号通知 notice {i}", textLang, park, "news", date ?? new DateOnly(2026, 1, 1) , "", body, []);

    private static string Body(int i) => string.Concat(Enumerable.Range(0, 60).Select(k => (char)(0x4E00 + (i * 37 + k * 11) % 3000)));

    private static List<SearchDocument> Docs() => Enumerable.Range(0, 600).Select(i => Page(i, Body(i))).ToList();

    private static SearchInput Input(IEnumerable<SearchDocument> docs) => new("zh", Today,
        [new("a", "甲园区"), new("b", "乙园区")], [new("news", "动态")], [new("supply", "供应"), new("demand", "需求")], docs.ToList());

    /// <summary>The files as they are on disk after a build: a kept file has its previous bytes.</summary>
    private static Dictionary<string, byte[]> Written(IReadOnlyList<OutputFile> files, Dictionary<string, byte[]>? before = null) =>
        files.ToDictionary(f => f.Path, f => f switch
        {
            TextFile t => Encoding.UTF8.GetBytes(t.Text),
            BinaryFile b => b.Bytes,
            ReusedFile r => before![r.Path],
            _ => throw new InvalidOperationException(f.GetType().Name),
        }, StringComparer.Ordinal);

    private static (Dictionary<string, byte[]> Files, SearchIndexCounts Counts, List<OutputFile> Emitted) Build(IEnumerable<SearchDocument> docs, Dictionary<string, byte[]>? before)
    {
        var stats = new SearchIndexStats();
        var emitted = SearchIndexUpdate.Files(Input(docs), Folder, before is null ? null : new Previous(before), stats);
        return (Written(emitted, before), stats.Counts, emitted);
    }

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a cold build");
    }

    [Fact]
    public void A_one_document_change_encodes_only_the_chunks_it_touches_and_equals_a_cold_build()
    {
        var docs = Docs();
        var (before, _, _) = Build(docs, null);
        docs[300] = Page(300, Body(300) + "再生水回用");

        var (after, counts, emitted) = Build(docs, before);

        Assert.Equal(1, counts.Patched);
        Assert.Equal(1, counts.Tokenized);
        var chunks = before.Keys.Count(p => p.StartsWith(Folder + "c/", StringComparison.Ordinal));
        Assert.True(chunks > 20, $"the index has {chunks} chunks");
        // Encoded: the document's chunk and the chunks that hold any of its terms (before or after), whose postings may
        // have moved; every other chunk is kept without being read or encoded. Of the encoded ones, only those whose
        // bytes changed get a new name (and are written).
        Assert.InRange(counts.ChunksEncoded, 2, 16);
        Assert.Equal(counts.ChunksKept, emitted.Count(f => f is ReusedFile && f.Path.StartsWith(Folder + "c/", StringComparison.Ordinal)));
        Assert.Equal(after.Keys.Count(p => p.StartsWith(Folder + "c/", StringComparison.Ordinal)), counts.ChunksKept + counts.ChunksEncoded);
        Assert.True(counts.ChunksKept > chunks - 16, $"{counts.ChunksKept} of {chunks} chunks kept");
        var renamed = after.Keys.Count(p => !before.ContainsKey(p));
        Assert.InRange(renamed, 2, 8);
        AssertSame(Build(docs, null).Files, after);
    }

    [Fact]
    public void A_layout_nothing_moved_in_is_kept_as_it_is_and_one_a_document_moved_in_is_written_as_a_cold_build_writes_it()
    {
        var layout = RenderState.SearchLayout("zh");
        var docs = Docs();
        var (before, _, _) = Build(docs, null);

        var (same, unchanged, kept) = Build(docs, before);
        Assert.Equal(1, unchanged.Patched);
        Assert.IsType<ReusedFile>(Assert.Single(kept, f => f.Path == layout));
        AssertSame(before, same);

        // A title changed: its document's line moves, and the chunks that hold its terms.
        docs[599] = docs[599] with { Title = "改过的标题" };
        var (after, changed, written) = Build(docs, before);
        Assert.Equal(1, changed.Patched);
        Assert.IsType<BinaryFile>(Assert.Single(written, f => f.Path == layout));
        AssertSame(Build(docs, null).Files, after);
    }

    public static TheoryData<string> Changes() => ["body", "title", "date only", "date moves it", "language only", "added", "deleted", "renamed", "moved in the order", "several", "removed term", "reverted"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void After_any_change_the_index_and_its_state_equal_a_cold_build(string change)
    {
        var docs = Docs();
        var (before, _, _) = Build(docs, null);
        switch (change)
        {
            case "body": docs[17] = docs[17] with { Body = docs[17].Body + " fly ash recycling" }; break;
            case "title": docs[599] = docs[599] with { Title = "改过的标题" }; break;
            case "date only": docs[0] = docs[0] with { Date = new DateOnly(2026, 6, 1) }; break; // still the first: fresher, and first by path
            case "date moves it": docs[1] = docs[1] with { Date = new DateOnly(2026, 11, 1) }; break;
            case "language only": docs[42] = docs[42] with { TextLang = "en" }; break;
            case "added": docs.Insert(250, Page(9999, "新增一条再生水消息")); break;
            case "deleted": docs.RemoveAt(123); break;
            case "renamed": docs[77] = docs[77] with { Path = "parks/a/news/renamed/index.html" }; break;
            case "moved in the order": docs[5] = docs[5] with { Park = "b" }; break;
            case "several": foreach (var i in new[] { 3, 150, 151, 420 }) docs[i] = docs[i] with { Body = Body(i + 1000) }; break;
            case "removed term": docs[9] = docs[9] with { Title = "", Body = "" }; break;
            case "reverted": docs[9] = docs[9] with { Body = Body(10) }; break;
        }
        var (after, counts, _) = Build(docs, before);

        AssertSame(Build(docs, null).Files, after);
        // What leaves the documents and their order as they were is patched; the rest is built whole.
        if (change is "body" or "title" or "date only" or "language only") Assert.Equal(1, counts.Patched);
        if (change is "added" or "deleted" or "renamed" or "moved in the order" or "date moves it") Assert.Equal(0, counts.Patched);
    }

    [Fact]
    public void Two_patches_in_a_row_still_equal_a_cold_build()
    {
        var docs = Docs();
        var (first, _, _) = Build(docs, null);
        docs[10] = docs[10] with { Body = "粉煤灰" };
        var (second, c1, _) = Build(docs, first);
        docs[11] = docs[11] with { Body = docs[10].Body + "脱硫石膏" };
        var (third, c2, _) = Build(docs, second);

        Assert.Equal(1, c1.Patched);
        Assert.Equal(1, c2.Patched);
        AssertSame(Build(docs, null).Files, third);
    }

    [Theory]
    [InlineData("layout edited")]
    [InlineData("counts edited")]
    [InlineData("chunk edited")]
    [InlineData("chunk missing")]
    [InlineData("layout missing")]
    public void A_state_or_chunk_that_does_not_check_out_builds_the_index_whole(string damage)
    {
        var docs = Docs();
        var (before, _, _) = Build(docs, null);
        var layout = RenderState.SearchLayout("zh");
        var counts = before.Keys.Where(p => p.StartsWith(".ecosite-state/search-zh/", StringComparison.Ordinal)).ToList();
        var doc = docs[300];
        // Every term chunk of more than one term (entries are separated by '!'): among them those a patch reads back.
        var termChunks = before.Keys.Where(p => p.StartsWith(Folder + "c/", StringComparison.Ordinal)
            && Encoding.UTF8.GetString(before[p]).Contains('!', StringComparison.Ordinal)).ToList();
        switch (damage)
        {
            case "layout edited":
                before[layout] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(before[layout]).Replace("average\t", "average\t1", StringComparison.Ordinal));
                break;
            case "counts edited":
                // Every counts file: a patch reads back those that hold the changed document's keys.
                foreach (var p in counts) before[p] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(before[p]) + "f\t1\tx\t1\n");
                break;
            case "chunk edited":
                foreach (var p in termChunks) before[p] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(before[p]).Replace("!", "!\u4E00 #$!", StringComparison.Ordinal));
                break;
            case "chunk missing":
                foreach (var p in before.Keys.Where(p => p.StartsWith(Folder + "c/", StringComparison.Ordinal)).ToList()) before.Remove(p);
                break;
            case "layout missing":
                before.Remove(layout);
                break;
        }
        docs[300] = doc with { Body = doc.Body + "再生水回用" };

        var (after, stats, emitted) = Build(docs, before);

        Assert.Equal(0, stats.Patched);
        Assert.DoesNotContain(emitted, f => f is ReusedFile);
        AssertSame(Build(docs, null).Files, after);
    }

    // Documents made from HTML, as the site's articles are: a document whose sources (title, keywords, summary, body
    // HTML) hash as the layout recorded takes its recorded key, its HTML never turned into text.

    private static SearchDocument HtmlPage(int i, string html, string? title = null, string summary = "", IReadOnlyList<string>? keywords = null) =>
        SearchDocument.FromHtml($"parks/a/news/{i:D4}/index.html", title ?? $"第{i}号通知 notice {i}", null, "a", "news", new DateOnly(2026, 1, 1),
            summary, html, keywords ?? ["动态"]);

    private static string Html(int i) => "<p>" + Body(i) + "</p><p><strong>粉</strong>煤灰 " + i + "</p>";

    /// <summary>Fresh documents of the same sources, as a new build gathers them (no text made yet).</summary>
    private static List<SearchDocument> HtmlDocs(Func<int, SearchDocument?>? change = null) =>
        Enumerable.Range(0, 600).Select(i => change?.Invoke(i) ?? HtmlPage(i, Html(i))).ToList();

    [Fact]
    public void A_one_article_change_makes_the_text_of_only_the_changed_and_re_cut_documents()
    {
        var (before, _, _) = Build(HtmlDocs(), null);
        var docs = HtmlDocs(i => i == 300 ? HtmlPage(300, Html(300) + "<p>再生水回用</p>") : null);

        var (after, counts, _) = Build(docs, before);

        Assert.Equal(1, counts.Patched);
        Assert.Equal(1, counts.Tokenized);
        Assert.True(docs[300].TextMade);
        // Only the changed one is made into text: its neighbours in the document chunks cut again keep their entries
        // (snippets) as the old chunks hold them; a build that made every text makes 600.
        var made = docs.Select((d, i) => (d, i)).Where(x => x.d.TextMade).Select(x => x.i).ToList();
        Assert.Equal([300], made);
        AssertSame(Build(HtmlDocs(i => i == 300 ? HtmlPage(300, Html(300) + "<p>再生水回用</p>") : null), null).Files, after);
    }

    /// <summary>An article's body as the site hands it over: its hash known, its HTML counted when read.</summary>
    private sealed class CountedBody(string html) : HtmlBody
    {
        public int Reads;

        public override string Html
        {
            get
            {
                Interlocked.Increment(ref Reads);
                return html;
            }
        }

        public override byte[] Sha256 { get; } = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(html));
    }

    [Fact]
    public void A_one_article_change_reads_the_html_of_only_the_changed_document()
    {
        static (List<SearchDocument> Docs, List<CountedBody> Bodies) Gathered(Func<int, string> html)
        {
            var bodies = Enumerable.Range(0, 600).Select(i => new CountedBody(html(i))).ToList();
            var docs = bodies.Select((b, i) => SearchDocument.FromHtml($"parks/a/news/{i:D4}/index.html", $"第{i}号通知 notice {i}", null, "a", "news",
                new DateOnly(2026, 1, 1), "", b, ["动态"])).ToList();
            return (docs, bodies);
        }
        var (before, _, _) = Build(Gathered(Html).Docs, null);
        var (docs, bodies) = Gathered(i => i == 300 ? Html(300) + "<p>再生水回用</p>" : Html(i));

        var (after, counts, _) = Build(docs, before);

        Assert.Equal(1, counts.Patched);
        // The body of every unchanged document is told by its hash: its HTML is never asked for (a cached article's
        // is never decoded), not for its terms nor for its snippet in a document chunk cut again.
        Assert.Equal([300], bodies.Select((b, i) => (b, i)).Where(x => x.b.Reads > 0).Select(x => x.i));
        AssertSame(Build(Gathered(i => i == 300 ? Html(300) + "<p>再生水回用</p>" : Html(i)).Docs, null).Files, after);
    }

    public static TheoryData<string> HtmlChanges() =>
        ["body", "title only", "summary only", "keywords only", "same text, other markup", "added", "deleted", "today moves", "several"];

    [Theory]
    [MemberData(nameof(HtmlChanges))]
    public void After_any_change_to_an_article_the_index_keyed_by_sources_equals_a_cold_build(string change)
    {
        var (before, _, _) = Build(HtmlDocs(), null);
        Func<int, SearchDocument?> edit = change switch
        {
            "body" => i => i == 17 ? HtmlPage(17, Html(17) + "<p>fly ash recycling</p>") : null,
            "title only" => i => i == 17 ? HtmlPage(17, Html(17), title: "改过的标题 fly ash") : null,
            "summary only" => i => i == 17 ? HtmlPage(17, Html(17), summary: "脱硫石膏综合利用") : null,
            "keywords only" => i => i == 17 ? HtmlPage(17, Html(17), keywords: ["余热回收"]) : null,
            "same text, other markup" => i => i == 17 ? HtmlPage(17, Html(17).Replace("<strong>粉</strong>", "<em>粉</em>", StringComparison.Ordinal)) : null,
            "several" => i => i is 3 or 150 or 420 ? HtmlPage(i, Html(i + 1000)) : null,
            _ => _ => null,
        };
        List<SearchDocument> Docs()
        {
            var docs = HtmlDocs(i => edit(i));
            if (change == "added") docs.Insert(250, HtmlPage(9999, "<p>新增一条再生水消息</p>"));
            if (change == "deleted") docs.RemoveAt(123);
            return docs;
        }
        var today = change == "today moves" ? Today.AddDays(1) : Today;
        SearchInput In(List<SearchDocument> docs) => Input(docs) with { Today = today };

        var stats = new SearchIndexStats();
        var emitted = SearchIndexUpdate.Files(In(Docs()), Folder, new Previous(before), stats);
        var cold = Written(SearchIndexUpdate.Files(In(Docs()), Folder, null), null);

        AssertSame(cold, Written(emitted, before));
        if (change is "body" or "title only" or "summary only" or "keywords only" or "same text, other markup" or "several")
            Assert.Equal(1, stats.Counts.Patched);
        // Other markup with the same text: a new source, the same key; nothing to tokenize.
        if (change == "same text, other markup") Assert.Equal(0, stats.Counts.Tokenized);
    }

    [Fact]
    public void An_article_changed_and_changed_back_equals_a_cold_build_each_time()
    {
        var (first, _, _) = Build(HtmlDocs(), null);
        var (second, c1, _) = Build(HtmlDocs(i => i == 40 ? HtmlPage(40, "<p>改动</p>") : null), first);
        var (third, c2, _) = Build(HtmlDocs(), second);

        Assert.Equal(1, c1.Patched);
        Assert.Equal(1, c2.Patched);
        AssertSame(first, third);
    }

    // The state split and shared (docs/incremental.md, "Proportional to the change"): the term counts in one file per
    // first character of the keys, only those a change touches read back and written; the documents sorted once.

    private static bool IsCounts(string path) => path.StartsWith(".ecosite-state/search-zh/", StringComparison.Ordinal);

    [Fact]
    public void A_one_document_change_reads_and_writes_only_the_counts_files_of_its_keys()
    {
        var docs = Docs();
        var (before, _, _) = Build(docs, null);
        var files = before.Keys.Where(IsCounts).ToList();
        Assert.Equal(16, files.Count);
        var reads = new List<string>();
        docs[300] = Page(300, Body(300) + "再生水回用");
        var emitted = SearchIndexUpdate.Files(Input(docs), Folder, new Recording(before, reads), new SearchIndexStats());

        // The changed document's old key and its new key: one or two files read back, rewritten; the rest kept unread.
        var rewritten = emitted.Where(f => IsCounts(f.Path) && f is not ReusedFile).Select(f => f.Path).ToList();
        Assert.InRange(rewritten.Count, 1, 2);
        Assert.Equal(16 - rewritten.Count, emitted.Count(f => IsCounts(f.Path) && f is ReusedFile));
        Assert.Equal(rewritten.Order(StringComparer.Ordinal), reads.Where(IsCounts).Distinct().Order(StringComparer.Ordinal));
        AssertSame(Build(docs, null).Files, Written(emitted, before));
    }

    /// <summary>A previous output that records every file read back.</summary>
    private sealed class Recording(Dictionary<string, byte[]> files, List<string> reads) : IPreviousOutput
    {
        public byte[]? Read(string path)
        {
            reads.Add(path);
            return files.GetValueOrDefault(path);
        }

        public bool Has(string path) => files.ContainsKey(path);
    }

    [Fact]
    public void With_few_documents_a_counts_file_that_empties_or_appears_follows_a_cold_build()
    {
        // Three documents use at most three of the sixteen files: a change moves a key to a file no key used, or leaves
        // one without keys (then it is not written, as a cold build writes none).
        List<SearchDocument> Few(int variant) => [Page(0, Body(0)), Page(1, Body(1) + variant), Page(2, Body(2))];
        var (previous, _, _) = Build(Few(0), null);
        int appeared = 0, emptied = 0;
        for (var v = 1; v <= 24; v++)
        {
            var (after, counts, _) = Build(Few(v), previous);
            Assert.Equal(1, counts.Patched);
            AssertSame(Build(Few(v), null).Files, after);
            var was = previous.Keys.Where(IsCounts).ToHashSet();
            var now = after.Keys.Where(IsCounts).ToHashSet();
            if (now.Except(was).Any()) appeared++;
            if (was.Except(now).Any()) emptied++;
            previous = after;
        }
        Assert.True(appeared > 0 && emptied > 0, $"appeared {appeared}, emptied {emptied}");
    }

    [Fact]
    public void The_counts_file_of_the_changed_document_edited_builds_the_index_whole()
    {
        var docs = Docs();
        var (before, _, _) = Build(docs, null);
        var layout = Encoding.UTF8.GetString(before[RenderState.SearchLayout("zh")]);
        // The changed document's old key, from its layout line: only its counts file is edited.
        var key = layout.Split('\n').First(l => l.StartsWith(docs[300].Path + "\t", StringComparison.Ordinal)).Split('\t')[1];
        var path = RenderState.Search("zh", key[0]);
        before[path] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(before[path]) + "f\t1\tx\t1\n");
        docs[300] = Page(300, Body(300) + "再生水回用");

        var (after, counts, emitted) = Build(docs, before);

        Assert.Equal(0, counts.Patched);
        Assert.DoesNotContain(emitted, f => f is ReusedFile);
        AssertSame(Build(docs, null).Files, after);
    }

    [Fact]
    public void The_documents_are_sorted_once_per_input_in_the_documented_order()
    {
        var docs = new List<SearchDocument>();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
            docs.Add(Page(random.Next(40), "", random.Next(3) == 0 ? null : new DateOnly(2026, 1 + random.Next(3), 1), park: random.Next(2) == 0 ? "a" : "b")
                with { Category = random.Next(2) == 0 ? "news" : "cases" });
        var input = Input(docs) with { Categories = [new("news", "动态"), new("cases", "案例")] };
        var parks = new[] { "a", "b" };
        var categories = new[] { "news", "cases" };
        var expected = docs.OrderBy(d => Array.IndexOf(parks, d.Park)).ThenBy(d => Array.IndexOf(categories, d.Category))
            .ThenByDescending(d => d.Date ?? DateOnly.MinValue).ThenBy(d => d.Path, StringComparer.Ordinal).ToList();

        var order = SearchIndexBuilder.Order(input);

        // Equal paths (the same page twice) keep their order in the input, as a stable sort does.
        Assert.Equal(expected.Count, order.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Same(expected[i], order[i]);
        Assert.Same(order, SearchIndexBuilder.Order(input));
    }

    [Fact]
    public void A_document_s_source_hash_is_the_SHA_256_of_its_documented_parts()
    {
        var html = SearchDocument.FromHtml("p/index.html", "标题", null, "a", "news", null, "摘要", "<p>正文 \U0001F600</p>", ["甲", "", "乙乙"]);
        var text = new SearchDocument("q/index.html", "title", null, "a", "news", null, "", new string('x', 70_000), []);
        // The strings as UTF-16, each after its length; an HTML body as the SHA-256 of its UTF-8 bytes, after the length 32.
        static string Reference(string kind, string title, IReadOnlyList<string> keywords, string summary, string body)
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (var s in new[] { kind, title, keywords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(keywords).Append(summary))
            {
                hash.AppendData(BitConverter.GetBytes(s.Length));
                hash.AppendData(Encoding.Unicode.GetBytes(s));
            }
            if (kind == "h")
            {
                hash.AppendData(BitConverter.GetBytes(32));
                hash.AppendData(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            }
            else
            {
                hash.AppendData(BitConverter.GetBytes(body.Length));
                hash.AppendData(Encoding.Unicode.GetBytes(body));
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
        }

        Assert.Equal(Reference("h", "标题", ["甲", "", "乙乙"], "摘要", "<p>正文 \U0001F600</p>"), SearchTokenCache.Source(html));
        Assert.Equal(Reference("t", "title", [], "", new string('x', 70_000)), SearchTokenCache.Source(text));
        Assert.False(html.TextMade);
    }
}
