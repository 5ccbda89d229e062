using System.Security.Cryptography;
using EcoSite.Core;
using EcoSite.Core.Content;
using Snapshooter;
using Snapshooter.Xunit;

namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// The whole built sample site as snapshots (Snapshooter, tests/EcoSite.Tests/EndToEnd/__snapshots__): every file with
/// its SHA-256, so any change to any output byte shows, and key pages in full, so the change can be read. To accept an
/// intended change, delete the snapshot files concerned, run the tests once (they are written again) and review the
/// diff before committing. CI sets SNAPSHOOTER_STRICT_MODE=true, so a missing snapshot fails there.
/// </summary>
public sealed class SampleSnapshotTests : IClassFixture<SampleSnapshotTests.SampleBuild>
{
    public sealed class SampleBuild : IDisposable
    {
        public SampleBuild()
        {
            Output = Path.Combine(Path.GetTempPath(), "ecosite-snapshot-" + Guid.NewGuid().ToString("N"));
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

    public SampleSnapshotTests(SampleBuild build) => _build = build;

    [Fact]
    public void Every_file_of_the_sample_site_has_the_snapshot_hash()
    {
        Assert.True(_build.Result.Success, string.Join("\n", _build.Result.Diagnostics));
        // The marker holds the build's manifest (input fingerprints), not site content; so does the build state, which
        // names the generator's own build.
        var files = TestSite.Snapshot(_build.Output).Where(f => f.Key != ".ecosite-output" && !f.Key.StartsWith(".ecosite-state/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(f.Value)), StringComparer.Ordinal);
        Snapshot.Match(new SortedDictionary<string, string>(files, StringComparer.Ordinal), Named("Every_file_of_the_sample_site_has_the_snapshot_hash"));
    }

    public static TheoryData<string> KeyPages() =>
    [
        "index.html",
        "en/parks/qinghe/index.html",
        "en/parks/qinghe/news/2026-05-18-cleaner-production-training.html",
        "parks/qinghe/cases/slag-to-cement.html",
        "parks/qinghe/indicators/index.html",
        "parks/qinghe/waste/index.html",
        "parks/qinghe/polluters/qh-steel.html",
        "en/exchange/index.html",
        "feed.xml",
        "sitemap.xml",
    ];

    [Theory]
    [MemberData(nameof(KeyPages))]
    public void Key_page_matches_its_snapshot(string page)
    {
        Assert.True(_build.Result.Success, string.Join("\n", _build.Result.Diagnostics));
        var lines = File.ReadAllText(Path.Combine(_build.Output, page)).Split('\n');
        Snapshot.Match(lines, Named("Key_page_matches_its_snapshot_" + page.Replace('/', '_')));
    }

    /// <summary>
    /// The snapshot file by name in this folder's __snapshots__. Snapshooter would find the folder from the compiled
    /// source path, which CI builds (ContinuousIntegrationBuild) map to /_/, so that a CI run never finds a snapshot.
    /// </summary>
    private static SnapshotFullName Named(string test) =>
        new(nameof(SampleSnapshotTests) + "." + test + ".snap", Path.Combine(TestSite.RepoRoot(), "tests", "EcoSite.Tests", "EndToEnd"));
}
