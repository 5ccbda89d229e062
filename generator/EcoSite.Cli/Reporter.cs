using EcoSite.Core;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;
using Spectre.Console;

namespace EcoSite.Cli;

/// <summary>
/// Terminal manners: diagnostics in the compiler format on stderr (plus GitHub annotations under GitHub Actions),
/// a progress bar only on an interactive terminal, colour unless NO_COLOR is set, one summary line otherwise.
/// </summary>
/// <param name="lang">The language of the messages (<see cref="UiLanguage"/>); null resolves it from the environment.</param>
internal sealed class Reporter(TextWriter stdout, TextWriter stderr, bool verbose, bool quiet, string? lang = null)
{
    private static bool Interactive =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false";

    private readonly string _lang = UiLanguage.Resolve(lang);

    private static bool Color => Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && Interactive;

    public BuildResult WithProgress(Func<IBuildProgress?, BuildResult> run)
    {
        if (!Interactive || quiet || stdout != Console.Out) return run(null);
        BuildResult? result = null;
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("Rendering pages", maxValue: 1);
            result = run(new ProgressAdapter(task));
        });
        return result!;
    }

    /// <summary>Without --verbose, warnings after this many are counted, not printed; errors are always printed.</summary>
    public const int WarningLimit = 20;

    public void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        var github = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        var warnings = 0;
        foreach (var d in diagnostics)
        {
            if (quiet && !d.IsError) continue;
            if (!d.IsError && ++warnings > WarningLimit && !verbose) continue;
            var line = TerminalText.Line(MessageCatalog.Line(d, _lang));
            if (Color) stderr.WriteLine(d.IsError ? $"\u001b[31m{line}\u001b[0m" : $"\u001b[33m{line}\u001b[0m");
            else stderr.WriteLine(line);
            if (github)
            {
                var kind = d.IsError ? "error" : "warning";
                var file = TerminalText.AnnotationProperty(d.File);
                var where = d.Line > 0 ? $"file={file},line={d.Line},col={d.Column}" : $"file={file}";
                stderr.WriteLine($"::{kind} {where},title={TerminalText.AnnotationProperty(d.Code)}::{TerminalText.AnnotationMessage(d.Message)}");
            }
        }
        if (warnings > WarningLimit && !verbose)
            stderr.WriteLine($"... and {warnings - WarningLimit} more warnings; run with --verbose to see them all.");
    }

    public void PrintBuildSummary(BuildResult r, string output)
    {
        output = TerminalText.Line(output);
        if (quiet && r.Success) return;
        var seconds = r.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        if (verbose)
            foreach (var t in r.Timings)
                stdout.WriteLine($"  {t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:0} ms");
        if (r.Success && r.Unchanged)
            stdout.WriteLine($"Up to date: nothing changed since the last build of {output} ({r.Pages} pages, {r.Files} files); confirmed in {seconds} s ({Count(r.Warnings, "warning")}).");
        else if (r.Success)
            stdout.WriteLine($"Built {r.Pages} pages, {r.Files} files into {output} in {seconds} s ({Count(r.Warnings, "warning")}{(r.ReusedPages > 0 ? $", {r.ReusedPages} unchanged pages reused" : "")}).");
        else
            stderr.WriteLine($"Build failed: {Count(r.Errors, "error")}, {Count(r.Warnings, "warning")}. Nothing was written; the previous site in {output} is unchanged.");
    }

    public void PrintCheckSummary(BuildResult r)
    {
        var seconds = r.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        stdout.WriteLine(r.Errors == 0 ? $"Checked in {seconds} s: no errors, {Count(r.Warnings, "warning")}." : $"Checked in {seconds} s: {Count(r.Errors, "error")}, {Count(r.Warnings, "warning")}.");
        _ = verbose;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private sealed class ProgressAdapter(ProgressTask task) : IBuildProgress
    {
        public void Planned(int pages) => task.MaxValue = Math.Max(1, pages);
        public void PageDone() => task.Increment(1);
    }
}
