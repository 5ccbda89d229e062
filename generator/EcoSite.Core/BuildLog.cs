using System.Diagnostics;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core;

/// <summary>The diagnostics and stage timings of one build or check, and the result made from them.</summary>
internal sealed class BuildLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StageTiming> _timings = [];
    private TimeSpan _lap;
    private TimeSpan _cpuLap = Process.GetCurrentProcess().TotalProcessorTime;
    private (int, int, int) _gcLap = Collections();
    private TimeSpan _pauseLap = GC.GetTotalPauseDuration();
    private long _allocLap = GC.GetTotalAllocatedBytes();

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>What the build read and parsed (see <see cref="BuildResult.Load"/>).</summary>
    public LoadCounts? Counts { get; set; }

    /// <summary>
    /// Ends a stage: its wall time and the process's CPU time (all threads) since the previous one, and what the garbage
    /// collector did meanwhile (bytes allocated, collections, pauses). On a loaded machine the CPU time is the comparable
    /// figure. The managed heap at the stage's end is read without a collection (approximate).
    /// </summary>
    public void Stage(string name)
    {
        var (cpu, gc, pause, alloc) = (Process.GetCurrentProcess().TotalProcessorTime, Collections(), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        _timings.Add(new StageTiming(name, _clock.Elapsed - _lap, cpu - _cpuLap)
        {
            HeapBytes = GC.GetTotalMemory(false),
            Collections = (gc.Item1 - _gcLap.Item1, gc.Item2 - _gcLap.Item2, gc.Item3 - _gcLap.Item3),
            GcPause = pause - _pauseLap,
            AllocatedBytes = alloc - _allocLap,
        });
        (_lap, _cpuLap, _gcLap, _pauseLap, _allocLap) = (_clock.Elapsed, cpu, gc, pause, alloc);
    }

    private static (int, int, int) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public BuildResult Stopped(Diagnostic refused)
    {
        Diagnostics.Add(refused);
        return Stopped();
    }

    /// <summary>A build that stopped: failed, with what was found so far.</summary>
    public BuildResult Stopped(SiteReport? report = null) => Result(false, 0, 0, report);

    public BuildResult Done(int pages, int files, SiteReport report) => Result(true, pages, files, report);

    /// <summary>A merged site (<c>ecosite merge</c>): the shards' reports are not carried over.</summary>
    public BuildResult Merged(int pages, int files) => Result(true, pages, files, null);

    private BuildResult Result(bool ok, int pages, int files, SiteReport? report) =>
        new(ok && !Diagnostics.HasErrors, Diagnostics.ToSortedList(), pages, files, _clock.Elapsed) { Report = report, Timings = _timings, Load = Counts };

    /// <summary>The previous build's result, confirmed unchanged from the inputs' fingerprint.</summary>
    public BuildResult Unchanged(Output.BuildManifest previous) =>
        new(!previous.Diagnostics.Any(d => d.IsError), previous.Diagnostics, previous.Pages, previous.Files, _clock.Elapsed)
        {
            Report = previous.Report,
            Timings = _timings,
            Unchanged = true,
            Load = Counts,
        };
}
