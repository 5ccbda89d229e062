using EcoSite.Cli;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>The output folder never overlaps the sources, never replaces someone's files, and is swapped in whole.</summary>
public sealed class OutputSafetyTests
{
    private static async Task<(int Exit, string Stderr)> Build(string content, string output)
    {
        var stderr = new StringWriter();
        var exit = await EcoSiteCommand.RunAsync(["build", content, "-o", output], new StringWriter(), stderr);
        return (exit, stderr.ToString());
    }

    [Fact]
    public async Task An_output_folder_equal_to_the_content_folder_is_refused_and_nothing_is_written()
    {
        using var site = new TestSite();
        var before = TestSite.Snapshot(site.Content);
        var (exit, stderr) = await Build(site.Content, site.Content);
        Assert.Equal(1, exit);
        Assert.Contains("ECO301", stderr);
        Assert.Equal(before.Keys, TestSite.Snapshot(site.Content).Keys);
    }

    [Fact]
    public async Task An_output_folder_inside_the_content_folder_is_refused_and_not_created()
    {
        using var site = new TestSite();
        var inside = Path.Combine(site.Content, "_site");
        var (exit, stderr) = await Build(site.Content, inside);
        Assert.Equal(1, exit);
        Assert.Contains("ECO301", stderr);
        Assert.False(Directory.Exists(inside));
    }

    [Fact]
    public async Task An_output_folder_containing_the_content_folder_is_refused()
    {
        using var site = new TestSite();
        var before = TestSite.Snapshot(site.Root);
        var (exit, stderr) = await Build(site.Content, site.Root);
        Assert.Equal(1, exit);
        Assert.Contains("ECO301", stderr);
        Assert.Equal(before.Keys, TestSite.Snapshot(site.Root).Keys);
    }

    [Fact]
    public async Task A_folder_holding_someone_elses_files_is_never_replaced()
    {
        using var site = new TestSite();
        Directory.CreateDirectory(site.Output);
        var theirs = Path.Combine(site.Output, "report.docx");
        File.WriteAllText(theirs, "not ours");
        var (exit, stderr) = await Build(site.Content, site.Output);
        Assert.Equal(1, exit);
        Assert.Contains("ECO302", stderr);
        Assert.Equal("not ours", File.ReadAllText(theirs));
        Assert.Single(Directory.GetFileSystemEntries(site.Output));
    }

    [Fact]
    public async Task A_previous_output_is_replaced_whole_and_no_staging_folder_is_left_behind()
    {
        using var site = new TestSite();
        site.With("parks/demo/pages/old.md", "---\ntitle: 旧页面\n---\n旧。\n");
        Assert.Equal(0, (await Build(site.Content, site.Output)).Exit);
        Assert.True(site.Exists("parks/demo/pages/old.html"));
        Assert.True(site.Exists(SiteWriter.MarkerName));

        site.Without("parks/demo/pages/old.md");
        Assert.Equal(0, (await Build(site.Content, site.Output)).Exit);
        Assert.False(site.Exists("parks/demo/pages/old.html"));
        Assert.Equal(new[] { "_site", "content" }, Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order().ToList());
    }

    [Fact]
    public async Task A_failed_build_leaves_no_staging_folder_next_to_the_output()
    {
        using var site = new TestSite();
        Assert.Equal(0, (await Build(site.Content, site.Output)).Exit);
        site.With("parks/demo/park.yaml", "name: [unclosed\n");
        Assert.Equal(1, (await Build(site.Content, site.Output)).Exit);
        Assert.Equal(new[] { "_site", "content" }, Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order().ToList());
    }
}

[CollectionDefinition("Process environment", DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <summary>Tests that set environment variables of the test process run alone.</summary>
[Collection("Process environment")]
public sealed class AnnotationTests
{
    [Fact]
    public async Task Under_GitHub_Actions_each_diagnostic_is_also_printed_as_a_workflow_annotation()
    {
        using var site = new TestSite().With("parks/demo/park.yaml", "name: {zh: 测试园区, en: Test Park}\nestablished: 二〇〇八年\n");
        var stderr = new StringWriter();
        var previous = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            Assert.Equal(1, await EcoSiteCommand.RunAsync(["build", site.Content, "-o", site.Output], new StringWriter(), stderr));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", previous);
        }
        var text = stderr.ToString();
        Assert.Contains("parks/demo/park.yaml:2:14: error ECO011:", text);
        Assert.Contains("::error file=parks/demo/park.yaml,line=2,col=14,title=ECO011::", text);
    }
}
