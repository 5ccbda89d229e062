using System.Diagnostics;
using EcoSite.Cli;
using EcoSite.Core.Output;
using EcoSite.Tests.Packaging;

namespace EcoSite.Tests.Output;

/// <summary>
/// Nothing is written or deleted through a symbolic link, an interrupted build's leftovers are cleaned up, and every
/// file-system error is a located diagnostic (ECO303) with exit 1 and the previous site as it was.
/// </summary>
public sealed class OutputFailureTests
{
    private static Task<(int Exit, string Stderr)> Build(string content, string output) => Run("build", content, output);

    /// <summary>
    /// Every command that writes an output folder follows the same rules through <see cref="SiteWriter"/>: the site
    /// build and the WeChat export (the test site has the base_url the export needs).
    /// </summary>
    private static async Task<(int Exit, string Stderr)> Run(string command, string content, string output)
    {
        var stderr = new StringWriter();
        string[] args = command == "build" ? ["build", content, "-o", output] : ["export", "wechat", content, "-o", output];
        var exit = await EcoSiteCommand.RunAsync(args, new StringWriter(), stderr);
        return (exit, stderr.ToString());
    }

    private static TestSite Site() => new TestSite().With("site.yaml", TestSite.SiteYaml + "\nbase_url: https://www.example.gov.cn/stgy/\n");

    private static void AssertSame(SortedDictionary<string, byte[]> before, string dir)
    {
        var after = TestSite.Snapshot(dir);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
    }

    /// <summary>The id of a process that has ended: what a killed build leaves in the names of its folders.</summary>
    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Theory]
    [InlineData("build")]
    [InlineData("export")]
    public async Task A_symlinked_output_is_refused_and_the_release_it_points_to_is_never_touched(string command)
    {
        using var site = Site();
        var release = Path.Combine(site.Root, "releases", "v1");
        Assert.Equal(0, (await Run(command, site.Content, release)).Exit);
        var before = TestSite.Snapshot(release);
        var current = Path.Combine(site.Root, "current");
        Directory.CreateSymbolicLink(current, release);

        site.With("parks/demo/pages/new.md", "---\ntitle: 新页面\n---\n新。\n");
        var (exit, stderr) = await Run(command, site.Content, current);

        Assert.Equal(1, exit);
        Assert.Contains("ECO305", stderr);
        AssertSame(before, release);
        Assert.Equal(release, new DirectoryInfo(current).LinkTarget);
        Assert.Equal(["content", "current", "releases"], Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order().ToArray());
    }

    [Theory]
    [InlineData("build")]
    [InlineData("export")]
    public async Task A_link_inside_a_previous_output_is_removed_without_following_it(string command)
    {
        using var site = Site();
        var keep = Path.Combine(site.Root, "keep");
        Directory.CreateDirectory(Path.Combine(keep, "sub"));
        File.WriteAllText(Path.Combine(keep, "sub", "precious.txt"), "x");
        Assert.Equal(0, (await Run(command, site.Content, site.Output)).Exit);
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "planted"), keep);
        Directory.CreateDirectory(Path.Combine(site.Output, "parks"));
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "parks", "planted"), keep);

        site.With("parks/demo/pages/new.md", "---\ntitle: 新页面\n---\n新。\n");
        Assert.Equal(0, (await Run(command, site.Content, site.Output)).Exit);
        Assert.True(File.Exists(Path.Combine(keep, "sub", "precious.txt")));
        Assert.False(Path.Exists(Path.Combine(site.Output, "planted")));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("export")]
    public async Task Folders_left_by_a_killed_build_are_removed_by_the_next_build_but_never_through_a_link(string command)
    {
        using var site = Site();
        Assert.Equal(0, (await Run(command, site.Content, site.Output)).Exit);
        var keep = Path.Combine(site.Root, "keep");
        Directory.CreateDirectory(keep);
        File.WriteAllText(Path.Combine(keep, "precious.txt"), "x");
        var dead = DeadProcessId();
        var staging = Path.Combine(site.Root, $"._site.staging-{dead}-0123456789abcdef0123456789abcdef");
        var old = Path.Combine(site.Root, $"._site.old-{dead}-fedcba9876543210fedcba9876543210");
        Directory.CreateDirectory(Path.Combine(staging, "parks"));
        File.WriteAllText(Path.Combine(staging, "parks", "index.html"), "half-written");
        Directory.CreateDirectory(old);
        Directory.CreateSymbolicLink(Path.Combine(old, "parks"), keep);
        var linked = Path.Combine(site.Root, $"._site.old-{dead}-00000000000000000000000000000000");
        Directory.CreateSymbolicLink(linked, keep);
        var running = Path.Combine(site.Root, $"._site.staging-{Environment.ProcessId}-11111111111111111111111111111111");
        Directory.CreateDirectory(running);

        Assert.Equal(0, (await Run(command, site.Content, site.Output)).Exit);

        Assert.False(Path.Exists(staging));
        Assert.False(Path.Exists(old));
        Assert.False(Path.Exists(linked));
        Assert.True(File.Exists(Path.Combine(keep, "precious.txt")));
        Assert.True(Directory.Exists(running), "a folder of a running build was removed");
    }

    [Fact]
    public async Task A_build_killed_between_its_two_renames_leaves_the_previous_site_published_at_the_next_build()
    {
        using var site = new TestSite();
        Assert.Equal(0, (await Build(site.Content, site.Output)).Exit);
        var before = TestSite.Snapshot(site.Output);
        // Killed after moving the output aside and before moving the new site in.
        var dead = DeadProcessId();
        Directory.Move(site.Output, Path.Combine(site.Root, $"._site.old-{dead}-0123456789abcdef0123456789abcdef"));
        Directory.CreateDirectory(Path.Combine(site.Root, $"._site.staging-{dead}-fedcba9876543210fedcba9876543210"));

        site.With("parks/demo/park.yaml", "name: [unclosed\n"); // the next build fails on content
        Assert.Equal(1, (await Build(site.Content, site.Output)).Exit);

        AssertSame(before, site.Output);
        Assert.Equal(["_site", "content"], Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order().ToArray());
    }

    [Theory]
    [InlineData("build")]
    [InlineData("export")]
    public async Task An_output_whose_parent_is_a_file_is_a_located_error(string command)
    {
        using var site = Site();
        var file = Path.Combine(site.Root, "not-a-folder");
        File.WriteAllText(file, "x");
        var (exit, stderr) = await Run(command, site.Content, Path.Combine(file, "_site"));
        Assert.Equal(1, exit);
        Assert.Contains("error ECO303", stderr);
        Assert.DoesNotContain("internal error", stderr);
    }

    [Theory]
    [InlineData(300)] // the folder's own name is longer than a file system allows
    [InlineData(240)] // its name fits, the staging folder's name beside it does not
    public async Task An_output_name_too_long_for_the_file_system_is_a_located_error(int length)
    {
        using var site = new TestSite();
        var (exit, stderr) = await Build(site.Content, Path.Combine(site.Root, new string('a', length)));
        Assert.Equal(1, exit);
        Assert.Contains("error ECO303", stderr);
        Assert.DoesNotContain("internal error", stderr);
    }

    [Fact]
    public async Task A_path_that_becomes_too_long_during_the_build_fails_with_the_previous_site_intact()
    {
        if (OperatingSystem.IsWindows()) return; // PATH_MAX is a Unix limit
        using var site = new TestSite();
        // The output sits under folders whose path is near PATH_MAX (4096); the content is short, so a deep media file
        // fits in the content folder and not in the output.
        var deep = site.Root;
        for (var i = 0; i < 15; i++) deep = Path.Combine(deep, new string((char)('a' + i), 250));
        Directory.CreateDirectory(deep);
        var output = Path.Combine(deep, "_site");
        Assert.Equal(0, (await Build(site.Content, output)).Exit);
        var before = TestSite.Snapshot(output);

        var media = "parks/demo/media/" + string.Join('/', Enumerable.Repeat(new string('m', 60), 5)) + "/plan.pdf";
        site.WithBytes(media, System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        var (exit, stderr) = await Build(site.Content, output);

        Assert.Equal(1, exit);
        Assert.Contains("error ECO303", stderr);
        Assert.DoesNotContain("internal error", stderr);
        AssertSame(before, output);
        Assert.Equal(["_site"], Directory.GetFileSystemEntries(deep).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).ToArray());
    }

    [Fact]
    public async Task A_write_refused_by_the_system_mid_build_fails_with_the_previous_site_intact()
    {
        if (OperatingSystem.IsWindows()) return; // ulimit and SIGXFSZ are Unix
        using var site = new TestSite();
        Assert.Equal(0, (await Build(site.Content, site.Output)).Exit);
        var before = TestSite.Snapshot(site.Output);
        // A 200 KB attachment against a limit of 64 KB per file (ulimit -f): the kernel refuses the write (EFBIG), as
        // it would on a full disk (ENOSPC). SIGXFSZ is ignored so the write fails instead of killing the process.
        site.WithBytes("parks/demo/media/big.pdf", [.. "%PDF-1.4\n"u8, .. new byte[200 * 1024]]);
        var cli = Path.Combine(AppContext.BaseDirectory, "ecosite.dll");
        var script = $"trap '' XFSZ; ulimit -f 64; exec \"{ProcessRunner.DotnetHost}\" \"{cli}\" build \"{site.Content}\" -o \"{site.Output}\"";
        // W^X double-maps code through files, which the same limit would refuse at start-up.
        var run = ProcessRunner.Run(site.Root, "bash", new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" }, "-c", script);

        Assert.True(run.Exit == 1, run.Output);
        Assert.Contains("error ECO303", run.Stderr);
        Assert.Contains("big.pdf", run.Stderr);
        AssertSame(before, site.Output);
        Assert.Equal(["_site", "content"], Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order().ToArray());
    }

    [Fact]
    public async Task An_output_in_a_folder_that_may_not_be_written_is_a_located_error_with_the_previous_site_intact()
    {
        if (!OperatingSystem.IsLinux()) return; // chattr and Unix permissions
        using var site = new TestSite();
        var parent = Path.Combine(site.Root, "www");
        var output = Path.Combine(parent, "_site");
        Assert.Equal(0, (await Build(site.Content, output)).Exit);
        var before = TestSite.Snapshot(output);
        if (!MakeReadOnly(parent)) return; // neither permissions nor an immutable flag can stop this user here
        try
        {
            site.With("parks/demo/pages/new.md", "---\ntitle: 新页面\n---\n新。\n");
            var (exit, stderr) = await Build(site.Content, output);
            Assert.Equal(1, exit);
            Assert.Contains("error ECO303", stderr);
            Assert.DoesNotContain("internal error", stderr);
            AssertSame(before, output);
        }
        finally
        {
            Undo(parent);
        }
    }

    /// <summary>
    /// A folder this process cannot write to: by permissions for a normal user; root ignores those, so for root the
    /// immutable flag (chattr +i), which binds root too. False when neither works here (the test then proves nothing).
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool MakeReadOnly(string dir)
    {
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        if (!CanWrite(dir))
            return true;
        using (var p = Process.Start(new ProcessStartInfo("chattr", ["+i", dir]) { UseShellExecute = false, RedirectStandardError = true })!)
            p.WaitForExit();
        return !CanWrite(dir);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Undo(string dir)
    {
        using (var p = Process.Start(new ProcessStartInfo("chattr", ["-i", dir]) { UseShellExecute = false, RedirectStandardError = true })!)
            p.WaitForExit();
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool CanWrite(string dir)
    {
        var probe = Path.Combine(dir, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
