using System.Globalization;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli.Serve;

/// <summary>
/// Builds the site for serve and publishes each build to the <see cref="Preview"/>. A build goes into whichever of two
/// folders is not being served, so a request never meets a half-swapped folder, and each build finds the output of the
/// build before last there to take unchanged pages from. While the content has errors the last good build stays
/// served with the errors over it; an internal error (a bug in EcoSite) is printed and shown the same way, and the
/// next change builds again: serve never stops watching because one build failed.
/// </summary>
internal sealed class Rebuilder(ServeOptions options, Preview preview, string folder, Func<BuildOptions, BuildResult> build,
    TextWriter stdout, TextWriter stderr, bool verbose, bool quiet)
{
    private int _builds;

    /// <summary>Builds run so far, the first included.</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>The latest build that finished, good or not.</summary>
    public BuildResult? LastResult { get; private set; }

    /// <summary>
    /// The first build, before serving starts. An internal error here is not caught: there is nothing to serve yet, and
    /// the command reports it as 'ecosite build' does.
    /// </summary>
    public BuildResult First() => Build(first: true);

    /// <summary>A rebuild after a change; null when it met an internal error (printed and shown in the overlay).</summary>
    public BuildResult? Again()
    {
        try
        {
            return Build(first: false);
        }
        catch (Exception e)
        {
            // Told as 'ecosite build' tells it, then what serve does about it.
            InternalErrorReport.Print(stderr, e, preview.Lang);
            stderr.WriteLine(MessageCatalog.Format(preview.Lang, "cli.serve.goes-on", Time()));
            preview.Publish(preview.Current.Root, [], InternalErrorReport.Describe(e));
            return null;
        }
    }

    private BuildResult Build(bool first)
    {
        var a = Path.Combine(folder, "a");
        var served = preview.Current.Root;
        var output = served == a ? Path.Combine(folder, "b") : a;
        Interlocked.Increment(ref _builds);
        var result = build(new BuildOptions(options.ContentDir, output, BuildClock.FromEnvironment(), options.ThemeDir));
        LastResult = result;
        preview.Publish(result.Success ? output : served, result.Diagnostics.Where(d => d.IsError).ToList(), null);
        Report(result, first, served is not null || result.Success);
        return result;
    }

    private void Report(BuildResult result, bool first, bool hasGoodBuild)
    {
        var ms = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var lang = preview.Lang;
        var console = new Reporter(stdout, stderr, verbose, quiet || !verbose && !first, lang);
        // The first build prints warnings like 'ecosite build'; rebuilds print only errors unless --verbose.
        console.PrintDiagnostics(result.Diagnostics);
        if (result.Success)
        {
            var reused = result.Unchanged ? MessageCatalog.Format(lang, "cli.serve.all-reused")
                : result.ReusedPages > 0 ? MessageCatalog.Format(lang, "cli.serve.reused", result.ReusedPages) : "";
            if (!quiet) stdout.WriteLine(MessageCatalog.Format(lang, first ? "cli.serve.built" : "cli.serve.rebuilt", Time(), result.Pages, ms, result.Warnings, reused));
        }
        else
            stderr.WriteLine(MessageCatalog.Format(lang, hasGoodBuild ? "cli.serve.failed.kept" : "cli.serve.failed.none", Time(), ms, MessageCatalog.Count(lang, result.Errors, "error")));
        if (verbose)
            foreach (var t in result.Timings)
                stdout.WriteLine($"  {t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:0} ms");
    }

    private static string Time() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
