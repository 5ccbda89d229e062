using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EcoSite.Core.Diagnostics;
using Ganss.Xss;

namespace EcoSite.Core.Content;

/// <summary>Where one piece of raw HTML landed in a rendered body: its character range and the file position it came from.</summary>
internal readonly record struct RawHtmlSpan(int Start, int End, int Line, int Column);

/// <summary>
/// The allow-list sanitizer (HtmlSanitizer, a real HTML parser, never a regex) that every rendered body passes
/// through, whether or not it holds raw HTML: what is published is decided here, not by which Markdown node wrote
/// it. URLs of raw HTML go through <see cref="LinkResolver"/> (and so <see cref="UrlPolicy"/>); URLs Markdig wrote were
/// resolved in the Markdown pass and only re-checked. Every removal is a warning at the line and column of the raw
/// HTML it came from, found from the parser's source positions, so a body of many removals is reported in linear time.
/// </summary>
internal static class BodySanitizer
{
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
        // Pipe-table alignment: Markdig writes style="text-align: ...", and text-align is the only property kept.
        "style",
    ];

    /// <summary>What one call sanitizes: the body, where its raw HTML came from, and where to report.</summary>
    private sealed class Body(string html, IReadOnlyList<RawHtmlSpan> spans, LinkResolver links, string relPath, DiagnosticBag diagnostics)
    {
        private int[]? _lineStarts;

        public LinkResolver Links => links;

        public void Report(DiagnosticCode code, SourcePos pos, string message) => diagnostics.Add(code, relPath, pos, message);

        /// <summary>The file position of an element that came from raw HTML, or null when Markdig wrote it.</summary>
        public SourcePos? RawPosition(IElement element)
        {
            if (element.SourceReference is not { } source) return null;
            var index = source.Position.Index - Measured.Prefix;
            var i = FindSpan(index);
            if (i < 0) return null;
            var span = spans[i];
            _lineStarts ??= LineStarts(html);
            var lineOfIndex = LineOf(index);
            var lineOfSpan = LineOf(span.Start);
            if (lineOfIndex == lineOfSpan) return new SourcePos(span.Line, span.Column + index - span.Start);
            return new SourcePos(span.Line + lineOfIndex - lineOfSpan, index - _lineStarts[lineOfIndex] + 1);
        }

        /// <summary>A warning at the raw HTML of <paramref name="element"/>, or at the file when Markdig wrote it.</summary>
        public SourcePos Where(IElement element) => RawPosition(element) ?? SourcePos.File;

        private int FindSpan(int index)
        {
            int lo = 0, hi = spans.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                if (spans[mid].End <= index) lo = mid + 1;
                else if (spans[mid].Start > index) hi = mid - 1;
                else return mid;
            }
            return -1;
        }

        private int LineOf(int index)
        {
            var i = Array.BinarySearch(_lineStarts!, index);
            return i >= 0 ? i : ~i - 1;
        }

        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
                if (text[i] == '\n') starts.Add(i + 1);
            return starts.ToArray();
        }
    }

    /// <summary>
    /// The sanitizer parses <c>"&lt;!doctype html&gt;&lt;html&gt;&lt;body&gt;" + html</c>: source positions are offset by that
    /// prefix, measured once rather than assumed. Its own class, so that it is measured (a sanitizer built and run) the
    /// first time a removal is located, not whenever this class is first used: nearly every body passes
    /// <see cref="WithinAllowList"/>, and a build that loads only a changed file or two from its Markdown never needs it.
    /// </summary>
    private static class Measured
    {
        public static readonly int Prefix = MeasurePrefix();
    }

    [ThreadStatic] private static HtmlSanitizer? _sanitizer;
    [ThreadStatic] private static Body? _body;

    /// <summary>Sanitizes a rendered body; <paramref name="spans"/> are its raw HTML pieces in order.</summary>
    public static string Sanitize(string html, IReadOnlyList<RawHtmlSpan> spans, LinkResolver links, string relPath, DiagnosticBag diagnostics)
    {
        // Markdig's own output is checked against the same allow-lists without building a DOM (the sanitizer costs ten
        // times Markdig's rendering): when every tag, attribute, URL and style already passes, the sanitizer would
        // change nothing. Anything else, and every body with raw HTML, goes through the sanitizer.
        if (spans.Count == 0 && WithinAllowList(html)) return html;
        // One configured sanitizer per thread: building one (its sets and the CSS parser) costs more than a short body.
        var sanitizer = _sanitizer ?? Create();
        _sanitizer = null; // not reused if sanitizing throws half-way
        _body = new Body(html, spans, links, relPath, diagnostics);
        var result = sanitizer.Sanitize(html);
        _body = null;
        _sanitizer = sanitizer;
        return result;
    }

    private static readonly HashSet<string> SafeTagSet = new(SafeTags, StringComparer.Ordinal);
    private static readonly HashSet<string> SafeAttributeSet = new(SafeAttributes, StringComparer.Ordinal);

    /// <summary>
    /// True when <paramref name="html"/>, as Markdig writes it (text with '&lt;' escaped, attributes double-quoted), holds
    /// only allowed tags and attributes, URLs that are markers, allowed or fragments, and no style but a table cell's
    /// text-align. A strict reading: any other shape (a comment, an unquoted attribute, an entity in a URL that decodes to
    /// something else) is not accepted, and the body goes through the sanitizer.
    /// </summary>
    internal static bool WithinAllowList(string html)
    {
        var i = html.IndexOf('<');
        while (i >= 0)
        {
            var j = i + 1;
            var closing = j < html.Length && html[j] == '/';
            if (closing) j++;
            var nameStart = j;
            while (j < html.Length && char.IsAsciiLetterOrDigit(html[j])) j++;
            if (j == nameStart || !SafeTagSet.Contains(html[nameStart..j])) return false;
            while (true)
            {
                if (j >= html.Length) return false;
                if (html[j] == '>') { j++; break; }
                if (html[j] == '/' && j + 1 < html.Length && html[j + 1] == '>') { j += 2; break; }
                if (closing || html[j] != ' ') return false;
                j++;
                if (j + 1 < html.Length && html[j] == '/' && html[j + 1] == '>') { j += 2; break; } // <img ... />
                var attrStart = j;
                while (j < html.Length && (char.IsAsciiLetterLower(html[j]) || html[j] == '-')) j++;
                var attr = html[attrStart..j];
                if (!SafeAttributeSet.Contains(attr)) return false;
                if (j >= html.Length || html[j] != '=') continue; // a boolean attribute such as disabled
                if (j + 1 >= html.Length || html[j + 1] != '"') return false;
                var valueStart = j + 2;
                var valueEnd = html.IndexOf('"', valueStart);
                if (valueEnd < 0) return false;
                var value = html.AsSpan(valueStart, valueEnd - valueStart);
                if (value.Contains('<')) return false;
                if (attr is "href" or "src" or "cite" && !SafeMarkdigUrl(value)) return false;
                if (attr == "style" && value is not ("text-align: left;" or "text-align: right;" or "text-align: center;")) return false;
                j = valueEnd + 1;
            }
            i = html.IndexOf('<', j);
        }
        return true;
    }

    private static bool SafeMarkdigUrl(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('&', ':') < 0) return true; // a relative path: no scheme to hide
        if (value[0] == '#') return true; // a fragment, such as a footnote's "#fn:1": whatever follows is no scheme
        var url = System.Net.WebUtility.HtmlDecode(value.ToString());
        if (url.StartsWith(LinkResolver.RootMarker, StringComparison.Ordinal) || url.StartsWith(LinkResolver.LangMarker, StringComparison.Ordinal)) return true;
        return UrlPolicy.Check(url).Kind == UrlKind.Allowed;
    }

    private static HtmlSanitizer Create()
    {
        // The parser (and its CSS-aware browsing context) is made once per sanitizer, not once per body.
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true },
            BrowsingContext.New(Configuration.Default.WithCss(new AngleSharp.Css.Parser.CssParserOptions
            {
                IsIncludingUnknownDeclarations = true,
                IsIncludingUnknownRules = true,
                IsToleratingInvalidSelectors = true,
            })));
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(SafeTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(SafeAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            // The markers are what the Markdown pass writes for links it resolved; raw HTML never keeps one (see FilterUrl).
            AllowedSchemes = new HashSet<string>([.. UrlPolicy.AllowedSchemes, "eco-root", "eco-lang"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
        })
        {
            HtmlParserFactory = () => parser,
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            var tag = e.Tag.LocalName;
            _body!.Report(Codes.UnsafeHtmlRemoved, _body.Where(e.Tag),
                $"the HTML element <{tag}> is not allowed in content and was removed; use Markdown, or put the file in media/ and link to it.");
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Reason == RemoveReason.NotAllowedUrlValue) return; // reported where the URL was refused (FilterUrl)
            _body!.Report(Codes.UnsafeHtmlRemoved, _body.Where(e.Tag),
                $"the HTML attribute '{e.Attribute.Name}' on <{e.Tag.LocalName}> is not allowed and was removed.");
        };
        sanitizer.RemovingStyle += (_, e) =>
            _body!.Report(Codes.UnsafeHtmlRemoved, _body.Where(e.Tag),
                $"the style '{e.Style.Name}' on <{e.Tag.LocalName}> is not allowed and was removed; only text-align is kept.");
        sanitizer.RemovingAtRule += (_, e) =>
            _body!.Report(Codes.UnsafeHtmlRemoved, _body.Where(e.Tag), $"a CSS rule on <{e.Tag.LocalName}> is not allowed and was removed.");
        sanitizer.FilterUrl += (_, e) =>
        {
            var body = _body!;
            if (e.Tag is not null && body.RawPosition(e.Tag) is { } pos)
            {
                // Raw HTML: its URLs are links written by the editor, resolved like Markdown links (markers included:
                // a raw "eco-root:" is refused by the URL policy like any other scheme).
                e.SanitizedUrl = body.Links.Resolve(e.OriginalUrl, pos);
                return;
            }
            // Markdig wrote this element; the Markdown pass resolved its URL to a marker, an allowed URL or a fragment.
            if (e.OriginalUrl.StartsWith(LinkResolver.RootMarker, StringComparison.Ordinal) || e.OriginalUrl.StartsWith(LinkResolver.LangMarker, StringComparison.Ordinal))
                return;
            var check = UrlPolicy.Check(e.OriginalUrl);
            if (check.Kind is UrlKind.Allowed || check.Kind is UrlKind.Relative && (check.Url.Length == 0 || check.Url[0] == '#')) return;
            // A URL the Markdown pass did not see: removed whatever it is, so a new node type cannot publish a new scheme.
            e.SanitizedUrl = null;
            body.Report(Codes.UnsafeUrlRemoved, SourcePos.File, $"the link '{check.Url}' was not checked when the Markdown was read; it was removed.");
        };
        sanitizer.RemovingComment += (_, e) => e.Cancel = false;
        return sanitizer;
    }

    private static int MeasurePrefix()
    {
        var prefix = -1;
        var probe = new HtmlSanitizer(new HtmlSanitizerOptions { AllowedTags = new HashSet<string>() })
        {
            HtmlParserFactory = () => new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }),
        };
        probe.RemovingTag += (_, e) => prefix = e.Tag.SourceReference?.Position.Index ?? 0;
        probe.Sanitize("<b></b>");
        return Math.Max(0, prefix);
    }
}
