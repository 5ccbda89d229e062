using System.Text.RegularExpressions;
using EcoSite.Cli;

namespace EcoSite.Tests.Cli;

/// <summary>Terminal manners: --version, --help with examples, one summary line, --verbose, --quiet and the warning limit.</summary>
public sealed class TerminalTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A site whose six parks are all blank: five warnings each, more than the limit.</summary>
    private static TestSite ManyWarnings()
    {
        var site = new TestSite();
        for (var i = 1; i <= 5; i++) site.With($"parks/park-{i}/park.yaml", TestSite.ParkYaml);
        return site;
    }

    [Fact]
    public async Task Version_prints_the_version_number_alone()
    {
        var (code, stdout, _) = await Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\r?\n$", stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("serve")]
    [InlineData("new")]
    [InlineData("new site")]
    [InlineData("new park")]
    [InlineData("new news")]
    [InlineData("new case")]
    [InlineData("new listing")]
    [InlineData("new polluter")]
    [InlineData("new indicators")]
    public async Task Help_of_every_command_shows_an_example(string command)
    {
        var (code, stdout, _) = await Run([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.Equal(0, code);
        // The example comes in the description, before the usage line that names the command anyway.
        var description = stdout[..stdout.IndexOf("Usage:", StringComparison.Ordinal)];
        Assert.Contains("Example", description);
        Assert.Contains(("ecosite " + command).TrimEnd() + " ", description);
    }

    [Fact]
    public async Task A_usage_error_exits_2_and_points_to_the_help_of_that_command()
    {
        var (code, _, stderr) = await Run("new", "news", "only-one-argument");
        Assert.Equal(EcoSiteCommand.UsageError, code);
        Assert.Contains("ecosite new news --help", stderr);
    }

    [Fact]
    public async Task A_build_without_a_terminal_prints_one_summary_line_on_stdout()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", "---\ntitle: 新闻\ndate: 2026-11-28\n---\n正文。\n");
        var (code, stdout, _) = await Run("build", site.Content, "-o", site.Output);
        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Built ", line);
        Assert.DoesNotContain("\u001b[", stdout);
    }

    [Fact]
    public async Task Without_verbose_warnings_stop_at_the_limit_and_say_how_many_more()
    {
        using var site = ManyWarnings();
        var (code, stdout, stderr) = await Run("build", site.Content, "-o", site.Output);
        Assert.Equal(0, code);
        Assert.Equal(Reporter.WarningLimit, Regex.Matches(stderr, ": warning ECO").Count);
        Assert.Contains("more warnings; run with --verbose", stderr);
        Assert.Contains("(30 warnings)", stdout);
    }

    [Fact]
    public async Task Verbose_prints_every_warning_and_the_stage_timings()
    {
        using var site = ManyWarnings();
        var (code, stdout, stderr) = await Run("build", site.Content, "-o", site.Output, "--verbose");
        Assert.Equal(0, code);
        Assert.Equal(30, Regex.Matches(stderr, ": warning ECO").Count);
        Assert.Contains("load", stdout);
        Assert.Matches(@"render.*\d+ ms", stdout);
        // Each stage says what the collector did in it.
        Assert.Matches(@"render.*allocated \d+ MB, gc \d+/\d+/\d+ paused \d+ ms", stdout);
    }

    [Fact]
    public async Task Quiet_prints_nothing_for_a_good_build_and_only_errors_for_a_bad_one()
    {
        using var site = ManyWarnings();
        var good = await Run("build", site.Content, "-o", site.Output, "--quiet");
        Assert.Equal(0, good.Code);
        Assert.Equal("", good.Out);
        Assert.Equal("", good.Err);

        site.With("parks/park-1/park.yaml", "level: national\n");
        var bad = await Run("build", site.Content, "-o", site.Output, "--quiet");
        Assert.Equal(EcoSiteCommand.ContentErrors, bad.Code);
        Assert.Contains("error ECO013", bad.Err);
        Assert.DoesNotContain(": warning ECO", bad.Err);
    }
}
