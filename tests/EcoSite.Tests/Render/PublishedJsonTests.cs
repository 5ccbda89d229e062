using System.Text.Json;
using EcoSite.Core.Render;

namespace EcoSite.Tests.Render;

/// <summary>
/// Standalone JSON files write each character as itself ("+86", "it's", "ISO 14001+"), escape only what JSON needs,
/// and still never hold markup: &lt; &gt; &amp; are \u escapes (docs/security.md).
/// </summary>
public sealed class PublishedJsonTests
{
    private const string Text = "+86 0512-1234 \"引号\" it's a`b =c \\ 换行\n\t<script>&amp; \u0001 €";

    [Fact]
    public void A_string_is_written_as_itself_but_for_what_json_and_markup_need()
    {
        var json = PublishedJson.Write(w => w.WriteStringValue(Text), indented: false);

        Assert.Equal("\"+86 0512-1234 \\\"引号\\\" it's a`b =c \\\\ 换行\\n\\t\\u003Cscript\\u003E\\u0026amp; \\u0001 €\"\n", json);
        Assert.Equal(Text, JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Every_published_json_file_keeps_plus_and_quotes_and_escapes_markup()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-11-01-iso.md", "---\ntitle: ISO 14001+ 认证 <b>&</b> it's\ndate: 2026-11-01\n---\n正文。\n");
        Assert.True(site.Build().Success);

        var files = Directory.EnumerateFiles(site.Output, "*.json", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("data/platform.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("data/datapackage.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            using var _ = JsonDocument.Parse(text); // still JSON
            foreach (var escape in new[] { "\\u002B", "\\u0027", "\\u0022", "\\u0060", "\\u4E" })
                Assert.False(text.Contains(escape, StringComparison.OrdinalIgnoreCase), $"{file} escapes {escape}");
        }
        var feed = File.ReadAllText(Path.Combine(site.Output, "feed.json"));
        Assert.Contains("\"title\": \"ISO 14001+ 认证 \\u003Cb\\u003E\\u0026\\u003C/b\\u003E it's\"", feed);
        PublishedOutput.AssertSafe(site.Output);
    }
}
