using EcoSite.Core;

namespace EcoSite.Tests;

/// <summary>
/// The stage timings --verbose prints: what the collector did during each stage, not since the process started. The
/// counters are the process's, and other tests run beside this one, so the figures are only bounded from one side.
/// </summary>
public sealed class BuildLogTests
{
    [Fact]
    public void A_stage_counts_its_own_collections_and_allocations()
    {
        GC.Collect();
        GC.Collect();
        var log = new BuildLog();
        GC.Collect();
        var kept = new byte[4 << 20];
        log.Stage("collects");
        var total = GC.CollectionCount(2);
        var stage = log.Stopped().Timings[0];
        GC.KeepAlive(kept);

        Assert.True(stage.Collections.Gen2 >= 1 && stage.Collections.Gen0 >= stage.Collections.Gen2, $"{stage.Collections}");
        Assert.True(stage.Collections.Gen2 <= total - 2, $"{stage.Collections.Gen2} of {total} since the start");
        // Read without a collection: the last allocation contexts may not be counted yet.
        Assert.True(stage.AllocatedBytes >= 3 << 20, $"{stage.AllocatedBytes}");
    }
}
