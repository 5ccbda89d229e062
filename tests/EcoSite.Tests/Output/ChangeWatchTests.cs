using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The hint that begins reading the load cache ahead (docs/incremental.md, "The load cache read ahead"): told by the
/// content scan's stamps and by the previous build's stamping time, in either order, it fires once when a stamp is from
/// that time or later, and never for older stamps, so an unchanged build reads nothing ahead.
/// </summary>
public sealed class ChangeWatchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-changewatch-" + Guid.NewGuid().ToString("N"));
    private int _fired;

    private ChangeWatch Watch() => new(() => Interlocked.Increment(ref _fired));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_stamp_from_the_previous_stamping_or_later_fires_once_whichever_is_told_first()
    {
        var stampsFirst = Watch();
        stampsFirst.Since(1000);
        stampsFirst.Stamped(999);
        Assert.Equal(0, _fired);
        stampsFirst.Stamped(1000);
        stampsFirst.Stamped(2000);
        Assert.Equal(1, _fired);

        var scanFirst = Watch();
        scanFirst.Stamped(500);
        scanFirst.Stamped(1500); // the latest of the scan so far
        scanFirst.Stamped(700);
        Assert.Equal(1, _fired);
        scanFirst.Since(1500);
        Assert.Equal(2, _fired);
        scanFirst.Stamped(3000);
        Assert.Equal(2, _fired);
    }

    [Fact]
    public void Older_stamps_never_fire_and_no_previous_stamps_mean_every_stamp_counts()
    {
        var unchanged = Watch();
        unchanged.Stamped(900);
        unchanged.Since(1000);
        unchanged.Stamped(999);
        Assert.Equal(0, _fired);

        // No stamps were recorded (FileStamps.None began at 0): every file is read, so any stamp fires.
        var none = Watch();
        none.Stamped(1);
        none.Since(FileStamps.None.Taken);
        Assert.Equal(1, _fired);
    }

    [Fact]
    public void The_scan_tells_a_file_written_since_the_previous_stamping_and_not_an_older_one()
    {
        Directory.CreateDirectory(Path.Combine(_root, "parks", "demo"));
        File.WriteAllText(Path.Combine(_root, "site.yaml"), "x");
        File.WriteAllText(Path.Combine(_root, "parks", "demo", "a.md"), "a");
        var latest = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Max(f => FileStamp.Of(f)!.Value.LatestTicks);

        var unchanged = Watch();
        unchanged.Since(latest + 1);
        ContentTree.Scan(_root, new DiagnosticBag(), null, unchanged);
        Assert.Equal(0, _fired);

        var changed = Watch();
        changed.Since(latest);
        ContentTree.Scan(_root, new DiagnosticBag(), null, changed);
        Assert.Equal(1, _fired);
    }

    [Fact]
    public void The_watch_of_a_reading_ahead_begins_it_and_a_disposed_one_never_begins()
    {
        var output = Path.Combine(_root, "_site");
        Directory.CreateDirectory(BuildState.Of(output).Folder);
        var disposed = LoadCache.ReadAhead.Of(output)!;
        disposed.Dispose();
        disposed.Watch.Since(0);
        disposed.Watch.Stamped(1);
        Assert.False(disposed.Begun);

        using var ahead = LoadCache.ReadAhead.Of(output)!;
        ahead.Watch.Since(1000);
        ahead.Watch.Stamped(999);
        Assert.False(ahead.Begun);
        ahead.Watch.Stamped(1000);
        Assert.True(ahead.Begun);
    }
}
