using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace EcoSite.Core.Render;

/// <summary>
/// A hash of everything a page's templates can see (the layout's <see cref="Views.PageView"/>, the template's name and
/// its view model), for pages that summarise many files and so declare no inputs (docs/incremental.md). Templates
/// read views by member name through reflection, so the digest walks the same public properties and fields: two
/// views that hash alike render alike, given the same theme and generator (which the caller's global part covers).
/// </summary>
internal static class ViewDigest
{
    /// <summary>Views are trees a few levels deep; anything deeper is not a view model, and such a page gets no digest.</summary>
    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, MemberInfo[]> Members = new();

    /// <summary>The digest, or null when the views hold something it cannot walk (then the page is always rendered).</summary>
    public static string? Of(string global, string outputPath, string template, object page, object model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        writer.Text(global);
        writer.Text(outputPath);
        writer.Text(template);
        if (!writer.Value(page, 0) || !writer.Value(model, 0)) return null;
        writer.Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Public instance properties and fields, as Scriban's accessor sees them, in name order (the same in the JIT and the
    /// native build; metadata tokens are not available for every member there).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "Only EcoSite.Core's own types are walked (Value refuses any other), and the native build roots that assembly whole (aot-roots.xml), as Scriban reads the same members.")]
    private static MemberInfo[] MembersOf(Type type) => Members.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Cast<MemberInfo>()
            .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToArray());

    /// <summary>
    /// Writes each value with a tag and each text with its length, so no two different trees write the same bytes
    /// (["ab"] and ["a", "b"] differ).
    /// </summary>
    private sealed class Writer(IncrementalHash hash)
    {
        private readonly StringBuilder _buffer = new();

        public void Text(string s) => _buffer.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);

        public void Flush()
        {
            if (_buffer.Length == 0) return;
            hash.AppendData(Encoding.UTF8.GetBytes(_buffer.ToString()));
            _buffer.Clear();
        }

        public bool Value(object? value, int depth)
        {
            if (depth > MaxDepth) return false;
            if (_buffer.Length > 64 * 1024) Flush();
            switch (value)
            {
                case null: _buffer.Append('n'); return true;
                case string s: _buffer.Append('s'); Text(s); return true;
                case bool b: _buffer.Append(b ? 'T' : 'F'); return true;
                case Enum e: _buffer.Append('e'); Text(e.GetType().Name + "." + e); return true;
                case IFormattable f when value.GetType().IsPrimitive || value is decimal or DateOnly or DateTime or DateTimeOffset or TimeSpan:
                    _buffer.Append('p');
                    Text(value.GetType().Name + ":" + f.ToString(value is double or float ? "R" : null, CultureInfo.InvariantCulture));
                    return true;
                case IEnumerable items:
                    _buffer.Append('[');
                    foreach (var item in items)
                        if (!Value(item, depth + 1)) return false;
                    _buffer.Append(']');
                    return true;
            }
            var type = value.GetType();
            // A type of another assembly may have lost members to trimming in the native build, so two different values
            // could hash alike there: such a view gets no digest (its page is always rendered), in both builds alike.
            if (type.Assembly != typeof(ViewDigest).Assembly || type.IsPrimitive || typeof(Delegate).IsAssignableFrom(type)) return false;
            _buffer.Append('{');
            Text(type.Name);
            foreach (var member in MembersOf(type))
            {
                Text(member.Name);
                var v = member is PropertyInfo p ? p.GetValue(value) : ((FieldInfo)member).GetValue(value);
                if (!Value(v, depth + 1)) return false;
            }
            _buffer.Append('}');
            return true;
        }
    }
}
