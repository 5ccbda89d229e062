using System.CommandLine;
using System.Globalization;
using System.CommandLine.Invocation;
using EcoSite.Cli.Serve;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics.Messages;
using EcoSite.Core.Shards;

namespace EcoSite.Cli;

/// <summary>Arguments to options, options to <see cref="SiteBuilder"/>, results to printed diagnostics and an exit code.</summary>
public static class EcoSiteCommand
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
    public const int InternalError = 70; // EX_SOFTWARE (sysexits.h)

    /// <summary>Runs before <c>ecosite build</c> builds: the executable's choice of the collector's setting (<see cref="IncrementalGc"/>), not a test's.</summary>
    internal static Action<BuildOptions>? BeforeBuild { get; set; }

    /// <summary>The version of the tool, from the one place it is set (Directory.Build.props).</summary>
    public static string Version { get; } = SiteBuilder.Generator["EcoSite ".Length..];

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, o => SiteBuilder.Build(o), cancellationToken);

    /// <param name="runBuild">How serve runs a build; tests put a failing one here.</param>
    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<BuildOptions, BuildResult> runBuild, CancellationToken cancellationToken = default)
    {
        // The language is chosen before the command tree is built: its help texts are in that language.
        var lang = UiLanguage.Resolve(UiLanguage.FromArguments(args));
        var root = Build(stdout, stderr, runBuild, lang);
        var parse = root.Parse(args);
        var errors = parse.Errors.Select(e => CliText.Error(e.Message, lang)).Concat(CliText.UnknownOptions(parse, lang)).ToList();
        if (errors.Count > 0)
        {
            foreach (var e in errors) stderr.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.parse.line", e)));
            var command = parse.CommandResult.Command;
            var path = command == root ? "" : " " + string.Join(' ', Ancestry(command, root));
            stderr.WriteLine(MessageCatalog.Format(lang, "cli.usage", path));
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Content problems are diagnostics; reaching here is a bug in EcoSite. Say so briefly, without a stack trace
            // (ECOSITE_DEBUG=1 prints it for a bug report).
            InternalErrorReport.Print(stderr, e, lang);
            return InternalError;
        }
    }

    private static IEnumerable<string> Ancestry(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c && c != root; s = c.Parents.FirstOrDefault()) names.Add(c.Name);
        names.Reverse();
        return names;
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr, Func<BuildOptions, BuildResult> runBuild, string lang)
    {
        var root = new RootCommand(MessageCatalog.Format(lang, "help.root"));
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersion(stdout);
        CliText.Apply(root, stdout, lang);

        var buildContent = ContentArgument(lang);
        var output = new Option<string>("--output", "-o") { Description = MessageCatalog.Format(lang, "help.build.output"), DefaultValueFactory = _ => "_site" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = MessageCatalog.Format(lang, "help.verbose") };
        var quiet = new Option<bool>("--quiet", "-q") { Description = MessageCatalog.Format(lang, "help.quiet") };
        var buildFailUnder = FailUnderOption(lang);
        var buildLang = LangOption(lang);
        var parks = new Option<string[]>("--parks") { Description = MessageCatalog.Format(lang, "help.build.parks"), AllowMultipleArgumentsPerToken = false };
        var build = new Command("build", MessageCatalog.Format(lang, "help.build")) { buildContent, output, verbose, quiet, buildFailUnder, buildLang, parks };
        build.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(buildContent)!, parse.GetValue(output)!, BuildClock.FromEnvironment())
            {
                Parks = parse.GetResult(parks) is null ? null : parse.GetValue(parks) ?? [],
            };
            BeforeBuild?.Invoke(options);
            var console = new Reporter(stdout, stderr, parse.GetValue(verbose), parse.GetValue(quiet), lang);
            var result = console.WithProgress(p => SiteBuilder.Build(options, p));
            console.PrintDiagnostics(result.Diagnostics);
            console.PrintBuildSummary(result, options.OutputDir);
            if (!result.Success) return ContentErrors;
            // Scores need the loaded site, which a build that found nothing changed loads only when asked for it.
            var threshold = parse.GetValue(buildFailUnder);
            return threshold is not null && ScoreReport.FailsUnder(result.Report, threshold, stderr, lang) ? ContentErrors : Ok;
        });

        var checkContent = ContentArgument(lang);
        var format = new Option<string>("--format") { Description = MessageCatalog.Format(lang, "help.check.format"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var checkFailUnder = FailUnderOption(lang);
        var checkLang = LangOption(lang);
        var check = new Command("check", MessageCatalog.Format(lang, "help.check")) { checkContent, format, verbose, checkFailUnder, checkLang };
        check.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(checkContent)!, "", BuildClock.FromEnvironment());
            var result = SiteBuilder.Check(options);
            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(CheckReport.Json(result, lang));
            }
            else
            {
                var console = new Reporter(stdout, stderr, parse.GetValue(verbose), false, lang);
                console.PrintDiagnostics(result.Diagnostics);
                if (result.Report is { } report) ScoreReport.Print(report, stdout, lang);
                console.PrintCheckSummary(result);
            }
            var below = ScoreReport.FailsUnder(result.Report, parse.GetValue(checkFailUnder), stderr, lang);
            return result.Errors > 0 || below ? ContentErrors : Ok;
        });

        root.Subcommands.Add(build);
        root.Subcommands.Add(MergeCommand(stdout, stderr, verbose, quiet, lang));
        root.Subcommands.Add(check);
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr, ContentArgument(lang), verbose, quiet, runBuild, LangOption(lang), lang));
        root.Subcommands.Add(NewCommand.Create(stdout, stderr, LangOption(lang), lang));
        root.Subcommands.Add(ExportCommand.Create(stdout, stderr, ContentArgument(lang), verbose, quiet, lang));
        return root;
    }

    /// <summary>ecosite merge SHARD... -o OUT: the shards of build --parks assembled into one site.</summary>
    private static Command MergeCommand(TextWriter stdout, TextWriter stderr, Option<bool> verbose, Option<bool> quiet, string lang)
    {
        var shards = new Argument<string[]>("shards") { Description = MessageCatalog.Format(lang, "help.merge.shards"), Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = MessageCatalog.Format(lang, "help.merge.output"), DefaultValueFactory = _ => "_site" };
        var merge = new Command("merge", MessageCatalog.Format(lang, "help.merge")) { shards, output, verbose, quiet, LangOption(lang) };
        merge.SetAction(parse =>
        {
            var console = new Reporter(stdout, stderr, parse.GetValue(verbose), parse.GetValue(quiet), lang);
            var result = ShardMerger.Merge(parse.GetValue(shards)!, parse.GetValue(output)!);
            console.PrintDiagnostics(result.Diagnostics);
            console.PrintBuildSummary(result, parse.GetValue(output)!);
            return result.Success ? Ok : ContentErrors;
        });
        return merge;
    }

    /// <summary>--lang zh|en: the language of messages (else ECOSITE_LANG, else the system's; see <see cref="UiLanguage"/>).</summary>
    internal static Option<string?> LangOption(string lang)
    {
        var option = new Option<string?>("--lang") { Description = MessageCatalog.Format(lang, "help.lang") };
        option.AcceptOnlyFromAmong([.. Core.Diagnostics.Messages.MessageCatalog.Languages]);
        return option;
    }

    private static Option<double?> FailUnderOption(string lang)
    {
        // Parsed here rather than by the library, whose conversion error ("Cannot parse argument 'abc' ... as expected
        // type 'System.Nullable`1[System.Double]'") is neither in the user's language nor in the user's terms.
        return new Option<double?>("--fail-under")
        {
            Description = MessageCatalog.Format(lang, "help.fail-under"),
            CustomParser = r =>
            {
                if (r.Tokens is [var token] && double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 100) return v;
                r.AddError(MessageCatalog.Format(lang, "help.fail-under.range"));
                return null;
            },
        };
    }

    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(Version);
            return Ok;
        }
    }

    private static Argument<string> ContentArgument(string lang) => new("content")
    {
        Description = MessageCatalog.Format(lang, "help.content"),
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "content",
    };
}
