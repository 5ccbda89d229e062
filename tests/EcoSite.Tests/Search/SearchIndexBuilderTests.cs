using EcoSite.Core.Search;

namespace EcoSite.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static SearchDocument Doc(string path, string title, string body, string park = "a", string category = "news", DateOnly? date = null,
        IReadOnlyList<string>? keywords = null, ListingFacets? listing = null) =>
        new(path, title, null, park, category, date, "", body, keywords ?? [], listing);

    private static SearchInput Input(params SearchDocument[] docs) => new("zh", Today,
        [new("a", "甲园区"), new("b", "乙园区")],
        [new("news", "动态"), new("exchange", "资源交换信息")],
        [new("supply", "供应"), new("demand", "需求")],
        docs);

    private static SearchIndexReader Read(SearchInput input) => new(SearchIndexBuilder.Build(input, "search-index/zh/"), "search-index/zh/");

    private static SearchDocument[] Sample() =>
    [
        Doc("parks/a/news/1/index.html", "园区召开产业共生推进会", "示例青禾热电有限公司的粉煤灰全部供建材企业综合利用。", date: new(2026, 11, 20)),
        Doc("parks/a/news/2/index.html", "园区开放日", "欢迎市民参观再生水厂。", date: new(2026, 5, 1)),
        Doc("parks/b/exchange/x/index.html", "供应: 废矿物油", "废矿物油 900-249-08 危险废物 HW08", park: "b", category: "exchange", date: new(2026, 10, 8),
            keywords: ["废矿物油", "900-249-08"], listing: new ListingFacets("supply", "废矿物油", "HW08")),
        Doc("parks/b/news/3/index.html", "Recycling of fly ash", "Fly ash is recycled into cement.", park: "b", date: new(2025, 1, 1)),
    ];

    [Fact]
    public void The_same_documents_in_any_order_give_the_same_bytes()
    {
        var docs = Sample();
        var a = SearchIndexBuilder.Build(Input(docs), "search-index/zh/");
        var b = SearchIndexBuilder.Build(Input(docs.Reverse().ToArray()), "search-index/zh/");
        Assert.Equal(a.Select(f => f.Path), b.Select(f => f.Path));
        Assert.Equal(a.Select(f => f.Text), b.Select(f => f.Text));
    }

    [Fact]
    public void Each_chunk_is_named_by_its_contents_so_two_builds_never_mix()
    {
        var before = Read(Input(Sample()));
        var changed = Sample();
        changed[1] = changed[1] with { Body = "欢迎市民参观污水处理厂。" };
        var after = Read(Input(changed));
        Assert.All(after.Files.Where(f => f.Key != "index.js"), f =>
        {
            Assert.StartsWith(after.Dir, f.Key, StringComparison.Ordinal);
            var name = f.Key[after.Dir.Length..^".js".Length];
            Assert.StartsWith($"EcoSearch.add(\"{after.Dir}{name}\",", f.Value, StringComparison.Ordinal);
            // A chunk of the same name in the other build holds the same bytes.
            if (before.Files.TryGetValue(f.Key, out var old)) Assert.Equal(old, f.Value);
        });
        Assert.NotEqual(before.Files.Keys.Order(), after.Files.Keys.Order());
    }

    [Fact]
    public void A_changed_document_rewrites_only_the_chunks_that_hold_it_and_the_entry()
    {
        SearchDocument Page(int i, string body) => Doc($"parks/a/news/{i:D4}/index.html", $"第{i}号通知 notice {i}", body, date: new(2026, 1, 1));
        string Body(int i) => string.Concat(Enumerable.Range(0, 60).Select(k => (char)(0x4E00 + (i * 37 + k * 11) % 3000)));
        var docs = Enumerable.Range(0, 600).Select(i => Page(i, Body(i))).ToArray();
        var before = SearchIndexBuilder.Build(Input(docs), "search-index/zh/");
        docs[300] = Page(300, Body(300) + "再生水");
        var after = SearchIndexBuilder.Build(Input(docs), "search-index/zh/");
        var old = before.ToDictionary(f => f.Path, f => f.Text);
        var written = after.Where(f => !old.TryGetValue(f.Path, out var text) || text != f.Text).Select(f => f.Path).ToList();
        Assert.True(after.Count > 20, $"the index has {after.Count} files");
        Assert.Contains("search-index/zh/index.js", written);
        // The document's own chunk, the chunks of the terms it gained ("再生", "生水", "水") and the ones whose counts moved.
        Assert.True(written.Count is >= 2 and <= 8, $"{written.Count} of {after.Count} files written: {string.Join(", ", written)}");
    }

    [Fact]
    public void Documents_are_numbered_by_park_category_and_newest_first_and_the_entry_gives_each_group_its_range()
    {
        var index = Read(Input(Sample()));
        Assert.Equal(["parks/a/news/1/index.html", "parks/a/news/2/index.html", "parks/b/news/3/index.html", "parks/b/exchange/x/index.html"],
            index.Documents.Values.Select(d => d[0]));
        var groups = index.Entry.GetProperty("groups").EnumerateArray().Select(g => string.Join(",", g.EnumerateArray().Select(x => x.GetInt32()))).ToList();
        Assert.Equal(["0,0,0,2", "1,0,2,1", "1,1,3,1"], groups);
    }

    [Fact]
    public void Every_term_of_every_document_is_in_the_chunk_the_entry_points_to()
    {
        var docs = Enumerable.Range(0, 400).Select(i => Doc($"parks/a/news/{i}/index.html", $"第{i}号通知 notice {i}",
            string.Concat(Enumerable.Range(0, 40).Select(k => (char)(0x4E00 + (i * 37 + k * 11) % 3000))))).ToArray();
        var index = Read(Input(docs));
        Assert.True(index.TermBounds.Count > 1, "a large index is cut into several term chunks");
        Assert.Equal(index.TermBounds.Order(StringComparer.Ordinal), index.TermBounds);
        foreach (var d in docs)
            foreach (var t in SearchText.Tokens(d.Title + " " + d.Body))
            {
                Assert.True(index.Terms.TryGetValue(t.Text, out var term), $"'{t.Text}' is not indexed");
                var chunk = index.TermBounds.Select((b, i) => (b, i)).Last(x => string.CompareOrdinal(x.b, t.Text) <= 0).i;
                Assert.Equal(chunk, term.Chunk);
                Assert.Contains(term.Postings, p => index.Documents[p.Doc][0] == d.Path);
            }
    }

    [Fact]
    public void A_word_in_the_title_scores_above_the_same_word_in_the_body()
    {
        var index = Read(Input(
            Doc("parks/a/news/1/index.html", "粉煤灰综合利用", "园区企业开展固体废物综合利用。", date: new(2026, 1, 1)),
            Doc("parks/a/news/2/index.html", "固体废物综合利用", "园区企业开展粉煤灰综合利用。", date: new(2026, 1, 1))));
        Assert.True(index.Score("粉煤", "parks/a/news/1/index.html") > index.Score("粉煤", "parks/a/news/2/index.html"));
    }

    [Fact]
    public void Of_two_equal_pages_the_fresher_scores_higher()
    {
        var index = Read(Input(
            Doc("parks/a/news/old/index.html", "再生水回用", "园区再生水回用工程投运。", date: new(2023, 11, 29)),
            Doc("parks/a/news/new/index.html", "再生水回用", "园区再生水回用工程投运。", date: new(2026, 11, 28))));
        Assert.True(index.Score("回用", "parks/a/news/new/index.html") > index.Score("回用", "parks/a/news/old/index.html"));
    }

    [Fact]
    public void A_rare_term_weighs_more_than_a_common_one()
    {
        var docs = Enumerable.Range(0, 20).Select(i => Doc($"parks/a/news/{i}/index.html", "园区动态", i == 3 ? "园区钢渣利用" : "园区节能")).ToArray();
        var index = Read(Input(docs));
        Assert.True(index.Terms["钢渣"].Idf > index.Terms["园区"].Idf);
    }

    [Fact]
    public void A_code_is_indexed_whole_and_without_dashes_and_listings_carry_their_facets()
    {
        var index = Read(Input(Sample()));
        Assert.Contains("90024908", index.Terms.Keys);
        Assert.Contains("hw08", index.Terms.Keys);
        var facets = SearchIndexReader.Data(index.Files[index.FacetFile!]);
        Assert.Equal("[[3,0,0,0]]", facets.GetProperty("rows").GetRawText());
        Assert.Equal("[\"HW08\"]", facets.GetProperty("classes").GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.String, index.Entry.GetProperty("listings").ValueKind);
    }

    [Fact]
    public void Without_listings_there_is_no_facet_file()
    {
        var index = Read(Input(Sample()[0]));
        Assert.False(index.Entry.GetProperty("listings").GetBoolean());
        Assert.Null(index.FacetFile);
        Assert.Equal(1 + index.Entry.GetProperty("tfiles").GetArrayLength() + index.Entry.GetProperty("dfiles").GetArrayLength(), index.Files.Count);
    }

    [Fact]
    public void Snippet_text_is_cut_without_splitting_a_surrogate_pair()
    {
        var body = new string('粉', SearchIndexBuilder.SnippetChars - 1) + "𠀀" + new string('灰', 50);
        var text = SearchIndexBuilder.SnippetText(Doc("p", "t", body));
        Assert.True(text.Length <= SearchIndexBuilder.SnippetChars);
        Assert.False(char.IsHighSurrogate(text[^1]));
    }

    [Fact]
    public void Text_that_old_JavaScript_engines_reject_is_escaped()
    {
        var index = Read(Input(Doc("parks/a/news/1/index.html", "行\u2028分隔", "正文\u2029\"引号\"\\ \ud800 孤立代理")));
        Assert.All(index.Files.Values, f =>
        {
            Assert.DoesNotContain('\u2028', f);
            Assert.DoesNotContain('\u2029', f);
        });
        Assert.Equal("行\u2028分隔", index.Documents[0][1]);
        Assert.Contains("\uFFFD 孤立代理", index.Documents[0][3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(44)]
    [InlineData(45)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(1_000_000)]
    public void Numbers_are_written_in_symbols_that_need_no_escaping_and_read_back(int value)
    {
        var sb = new System.Text.StringBuilder();
        Varint.Write(sb, value);
        Varint.Write(sb, 7);
        Assert.DoesNotContain('"', sb.ToString());
        Assert.DoesNotContain('\\', sb.ToString());
        Assert.DoesNotContain('!', sb.ToString());
        Assert.DoesNotContain(' ', sb.ToString());
        Assert.Equal([value, 7], SearchIndexReader.Decode(sb.ToString()));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(0.001)]
    [InlineData(12345.678)]
    [InlineData(1e-9)]
    public void The_platform_free_logarithm_agrees_with_Math_Log(double x) =>
        Assert.Equal(Math.Log(x), DeterministicMath.Ln(x), 12);
}
