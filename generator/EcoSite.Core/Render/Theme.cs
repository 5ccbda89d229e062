using System.Reflection;
using EcoSite.Core.Content;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using Scriban;
using Scriban.Runtime;

namespace EcoSite.Core.Render;

/// <summary>
/// A theme: Scriban templates (templates/*.sbnhtml), interface strings per language (i18n/&lt;lang&gt;.yaml) and
/// static files (static/**, copied to the output). The default theme is embedded in this library; a site's own
/// theme folder overrides it file by file, so a theme may change only what it needs. Templates are parsed once.
/// </summary>
public sealed class Theme
{
    private readonly Dictionary<string, Template> _templates;
    private readonly Dictionary<string, ScriptObject> _strings;

    private Theme(Dictionary<string, Template> templates, Dictionary<string, ScriptObject> strings, IReadOnlyList<(string Path, byte[] Bytes)> statics)
    {
        _templates = templates;
        _strings = strings;
        StaticFiles = statics;
    }

    public IReadOnlyList<(string Path, byte[] Bytes)> StaticFiles { get; }

    public Template Template(string name) => _templates[name];

    public bool HasTemplate(string name) => _templates.ContainsKey(name);

    /// <summary>Interface strings for a language, as a read-only object templates see as <c>t</c>.</summary>
    public ScriptObject Strings(string lang) => _strings[lang];

    public string String(string lang, string key) => _strings[lang].TryGetValue(key, out var v) ? v?.ToString() ?? key : key;

    private static readonly Lazy<Dictionary<string, byte[]>> Embedded = new(() =>
    {
        var asm = typeof(Theme).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("theme/", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            files[name["theme/".Length..].Replace('\\', '/')] = ms.ToArray();
        }
        return files;
    });

    /// <summary>SHA-256 over every file of the theme (the embedded default overlaid with <paramref name="folder"/>).</summary>
    public static string Fingerprint(string? folder)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var files = new SortedDictionary<string, byte[]>(Embedded.Value, StringComparer.Ordinal);
        if (folder is not null && Directory.Exists(folder))
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(folder, path).Replace('\\', '/')] = File.ReadAllBytes(path);
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Loads the default theme, overlaid with <paramref name="folder"/> when given.</summary>
    public static Theme? Load(string? folder, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var files = new Dictionary<string, byte[]>(Embedded.Value, StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in files.Keys) origin[key] = "(default theme) " + key;
        if (folder is not null)
        {
            if (!Directory.Exists(folder))
            {
                diagnostics.Add(Codes.ThemeInvalid, "site.yaml", SourcePos.File, $"the theme folder '{folder}' does not exist.");
                return null;
            }
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(folder, path).Replace('\\', '/');
                if (rel.Split('/').Any(s => s.StartsWith('.'))) continue;
                files[rel] = File.ReadAllBytes(path);
                origin[rel] = Path.Combine(folder, rel);
            }
        }

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (rel, bytes) in files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal) && f.Key.EndsWith(".sbnhtml", StringComparison.Ordinal)))
        {
            var text = SourceText.Decode(bytes, origin[rel], diagnostics);
            if (text is null) { ok = false; continue; }
            var template = Scriban.Template.Parse(text, origin[rel]);
            if (template.HasErrors)
            {
                foreach (var m in template.Messages)
                    diagnostics.Add(Codes.ThemeInvalid, origin[rel], new SourcePos(m.Span.Start.Line + 1, m.Span.Start.Column + 1), m.Message);
                ok = false;
                continue;
            }
            templates[rel["templates/".Length..^".sbnhtml".Length]] = template;
        }

        var strings = new Dictionary<string, ScriptObject>(StringComparer.Ordinal);
        Dictionary<string, string>? reference = null;
        foreach (var lang in languages)
        {
            var rel = $"i18n/{lang}.yaml";
            if (!files.TryGetValue(rel, out var bytes))
            {
                diagnostics.Add(Codes.ThemeInvalid, rel, SourcePos.File, $"the theme has no interface strings for '{lang}' ({rel}).");
                ok = false;
                continue;
            }
            var text = SourceText.Decode(bytes, origin[rel], diagnostics);
            var root = text is null ? null : YamlTree.Parse(text, origin[rel], diagnostics);
            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root is YMap map)
                foreach (var (k, v) in map.Entries)
                    if (v is YScalar s) dict[k.Value] = s.Value;
            reference ??= dict;
            foreach (var missing in reference.Keys.Except(dict.Keys).Order(StringComparer.Ordinal))
            {
                diagnostics.Add(Codes.ThemeInvalid, origin[rel], SourcePos.File, $"the string '{missing}' is missing; every language needs the same keys.");
                ok = false;
            }
            var so = new ScriptObject();
            foreach (var (k, v) in dict) so.Add(k, v);
            so.IsReadOnly = true;
            strings[lang] = so;
        }

        var statics = files.Where(f => f.Key.StartsWith("static/", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => (f.Key["static/".Length..], f.Value))
            .ToList();
        return ok ? new Theme(templates, strings, statics) : null;
    }
}
