using EcoSite.Cli;
using EcoSite.Cli.Serve;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Cli;

/// <summary>The command line speaks the chosen language beyond diagnostics: summaries, 'new', serve's lines and overlay, --help.</summary>
public sealed class CliLanguageTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await EcoSiteCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_check_summary_and_scores_are_in_the_chosen_language()
    {
        using var site = new TestSite().With("parks/demo/news/a.md", "---\ntitle: 动态\ndate: 2026-02-30\n---\n正文。\n");
        var zh = await Run("check", site.Content, "--lang", "zh");
        Assert.Equal(1, zh.Exit);
        Assert.Matches(@"检查完成，用时 [0-9.]+ 秒：1 个错误，\d+ 条警告。", zh.Stdout);
        Assert.DoesNotContain("Checked in", zh.Stdout);
        var en = await Run("check", site.Content, "--lang", "en");
        Assert.Matches(@"Checked in [0-9.]+ s: 1 error, \d+ warnings?\.", en.Stdout);

        using var clean = new TestSite();
        var scored = await Run("check", clean.Content, "--lang", "zh");
        Assert.Contains("信息公开完善程度（HJ 274-2015", scored.Stdout);
        Assert.Matches(@"检查完成，用时 [0-9.]+ 秒：没有错误", scored.Stdout);
    }

    [Fact]
    public async Task A_failed_build_says_so_in_chinese()
    {
        using var site = new TestSite().With("parks/demo/news/a.md", "---\ntitle: 动态\ndate: 2026-02-30\n---\n正文。\n");
        var zh = await Run("build", site.Content, "-o", site.Output, "--lang", "zh");
        Assert.Equal(1, zh.Exit);
        Assert.Contains("生成失败：1 个错误", zh.Stderr);
        Assert.Contains("error ECO020: 'date' 的值 '2026-02-30' 是不存在的日期", zh.Stderr);
    }

    [Fact]
    public async Task New_says_what_it_created_in_chinese()
    {
        using var site = new TestSite();
        var dir = Path.Combine(site.Root, "fresh");
        var zh = await Run("new", "site", dir, "--lang", "zh");
        Assert.Equal(0, zh.Exit);
        Assert.Contains("已创建 ", zh.Stdout);
        Assert.Contains("下一步，添加园区", zh.Stdout);
        Assert.DoesNotContain("Created ", zh.Stdout);
    }

    [Fact]
    public async Task What_new_refuses_is_said_in_chinese()
    {
        using var site = new TestSite();
        var missing = await Run("new", "news", "nosuch", "x-1", "--content", site.Content, "--lang", "zh");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("ecosite：", missing.Stderr);
        Assert.Contains("中没有园区 'nosuch'", missing.Stderr);
        var bad = await Run("new", "park", "Bad_Park", "--content", site.Content, "--lang", "zh");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("'Bad_Park' 不是有效的园区标识", bad.Stderr);
        Assert.Contains("是不是 'bad-park'？", bad.Stderr);
    }

    [Fact]
    public void The_serve_overlay_is_in_the_chosen_language_with_the_same_code_and_place()
    {
        var d = new Diagnostic("ECO020", Severity.Error, "parks/demo/news/a.md", 3, 7, "'date' is '2026-02-30', a day that does not exist: February has 28 days in 2026. Check the date.");
        var zh = PageInjector.Inject("<html><body></body></html>", new Preview.State("x", [d], null, 1, "zh"));
        Assert.Contains("EcoSite：内容中有 1 个错误", zh);
        Assert.Contains("parks/demo/news/a.md:3:7", zh);
        Assert.Contains("ECO020", zh);
        Assert.Contains("是不存在的日期", zh);
        Assert.Contains(">关闭</button>", zh);
        Assert.Contains("lang=\"zh\"", zh);
        var en = PageInjector.Inject("<html><body></body></html>", new Preview.State("x", [d], null, 1, "en"));
        Assert.Contains("EcoSite: 1 error in the content", en);
        Assert.Contains(">Dismiss</button>", en);
    }

    [Fact]
    public async Task Serve_prints_its_build_lines_in_the_chosen_language()
    {
        using var site = new TestSite();
        var stdout = new SharedWriter();
        await using (var session = new ServeSession(new ServeOptions(site.Content, Port: 0) { Lang = "zh" }, stdout, new SharedWriter()))
            await session.StartAsync();
        Assert.Contains("] 已生成 ", stdout.ToString());
    }

    [Theory]
    [InlineData("", "EcoSite 根据 Markdown 和 YAML 文件生成")]
    [InlineData("build", "把网站生成到输出文件夹")]
    [InlineData("check", "检查内容，报告问题和得分")]
    [InlineData("serve", "生成网站并启动本地预览")]
    [InlineData("new", "写入一个带注释的起始文件")]
    [InlineData("new site", "新建内容文件夹")]
    [InlineData("new waste", "新建 waste/YEAR.yaml")]
    public async Task Help_is_in_chinese_when_the_language_is_chinese_and_every_command_takes_lang(string command, string chinese)
    {
        string[] path = command.Length == 0 ? [] : command.Split(' ');
        var zh = await Run([.. path, "--help", "--lang", "zh"]);
        Assert.Equal(0, zh.Exit);
        Assert.Contains(chinese, zh.Stdout);
        if (path.Length > 0) Assert.Contains("提示语言：zh 或 en", zh.Stdout);
        var en = await Run([.. path, "--help", "--lang", "en"]);
        Assert.DoesNotContain(chinese, en.Stdout);
    }

    /// <summary>'export wechat --lang' names the content language to export, so its messages and help follow ECOSITE_LANG or LANG.</summary>
    [Fact]
    public async Task Export_help_follows_the_environment()
    {
        using var site = new TestSite();
        var zh = await Diagnostics.MessageTemplateTests.RunProgram(site.Root, new() { ["ECOSITE_LANG"] = "zh" }, "export", "wechat", "--help");
        Assert.Contains("为微信公众号撰写文章", zh.Stdout);
        Assert.Contains("此处 --lang 指内容语言", zh.Stdout);
    }
}
