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

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, TimeSpan Elapsed)
{
    private Lazy<Site?> _site = new((Site?)null);

    /// <summary>The loaded site. After a build that found nothing changed it is loaded on first use only.</summary>
    public Site? Site { get => _site.Value; init => _site = new(value); }

    internal Func<Site?> SiteLoader { init => _site = new(value, LazyThreadSafetyMode.ExecutionAndPublication); }

    /// <summary>True when the inputs were identical to the previous build's and the output was left as it was.</summary>
    public bool Unchanged { get; init; }

    /// <summary>Pages taken over from the previous output because their inputs did not change.</summary>
    public int ReusedPages { get; init; }

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
            new(ok && !diagnostics.HasErrors, diagnostics.ToSortedList(), pages, files, clock.Elapsed) { Site = site, Timings = timings };

        if (write && (SiteWriter.CheckTarget(options.ContentDir, options.OutputDir) ?? Recover(options.OutputDir)) is { } refused)
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

        var tree = ContentTree.Scan(options.ContentDir, diagnostics);
        var previous = write ? BuildManifest.Read(options.OutputDir) : null;
        InputFingerprint? fingerprint = null;
        string? themeFingerprint = null;
        if (write && !diagnostics.HasErrors)
        {
            // 0. Nothing changed since the previous build into this folder: confirm it from content hashes and stop.
            themeFingerprint = Theme.Fingerprint(options.ThemeDir ?? ThemeFolder(tree, options.ContentDir));
            fingerprint = InputFingerprint.Compute(tree, Generator, themeFingerprint, Format.Iso(options.Clock.Today(new DiagnosticBag()).Item1), options.Parallel, diagnostics);
            if (previous is not null && !diagnostics.HasErrors && previous.Inputs == fingerprint.Value && previous.Generator == Generator)
            {
                Stage("confirm unchanged");
                return new BuildResult(!previous.Diagnostics.Any(d => d.IsError), previous.Diagnostics, previous.Pages, previous.Files, clock.Elapsed)
                {
                    SiteLoader = () => ContentLoader.Load(tree, options.Clock, new DiagnosticBag(), options.Parallel).Site,
                    Timings = timings,
                    Unchanged = true,
                };
            }
        }

        // 1. Load
        var (site, _) = ContentLoader.Load(tree, options.Clock, diagnostics, options.Parallel);
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
            try
            {
                pages = renderer.Render(jobs, Record);
            }
            catch (Exception e) when (ThemeError(e) is { } error)
            {
                diagnostics.Add(error);
                return Done(site);
            }
        }
        else
        {
            using var writer = Begin(options.OutputDir, diagnostics);
            if (writer is null) return Done(site);
            var jobHashes = JobHashes(jobs, fingerprint!, site, themeFingerprint!);
            var reuse = previous is not null && previous.Generator == Generator
                ? new PageReuse(writer.Target, previous.Jobs, jobHashes)
                : null;
            try
            {
                pages = renderer.Render(jobs, f => { Record(f); writer.Enqueue(f); }, progress is null ? null : progress.PageDone, reuse);
                writer.Flush();
                Stage("render and write");
            }
            catch (Exception e) when (ThemeError(e) is { } error)
            {
                diagnostics.Add(error);
                return Done(site);
            }
            catch (Exception e) when (SiteWriter.IsFileSystemError(Unwrap(e)))
            {
                diagnostics.Add(SiteWriter.Failed(options.OutputDir, Unwrap(e), "writing the site"));
                return Done(site);
            }
            // 4. Links: warnings, so the site is still published
            diagnostics.AddRange(LinkChecker.Check(pages, written));
            Stage("link check");
            try
            {
                writer.Commit(new BuildManifest(Generator, fingerprint!.Value, pages.Count, written.Count + 1,
                    diagnostics.ToSortedList(), jobHashes));
                Stage("swap");
            }
            catch (Exception e) when (SiteWriter.IsFileSystemError(e))
            {
                diagnostics.Add(SiteWriter.Failed(options.OutputDir, e, "replacing the output folder"));
                return Done(site);
            }
            return Done(site, pages.Count, written.Count + 1, ok: true) with { ReusedPages = reuse?.Reused ?? 0 };
        }
        diagnostics.AddRange(LinkChecker.Check(pages, written));
        return Done(site, pages.Count, written.Count, ok: true);
    }

    private static SiteWriter? Begin(string outputDir, DiagnosticBag diagnostics)
    {
        try
        {
            return SiteWriter.Begin(outputDir);
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            diagnostics.Add(SiteWriter.Failed(outputDir, e, "creating the staging folder beside the output"));
            return null;
        }
    }

    /// <summary>Leftovers of a killed build beside the output are cleaned up (see <see cref="SiteWriter.Recover"/>).</summary>
    private static Diagnostic? Recover(string outputDir)
    {
        try
        {
            SiteWriter.Recover(outputDir);
            return null;
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            return SiteWriter.Failed(outputDir, e, "cleaning up after an interrupted build");
        }
    }

    /// <summary>Pages render in parallel, so their exceptions arrive wrapped.</summary>
    private static Exception Unwrap(Exception e) =>
        e is AggregateException a && a.Flatten().InnerExceptions.Count > 0 ? a.Flatten().InnerExceptions[0] : e;

    /// <summary>A template that fails while rendering (a site's own theme) is a located diagnostic, not a crash.</summary>
    private static Diagnostic? ThemeError(Exception e) => Unwrap(e) switch
    {
        Scriban.Syntax.ScriptRuntimeException s => new Diagnostic(Codes.ThemeInvalid.Id, Codes.ThemeInvalid.Severity,
            s.Span.FileName ?? "theme", s.Span.Start.Line + 1, s.Span.Start.Column + 1,
            $"the template failed while rendering: {s.OriginalMessage}. Fix the theme's template, or remove it to use the default."),
        _ => null,
    };

    /// <summary>Each page's input hash, for the pages that declare their inputs (see <see cref="PageJob.Inputs"/>).</summary>
    private static Dictionary<string, string> JobHashes(IReadOnlyList<PageJob> jobs, InputFingerprint fingerprint, Site site, string themeFingerprint)
    {
        var global = $"{Generator}|{themeFingerprint}|{Format.Iso(site.Config.Today)}";
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in jobs)
            if (job.Inputs is not null) result[job.PageId] = fingerprint.ForJob(global, job.Inputs.Append(SiteConfigLoader.FileName));
        return result;
    }

    /// <summary>The theme folder named in site.yaml, read without loading the site (for the fingerprint only).</summary>
    private static string? ThemeFolder(ContentTree tree, string contentDir)
    {
        if (tree.Find(SiteConfigLoader.FileName) is not { } file) return null;
        foreach (var line in File.ReadLines(file.FullPath))
        {
            if (!line.StartsWith("theme:", StringComparison.Ordinal)) continue;
            var value = line["theme:".Length..].Split('#')[0].Trim().Trim('"', '\'');
            return value.Length > 0 ? Path.Combine(contentDir, value) : null;
        }
        return null;
    }
}
