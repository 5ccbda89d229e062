using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core;
using EcoSite.Core.Facts;

namespace EcoSite.Cli;

/// <summary>The machine-readable report of 'ecosite check --format json': always one valid JSON object.</summary>
internal static class CheckReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="lang">The language of 'message_localized' (the 'message' key stays English, for scripts that match on it).</param>
    public static string Json(BuildResult result, string lang = Core.Diagnostics.Messages.MessageCatalog.English)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            if (result.Report is { } report) w.WriteString("as_of", report.AsOf);
            else w.WriteNull("as_of");
            w.WriteString("lang", lang);
            w.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("severity", d.IsError ? "error" : "warning");
                w.WriteString("file", d.File);
                w.WriteNumber("line", d.Line);
                w.WriteNumber("column", d.Column);
                w.WriteString("message", d.Message);
                w.WriteString("message_localized", Core.Diagnostics.Messages.MessageCatalog.Message(d, lang));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("parks");
            if (result.Report is { } scored)
            {
                foreach (var score in scored.Completeness.Parks)
                {
                    w.WriteStartObject();
                    w.WriteString("id", score.ParkId);
                    w.WriteNumber("score", Completeness.Round(score.Total));
                    w.WriteStartObject("categories");
                    foreach (var part in score.Parts) w.WriteNumber(part.Key, Completeness.Round(part.Points));
                    w.WriteEndObject();
                    w.WriteStartArray("reasons");
                    foreach (var reason in score.Reasons) w.WriteStringValue(reason.Text("en"));
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
