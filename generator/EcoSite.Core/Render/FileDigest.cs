using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoSite.Core.Render;

/// <summary>
/// A hash of what a file that is not a page is made from (the sitemap's page ids, an open dataset's rows), so that an
/// incremental build keeps the published file when it is the one the previous build recorded (docs/incremental.md,
/// "Files that are not pages"). Values are written with a tag and texts with their length, so no two different
/// sequences write the same bytes; texts go as UTF-8 straight into a pooled buffer (no string per value), which is
/// hashed as it fills.
/// </summary>
internal sealed class FileDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _used;

    /// <summary>A digest starting with <paramref name="global"/> (generator, theme, today, site.yaml) and what kind of file it is for.</summary>
    public FileDigest(string global, string kind)
    {
        Text(global);
        Text(kind);
    }

    private Span<byte> Room(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Drain();
            if (_buffer.Length < bytes)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(bytes);
            }
        }
        return _buffer.AsSpan(_used);
    }

    private void Drain()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    private void Tag(byte tag)
    {
        Room(1)[0] = tag;
        _used++;
    }

    public FileDigest Text(string? s)
    {
        if (s is null)
        {
            Tag((byte)'n');
            return this;
        }
        var room = Room(5 + Encoding.UTF8.GetMaxByteCount(s.Length));
        room[0] = (byte)'s';
        var n = Encoding.UTF8.GetBytes(s, room[5..]);
        BinaryPrimitives.WriteInt32LittleEndian(room[1..], n);
        _used += 5 + n;
        return this;
    }

    public FileDigest Number(long n)
    {
        var room = Room(9);
        room[0] = (byte)'i';
        BinaryPrimitives.WriteInt64LittleEndian(room[1..], n);
        _used += 9;
        return this;
    }

    /// <summary>
    /// One value of a dataset's row, as the exports write them; false for a value of another type (then there is no
    /// digest and the file is always written).
    /// </summary>
    public bool Value(object? value)
    {
        switch (value)
        {
            case null: Tag((byte)'n'); return true;
            case string s: Text(s); return true;
            case bool b: Tag(b ? (byte)'T' : (byte)'F'); return true;
            case int i: Number(i); return true;
            case double d:
            {
                // The bits, not a text: every double that writes differently has different bits.
                var room = Room(9);
                room[0] = (byte)'d';
                BinaryPrimitives.WriteInt64LittleEndian(room[1..], BitConverter.DoubleToInt64Bits(d));
                _used += 9;
                return true;
            }
            case DateOnly date:
                Tag((byte)'D');
                Number(date.DayNumber);
                return true;
            case IEnumerable<string> list:
                Tag((byte)'[');
                foreach (var s in list) Text(s);
                Tag((byte)']');
                return true;
            default:
                return false;
        }
    }

    /// <summary>The digest (lowercase hex), after which nothing more may be written.</summary>
    public string Finish()
    {
        Drain();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
