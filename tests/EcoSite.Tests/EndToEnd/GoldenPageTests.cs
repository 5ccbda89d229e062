using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// Golden snapshots of representative pages of the sample site (tests/EcoSite.Tests/Golden). A change to templates,
/// views or rendering shows up as a diff here. To accept an intended change: UPDATE_GOLDEN=1 dotnet test, review the
/// diff of the golden files, commit them. A missing golden file fails under CI instead of being written.
/// </summary>
public sealed class GoldenPageTests : IClassFixture<GoldenPageTests.SampleBuild>
{
    public sealed class SampleBuild : IDisposable
    {
        public SampleBuild()
        {
            Output = Path.Combine(Path.GetTempPath(), "ecosite-golden-" + Guid.NewGuid().ToString("N"));
            Result = SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, Output, new BuildClock(null, () => DateTimeOffset.UnixEpoch)));
        }

        public string Output { get; }
        public BuildResult Result { get; }

        public void Dispose()
        {
            try { Directory.Delete(Output, true); }
            catch (IOException) { }
        }
    }

    private readonly SampleBuild _build;

    public GoldenPageTests(SampleBuild build) => _build = build;

    public static TheoryData<string, string> Pages() => new()
    {
        { "home.zh.html", "index.html" },
        { "park.en.html", "en/parks/qinghe/index.html" },
        { "news-fallback.en.html", "en/parks/qinghe/news/2026-05-18-cleaner-production-training.html" },
        { "case.zh.html", "parks/qinghe/cases/slag-to-cement.html" },
        { "indicators.zh.html", "parks/qinghe/indicators/index.html" },
        { "exchange.en.html", "en/exchange/index.html" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_matches_its_golden_snapshot(string golden, string page)
    {
        Assert.True(_build.Result.Success, string.Join("\n", _build.Result.Diagnostics));
        var actual = File.ReadAllText(Path.Combine(_build.Output, page));
        var path = Path.Combine(TestSite.RepoRoot(), "tests", "EcoSite.Tests", "Golden", golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"golden file {golden} was written; review it and commit it");
        }
        Assert.True(File.Exists(path), $"golden file {golden} is missing; run UPDATE_GOLDEN=1 dotnet test and commit it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{page} differs from Golden/{golden} at line {line + 1}:\n- {(line < e.Length ? e[line] : "(end)")}\n+ {(line < a.Length ? a[line] : "(end)")}\nIf the change is intended: UPDATE_GOLDEN=1 dotnet test, review, commit.");
        }
    }
}
