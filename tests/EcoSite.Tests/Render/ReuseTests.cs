using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Render;
using Scriban;
using Scriban.Runtime;

namespace EcoSite.Tests.Render;

/// <summary>Per-thread reuse of Scriban contexts and Markdig renderers must not carry anything from one page to the next.</summary>
public sealed class ReuseTests
{
    private const string Rich = """
        # 标题

        正文[^1]，含**强调**。

        - [x] 已完成
        - [ ] 未完成

        | 指标 | 2025 |
        |---|---|
        | 水 | 12 |

        > 引用

        [^1]: 脚注。
        """;

    private const string Plain = "第二篇。\n\n## 小节\n\n一段文字。\n";

    private static string Html(string markdown)
    {
        using var site = new TestSite();
        var diagnostics = new DiagnosticBag();
        var tree = ContentTree.Scan(site.Content, diagnostics);
        var doc = MarkdownBody.Parse(markdown, "x.md", new EcoSite.Core.Diagnostics.DiagnosticBag())!.Document;
        return MarkdownBody.Render(doc, new LinkResolver(tree, "parks/demo/news/a.md", diagnostics), "parks/demo/news/a.md", "zh", diagnostics).Html;
    }

    private static string OnFreshThread(Func<string> f)
    {
        string? result = null;
        var t = new Thread(() => result = f());
        t.Start();
        t.Join();
        return result!;
    }

    [Fact]
    public void A_reused_markdown_renderer_renders_like_a_new_one()
    {
        var plainAlone = OnFreshThread(() => Html(Plain));
        var richAlone = OnFreshThread(() => Html(Rich));

        var (rich, plain, richAgain) = (Html(Rich), Html(Plain), Html(Rich));

        Assert.Equal(richAlone, rich);
        Assert.Equal(plainAlone, plain);
        Assert.Equal(richAlone, richAgain);
        Assert.DoesNotContain("footnote", plain); // nothing of the previous document leaks into the next
    }

    [Fact]
    public void A_returned_context_is_reused_on_its_thread_and_keeps_no_globals()
    {
        OnFreshThread(() =>
        {
            var template = Template.Parse("{{ name }}");
            var first = EscapingContext.Rent();
            first.PushGlobal(new ScriptObject { ["name"] = "<a>" });
            Assert.Equal("&lt;a&gt;", template.Render(first));
            first.PopGlobal();
            EscapingContext.Return(first);

            var second = EscapingContext.Rent();
            Assert.Same(first, second);
            second.PushGlobal(new ScriptObject());
            Assert.Equal("", template.Render(second)); // the previous page's 'name' is gone
            return "";
        });
    }

    [Fact]
    public void A_context_left_with_globals_pushed_is_not_reused()
    {
        OnFreshThread(() =>
        {
            var broken = EscapingContext.Rent();
            broken.PushGlobal(new ScriptObject { ["name"] = "x" }); // as if a template threw before PopGlobal
            EscapingContext.Return(broken);
            Assert.NotSame(broken, EscapingContext.Rent());
            return "";
        });
    }

    [Fact]
    public void A_context_whose_output_grew_past_the_kept_size_is_not_reused()
    {
        OnFreshThread(() =>
        {
            // A page as large as the site's search page: Scriban empties the output but keeps its size allocated.
            var large = EscapingContext.Rent();
            large.PushGlobal(new ScriptObject { ["x"] = new string('a', EscapingContext.KeptOutputChars + 1) });
            Assert.Equal(EscapingContext.KeptOutputChars + 1, Template.Parse("{{ x }}").Render(large).Length);
            large.PopGlobal();
            EscapingContext.Return(large);
            Assert.NotSame(large, EscapingContext.Rent());
            return "";
        });
    }
}
