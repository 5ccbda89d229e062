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

    public static IEnumerable<OutputFile> For(SiteFacts facts, Theme theme)
    {
        var scores = facts.Completeness;
        var cfg = facts.Config;
        var routes = facts.Routes;
        foreach (var lang in cfg.Languages)
        {
            foreach (var (park, score) in facts.Site.Parks.Zip(scores.Parks))
            {
                yield return new TextFile(routes.Badge(park.Id, lang), Svg(theme, park, lang, score.Total));
                yield return new TextFile(routes.Endpoint(park.Id, lang), Endpoint(Label(theme, park, lang), score.Total));
            }
            if (scores.Average is { } average)
            {
                yield return new TextFile(routes.Badge(null, lang), Svg(theme, null, lang, average));
                yield return new TextFile(routes.Endpoint(null, lang), Endpoint(Label(theme, null, lang), average));
            }
        }
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
