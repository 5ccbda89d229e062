using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

public sealed class YamlTreeTests
{
    [Fact]
    public void Positions_are_shifted_by_the_front_matter_offset()
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YMap>(YamlTree.Parse("title: a\ndate: b\n", "x.md", bag, lineOffset: 1));
        Assert.Equal(3, root.Entries[1].Key.Start.Line);
    }

    [Fact]
    public void An_alias_bomb_is_rejected_before_it_is_expanded()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
            lines.Add($"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i - 1), 10))}]");
        var bag = new DiagnosticBag();
        Assert.Null(YamlTree.Parse(string.Join("\n", lines), "x.yaml", bag));
        Assert.Contains(bag.ToSortedList(), d => d.Code == "ECO014");
    }

    [Fact]
    public void Quoted_scalars_are_not_plain()
    {
        var root = Assert.IsType<YMap>(YamlTree.Parse("a: \"yes\"\nb: yes\n", "x.yaml", new DiagnosticBag()));
        Assert.False(((YScalar)root.Entries[0].Value).Plain);
        Assert.True(((YScalar)root.Entries[1].Value).Plain);
    }
}

/// <summary>
/// The node tree <see cref="YamlTree"/> builds (kinds, values, styles, positions, aliases) and the exact diagnostic for
/// each way a file can be refused, with the front matter's line offset applied.
/// </summary>
public sealed class YamlTreeShapeTests
{
    private static (string Tree, string[] Diagnostics) Parse(string yaml, int lineOffset = 2)
    {
        var bag = new DiagnosticBag();
        var node = YamlTree.Parse(yaml, "x.yaml", bag, lineOffset);
        return (Describe(node), bag.ToSortedList().Select(d => d.ToString()).ToArray());
    }

    internal static string Describe(YNode? node) => node switch
    {
        null => "null",
        YScalar s => $"S{s.Start.Line}:{s.Start.Column}[{s.Value}]{(s.Plain ? "p" : "q")}{(s.Block ? "b" : "")}",
        YMap m => $"M{m.Start.Line}:{m.Start.Column}{{{string.Join(",", m.Entries.Select(e => Describe(e.Key) + ":" + Describe(e.Value)))}}}",
        YSeq q => $"Q{q.Start.Line}:{q.Start.Column}[{string.Join(",", q.Items.Select(Describe))}]",
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [InlineData("a: 1\nb: x\t# tab after text\n", "M3:1{S3:1[a]p:S3:4[1]p,S4:1[b]p:S4:4[x]p}")]
    [InlineData("--- \na: 1\n", "M4:1{S4:1[a]p:S4:4[1]p}")]
    [InlineData("%FOO\na: 1\n", "M4:1{S4:1[a]p:S4:4[1]p}")]
    [InlineData("plain\n", "S3:1[plain]p")]
    [InlineData("~\n", "S3:1[~]p")]
    [InlineData("- a\n- b\n", "Q3:1[S3:3[a]p,S4:3[b]p]")]
    [InlineData("", "null")]
    [InlineData("a: ", "M3:1{S3:1[a]p:S3:3[]p}")]
    [InlineData("a: 'q'\n", "M3:1{S3:1[a]p:S3:4[q]q}")]
    [InlineData("a: \"q\"\n", "M3:1{S3:1[a]p:S3:4[q]q}")]
    [InlineData("a: !tag x\n", "M3:1{S3:1[a]p:S3:4[x]q}")]
    [InlineData("!<x> a: 1\n", "M3:1{S3:1[a]q:S3:9[1]p}")]
    [InlineData("a: |\n  x\n", "M3:1{S3:1[a]p:S3:4[x\n]qb}")]
    [InlineData("a: >\n  x\n", "M3:1{S3:1[a]p:S3:4[x\n]qb}")]
    [InlineData("&r a\n", "S3:1[a]p")]
    [InlineData("a: &x 1\nb: *x\n", "M3:1{S3:1[a]p:S3:4[1]p,S4:1[b]p:S3:4[1]p}")]
    [InlineData("a: &m {c: 1}\nb: *m\n", "M3:1{S3:1[a]p:M3:4{S3:8[c]p:S3:11[1]p},S4:1[b]p:M3:4{S3:8[c]p:S3:11[1]p}}")]
    [InlineData("a: &s [1, 2]\nb: *s\n", "M3:1{S3:1[a]p:Q3:4[S3:8[1]p,S3:11[2]p],S4:1[b]p:Q3:4[S3:8[1]p,S3:11[2]p]}")]
    [InlineData("a: &x [1]\nb: &x [2, 3]\nc: *x\n", "M3:1{S3:1[a]p:Q3:4[S3:8[1]p],S4:1[b]p:Q4:4[S4:8[2]p,S4:11[3]p],S5:1[c]p:Q4:4[S4:8[2]p,S4:11[3]p]}")]
    [InlineData("a: &x {}\nb: *x\n", "M3:1{S3:1[a]p:M3:4{},S4:1[b]p:M3:4{}}")]
    [InlineData("a:\n  - {b: [c, d]}\n", "M3:1{S3:1[a]p:Q4:3[M4:5{S4:6[b]p:Q4:9[S4:10[c]p,S4:13[d]p]}]}")]
    public void The_tree_holds_each_value_with_its_style_and_position(string yaml, string tree)
    {
        var (got, diagnostics) = Parse(yaml);
        Assert.Equal(tree, got);
        Assert.Empty(diagnostics);
    }

    private const string Hint = " Check indentation (spaces, not tabs), colons followed by a space, and quotes around text that contains ': ' or starts with a special character.";

    [Theory]
    [InlineData("a: 1\n\tb: 2\n", "x.yaml:4:1: error ECO010: this line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces (two per level).")]
    [InlineData("a: 1\n  \tb: 2\n", "x.yaml:4:1: error ECO010: this line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces (two per level).")]
    [InlineData("\ta: 1\n", "x.yaml:3:1: error ECO010: this line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces (two per level).")]
    [InlineData("title：园区\n", "x.yaml:3:6: error ECO010: '：' (U+FF1A) is a full-width colon; a YAML key needs the ASCII colon ':' followed by a space. Switch the input method to half-width (半角) and type ': '.")]
    [InlineData("a: 1\n---\nb: 2\n", "x.yaml:4:1: error ECO010: the file holds more than one YAML document ('---'); keep one document per file.")]
    [InlineData("a: 1\n...\nb: 2\n", "x.yaml:5:1: error ECO010: the file holds more than one YAML document ('---'); keep one document per file.")]
    [InlineData("a: 1\n---\n", "x.yaml:4:1: error ECO010: the file holds more than one YAML document ('---'); keep one document per file.")]
    [InlineData("a: *nothing\n", "x.yaml:3:4: error ECO010: the alias *nothing names no anchor defined before it.")]
    [InlineData("*r\n", "x.yaml:3:1: error ECO010: the alias *r names no anchor defined before it.")]
    [InlineData("a: \"\\x01\"\n", "x.yaml:3:4: error ECO008: this text holds the invisible character U+0001 (a control character), written as an escape; remove the escape.")]
    [InlineData("a: \"x\\ey\"\n", "x.yaml:3:4: error ECO008: this text holds the invisible character U+001B (escape, which starts terminal colour codes), written as an escape; remove the escape.")]
    [InlineData("? [a]\n: 1\n", "x.yaml:3:3: error ECO010: a key must be plain text, not a list or a map.")]
    [InlineData("? {a: 1}\n: 1\n", "x.yaml:3:3: error ECO010: a key must be plain text, not a list or a map.")]
    [InlineData("a: 1\nb: 2\na: 3\n", "x.yaml:5:1: error ECO015: 'a' is given twice in the same map (first at line 3); keep one.")]
    [InlineData("? a\n? a\n", "x.yaml:4:3: error ECO015: 'a' is given twice in the same map (first at line 3); keep one.")]
    [InlineData("- {a: 1, a: 2}\n", "x.yaml:3:10: error ECO015: 'a' is given twice in the same map (first at line 3); keep one.")]
    [InlineData("a: [1\n", "x.yaml:4:1: error ECO010: a list in brackets '[…]' is not closed: a ',' or ']' is missing." + Hint)]
    [InlineData("a: {b: 1", "x.yaml:4:1: error ECO010: a map in braces '{…}' is not closed: a ',' or '}' is missing." + Hint)]
    [InlineData("a: 'x\n", "x.yaml:3:4: error ECO010: a quoted text is not closed: the file ends before its closing quote." + Hint)]
    [InlineData("a: b: c\n", "x.yaml:3:5: error ECO010: a ': ' (colon and space) inside this value starts a key where none may start." + Hint)]
    [InlineData("a: “b”: c\n", "x.yaml:3:7: error ECO010: a ': ' (colon and space) inside this value starts a key where none may start." + Hint + " The line holds '“' (U+201C), a Chinese quotation mark, which YAML reads as text, not as a quote: quote with ASCII \" or ' instead.")]
    [InlineData("a: “b”: c", "x.yaml:3:7: error ECO010: a ': ' (colon and space) inside this value starts a key where none may start." + Hint + " The line holds '“' (U+201C), a Chinese quotation mark, which YAML reads as text, not as a quote: quote with ASCII \" or ' instead.")]
    [InlineData("a: x\nb: “b”: c\n", "x.yaml:4:7: error ECO010: a ': ' (colon and space) inside this value starts a key where none may start." + Hint + " The line holds '“' (U+201C), a Chinese quotation mark, which YAML reads as text, not as a quote: quote with ASCII \" or ' instead.")]
    [InlineData("a: “x”\nb: c: d\n", "x.yaml:4:5: error ECO010: a ': ' (colon and space) inside this value starts a key where none may start." + Hint)]
    [InlineData("- a\nb: 1\n", "x.yaml:4:1: error ECO010: a list item starting with '- ' was expected here." + Hint)]
    [InlineData("a: @x\n", "x.yaml:3:4: error ECO010: a value may not start with this character (such as '@' or '`'); put the value in quotes." + Hint)]
    [InlineData("a: \"\\q\"\n", "x.yaml:3:4: error ECO010: a '\\' in double quotes starts an escape YAML does not know; write '\\\\' or use single quotes." + Hint)]
    [InlineData("{", "x.yaml:4:1: error ECO010: a value is missing here." + Hint)]
    [InlineData("- [a\n- b\n", "x.yaml:3:1: error ECO010: the YAML after this point cannot be read; check for an unclosed '{', '[' or quote.")]
    public void A_refused_file_gets_one_diagnostic_at_its_place(string yaml, string diagnostic)
    {
        var (tree, diagnostics) = Parse(yaml);
        Assert.Equal("null", tree);
        Assert.Equal([diagnostic], diagnostics);
    }

    [Fact]
    public void Positions_without_an_offset_are_the_files_own()
    {
        Assert.Equal(("M1:1{S1:1[a]p:S1:4[1]p}", (string[])[]), Parse("a: 1\n", 0));
        Assert.Equal(["x.yaml:1:4: error ECO010: a quoted text is not closed: the file ends before its closing quote." + Hint], Parse("a: 'x\n", 0).Diagnostics);
        Assert.Equal(["x.yaml:1:1: error ECO010: the YAML after this point cannot be read; check for an unclosed '{', '[' or quote."], Parse("- [a\n- b\n", 0).Diagnostics);
    }

    [Fact]
    public void Nesting_of_64_levels_is_read_and_65_is_refused_at_the_65th()
    {
        Assert.StartsWith("Q3:1[Q3:2[", Parse(new string('[', 64) + new string(']', 64)).Tree);
        Assert.Equal(["x.yaml:3:65: error ECO014: nesting is deeper than 64 levels; content files are plain data, write the values out without anchors and aliases."],
            Parse(new string('[', 65) + new string(']', 65)).Diagnostics);
        var maps = string.Concat(Enumerable.Repeat("{a: ", 65)) + "1" + new string('}', 65);
        Assert.Equal(["x.yaml:3:257: error ECO014: nesting is deeper than 64 levels; content files are plain data, write the values out without anchors and aliases."],
            Parse(maps).Diagnostics);
        Assert.Empty(Parse(string.Concat(Enumerable.Repeat("{a: ", 64)) + "1" + new string('}', 64)).Diagnostics);
    }

    private static string List(int n) => "[" + string.Join(",", Enumerable.Repeat("1", n)) + "]";

    [Fact]
    public void A_file_of_100000_values_is_read_and_one_more_is_refused_at_it()
    {
        // The map, its key and the list count as values: 3 + n.
        var (tree, ok) = Parse("a: " + List(99_997));
        Assert.Empty(ok);
        Assert.StartsWith("M3:1{S3:1[a]p:Q3:4[S3:5[1]p,", tree);
        Assert.Equal(["x.yaml:3:199999: error ECO014: the file holds more than 100,000 values; content files are plain data, write the values out without anchors and aliases."],
            Parse("a: " + List(99_998)).Diagnostics);
    }

    [Fact]
    public void Aliases_expanding_to_100000_values_are_read_and_one_more_is_refused_at_the_alias()
    {
        // map, a, list (n + 1 with its items), b, the outer list, then the alias: n + 1 more, so 6 + 2n.
        Assert.Empty(Parse("a: &x " + List(49_997) + "\nb: [*x]\n").Diagnostics);
        Assert.Equal(["x.yaml:4:5: error ECO014: aliases expand to more than 100,000 values; content files are plain data, write the values out without anchors and aliases."],
            Parse("a: &x " + List(49_998) + "\nb: [*x]\n").Diagnostics);
        // A map anchor counts its keys and values: 6 + 4n.
        string Map(int n) => "{" + string.Join(", ", Enumerable.Range(0, n).Select(i => $"k{i}: 1")) + "}";
        Assert.Empty(Parse("a: &x " + Map(24_998) + "\nb: [*x]\n").Diagnostics);
        Assert.Equal(["x.yaml:4:5: error ECO014: aliases expand to more than 100,000 values; content files are plain data, write the values out without anchors and aliases."],
            Parse("a: &x " + Map(24_999) + "\nb: [*x]\n").Diagnostics);
    }
}
