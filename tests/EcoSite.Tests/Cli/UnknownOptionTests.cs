using EcoSite.Cli;

namespace EcoSite.Tests.Cli;

/// <summary>
/// A word that looks like an option but names none is a usage error in every command, never a folder, a park id or a
/// shard: 'build --bogus' must not look for (or build) a content folder called "--bogus". After "--" it is a path.
/// </summary>
public sealed class UnknownOptionTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await EcoSiteCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static TheoryData<string, string> Commands() => new()
    {
        { "build --bogus", "ecosite build" },
        { "build -x", "ecosite build" },
        { "check --bogus", "ecosite check" },
        { "serve --bogus --port 0", "ecosite serve" },
        { "merge --bogus", "ecosite merge" },
        { "merge shard-a -x", "ecosite merge" },
        { "new park --bogus", "ecosite new park" },
        { "new news demo --bogus", "ecosite new news" },
        { "new indicators demo --bogus", "ecosite new indicators" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_option_is_a_usage_error_in_the_chosen_language(string args, string command)
    {
        var option = args.Split(' ').First(a => a.StartsWith('-') && a != "--port");
        var en = await Run([.. args.Split(' '), "--lang", "en"]);
        Assert.Equal(EcoSiteCommand.UsageError, en.Exit);
        Assert.StartsWith($"ecosite: Unknown option '{option}'. A path that starts with '-' goes after '--' ({command} -- {option}).\n", en.Stderr.Replace("\r", ""));
        Assert.Contains($"Run '{command} --help' for usage and examples.", en.Stderr);
        Assert.DoesNotContain("ECO", en.Stderr); // nothing was looked for under that name

        var zh = await Run([.. args.Split(' '), "--lang", "zh"]);
        Assert.Equal(EcoSiteCommand.UsageError, zh.Exit);
        Assert.StartsWith($"ecosite：未知选项 '{option}'。以 '-' 开头的路径请写在 '--' 之后（{command} -- {option}）。\n", zh.Stderr.Replace("\r", ""));
    }

    /// <summary>The real program in a folder of its own: without the check, 'new site --bogus' would make a site there.</summary>
    [Fact]
    public async Task A_path_that_starts_with_a_dash_is_given_after_a_double_dash()
    {
        using var site = new TestSite();
        Directory.Move(site.Content, Path.Combine(site.Root, "-content"));
        var env = new Dictionary<string, string> { ["LANG"] = "C" };

        var refused = await Diagnostics.MessageTemplateTests.RunProgram(site.Root, env, "new", "site", "--bogus");
        Assert.Equal(EcoSiteCommand.UsageError, refused.Exit);
        Assert.StartsWith("ecosite: Unknown option '--bogus'.", refused.Stderr);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "--bogus")));
        // export's --lang is the language of the articles: the messages' language comes from LANG.
        var export = await Diagnostics.MessageTemplateTests.RunProgram(site.Root, new() { ["LANG"] = "zh_CN.UTF-8" }, "export", "wechat", "--bogus");
        Assert.Equal(EcoSiteCommand.UsageError, export.Exit);
        Assert.StartsWith("ecosite：未知选项 '--bogus'。以 '-' 开头的路径请写在 '--' 之后（ecosite export wechat -- --bogus）。", export.Stderr);

        var built = await Diagnostics.MessageTemplateTests.RunProgram(site.Root, env, "build", "-o", "out", "--", "-content");
        Assert.Equal(EcoSiteCommand.Ok, built.Exit);
        Assert.True(File.Exists(Path.Combine(site.Root, "out", "index.html")));
        var missing = await Diagnostics.MessageTemplateTests.RunProgram(site.Root, env, "check", "--", "-nothing");
        Assert.Equal(EcoSiteCommand.ContentErrors, missing.Exit);
        Assert.Contains("the content folder '-nothing' does not exist", missing.Stderr);
    }
}
