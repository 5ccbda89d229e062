using System.Globalization;
using EcoSite.Cli;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// The invalid-content corpus (tests/fixtures/invalid, written by make-invalid.py): each fixture overlays the base
/// site and must give its exit code and its diagnostics at their locations; a failing build leaves the previous
/// output byte for byte as it was and creates nothing outside the output folder.
/// </summary>
public sealed class InvalidFixtureTests
{
    private static readonly string Fixtures = Path.Combine(TestSite.RepoRoot(), "tests", "fixtures");

    internal static IReadOnlyList<string> FixtureNames() =>
        Directory.GetDirectories(Path.Combine(Fixtures, "invalid")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Names() => new(FixtureNames());

    [Fact]
    public void The_corpus_holds_at_least_25_fixtures() => Assert.True(Names().Count >= 25);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fixture_gives_its_exit_code_and_located_diagnostics_and_keeps_the_previous_output(string name)
    {
        using var site = new TestSite(minimal: false);
        Copy(Path.Combine(Fixtures, "base"), site.Content);
        var previous = await Run(site, site.Output);
        Assert.True(previous.Exit == 0, previous.Stderr);
        var before = TestSite.Snapshot(site.Output);
        var siblingsBefore = Directory.GetFileSystemEntries(site.Root).Order().ToList();

        var dir = Path.Combine(Fixtures, "invalid", name);
        Overlay(name, site.Content);
        var contentBefore = TestSite.Snapshot(site.Content);

        var expect = File.ReadAllLines(Path.Combine(dir, "expect.txt")).Where(l => l.Length > 0).ToList();
        var exit = int.Parse(expect[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var run = await Run(site, site.Output);
        Assert.True(exit == run.Exit, $"exit {run.Exit}, expected {exit}\n{run.Stderr}");

        // Exactly the diagnostics expect.txt lists, at their locations: nothing missing and nothing more than the base
        // site's own (its blank-column warnings).
        var result = SiteBuilder.Check(new BuildOptions(site.Content, "", new BuildClock(null, () => DateTimeOffset.UnixEpoch)));
        var added = Located(result.Diagnostics).Except(Located(BaseDiagnostics.Value)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expect.Skip(1).Order(StringComparer.Ordinal).ToList(), added);
        foreach (var line in expect.Skip(1)) Assert.Contains($"{line.Split(' ')[0]}:", run.Stderr);

        if (exit != 0)
        {
            var after = TestSite.Snapshot(site.Output);
            Assert.Equal(before.Keys, after.Keys);
            foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        }
        Assert.Equal(siblingsBefore, Directory.GetFileSystemEntries(site.Root).Order().ToList());
        var contentAfter = TestSite.Snapshot(site.Content);
        Assert.Equal(contentBefore.Keys, contentAfter.Keys);
        foreach (var (path, bytes) in contentBefore) Assert.True(bytes.AsSpan().SequenceEqual(contentAfter[path]), $"source {path} changed");
    }

    private static readonly Lazy<IReadOnlyList<EcoSite.Core.Diagnostics.Diagnostic>> BaseDiagnostics = new(() =>
        SiteBuilder.Check(new BuildOptions(Path.Combine(Fixtures, "base"), "", new BuildClock(null, () => DateTimeOffset.UnixEpoch))).Diagnostics);

    /// <summary>Diagnostics as expect.txt writes them: "CODE file line column".</summary>
    private static IEnumerable<string> Located(IEnumerable<EcoSite.Core.Diagnostics.Diagnostic> diagnostics) =>
        diagnostics.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Code} {d.File} {d.Line} {d.Column}")).Distinct();

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(TestSite site, string output)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await EcoSiteCommand.RunAsync(["build", site.Content, "-o", output], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A fixture's content: the base site with the fixture's files laid over it and its remove.txt applied.</summary>
    internal static void Compose(string name, string content)
    {
        Copy(Path.Combine(Fixtures, "base"), content);
        Overlay(name, content);
    }

    private static void Overlay(string name, string content)
    {
        var dir = Path.Combine(Fixtures, "invalid", name);
        if (Directory.Exists(Path.Combine(dir, "content"))) Copy(Path.Combine(dir, "content"), content);
        if (File.Exists(Path.Combine(dir, "remove.txt")))
            foreach (var rel in File.ReadAllLines(Path.Combine(dir, "remove.txt")).Where(l => l.Length > 0))
                File.Delete(Path.Combine(content, rel));
    }

    internal static void Copy(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target, overwrite: true);
        }
    }
}
