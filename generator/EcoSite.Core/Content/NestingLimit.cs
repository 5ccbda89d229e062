using EcoSite.Core.Diagnostics;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcoSite.Core.Content;

/// <summary>
/// Bounds how deeply content may nest, where Markdown is parsed, so that no page costs more than a linear multiple of
/// its size. Markdig throws on its own limit (about 128 levels, without a position) and renders recursively below it;
/// HTML parsers spend time proportional to the depth of open elements for each new one, so 40,000 nested &lt;div&gt;
/// took minutes. Nesting beyond these limits is error ECO018 at its line; real pages stay far below them.
/// </summary>
internal static class NestingLimit
{
    /// <summary>Levels of Markdown blocks and inlines inside each other (a list level counts twice: list and item).</summary>
    public const int MaxMarkdown = 32;

    /// <summary>Raw HTML elements open inside each other (void elements and those whose end tag may be left out do not count).</summary>
    public const int MaxHtml = 64;

    /// <summary>Parses Markdown, or reports ECO018 and returns null when it nests beyond the limits.</summary>
    /// <param name="lineOffset">Lines before the text's first line in its file (for Markdown held in a YAML field).</param>
    public static MarkdownDocument? Parse(string text, string relPath, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        MarkdownDocument doc;
        try
        {
            doc = Markdown.Parse(text, MarkdownBody.Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Codes.NestedTooDeep, relPath, new SourcePos(DeepestLine(text) + lineOffset, 1),
                $"the Markdown nests more than {MaxMarkdown} levels deep here (quotes, lists, links or emphasis inside each other); flatten it.");
            return null;
        }
        if (DeepestNode(doc) is { } deep)
        {
            diagnostics.Add(Codes.NestedTooDeep, relPath, new SourcePos(deep.Line + 1 + lineOffset, deep.Column + 1),
                $"the Markdown nests more than {MaxMarkdown} levels deep here (quotes, lists, links or emphasis inside each other); flatten it.");
            return null;
        }
        if (DeepestRawHtml(doc) is { } line)
        {
            diagnostics.Add(Codes.NestedTooDeep, relPath, new SourcePos(line + lineOffset, 1),
                $"the HTML here opens more than {MaxHtml} elements inside each other; close them, or write the text in Markdown.");
            return null;
        }
        return doc;
    }

    /// <summary>
    /// The first node (by line) beyond <see cref="MaxMarkdown"/> levels, found without recursion. The inline container of
    /// a paragraph has no position of its own: it is placed at its paragraph.
    /// </summary>
    private static MarkdownObject? DeepestNode(MarkdownDocument doc)
    {
        MarkdownObject? first = null;
        var stack = new Stack<(MarkdownObject Node, MarkdownObject Where, int Depth)>();
        stack.Push((doc, doc, 0));
        while (stack.Count > 0)
        {
            var (node, where, depth) = stack.Pop();
            if (depth > MaxMarkdown)
            {
                if (first is null || where.Line < first.Line || where.Line == first.Line && where.Column < first.Column) first = where;
                continue; // what lies deeper is not needed
            }
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) stack.Push((child, child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    stack.Push((inline, leaf, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling) stack.Push((child, child, depth + 1));
                    break;
            }
        }
        return first;
    }

    /// <summary>
    /// Where Markdig gave up (it says only that the text nests too deeply): the first line with the most containers
    /// opened at its start (quote markers, list markers, indentation), else the first line with the most brackets and
    /// emphasis marks. 1-based.
    /// </summary>
    private static int DeepestLine(string text)
    {
        var lines = text.Split('\n');
        int best = 0, bestScore = -1, bestMarks = -1, marksLine = 0;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            int i = 0, score = 0;
            while (i < line.Length)
            {
                if (line[i] == ' ') { i++; if (i % 2 == 0) score++; }
                else if (line[i] == '>') { i++; score++; }
                else if (line[i] is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] == ' ') { i += 2; score++; }
                else break;
            }
            if (score > bestScore) (best, bestScore) = (n, score);
            var marks = line.Count(c => c is '[' or '*' or '_' or '(' or '<');
            if (marks > bestMarks) (marksLine, bestMarks) = (n, marks);
        }
        return (bestScore > 2 ? best : marksLine) + 1;
    }

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements (no end tag) and elements whose end tag the HTML standard lets the parser imply.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "colgroup",
        "html", "head", "body",
    };

    /// <summary>The 1-based line where raw HTML first opens more than <see cref="MaxHtml"/> elements inside each other, or null.</summary>
    private static int? DeepestRawHtml(MarkdownDocument doc)
    {
        var depth = 0;
        foreach (var node in doc.Descendants())
        {
            var (text, line) = node switch
            {
                HtmlBlock block => (block.Lines.ToString(), block.Line + 1),
                HtmlInline inline => (inline.Tag, inline.Line + 1),
                _ => (null, 0),
            };
            if (text is null) continue;
            if (Scan(text, ref depth) is { } at) return line + text.AsSpan(0, at).Count('\n');
        }
        return null;
    }

    /// <summary>Follows open and end tags through <paramref name="html"/>; the index of the tag that goes beyond the limit, or null.</summary>
    private static int? Scan(string html, ref int depth)
    {
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var start = i;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            i++;
            var closing = i < html.Length && html[i] == '/';
            if (closing) i++;
            var nameStart = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-')) i++;
            if (i == nameStart || !char.IsAsciiLetter(html[nameStart])) continue; // text, or <! and <?
            var name = html[nameStart..i];
            // To the end of the tag, past quoted attribute values.
            char quote = '\0';
            while (i < html.Length && (quote != '\0' || html[i] != '>'))
            {
                if (quote != '\0') { if (html[i] == quote) quote = '\0'; }
                else if (html[i] is '"' or '\'') quote = html[i];
                i++;
            }
            if (Uncounted.Contains(name)) continue;
            if (closing) depth = Math.Max(0, depth - 1);
            else if (++depth > MaxHtml) return start;
        }
        return null;
    }
}
