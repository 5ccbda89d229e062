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
internal sealed class Theme
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

    /// <summary>Interface strings for a language, as a read-only object templates see as <c>t</c>.</summary>
    public ScriptObject Strings(string lang) => _strings[lang];

    public string String(string lang, string key) => _strings[lang].TryGetValue(key, out var v) ? v?.ToString() ?? key : key;

    /// <summary>
    /// A template that fails while rendering a page (a site's own theme: an error, a loop past the loop limit, a page
    /// past its time limit) is a located diagnostic, not a crash; null for any other exception.
    /// </summary>
    public static Diagnostic? RenderError(Exception e, TimeSpan pageTimeLimit) => Unwrap(e) switch
    {
        Scriban.Syntax.ScriptAbortException s => new Diagnostic(Codes.ThemeInvalid.Id, Codes.ThemeInvalid.Severity,
            s.Span.FileName ?? "theme", s.Span.Start.Line + 1, s.Span.Start.Column + 1,
            $"the template did not finish a page within {pageTimeLimit.TotalSeconds:0} s (a loop without end?); fix the theme's template, or remove it to use the default."),
        Scriban.Syntax.ScriptRuntimeException s => new Diagnostic(Codes.ThemeInvalid.Id, Codes.ThemeInvalid.Severity,
            s.Span.FileName ?? "theme", s.Span.Start.Line + 1, s.Span.Start.Column + 1,
            $"the template failed while rendering: {s.OriginalMessage}. Fix the theme's template, or remove it to use the default."),
        _ => null,
    };

    /// <summary>Pages render in parallel, so their exceptions arrive wrapped.</summary>
    public static Exception Unwrap(Exception e) =>
        e is AggregateException a && a.Flatten().InnerExceptions.Count > 0 ? a.Flatten().InnerExceptions[0] : e;

    /// <summary>The default theme's files, embedded in this library.</summary>
    public static IReadOnlyDictionary<string, byte[]> Embedded => EmbeddedFiles.Value;

    private static readonly Lazy<Dictionary<string, byte[]>> EmbeddedFiles = new(() =>
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

    /// <summary>The default theme overlaid with <paramref name="own"/>, a theme folder's files (read by <see cref="ThemeSource"/>).</summary>
    public static Theme? Load(IReadOnlyDictionary<string, byte[]> own, string? folder, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var files = new Dictionary<string, byte[]>(Embedded, StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in files.Keys) origin[key] = "(default theme) " + key;
        foreach (var (rel, bytes) in own)
        {
            files[rel] = bytes;
            origin[rel] = Path.Combine(folder!, rel);
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
