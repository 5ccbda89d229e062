using System.Buffers;
using System.Text;
using EcoSite.Core.Search;
using Posting = EcoSite.Core.Search.SearchIndexBuilder.Posting;

namespace EcoSite.Core.Shards;

/// <summary>
/// A shard's term counts of one language, <c>.ecosite-shard/terms-&lt;lang&gt;.txt</c> (docs/open-data.md "Shard
/// state"): what the shard's own documents hold, tokenized once by the shard (<see cref="SearchIndexBuilder.Counts"/>),
/// so merge joins the counts instead of tokenizing every page of the site again on one machine. One line per term, in
/// ordinal order: the term (UTF-8; a term never holds a space or a line end), a space, then for each document that
/// holds it, in ascending order of its number in the fragment, the gap from the previous number (minus one) and the
/// weighted term frequency, each a <see cref="Varint"/>, as the index's own term chunks write postings.
/// </summary>
internal static class ShardTerms
{
    /// <summary>The file's bytes.</summary>
    public static byte[] Write(IEnumerable<(string Term, Posting[] Counts)> terms)
    {
        var bytes = new ArrayBufferWriter<byte>(1 << 16);
        foreach (var (term, counts) in terms)
        {
            bytes.Advance(Encoding.UTF8.GetBytes(term, bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(term.Length))));
            bytes.Write(" "u8);
            var previous = -1;
            foreach (var c in counts)
            {
                Varint.Write(bytes, c.Doc - previous - 1);
                Varint.Write(bytes, c.Impact);
                previous = c.Doc;
            }
            bytes.Write("\n"u8);
        }
        return bytes.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The terms of every shard's file joined as one index's: each term once, in ordinal order, with the postings of
    /// every shard that has it, renumbered by that shard's <c>Numbers</c> (its fragment's document i is the index's
    /// document Numbers[i], rising with i) and in ascending order. Read as enumerated, one line per shard at a time;
    /// throws <see cref="MalformedException"/> at the first line that is not as <see cref="Write"/>
    /// writes it.
    /// </summary>
    public static IEnumerable<(string Term, Posting[] Counts)> Join(IReadOnlyList<(string File, byte[] Bytes, int[] Numbers)> shards)
    {
        var readers = shards.Select(s => new Reader(s.File, s.Bytes, s.Numbers)).ToList();
        var next = new PriorityQueue<Reader, string>(StringComparer.Ordinal);
        foreach (var r in readers)
            if (r.MoveNext()) next.Enqueue(r, r.Term);
        var holding = new List<Reader>();
        while (next.TryDequeue(out var reader, out var term))
        {
            holding.Clear();
            holding.Add(reader);
            while (next.TryPeek(out var other, out var otherTerm) && otherTerm == term) holding.Add(next.Dequeue());
            var postings = holding.Count == 1 ? reader.Counts : [.. holding.SelectMany(r => r.Counts)];
            if (holding.Count > 1) Array.Sort(postings, (a, b) => a.Doc.CompareTo(b.Doc));
            foreach (var r in holding)
                if (r.MoveNext()) next.Enqueue(r, r.Term);
            yield return (term, postings);
        }
    }

    /// <summary>One shard's file, a line at a time, checked as it is read.</summary>
    private sealed class Reader(string file, byte[] bytes, int[] numbers)
    {
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private int _pos;

        public string Term { get; private set; } = "";
        public Posting[] Counts { get; private set; } = [];

        public bool MoveNext()
        {
            if (_pos == bytes.Length) return false;
            var line = bytes.AsSpan(_pos);
            var end = line.IndexOf((byte)'\n');
            var space = line.IndexOf((byte)' ');
            if (end < 0 || space <= 0 || space > end) throw Malformed();
            string term;
            try
            {
                term = Strict.GetString(line[..space]);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed();
            }
            if (_pos > 0 && string.CompareOrdinal(term, Term) <= 0) throw Malformed();
            var counts = new List<Posting>();
            var postings = line[(space + 1)..end];
            var at = 0;
            var previous = -1;
            while (at < postings.Length)
            {
                var gap = Varint.Read(postings, ref at);
                var tf = Varint.Read(postings, ref at);
                if (gap < 0 || tf < 1 || (long)previous + gap + 1 >= numbers.Length) throw Malformed();
                previous += gap + 1;
                counts.Add(new Posting(numbers[previous], tf));
            }
            if (counts.Count == 0) throw Malformed();
            (Term, Counts) = (term, counts.ToArray());
            _pos += end + 1;
            return true;
        }

        private MalformedException Malformed() => new(file, $"the line at byte {_pos} is not a term and its counts as a shard build writes them");
    }

    /// <summary>A term counts file that is not as <see cref="Write"/> writes it: which one, and where.</summary>
    public sealed class MalformedException(string file, string reason) : Exception(reason)
    {
        public string File { get; } = file;
    }
}
