using EcoSite.Cli;
using EcoSite.Tests.Diagnostics;

namespace EcoSite.Tests.Cli;

/// <summary>
/// System.CommandLine's own words (help page labels, usage errors) follow the language like ours: the real program
/// is run with nothing but LANG set, as an editor's terminal would run it.
/// </summary>
public sealed class CliWordsTests
{
    /// <summary>The library's English words on a help page.</summary>
    private static readonly string[] HelpWords =
        ["Description:", "Usage:", "Arguments:", "Options:", "Commands:", "[default:", "[options]", "[command]", "Show help and usage information", "Show version information"];

    private static Task<(int Exit, string Stdout, string Stderr)> Run(string lang, params string[] args) =>
        MessageTemplateTests.RunProgram(Path.GetTempPath(), new() { ["LANG"] = lang }, args);

    [Theory]
    [InlineData("")]
    [InlineData("build")]
    [InlineData("new")]
    [InlineData("new listing")]
    [InlineData("export wechat")]
    public async Task Help_has_no_english_library_words_under_a_chinese_lang(string command)
    {
        string[] path = command.Length == 0 ? [] : command.Split(' ');
        var zh = await Run("zh_CN.UTF-8", [.. path, "--help"]);
        Assert.Equal(0, zh.Exit);
        foreach (var word in HelpWords) Assert.DoesNotContain(word, zh.Stdout);
        Assert.Contains("\n用法：\n  ecosite", zh.Stdout);
        Assert.Contains("\n选项：\n", zh.Stdout);
        Assert.Contains("显示帮助和用法", zh.Stdout);

        var en = await Run("C", [.. path, "--help"]);
        Assert.Equal(0, en.Exit);
        Assert.Contains("\nUsage:\n  ecosite", en.Stdout);
        Assert.Contains("Show help and usage information", en.Stdout);
        Assert.DoesNotContain("用法", en.Stdout);
    }

    [Fact]
    public async Task The_help_page_keeps_the_library_layout()
    {
        var en = await Run("C", "build", "--help");
        Assert.Contains("\nUsage:\n  ecosite build [<content>] [options]\n", en.Stdout);
        Assert.Contains("\nArguments:\n  <content>  ", en.Stdout);
        Assert.Contains("[default: content]\n", en.Stdout);
        Assert.Contains("\n  -o, --output <output>      ", en.Stdout);
        Assert.Contains("\n  -v, --verbose              ", en.Stdout);
        Assert.DoesNotContain("--verbose              Print every stage and warning in full. [default", en.Stdout);
        Assert.Contains("\n  --lang <en|zh>             ", en.Stdout);
        Assert.Contains("\n  -?, -h, --help             Show help and usage information\n", en.Stdout);
        var root = await Run("C", "--help");
        Assert.Contains("\n  --version       Show version information\n", root.Stdout);
        Assert.Contains("\nCommands:\n  build <content>  ", root.Stdout);
        var zh = await Run("zh_CN.UTF-8", "new", "listing", "--help");
        Assert.Contains("\n用法：\n  ecosite new listing <park> <id> [选项]\n", zh.Stdout);
        Assert.Contains("[默认：content]", zh.Stdout);
    }

    /// <summary>Each usage error the commands can meet: its Chinese words, and the English library text it replaces.</summary>
    [Theory]
    [InlineData("check content --bogus", "无法识别的命令、选项或参数 '--bogus'。", "Unrecognized command or argument '--bogus'.", "ecosite check --help")]
    [InlineData("new park", "命令 'park' 缺少必需的参数。", "Required argument missing for command: 'park'.", "ecosite new park --help")]
    [InlineData("check --lang", "选项 '--lang' 后面缺少值。", "Required argument missing for option: '--lang'.", "ecosite check --help")]
    [InlineData("new", "缺少命令。", "Required command was not provided.", "ecosite new --help")]
    [InlineData("check --format xml", "'xml' 不是可用的值；可用的值：'text'、'json'。", "Argument 'xml' not recognized. Must be one of: 'text', 'json'.", "ecosite check --help")]
    [InlineData("check --format text --format json", "选项 '--format' 只能给一个值，却给了 2 个。", "Option '--format' expects a single argument but 2 were provided.", "ecosite check --help")]
    [InlineData("--version build", "--version 选项不能与其他参数一起使用。", "--version option cannot be combined with other arguments.", "ecosite build --help")]
    [InlineData("check @no-such-response-file", "找不到响应文件 'no-such-response-file'。", "Response file not found 'no-such-response-file'.", "ecosite check --help")]
    [InlineData("serve --port abc", "--port 的值应为 0 到 65535", "--port takes 0 to 65535 (0 picks a free port).", "ecosite serve --help")]
    [InlineData("check --fail-under abc", "--fail-under 的值应为 0 到 100 之间的得分。", "--fail-under takes a score from 0 to 100.", "ecosite check --help")]
    public async Task A_usage_error_is_in_the_chosen_language_with_exit_2(string args, string chinese, string english, string help)
    {
        var zh = await Run("zh_CN.UTF-8", args.Split(' '));
        Assert.Equal(EcoSiteCommand.UsageError, zh.Exit);
        Assert.StartsWith($"ecosite：{chinese}", zh.Stderr);
        Assert.Contains($"运行 '{help}' 查看用法和示例。", zh.Stderr);
        foreach (var word in new[] { "Unrecognized", "Required", "argument", "Argument", "option", "Cannot parse", "System.", "   at " })
            Assert.DoesNotContain(word, zh.Stderr);

        var en = await Run("C", args.Split(' '));
        Assert.Equal(EcoSiteCommand.UsageError, en.Exit);
        Assert.StartsWith($"ecosite: {english}", en.Stderr);
        Assert.Contains($"Run '{help}' for usage and examples.", en.Stderr);
    }

    /// <summary>YamlDotNet's words for the syntax errors editors make, and the location they point at.</summary>
    [Theory]
    [InlineData("name: a: b\n", "1:8", "这个值中的 ': '（冒号加空格）在此处会被当作键的开始", "a ': ' (colon and space) inside this value starts a key")]
    [InlineData("name: {zh: 某某公司, en: Demo\n", "2:1", "花括号中的映射 '{…}' 没有闭合：缺少 ',' 或 '}'", "a map in braces '{…}' is not closed")]
    [InlineData("name: x\nlevel: [a, b\n", "3:1", "方括号中的列表 '[…]' 没有闭合：缺少 ',' 或 ']'", "a list in brackets '[…]' is not closed")]
    [InlineData("name: \"某某\n", "1:7", "引号没有闭合：直到文件末尾都没有结束引号", "a quoted text is not closed")]
    [InlineData("name:\n  - b\n c: d\n", "3:2", "此处应是与上面的映射缩进对齐的 '键: 值' 行", "a 'key: value' line was expected here")]
    [InlineData("name: @b\n", "1:7", "值不能以这个字符（例如 '@' 或 '`'）开头", "a value may not start with this character")]
    [InlineData("{name: b}}\n", "1:10", "内容结束后还有文字", "text follows the end of the content")]
    [InlineData("name: \"a\\qb\"\n", "1:7", "双引号中的 '\\' 开始了 YAML 不认识的转义", "a '\\' in double quotes starts an escape")]
    public async Task A_yaml_syntax_error_is_in_the_chosen_language_at_the_same_place(string yaml, string place, string chinese, string english)
    {
        using var site = new TestSite().With("parks/demo/park.yaml", yaml);
        var zh = await Run("zh_CN.UTF-8", "check", site.Content);
        Assert.Equal(EcoSiteCommand.ContentErrors, zh.Exit);
        Assert.Contains($"parks/demo/park.yaml:{place}: error ECO010: YAML 解析失败：{chinese}", zh.Stderr);
        foreach (var word in new[] { "While", "while scanning", "while parsing", "did not find expected", "end of stream", "invalid mapping", "cannot start any token", "document end", "escape character" })
            Assert.DoesNotContain(word, zh.Stderr);
        var en = await Run("C", "check", site.Content);
        Assert.Contains($"parks/demo/park.yaml:{place}: error ECO010: {english}", en.Stderr);
    }

    /// <summary>An error of the file system, as the system reports it while the site is written: our words, both languages.</summary>
    [Fact]
    public async Task A_file_system_error_is_in_the_chosen_language()
    {
        using var site = new TestSite();
        var blocker = Path.Combine(site.Root, "a-file");
        File.WriteAllText(blocker, "");
        var zh = await Run("zh_CN.UTF-8", "build", site.Content, "-o", Path.Combine(blocker, "out"));
        Assert.Equal(EcoSiteCommand.ContentErrors, zh.Exit);
        Assert.Contains("error ECO303: 在输出文件夹旁创建临时文件夹失败（路径上已有同名的文件或文件夹）", zh.Stderr);
        Assert.DoesNotContain("already exists", zh.Stderr);
        var en = await Run("C", "build", site.Content, "-o", Path.Combine(blocker, "out"));
        Assert.Contains("error ECO303: creating the staging folder beside the output failed (a file or folder of that name is in the way)", en.Stderr);
    }

    /// <summary>GitHub annotations follow the language too; their title, the code, and the place do not change.</summary>
    [Fact]
    public async Task Github_annotations_are_in_the_chosen_language()
    {
        using var site = new TestSite().With("parks/demo/park.yaml", "name: a: b\n");
        var zh = await MessageTemplateTests.RunProgram(Path.GetTempPath(), new() { ["LANG"] = "zh_CN.UTF-8", ["GITHUB_ACTIONS"] = "true" }, "check", site.Content);
        Assert.Contains("::error file=parks/demo/park.yaml,line=1,col=8,title=ECO010::YAML 解析失败：这个值中的 ': '", zh.Stderr);
        var en = await MessageTemplateTests.RunProgram(Path.GetTempPath(), new() { ["LANG"] = "C.UTF-8", ["GITHUB_ACTIONS"] = "true" }, "check", site.Content);
        Assert.Contains("::error file=parks/demo/park.yaml,line=1,col=8,title=ECO010::a ': ' (colon and space)", en.Stderr);
    }
}
