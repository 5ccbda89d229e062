using System.Text.RegularExpressions;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Render;

/// <summary>
/// Typography and language on the published pages (issue 13 item 7): full-width punctuation and written dates on
/// Chinese pages, distinct column headers, Chinese dataset descriptions, untranslated blocks marked, excerpts that
/// skip a notice's salutation, and park level and status in words.
/// </summary>
public sealed partial class ChineseTypographyTests : IClassFixture<ChineseTypographyTests.SampleBuild>
{
    private readonly SampleBuild _sample;

    public ChineseTypographyTests(SampleBuild sample) => _sample = sample;

    /// <summary>The sample site, built once for the tests of this class.</summary>
    public sealed class SampleBuild : IDisposable
    {
        public SampleBuild()
        {
            Output = Path.Combine(Path.GetTempPath(), "ecosite-typography-" + Guid.NewGuid().ToString("N"));
            var result = SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, Output, new BuildClock(null, () => DateTimeOffset.UnixEpoch)));
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        }

        public string Output { get; }

        public string Read(string rel) => File.ReadAllText(Path.Combine(Output, rel));

        /// <summary>Every Chinese page: the default language is zh, so every page outside en/.</summary>
        public IEnumerable<string> ChinesePages() => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Where(rel => !rel.StartsWith("en/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        public void Dispose()
        {
            if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
        }
    }

    [GeneratedRegex("<(script|style)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(">([^<]+)<")]
    private static partial Regex TextNode();

    // A half-width colon or opening parenthesis right after a CJK character, or after a space that follows one.
    [GeneratedRegex("[\\u3400-\\u9fff][:(]|[\\u3400-\\u9fff] \\(|[\\u3400-\\u9fff]\\S{0,12} \\([\\u3400-\\u9fff]")]
    private static partial Regex HalfWidthAfterCjk();

    [GeneratedRegex("\\b\\d{4}-\\d{2}-\\d{2}\\b")]
    private static partial Regex IsoDate();

    /// <summary>The text nodes of a page (HTML and inline SVG), entities decoded; script and style left out.</summary>
    private static IEnumerable<string> Texts(string html) =>
        TextNode().Matches(ScriptOrStyle().Replace(html, "")).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    [Fact]
    public void No_Chinese_page_has_a_half_width_colon_or_parenthesis_after_a_Chinese_character()
    {
        var hits = _sample.ChinesePages()
            .SelectMany(rel => Texts(_sample.Read(rel)).SelectMany(t => HalfWidthAfterCjk().Matches(t)
                .Select(m => $"{rel}: …{t.Substring(Math.Max(0, m.Index - 10), Math.Min(t.Length - Math.Max(0, m.Index - 10), m.Length + 20))}…")))
            .ToList();
        Assert.True(hits.Count == 0, $"{hits.Count} half-width marks on Chinese pages:\n" + string.Join("\n", hits.Take(30)));
    }

    [Fact]
    public void No_Chinese_page_shows_an_ISO_date_in_its_text()
    {
        var hits = _sample.ChinesePages()
            // A printed page's address (the print header) may hold a news file's date in its slug: a URL is not a date.
            .SelectMany(rel => Texts(_sample.Read(rel)).Where(t => IsoDate().IsMatch(Regex.Replace(t, @"https?://\S+", ""))).Select(t => $"{rel}: {t.Trim()}"))
            .ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(30)));
    }

    [Fact]
    public void English_pages_keep_latin_punctuation_from_the_same_templates()
    {
        var page = _sample.Read("en/parks/qinghe/indicators/index.html");
        Assert.Contains("Key: ", page);
        Assert.DoesNotContain("：", string.Concat(Texts(page).Where(t => !Regex.IsMatch(t, "[\\u3400-\\u9fff]"))));
        Assert.Contains("图例：", _sample.Read("parks/qinghe/indicators/index.html"));
    }

    [GeneratedRegex("<thead>(.*?)</thead>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex("<th[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderCell();

    [Fact]
    public void No_table_has_two_columns_with_the_same_header()
    {
        var pages = Directory.EnumerateFiles(_sample.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.Contains(pages, p => p.Contains("polluters", StringComparison.Ordinal) && Head().IsMatch(File.ReadAllText(p)));
        foreach (var file in pages)
            foreach (Match head in Head().Matches(File.ReadAllText(file)))
            {
                var headers = HeaderCell().Matches(head.Groups[1].Value).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
                var repeated = headers.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(repeated.Count == 0, $"{Path.GetRelativePath(_sample.Output, file)}: column headers repeated: {string.Join(", ", repeated)}");
            }
    }

    [Fact]
    public void The_Chinese_open_data_page_describes_each_dataset_in_Chinese()
    {
        var zh = _sample.Read("data/index.html");
        Assert.DoesNotContain("Yearly flows of waste", zh);
        Assert.DoesNotContain("Indicator values reported", zh);
        Assert.Contains("园区企业之间以及与园区外单位之间逐年的废物和副产品流向。", zh);
        Assert.Contains("Yearly flows of waste and by-products", _sample.Read("en/data/index.html"));
    }

    [Fact]
    public void An_English_polluter_page_marks_Chinese_other_information_with_its_lang_and_a_note()
    {
        // qh-power's 'other' is Chinese only; qh-steel's has an English text.
        var power = _sample.Read("en/parks/qinghe/polluters/qh-power.html");
        var other = power[power.IndexOf("id=\"other-heading\"", StringComparison.Ordinal)..];
        Assert.Matches("""<p class="fallback-note" role="note">[^<]*no English translation[^<]*</p>\s*<div class="body" lang="zh-CN">""", other);
        var steel = _sample.Read("en/parks/qinghe/polluters/qh-steel.html");
        var steelOther = steel[steel.IndexOf("id=\"other-heading\"", StringComparison.Ordinal)..];
        Assert.Contains("<div class=\"body\" lang=\"en\">", steelOther);
        Assert.Contains("continuous emission monitors", steelOther);
        Assert.DoesNotContain("fallback-note", steelOther);
        var zh = _sample.Read("parks/qinghe/polluters/qh-power.html");
        Assert.Contains("<div class=\"body\" lang=\"zh-CN\">", zh);
    }

    [Theory]
    [InlineData("园区各有关企业：", true)]
    [InlineData("Dear colleagues:", true)]
    [InlineData("各位代表：", true)]
    [InlineData("前三季度园区主要共生物料流动情况如下：本季度共有十二家企业参与了园区内部的废物交换，交换总量比上年同期增长百分之十五：", false)]
    [InlineData("园区各有关企业", false)]
    [InlineData("：", false)]
    public void A_salutation_is_a_short_paragraph_ending_in_a_colon(string paragraph, bool expected) =>
        Assert.Equal(expected, MarkdownBody.IsSalutation(paragraph));

    [Fact]
    public void A_notice_takes_its_excerpt_from_the_paragraph_after_its_salutation()
    {
        using var site = new TestSite().With("parks/demo/news/notice.md", """
            ---
            title: 关于报送数据的通知
            date: 2026-03-15
            kind: notice
            ---
            园区各有关企业：

            请于4月30日前报送2025年度废物产生和利用数据。

            特此通知。
            """);
        Assert.True(site.Build().Success);
        var list = site.Read("parks/demo/news/index.html");
        Assert.Contains("请于4月30日前报送2025年度废物产生和利用数据。", list);
        Assert.DoesNotContain("园区各有关企业", list);
    }

    /// <summary>
    /// content-format.md section 6: level is national | provincial | other, status named (已命名) | approved (批准建设) |
    /// other. "other" is said as what it is, without "或" that could read "non-national, or provincial", and without
    /// "尚未" (not yet), which the format does not imply.
    /// </summary>
    [Fact]
    public void Park_level_and_status_other_are_said_in_words_not_as_other()
    {
        var lanshan = _sample.Read("parks/lanshan/index.html");
        Assert.Contains("<dd>非国家级、非省级</dd>", lanshan);
        Assert.Contains("<dd>未获批准建设或命名</dd>", lanshan);
        var en = _sample.Read("en/parks/lanshan/index.html");
        Assert.Contains("<dd>Neither national nor provincial</dd>", en);
        Assert.Contains("<dd>Neither approved for construction nor named</dd>", en);
        Assert.DoesNotContain("<dd>其他</dd>", lanshan);
        Assert.Contains("<dd>国家级</dd>", _sample.Read("parks/qinghe/index.html"));
    }
}
