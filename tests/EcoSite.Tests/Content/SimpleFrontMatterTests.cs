using System.Text;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// The quick reader of a light load's front matter (<see cref="SimpleFrontMatter"/>) gives exactly what Markdig and
/// YamlDotNet give, or nothing: same node tree and positions, same body start, same loaded article and diagnostics.
/// </summary>
public sealed class SimpleFrontMatterTests
{
    /// <summary>Files as written (before decoding: BOM and CRLF included), and whether the quick reader must take them.</summary>
    public static TheoryData<string, bool> Files => new()
    {
        { "---\ntitle: \"Park work update no. 1\"\ndate: 2026-01-01\n---\n\nBody text.\n", true },
        { "---\ntitle: \"园区工作动态第1期\"\ndate: 2026-01-01\n---\n\n正文。\n", true },
        { "---\ntitle: 园区工作动态第1期\ndate: 2026-03-02\nkind: notice\n---\n正文。\n", true },
        { "---\ntitle: 'single quoted: with colon # and hash'\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle: \"double: quoted # hash, 【全角】（括号）\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle: \"[brackets] {braces}\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\nsummary: \"{zh：甲，en: b}\"\n---\nx\n", false },
        { "---\ntitle: \"全角　空格\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle:    \"many spaces before\"\ndate:  2026-01-01\n---\nx\n", true },
        { "---\ntitle: plain with  two spaces (and brackets) a/b+c\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\n---", true },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\n---\n", true },
        { "---\ntitle: \"a\"\nunknown_field: 3\ndate: 2026-13-45\n---\nbody\n", true },
        { "---\ntitle: \"请填写标题\"\ndate: 2026-01-01\n---\n正文从这里开始。\n", true },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\nsummary: \"摘要，带全角逗号\"\n---\nx\n", true },
        { "\uFEFF---\ntitle: \"BOM first\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\r\ntitle: \"CRLF\"\r\ndate: 2026-01-01\r\n---\r\nbody\r\n", true },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\n---\n---\nnot front matter\n---\n", true },
        { "---\ntitle: \"a\" # comment\ndate: 2026-01-01\n---\nx\n", false },
        { "---\n# comment line\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\n\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"multi\n  line\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: >\n  folded\n  text\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: |\n  literal\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"esc \\\" aped\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: 'it''s'\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\n\tdate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle:\t\"tab\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"tab\tinside\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle：\"full-width colon\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: 全角：冒号，逗号\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\nattachments:\n  - media/a.pdf\n---\nx\n", false },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\nattachments: [media/a.pdf]\n---\nx\n", false },
        { "---\ntitle: {zh: 标题, en: Title}\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\ntitle: \"b\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\n...\nx\n", false },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\n---  \nx\n", false },
        { "---\ntitle: \"a\" \ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: trailing space \ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle:\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\n", false },
        { "---\n---\nx\n", false },
        { "--- \ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "title: \"a\"\ndate: 2026-01-01\n", false },
        { "---\ntitle: *alias\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: &anchor a\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: !tag a\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: -5\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: a: b\ndate: 2026-01-01\n---\nx\n", false },
        { "---\nTitle: \"capital key\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"emoji 🌱\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"line\u2028separator\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"paragraph\u2029separator\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"byte order\uFEFFmark\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\n  title: \"indented\"\n  date: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\ndate: 2026-01-01\nbenefits:\n  energy_saved_tce: 5\n---\nx\n", false },
        // The edges of each rule: a first line other than '---', a one-letter key, keys from 'a' to 'z' holding '0' and
        // '9', a key with a character outside a-z, 0-9 and '_', a value of only spaces, a lone or empty quote, '~'.
        { "+++\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "--\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\na: 1\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\nabc: 1\nzed: 2\nk0z9_: 3\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\nkey-x: 1\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\n9key: 1\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\n_key: 1\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle:   \ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"\ndate: 2026-01-01\n---\nx\n", false },
        { "---\ntitle: \"a\"\nsummary: \"\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle: \"a~b\"\ndate: 2026-01-01\n---\nx\n", true },
        { "---\ntitle: \"a\u00A0b\"\ndate: 2026-01-01\n---\nx\n", true },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_quick_reader_gives_the_full_parse_tree_or_nothing(string file, bool quick)
    {
        var text = SourceText.Decode(Encoding.UTF8.GetBytes(file), "x.md", new DiagnosticBag())!;
        var simple = SimpleFrontMatter.TryRead(text);
        Assert.Equal(quick, simple is not null);
        if (simple is not { } got) return;

        var bag = new DiagnosticBag();
        var parsed = MarkdownBody.Parse(text, "x.md", bag)!;
        var full = YamlTree.Parse(parsed.FrontMatter!, "x.md", bag, parsed.FrontMatterLineOffset);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(Describe(full), Describe(got.Map));
        Assert.Equal(parsed.BodyStart, got.BodyStart);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_light_load_gives_the_same_article_and_diagnostics_with_or_without_it(string file, bool quick)
    {
        _ = quick;
        using var site = new TestSite().WithBytes("parks/demo/news/2026-01-01-a.md", Encoding.UTF8.GetBytes(file));
        Assert.Equal(Load(site, off: true), Load(site, off: false));
    }

    [Fact]
    public void The_comparison_sees_a_difference_in_what_is_loaded()
    {
        // The light load's comparison above would fail if the quick reader read a value differently.
        using var a = new TestSite().With("parks/demo/news/2026-01-01-a.md", "---\ntitle: \"a\"\ndate: 2026-01-01\n---\nx\n");
        using var b = new TestSite().With("parks/demo/news/2026-01-01-a.md", "---\ntitle: 'a'\ndate: 2026-01-02\n---\nx\n");
        Assert.NotEqual(Load(a, off: false), Load(b, off: false));
    }

    private static string Load(TestSite site, bool off)
    {
        SimpleFrontMatter.OffForTests.Value = off;
        try
        {
            var bag = new DiagnosticBag();
            var tree = ContentTree.Scan(site.Content, bag);
            var config = SiteConfigLoader.Load(tree, new BuildClock(null, () => DateTimeOffset.UnixEpoch), bag)!;
            var loaded = ContentLoader.Load(tree, config, bag, light: _ => true);
            var articles = loaded.Site.Parks.SelectMany(p => p.News).SelectMany(a => a.Versions)
                .Select(v => $"{v.Lang}|{v.File}|{v.Title}|{v.Date}|{v.Kind}|{v.Summary}|{v.PlaceholderInBody}|{v.Attachments.Count}|{v.Record}|{v.Case}");
            var diagnostics = bag.ToSortedList().Select(d => d.ToString());
            return string.Join("\n", articles.Concat(diagnostics));
        }
        finally
        {
            SimpleFrontMatter.OffForTests.Value = false;
        }
    }

    private static string Describe(YNode? node) => node switch
    {
        null => "null",
        YScalar s => $"S{s.Start}[{s.Value}]{(s.Plain ? "p" : "q")}{(s.Block ? "b" : "")}",
        YMap m => $"M{m.Start}{{{string.Join(",", m.Entries.Select(e => Describe(e.Key) + ":" + Describe(e.Value)))}}}",
        YSeq q => $"Q{q.Start}[{string.Join(",", q.Items.Select(Describe))}]",
        _ => node.ToString()!,
    };
}
