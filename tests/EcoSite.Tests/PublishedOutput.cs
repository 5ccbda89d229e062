using AngleSharp.Html.Parser;

namespace EcoSite.Tests;

/// <summary>
/// What a visitor's browser would run in a built site, found by reading every published file the way a browser does:
/// HTML and SVG are parsed (entities decoded, tabs and line breaks removed from URLs, as browsers do), so an
/// obfuscated <c>java&amp;#9;script:</c> is found as well as a plain one. Used by the hostile-content tests and the fuzz test.
/// </summary>
public static class PublishedOutput
{
    /// <summary>Files a browser or a spreadsheet interprets as text: the ones checked for active content.</summary>
    private static readonly string[] TextExtensions = [".html", ".htm", ".svg", ".xml", ".json", ".jsonld", ".csv", ".txt", ".css", ".js"];

    /// <summary>Attributes a browser reads as a URL (or a list of them); any other attribute is text.</summary>
    private static readonly HashSet<string> UrlAttributes =
    [
        "href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "longdesc", "lowsrc",
        "dynsrc", "ping", "manifest", "icon", "codebase", "archive", "usemap", "profile", "classid", "style", "to", "from", "values",
    ];

    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:text/html", "livescript:", "data:image/svg+xml"];

    /// <summary>Every problem found, as "path: what"; empty when the site is safe to publish.</summary>
    public static List<string> Problems(string outputDir)
    {
        var problems = new List<string>();
        if (!Directory.Exists(outputDir)) return problems;
        var parser = new HtmlParser();
        foreach (var path in Directory.EnumerateFiles(outputDir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(outputDir, path).Replace('\\', '/');
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (!TextExtensions.Contains(ext)) continue;
            var text = File.ReadAllText(path);
            // The theme's own scripts (search.js) are code of the project, not content: they are checked by their tests.
            if (ThemeScripts.TryGetValue(rel, out var theme) && theme == text) continue;
            // CSV and text are data, never markup (a CSV cell may hold the words "<script>"): they are checked for formulas.
            if (ext is not (".csv" or ".txt") && WithoutThemeScripts(text, rel).Contains("<script", StringComparison.OrdinalIgnoreCase)) problems.Add($"{rel}: contains '<script'");
            if (ext is ".html" or ".htm" or ".svg") problems.AddRange(ActiveMarkup(parser, text, rel).Select(p => $"{rel}: {p}"));
            if (ext == ".csv") problems.AddRange(FormulaCells(text).Select(p => $"{rel}: {p}"));
        }
        return problems;
    }

    /// <summary>Asserts that nothing in the folder would run in a browser.</summary>
    public static void AssertSafe(string outputDir)
    {
        var problems = Problems(outputDir);
        Assert.True(problems.Count == 0, "active content published:\n" + string.Join("\n", problems.Take(30)));
    }

    /// <summary>The default theme's scripts as published (assets/), by output path.</summary>
    private static readonly Dictionary<string, string> ThemeScripts = Directory
        .EnumerateFiles(Path.Combine(TestSite.RepoRoot(), "themes", "default", "static"), "*.js")
        .ToDictionary(f => "assets/" + Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>
    /// Script elements, event-handler attributes and URLs with a script scheme, in any attribute. The one script element
    /// allowed is an empty one that loads a script of the default theme (the search page's).
    /// </summary>
    private static IEnumerable<string> ActiveMarkup(HtmlParser parser, string html, string rel)
    {
        var doc = parser.ParseDocument(html);
        foreach (var element in doc.All)
        {
            var name = element.LocalName.ToLowerInvariant();
            if (name == "script" && element.Attributes.Length == 1 && element.TextContent.Length == 0
                && element.GetAttribute("src") is { } src && ThemeScripts.ContainsKey(Resolve(rel, src)))
                continue;
            if (name is "script" or "iframe" or "object" or "embed" or "frame" or "foreignobject" or "base")
                yield return $"<{name}> element";
            if (name == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase))
                yield return "<meta http-equiv=refresh>";
            foreach (var attr in element.Attributes)
            {
                var attrName = attr.Name.ToLowerInvariant();
                if (attrName.StartsWith("on", StringComparison.Ordinal)) yield return $"event handler {attr.Name} on <{name}>";
                if (attrName is "formaction" or "srcdoc") yield return $"{attr.Name} on <{name}>";
                if (!UrlAttributes.Contains(attrName)) continue;
                var value = BrowserUrl(attr.Value);
                foreach (var scheme in DangerousSchemes)
                    if (value.StartsWith(scheme, StringComparison.Ordinal) || attrName is "srcset" or "style" && value.Contains(scheme, StringComparison.Ordinal))
                        yield return $"{attr.Name}=\"{attr.Value}\" on <{name}>";
            }
        }
    }

    /// <summary>The text without the empty script elements that load a script of the default theme, as the theme writes them.</summary>
    private static string WithoutThemeScripts(string text, string rel) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<script src=\"([^\"<>]*)\"></script>",
            m => ThemeScripts.ContainsKey(Resolve(rel, m.Groups[1].Value)) ? "" : m.Value);

    /// <summary>A relative URL of the page at <paramref name="rel"/> as a path of the output folder.</summary>
    private static string Resolve(string rel, string url)
    {
        var parts = rel.Split('/').SkipLast(1).ToList();
        foreach (var part in url.Split('?', '#')[0].Split('/'))
        {
            if (part == "..") { if (parts.Count == 0) return ""; parts.RemoveAt(parts.Count - 1); }
            else if (part is not ("." or "")) parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>A URL as a browser reads it (WHATWG URL standard): tabs and line breaks removed, C0 controls and spaces trimmed, lower case.</summary>
    private static string BrowserUrl(string value)
    {
        var s = new string(value.Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        return s.Trim(Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray()).ToLowerInvariant();
    }

    /// <summary>Cells that a spreadsheet would run as a formula (OWASP CSV injection): starting with = + - @, a tab or a CR.</summary>
    private static IEnumerable<string> FormulaCells(string csv)
    {
        var row = 0;
        foreach (var cells in CsvRows(csv))
        {
            row++;
            foreach (var cell in cells)
                if (cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || cell.Length > 1 && cell[0] == '-' && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _))
                    yield return $"row {row}: cell '{cell}' would run as a formula";
        }
    }

    /// <summary>RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).</summary>
    public static IEnumerable<List<string>> CsvRows(string csv)
    {
        var i = 0;
        while (i < csv.Length)
        {
            var cells = new List<string>();
            while (true)
            {
                var sb = new System.Text.StringBuilder();
                if (i < csv.Length && csv[i] == '"')
                {
                    i++;
                    while (i < csv.Length)
                    {
                        if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { sb.Append('"'); i += 2; }
                        else if (csv[i] == '"') { i++; break; }
                        else sb.Append(csv[i++]);
                    }
                }
                else
                {
                    while (i < csv.Length && csv[i] is not (',' or '\r' or '\n')) sb.Append(csv[i++]);
                }
                cells.Add(sb.ToString());
                if (i < csv.Length && csv[i] == ',') { i++; continue; }
                break;
            }
            if (i < csv.Length && csv[i] == '\r') i++;
            if (i < csv.Length && csv[i] == '\n') i++;
            yield return cells;
        }
    }
}
