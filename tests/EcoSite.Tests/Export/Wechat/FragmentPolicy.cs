using AngleSharp.Dom;

namespace EcoSite.Tests.Export.Wechat;

/// <summary>
/// What the WeChat official-account editor accepts when an article is pasted, written down independently of the
/// exporter: inline styles only, no style sheets, scripts, classes, ids, event handlers, frames, forms or links out.
/// Any element or attribute outside these lists is a failure.
/// </summary>
internal static class FragmentPolicy
{
    private static readonly HashSet<string> Elements =
    [
        "section", "p", "span", "strong", "em", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "code",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "img", "hr", "sub", "sup",
    ];

    private static readonly Dictionary<string, string[]> Attributes = new()
    {
        ["img"] = ["style", "src", "alt"],
        ["td"] = ["style", "colspan", "rowspan"],
        ["th"] = ["style", "colspan", "rowspan"],
        ["ol"] = ["style", "start"],
    };

    /// <summary>CSS that reaches outside the fragment or escapes its box.</summary>
    private static readonly string[] ForbiddenCss = ["url(", "expression(", "@import", "javascript:", "behavior", "position:", "-moz-binding"];

    /// <summary>Every violation in a fragment's parsed body; empty when it is acceptable.</summary>
    public static List<string> Violations(IElement body, string? folder = null)
    {
        var found = new List<string>();
        foreach (var e in body.Descendants<IElement>())
        {
            var name = e.LocalName;
            if (!Elements.Contains(name)) found.Add($"element <{name}>");
            var allowed = Attributes.GetValueOrDefault(name, ["style"]);
            foreach (var a in e.Attributes)
            {
                if (!allowed.Contains(a.Name)) found.Add($"attribute {a.Name} on <{name}>");
                if (a.Name == "style")
                {
                    var css = a.Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                    foreach (var bad in ForbiddenCss.Where(b => css.Contains(b, StringComparison.Ordinal))) found.Add($"style with '{bad}' on <{name}>");
                }
            }
            if (name == "img")
            {
                var src = e.GetAttribute("src") ?? "";
                if (src.Contains(':', StringComparison.Ordinal) || src.StartsWith('/') || src.Contains("..", StringComparison.Ordinal))
                    found.Add($"image source '{src}' is not a file beside the fragment");
                else if (folder is not null && !File.Exists(Path.Combine(folder, Uri.UnescapeDataString(src))))
                    found.Add($"image source '{src}' is not in the article's folder");
            }
        }
        return found;
    }
}
