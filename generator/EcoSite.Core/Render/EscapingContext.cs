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
    // Building Scriban's builtin functions costs more than rendering a small page: they are shared (read-only) between
    // the contexts of all pages and threads, and each module is made only when a template first names it (LazyBuiltins).
    private static readonly Scriban.Runtime.ScriptObject SharedBuiltins = CreateBuiltins();

    public EscapingContext() : base(SharedBuiltins)
    {
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        // A loop of a theme's template ends with a located error (ECO304) rather than hanging the build: far more
        // iterations than any listing of a real site, few enough to fail within a second. Nested loops that stay
        // under it are stopped by the page's time limit (BuildOptions.PageTimeLimit).
        LoopLimit = 1_000_000;
        RecursiveLimit = 64;
        LimitToString = 0;
        AutoIndent = false; // HTML: re-indenting printed multi-line values would change <pre> blocks (and costs time on every write)
    }

    [ThreadStatic] private static EscapingContext? idle;

    /// <summary>
    /// This thread's context, reused from page to page so its output buffer and internal stacks stay allocated
    /// (a fresh context per page grew a new buffer for every page). Give it back with <see cref="Return"/>.
    /// </summary>
    public static EscapingContext Rent()
    {
        var context = idle ?? new EscapingContext();
        idle = null;
        return context;
    }

    /// <summary>
    /// The largest output buffer (in characters) a context kept for the next page may hold: after a page, Scriban
    /// empties the buffer but keeps about the page's size allocated, and after the search page of 1,000,000 pages
    /// (about 80 million characters) each thread that rendered one held that much to the end of the build.
    /// </summary>
    internal const int KeptOutputChars = 1 << 20;

    /// <summary>
    /// Keeps the context for this thread's next page, unless an error left globals or outputs pushed, or its output
    /// buffer grew past <see cref="KeptOutputChars"/>.
    /// </summary>
    public static void Return(EscapingContext context)
    {
        if (context.GlobalCount == 1 && context.OutputCount == 1
            && context.Output is not Scriban.Runtime.StringBuilderOutput { Builder.Capacity: > KeptOutputChars }) idle = context;
    }

    private static Scriban.Runtime.ScriptObject CreateBuiltins() => new LazyBuiltins();

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
