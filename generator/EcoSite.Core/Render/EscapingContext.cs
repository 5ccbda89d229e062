using System.Net;
using Scriban;
using Scriban.Parsing;

namespace EcoSite.Core.Render;

/// <summary>
/// A Scriban context that HTML-escapes every value a template prints, unless it is <see cref="RawHtml"/>.
/// Escaping by default means a theme author cannot forget it and let content inject markup.
/// </summary>
internal sealed class EscapingContext : TemplateContext
{
    public EscapingContext()
    {
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        LoopLimit = 0;
        RecursiveLimit = 64;
        LimitToString = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawHtml raw => Write(raw.Value),
        string s => Write(WebUtility.HtmlEncode(s)),
        bool b => Write(b ? "true" : "false"),
        IFormattable f => Write(f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject))),
    };
}
