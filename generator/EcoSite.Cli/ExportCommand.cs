using System.CommandLine;
using System.Globalization;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics.Messages;
using EcoSite.Core.Export.Wechat;

namespace EcoSite.Cli;

/// <summary><c>ecosite export wechat</c>: options to <see cref="WechatExporter"/>, its result to printed diagnostics and an exit code.</summary>
internal static class ExportCommand
{
    /// <param name="uiLang">The language of the messages (ECOSITE_LANG, else the system's): here --lang names the content language to export.</param>
    public static Command Create(TextWriter stdout, TextWriter stderr, Argument<string> content, Option<bool> verbose, Option<bool> quiet, string uiLang)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output folder (replaced when the export succeeds; default _wechat).",
            DefaultValueFactory = _ => "_wechat",
        };
        var lang = new Option<string[]>("--lang")
        {
            Description = "Language to export; repeat for several, --lang zh --lang en (default: the site's default language, zh).",
        };
        lang.AcceptOnlyFromAmong([.. WechatExporter.SupportedLanguages]);
        var since = new Option<string?>("--since")
        {
            Description = $"First day of the exchange digests, YYYY-MM-DD (default: the {WechatExporter.DefaultDays} days up to today).",
        };
        since.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } v && ParseDate(v) is null)
                r.AddError($"--since '{v}' is not a date; write it as YYYY-MM-DD, e.g. --since 2026-11-23.");
        });

        var wechat = new Command("wechat", $"""
            Write articles for a WeChat official account (公众号): one per news item and case, and a digest of the
            exchange listings posted since a day, per park and for the region. Each is an HTML fragment with inline
            styles to paste into the 公众号 editor, with its images and a QR code of its page (from site.yaml base_url).
            Open index.html in the output folder for the titles, digests and files to upload.

            Examples:
              ecosite export wechat                            ./content into ./_wechat, in the default language
              ecosite export wechat content -o weekly --lang zh --lang en
              ecosite export wechat --since 2026-11-23         digests of the listings posted from 23 November
            """) { content, output, lang, since, verbose, quiet };
        wechat.SetAction(parse =>
        {
            var options = new WechatOptions(parse.GetValue(content)!, parse.GetValue(output)!, BuildClock.FromEnvironment(),
                parse.GetValue(lang) ?? [], parse.GetValue(since) is { } s ? ParseDate(s) : null);
            var result = WechatExporter.Export(options);
            var console = new Reporter(stdout, stderr, parse.GetValue(verbose), parse.GetValue(quiet), uiLang);
            console.PrintDiagnostics(result.Diagnostics);
            if (!result.Success)
            {
                stderr.WriteLine(TerminalText.Line(MessageCatalog.Format(uiLang, "cli.export.failed", MessageCatalog.Count(uiLang, result.Errors, "error"), MessageCatalog.Count(uiLang, result.Warnings, "warning"), options.OutputDir)));
                return EcoSiteCommand.ContentErrors;
            }
            if (!parse.GetValue(quiet))
            {
                var path = Path.Combine(options.OutputDir, WechatExporter.IndexName);
                var perLanguage = string.Join(", ", result.Articles.GroupBy(a => a.Lang).Select(g => $"{g.Key}: {g.Count()}"));
                stdout.WriteLine(TerminalText.Line(MessageCatalog.Format(uiLang, "cli.export.done", MessageCatalog.Count(uiLang, result.Articles.Count, "article"), perLanguage, MessageCatalog.Count(uiLang, result.Files, "file"),
                    options.OutputDir, string.Create(CultureInfo.InvariantCulture, $"{result.Since:yyyy-MM-dd}"), MessageCatalog.Count(uiLang, result.Warnings, "warning"), path)));
            }
            return EcoSiteCommand.Ok;
        });

        return new Command("export", """
            Export the content for other channels.

            Examples:
              ecosite export wechat                            articles for a WeChat official account into ./_wechat
            """) { wechat };
    }

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
