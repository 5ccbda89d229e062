using SearchJson = EcoSite.Core.Search.Json;

namespace EcoSite.Tests.Search;

/// <summary>The search index's JSON strings: every character that must be escaped is, wherever it stands, and a text without one is copied as it is.</summary>
public sealed class JsonStringTests
{
    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain #$%~ 中文", "\"plain #$%~ 中文\"")]
    [InlineData("\"", "\"\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("<script>&", "\"\\u003cscript\\u003e\\u0026\"")]
    [InlineData("x\u2028y\u2029", "\"x\\u2028y\\u2029\"")]
    [InlineData("ab<", "\"ab\\u003c\"")]
    public void Escapes_what_must_be_escaped(string text, string json) => Assert.Equal(json, SearchJson.String(text));

    [Fact]
    public void Keeps_surrogate_pairs_and_replaces_lone_surrogates()
    {
        Assert.Equal("\"\ud83c\udf3f leaf\"", SearchJson.String("\ud83c\udf3f leaf"));
        Assert.Equal("\"lone \ufffd end\"", SearchJson.String("lone \ud83c end"));
        Assert.Equal("\"lone \ufffd\"", SearchJson.String("lone \udf3f"));
        Assert.Equal("\"\ufffd\ufffd\"", SearchJson.String("\udf3f\ud83c"));
        Assert.Equal("\"a\\u003c\ufffd\"", SearchJson.String("a<\ud83c"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("abc")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"a\u0001\"")]
    [InlineData("\"a\\\"")]
    [InlineData("\"a\\x\"")]
    [InlineData("\"a\\u12\"")]
    [InlineData("\"a\\u12zz\"")]
    public void Reads_back_nothing_it_does_not_write(string literal) => Assert.Null(SearchJson.Parse(literal));

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"a\\u003cb\\u003e\"", "a<b>")]
    [InlineData("\"\\\"\\\\\\n\\r\\t\"", "\"\\\n\r\t")]
    [InlineData("\"\\u4e2d文\"", "中文")]
    public void Reads_escapes_wherever_they_stand(string literal, string text) => Assert.Equal(text, SearchJson.Parse(literal));

    [Fact]
    public void A_text_of_nothing_but_escapes_is_written_whole()
    {
        Assert.Equal("\"" + string.Concat(Enumerable.Repeat("\\u003c", 5000)) + "\"", SearchJson.String(new string('<', 5000)));
        Assert.Equal("\"" + string.Concat(Enumerable.Repeat("\\u2028\ufffd\\\"", 3000)) + "\"", SearchJson.String(string.Concat(Enumerable.Repeat("\u2028\udc00\"", 3000))));
    }

    [Fact]
    public void Reads_back_what_it_writes()
    {
        var text = "术语 #!$ \"quoted\" a\\b <tag> & \u2028 \u0007 " + new string('x', 70_000);
        Assert.Equal(text, SearchJson.Parse(SearchJson.String(text)));
    }
}
