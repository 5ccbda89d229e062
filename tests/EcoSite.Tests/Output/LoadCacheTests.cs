using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The load side of incremental builds (docs/incremental.md, "The build state"): a build parses only the Markdown files
/// whose bytes, or whose lookups in the content tree, changed since the previous build into the same output, reads only
/// the files whose stamps changed, and its output is a cold build's byte for byte; a damaged or foreign state only
/// costs a cold load.
/// </summary>
public sealed class LoadCacheTests
{
    private const int Markdown = 9;

    private static TestSite Site()
    {
        var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: {zh: 示例钢铁, en: Demo Steel}\n")
            .With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介。\n")
            .With("parks/demo/news/2026-10-01-plan.md", "---\ntitle: 计划\ndate: 2026-10-01\nkind: plan\n---\n年度计划。\n")
            .With("parks/demo/cases/2026-heat.md",
                "---\ntitle: 余热利用\ndate: 2026-09-01\nenterprise: demo-steel\nbenefits:\n  energy_saved_tce: 1200\n---\n余热供暖。\n");
        for (var i = 1; i <= 6; i++)
            site.With($"parks/demo/news/2026-11-{i:00}-item.md", $"---\ntitle: 消息{i}\ndate: 2026-11-{i:00}\n---\n第{i}条消息。\n");
        return site;
    }

    /// <summary>The load cache's part files a build wrote (each holds the entries of the paths that hash to it).</summary>
    private static string[] LoadCacheFiles(TestSite site) =>
        Enumerable.Range(0, LoadCache.Parts).Select(i => BuildState.Of(site.Output).PathOf(LoadCache.PartName(i))).Where(File.Exists).ToArray();

    /// <summary>The Markdown files of <see cref="Site"/> whose entries are in <paramref name="part"/>.</summary>
    private static string[] FilesIn(TestSite site, int part) =>
        Directory.EnumerateFiles(Path.Combine(site.Content, "parks"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Content, f).Replace('\\', '/')).Where(f => LoadCache.PartOf(f) == part).ToArray();

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); break;
            case "garbled": bytes[bytes.Length / 2] ^= 0x55; File.WriteAllBytes(path, bytes); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "foreign": File.WriteAllText(path, "{\"format\": \"another tool's cache\"}"); break;
            case "missing": File.Delete(path); break;
            default: File.Delete(path); Directory.CreateDirectory(path); break;
        }
    }

    [Theory]
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n")] // the body
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n")] // the title
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-20\nkind: notice\nsummary: 摘要。\n---\n第3条消息。\n")] // front matter
    [InlineData("parks/demo/cases/2026-heat.md",
        "---\ntitle: 余热利用\ndate: 2026-09-01\nenterprise: demo-steel\nbenefits:\n  energy_saved_tce: 1300\n---\n余热供暖。\n")]
    public void A_one_file_change_parses_only_that_file_and_the_output_equals_a_cold_build(string file, string text)
    {
        using var site = Site();
        var first = site.Build();
        Assert.True(first.Success);
        Assert.Equal(Markdown, first.Load!.Parsed);

        site.With(file, text);
        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(1, result.Load!.Parsed);
        Assert.Equal(Markdown - 1, result.Load.Reused);
        site.AssertOutputEqualsColdBuild();
    }

    [Theory]
    [InlineData("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: {zh: 示例钢铁二厂, en: Demo Steel Two}\n")] // YAML data
    [InlineData("parks/demo/park.yaml", "name: {zh: 新测试园区, en: New Test Park}\nlevel: national\nstatus: named\n")]
    [InlineData("site.yaml", "title: {zh: 新测试平台, en: New Test Platform}\nlanguages: [zh, en]\nas_of: 2026-11-29\n")]
    public void A_change_to_YAML_data_or_site_yaml_parses_no_Markdown_file_and_equals_a_cold_build(string file, string text)
    {
        using var site = Site();
        Assert.True(site.Build().Success);

        site.With(file, text);
        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(0, result.Load!.Parsed);
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void Other_languages_parse_every_file_again()
    {
        using var site = Site();
        Assert.True(site.Build().Success);

        site.With("site.yaml", "title: {zh: 测试平台, en: Test Platform}\nlanguages: [en, zh]\nas_of: 2026-11-29\n");
        var result = site.Build();

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(Markdown, result.Load!.Parsed);
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void Deleted_and_added_files_parse_only_the_added_one_and_equal_a_cold_build()
    {
        using var site = Site();
        Assert.True(site.Build().Success);

        site.Without("parks/demo/pages/about.md");
        site.With("parks/demo/pages/contact.md", "---\ntitle: 联系\n---\n电话。\n");
        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(1, result.Load!.Parsed);
        Assert.Equal(Markdown - 1, result.Load.Reused);
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_cached_file_reports_its_warnings_again_with_their_lines()
    {
        using var site = Site();
        site.With("parks/demo/pages/links.md", "---\ntitle: 链接\n---\n说明。\n\n[点击](javascript:alert(1))\n");
        var first = site.Build();
        var warning = DiagnosticAssert.Has(first.Diagnostics, "ECO041", "parks/demo/pages/links.md", line: 6);

        site.With("parks/demo/news/2026-11-01-item.md", "---\ntitle: 消息1\ndate: 2026-11-01\n---\n改过的消息。\n");
        var result = site.Build();

        Assert.Equal(1, result.Load!.Parsed);
        Assert.Equal(first.Diagnostics, result.Diagnostics);
        Assert.Contains(warning, result.Diagnostics);
    }

    [Fact]
    public void A_cached_case_whose_body_is_still_the_placeholder_scores_nothing_as_in_a_cold_build()
    {
        using var site = Site();
        // The park's only case: scored, it would fill the cases part of the park's completeness.
        site.Without("parks/demo/cases/2026-heat.md");
        site.With("parks/demo/cases/2026-new.md",
            "---\ntitle: 节能改造\ndate: 2026-08-01\nenterprise: demo-steel\nbenefits:\n  energy_saved_tce: 10\n---\n正文从这里开始。\n");
        Assert.True(site.Build().Success);

        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n");
        var result = site.Build();

        Assert.Equal(1, result.Load!.Parsed);
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_file_whose_link_target_appears_is_parsed_again()
    {
        using var site = Site();
        site.With("parks/demo/pages/links.md", "---\ntitle: 链接\n---\n见[联系](contact.md)。\n");
        var first = site.Build();
        Assert.False(first.Success);
        DiagnosticAssert.Has(first.Diagnostics, "ECO031", "parks/demo/pages/links.md", line: 4);

        site.With("parks/demo/pages/contact.md", "---\ntitle: 联系\n---\n电话。\n");
        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(2, result.Load!.Parsed); // the new page, and the page whose link now resolves
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_file_whose_attachment_changes_size_is_parsed_again()
    {
        using var site = Site();
        site.WithBytes("parks/demo/media/plan.pdf", Pdf(100));
        site.With("parks/demo/pages/plan.md", "---\ntitle: 规划\nattachments: [media/plan.pdf]\n---\n规划全文见附件。\n");
        var first = site.Build();
        Assert.True(first.Success, string.Join("\n", first.Diagnostics));

        site.WithBytes("parks/demo/media/plan.pdf", Pdf(2500));
        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(1, result.Load!.Parsed);
        site.AssertOutputEqualsColdBuild();
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static TheoryData<string> Damages => ["truncated", "garbled", "empty", "foreign", "a folder"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_load_cache_means_a_cold_load_never_an_error(string damage)
    {
        using var site = Site();
        var first = site.Build();
        Assert.True(first.Success);
        var parts = LoadCacheFiles(site);
        Assert.True(parts.Length > 1, "the entries are spread over several parts");
        foreach (var path in parts) Damage(path, damage);
        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n");

        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(first.Diagnostics, result.Diagnostics); // no diagnostic about the cache
        Assert.Equal(Markdown, result.Load!.Parsed);
        site.AssertOutputEqualsColdBuild();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbled")]
    [InlineData("foreign")]
    [InlineData("missing")]
    [InlineData("a folder")]
    public void A_damaged_part_means_only_its_files_are_parsed_again(string damage)
    {
        using var site = Site();
        var first = site.Build();
        Assert.True(first.Success);
        const string changed = "parks/demo/news/2026-11-03-item.md";
        // The fullest part that does not hold the changed file.
        var part = Enumerable.Range(0, LoadCache.Parts).Where(p => p != LoadCache.PartOf(changed)).MaxBy(p => FilesIn(site, p).Length);
        var inPart = FilesIn(site, part).Length;
        Assert.True(inPart > 0);
        Damage(BuildState.Of(site.Output).PathOf(LoadCache.PartName(part)), damage);
        site.With(changed, "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n");

        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(first.Diagnostics, result.Diagnostics);
        Assert.Equal((1 + inPart, Markdown - 1 - inPart), (result.Load!.Parsed, result.Load.Reused));
        site.AssertOutputEqualsColdBuild();
        // The part is written again whole: the next build takes every file from the cache (a folder in its place stays).
        if (damage == "a folder") return;
        site.With(changed, "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息。\n");
        var next = site.Build();
        Assert.Equal((1, Markdown - 1), (next.Load!.Parsed, next.Load.Reused));
    }

    [Fact]
    public void Damaged_stamps_mean_every_file_is_read_again()
    {
        using var site = Site();
        FileStamps.ClockShiftForTests.Value = TimeSpan.FromHours(1);
        try
        {
            Assert.True(site.Build().Success);
            var path = BuildState.Of(site.Output).PathOf("stamps");
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 3] ^= 0x55;
            File.WriteAllBytes(path, bytes);

            var result = site.Build();

            Assert.True(result.Unchanged);
            Assert.Equal(Markdown + 3, result.Load!.InputsRead);
        }
        finally
        {
            FileStamps.ClockShiftForTests.Value = null;
        }
    }

    [Fact]
    public void A_part_written_again_keeps_the_entries_it_took_so_the_next_build_parses_one_file_again()
    {
        // Enough files that the changed file's part holds others: they must be written back as they were taken.
        using var site = Site();
        for (var i = 1; i <= 200; i++)
            site.With($"parks/demo/news/2026-10-{i % 28 + 1:00}-more-{i:000}.md", $"---\ntitle: 更多{i}\ndate: 2026-10-{i % 28 + 1:00}\n---\n第{i}条。\n");
        Assert.True(site.Build().Success);
        const string changed = "parks/demo/news/2026-10-02-more-001.md";
        Assert.True(FilesIn(site, LoadCache.PartOf(changed)).Length > 1);
        site.With(changed, "---\ntitle: 更多1\ndate: 2026-10-02\n---\n第1条，补充一句。\n");
        Assert.Equal(1, site.Build().Load!.Parsed);

        // Another file, in another part: every entry of the part written above is still there.
        var other = Enumerable.Range(2, 199).Select(i => $"parks/demo/news/2026-10-{i % 28 + 1:00}-more-{i:000}.md")
            .First(f => LoadCache.PartOf(f) != LoadCache.PartOf(changed));
        site.With(other, "---\ntitle: 另一条\ndate: 2026-10-05\n---\n另一条。\n");
        var result = site.Build();
        Assert.True(result.Success);
        Assert.Equal(1, result.Load!.Parsed);
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_build_that_stops_records_no_stamps_and_an_unchanged_build_records_its_own()
    {
        using var site = Site();
        FileStamps.ClockShiftForTests.Value = TimeSpan.FromHours(1);
        const string file = "parks/demo/news/2026-11-03-item.md";
        try
        {
            Assert.True(site.Build().Success);
            var path = BuildState.Of(site.Output).PathOf("stamps");
            var recorded = File.ReadAllBytes(path);

            site.With(file, "---\ntitle: 消息3\ndate: 2026-13-45\n---\n第3条消息。\n");
            var stopped = site.Build();
            Assert.False(stopped.Success);
            Assert.Equal(1, stopped.Load!.InputsRead);
            // The failed build wrote no stamps: the next one reads the broken file again, and only it.
            Assert.Equal(recorded, File.ReadAllBytes(path));
            Assert.Equal(1, site.Build().Load!.InputsRead);

            site.With(file, "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n");
            Assert.True(site.Build().Success);
            // Stamps damaged: an unchanged build reads every file, and records the stamps it took for the next one.
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 3] ^= 0x55;
            File.WriteAllBytes(path, bytes);
            var unchanged = site.Build();
            Assert.True(unchanged.Unchanged);
            Assert.Equal(Markdown + 3, unchanged.Load!.InputsRead);
            Assert.Equal(0, site.Build().Load!.InputsRead);
        }
        finally
        {
            FileStamps.ClockShiftForTests.Value = null;
        }
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void Another_generator_parses_every_file_again()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n");
        InputFingerprint.ToolForTests.Value = InputFingerprint.Tool + "-rebuilt";
        try
        {
            var result = site.Build();
            Assert.True(result.Success);
            Assert.Equal(Markdown, result.Load!.Parsed);
            site.AssertOutputEqualsColdBuild();
        }
        finally
        {
            InputFingerprint.ToolForTests.Value = null;
        }
    }

    [Fact]
    public void The_build_state_lies_beside_the_output_and_is_not_part_of_the_site()
    {
        using var site = Site();
        Assert.True(site.Build().Success);

        Assert.NotEmpty(LoadCacheFiles(site));
        Assert.Equal(Path.Combine(site.Root, BuildState.FolderName, "_site"), BuildState.Of(site.Output).Folder);
        Assert.DoesNotContain(TestSite.Snapshot(site.Output).Keys, p => p.Contains("ecosite-cache", StringComparison.Ordinal));
        Assert.True(site.Check().Success); // check reads everything and writes no state
    }

    [Fact]
    public void Unchanged_files_are_not_read_once_their_stamps_are_old_enough()
    {
        using var site = Site();
        // Files written by the test are as new as the build; stamps are trusted only for files clearly older than it.
        FileStamps.ClockShiftForTests.Value = TimeSpan.FromHours(1);
        try
        {
            Assert.True(site.Build().Success);
            var unchanged = site.Build();
            Assert.True(unchanged.Unchanged);
            Assert.Equal(0, unchanged.Load!.InputsRead);

            site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n");
            var changed = site.Build();
            Assert.Equal(1, changed.Load!.InputsRead);
            Assert.Equal(1, changed.Load.Parsed);
        }
        finally
        {
            FileStamps.ClockShiftForTests.Value = null;
        }
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_file_rewritten_in_the_same_second_with_the_same_size_and_write_time_is_still_seen()
    {
        using var site = Site();
        const string file = "parks/demo/news/2026-11-03-item.md";
        var full = Path.Combine(site.Content, file);
        Assert.True(site.Build().Success);
        var written = File.GetLastWriteTimeUtc(full);
        var size = new FileInfo(full).Length;

        site.With(file, "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第9条消息。\n");
        File.SetLastWriteTimeUtc(full, written);
        Assert.Equal(size, new FileInfo(full).Length);
        var result = site.Build();

        Assert.False(result.Unchanged);
        Assert.Contains("第9条消息", site.Read("parks/demo/news/2026-11-03-item.html"));
        site.AssertOutputEqualsColdBuild();
    }

    [Fact]
    public void A_file_is_found_by_its_number_in_the_tree_only_when_the_entry_there_is_its_own()
    {
        var root = Path.Combine(Path.GetTempPath(), "ecosite-stamps-" + Guid.NewGuid().ToString("N"));
        try
        {
            var state = BuildState.Of(Path.Combine(root, "_site"));
            var taken = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc).Ticks;
            var stamp = new FileStamp(10, taken - TimeSpan.FromSeconds(3).Ticks, 0, 0);
            byte[] Hash(byte b) => Enumerable.Repeat(b, 32).ToArray();
            // Every file with the same stamp: only the path tells them apart. A path with a character outside ASCII and
            // one with a lone surrogate (written as U+FFFD, as a cold build writes it).
            FileStamps.Write(state, taken, [("a.md", stamp, Hash(1)), ("b/é.md", stamp, Hash(2)), ("c\uD800.md", stamp, Hash(3)), ("d.md", stamp, Hash(4))]);
            var stamps = FileStamps.Read(state);
            var hash = new byte[32];

            // The tree as it was: each file at its number.
            Assert.True(stamps.Reuse(1, "b/é.md", hash, stamp));
            Assert.Equal(Hash(2), hash);
            Assert.True(stamps.Reuse(2, "c\uD800.md", hash, stamp));
            Assert.Equal(Hash(3), hash);
            // A file added before them: each number holds another file's entry, so the path is looked up.
            Assert.True(stamps.Reuse(1, "a.md", hash, stamp));
            Assert.Equal(Hash(1), hash);
            Assert.True(stamps.Reuse(0, "d.md", hash, stamp));
            Assert.Equal(Hash(4), hash);
            // A file of no entry, at a number that has one; a number past the end.
            Assert.False(stamps.Reuse(0, "b/e.md", hash, stamp));
            Assert.False(stamps.Reuse(3, "d.mdx", hash, stamp));
            Assert.True(stamps.Reuse(99, "b/é.md", hash, stamp));
            Assert.Equal(Hash(2), hash);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_recorded_hash_is_trusted_only_for_a_file_older_than_the_recording()
    {
        var root = Path.Combine(Path.GetTempPath(), "ecosite-stamps-" + Guid.NewGuid().ToString("N"));
        try
        {
            var state = BuildState.Of(Path.Combine(root, "_site"));
            var taken = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc).Ticks;
            var hash = new byte[32];
            hash[0] = 7;
            // Without a status change time and inode (Windows), only the write time tells a rewrite: as git's racy clean rule.
            var racy = new FileStamp(10, taken - TimeSpan.FromSeconds(1).Ticks, 0, 0);
            var old = new FileStamp(10, taken - TimeSpan.FromSeconds(3).Ticks, 0, 0);
            FileStamps.Write(state, taken, [("a.md", racy, hash), ("b.md", old, hash)]);

            var stamps = FileStamps.Read(state);

            Assert.Null(stamps.Reuse("a.md", racy)); // written within the file system's time resolution of the recording
            Assert.Equal(hash, stamps.Reuse("b.md", old));
            Assert.Null(stamps.Reuse("b.md", old with { Size = 11 }));
            Assert.Null(stamps.Reuse("b.md", old with { WriteTicks = old.WriteTicks + 1 }));
            Assert.Null(stamps.Reuse("c.md", old));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Stamps_on_Linux_carry_the_inode_and_status_change_time()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(UnixStatus.Usable);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a");
            var stamp = FileStamp.Of(path)!.Value;
            Assert.NotEqual(0, stamp.Inode);
            Assert.Equal(File.GetLastWriteTimeUtc(path).Ticks, stamp.WriteTicks);
            File.WriteAllText(path, "b");
            File.SetLastWriteTimeUtc(path, new DateTime(stamp.WriteTicks, DateTimeKind.Utc));
            var after = FileStamp.Of(path)!.Value;
            Assert.Equal(stamp.WriteTicks, after.WriteTicks);
            Assert.Equal(stamp.Size, after.Size);
            Assert.NotEqual(stamp, after); // the status change time, which setting the write time back cannot undo
        }
        finally
        {
            File.Delete(path);
        }
    }
}
