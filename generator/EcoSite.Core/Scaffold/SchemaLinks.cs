using System.Text;
using EcoSite.Core.Schemas;

namespace EcoSite.Core.Scaffold;

/// <summary>
/// The one place that knows which JSON Schema each kind of YAML file follows, for the
/// <c># yaml-language-server: $schema=...</c> first line of scaffolded files and for the editor settings that map
/// file patterns to schemas. The schemas are copied from the tool into <c>.schemas/</c> inside the content folder
/// (a dot folder, which builds skip), so completion works before any build and travels with the content.
/// The file names are those of <see cref="SchemaFiles"/> (a test checks they exist).
/// </summary>
internal static class SchemaLinks
{
    /// <summary>Where the schemas are, relative to the content folder.</summary>
    public const string Folder = ".schemas";

    private static readonly Dictionary<ScaffoldKind, string> Files = new()
    {
        [ScaffoldKind.Site] = "site.schema.json",
        [ScaffoldKind.Park] = "park.schema.json",
        [ScaffoldKind.Enterprises] = "enterprises.schema.json",
        [ScaffoldKind.Listing] = "listing.schema.json",
        [ScaffoldKind.Polluter] = "polluter.schema.json",
        [ScaffoldKind.Indicators] = "indicators.schema.json",
        [ScaffoldKind.Waste] = "waste.schema.json",
    };

    /// <summary>Each YAML file kind's schema and the files it applies to, relative to the content folder (content-format.md section 1).</summary>
    public static readonly IReadOnlyList<(string Schema, string Pattern)> Patterns =
    [
        ("site.schema.json", "site.yaml"),
        ("indicator-catalog.schema.json", "indicators.yaml"),
        ("park.schema.json", "parks/*/park.yaml"),
        ("enterprises.schema.json", "parks/*/enterprises.yaml"),
        ("indicators.schema.json", "parks/*/indicators/*.yaml"),
        ("waste.schema.json", "parks/*/waste/*.yaml"),
        ("listing.schema.json", "parks/*/exchange/*.yaml"),
        ("polluter.schema.json", "parks/*/polluters/*.yaml"),
    ];

    public static string FileName(ScaffoldKind kind) => Files[kind];

    /// <summary>The modeline for a file at <paramref name="relPath"/> (relative to the content folder, '/' separators).</summary>
    public static string Modeline(ScaffoldKind kind, string relPath)
    {
        var depth = relPath.Count(c => c == '/');
        var up = string.Concat(Enumerable.Repeat("../", depth));
        return $"# yaml-language-server: $schema={up}{Folder}/{FileName(kind)}";
    }

    /// <summary>Writes the tool's schemas into the content folder's <c>.schemas/</c>, replacing older copies (the folder is the tool's, never the editor's).</summary>
    public static void Install(string contentDir)
    {
        var dir = Path.Combine(contentDir, Folder);
        Directory.CreateDirectory(dir);
        foreach (var name in SchemaFiles.Names)
        {
            var path = Path.Combine(dir, name);
            var bytes = SchemaFiles.Read(name);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(path, bytes);
        }
    }
}

/// <summary>
/// <c>.vscode/settings.json</c> beside the content folder (the folder an editor opens after <c>ecosite new site content</c>):
/// maps each YAML file kind to its schema for the YAML extension (yaml-language-server's <c>yaml.schemas</c>), so
/// files written by hand get completion too. Written only when there is none: an editor's own settings are never touched.
/// </summary>
internal static class EditorSettings
{
    /// <summary>The path written, relative to the content folder ('/' separators), or null when settings existed already.</summary>
    public static string? Write(string contentDir)
    {
        var full = Path.GetFullPath(contentDir);
        var workspace = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        if (workspace is null) return null;
        var path = Path.Combine(workspace, ".vscode", "settings.json");
        if (File.Exists(path)) return null;
        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Text(name), new UTF8Encoding(false));
        return "../.vscode/settings.json";
    }

    /// <summary>The settings for a content folder named <paramref name="content"/> inside the workspace.</summary>
    public static string Text(string content)
    {
        var sb = new StringBuilder("{\n  \"yaml.schemas\": {\n");
        var entries = SchemaLinks.Patterns.Select(p => $"    {Json($"./{content}/{SchemaLinks.Folder}/{p.Schema}")}: {Json($"{content}/{p.Pattern}")}");
        sb.Append(string.Join(",\n", entries)).Append("\n  },\n");
        sb.Append("  \"files.encoding\": \"utf8\",\n  \"files.eol\": \"\\n\"\n}\n");
        return sb.ToString();
    }

    private static string Json(string s) => "\"" + System.Text.Json.JsonEncodedText.Encode(s) + "\"";
}
