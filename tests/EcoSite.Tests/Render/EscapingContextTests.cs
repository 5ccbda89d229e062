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

    [Fact]
    public void A_template_calls_builtins_of_every_module_as_before()
    {
        // The builtins are made module by module when first named (LazyBuiltins); a theme may call any of them. The
        // expected text is what Scriban's BuiltinFunctions gives (blank is not equal to "" there either).
        const string template =
            "{{ x | string.upcase }}|{{ [3, 1, 2] | array.sort | array.join \",\" }}|{{ 7 | math.times 6 }}|" +
            "{{ date.parse \"2026-12-03\" | date.to_string \"%Y/%m/%d\" }}|{{ x | html.strip }}|" +
            "{{ x | regex.replace \"[aeiou]\" \"_\" }}|{{ {a: 1} | object.size }}|{{ (timespan.from_hours 2).total_minutes }}|" +
            "{{ [] == empty }}|{{ \"\" == blank }}|{{ x | object.typeof }}";
        Assert.Equal("&lt;B&gt;PARK&lt;/B&gt;|1,2,3|42|2026/12/03|park|&lt;b&gt;p_rk&lt;/b&gt;|1|120|true|false|string", Render(template, "<b>park</b>"));
    }

    [Fact]
    public void The_builtins_are_those_of_scriban_with_the_same_names_types_and_read_only_members()
    {
        var lazy = new LazyBuiltins();
        var whole = new Scriban.Functions.BuiltinFunctions();
        Assert.Equal(whole.Keys.Order(StringComparer.Ordinal), LazyBuiltins.Modules.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in whole)
        {
            Assert.True(lazy.Contains(name), name);
            Assert.True(lazy.TryGetValue(null, default, name, out var made), name);
            Assert.Equal(value!.GetType(), made!.GetType());
            Assert.Equal(whole.CanWrite(name), lazy.CanWrite(name));
        }
        Assert.False(lazy.Contains("no_such_module"));
        Assert.True(lazy.IsReadOnly);
    }

    [Fact]
    public void A_variable_named_as_a_builtin_hides_it_on_its_page_only()
    {
        // As with Scriban's own builtins: the assignment goes to the page's globals, the shared module stays.
        Assert.Equal("1", Render("{{ string = 1 }}{{ string }}", ""));
        Assert.Equal("AB", Render("{{ x | string.upcase }}", "ab"));
    }
}
