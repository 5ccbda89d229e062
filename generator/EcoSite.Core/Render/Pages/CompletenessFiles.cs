using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Render.Svg;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>
/// The completeness score as files any page can embed (content-format.md sections 3 and 11): per park
/// parks/&lt;id&gt;/badge.svg and a shields.io endpoint parks/&lt;id&gt;/completeness.json, and the same at the site root
/// for the platform average. The default language has the plain names; other languages add ".&lt;lang&gt;".
/// </summary>
internal static class CompletenessFiles
{

    /// <summary>"88%", "87.5%": the score rounded to one decimal, a trailing ".0" dropped.</summary>
    public static string Message(double score) => Format.Number(Completeness.Round(score), 1) + "%";

    public static string Label(Theme theme, Park? park, string lang) => theme.String(lang, park is null ? "badge_label_site" : "badge_label");

    /// <summary>
    /// The badges and endpoints. With <paramref name="global"/> and <paramref name="keeps"/> (an incremental build:
    /// <see cref="SiteOutput.Keeps"/>), a file whose digest (<see cref="Digest"/>) is the one the previous build recorded
    /// stays as published (a <see cref="ReusedFile"/>), not made again.
    /// </summary>
    public static IEnumerable<OutputFile> For(SiteFacts facts, Theme theme, string? global = null, Func<string, string?, bool>? keeps = null)
    {
        var scores = facts.Completeness;
        var cfg = facts.Config;
        var routes = facts.Routes;
        OutputFile? Kept(string path, string kind, Park? park, string lang, double score) =>
            global is not null && keeps is not null && keeps(path, Digest(global, kind, park?.Id, lang, score)) ? new ReusedFile(path) : null;
        foreach (var lang in cfg.Languages)
        {
            foreach (var (park, score) in facts.Site.Parks.Zip(scores.Parks))
            {
                var badge = routes.Badge(park.Id, lang);
                yield return Kept(badge, "badge", park, lang, score.Total) ?? new TextFile(badge, Svg(theme, park, lang, score.Total));
                var endpoint = routes.Endpoint(park.Id, lang);
                yield return Kept(endpoint, "endpoint", park, lang, score.Total) ?? new TextFile(endpoint, Endpoint(Label(theme, park, lang), score.Total));
            }
            if (scores.Average is { } average)
            {
                var badge = routes.Badge(null, lang);
                yield return Kept(badge, "badge", null, lang, average) ?? new TextFile(badge, Svg(theme, null, lang, average));
                var endpoint = routes.Endpoint(null, lang);
                yield return Kept(endpoint, "endpoint", null, lang, average) ?? new TextFile(endpoint, Endpoint(Label(theme, null, lang), average));
            }
        }
    }

    /// <summary>
    /// What a badge or an endpoint is made from besides <paramref name="global"/> (generator, theme and its strings,
    /// site.yaml): which file, the park (none for the platform's), the language and the score (its exact bits).
    /// </summary>
    internal static string Digest(string global, string kind, string? parkId, string lang, double score)
    {
        using var d = new ViewDigest.Writer();
        d.Text(global).Text("completeness").Text(kind).Text(parkId).Text(lang).Number(BitConverter.DoubleToInt64Bits(score));
        return d.Finish();
    }

    private static string Svg(Theme theme, Park? park, string lang, double score) =>
        Badge.Render(Label(theme, park, lang), Message(score), Badge.ColorFor(score)) + "\n";

    /// <summary>shields.io endpoint schema: exactly schemaVersion, label, message and color (it rejects other keys).</summary>
    internal static string Endpoint(string label, double score)
    {
        return PublishedJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("label", label);
            w.WriteString("message", Message(score));
            w.WriteString("color", Badge.ColorName(score));
            w.WriteEndObject();
        }, indented: false);
    }
}
