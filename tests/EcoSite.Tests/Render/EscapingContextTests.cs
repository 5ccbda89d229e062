using EcoSite.Core.Render;
using Scriban;
using Scriban.Runtime;

namespace EcoSite.Tests.Render;

public sealed class EscapingContextTests
{
    private static string Render(string template, object value)
    {
        var context = new EscapingContext();
        context.PushGlobal(new ScriptObject { ["x"] = value });
        return Template.Parse(template).Render(context);
    }

    [Fact]
    public void Printed_text_is_escaped_and_raw_html_is_not()
    {
        Assert.Equal("<p>&lt;b&gt;</p>", Render("<p>{{ x }}</p>", "<b>"));
        Assert.Equal("<p><b></p>", Render("<p>{{ x }}</p>", new RawHtml("<b>")));
    }

    [Fact]
    public void Multi_line_html_printed_at_an_indent_is_not_reindented()
    {
        // Scriban's auto-indent would add the two spaces to every line, which changes the text of a <pre> block.
        var html = Render("<div>\n  {{ x }}\n</div>", new RawHtml("<pre>line 1\nline 2</pre>"));
        Assert.Equal("<div>\n  <pre>line 1\nline 2</pre>\n</div>", html);
    }
}
