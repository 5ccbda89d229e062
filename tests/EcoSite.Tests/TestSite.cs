using System.Text;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests;

/// <summary>
/// A whole site written from inline strings into a temporary folder (the Hugo integration-test habit):
/// <c>new TestSite().With("parks/a/park.yaml", "...").Build()</c>, then assert on files of <see cref="Output"/>.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string SiteYaml = """
        title: {zh: 测试平台, en: Test Platform}
        languages: [zh, en]
        as_of: 2026-11-29
        """;

    public const string ParkYaml = """
        name: {zh: 测试园区, en: Test Park}
        level: national
        status: named
        """;

    /// <param name="root">The folder holding content/ and _site/; by default a new temporary folder.</param>
    public TestSite(bool minimal = true, string? root = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "ecosite-test-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Output = Path.Combine(Root, "_site");
        Directory.CreateDirectory(Content);
        if (minimal)
        {
            With("site.yaml", SiteYaml);
            With("parks/demo/park.yaml", ParkYaml);
        }
    }

    public string Root { get; }
    public string Content { get; }
    public string Output { get; }

    public static string SampleContent { get; } = Path.Combine(RepoRoot(), "content");

    public TestSite With(string relPath, string text) => WithBytes(relPath, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n")));

    public TestSite WithBytes(string relPath, byte[] bytes)
    {
        var path = Path.Combine(Content, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TestSite Without(string relPath)
    {
        File.Delete(Path.Combine(Content, relPath));
        return this;
    }

    public BuildResult Build(string? output = null, string? sourceDateEpoch = null) =>
        SiteBuilder.Build(new BuildOptions(Content, output ?? Output, new BuildClock(sourceDateEpoch, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))));

    public BuildResult Check() =>
        SiteBuilder.Check(new BuildOptions(Content, "", new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))));

    /// <summary>The site's facts (stage 3), made as a build makes them; fails the test when the site has errors.</summary>
    internal EcoSite.Core.Facts.SiteFacts Facts()
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ContentLoader.Load(Content, new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)), diagnostics);
        var checkedSite = loaded is null ? null : EcoSite.Core.Checks.CheckedSite.Check(loaded, diagnostics);
        Xunit.Assert.True(checkedSite is not null, string.Join("\n", diagnostics.ToSortedList()));
        return EcoSite.Core.Facts.SiteFacts.Of(checkedSite!);
    }

    public string Read(string outputRelPath) => File.ReadAllText(Path.Combine(Output, outputRelPath));

    public bool Exists(string outputRelPath) => File.Exists(Path.Combine(Output, outputRelPath));

    /// <summary>Every file of a folder with its bytes, for comparing whole trees.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return result;
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(dir, f).Replace('\\', '/')] = File.ReadAllBytes(f);
        return result;
    }

    /// <summary>Asserts that the folder <paramref name="actual"/> holds the files of <paramref name="expected"/>, byte for byte, and no others.</summary>
    public static void AssertSameFiles(string expected, string actual)
    {
        var a = Snapshot(expected);
        var b = Snapshot(actual);
        Xunit.Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a) Xunit.Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs from a cold build");
    }

    /// <summary>Builds the site cold into a new folder and asserts that the output is that build byte for byte; the cold build is deleted.</summary>
    public void AssertOutputEqualsColdBuild()
    {
        var cold = Path.Combine(Root, "cold-" + Guid.NewGuid().ToString("N"));
        Xunit.Assert.True(Build(cold).Success);
        AssertSameFiles(cold, Output);
        Directory.Delete(cold, recursive: true);
    }

    public static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "EcoSite.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("EcoSite.sln not found above the test binaries");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

public static class DiagnosticAssert
{
    /// <summary>Asserts one diagnostic with this code at this file, line and column (line 0 = whole file, column ignored when 0).</summary>
    public static Diagnostic Has(IReadOnlyList<Diagnostic> diagnostics, string code, string file, int line = -1, int column = 0)
    {
        var match = diagnostics.FirstOrDefault(d => d.Code == code && d.File == file && (line < 0 || d.Line == line) && (column == 0 || d.Column == column));
        Assert.True(match is not null,
            $"expected {code} at {file}:{line}:{column}; got:\n{string.Join("\n", diagnostics)}");
        return match!;
    }
}
