using System.Globalization;
using System.Net;
using System.Text;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli.Serve;

/// <summary>
/// What serve mode adds to HTML responses, and only to responses: the live-reload script and, while the content
/// has errors, an overlay listing them. Built files are never touched.
/// </summary>
internal static class PageInjector
{
    public const string EventsPath = "/__ecosite/events";
    public const string OverlayId = "ecosite-error-overlay";
    public const string ScriptMarker = "data-ecosite-reload";

    public static string Inject(string html, Preview.State state)
    {
        var add = new StringBuilder();
        if (state.InternalError is { } internalError) add.Append(Overlay(MessageCatalog.Format(state.Lang, "overlay.internal", internalError), [], state.Lang));
        else if (state.Errors.Count > 0) add.Append(Overlay(ErrorsHeading(state.Errors.Count, state.Lang), state.Errors, state.Lang));
        add.Append(Script(state.Version));
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + add : html.Insert(at, add.ToString());
    }

    /// <summary>A page for when no build has succeeded yet: nothing to show but the errors.</summary>
    public static string ErrorPage(Preview.State state) =>
        Inject($"<!DOCTYPE html><html lang=\"{state.Lang}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(MessageCatalog.Format(state.Lang, "overlay.title"))}</title></head><body></body></html>", state);

    // The page knows the build it came from; the server sends the current build on connect and after each build,
    // so a change made while the page was loading still reloads it.
    private static string Script(long version) =>
        "<script " + ScriptMarker + ">(function(){var v=\"" + version.ToString(CultureInfo.InvariantCulture) + "\";var s=new EventSource(\"" + EventsPath +
        "\");s.addEventListener(\"build\",function(e){if(e.data!==v){s.close();location.reload();}});})();</script>";

    private static string ErrorsHeading(int n, string lang) => MessageCatalog.Format(lang, n == 1 ? "overlay.errors.one" : "overlay.errors.many", n);

    private static string Overlay(string heading, IReadOnlyList<Diagnostic> errors, string lang)
    {
        var sb = new StringBuilder();
        sb.Append($"""<div id="{OverlayId}" lang="{lang}" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,Consolas,monospace;padding:2rem">""");
        var n = errors.Count;
        sb.Append("<p style=\"font-size:1.2em;margin:0 0 1em\">").Append(WebUtility.HtmlEncode(heading)).Append("</p><ul style=\"padding-left:1.2em\">");
        foreach (var d in errors.Take(50))
        {
            var where = d.Line > 0 ? $"{d.File}:{d.Line}:{d.Column}" : d.File;
            sb.Append("<li style=\"margin-bottom:.6em\"><code style=\"color:#ffb86c\">").Append(WebUtility.HtmlEncode(where)).Append("</code> <strong style=\"color:#ff6e6e\">")
                .Append(WebUtility.HtmlEncode(d.Code)).Append("</strong> ").Append(WebUtility.HtmlEncode(MessageCatalog.Message(d, lang))).Append("</li>");
        }
        if (n > 50) sb.Append("<li>").Append(WebUtility.HtmlEncode(MessageCatalog.Format(lang, "overlay.more", n - 50))).Append("</li>");
        sb.Append("</ul><button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"font:inherit;padding:.3em 1em\">")
            .Append(WebUtility.HtmlEncode(MessageCatalog.Format(lang, "overlay.dismiss"))).Append("</button></div>");
        return sb.ToString();
    }
}
