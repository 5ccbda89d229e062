using System.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The update in place (docs/incremental.md): a change rewrites exactly the files whose bytes change, the result is a
/// cold build's bytes and folders, a build killed at any step of its journal is finished by the next build, a failed
/// build changes nothing, and a rebuilt generator never answers "Up to date".
/// </summary>
public sealed class IncrementalUpdateTests
{
    private static TestSite Site()
    {
        var site = new TestSite()
            .With("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介。\n")
            .With("parks/demo/news/2026-10-01-plan.md", "---\ntitle: 计划\ndate: 2026-10-01\nkind: plan\n---\n年度计划。\n");
        for (var i = 1; i <= 6; i++)
            site.With($"parks/demo/news/2026-11-{i:00}-item.md", $"---\ntitle: 消息{i}\ndate: 2026-11-{i:00}\n---\n第{i}条消息。\n");
        return site;
    }

    private static readonly DateTime Old = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Dates every file of the output in 2001, so a file written later shows it.</summary>
    private static void Age(string dir)
    {
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, Old);
    }

    private static SortedSet<string> Written(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != Old).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')), StringComparer.Ordinal);

    private static SortedSet<string> Folders(string dir) =>
        new(Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')), StringComparer.Ordinal);

    /// <summary>The output equals a cold build of the same content: every file's bytes and every folder.</summary>
    private static void AssertEqualsCold(TestSite site)
    {
        var cold = Path.Combine(site.Root, "cold-" + Guid.NewGuid().ToString("N"));
        Assert.True(site.Build(cold).Success);
        AssertSameTree(cold, site.Output);
        Directory.Delete(cold, recursive: true);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        TestSite.AssertSameFiles(expected, actual);
        Assert.Equal(Folders(expected), Folders(actual));
    }

    /// <summary>What lies beside the output besides the content and cold builds: leftovers of builds.</summary>
    private static string[] Leftovers(TestSite site) =>
        Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n.StartsWith("._site.", StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，补充一句。\n")] // the body only
    [InlineData("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n")] // the title: lists change too
    [InlineData("parks/demo/pages/about.md", "---\ntitle: 关于\n---\n园区简介，已更新。\n")]
    public void A_one_page_change_rewrites_exactly_the_files_whose_bytes_change_and_equals_a_cold_build(string file, string text)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var before = TestSite.Snapshot(site.Output);
        Age(site.Output);
        site.With(file, text);

        var result = site.Build();

        Assert.True(result.Success);
        Assert.False(result.Unchanged);
        var cold = Path.Combine(site.Root, "cold");
        Assert.True(site.Build(cold).Success);
        var after = TestSite.Snapshot(cold);
        var changed = new SortedSet<string>(after.Where(f => !before.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)).Select(f => f.Key), StringComparer.Ordinal);
        Assert.Contains(SiteWriter.MarkerName, changed);
        Assert.True(changed.Count >= 3, string.Join(", ", changed)); // the page in one language, the manifest, and more
        Assert.Equal(changed, Written(site.Output));
        Assert.True(result.ReusedPages > 0);
        AssertSameTree(cold, site.Output);
        Assert.Empty(Leftovers(site));
    }

    [Fact]
    public void Deleted_and_added_pages_and_their_emptied_folders_match_a_cold_build()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        site.Without("parks/demo/pages/about.md");
        site.With("parks/demo/cases/2026-cycle.md", "---\ntitle: 循环案例\ndate: 2026-09-01\n---\n案例。\n");
        Assert.True(site.Build().Success);
        Assert.False(site.Exists("parks/demo/pages/about.html"));
        AssertEqualsCold(site);
        Assert.Empty(Leftovers(site));
    }

    /// <summary>Stops the build before journal step <paramref name="step"/> as a kill would: nothing after it runs.</summary>
    private static void BuildKilledAt(TestSite site, int step)
    {
        UpdateJournal.BeforeStepForTests.Value = n =>
        {
            if (n == step) throw new KilledForTest();
        };
        try
        {
            Assert.Throws<KilledForTest>(() => site.Build());
        }
        finally
        {
            UpdateJournal.BeforeStepForTests.Value = null;
        }
        // A killed process's leftovers carry its id; this one lives on, so they are renamed to the id of one that ended.
        var dead = DeadProcessId();
        foreach (var entry in Directory.GetFileSystemEntries(site.Root, $"._site.*-{Environment.ProcessId}-*"))
            Directory.Move(entry, entry.Replace($"-{Environment.ProcessId}-", $"-{dead}-"));
    }

    private sealed class KilledForTest : Exception;

    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    private static int JournalSteps(TestSite site, Action change)
    {
        var copy = Path.Combine(site.Root, "probe");
        Assert.True(site.Build(copy).Success);
        Directory.CreateSymbolicLink(Path.Combine(copy, "planted"), site.Content);
        change();
        var steps = 0;
        UpdateJournal.BeforeStepForTests.Value = n => steps = Math.Max(steps, n + 1);
        try
        {
            Assert.True(site.Build(copy).Success);
        }
        finally
        {
            UpdateJournal.BeforeStepForTests.Value = null;
        }
        Directory.Delete(copy, recursive: true);
        return steps;
    }

    [Fact]
    public void A_build_killed_at_any_step_of_its_journal_is_finished_by_the_next_build()
    {
        // The change deletes a page, adds one, changes a title (lists and feeds) and plants a link: every kind of step.
        const string Added = "parks/demo/cases/2026-cycle.md";
        void Change(TestSite s) => s.Without("parks/demo/pages/about.md")
            .With(Added, "---\ntitle: 循环案例\ndate: 2026-09-01\n---\n案例。\n")
            .With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n");
        int steps;
        using (var probe = Site()) steps = JournalSteps(probe, () => Change(probe));
        Assert.True(steps >= 5, $"{steps} steps");

        for (var step = 0; step < steps; step++)
        {
            using var site = Site();
            Assert.True(site.Build().Success);
            Directory.CreateSymbolicLink(Path.Combine(site.Output, "planted"), site.Content);
            Change(site);
            BuildKilledAt(site, step);
            Assert.NotEmpty(Leftovers(site));

            // The next build replays the journal before it looks at the content: even a build that then fails on the
            // content leaves the complete site of the killed build.
            var good = File.ReadAllText(Path.Combine(site.Content, "parks/demo/park.yaml"));
            site.With("parks/demo/park.yaml", "name: [unclosed\n");
            Assert.False(site.Build().Success);
            var replayed = TestSite.Snapshot(site.Output);
            site.With("parks/demo/park.yaml", good);
            var cold = Path.Combine(site.Root, "cold");
            Assert.True(site.Build(cold).Success);
            AssertSameTree(cold, site.Output);
            Assert.Equal(TestSite.Snapshot(cold).Keys, replayed.Keys);
            Assert.Empty(Leftovers(site));
            Assert.True(Directory.Exists(site.Content), "a link in the output was followed");
            Assert.True(site.Build().Unchanged, $"killed at step {step}: the replayed site is not the build's");
        }
    }

    /// <summary>
    /// Once the output has started to change, "the previous output is unchanged" would be false: the editor is told
    /// the output is partly updated and that building again (after fixing the file system) finishes the update.
    /// </summary>
    [Fact]
    public void A_file_system_error_while_applying_the_journal_says_the_output_is_partly_updated_and_the_next_build_finishes_it()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        site.Without("parks/demo/pages/about.md")
            .With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n");
        UpdateJournal.BeforeStepForTests.Value = n =>
        {
            if (n == 2) throw new IOException("No space left on device", 28); // errno ENOSPC
        };
        EcoSite.Core.BuildResult failed;
        try
        {
            failed = site.Build();
        }
        finally
        {
            UpdateJournal.BeforeStepForTests.Value = null;
        }

        Assert.False(failed.Success);
        var d = Assert.Single(failed.Diagnostics, d => d.Code == "ECO303");
        var output = Path.GetFullPath(site.Output);
        Assert.Equal(
            $"updating the output folder failed (the disk is full): the output folder is partly updated, and the rest of the update is kept beside it. " +
            $"Fix the file-system problem (check that the disk has space, that you may write to '{output}', and that the path is not too long) " +
            "and build again: the next build finishes the update first.", d.Message);
        Assert.Equal(
            $"更新输出文件夹失败（磁盘已满）：输出文件夹只更新了一部分，其余的更新保存在它旁边。请排除文件系统的问题（检查磁盘空间是否足够、是否有权写入 '{output}'，以及路径是否过长），然后再次生成：下一次生成会先完成这次更新。",
            EcoSite.Core.Diagnostics.Messages.MessageCatalog.Message(d, "zh"));
        Assert.Contains(Leftovers(site), n => n.StartsWith("._site.journal-", StringComparison.Ordinal));

        // The next build (another process: the leftovers carry a dead id) finishes the update and cleans up.
        var dead = DeadProcessId();
        foreach (var entry in Directory.GetFileSystemEntries(site.Root, $"._site.*-{Environment.ProcessId}-*"))
            Directory.Move(entry, entry.Replace($"-{Environment.ProcessId}-", $"-{dead}-"));
        Assert.True(site.Build().Success);
        AssertEqualsCold(site);
        Assert.Empty(Leftovers(site));
    }

    [Fact]
    public void A_build_killed_before_its_journal_was_whole_leaves_the_previous_site_and_is_cleaned_up()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var before = TestSite.Snapshot(site.Output);
        var dead = DeadProcessId();
        // What a build killed while writing its journal leaves: staged files and a pending journal, cut short.
        var staging = Path.Combine(site.Root, $"._site.staging-{dead}-0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(staging, "parks"));
        File.WriteAllText(Path.Combine(staging, "parks", "index.html"), "half-written");
        File.WriteAllText(Path.Combine(site.Root, $"._site.pending-{dead}-0123456789abcdef0123456789abcdef"), "{\"unlink\":[],\"del");

        site.With("parks/demo/park.yaml", "name: [unclosed\n");
        Assert.False(site.Build().Success);

        var after = TestSite.Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        Assert.Empty(Leftovers(site));
    }

    [Fact]
    public void A_build_that_fails_on_content_leaves_the_output_byte_identical_and_journals_nothing()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var before = TestSite.Snapshot(site.Output);
        Age(site.Output);
        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n");
        site.With("parks/demo/park.yaml", "name: [unclosed\n");
        var journaled = false;
        UpdateJournal.BeforeStepForTests.Value = _ => journaled = true;
        try
        {
            Assert.False(site.Build().Success);
        }
        finally
        {
            UpdateJournal.BeforeStepForTests.Value = null;
        }
        Assert.False(journaled);
        var after = TestSite.Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        Assert.Empty(Written(site.Output));
        Assert.Empty(Leftovers(site));
    }

    [Fact]
    public void A_folder_of_the_output_replaced_by_a_link_is_removed_and_nothing_is_written_through_it()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var keep = Path.Combine(site.Root, "keep");
        Directory.CreateDirectory(keep);
        File.WriteAllText(Path.Combine(keep, "precious.txt"), "x");
        var news = Path.Combine(site.Output, "parks", "demo", "news");
        Directory.Delete(news, recursive: true);
        Directory.CreateSymbolicLink(news, keep);
        File.WriteAllText(Path.Combine(keep, "page.html"), "y");
        File.Delete(Path.Combine(site.Output, "index.html"));
        File.CreateSymbolicLink(Path.Combine(site.Output, "index.html"), Path.Combine(keep, "page.html"));

        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n");
        Assert.True(site.Build().Success);

        Assert.Equal(["page.html", "precious.txt"], Directory.GetFileSystemEntries(keep).Select(p => Path.GetFileName(p)!).Order().ToArray());
        Assert.Equal("x", File.ReadAllText(Path.Combine(keep, "precious.txt")));
        Assert.Equal("y", File.ReadAllText(Path.Combine(keep, "page.html")));
        Assert.Equal(FileAttributes.Directory, File.GetAttributes(news) & (FileAttributes.Directory | FileAttributes.ReparsePoint));
        AssertEqualsCold(site);
    }

    [Fact]
    public async Task A_kept_page_replaced_by_a_pipe_or_a_link_in_the_output_is_removed_and_written_as_a_cold_build_writes_it()
    {
        // The listing's lstat is the only look a previous output's file gets (OutputTree): a pipe or a link found there
        // is never kept, compared or opened, and the journal removes it before the page is moved in.
        if (OperatingSystem.IsWindows()) return; // no named pipes in a Windows folder
        using var site = Site();
        Assert.True(site.Build().Success);
        var pipe = Path.Combine(site.Output, "parks", "demo", "news", "2026-11-01-item.html");
        File.Delete(pipe);
        using (var p = Process.Start("mkfifo", [pipe])!)
        {
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
        }
        var outside = Path.Combine(site.Root, "outside.html");
        File.WriteAllText(outside, "y");
        var link = Path.Combine(site.Output, "parks", "demo", "news", "2026-11-02-item.html");
        File.Delete(link);
        File.CreateSymbolicLink(link, outside);

        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 新标题\ndate: 2026-11-03\n---\n第3条消息。\n");
        var build = Task.Run(() => site.Build());
        if (await Task.WhenAny(build, Task.Delay(TimeSpan.FromMinutes(2))) != build)
        {
            using (File.OpenWrite(pipe)) { } // release a reader stuck on the pipe, then fail
            await build;
            Assert.Fail("the build opened a named pipe in the output and waited on it");
        }
        Assert.True((await build).Success);

        Assert.Equal(EcoSite.Core.Content.FileKind.Regular, EcoSite.Core.Content.FileProbe.Kind(pipe));
        Assert.Equal(EcoSite.Core.Content.FileKind.Regular, EcoSite.Core.Content.FileProbe.Kind(link));
        Assert.Equal("y", File.ReadAllText(outside));
        AssertEqualsCold(site);
    }

    [Fact]
    public void A_rebuilt_generator_never_answers_up_to_date_and_renders_every_page_again()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        Assert.True(site.Build().Unchanged);

        InputFingerprint.ToolForTests.Value = InputFingerprint.Tool + "-rebuilt";
        try
        {
            var result = site.Build();
            Assert.True(result.Success);
            Assert.False(result.Unchanged);
            Assert.Equal(0, result.ReusedPages);
            AssertEqualsCold(site); // a cold build by the same (rebuilt) generator
            Assert.True(site.Build().Unchanged);
        }
        finally
        {
            InputFingerprint.ToolForTests.Value = null;
        }
    }
    [Theory]
    [InlineData("garbled")]
    [InlineData("cut short")]
    [InlineData("empty")]
    public void A_damaged_manifest_means_a_build_of_the_whole_site_that_equals_a_cold_build(string damage)
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var marker = Path.Combine(site.Output, SiteWriter.MarkerName);
        var bytes = File.ReadAllBytes(marker);
        File.WriteAllBytes(marker, damage switch
        {
            "garbled" => bytes.Select((b, i) => i % 97 == 5 ? (byte)'}' : b).ToArray(),
            "cut short" => bytes[..(bytes.Length / 2)],
            _ => [],
        });
        site.With("parks/demo/news/2026-11-03-item.md", "---\ntitle: 消息3\ndate: 2026-11-03\n---\n第3条消息，改了。\n");

        var result = site.Build();

        Assert.True(result.Success);
        Assert.Equal(0, result.ReusedPages); // nothing of the previous build is trusted
        AssertEqualsCold(site);
    }
}
