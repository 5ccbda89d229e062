using System.Text;
using EcoSite.Core.Search;

namespace EcoSite.Tests.Search;

/// <summary>
/// The search layout state read straight from its bytes (<see cref="SearchLayout.Parse(byte[])"/>): what a build
/// writes reads back as it was, and a file that is not exactly as a build writes it (an edited value, a line cut, a
/// number with a leading zero, a field too many) is not used, so the index is built whole.
/// </summary>
public sealed class SearchLayoutTests
{
    private static readonly SearchLayout Layout = new(new DateOnly(2026, 11, 29), 585,
        [
            new("parks/a/news/1.html", "0a1b", "9f", 586, new DateOnly(2026, 1, 27), null),
            new("parks/a/news/二.html", "f00d", "77", 12, null, "en"),
        ],
        [("", "c1"), ("粉煤灰", "c2")],
        [(0, "d1"), (1, "d2")]);

    private static readonly (char, string)[] Counts = [('0', "aa"), ('f', "bb")];

    private static byte[] Bytes() => Layout.ToBytes(Counts)!;

    [Fact]
    public void What_a_build_writes_reads_back_as_it_was()
    {
        var read = SearchLayout.Parse(Bytes());
        Assert.NotNull(read);
        Assert.Equal(Layout.Today, read.Today);
        Assert.Equal(Layout.Average, read.Average);
        Assert.Equal(Layout.Docs, read.Docs);
        Assert.Equal(Layout.Terms, read.Terms);
        Assert.Equal(Layout.Documents, read.Documents);
        Assert.Equal(Counts, read.Counts);
        // The text and the bytes are the same file, and its parse writes it again byte for byte.
        Assert.Equal(Bytes(), Encoding.UTF8.GetBytes(Layout.ToText(Counts)!));
        Assert.Equal(Bytes(), read.ToBytes(read.Counts));
    }

    [Theory]
    [InlineData("a key edited", "0a1b", "0a1c", true)]
    [InlineData("a length edited", "\t586\t", "\t587\t", true)]
    [InlineData("a leading zero", "\t586\t", "\t0586\t", false)]
    [InlineData("a field too many", "\t586\t", "\t586\t\t", false)]
    [InlineData("a line cut", "f00d\t77\t12\t\ten\n", "", false)]
    [InlineData("another generator", "ecosite-state search-layout ", "ecosite-state search-layout x", false)]
    public void A_file_not_exactly_as_a_build_writes_it_is_not_used(string change, string from, string to, bool keepHash)
    {
        var text = Encoding.UTF8.GetString(Bytes());
        Assert.Contains(from, text, StringComparison.Ordinal);
        var edited = text.Replace(from, to, StringComparison.Ordinal);
        if (!keepHash)
        {
            // The closing hash made again over the edited body, so only the edit itself can refuse the file.
            var header = text[..(text.IndexOf('\n') + 1)];
            var end = edited.LastIndexOf("sha256\t", StringComparison.Ordinal);
            var start = edited.StartsWith(header, StringComparison.Ordinal) ? header.Length : edited.IndexOf('\n') + 1;
            edited = edited[..end] + "sha256\t" + SearchLayout.Sha(Encoding.UTF8.GetBytes(edited[start..end])) + "\n";
        }
        Assert.True(SearchLayout.Parse(Encoding.UTF8.GetBytes(edited)) is null, change);
    }
    [Fact]
    public void A_patched_layout_is_the_file_a_build_writes_for_the_new_values()
    {
        var read = SearchLayout.Parse(Bytes())!;
        // The second document (a non-ASCII path, a text language) copied as read; the first rewritten with a new key,
        // source and length; new counts hashes and chunks.
        var first = new SearchLayout.Doc("parks/a/news/1.html", "0a1c", "9e", 590, new DateOnly(2026, 1, 28), null);
        (char, string)[] counts = [('0', "cc"), ('e', "dd")];
        (string, string)[] terms = [("", "c3"), ("水", "c4")];
        (int, string)[] chunks = [(0, "d3")];
        var patched = read.Patched(Layout.Today, 586, counts, new Dictionary<int, SearchLayout.Doc> { [0] = first }, terms, chunks);
        var cold = new SearchLayout(Layout.Today, 586, [first, Layout.Docs[1]], terms, chunks).ToBytes(counts);
        Assert.Equal(cold, patched);
        // Nothing rewritten: the file again, byte for byte.
        Assert.Equal(Bytes(), read.Patched(Layout.Today, Layout.Average, Counts, new Dictionary<int, SearchLayout.Doc>(), Layout.Terms, Layout.Documents));
    }

    [Fact]
    public void A_document_is_compared_in_place_with_exactly_the_bytes_a_build_writes()
    {
        var read = SearchLayout.Parse(Bytes())!;
        Assert.True(read.PathIs(1, "parks/a/news/二.html"));
        Assert.False(read.PathIs(1, "parks/a/news/三.html"));
        Assert.False(read.PathIs(0, "parks/a/news/1.htm"));
        Assert.True(read.KeyIs(1, "f00d"));
        Assert.False(read.KeyIs(1, "f00e"));
        Assert.True(read.TextLangIs(1, "en"));
        Assert.True(read.TextLangIs(0, null));
        Assert.False(read.TextLangIs(0, "en"));
        Assert.Equal(586, read.LengthOf(0));
        Assert.Equal(new DateOnly(2026, 1, 27), read.DateOf(0));
        Assert.Null(read.DateOf(1));
        // A path whose bytes only decode to the text (an invalid sequence read as U+FFFD) is not that path: its line
        // is not what a build writes for it, so it must not be copied as it is.
        var bytes = Bytes();
        var text = Encoding.UTF8.GetString(bytes);
        var at = Encoding.UTF8.GetByteCount(text[..text.IndexOf('二', StringComparison.Ordinal)]);
        var edited = bytes[..at].Concat(new byte[] { 0xE4, 0xB8, 0xFF }).Concat(bytes[(at + 3)..]).ToArray();
        var header = Array.IndexOf(edited, (byte)'\n') + 1;
        var end = Encoding.UTF8.GetByteCount(text[..text.LastIndexOf("sha256\t", StringComparison.Ordinal)]);
        edited = edited[..end].Concat(Encoding.UTF8.GetBytes("sha256\t" + SearchLayout.Sha(edited[header..end]) + "\n")).ToArray();
        var damaged = SearchLayout.Parse(edited);
        Assert.NotNull(damaged);
        Assert.Equal(Encoding.UTF8.GetString(new byte[] { 0xE4, 0xB8, 0xFF }), damaged.Docs[1].Path[13..^5]);
        Assert.False(damaged.PathIs(1, damaged.Docs[1].Path));
    }
}
