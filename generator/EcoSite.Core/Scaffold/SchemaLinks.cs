namespace EcoSite.Core.Scaffold;

/// <summary>
/// The one place that knows which JSON Schema each scaffolded YAML file points to, for the
/// <c># yaml-language-server: $schema=...</c> first line that gives editors completion and checking.
/// The schemas are published at the built site's root under <c>schemas/</c>; the link is relative from the file to
/// <c>_site/schemas/</c> beside the content folder (the default output), so it works once the site has been built.
/// The file names are those of <see cref="Schemas.SchemaFiles"/> (a test checks they exist).
/// </summary>
internal static class SchemaLinks
{
    /// <summary>Where the schemas are, relative to the content folder.</summary>
    public const string SchemasFromContent = "../_site/schemas";

    private static readonly Dictionary<ScaffoldKind, string> Files = new()
    {
        [ScaffoldKind.Site] = "site.schema.json",
        [ScaffoldKind.Park] = "park.schema.json",
        [ScaffoldKind.Enterprises] = "enterprises.schema.json",
        [ScaffoldKind.Listing] = "listing.schema.json",
        [ScaffoldKind.Polluter] = "polluter.schema.json",
        [ScaffoldKind.Indicators] = "indicators.schema.json",
    };

    public static string FileName(ScaffoldKind kind) => Files[kind];

    /// <summary>The modeline for a file at <paramref name="relPath"/> (relative to the content folder, '/' separators).</summary>
    public static string Modeline(ScaffoldKind kind, string relPath)
    {
        var depth = relPath.Count(c => c == '/');
        var up = string.Concat(Enumerable.Repeat("../", depth));
        return $"# yaml-language-server: $schema={up}{SchemasFromContent}/{FileName(kind)}";
    }
}
