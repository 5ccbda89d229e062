using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Scaffold;

namespace EcoSite.Tests.Cli;

/// <summary>
/// The Order 24 groups in the polluter scaffold: commented out, the file checks as before; uncommented as written,
/// every group is read without an error and each text still to replace is warned as a placeholder (ECO027).
/// </summary>
public sealed class Order24ScaffoldTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private const string Rel = "parks/qinghe/polluters/qh-power.yaml";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-order24-" + Guid.NewGuid().ToString("N"));

    private string Content => Path.Combine(_root, "content");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private BuildResult Check() =>
        SiteBuilder.Check(new BuildOptions(Content, "", new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero))));

    private string Scaffold()
    {
        var s = new Scaffolder(Content, Today);
        Assert.True(s.Site("qinghe").Ok);
        Assert.True(s.Polluter("qinghe", "qh-power").Ok);
        return Path.Combine(Content, Rel);
    }

    [Fact]
    public void The_scaffold_with_its_Order_24_groups_commented_out_checks_without_an_error()
    {
        var path = Scaffold();
        Assert.Contains("# environmental_tax:", File.ReadAllText(path));
        var result = Check();
        Assert.Equal(0, result.Errors);
        Assert.DoesNotContain(result.Diagnostics, d => d.File == Rel && d.Code != "ECO027");
    }

    [Fact]
    public void Uncommented_as_written_every_group_reads_and_each_text_to_replace_is_warned()
    {
        var path = Scaffold();
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.StartsWith("# prepared:", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start, l => !l.StartsWith("# ", StringComparison.Ordinal) || l.StartsWith("# 每个", StringComparison.Ordinal));
        Assert.True(start > 0 && end > start);
        for (var i = start; i < end; i++) lines[i] = lines[i][2..];
        File.WriteAllLines(path, lines);
        foreach (var field in Order24Reader.Fields)
            Assert.Contains(lines[start..end], l => l.StartsWith(field + ":", StringComparison.Ordinal));

        var result = Check();
        Assert.True(result.Errors == 0, string.Join("\n", result.Diagnostics));
        var here = result.Diagnostics.Where(d => d.File == Rel).ToList();
        // The scaffold declares no outlet yet ('outlets: []'), so the self-monitoring example names one the file lacks:
        // ECO124 there, and only there, reminds the editor to declare it.
        var monitored = Array.FindIndex(lines, l => l.Contains("- {outlet: DW001", StringComparison.Ordinal)) + 1;
        Assert.Equal(monitored, Assert.Single(here, d => d.Code == "ECO124").Line);
        here = here.Where(d => d.Code != "ECO124").ToList();
        Assert.All(here, d => Assert.Equal("ECO027", d.Code));
        for (var i = start; i < end; i++)
            if (lines[i].Contains(Placeholders.Order24Zh, StringComparison.Ordinal))
                Assert.Contains(here, d => d.Line == i + 1 && d.Column == lines[i].IndexOf(Placeholders.Order24Zh, StringComparison.Ordinal) + 1);
        Assert.True(here.Count >= 10, $"{here.Count} placeholders warned");
    }
}
