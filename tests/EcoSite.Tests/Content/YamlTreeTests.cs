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
