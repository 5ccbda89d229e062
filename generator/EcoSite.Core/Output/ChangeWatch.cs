namespace EcoSite.Core.Output;

/// <summary>
/// Tells, while the content is still being scanned, that a content file was written or changed since the previous
/// build into the same output began stamping (<see cref="FileStamps.Taken"/>): one of the scan's stamps is from then or
/// later. Such a file is read and hashed by the build, and nearly always changed, so work that only a build with a
/// change needs (reading the load cache ahead, <see cref="Content.LoadCache.ReadAhead"/>) can start then, beside the
/// scan, and an unchanged build never does it. Only a hint: a change it does not see (a file deleted, or a file with
/// times set back and no status change time, as on Windows; the theme, "today", the generator) leaves that work to be
/// done where the build needs it, and a file rewritten with the same bytes starts it for nothing. A file the previous
/// build found racy (written just before it began stamping) does not count: it is read again, but not changed.
/// The two times come from two threads in either order (the scan's stamps and the previous stamps' reading, which
/// overlap); whichever comes second sees the other (each is published with a full fence before the other is read), so
/// a change is never missed for the order they came in.
/// </summary>
internal sealed class ChangeWatch(Action changed)
{
    // The previous build's stamping time, once its stamps are read (until then no stamp can be compared with it).
    private long _since = long.MaxValue;
    // The latest time among the stamps scanned so far.
    private long _latest = long.MinValue;
    private int _fired;

    /// <summary>The scan took stamps whose latest time (<see cref="FileStamp.LatestTicks"/>) is <paramref name="latestTicks"/>; thread-safe.</summary>
    public void Stamped(long latestTicks)
    {
        var latest = Volatile.Read(ref _latest);
        while (latestTicks > latest)
        {
            var seen = Interlocked.CompareExchange(ref _latest, latestTicks, latest);
            if (seen == latest) break;
            latest = seen;
        }
        if (latestTicks >= Interlocked.Read(ref _since)) Fire();
    }

    /// <summary>The previous build began stamping at <paramref name="taken"/> (0 when it left no stamps: every file counts as changed).</summary>
    public void Since(long taken)
    {
        Interlocked.Exchange(ref _since, taken);
        if (Interlocked.Read(ref _latest) >= taken) Fire();
    }

    private void Fire()
    {
        if (Interlocked.Exchange(ref _fired, 1) == 0) changed();
    }
}
