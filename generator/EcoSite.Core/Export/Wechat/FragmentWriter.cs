using System.Text;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// Writes a fragment for the WeChat official-account editor, and is the only code that does: it writes only the
/// elements and attributes listed here, each with inline styles, and escapes every text and attribute value. The
/// editor drops style sheets, scripts, classes, ids, forms and frames when an article is pasted, and no external link
/// is allowed in an article, so none of them is ever written: links become visible text and a QR code.
/// </summary>
internal sealed class FragmentWriter
{
    /// <summary>What a fragment may contain. Anything else is a bug in the export, not a content problem.</summary>
    public static readonly IReadOnlySet<string> Elements = new HashSet<string>(StringComparer.Ordinal)
    {
        "section", "p", "span", "strong", "em", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "code",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "img", "hr", "sub", "sup",
    };

    private static readonly IReadOnlySet<string> VoidElements = new HashSet<string>(StringComparer.Ordinal) { "br", "hr", "img" };

    /// <summary>Attributes besides style, per element.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Attributes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["img"] = ["src", "alt"],
        ["th"] = ["colspan", "rowspan"],
        ["td"] = ["colspan", "rowspan"],
        ["ol"] = ["start"],
    };

    private readonly StringBuilder _html = new();
    private readonly Stack<string> _open = new();

    public void Open(string tag, string style, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        StartTag(tag, style, attributes);
        if (VoidElements.Contains(tag)) throw new InvalidOperationException($"<{tag}> is void; use Void");
        _open.Push(tag);
    }

    public void Close(string tag)
    {
        if (_open.Count == 0 || _open.Pop() != tag) throw new InvalidOperationException($"</{tag}> closes nothing open");
        _html.Append("</").Append(tag).Append('>');
        // One block per line keeps the file readable; a line break between blocks renders as nothing.
        if (tag is "section" or "p" or "h2" or "h3" or "h4" or "ul" or "ol" or "li" or "blockquote" or "pre" or "table" or "tr") _html.Append('\n');
    }

    public void Void(string tag, string style, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        if (!VoidElements.Contains(tag)) throw new InvalidOperationException($"<{tag}> is not void");
        StartTag(tag, style, attributes);
    }

    public void Element(string tag, string style, string text)
    {
        Open(tag, style);
        Text(text);
        Close(tag);
    }

    public void Text(string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': _html.Append("&amp;"); break;
                case '<': _html.Append("&lt;"); break;
                case '>': _html.Append("&gt;"); break;
                case '\u00A0': _html.Append("&nbsp;"); break;
                default: _html.Append(c); break;
            }
        }
    }

    public override string ToString()
    {
        if (_open.Count > 0) throw new InvalidOperationException($"<{_open.Peek()}> is not closed");
        return _html.ToString();
    }

    private void StartTag(string tag, string style, ReadOnlySpan<(string Name, string Value)> attributes)
    {
        if (!Elements.Contains(tag)) throw new InvalidOperationException($"<{tag}> may not be written into a WeChat fragment");
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (!Attributes.TryGetValue(tag, out var allowed) || Array.IndexOf(allowed, name) < 0)
                throw new InvalidOperationException($"'{name}' may not be written on <{tag}>");
            Attribute(name, value);
        }
        if (style.Length > 0) Attribute("style", style);
        _html.Append('>');
    }

    private void Attribute(string name, string value)
    {
        _html.Append(' ').Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': _html.Append("&amp;"); break;
                case '"': _html.Append("&quot;"); break;
                case '<': _html.Append("&lt;"); break;
                case '>': _html.Append("&gt;"); break;
                default: _html.Append(c); break;
            }
        }
        _html.Append('"');
    }
}
