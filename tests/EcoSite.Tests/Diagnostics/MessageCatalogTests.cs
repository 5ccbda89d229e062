using System.Reflection;
using System.Text.RegularExpressions;
using EcoSite.Cli;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Tests.Diagnostics;

/// <summary>Diagnostics speak Chinese and English from resources: every code in both, templates that agree, the same codes and places in either language.</summary>
public sealed partial class MessageCatalogTests
{
    private static IEnumerable<DiagnosticCode> AllCodes() =>
        typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)).OfType<DiagnosticCode>();

    [Fact]
    public void Every_code_has_a_title_in_every_language()
    {
        foreach (var code in AllCodes())
            foreach (var lang in MessageCatalog.Languages)
                Assert.False(string.IsNullOrWhiteSpace(MessageCatalog.Text(lang, code.Id)), $"{code.Id} has no {lang} title in Messages{(lang == "zh" ? "Zh" : "En")}.resx");
        // The English title is the one Codes gives (docs/diagnostics.md lists it).
        foreach (var code in AllCodes()) Assert.Equal(code.Title, MessageCatalog.Text("en", code.Id));
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Value();

    [Fact]
    public void Every_key_is_in_both_languages_and_a_translation_uses_only_values_its_english_template_has()
    {
        Assert.Equal(MessageCatalog.Keys("en").Order(), MessageCatalog.Keys("zh").Order());
        foreach (var key in MessageCatalog.Keys("en"))
        {
            var en = Value().Matches(MessageCatalog.Text("en", key)!).Select(m => m.Value).ToHashSet();
            var zh = Value().Matches(MessageCatalog.Text("zh", key)!).Select(m => m.Value).ToHashSet();
            Assert.True(zh.IsSubsetOf(en), $"{key}: the Chinese text uses {string.Join(",", zh.Except(en))}, which the English has not");
            if (key.StartsWith("ECO", StringComparison.Ordinal) && key.Contains('.')) Assert.Contains(AllCodes(), c => key.StartsWith(c.Id + ".", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_message_is_given_in_chinese_with_the_same_values()
    {
        var d = new Diagnostic("ECO020", Severity.Error, "parks/demo/news/a.md", 3, 7, "'date' is '2026/3/2', which is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.");
        Assert.Equal("'date' 的值 '2026/3/2' 不是日期；请写成 YYYY-MM-DD，例如 2026-03-02。", MessageCatalog.Message(d, "zh"));
        Assert.Equal(d.Message, MessageCatalog.Message(d, "en"));
        Assert.StartsWith("parks/demo/news/a.md:3:7: error ECO020: ", MessageCatalog.Line(d, "zh"));
        var hint = new Diagnostic("ECO022", Severity.Error, "site.yaml", 1, 1, "'eng' is not a language of this site (zh, en). Did you mean 'en'?");
        Assert.Equal("'eng' 不是本网站的语言（zh, en）。是不是 'en'？", MessageCatalog.Message(hint, "zh"));
        // A message without a template is shown after the code's title in the chosen language.
        var other = new Diagnostic("ECO023", Severity.Error, "x", 0, 0, "something else");
        Assert.Equal("标识或文件名重复：something else", MessageCatalog.Message(other, "zh"));
    }

    [Fact]
    public async Task Check_speaks_the_chosen_language_with_the_same_codes_and_places()
    {
        using var site = new TestSite()
            .With("parks/demo/news/a.md", "---\ntitle: 动态\ndate: 2026-02-30\n---\n正文。\n")
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-co\n    name: {zh: 某某公司}\n");
        async Task<string> Run(string lang)
        {
            var stderr = new StringWriter();
            await EcoSiteCommand.RunAsync(["check", site.Content, "--lang", lang], new StringWriter(), stderr);
            return stderr.ToString();
        }
        var zh = (await Run("zh")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var en = (await Run("en")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(en.Length, zh.Length);
        Assert.Equal(en.Select(l => l[..l.IndexOf(": ", l.IndexOf("ECO", StringComparison.Ordinal), StringComparison.Ordinal)]),
            zh.Select(l => l[..l.IndexOf(": ", l.IndexOf("ECO", StringComparison.Ordinal), StringComparison.Ordinal)]));
        Assert.Contains(zh, l => l.StartsWith("parks/demo/news/a.md:3:7: error ECO020: 'date' 的值 '2026-02-30' 是不存在的日期", StringComparison.Ordinal));
        Assert.Contains(zh, l => l.Contains("ECO028: 'name' 没有 'en' 文字", StringComparison.Ordinal));
        Assert.Contains(en, l => l.Contains("ECO020: 'date' is '2026-02-30', a day that does not exist", StringComparison.Ordinal));

        var json = new StringWriter();
        await EcoSiteCommand.RunAsync(["check", site.Content, "--format", "json", "--lang", "zh"], json, new StringWriter());
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.Equal("zh", doc.RootElement.GetProperty("lang").GetString());
        var first = doc.RootElement.GetProperty("diagnostics").EnumerateArray().First(e => e.GetProperty("code").GetString() == "ECO020");
        Assert.Contains("a day that does not exist", first.GetProperty("message").GetString());
        Assert.Contains("是不存在的日期", first.GetProperty("message_localized").GetString());
    }

    [Theory]
    [InlineData(null, null, "zh_CN.UTF-8", "zh")]
    [InlineData(null, null, "C", "en")]
    [InlineData(null, "zh", "C", "zh")]
    [InlineData("en", "zh", "zh_CN.UTF-8", "en")]
    [InlineData(null, "fr", "zh_TW.UTF-8", "zh")]
    public void The_language_comes_from_the_option_then_ECOSITE_LANG_then_the_system(string? option, string? ecositeLang, string lang, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ECOSITE_LANG"] = ecositeLang, ["LANG"] = lang };
        Assert.Equal(expected, UiLanguage.Resolve(option, name => environment.GetValueOrDefault(name)));
    }
}
