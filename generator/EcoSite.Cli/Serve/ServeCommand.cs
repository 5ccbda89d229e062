using System.CommandLine;
using System.Globalization;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli.Serve;

/// <summary><c>ecosite serve</c>: options to a <see cref="ServeSession"/>, which runs until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Argument<string> content, Option<bool> verbose, Option<bool> quiet, Func<EcoSite.Core.BuildOptions, EcoSite.Core.BuildResult> build,
        Option<string?> langOption, string lang)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = MessageCatalog.Format(lang, "help.serve.port", ServeOptions.DefaultPort),
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
            // Parsed here: the library's conversion error is in English and names the type 'System.Int32'.
            CustomParser = r =>
            {
                if (r.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535) return p;
                r.AddError(MessageCatalog.Format(lang, "help.serve.port.range"));
                return ServeOptions.DefaultPort;
            },
        };
        var basePath = new Option<string?>("--base-path")
        {
            Description = MessageCatalog.Format(lang, "help.serve.base-path"),
        };
        basePath.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } v && ServeSession.NormalizeBasePath(v) is null)
                r.AddError(MessageCatalog.Format(lang, "help.serve.base-path.bad", v));
        });
        var host = new Option<string>("--host")
        {
            Description = MessageCatalog.Format(lang, "help.serve.host"),
            DefaultValueFactory = _ => "127.0.0.1",
        };
        host.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string>();
            if (v != "localhost" && !System.Net.IPAddress.TryParse(v, out _)) r.AddError(MessageCatalog.Format(lang, "help.serve.host.bad", v));
        });

        var serve = new Command("serve", MessageCatalog.Format(lang, "help.serve")) { content, port, basePath, host, verbose, quiet, langOption };

        serve.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServeOptions(parse.GetValue(content)!, parse.GetValue(port), parse.GetValue(basePath), parse.GetValue(host)!) { Lang = lang };
            await using var session = new ServeSession(options, stdout, stderr, parse.GetValue(verbose), parse.GetValue(quiet), build);
            Uri url;
            try
            {
                url = await session.StartAsync(cancellationToken);
            }
            catch (ServeStartException e)
            {
                // Anything else that fails here is a bug: it reaches EcoSiteCommand, which reports it as an internal error.
                var message = MessageCatalog.Translate("ECO005", e.Message, lang) ?? e.Message;
                stderr.WriteLine(TerminalText.Line($"ecosite{(lang == MessageCatalog.Chinese ? "：" : ": ")}{message}"));
                return EcoSiteCommand.ContentErrors;
            }
            stdout.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.serve.serving", options.ContentDir, url)));
            stdout.WriteLine(MessageCatalog.Format(lang, "cli.serve.watching"));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) { }
            await session.StopAsync();
            stdout.WriteLine(MessageCatalog.Format(lang, "cli.serve.stopped"));
            return EcoSiteCommand.Ok;
        });
        return serve;
    }
}
