using EcoSite.Cli;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Cli;

/// <summary>
/// Which builds the native executable starts again under the gentler collector setting (IncrementalGc): incremental
/// whole-site builds only; a first build, a build whose state is gone, a shard and a user's own setting keep the
/// project's ConserveMemory 9.
/// </summary>
public sealed class IncrementalGcTests
{
    private static BuildOptions Options(TestSite site) =>
        new(site.Content, site.Output, new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Only_a_build_into_an_output_with_a_build_state_switches()
    {
        using var site = new TestSite();
        Assert.False(IncrementalGc.Applies(Options(site), null, nativeLinux: true));
        Assert.True(site.Build().Success);
        Assert.True(IncrementalGc.Applies(Options(site), null, nativeLinux: true));

        Directory.Delete(Path.Combine(site.Root, ".ecosite-cache"), recursive: true);
        Assert.False(IncrementalGc.Applies(Options(site), null, nativeLinux: true));
    }

    [Fact]
    public void A_chosen_setting_a_shard_and_the_jit_build_keep_the_setting()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        Assert.False(IncrementalGc.Applies(Options(site), "9", nativeLinux: true));
        Assert.False(IncrementalGc.Applies(Options(site) with { Parks = ["demo"] }, null, nativeLinux: true));
        Assert.False(IncrementalGc.Applies(Options(site), null, nativeLinux: false));
    }

    [Fact]
    public void The_build_starts_again_with_both_settings_and_keeps_a_users_own()
    {
        var current = new System.Collections.Hashtable { ["PATH"] = "/usr/bin", ["LANG"] = "zh_CN.UTF-8" };
        Assert.Equal(["DOTNET_GCConserveMemory=5", "DOTNET_GCLOHThreshold=400000", "DOTNET_gcConcurrent=0", "LANG=zh_CN.UTF-8", "PATH=/usr/bin"],
            IncrementalGc.Environment(current).Order(StringComparer.Ordinal));
        current["DOTNET_gcConcurrent"] = "1";
        var kept = IncrementalGc.Environment(current);
        Assert.Contains("DOTNET_gcConcurrent=1", kept);
        Assert.DoesNotContain("DOTNET_gcConcurrent=0", kept);
        Assert.Contains("DOTNET_GCLOHThreshold=400000", kept);
        current["DOTNET_GCLOHThreshold"] = "20000";
        kept = IncrementalGc.Environment(current);
        Assert.Contains("DOTNET_GCLOHThreshold=20000", kept);
        Assert.DoesNotContain("DOTNET_GCLOHThreshold=400000", kept);
    }

    [Fact]
    public void Only_a_whole_site_build_into_an_output_with_a_build_state_holds_its_collections()
    {
        using var site = new TestSite();
        Assert.False(IncrementalGc.Incremental(Options(site)));
        Assert.True(site.Build().Success);
        Assert.True(IncrementalGc.Incremental(Options(site)));
        Assert.False(IncrementalGc.Incremental(Options(site) with { Parks = ["demo"] }));
        Directory.Delete(Path.Combine(site.Root, ".ecosite-cache"), recursive: true);
        Assert.False(IncrementalGc.Incremental(Options(site)));
    }

    [Fact]
    public void Holding_collections_enters_a_no_gc_region_once()
    {
        try
        {
            Assert.True(IncrementalGc.HoldCollections());
            Assert.Equal(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
            Assert.False(IncrementalGc.HoldCollections()); // a region already entered is refused, not thrown
        }
        finally
        {
            // Other tests allocate meanwhile, and may have ended the region with a collection.
            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                try { GC.EndNoGCRegion(); } catch (InvalidOperationException) { }
            }
        }
    }

    [Fact]
    public void A_missing_output_folder_is_not_an_incremental_build()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        Directory.Delete(site.Output, recursive: true);
        Assert.False(SiteBuilder.HasBuildState(site.Output));
        Assert.False(SiteBuilder.HasBuildState(Path.Combine(site.Root, "nowhere", "deeper")));
    }

    [Fact]
    public async Task The_build_command_hands_its_options_to_the_hook_before_it_builds()
    {
        using var site = new TestSite();
        var seen = new List<(string Output, bool Built)>();
        EcoSiteCommand.BeforeBuild = o =>
        {
            if (o.OutputDir == site.Output) lock (seen) seen.Add((o.OutputDir, Directory.Exists(site.Output)));
        };
        try
        {
            Assert.Equal(0, await EcoSiteCommand.RunAsync(["build", site.Content, "-o", site.Output, "-q"], new StringWriter(), new StringWriter()));
        }
        finally
        {
            EcoSiteCommand.BeforeBuild = null;
        }
        Assert.Equal([(site.Output, false)], seen);
    }
}
