using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace EcoSite.Core.Render;

/// <summary>
/// What a page's view model is made from, written straight into its digest (<see cref="ViewDigest"/>) instead of being
/// walked as a view: for pages whose view costs more to build than what it is made from (a park's list, the search
/// page). It must write everything the view is made from that the digest does not cover apart (the theme's strings,
/// the page's language and path are covered apart), each part so that no two different sources write the same bytes
/// (texts with their lengths, optional parts with a mark).
/// </summary>
internal interface IDigestSource
{
    void WriteTo(ViewDigest.Writer writer);
}

/// <summary>
/// A hash of everything a page's templates can see (the layout's <see cref="Views.PageView"/>, the template's name and
/// its view model), for pages that summarise many files and so declare no inputs (docs/incremental.md). Templates
/// read views by member name through reflection, so the digest walks the same public properties and fields: two
/// views that hash alike render alike, given the same theme and generator (which the caller's global part covers).
/// Nothing is formatted or encoded on the way: each value goes into a pooled buffer as its tag and its bytes (a text
/// as its length and its UTF-16 code units), and the buffer into the hash.
/// </summary>
internal static class ViewDigest
{
    /// <summary>Views are trees a few levels deep; anything deeper is not a view model, and such a page gets no digest.</summary>
    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>A public member as the templates read it: its name (asked of the metadata once) and how to get its value.</summary>
    private sealed record Member(string Name, PropertyInfo? Property, FieldInfo? Field)
    {
        public object? Get(object o) => Property is { } p ? p.GetValue(o) : Field!.GetValue(o);
    }

    /// <summary>The digest, or null when the views hold something it cannot walk (then the page is always rendered).</summary>
    public static string? Of(string global, string outputPath, string template, object page, object model)
    {
        using var writer = new Writer();
        writer.Text(global);
        writer.Text(outputPath);
        writer.Text(template);
        if (!writer.Value(page, 0) || !writer.Value(model, 0)) return null;
        return writer.Finish();
    }

    /// <summary>The digest of a source alone (tests compare two sources by it).</summary>
    public static string OfSource(IDigestSource source)
    {
        using var writer = new Writer();
        source.WriteTo(writer);
        return writer.Finish();
    }

    /// <summary>
    /// Public instance properties and fields, as Scriban's accessor sees them, in name order (the same in the JIT and the
    /// native build; metadata tokens are not available for every member there).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "Only EcoSite.Core's own types are walked (Value refuses any other), and the native build roots that assembly whole (aot-roots.xml), as Scriban reads the same members.")]
    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Select(p => new Member(p.Name, p, null))
            .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => new Member(f.Name, null, f)))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToArray());

    /// <summary>
    /// Writes each value with a tag and each text with its length, so no two different trees write the same bytes
    /// (["ab"] and ["a", "b"] differ). Texts go in as UTF-16 code units, not encoded; the buffer is pooled and handed to
    /// the hash when full, so a page's digest allocates nothing per value but what reflection boxes.
    /// </summary>
    internal sealed class Writer : IDisposable
    {
        private const int Size = 32 * 1024;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Size);
        private int _used;

        private Span<byte> Room(int bytes)
        {
            if (_used + bytes > _buffer.Length) Flush();
            var span = _buffer.AsSpan(_used, bytes);
            _used += bytes;
            return span;
        }

        private void Flush()
        {
            if (_used == 0) return;
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }

        /// <summary>One byte that says what follows (a value's kind, an optional part present or not, an item's end).</summary>
        public void Mark(char tag) => Room(1)[0] = checked((byte)tag);

        public Writer Number(long n)
        {
            BinaryPrimitives.WriteInt64LittleEndian(Room(8), n);
            return this;
        }

        /// <summary>A text with its length; null is a mark of its own, apart from every text.</summary>
        public Writer Text(string? s)
        {
            if (s is null)
            {
                Mark('-');
                return this;
            }
            Mark(':');
            Number(s.Length);
            Chars(s);
            return this;
        }

        /// <summary>A date, or none (the ISO date a view shows is a function of its day number).</summary>
        public void Date(DateOnly? d)
        {
            if (d is { } day)
            {
                Mark('d');
                Number(day.DayNumber);
            }
            else Mark('-');
        }

        private void Chars(ReadOnlySpan<char> s)
        {
            var bytes = MemoryMarshal.AsBytes(s);
            if (bytes.Length > Size / 2)
            {
                Flush();
                _hash.AppendData(bytes);
                return;
            }
            bytes.CopyTo(Room(bytes.Length));
        }

        /// <summary>The digest of everything written, as lower-case hexadecimal.</summary>
        public string Finish()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public void Dispose()
        {
            _hash.Dispose();
            if (_buffer.Length == 0) return;
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        public bool Value(object? value, int depth)
        {
            if (depth > MaxDepth) return false;
            switch (value)
            {
                case null: Mark('n'); return true;
                case string s: Mark('s'); Text(s); return true;
                case bool b: Mark(b ? 'T' : 'F'); return true;
                case IDigestSource source: Mark('S'); source.WriteTo(this); Mark(';'); return true;
                case Enum e: Mark('e'); Text(e.GetType().Name); Text(e.ToString()); return true;
                case ISpanFormattable f when value.GetType().IsPrimitive || value is decimal or DateOnly or DateTime or DateTimeOffset or TimeSpan:
                {
                    Mark('p');
                    Text(value.GetType().Name);
                    Span<char> chars = stackalloc char[64];
                    if (f.TryFormat(chars, out var written, value is double or float ? "R" : default, CultureInfo.InvariantCulture))
                    {
                        Mark(':');
                        Number(written);
                        Chars(chars[..written]);
                    }
                    else Text(f.ToString(value is double or float ? "R" : null, CultureInfo.InvariantCulture));
                    return true;
                }
                case IEnumerable items:
                    Mark('[');
                    foreach (var item in items)
                        if (!Value(item, depth + 1)) return false;
                    Mark(']');
                    return true;
            }
            var type = value.GetType();
            // A type of another assembly may have lost members to trimming in the native build, so two different values
            // could hash alike there: such a view gets no digest (its page is always rendered), in both builds alike.
            if (type.Assembly != typeof(ViewDigest).Assembly || type.IsPrimitive || typeof(Delegate).IsAssignableFrom(type)) return false;
            Mark('{');
            Text(type.Name);
            foreach (var member in MembersOf(type))
            {
                Text(member.Name);
                if (!Value(member.Get(value), depth + 1)) return false;
            }
            Mark('}');
            return true;
        }
    }
}
