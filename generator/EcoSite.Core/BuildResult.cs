using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Facts;

namespace EcoSite.Core;

/// <param name="Threads">Parallelism of loading and rendering; 0 means one per core. The output never depends on it.</param>
public sealed record BuildOptions(string ContentDir, string OutputDir, BuildClock Clock, string? ThemeDir = null, int Threads = 0)
{
    /// <summary>
    /// --parks: build only the parks whose id or folder these globs match, as a shard for <c>ecosite merge</c>
    /// (docs/architecture.md "Shards and merge"); null builds the whole site.
    /// </summary>
    public IReadOnlyList<string>? Parks { get; init; }

    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = Threads > 0 ? Threads : -1 };

    /// <summary>
    /// The longest one page may take to render. A theme's template that loops without end (<c>{{ while true }}</c>
    /// with a body that escapes the loop limit, or nested loops) becomes a located error instead of a hung build.
    /// </summary>
    internal TimeSpan PageTimeLimit { get; init; } = TimeSpan.FromSeconds(60);
}

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, TimeSpan Elapsed)
{
    /// <summary>The site's scores and settings the command line reports; null when the site could not be checked.</summary>
    public SiteReport? Report { get; init; }

    /// <summary>True when the inputs were identical to the previous build's and the output was left as it was.</summary>
    public bool Unchanged { get; init; }

    /// <summary>Pages taken over from the previous output because their inputs did not change.</summary>
    public int ReusedPages { get; init; }

    /// <summary>How much of the content this build read and parsed (docs/incremental.md); null for a check, which reads everything.</summary>
    public LoadCounts? Load { get; init; }

    /// <summary>Reused pages whose links were read back from their files because the build state did not have them.</summary>
    public int PagesReadBack { get; init; }

    /// <summary>How the search index was made (docs/incremental.md, "The search index"); null when none was made.</summary>
    public SearchIndexCounts? SearchIndex { get; init; }

    public int Errors => Diagnostics.Count(d => d.IsError);
    public int Warnings => Diagnostics.Count(d => !d.IsError);

    /// <summary>Wall time of each stage, for --verbose and the benchmark notes.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
}

/// <summary>
/// What the command line reports about a checked site, taken from its facts: "today", base_url, the theme folder (serve
/// watches it) and the completeness scores. A build's manifest keeps it, so an unchanged build reports it without
/// loading the site again.
/// </summary>
public sealed record SiteReport(string AsOf, string? BaseUrl, string? ThemeFolder, SiteCompleteness Completeness);

/// <param name="Cpu">The process's CPU time (user and system, every thread) during the stage.</param>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan Cpu = default)
{
    /// <summary>The managed heap when the stage ended (without a forced collection, so approximate).</summary>
    public long HeapBytes { get; init; }

    /// <summary>Garbage collections during the stage: of generation 0 or older, of 1 or older, of 2 (<see cref="GC.CollectionCount"/>).</summary>
    public (int Gen0, int Gen1, int Gen2) Collections { get; init; }

    /// <summary>Bytes allocated on the managed heap during the stage, by every thread.</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>The time the collector kept the program's threads paused during the stage.</summary>
    public TimeSpan GcPause { get; init; }
}

/// <summary>Progress of a build, for a progress bar: pages done out of pages planned.</summary>
public interface IBuildProgress
{
    void Planned(int pages);
    void PageDone();
}

/// <summary>
/// Content files read to be hashed (the others' stamps were unchanged), and Markdown files parsed or taken from the load
/// cache; the last two are null when the build stopped before loading (an unchanged site).
/// </summary>
public sealed record LoadCounts(int? InputsRead, int? Parsed, int? Reused);

/// <summary>
/// The search index of a build: languages whose index was patched (the others were built whole), documents tokenized
/// (the others' term counts came from the build state), and chunk files encoded or kept as they were.
/// </summary>
public sealed record SearchIndexCounts(int Languages, int Patched, int Tokenized, int ChunksEncoded, int ChunksKept);
