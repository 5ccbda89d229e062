using System.Security.Cryptography;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Content;

/// <summary>
/// The load cache on its own (<c>LoadCache</c>), without rendering: every field of every kind of article and every
/// diagnostic reads back from the state file exactly as parsing gives it, and what makes a file be parsed again.
/// (<c>Output/LoadCacheTests</c> checks the same through whole builds against cold builds.)
/// </summary>
public sealed class LoadCacheUnitTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly string _state;

    public LoadCacheUnitTests()
    {
        _state = Path.Combine(_site.Root, "_out");
        _site.WithBytes("parks/demo/media/plan.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - {id: demo-steel, name: 示例钢铁}\n")
            .With("parks/demo/news/2026-03-02-plan.md", """
                ---
                title: 工作计划
                date: 2026-03-02
                kind: report
                summary: 本年计划。
                index_no: "000000-2026-001"
                publisher: {zh: 管委会, en: Committee}
                doc_no: 示发〔2026〕1号
                attachments:
                  - media/plan.pdf
                ---
                第一段正文，见[缺失](none.md)。
                """)
            .With("parks/demo/news/2026-03-02-plan.en.md", "---\ntitle: Plan\ndate: 2026-03-02\nindex_no: x\n---\nText.\n")
            .With("parks/demo/cases/heat.md", """
                ---
                title: 余热利用
                date: 2026-01-01
                enterprise: demo-steel
                technology: {zh: 余热发电, en: Waste heat}
                benefits: {energy_saved_tce: 1.5, co2_reduced_t: 0, economic_benefit_10k_cny: -2}
                ---
                正文从这里开始。
                """)
            .With("parks/demo/cases/bare.md", "---\ntitle: 无效益\ndate: 2026-01-02\n---\nx\n")
            .With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介。\n")
            .With("parks/demo/news/bad.md", "---\ntitle: 无日期\n---\nx\n");
    }

    public void Dispose() => _site.Dispose();

    private byte[]? Hash(string rel) => SHA256.HashData(File.ReadAllBytes(Path.Combine(_site.Content, rel)));

    /// <summary>One load of the content folder through the cache of the state folder; the cache is saved afterwards.</summary>
    private (LoadedSite Site, IReadOnlyList<Diagnostic> Diagnostics, LoadCache Cache) Load(string languages = "[zh, en]", Func<string, byte[]?>? hashOf = null,
        LoadCache.ReadAhead? ahead = null, string? output = null)
    {
        _site.With("site.yaml", TestSite.SiteYaml.Replace("[zh, en]", languages));
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(_site.Content, bag);
        var config = SiteConfigLoader.Load(tree, DisclosureLoaderTests.Clock, bag)!;
        var cache = LoadCache.Open(BuildState.Of(output ?? _state), config.Languages, hashOf ?? Hash, ahead);
        var loaded = ContentLoader.Load(tree, config, bag, cache: cache);
        cache.Save();
        return (loaded, bag.ToSortedList(), cache);
    }

    private static string Describe(LocalizedText? t) => t is null ? "-" : string.Join(",", t.Values.Select(v => v.Key + "=" + v.Value));

    private static string Describe(double? n) => n?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Every field of every article version, one line each.</summary>
    private static List<string> Describe(LoadedSite loaded) =>
        loaded.Site.Parks.SelectMany(p => p.News.Concat(p.Cases).Concat(p.Pages)).SelectMany(a => a.Versions.Select(v =>
            string.Join(" | ", a.ParkId, a.Section, a.Slug, v.Lang, v.File, v.Title, v.Date?.ToString("O") ?? "-", v.Kind, v.Summary, v.BodyHtml,
                string.Join(";", v.Attachments.Select(x => $"{x.Name}@{x.SitePath}#{x.Bytes}")),
                v.Case is not { } c ? "no case" : $"{(c.Enterprise is { } e ? $"{e.Id}@{e.File}:{e.Pos.Line}:{e.Pos.Column}" : "-")} {Describe(c.Technology)} " +
                    string.Join("/", new[] { c.Benefits.EnergySavedTce, c.Benefits.WaterSavedM3, c.Benefits.Co2ReducedT, c.Benefits.SolidWasteUtilisedT, c.Benefits.EconomicBenefit10kCny }.Select(Describe)),
                v.Record is not { } r ? "no record" : $"{r.IndexNo ?? "-"} {Describe(r.Publisher)} {r.DocNo ?? "-"}",
                v.PlaceholderInBody ? "placeholder in body" : "no placeholder", v.Light ? "light" : "full"))).ToList();

    [Fact]
    public void A_second_load_takes_every_article_and_diagnostic_from_the_cache_field_for_field()
    {
        var (cold, coldDiagnostics, first) = Load();
        Assert.Equal((6, 0), (first.Parsed, first.Reused));
        var (warm, warmDiagnostics, second) = Load();
        Assert.Equal((0, 6), (second.Parsed, second.Reused));
        // A cached body stays UTF-8 until it is asked for; a parsed one is a string from the start.
        var versions = warm.Site.Parks.SelectMany(p => p.News.Concat(p.Cases).Concat(p.Pages)).SelectMany(a => a.Versions).ToList();
        Assert.All(versions, v => Assert.False(v.BodyMade));
        Assert.All(cold.Site.Parks.SelectMany(p => p.News.Concat(p.Cases).Concat(p.Pages)).SelectMany(a => a.Versions), v => Assert.True(v.BodyMade));
        var expected = Describe(cold);
        Assert.Equal(5, expected.Count); // bad.md has no version: its entry records only its error
        Assert.Equal(expected, Describe(warm));
        Assert.All(versions, v => Assert.True(v.BodyMade));
        // Equal as records whether the body was decoded yet or not, and not equal with another body.
        var (again, _, _) = Load();
        var lazy = again.Site.Parks[0].Pages[0].Primary;
        Assert.False(lazy.BodyMade);
        var decoded = lazy with { BodyHtml = cold.Site.Parks[0].Pages[0].Primary.BodyHtml };
        Assert.False(lazy.BodyMade);
        Assert.True(decoded.Equals(lazy));
        Assert.Equal(decoded.GetHashCode(), lazy.GetHashCode());
        Assert.False((lazy with { BodyHtml = lazy.BodyHtml + " " }).Equals(lazy));
        // The body's hash (the search index's sign of an unchanged body) comes from the cached bytes without decoding
        // them, equals the hash of the parsed text, and follows a body set by 'with' (not copied from the original).
        var (hashed, _, _) = Load();
        var cachedVersions = hashed.Site.Parks.SelectMany(p => p.News.Concat(p.Cases).Concat(p.Pages)).SelectMany(a => a.Versions).ToList();
        var parsedVersions = cold.Site.Parks.SelectMany(p => p.News.Concat(p.Cases).Concat(p.Pages)).SelectMany(a => a.Versions).ToList();
        Assert.Equal(parsedVersions.Select(v => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(v.BodyHtml)))),
            cachedVersions.Select(v => Convert.ToHexString(v.BodySha256)));
        Assert.All(cachedVersions, v => Assert.False(v.BodyMade));
        var hashedFirst = cachedVersions[0];
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("<p>另一正文</p>")), (hashedFirst with { BodyHtml = "<p>另一正文</p>" }).BodySha256);
        Assert.Equal(hashedFirst.BodySha256, (hashedFirst with { Title = "另一标题" }).BodySha256);
        // Both severities, with their positions, come back: the placeholder's warning, the dead link's and the missing date's errors.
        Assert.Equal(new[] { ("ECO027", Severity.Warning, 8, 1), ("ECO031", Severity.Error, 12, 8), ("ECO013", Severity.Error, 2, 1) },
            coldDiagnostics.Select(d => (d.Code, d.Severity, d.Line, d.Column)));
        Assert.Equal(coldDiagnostics, warmDiagnostics);
        Assert.Contains("1.5/-/0/-/-2", string.Join("\n", expected), StringComparison.Ordinal);
        Assert.Contains("plan.pdf@parks/demo/media/plan.pdf#15", string.Join("\n", expected), StringComparison.Ordinal);
        Assert.Contains("x - -", string.Join("\n", expected), StringComparison.Ordinal);
        // heat.md's body is the text 'ecosite new' writes: the item scores nothing, from the cache too.
        Assert.Single(expected, l => l.Contains("placeholder in body", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_file_is_parsed_again_and_the_others_are_not()
    {
        Load();
        _site.With("parks/demo/pages/about.md", "---\ntitle: 关于我们\n---\n园区简介。\n");
        var (loaded, _, cache) = Load();
        Assert.Equal((1, 5), (cache.Parsed, cache.Reused));
        Assert.Equal("关于我们", loaded.Site.Parks[0].Pages[0].Primary.Title);
    }

    [Fact]
    public void Parts_read_ahead_are_the_ones_read_when_taken_even_after_the_reading_was_stopped()
    {
        Assert.Null(LoadCache.ReadAhead.Of(_state)); // no build state yet: nothing to read
        Load();
        using (var ahead = LoadCache.ReadAhead.Of(_state))
            Assert.Equal((0, 6), Load(ahead: ahead).Cache is var c ? (c.Parsed, c.Reused) : default);
        // Stopped before it is taken (even before it read a part): the parts not read yet are read when taken.
        var stopped = LoadCache.ReadAhead.Of(_state)!;
        stopped.Dispose();
        Assert.Equal((0, 6), Load(ahead: stopped).Cache is var s ? (s.Parsed, s.Reused) : default);
    }

    [Fact]
    public void Parts_read_ahead_for_other_languages_are_not_used()
    {
        Load();
        // Read before site.yaml is: the parts were written for [zh, en], the build is of [en, zh].
        using var ahead = LoadCache.ReadAhead.Of(_state);
        Assert.Equal((6, 0), Load("[en, zh]", ahead: ahead).Cache is var c ? (c.Parsed, c.Reused) : default);
    }

    [Fact]
    public void Parts_read_ahead_for_another_output_are_not_used()
    {
        Load();
        // The parts of this output's state, read ahead, handed to a load into another output (which has no state).
        using var ahead = LoadCache.ReadAhead.Of(_state);
        Assert.Equal((6, 0), Load(ahead: ahead, output: Path.Combine(_site.Root, "_other")).Cache is var o ? (o.Parsed, o.Reused) : default);
    }

    [Fact]
    public void Other_languages_or_no_hash_mean_every_file_is_parsed()
    {
        Load();
        Assert.Equal(6, Load("[en, zh]").Cache.Parsed);
        Assert.Equal(0, Load("[en, zh]").Cache.Parsed);
        Assert.Equal(6, Load("[en, zh]", hashOf: _ => null).Cache.Parsed);
    }

    [Fact]
    public void A_file_whose_lookup_answer_changes_is_parsed_again()
    {
        Load();
        _site.WithBytes("parks/demo/media/plan.pdf", "%PDF-1.4\n% longer\n%%EOF\n"u8.ToArray());
        var (loaded, _, cache) = Load();
        Assert.Equal(1, cache.Parsed);
        Assert.Equal(24, loaded.Site.Parks[0].News[0].Primary.Attachments[0].Bytes);
        _site.With("parks/demo/news/none.md", "---\ntitle: 新\ndate: 2026-01-01\n---\nx\n");
        var (_, diagnostics, third) = Load();
        Assert.Equal(2, third.Parsed); // the new file and the one whose dead link now resolves
        Assert.DoesNotContain(diagnostics, d => d.File == "parks/demo/news/2026-03-02-plan.md");
    }

    private string PartFile(int part) => BuildState.Of(_state).PathOf(LoadCache.PartName(part));

    /// <summary>The part files there are, by part, with their write times.</summary>
    private Dictionary<int, DateTime> PartFiles() =>
        Enumerable.Range(0, LoadCache.Parts).Where(p => File.Exists(PartFile(p))).ToDictionary(p => p, p => File.GetLastWriteTimeUtc(PartFile(p)));

    private static readonly DateTime Old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private void Age(IEnumerable<int> parts)
    {
        foreach (var p in parts) File.SetLastWriteTimeUtc(PartFile(p), Old);
    }

    private static readonly string[] Markdown =
    [
        "parks/demo/news/2026-03-02-plan.md", "parks/demo/news/2026-03-02-plan.en.md", "parks/demo/cases/heat.md",
        "parks/demo/cases/bare.md", "parks/demo/pages/about.md", "parks/demo/news/bad.md",
    ];

    [Fact]
    public void Each_entry_is_in_the_part_its_path_hashes_to_and_only_parts_with_entries_are_written()
    {
        Load();
        var expected = Markdown.Select(LoadCache.PartOf).Distinct().Order().ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, PartFiles().Keys.Order());
        // FNV-1a over the UTF-16 code units, modulo 64: a function of the path alone.
        var h = 2166136261u;
        h = unchecked((h ^ 'a') * 16777619u);
        h = unchecked((h ^ 'b') * 16777619u);
        Assert.Equal((int)(h % 64), LoadCache.PartOf("ab"));
        Assert.Equal("load-00", LoadCache.PartName(0));
        Assert.Equal("load-3f", LoadCache.PartName(63));
    }

    [Fact]
    public void Nothing_is_written_when_nothing_was_parsed_or_dropped_and_only_the_changed_parts_otherwise()
    {
        Load();
        var parts = PartFiles().Keys.ToList();
        foreach (var p in parts) File.Delete(PartFile(p));
        Load(); // every file parsed again (no cache), so every part is written
        Assert.Equal(parts, PartFiles().Keys);
        Age(parts);
        Load();
        Assert.All(PartFiles().Values, t => Assert.Equal(Old, t));

        // A file dropped: only its part is written again (or deleted, when it held nothing else).
        const string gone = "parks/demo/cases/bare.md";
        var gonePart = LoadCache.PartOf(gone);
        var before = File.ReadAllBytes(PartFile(gonePart)).Length;
        _site.Without(gone);
        var (_, _, cache) = Load();
        Assert.Equal((0, 5), (cache.Parsed, cache.Reused));
        var alone = Markdown.Count(f => LoadCache.PartOf(f) == gonePart) == 1;
        foreach (var (p, t) in PartFiles()) Assert.Equal(p != gonePart, t == Old);
        if (alone) Assert.False(File.Exists(PartFile(gonePart)));
        else Assert.True(File.ReadAllBytes(PartFile(gonePart)).Length < before);
        var last = Load().Cache;
        Assert.Equal((0, 5), (last.Parsed, last.Reused));

        // A file changed: only its part is written again.
        Age(PartFiles().Keys);
        const string changed = "parks/demo/pages/about.md";
        _site.With(changed, "---\ntitle: 关于我们\n---\n园区简介。\n");
        var afterChange = Load().Cache;
        Assert.Equal((1, 4), (afterChange.Parsed, afterChange.Reused));
        foreach (var (p, t) in PartFiles()) Assert.Equal(p != LoadCache.PartOf(changed), t == Old);
    }

    [Fact]
    public void The_cache_of_one_file_before_the_parts_is_deleted_by_the_first_save()
    {
        var whole = BuildState.Of(_state).PathOf("load");
        BuildState.Of(_state).Write("load", s => s.Write("EcoSite load cache 1"u8));
        Assert.True(File.Exists(whole));
        Assert.Equal(6, Load().Cache.Parsed);
        Assert.False(File.Exists(whole));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("extra")]
    [InlineData("format")]
    [InlineData("part")]
    [InlineData("twice")]
    public void A_part_that_does_not_read_back_whole_is_not_used_and_its_files_are_parsed_again(string damage)
    {
        Load();
        var part = Markdown.GroupBy(LoadCache.PartOf).MaxBy(g => g.Count())!.Key;
        var inPart = Markdown.Count(f => LoadCache.PartOf(f) == part);
        var file = PartFile(part);
        var bytes = File.ReadAllBytes(file);
        // The state file has its own frame (BuildState); damage the payload through a fresh write of the same payload.
        var payload = BuildState.Of(_state).Read(LoadCache.PartName(part))!.Value.ToArray();
        byte[] damaged = damage switch
        {
            "cut" => payload[..^1],
            "extra" => [.. payload, 0],
            "format" => [.. payload[..1], (byte)(payload[1] ^ 1), .. payload[2..]],
            "part" => Rewrite(payload, part ^ 1, twice: false),
            _ => Rewrite(payload, part, twice: true),
        };
        BuildState.Of(_state).Write(LoadCache.PartName(part), s => s.Write(damaged));
        Assert.NotEqual(bytes, File.ReadAllBytes(file));
        var (site, _, cache) = Load();
        Assert.Equal((inPart, 6 - inPart), (cache.Parsed, cache.Reused));
        Assert.Equal(6, Load().Cache.Reused);
    }

    /// <summary>A part's payload with another part number, or with its first entry twice.</summary>
    private static byte[] Rewrite(byte[] payload, int part, bool twice)
    {
        var r = new StateReader(payload);
        r.ReadString();
        r.ReadString();
        var numberAt = r.Position;
        r.ReadInt32();
        var count = r.ReadInt32();
        var entries = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var start = r.Position;
            r.ReadString();
            r.Skip(r.ReadInt32());
            entries.Add(payload[start..r.Position]);
        }
        if (twice) entries.Insert(0, entries[0]);
        return [.. payload[..numberAt], .. BitConverter.GetBytes(part), .. BitConverter.GetBytes(entries.Count), .. entries.SelectMany(e => e)];
    }

    [Fact]
    public void The_hash_recorded_is_of_the_bytes_parsed_not_the_one_handed_in()
    {
        // A hash the caller vouched for by stamp only (here a wrong one) is not recorded: the file is read and hashed.
        var first = Load(hashOf: _ => new byte[32]).Cache;
        Assert.Equal((6, 0), (first.Parsed, first.Reused));
        var second = Load().Cache;
        Assert.Equal((0, 6), (second.Parsed, second.Reused));
        Assert.Equal(6, Load(hashOf: _ => new byte[32]).Cache.Parsed);
    }

    [Fact]
    public void A_date_of_the_first_day_of_year_one_reads_back_as_that_date()
    {
        _site.With("parks/demo/pages/old.md", "---\ntitle: 旧\ndate: 0001-01-01\n---\nx\n");
        var (cold, _, _) = Load();
        var (warm, _, cache) = Load();
        Assert.Equal(0, cache.Parsed);
        var old = Assert.Single(warm.Site.Parks[0].Pages, a => a.Slug == "old");
        Assert.Equal(new DateOnly(1, 1, 1), old.Primary.Date);
        Assert.Equal(Describe(cold), Describe(warm));
    }

    [Fact]
    public void A_file_of_exactly_the_size_limit_is_recorded_and_one_byte_more_is_not()
    {
        var body = "---\ntitle: 大\n---\n";
        var atLimit = body + new string('x', (int)SourceText.MaxFileBytes - System.Text.Encoding.UTF8.GetByteCount(body));
        _site.With("parks/demo/pages/big.md", atLimit);
        // The stamp vouches for every file (no hash handed in is needed for the check): the file is read and hashed here.
        Load(hashOf: _ => new byte[32]);
        Assert.Equal(0, Load().Cache.Parsed);
        _site.With("parks/demo/pages/big.md", atLimit + "x");
        Load(hashOf: _ => new byte[32]);
        Assert.Equal(1, Load().Cache.Parsed);
    }
}
