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

    /// <summary>The language this reporter speaks (zh or en).</summary>
    public string Lang => _lang;

    private static bool Color => Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && Interactive;

    public BuildResult WithProgress(Func<IBuildProgress?, BuildResult> run)
    {
        if (!Interactive || quiet || stdout != Console.Out) return run(null);
        BuildResult? result = null;
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(MessageCatalog.Format(_lang, "cli.progress"), maxValue: 1);
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
                // In the chosen language, like the line above: an annotation is read beside the file by the same editor
                // (a workflow that wants them in Chinese sets ECOSITE_LANG=zh; runners default to LANG=C.UTF-8, English).
                // The title is the code, which never changes; scripts read --format json, whose 'message' stays English.
                stderr.WriteLine($"::{kind} {where},title={TerminalText.AnnotationProperty(d.Code)}::{TerminalText.AnnotationMessage(MessageCatalog.Message(d, _lang))}");
            }
        }
        if (warnings > WarningLimit && !verbose)
            stderr.WriteLine(MessageCatalog.Format(_lang, "cli.more-warnings", warnings - WarningLimit));
    }

    public void PrintBuildSummary(BuildResult r, string output)
    {
        output = TerminalText.Line(output);
        if (quiet && r.Success) return;
        var seconds = r.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        if (verbose)
            foreach (var t in r.Timings)
                stdout.WriteLine($"  {t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:0} ms, cpu {t.Cpu.TotalMilliseconds,6:0} ms, heap {t.HeapBytes / (1024 * 1024),5} MB, allocated {t.AllocatedBytes / (1024 * 1024)} MB, gc {t.Collections.Gen0}/{t.Collections.Gen1}/{t.Collections.Gen2} paused {t.GcPause.TotalMilliseconds:0} ms");
        if (verbose && r.Load is { InputsRead: { } read } load)
            stdout.WriteLine($"  content files read {read}" + (load.Parsed is { } parsed ? $", Markdown parsed {parsed}, from the load cache {load.Reused}" : ""));
        if (verbose && r.SearchIndex is { } s)
            stdout.WriteLine($"  search index: patched {s.Patched} of {s.Languages} languages, documents tokenized {s.Tokenized}, chunks encoded {s.ChunksEncoded}, kept {s.ChunksKept}");
        if (r.Success && r.Unchanged)
            stdout.WriteLine(MessageCatalog.Format(_lang, "cli.up-to-date", output, r.Pages, r.Files, seconds, Count(r.Warnings, "warning")));
        else if (r.Success)
            stdout.WriteLine(MessageCatalog.Format(_lang, "cli.built", r.Pages, r.Files, output, seconds, Count(r.Warnings, "warning"),
                r.ReusedPages > 0 ? MessageCatalog.Format(_lang, "cli.built.reused", r.ReusedPages) : ""));
        else
            stderr.WriteLine(MessageCatalog.Format(_lang, "cli.build-failed", Count(r.Errors, "error"), Count(r.Warnings, "warning"), output));
    }

    public void PrintCheckSummary(BuildResult r)
    {
        var seconds = r.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        stdout.WriteLine(r.Errors == 0
            ? MessageCatalog.Format(_lang, "cli.checked.clean", seconds, Count(r.Warnings, "warning"))
            : MessageCatalog.Format(_lang, "cli.checked", seconds, Count(r.Errors, "error"), Count(r.Warnings, "warning")));
        _ = verbose;
    }

    private string Count(int n, string noun) => MessageCatalog.Count(_lang, n, noun);

    private sealed class ProgressAdapter(ProgressTask task) : IBuildProgress
    {
        public void Planned(int pages) => task.MaxValue = Math.Max(1, pages);
        public void PageDone() => task.Increment(1);
    }
}
