using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using YamlDotNet.Core;

namespace EcoSite.Tests.Content;

/// <summary>
/// YamlDotNet 18.1.0 keeps the location of a syntax error in <see cref="YamlException.Start"/> and
/// <see cref="YamlException.End"/> and out of <see cref="Exception.Message"/> (only <see cref="YamlException.ToString"/>
/// prints "(Line: …) - (Line: …): "). YamlTree prints the location itself and the message as it is: if an upgrade
/// puts the location back into the message, the first test fails here rather than in every ECO010 an editor sees.
/// </summary>
public sealed class YamlLibraryMessageTests
{
    /// <summary>Hostile and broken YAML: every syntax error EcoSite words itself, and others it does not.</summary>
    private static readonly string[] Inputs =
    [
        "a: b: c\n", "a: [1, 2\n", "a: {b: 1\n", "a: {b: 1,, }\n", "a:\n  b: 1\n c: 2\n", "- a\nb: 1\n", "a: 1\n- b\n",
        "a: \"open\n", "a: 'open\n", "a: \"\\q\"\n", "a: @x\n", "a: `x\n", "a: 1\n]\n", "a: 1\n}\n", "%YAML 2.0\n---\na: 1\n",
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "%TAG ! \n---\na: 1\n", "%FOO\n---\n", "a: !<x\n", "a: !x!y z\n", "a: &\n", "a: *\n",
        "? [a\n", "a: |x\n  b\n", "a: >-9\n  b\n", "[a, b]: c: d\n", "{a: 1}}\n", "- - - [\n", "\"a\": \"b\" c\n", "a: b\n  c: d\n",
        new string('k', 2000) + ": 1\n", "a: 1\n--- x\n...\n%\n", "&a &b c\n", "!a !b c\n", "a:\n- b\n  - c\n", "a: \"\\x4\"\n",
        "a: \"\\uD800\"\n", "a: \"\\UFFFFFFFF\"\n", "- \ufeffa\n- b: c: d\n",
    ];

    public static TheoryData<string> Broken() => new(Inputs);

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_syntax_error_of_the_parser_has_its_location_apart_from_its_message(string text)
    {
        var parser = new Parser(new StringReader(text));
        var e = Record.Exception(() => { while (parser.MoveNext()) { } });
        if (e is not YamlException y) return; // parsed, or another exception YamlTree reports in its own words
        Assert.True(y.Start.Line >= 1, $"no location: {y}");
        Assert.DoesNotContain("Line:", y.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", y.Message, StringComparison.Ordinal);
        // The location the check above looks for is the library's own format, which ToString still prints.
        Assert.StartsWith("(Line: ", y.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Most_of_the_broken_inputs_are_syntax_errors_of_the_parser()
    {
        var errors = Inputs.Count(text =>
        {
            var parser = new Parser(new StringReader(text));
            return Record.Exception(() => { while (parser.MoveNext()) { } }) is YamlException;
        });
        Assert.True(errors >= 30, $"only {errors} inputs raise a YamlException: the corpus no longer reaches the parser's errors");
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void ECO010_prints_the_parsers_message_without_a_location_in_it(string text)
    {
        var bag = new DiagnosticBag();
        YamlTree.Parse(text, "parks/demo/park.yaml", bag);
        foreach (var d in bag.ToSortedList())
        {
            Assert.DoesNotContain("Line:", d.Message, StringComparison.Ordinal);
            Assert.True(d.Line >= 1, d.ToString());
        }
    }
}
