using System.CommandLine;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Cli;

/// <summary>Arguments to options, options to <see cref="SiteBuilder"/>, results to printed diagnostics and an exit code.</summary>
public static class EcoSiteCommand
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"ecosite: {e.Message}");
            stderr.WriteLine("Run 'ecosite --help' for usage.");
            return Task.FromResult(UsageError);
        }
        return Task.FromResult(parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr }));
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("""
            EcoSite builds an eco-industrial park disclosure site (HJ 274-2015) from Markdown and YAML.

            Examples:
              ecosite build                      build ./content into ./_site
              ecosite build content -o public    build into ./public
              ecosite check --format json        validate and print a JSON report, write nothing
            """);

        var buildContent = ContentArgument();
        var output = new Option<string>("--output", "-o") { Description = "Output folder (replaced atomically; default _site).", DefaultValueFactory = _ => "_site" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every stage and warning in full." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print errors only." };
        var buildFailUnder = FailUnderOption();
        var build = new Command("build", "Build the site into the output folder.\n\nExample: ecosite build content -o _site") { buildContent, output, verbose, quiet, buildFailUnder };
        build.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(buildContent)!, parse.GetValue(output)!, BuildClock.FromEnvironment());
            var console = new Reporter(stdout, stderr, parse.GetValue(verbose), parse.GetValue(quiet));
            var result = console.WithProgress(p => SiteBuilder.Build(options, p));
            console.PrintDiagnostics(result.Diagnostics);
            console.PrintBuildSummary(result, options.OutputDir);
            if (!result.Success) return ContentErrors;
            return ScoreReport.FailsUnder(result.Site, parse.GetValue(buildFailUnder), stderr) ? ContentErrors : Ok;
        });

        var checkContent = ContentArgument();
        var format = new Option<string>("--format") { Description = "Report format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var checkFailUnder = FailUnderOption();
        var check = new Command("check", "Validate the content and report problems; writes nothing.\n\nExample: ecosite check --format json") { checkContent, format, verbose, checkFailUnder };
        check.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(checkContent)!, "", BuildClock.FromEnvironment());
            var result = SiteBuilder.Check(options);
            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(CheckReport.Json(result));
            }
            else
            {
                var console = new Reporter(stdout, stderr, parse.GetValue(verbose), false);
                console.PrintDiagnostics(result.Diagnostics);
                if (result.Site is { } site) ScoreReport.Print(site, stdout);
                console.PrintCheckSummary(result);
            }
            var below = ScoreReport.FailsUnder(result.Site, parse.GetValue(checkFailUnder), stderr);
            return result.Errors > 0 || below ? ContentErrors : Ok;
        });

        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        return root;
    }

    private static Option<double?> FailUnderOption()
    {
        var option = new Option<double?>("--fail-under")
        {
            Description = "Exit with 1 when any park's completeness score (0-100) is below this, e.g. --fail-under 60.",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } v && (double.IsNaN(v) || v < 0 || v > 100)) r.AddError("--fail-under takes a score from 0 to 100.");
        });
        return option;
    }

    private static Argument<string> ContentArgument() => new("content")
    {
        Description = "Content folder (default: content).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "content",
    };
}
