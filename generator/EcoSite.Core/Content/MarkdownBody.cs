using System.Text;
using EcoSite.Core.Diagnostics;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcoSite.Core.Content;

/// <summary>A Markdown file split into its front matter (YAML text and the file line it starts on) and its body.</summary>
/// <param name="BodyStart">Where the body's source text starts in the file's text (after the front matter's closing line).</param>
internal sealed record ParsedMarkdown(MarkdownDocument Document, string? FrontMatter, int FrontMatterLineOffset, SourcePos FrontMatterPos, int BodyStart = 0);

/// <summary>The body as HTML (with marker URLs, see <see cref="LinkResolver"/>) and its summary as plain text.</summary>
internal sealed record RenderedBody(string Html, string FirstParagraph);

/// <summary>
/// Markdown through Markdig: front matter via its YAML front matter block, links rewritten to site links (every link
/// form through <see cref="UrlPolicy"/>), every body cleaned by <see cref="BodySanitizer"/>, headings shifted below the
/// page title.
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

    /// <summary>A Markdown file: its front matter and body, or null (reported) when it nests beyond <see cref="NestingLimit"/>.</summary>
    public static ParsedMarkdown? Parse(string text, string relPath, DiagnosticBag diagnostics)
    {
        if (NestingLimit.Parse(text, relPath, diagnostics) is not { } doc) return null;
        if (doc.Count > 0 && doc[0] is YamlFrontMatterBlock fm)
        {
            doc.RemoveAt(0);
            // Markdig lines are 0-based and fm.Line is the opening '---': YAML line 1 is file line fm.Line + 2.
            return new ParsedMarkdown(doc, fm.Lines.ToString(), fm.Line + 1, new SourcePos(fm.Line + 1, 1), BodyStart(text, fm));
        }
        return new ParsedMarkdown(doc, null, 0, new SourcePos(1, 1));
    }

    /// <summary>
    /// The front matter alone, without parsing the body (a shard's other parks, docs/architecture.md "Shards and
    /// merge"): Markdig parses only the text up to the first line that can close the front matter. When that prefix
    /// does not give a front matter ending on its last line, the whole file is parsed as <see cref="Parse"/> does, so
    /// the front matter, its position and <see cref="ParsedMarkdown.BodyStart"/> are always the ones a full parse
    /// finds. The document returned holds no body.
    /// </summary>
    public static ParsedMarkdown? ParseFrontMatter(string text, string relPath, DiagnosticBag diagnostics)
    {
        if (FrontMatterEnd(text) is { } end && NestingLimit.Parse(text[..end], relPath, diagnostics) is { Count: > 0 } doc
            && doc[0] is YamlFrontMatterBlock fm && BodyStart(text, fm) == end)
            return new ParsedMarkdown(new MarkdownDocument(), fm.Lines.ToString(), fm.Line + 1, new SourcePos(fm.Line + 1, 1), end);
        return Parse(text, relPath, diagnostics) is { } full ? full with { Document = new MarkdownDocument() } : null;
    }

    /// <summary>The end (after its line break) of the first line after a leading '---' line that reads '---' or '...'; null when there is none.</summary>
    private static int? FrontMatterEnd(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return null;
        var start = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        while (start > 0 && start < text.Length)
        {
            var next = text.IndexOf('\n', start);
            var stop = next < 0 ? text.Length : next + 1;
            var line = text.AsSpan(start, (next < 0 ? text.Length : next) - start).TrimEnd();
            if (line is "---" or "...") return stop;
            start = stop;
        }
        return null;
    }

    /// <summary>The offset of the line after the front matter's closing line (its opening line, its lines, its closing line).</summary>
    private static int BodyStart(string text, YamlFrontMatterBlock fm)
    {
        var line = fm.Line + fm.Lines.Count + 2;
        var at = 0;
        for (var i = 0; i < line && at < text.Length; i++)
        {
            var next = text.IndexOf('\n', at);
            at = next < 0 ? text.Length : next + 1;
        }
        return at;
    }

    /// <param name="lineOffset">Lines before the Markdown's first line in its file (for Markdown held in a YAML field).</param>
    public static RenderedBody Render(MarkdownDocument doc, LinkResolver links, string relPath, string lang, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        var shiftHeadings = false;
        List<AutolinkInline>? refused = null;
        foreach (var node in doc.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is not null:
                {
                    var resolved = links.Resolve(link.Url, new SourcePos(link.Line + 1 + lineOffset, link.Column + 1));
                    link.Url = resolved ?? "";
                    if (resolved is null && !link.IsImage) link.Url = "#";
                    break;
                }
                // <scheme:...> autolinks are their own node type: the same policy applies (an e-mail autolink is mailto:).
                case AutolinkInline auto when !auto.IsEmail:
                    if (links.Resolve(auto.Url, new SourcePos(auto.Line + 1 + lineOffset, auto.Column + 1)) is null) (refused ??= []).Add(auto);
                    break;
                case HeadingBlock { Level: 1 }:
                    shiftHeadings = true;
                    break;
                // Raw control characters were refused when the file was read; a character reference (&#1;) makes one here.
                case HtmlEntityInline entity when ControlCharacters.IndexOf(entity.Transcoded.AsSpan()) is var bad and >= 0:
                    diagnostics.Add(Codes.ControlCharacter, relPath, new SourcePos(entity.Line + 1 + lineOffset, entity.Column + 1),
                        $"'{entity.Original}' stands for the invisible character {ControlCharacters.Describe(entity.Transcoded.AsSpan(), bad)}; remove it.");
                    break;
            }
        }
        // A refused autolink stays as text, so the reader still sees what was written.
        if (refused is not null)
            foreach (var auto in refused) auto.ReplaceBy(new LiteralInline(auto.Url));
        if (shiftHeadings)
            foreach (var h in doc.Descendants<HeadingBlock>())
                h.Level = Math.Min(6, h.Level + 1);

        var (html, spans) = ToHtml(doc, lineOffset);
        html = BodySanitizer.Sanitize(html, spans, links, relPath, diagnostics);
        // References in link titles, code block info strings and raw HTML attributes are decoded too: whatever remains
        // after rendering is refused at the file, so no writer sees it.
        if (ControlCharacters.IndexOf(html) is var stray and >= 0 && !diagnostics.HasErrorsFor(relPath))
            diagnostics.Add(Codes.ControlCharacter, relPath, SourcePos.File,
                $"a character reference (&#...;) in the text stands for the invisible character {ControlCharacters.Describe(html, stray)}; remove it.");
        html = WrapTables(html, lang);
        return new RenderedBody(html, FirstParagraph(doc));
    }

    // Building an HtmlRenderer (its object renderers and the extensions' ones) cost more than rendering a short body:
    // each thread keeps one and gives it a fresh writer per document.
    [ThreadStatic] private static HtmlRenderer? _renderer;
    [ThreadStatic] private static RawHtmlRecorder? _recorder;

    private static (string Html, IReadOnlyList<RawHtmlSpan> Spans) ToHtml(MarkdownDocument doc, int lineOffset)
    {
        var writer = new StringWriter();
        var renderer = _renderer;
        var recorder = _recorder;
        _renderer = null; // not reused if rendering throws and leaves it half-way
        if (renderer is null || recorder is null)
        {
            renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            recorder = new RawHtmlRecorder();
            recorder.Install(renderer);
        }
        else renderer.Writer = writer;
        recorder.Begin(writer.GetStringBuilder(), lineOffset);
        renderer.Render(doc);
        _renderer = renderer;
        _recorder = recorder;
        return (writer.ToString(), recorder.Spans);
    }

    /// <summary>
    /// Records where each raw HTML block and inline lands in the rendered body (and the file position it came from), so
    /// the sanitizer can report a removal at its source line in constant time instead of searching the body for it.
    /// </summary>
    private sealed class RawHtmlRecorder
    {
        private System.Text.StringBuilder _output = new();
        private int _lineOffset;

        public List<RawHtmlSpan> Spans { get; private set; } = [];

        public void Install(HtmlRenderer renderer)
        {
            renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.HtmlBlockRenderer>(new BlockRenderer(this));
            renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.HtmlInlineRenderer>(new InlineRenderer(this));
        }

        public void Begin(System.Text.StringBuilder output, int lineOffset)
        {
            _output = output;
            _lineOffset = lineOffset;
            Spans = [];
        }

        private void Record(int start, MarkdownObject node) =>
            Spans.Add(new RawHtmlSpan(start, _output.Length, node.Line + 1 + _lineOffset, node.Column + 1));

        private sealed class BlockRenderer(RawHtmlRecorder recorder) : Markdig.Renderers.Html.HtmlBlockRenderer
        {
            protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
            {
                var start = recorder._output.Length;
                base.Write(renderer, obj);
                recorder.Record(start, obj);
            }
        }

        private sealed class InlineRenderer(RawHtmlRecorder recorder) : Markdig.Renderers.Html.Inlines.HtmlInlineRenderer
        {
            protected override void Write(HtmlRenderer renderer, HtmlInline obj)
            {
                var start = recorder._output.Length;
                base.Write(renderer, obj);
                recorder.Record(start, obj);
            }
        }
    }

    private static string WrapTables(string html, string lang)
    {
        if (!html.Contains("<table", StringComparison.Ordinal)) return html;
        var label = lang == "zh" ? "表格（可横向滚动）" : "Table (scrolls sideways)";
        return html.Replace("<table>", $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\"><table>", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);
    }

    /// <summary>
    /// The text an excerpt is cut from: the first top-level paragraph, unless it is a salutation ("园区各有关企业：",
    /// "Dear colleagues:"), which says nothing about the item (issue 13); then the paragraph after it.
    /// </summary>
    private static string FirstParagraph(MarkdownDocument doc)
    {
        var texts = doc.Where(b => b is ParagraphBlock { Inline: not null }).Take(2).Select(b =>
        {
            var sb = new StringBuilder();
            Plain(((ParagraphBlock)b).Inline!, sb);
            return sb.ToString().Trim();
        }).ToList();
        if (texts.Count == 0) return "";
        return texts.Count == 2 && IsSalutation(texts[0]) ? texts[1] : texts[0];
    }

    /// <summary>
    /// A salutation is a short paragraph (at most <see cref="SalutationMaxLength"/> characters) ending in a
    /// full-width or half-width colon, as a notice addresses its readers before the text starts.
    /// </summary>
    internal static bool IsSalutation(string paragraph) =>
        paragraph.Length is > 1 and <= SalutationMaxLength && paragraph[^1] is '：' or ':';

    private const int SalutationMaxLength = 30;

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
