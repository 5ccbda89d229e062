using System.Diagnostics;
using EcoSite.Core.Checks;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Render;

namespace EcoSite.Core;

/// <param name="Threads">Parallelism of loading and rendering; 0 means one per core. The output never depends on it.</param>
public sealed record BuildOptions(string ContentDir, string OutputDir, BuildClock Clock, string? ThemeDir = null, int Threads = 0)
{
    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = Threads > 0 ? Threads : -1 };
}

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, Site? Site, int Pages, int Files, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.IsError);
    public int Warnings => Diagnostics.Count(d => !d.IsError);

    /// <summary>Wall time of each stage, for --verbose and the benchmark notes.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
}

public sealed record StageTiming(string Stage, TimeSpan Elapsed);

/// <summary>Progress of a build, for a progress bar: pages done out of pages planned.</summary>
public interface IBuildProgress
{
    void Planned(int pages);
    void PageDone();
}

/// <summary>
/// The one place that knows the stage order: load, check, plan, render, check links, swap the output in.
/// Errors stop the build before anything is written; warnings do not.
/// </summary>
public static class SiteBuilder
{
    public static string Generator { get; } = "EcoSite " + (typeof(SiteBuilder).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0");

    /// <summary>Builds the site into <see cref="BuildOptions.OutputDir"/>.</summary>
    public static BuildResult Build(BuildOptions options, IBuildProgress? progress = null) => Run(options, write: true, progress);

    /// <summary>Everything a build checks, rendered in memory; writes nothing.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options, write: false, null);

    private static BuildResult Run(BuildOptions options, bool write, IBuildProgress? progress)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        var lap = TimeSpan.Zero;
        void Stage(string name)
        {
            timings.Add(new StageTiming(name, clock.Elapsed - lap));
            lap = clock.Elapsed;
        }
        BuildResult Done(Site? site, int pages = 0, int files = 0, bool ok = false) =>
            new(ok && !diagnostics.HasErrors, diagnostics.ToSortedList(), site, pages, files, clock.Elapsed) { Timings = timings };

        if (write && SiteWriter.CheckTarget(options.ContentDir, options.OutputDir) is { } refused)
        {
            diagnostics.Add(refused);
            return Done(null);
        }
        if (!Directory.Exists(options.ContentDir))
        {
            diagnostics.Add(Codes.MissingSiteYaml, options.ContentDir.Replace('\\', '/'), SourcePos.File,
                $"the content folder '{options.ContentDir}' does not exist. Run 'ecosite new site {options.ContentDir}' to start one.");
            return Done(null);
        }

        // 1. Load
        var (site, _) = ContentLoader.Load(options.ContentDir, options.Clock, diagnostics, options.Parallel);
        Stage("load");
        if (site is null) return Done(null);
        // 2. Check
        diagnostics.AddRange(ReferenceChecks.Run(site));
        diagnostics.AddRange(Inspection.Run(site));
        diagnostics.AddRange(DisclosureChecks.Run(site));
        var themeDir = options.ThemeDir ?? (site.Config.Theme is { } t ? Path.Combine(options.ContentDir, t) : null);
        var theme = Theme.Load(themeDir, site.Config.Languages, diagnostics);
        Stage("check");
        if (diagnostics.HasErrors || theme is null) return Done(site);

        // 3. Plan and render
        var renderer = new SiteRenderer(site, theme, Generator, options.Parallel);
        var jobs = renderer.Plan();
        progress?.Planned(jobs.Count * site.Config.Languages.Count);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var writtenLock = new Lock();
        void Record(OutputFile f)
        {
            lock (writtenLock)
            {
                if (!written.Add(f.Path)) throw new InvalidOperationException($"two outputs claim {f.Path}");
            }
        }
        IReadOnlyList<RenderedPage> pages;
        if (!write)
        {
            pages = renderer.Render(jobs, Record);
        }
        else
        {
            using var writer = SiteWriter.Begin(options.OutputDir);
            try
            {
                pages = renderer.Render(jobs, f => { Record(f); writer.Write(f); }, progress is null ? null : progress.PageDone);
                Stage("render and write");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Codes.OutputWriteFailed, options.OutputDir, SourcePos.File, $"writing the site failed ({e.Message}); the previous output is unchanged.");
                return Done(site);
            }
            // 4. Links: warnings, so the site is still published
            diagnostics.AddRange(LinkChecker.Check(pages, written));
            Stage("link check");
            try
            {
                writer.Commit();
                Stage("swap");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Codes.OutputWriteFailed, options.OutputDir, SourcePos.File, $"replacing the output folder failed ({e.Message}); the previous output is unchanged.");
                return Done(site);
            }
            return Done(site, pages.Count, written.Count, ok: true);
        }
        diagnostics.AddRange(LinkChecker.Check(pages, written));
        return Done(site, pages.Count, written.Count, ok: true);
    }
}
