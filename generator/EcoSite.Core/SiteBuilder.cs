using EcoSite.Core.Checks;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Facts;
using EcoSite.Core.Output;
using EcoSite.Core.Render;
using EcoSite.Core.Shards;

namespace EcoSite.Core;

/// <summary>
/// The one place that knows the stage order (docs/architecture.md): load -> check -> facts -> plan -> write. Each stage
/// takes the previous one's type, so they cannot run out of order; errors stop the build before anything is written,
/// warnings do not. <c>build</c>, <c>check</c> and <c>serve</c> all run these stages; check writes nowhere.
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

    /// <summary>
    /// Checks as <see cref="Check(BuildOptions)"/> does, with the same diagnostics, and hands the facts and theme of a
    /// site without errors to <paramref name="valid"/> (for commands that publish elsewhere, such as the WeChat export).
    /// </summary>
    internal static BuildResult Check(BuildOptions options, Action<SiteFacts, Theme> valid) => Run(options, write: false, null, valid);

    /// <summary>
    /// Whether a build into <paramref name="outputDir"/> starts from a previous build's output and state (an incremental
    /// build), as far as a look at the folders tells; a state that turns out unusable makes the build a cold one anyway.
    /// </summary>
    public static bool HasBuildState(string outputDir)
    {
        try
        {
            return Directory.Exists(outputDir) && Directory.Exists(Output.BuildState.Of(outputDir).Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static BuildResult Run(BuildOptions options, bool write, IBuildProgress? progress, Action<SiteFacts, Theme>? valid = null)
    {
        var log = new BuildLog();
        if (Refused(options, write) is { } refused) return log.Stopped(refused);
        // The previous build's stamps and manifest are read on another thread while the content is scanned, and so is
        // its load cache once the scan meets a file changed since then (a shard keeps no load cache, below); a build
        // that stops or is unchanged stops the reading.
        using var ahead = write && options.Parks is null ? LoadCache.ReadAhead.Of(options.OutputDir) : null;
        using var previousOutput = write ? SiteOutput.PreviousOutput.Start(options.OutputDir, ahead?.Watch) : null;
        var scanned = ContentTree.Scan(options.ContentDir, log.Diagnostics, options.Parallel, ahead?.Watch);
        if (SiteConfigLoader.Load(scanned, options.Clock, log.Diagnostics) is not { } config) return log.Stopped();
        var tree = scanned.Without(ContentGlobs.Matcher(config.Exclude));
        // Neighbours' exports are inputs too: their hash joins the theme's, so a changed import rebuilds every page.
        var imports = FederationLoader.Load(config, options.ContentDir, log.Diagnostics);
        var scope = options.Parks is { } globs ? ShardScope.Select(tree, globs, config.Languages, log.Diagnostics) : null;
        if (options.Parks is not null && scope is null) return log.Stopped();
        if (scope is not null)
        {
            log.Diagnostics.Restrict(scope.Reports);
            tree.Keeps = scope.KeepsBytes;
        }
        using var output = write && !log.Diagnostics.HasErrors ? SiteOutput.Open(options.OutputDir, tree, options.Parallel, log.Diagnostics, previousOutput) : SiteOutput.InMemory();
        var themeSource = ThemeSource.Find(options.ContentDir, options.ThemeDir, config);
        var (siteFingerprint, today) = (themeSource.Fingerprint() + imports.Fingerprint, Format.Iso(config.Today));
        var themeFingerprint = siteFingerprint + scope?.Fingerprint;
        log.Counts = new LoadCounts(output.InputsRead, null, null);
        if (!log.Diagnostics.HasErrors && output.Unchanged(Generator, themeFingerprint, today) is { } previous)
        {
            log.Stage("confirm unchanged");
            return log.Unchanged(previous);
        }

        log.Stage("list and hash");
        // The theme does not depend on the content: it is read and parsed on another thread while the content loads
        // (which leaves a core idle at times), its diagnostics added where a theme read here would add them.
        var themeDiagnostics = new DiagnosticBag();
        var themeLoad = Task.Run(() => themeSource.Load(config.Languages, themeDiagnostics));
        // A shard loads other parks light: its parses are not a full build's, so it keeps no load cache.
        var cache = scope is null ? output.LoadCache(config.Languages, ahead) : null;
        var loaded = ContentLoader.Load(tree, config, log.Diagnostics, options.Parallel, cache, scope is null ? null : scope.IsLight);
        cache?.Save();
        if (scope is not null) loaded = FeedArticles.Complete(loaded, tree, config.Languages, scope);
        log.Stage("load");
        log.Counts = new LoadCounts(output.InputsRead, cache?.Parsed, cache?.Reused);
        var checkedSite = CheckedSite.Check(loaded, log.Diagnostics);
        var theme = themeLoad.GetAwaiter().GetResult();
        log.Diagnostics.AddRange(themeDiagnostics.ToSortedList());
        log.Stage("check");
        if (checkedSite is null || theme is null) return log.Stopped();

        var facts = SiteFacts.Of(checkedSite, imports);
        var report = facts.Report(themeSource.Folder);
        var plan = RenderPlan.Make(facts, theme);
        log.Stage("facts and plan");
        valid?.Invoke(facts, theme);

        var jobs = scope is null ? plan.Jobs : plan.Jobs.Where(j => scope.Writes(j.PageId)).ToList();
        progress?.Planned(jobs.Count * config.Languages.Count);
        if (!output.Start(Generator, $"{Generator}|{themeFingerprint}|{today}", jobs.Select(j => (j.PageId, j.Inputs)), log.Diagnostics))
            return log.Stopped(report);
        var state = scope is null ? null : new ShardState(ShardState.CurrentFormat, Generator,
            output.HashOf($"{Generator}|{siteFingerprint}|{today}", [SiteConfigLoader.FileName, "indicators.yaml"]) ?? "", output.InputsOf(Generator, siteFingerprint, today) ?? "",
            config.Languages, scope.Globs, scope.Parks, scope.SiteParks, new Dictionary<string, string>());
        var pages = Render(plan, scope, state, output, options, progress, log);
        log.Stage("render and write");
        if (pages is null) return log.Stopped(report);

        // Broken links, anchors and images are warnings: the site is still published.
        log.Diagnostics.AddRange(scope is null ? LinkChecker.Check(pages, output.Paths.Contains, output.Reuse?.LinkResults(pages))
            : LinkChecker.Check(pages, scope.Known(output.Paths)));
        log.Stage("link check");
        if (!output.Commit(Generator, pages.Count, log.Diagnostics, report)) return log.Stopped(report);
        log.Stage("swap");
        return log.Done(pages.Count, output.FileCount, report) with { ReusedPages = output.Reuse?.Reused ?? 0, PagesReadBack = output.Reuse?.ReadBack ?? 0,
            SearchIndex = output.Search.Languages > 0 ? output.Search.Counts : null };
    }

    /// <summary>
    /// An output folder that overlaps the content, is not ours or is a symbolic link, leftovers of a killed build that
    /// cannot be cleaned up (<see cref="SiteWriter.Recover"/>), or a content folder that does not exist.
    /// </summary>
    private static Diagnostic? Refused(BuildOptions options, bool write)
    {
        if (write && (SiteWriter.CheckTarget(options.ContentDir, options.OutputDir) ?? SiteWriter.TryRecover(options.OutputDir)) is { } refused) return refused;
        return Directory.Exists(options.ContentDir) ? null
            : new Diagnostic(Codes.MissingSiteYaml.Id, Codes.MissingSiteYaml.Severity, options.ContentDir.Replace('\\', '/'), 0, 0,
                ContentFolderAdvice.Missing(options.ContentDir));
    }

    /// <summary>Renders the plan into the output; null when a theme's template or the file system failed (reported).</summary>
    private static IReadOnlyList<PageLinks>? Render(RenderPlan plan, ShardScope? scope, ShardState? state, SiteOutput output, BuildOptions options,
        IBuildProgress? progress, BuildLog log)
    {
        try
        {
            var pages = new SiteRenderer(plan, Generator, options.Parallel, options.PageTimeLimit) { Scope = scope }
                .Render(output, progress is null ? null : progress.PageDone);
            if (state is not null)
                foreach (var f in ShardFragments.WithState(state, plan.Facts, plan.Theme, scope!)) output.Emit(f);
            output.Flush();
            return pages;
        }
        catch (Exception e) when (Theme.RenderError(e, options.PageTimeLimit) is { } error)
        {
            log.Diagnostics.Add(error);
            return null;
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(Theme.Unwrap(e)))
        {
            log.Diagnostics.Add(SiteWriter.Failed(options.OutputDir, Theme.Unwrap(e), "writing the site"));
            return null;
        }
    }
}
