using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace EcoSite.Core.Content;

/// <summary>
/// Globs over content paths (Microsoft.Extensions.FileSystemGlobbing: <c>*</c> within a name, <c>**</c> across folders),
/// relative to the content folder and '/'-separated: site.yaml's <c>exclude</c> list, e.g.
/// <c>exclude: ["parks/*/drafts/**", "**/*.draft.md"]</c>. Excluded files are neither read, published, checked
/// nor part of the input fingerprint.
/// </summary>
internal static class ContentGlobs
{
    /// <summary>The 'exclude' list of site.yaml; a pattern that could name nothing inside the content folder is an error.</summary>
    public static IReadOnlyList<string> Read(FieldSet fields, YamlReader reader)
    {
        var patterns = new List<string>();
        foreach (var node in fields.Has("exclude") ? fields.List("exclude", n => n is YScalar s ? s : null) : [])
        {
            var pattern = node.Value.Trim().Replace('\\', '/');
            if (pattern.Length == 0 || pattern.StartsWith('/') || pattern.Contains(':') || pattern.Split('/').Contains(".."))
                reader.Report(Codes.InvalidValue, node.Start, $"'{node.Value}' is not a pattern inside the content folder; write one relative to it, such as parks/*/drafts/** or **/*.draft.md.");
            else patterns.Add(pattern);
        }
        return patterns;
    }

    /// <summary>A test for content paths that any of <paramref name="patterns"/> matches (ordinal: file names are case-sensitive).</summary>
    public static Func<string, bool> Matcher(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0) return _ => false;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        return path => matcher.Match(path).HasMatches;
    }
}
