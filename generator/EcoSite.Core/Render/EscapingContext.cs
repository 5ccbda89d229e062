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
    // Building Scriban's builtin functions costs more than rendering a small page: build them once and share them
    // (read-only) between the contexts of all pages and threads.
    private static readonly Scriban.Runtime.ScriptObject SharedBuiltins = CreateBuiltins();

    public EscapingContext() : base(SharedBuiltins)
    {
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        LoopLimit = 0;
        RecursiveLimit = 64;
        LimitToString = 0;
    }

    private static Scriban.Runtime.ScriptObject CreateBuiltins()
    {
        var builtins = new Scriban.Functions.BuiltinFunctions();
        builtins.IsReadOnly = true;
        return builtins;
    }

    // Scriban caches member accessors per context, and building one reflects over the type (and emits code): with a
    // context per page that work was redone for every page. Accessors depend only on the type and the member renamer,
    // which is the same for every context here, so they are cached once for the process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Scriban.Runtime.IObjectAccessor> Accessors = new();

    protected override Scriban.Runtime.IObjectAccessor GetMemberAccessorImpl(object target)
    {
        if (target is Scriban.Runtime.IScriptObject) return base.GetMemberAccessorImpl(target)!;
        return Accessors.GetOrAdd(target.GetType(), _ => base.GetMemberAccessorImpl(target)!);
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
