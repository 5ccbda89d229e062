using System.Buffers.Binary;
using System.Text;

namespace EcoSite.Core.Output;

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> with UTF-8 wrote (7-bit length-prefixed strings, little-endian numbers)
/// straight from a state file's bytes: no stream, no copy, and each string decoded from its bytes in one call
/// (<see cref="BinaryReader"/> decodes through a small buffer, and a state file of 10,000 pages holds 17 MB of text).
/// Anything that runs past the end or is not as a writer writes it throws <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class StateReader(ReadOnlyMemory<byte> bytes)
{
    private readonly ReadOnlyMemory<byte> _bytes = bytes;

    public int Position { get; private set; }

    public int Length => _bytes.Length;

    /// <summary>The next <paramref name="count"/> bytes, not copied.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _bytes.Length - Position) throw new InvalidDataException("cut short");
        var span = _bytes.Span.Slice(Position, count);
        Position += count;
        return span;
    }

    public bool ReadBoolean() => Take(1)[0] != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public byte[] ReadBytes(int count) => Take(count).ToArray();

    public string ReadString() => Encoding.UTF8.GetString(TakeString());

    /// <summary>The UTF-8 bytes of the next string as a slice of the bytes read (kept alive by it), not decoded or copied.</summary>
    public ReadOnlyMemory<byte> TakeStringMemory()
    {
        var count = Read7BitEncodedInt();
        var start = Position;
        Take(count);
        return _bytes.Slice(start, count);
    }

    /// <summary>The UTF-8 bytes of the next string, not decoded.</summary>
    public ReadOnlySpan<byte> TakeString() => Take(Read7BitEncodedInt());

    /// <summary>Whether the next string is <paramref name="expected"/> (read past either way), without decoding it.</summary>
    public bool StringIs(string expected)
    {
        var bytes = TakeString();
        return bytes.Length == Encoding.UTF8.GetByteCount(expected) && Encoding.UTF8.GetString(bytes) == expected;
    }

    /// <summary>Passes over the next <paramref name="count"/> bytes (read in place by the caller, from <see cref="Position"/>).</summary>
    public void Skip(int count) => Take(count);

    /// <summary>The length prefix of the next string (for <see cref="Skip"/>).</summary>
    public int ReadLength() => Read7BitEncodedInt();

    /// <summary>As <see cref="BinaryReader.Read7BitEncodedInt"/>: at most five bytes, the fifth holding four bits.</summary>
    private int Read7BitEncodedInt()
    {
        uint result = 0;
        for (var shift = 0; shift < 28; shift += 7)
        {
            var b = Take(1)[0];
            result |= (uint)(b & 0x7F) << shift;
            if (b <= 0x7F) return (int)result;
        }
        var last = Take(1)[0];
        if (last > 0x0F) throw new InvalidDataException("bad length");
        return (int)(result | (uint)last << 28);
    }
}
