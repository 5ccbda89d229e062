using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using EcoSite.Cli;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Tests.Diagnostics;

/// <summary>
/// Every message a code writes has its template in both languages: a code without one, a template shadowed by another,
/// or a message of the invalid corpus that falls back to the code's title fails here. The language of a real run
/// comes from LANG when neither --lang nor ECOSITE_LANG is given.
/// </summary>
public sealed class MessageTemplateTests
{
    private static IEnumerable<DiagnosticCode> AllCodes() =>
        typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)).OfType<DiagnosticCode>();

    /// <summary>A Chinese message given as "title：English text" had no template (MessageCatalog's fallback).</summary>
    internal static bool FellBack(Diagnostic d) =>
        MessageCatalog.Message(d, MessageCatalog.Chinese).StartsWith(MessageCatalog.Title(d.Code, MessageCatalog.Chinese) + "：", StringComparison.Ordinal);

    [Fact]
    public void Every_code_has_a_message_template_in_every_language()
    {
        foreach (var code in AllCodes())
            foreach (var lang in MessageCatalog.Languages)
                Assert.True(MessageCatalog.Keys(lang).Any(k => k.StartsWith(code.Id + ".", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(MessageCatalog.Text(lang, k))),
                    $"{code.Id} has no message template ({code.Id}.name) in Messages{(lang == MessageCatalog.Chinese ? "Zh" : "En")}.resx");
    }

    [Theory]
    [InlineData("writing the site")]
    [InlineData("writing the export")]
    [InlineData("writing the merged site")]
    [InlineData("creating the staging folder beside the output")]
    [InlineData("listing the previous output")]
    [InlineData("replacing the output folder")]
    [InlineData("updating the output folder")]
    [InlineData("looking at the output folder")]
    [InlineData("cleaning up after an interrupted build")]
    public void Every_file_system_activity_is_worded_in_chinese(string doing)
    {
        var d = EcoSite.Core.Output.SiteWriter.Failed("_site", new IOException("No space left on device"), doing);
        var zh = MessageCatalog.Message(d, MessageCatalog.Chinese);
        Assert.False(FellBack(d), zh);
        Assert.DoesNotContain(doing, zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_gives_its_own_translation_with_the_same_values()
    {
        var keys = MessageCatalog.Keys(MessageCatalog.English).Where(k => k.StartsWith("ECO", StringComparison.Ordinal) && k.Contains('.', StringComparison.Ordinal)).ToList();
        foreach (var key in keys)
        {
            var code = key[..key.IndexOf('.', StringComparison.Ordinal)];
            var values = Enumerable.Range(0, 6).Select(n => (object)$"v{n}x").ToArray();
            var english = string.Format(CultureInfo.InvariantCulture, MessageCatalog.Text("en", key)!, values);
            var d = new Diagnostic(code, Severity.Error, "parks/demo/park.yaml", 2, 3, english);
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, MessageCatalog.Text("zh", key)!, values), MessageCatalog.Message(d, "zh"));
            Assert.Equal(english, MessageCatalog.Message(d, "en"));
        }
        // What 'ecosite new' answers, the same way.
        foreach (var key in MessageCatalog.Keys(MessageCatalog.English).Where(k => k.StartsWith("new.", StringComparison.Ordinal)))
        {
            var values = Enumerable.Range(0, 6).Select(n => (object)$"v{n}x").ToArray();
            var english = string.Format(CultureInfo.InvariantCulture, MessageCatalog.Text("en", key)!, values);
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, MessageCatalog.Text("zh", key)!, values), MessageCatalog.Translate("new", english, "zh"));
        }
        Assert.True(keys.Count > 150);
    }

    [Fact]
    public void Phrases_inside_a_message_are_given_in_chinese_too()
    {
        var d = new Diagnostic("ECO011", Severity.Error, "parks/demo/park.yaml", 2, 7, "'name' must be text, not a map.");
        Assert.Equal("'name' 必须是文字，而不是映射。", MessageCatalog.Message(d, "zh"));
        var failed = new Diagnostic("ECO303", Severity.Error, "_site", 0, 0,
            "writing the site failed at _site/a.html (Disk full); the previous output is unchanged. Check that the disk has space, that you may write to '/tmp', and that the path is not too long.");
        Assert.Equal("写入网站失败，位置：_site/a.html（Disk full）；之前的输出保持不变。请检查磁盘空间是否足够、是否有权写入 '/tmp'，以及路径是否过长。", MessageCatalog.Message(failed, "zh"));
    }

    public static TheoryData<string> Fixtures() => new(EndToEnd.InvalidFixtureTests.FixtureNames());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_message_of_the_invalid_corpus_has_its_chinese_template(string name)
    {
        using var site = new TestSite(minimal: false);
        EndToEnd.InvalidFixtureTests.Compose(name, site.Content);
        var untranslated = site.Check().Diagnostics.Where(FellBack).ToList();
        Assert.True(untranslated.Count == 0, "no template for:\n" + string.Join("\n", untranslated));
    }

    /// <summary>The done-when of issue 14 item 1, as an editor runs it: the real program, language from LANG alone.</summary>
    [Theory]
    [InlineData("zh_CN.UTF-8", "'date' 的值 '2026-02-30' 是不存在的日期")]
    [InlineData("C", "'date' is '2026-02-30', a day that does not exist")]
    public async Task Check_takes_its_language_from_LANG_with_the_same_codes_and_places(string lang, string expected)
    {
        using var site = new TestSite().With("parks/demo/news/a.md", "---\ntitle: 动态\ndate: 2026-02-30\n---\n正文。\n");
        var run = await RunProgram(site.Root, new() { ["LANG"] = lang }, "check", site.Content);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"parks/demo/news/a.md:3:7: error ECO020: {expected}", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the built ecosite program with no language variables but <paramref name="environment"/>'s.</summary>
    internal static async Task<(int Exit, string Stdout, string Stderr)> RunProgram(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "ecosite.dll") }.Concat(args)) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "ECOSITE_LANG", "LC_ALL", "LC_MESSAGES", "LANG" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, stderr);
    }
}
