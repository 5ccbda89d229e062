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
            Description = MessageCatalog.Format(uiLang, "help.export.output"),
            DefaultValueFactory = _ => "_wechat",
        };
        var lang = new Option<string[]>("--lang")
        {
            Description = MessageCatalog.Format(uiLang, "help.export.lang"),
        };
        lang.AcceptOnlyFromAmong([.. WechatExporter.SupportedLanguages]);
        var since = new Option<string?>("--since")
        {
            Description = MessageCatalog.Format(uiLang, "help.export.since", WechatExporter.DefaultDays),
        };
        since.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } v && ParseDate(v) is null)
                r.AddError(MessageCatalog.Format(uiLang, "help.export.since.bad", v));
        });

        var wechat = new Command("wechat", MessageCatalog.Format(uiLang, "help.export.wechat")) { content, output, lang, since, verbose, quiet };
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

        return new Command("export", MessageCatalog.Format(uiLang, "help.export")) { wechat };
    }

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
