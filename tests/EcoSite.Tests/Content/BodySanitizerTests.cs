using AngleSharp.Html.Parser;
using CsCheck;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// Every body passes the sanitizer's allow-lists. Markdig's own output is checked without building a DOM; that check
/// must accept only what the sanitizer would leave unchanged, and send everything else to the sanitizer.
/// </summary>
public sealed class BodySanitizerTests
{
    private static string Sanitize(string html, DiagnosticBag bag)
    {
        using var site = new TestSite();
        var tree = ContentTree.Scan(site.Content, bag);
        return BodySanitizer.Sanitize(html, [], new LinkResolver(tree, "parks/demo/news/x.md", bag), "parks/demo/news/x.md", bag);
    }

    [Theory]
    [InlineData("<p><a href=\"javascript:alert(1)\">a</a></p>")]
    [InlineData("<p><a href=\"java&#x73;cript:alert(1)\">a</a></p>")]
    [InlineData("<p><img src=\"vbscript:x\" alt=\"\" /></p>")]
    [InlineData("<p><a href=\"data:text/html,x\">a</a></p>")]
    public void A_script_url_that_the_markdown_pass_did_not_see_is_removed_and_reported(string html)
    {
        var bag = new DiagnosticBag();
        var result = Sanitize(html, bag);
        Assert.DoesNotContain("script:", result);
        Assert.DoesNotContain("data:", result);
        Assert.Contains(bag.ToSortedList(), d => d.Code == "ECO041");
    }

    [Theory]
    [InlineData("<p><a href=\"javascript:alert(1)\">a</a></p>")]
    [InlineData("<p><a href=\"java&#x73;cript:alert(1)\">a</a></p>")]
    [InlineData("<p><img src=\"x\" onerror=\"alert(1)\" /></p>")]
    [InlineData("<p>a<!-- c --></p>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<td style=\"color: red;\">x</td>")]
    [InlineData("<td style=\"text-align: right; color: red;\">x</td>")]
    [InlineData("<a href='https://example.com'>x</a>")]
    [InlineData("<a href=https://example.com>x</a>")]
    [InlineData("<p title=\"a\"onclick=\"x\">y</p>")]
    [InlineData("<svg><a xlink:href=\"javascript:x\">y</a></svg>")]
    [InlineData("<p")]
    public void The_fast_check_sends_anything_outside_the_allow_lists_to_the_sanitizer(string html) =>
        Assert.False(BodySanitizer.WithinAllowList(html));

    [Theory]
    [InlineData("<p>a &lt;script&gt; b</p>\n")]
    [InlineData("<h2 id=\"x\">T</h2>\n<ul>\n<li><a href=\"eco-lang:parks/a/index.html\" title=\"t\">a</a></li>\n</ul>\n")]
    [InlineData("<table>\n<thead>\n<tr>\n<th style=\"text-align: right;\">a</th>\n</tr>\n</thead>\n</table>\n")]
    [InlineData("<p><a href=\"https://example.com/?a=1&amp;b=2\">x</a> <img src=\"eco-root:parks/a/media/m.png\" alt=\"m\" /></p>\n")]
    public void The_fast_check_accepts_what_markdig_writes(string html) => Assert.True(BodySanitizer.WithinAllowList(html));

    private static readonly string[] Fragments =
    [
        "text", "中文", "**bold**", "*em*", "~~del~~", "`code`", "[a](https://example.com/a)", "[b](javascript:alert(1))", "<https://example.com>",
        "<javascript:alert(1)>", "![i](https://example.com/i.png)", "\n\n", "\n- item\n", "\n1. one\n", "\n> quote\n", "\n## head\n", "\n| a | b |\n|:--|--:|\n| 1 | 2 |\n",
        "\n```js\nalert(1)\n```\n", "&lt;", "&#106;", "<b>raw</b>", "<img src=x onerror=alert(1)>", "[^1]\n\n[^1]: note", "- [ ] task\n", "\"quote\"", "'", "<", ">", "&",
        "[c](<java\tscript:x>)", "[d](\"t\")", "^sup^", "~sub~", "==mark==", "++ins++",
    ];

    [Fact]
    public void Whatever_the_fast_check_accepts_the_sanitizer_leaves_unchanged()
    {
        var parser = new HtmlParser();
        var accepted = 0;
        Gen.Int[0, Fragments.Length - 1].Array[1, 12].Sample(picks =>
        {
            var markdown = string.Concat(picks.Select(p => Fragments[p]));
            var html = Markdig.Markdown.ToHtml(markdown, MarkdownBody.Pipeline);
            if (!BodySanitizer.WithinAllowList(html)) return;
            accepted++;
            var sanitized = Sanitize(html, new DiagnosticBag());
            var before = parser.ParseDocument(html).Body!;
            var after = parser.ParseDocument(sanitized).Body!;
            Assert.True(before.Equals(after) || Normalise(before.InnerHtml) == Normalise(after.InnerHtml),
                $"markdown {System.Text.Json.JsonSerializer.Serialize(markdown)}\nmarkdig:   {html}\nsanitized: {sanitized}");
        }, seed: "0N0XIzNsQ0O2", iter: 400, threads: 1);
        Assert.True(accepted > 100, $"only {accepted} of 400 bodies took the fast path; the property says little");
    }

    /// <summary>The sanitizer re-serialises styles without the final ';'; that is the only change it may make.</summary>
    private static string Normalise(string html) => html.Replace(";\"", "\"", StringComparison.Ordinal);
}
