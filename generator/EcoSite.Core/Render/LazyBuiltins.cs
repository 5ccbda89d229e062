using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace EcoSite.Core.Render;

/// <summary>
/// Scriban's builtins (what <see cref="BuiltinFunctions"/> holds: array, date, html, math, object, regex, string,
/// timespan, include, include_join, empty, blank), read-only, each module made the first time a template names it. Building
/// <see cref="BuiltinFunctions"/> makes every module (each imports its functions) and then a deep copy of them all:
/// about 15 ms before the first page, which a one-page build, whose templates mostly run for one page, paid whole.
/// A template sees the same names, values and read-only members as with <see cref="BuiltinFunctions"/>.
/// </summary>
internal sealed class LazyBuiltins : ScriptObject
{
    /// <summary>The names <see cref="BuiltinFunctions"/> defines, with how each value is made (once per process).</summary>
    internal static readonly IReadOnlyDictionary<string, Lazy<object>> Modules = new Dictionary<string, Lazy<object>>(StringComparer.Ordinal)
    {
        ["array"] = new(() => new ArrayFunctions()),
        ["empty"] = new(() => EmptyScriptObject.Default),
        ["blank"] = new(() => EmptyScriptObject.Default),
        ["include"] = new(() => new IncludeFunction()),
        ["include_join"] = new(() => new IncludeJoinFunction()),
        [DateTimeFunctions.DateVariable.Name] = new(() => new DateTimeFunctions()),
        ["html"] = new(() => new HtmlFunctions()),
        ["math"] = new(() => new MathFunctions()),
        ["object"] = new(() => new ObjectFunctions()),
        ["regex"] = new(() => new RegexFunctions()),
        ["string"] = new(() => new StringFunctions()),
        ["timespan"] = new(() => new TimeSpanFunctions()),
    };

    public LazyBuiltins() : base(0, false)
    {
        IsReadOnly = true;
    }

    public override bool Contains(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Modules.ContainsKey(member);
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        if (Modules.TryGetValue(member, out var module))
        {
            value = module.Value;
            return true;
        }
        value = null!;
        return false;
    }

    /// <summary>Every builtin is a read-only member, as <see cref="BuiltinFunctions"/> sets them.</summary>
    public override bool CanWrite(string member) => !Modules.ContainsKey(member);
}
