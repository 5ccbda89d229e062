using System.Text;
using EcoSite.Core.Diagnostics;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcoSite.Core.Content;

/// <summary>A Markdown file split into its front matter (YAML text and the file line it starts on) and its body.</summary>
internal sealed record ParsedMarkdown(MarkdownDocument Document, string? FrontMatter, int FrontMatterLineOffset, SourcePos FrontMatterPos);

/// <summary>The body as HTML (with marker URLs, see <see cref="LinkResolver"/>) and its summary as plain text.</summary>
internal sealed record RenderedBody(string Html, string FirstParagraph);

/// <summary>
/// Markdown through Markdig: front matter via its YAML front matter block, links rewritten to site links,
/// raw HTML cleaned by an allow-list sanitizer (never a regex), headings shifted below the page title.
/// </summary>
internal static class MarkdownBody
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .Build();

    public static ParsedMarkdown Parse(string text)
    {
        var doc = Markdown.Parse(text, Pipeline);
        if (doc.Count > 0 && doc[0] is YamlFrontMatterBlock fm)
        {
            doc.RemoveAt(0);
            // Markdig lines are 0-based and fm.Line is the opening '---': YAML line 1 is file line fm.Line + 2.
            return new ParsedMarkdown(doc, fm.Lines.ToString(), fm.Line + 1, new SourcePos(fm.Line + 1, 1));
        }
        return new ParsedMarkdown(doc, null, 0, new SourcePos(1, 1));
    }

    public static RenderedBody Render(MarkdownDocument doc, LinkResolver links, string relPath, string lang, DiagnosticBag diagnostics)
    {
        var hasRawHtml = false;
        var shiftHeadings = false;
        foreach (var node in doc.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is not null:
                {
                    var pos = new SourcePos(link.Line + 1, link.Column + 1);
                    var resolved = links.Resolve(link.Url, pos);
                    link.Url = resolved ?? "";
                    if (resolved is null && !link.IsImage) link.Url = "#";
                    break;
                }
                case HtmlBlock or HtmlInline:
                    hasRawHtml = true;
                    break;
                case HeadingBlock { Level: 1 }:
                    shiftHeadings = true;
                    break;
            }
        }
        if (shiftHeadings)
            foreach (var h in doc.Descendants<HeadingBlock>())
                h.Level = Math.Min(6, h.Level + 1);

        var html = ToHtml(doc);
        if (hasRawHtml) html = Sanitize(html, doc, links, relPath, diagnostics);
        html = WrapTables(html, lang);
        return new RenderedBody(html, FirstParagraph(doc));
    }

    // Building an HtmlRenderer (its object renderers and the extensions' ones) cost more than rendering a short body:
    // each thread keeps one and gives it a fresh writer per document.
    [ThreadStatic] private static HtmlRenderer? _renderer;

    private static string ToHtml(MarkdownDocument doc)
    {
        var writer = new StringWriter();
        var renderer = _renderer;
        _renderer = null; // not reused if rendering throws and leaves it half-way
        if (renderer is null)
        {
            renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
        }
        else renderer.Writer = writer;
        renderer.Render(doc);
        _renderer = renderer;
        return writer.ToString();
    }

    private static readonly string[] SafeTags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul",
    ];

    private static readonly string[] SafeAttributes =
    [
        "alt", "href", "src", "title", "id", "class", "colspan", "rowspan", "scope", "headers", "lang", "dir", "datetime",
        "width", "height", "start", "reversed", "type", "checked", "disabled", "open", "cite", "abbr", "aria-hidden", "aria-label", "role",
    ];

    /// <summary>Allow-list sanitizing of the whole body (HtmlSanitizer); each removal is a located warning.</summary>
    private static string Sanitize(string html, MarkdownDocument doc, LinkResolver links, string relPath, DiagnosticBag diagnostics)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(SafeTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(SafeAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel", "eco-root", "eco-lang"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
        });
        var rawNodes = doc.Descendants().Where(n => n is HtmlBlock or HtmlInline).ToList();
        SourcePos Where(string needle)
        {
            foreach (var n in rawNodes)
            {
                var text = n is HtmlBlock b ? b.Lines.ToString() : ((HtmlInline)n).Tag;
                if (text.Contains(needle, StringComparison.OrdinalIgnoreCase)) return new SourcePos(n.Line + 1, n.Column + 1);
            }
            return rawNodes.Count > 0 ? new SourcePos(rawNodes[0].Line + 1, rawNodes[0].Column + 1) : SourcePos.File;
        }
        sanitizer.RemovingTag += (_, e) =>
        {
            var tag = e.Tag.LocalName;
            diagnostics.Add(Codes.UnsafeHtmlRemoved, relPath, Where("<" + tag),
                $"the HTML element <{tag}> is not allowed in content and was removed; use Markdown, or put the file in media/ and link to it.");
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Reason == RemoveReason.NotAllowedUrlValue) return; // reported by the URL filter below
            var name = e.Attribute.Name;
            diagnostics.Add(Codes.UnsafeHtmlRemoved, relPath, Where(name),
                $"the HTML attribute '{name}' on <{e.Tag.LocalName}> is not allowed and was removed.");
        };
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.OriginalUrl.StartsWith(LinkResolver.RootMarker, StringComparison.Ordinal) || e.OriginalUrl.StartsWith(LinkResolver.LangMarker, StringComparison.Ordinal))
                return;
            e.SanitizedUrl = links.Resolve(e.OriginalUrl, Where(e.OriginalUrl.Length > 30 ? e.OriginalUrl[..30] : e.OriginalUrl));
        };
        sanitizer.RemovingComment += (_, e) => e.Cancel = false;
        return sanitizer.Sanitize(html);
    }

    private static string WrapTables(string html, string lang)
    {
        if (!html.Contains("<table", StringComparison.Ordinal)) return html;
        var label = lang == "zh" ? "表格（可横向滚动）" : "Table (scrolls sideways)";
        return html.Replace("<table>", $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\"><table>", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);
    }

    private static string FirstParagraph(MarkdownDocument doc)
    {
        var p = doc.Descendants<ParagraphBlock>().FirstOrDefault(b => b.Parent is MarkdownDocument);
        if (p?.Inline is null) return "";
        var sb = new StringBuilder();
        Plain(p.Inline, sb);
        return sb.ToString().Trim();
    }

    private static void Plain(ContainerInline container, StringBuilder sb)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline lit: sb.Append(lit.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case LinkInline { IsImage: true }: break;
                case ContainerInline c: Plain(c, sb); break;
            }
        }
    }
}
