using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoSite.Core.Content;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>
/// data/platform.json: what another platform reads first to dock with this one (docs/open-data.md, "Docking with a
/// neighbour"): the platform's name, base URL, export format version (<c>schema_version</c>), as-of date, languages and
/// parks, beside its JSON Schema. <see cref="FederationLoader"/> reads exactly this file from a neighbour.
/// </summary>
internal static class PlatformIndex
{
    public const string SchemaPath = "data/schemas/platform.schema.json";

    public static IEnumerable<OutputFile> Files(SiteFacts facts)
    {
        yield return new TextFile(Routes.PlatformIndex, Index(facts));
        yield return new TextFile(SchemaPath, Schema());
    }

    public static string Index(SiteFacts facts) => Write(w =>
    {
        var config = facts.Config;
        w.WriteStartObject();
        w.WriteNumber("schema_version", OpenData.SchemaVersion);
        Localized(w, "name", config.Title, config.Languages);
        if (config.BaseUrl is { } url) w.WriteString("base_url", url);
        else w.WriteNull("base_url");
        w.WriteStartArray("languages");
        foreach (var l in config.Languages) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteString("as_of", Format.Iso(config.Today));
        w.WriteStartArray("parks");
        foreach (var park in facts.Site.Parks)
        {
            w.WriteStartObject();
            w.WriteString("id", park.Id);
            Localized(w, "name", park.Profile.Name, config.Languages);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One text per language of the site, each falling back to the default language (as the datasets' columns do).</summary>
    private static void Localized(Utf8JsonWriter w, string name, LocalizedText text, IReadOnlyList<string> languages)
    {
        w.WriteStartObject(name);
        foreach (var l in languages) w.WriteString(l, text.In(l, languages[0]).Text);
        w.WriteEndObject();
    }

    /// <summary>JSON Schema (draft 2020-12) of platform.json: what <see cref="FederationLoader"/> requires of a neighbour.</summary>
    public static string Schema() => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        w.WriteString("title", "Platform index");
        w.WriteString("description", "What another platform reads first to dock with this one: name, base URL, export format version, as-of date, languages and parks.");
        w.WriteString("type", "object");
        w.WriteStartArray("required");
        foreach (var r in new[] { "schema_version", "name", "base_url", "languages", "as_of", "parks" }) w.WriteStringValue(r);
        w.WriteEndArray();
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WriteStartObject("schema_version"); w.WriteString("description", "The export format version of every file under data/"); w.WriteNumber("const", OpenData.SchemaVersion); w.WriteEndObject();
        w.WriteStartObject("name"); w.WriteString("description", "The platform's name per language"); w.WriteString("$ref", "#/$defs/localized"); w.WriteEndObject();
        w.WriteStartObject("base_url");
        w.WriteString("description", "The platform's address (site.yaml base_url), null when not configured");
        w.WriteStartArray("type"); w.WriteStringValue("string"); w.WriteStringValue("null"); w.WriteEndArray();
        w.WriteString("pattern", "^https?://");
        w.WriteEndObject();
        w.WriteStartObject("languages");
        w.WriteString("description", "The site's languages, default first; other languages' pages are under <lang>/");
        w.WriteString("type", "array");
        w.WriteNumber("minItems", 1);
        w.WriteBoolean("uniqueItems", true);
        w.WriteStartObject("items"); w.WriteStartArray("enum"); foreach (var l in SiteConfigLoader.SupportedLanguages) w.WriteStringValue(l); w.WriteEndArray(); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("as_of"); w.WriteString("description", "The date the export describes (YYYY-MM-DD)"); w.WriteString("type", "string"); w.WriteString("format", "date"); w.WriteEndObject();
        w.WriteStartObject("parks");
        w.WriteString("description", "The platform's parks, in site order");
        w.WriteString("type", "array");
        w.WriteStartObject("items");
        w.WriteString("type", "object");
        w.WriteStartArray("required"); w.WriteStringValue("id"); w.WriteStringValue("name"); w.WriteEndArray();
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WriteStartObject("id"); w.WriteString("type", "string"); w.WriteString("pattern", "^[a-z0-9][a-z0-9-]*$"); w.WriteEndObject();
        w.WriteStartObject("name"); w.WriteString("$ref", "#/$defs/localized"); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("$defs");
        w.WriteStartObject("localized");
        w.WriteString("type", "object");
        w.WriteNumber("minProperties", 1);
        w.WriteStartObject("additionalProperties"); w.WriteString("type", "string"); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> body) => PublishedJson.Write(body);
}
