using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EcoSite.Core.Content;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// Turns an article body as the site renders it (Markdig output, links and raw HTML already checked and cleaned by
/// <see cref="MarkdownBody"/>) into fragment elements with inline styles. It maps the elements it knows to the
/// fragment's few and keeps only the text of any other; links become their text followed by the address, images
/// become files of the article.
/// </summary>
internal sealed class BodyConverter(FragmentWriter writer, WechatLinks links, WechatText text, ImageSet images, Action<string>? refusedImage)
{
    /// <summary>Elements whose content is not text a reader should see.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button",
        "select", "option", "textarea", "svg", "math", "audio", "video", "source", "track", "canvas", "map", "area", "head",
        "title", "meta", "link", "base", "col", "colgroup", "picture", "portal", "dialog",
    };

    /// <summary>Containers in which text between elements is only indentation.</summary>
    private static readonly HashSet<string> BlockContainers = new(StringComparer.Ordinal)
    {
        "section", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "dl",
    };

    public void Convert(string bodyHtml)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + bodyHtml + "</body></html>");
        Children(document.Body!, "section", inPre: false);
    }

    private void Children(INode parent, string outputParent, bool inPre)
    {
        foreach (var node in parent.ChildNodes)
        {
            switch (node)
            {
                case IText t:
                    if (!inPre && BlockContainers.Contains(outputParent) && string.IsNullOrWhiteSpace(t.Data)) break;
                    writer.Text(t.Data);
                    break;
                case IElement e:
                    Element(e, outputParent, inPre);
                    break;
            }
        }
    }

    private void Element(IElement e, string outputParent, bool inPre)
    {
        var name = e.LocalName;
        if (Dropped.Contains(name)) return;
        switch (name)
        {
            case "p": Wrap(e, "p", InlineStyles.P, inPre); break;
            case "h1" or "h2": Wrap(e, "h2", InlineStyles.H2, inPre); break;
            case "h3": Wrap(e, "h3", InlineStyles.H3, inPre); break;
            case "h4" or "h5" or "h6": Wrap(e, "h4", InlineStyles.H4, inPre); break;
            case "ul": Wrap(e, "ul", InlineStyles.List, inPre); break;
            case "ol":
                if (int.TryParse(e.GetAttribute("start"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start) && start != 1)
                {
                    writer.Open("ol", InlineStyles.List, ("start", start.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    Children(e, "ol", inPre);
                    writer.Close("ol");
                }
                else Wrap(e, "ol", InlineStyles.List, inPre);
                break;
            case "li": Wrap(e, "li", InlineStyles.Li, inPre); break;
            case "blockquote": Wrap(e, "blockquote", InlineStyles.Blockquote, inPre); break;
            case "pre": Wrap(e, "pre", InlineStyles.Pre, inPre: true); break;
            case "code" or "kbd" or "samp": Wrap(e, "code", inPre ? InlineStyles.CodeInPre : InlineStyles.Code, inPre); break;
            case "table": Wrap(e, "table", InlineStyles.Table, inPre); break;
            case "caption": Wrap(e, "caption", InlineStyles.Caption, inPre); break;
            case "thead" or "tbody" or "tfoot" or "tr": Wrap(e, name, "", inPre); break;
            case "th" or "td": Cell(e, inPre); break;
            case "img": Image(e); break;
            case "a": Link(e, outputParent, inPre); break;
            case "strong" or "b": Wrap(e, "strong", InlineStyles.Strong, inPre); break;
            case "em" or "i" or "cite" or "dfn" or "var": Wrap(e, "em", InlineStyles.Em, inPre); break;
            case "del" or "s" or "strike": Wrap(e, "span", InlineStyles.Strike, inPre); break;
            case "u" or "ins": Wrap(e, "span", InlineStyles.Underline, inPre); break;
            case "mark": Wrap(e, "span", InlineStyles.Mark, inPre); break;
            case "sub" or "sup": Wrap(e, name, "", inPre); break;
            case "br": writer.Void("br", ""); break;
            case "hr": writer.Void("hr", InlineStyles.Hr); break;
            case "q":
                writer.Text(text.OpenQuote);
                Children(e, outputParent, inPre);
                writer.Text(text.CloseQuote);
                break;
            case "input":
                // Markdig's task lists: a disabled checkbox before the item's text.
                if (string.Equals(e.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                    writer.Text(e.HasAttribute("checked") ? "☑ " : "☐ ");
                break;
            case "dl" or "figure" or "details" or "address": Wrap(e, "section", InlineStyles.Block, inPre); break;
            case "dt" or "summary": Wrap(e, "section", InlineStyles.Term, inPre); break;
            case "dd": Wrap(e, "section", InlineStyles.Definition, inPre); break;
            case "figcaption": Wrap(e, "p", InlineStyles.Caption, inPre); break;
            // Anything else (div, span, abbr, time...) keeps its text and loses its element.
            default: Children(e, outputParent, inPre); break;
        }
    }

    private void Wrap(IElement e, string tag, string style, bool inPre)
    {
        writer.Open(tag, style);
        Children(e, tag, inPre);
        writer.Close(tag);
    }

    private void Cell(IElement e, bool inPre)
    {
        var tag = e.LocalName;
        var style = tag == "th" ? InlineStyles.Th : InlineStyles.Td;
        // Markdig writes a pipe table's column alignment as style="text-align: right;"; only the alignment is kept.
        var align = e.GetAttribute("style") is { } s && s.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is var css
            ? css.Contains("text-align:right", StringComparison.Ordinal) ? "right" : css.Contains("text-align:center", StringComparison.Ordinal) ? "center" : null
            : null;
        if (align is not null) style += $"text-align:{align};";
        var spans = new List<(string, string)>();
        foreach (var span in new[] { "colspan", "rowspan" })
            if (int.TryParse(e.GetAttribute(span), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 1 and <= 100)
                spans.Add((span, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        writer.Open(tag, style, spans.ToArray());
        Children(e, tag, inPre);
        writer.Close(tag);
    }

    private void Image(IElement e)
    {
        var src = e.GetAttribute("src") ?? "";
        var alt = (e.GetAttribute("alt") ?? "").Trim();
        if (src.StartsWith(LinkResolver.RootMarker, StringComparison.Ordinal)
            && images.Add(Uri.UnescapeDataString(src[LinkResolver.RootMarker.Length..])) is { } image)
        {
            if (!image.Accepted) refusedImage?.Invoke(src);
            writer.Void("img", InlineStyles.Img, ("src", EscapeFileName(image.File)), ("alt", alt));
            return;
        }
        // An image on another site: WeChat shows no image it does not host, so the reader gets its description and address.
        var url = links.Resolve(src) is { } u && IsShownScheme(u) ? u : null;
        if (alt.Length > 0 || url is not null) writer.Text(text.ImageFallback(alt));
        if (url is not null) Address(url, bracketed: true);
    }

    private void Link(IElement e, string outputParent, bool inPre)
    {
        // Markdig's footnote back-references ("↩") lead back up the page, which a pasted article cannot do.
        if (e.ClassList.Contains("footnote-back-ref")) return;
        var url = links.Resolve(e.GetAttribute("href") ?? "");
        var label = e.TextContent.Trim();
        if (url is not null && IsShownScheme(url) && SameAddress(label, url))
        {
            Address(url, bracketed: false);
            return;
        }
        Children(e, outputParent, inPre);
        if (url is not null && IsShownScheme(url)) Address(url, bracketed: true);
    }

    private void Address(string url, bool bracketed)
    {
        var shown = url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url["mailto:".Length..]
            : url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? url["tel:".Length..]
            : url;
        writer.Open("span", InlineStyles.Url);
        writer.Text(bracketed ? text.LinkAddress(shown) : shown);
        writer.Close("span");
    }

    /// <summary>An autolink or a link whose text is its address is written once.</summary>
    private static bool SameAddress(string label, string url) =>
        label == url || "mailto:" + label == url || "tel:" + label == url || label == url.TrimEnd('/');

    /// <summary>Only addresses a reader can type or dial are printed (the schemes content links may use).</summary>
    private static bool IsShownScheme(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file name as a relative URL: each segment percent-encoded (names may be Chinese or have spaces).</summary>
    public static string EscapeFileName(string file) => string.Join('/', file.Split('/').Select(Uri.EscapeDataString));
}
