using System.Text;
using EcoSite.Core.Shards;
using Posting = EcoSite.Core.Search.SearchIndexBuilder.Posting;

namespace EcoSite.Tests.Search;

/// <summary>A shard's term counts file (<see cref="ShardTerms"/>): written, read back and joined with other shards'.</summary>
public sealed class ShardTermsTests
{
    private static byte[] File(params (string Term, Posting[] Counts)[] terms) => ShardTerms.Write(terms);

    [Fact]
    public void Counts_read_back_as_written_renumbered_and_joined_in_term_then_document_order()
    {
        var a = File(("b", [new(0, 5), new(2, 1)]), ("水", [new(1, 300)]));
        var b = File(("a", [new(0, 2)]), ("b", [new(1, 7), new(2000, 1)]));
        Assert.Equal("b #($$\n水 $VA\n", Encoding.UTF8.GetString(a)); // gaps and counts as the index's own postings

        var joined = ShardTerms.Join([("a", a, [1, 3, 4]), ("b", b, [0, .. Enumerable.Range(5, 2000)])]).ToList();

        Assert.Equal(["a", "b", "水"], joined.Select(t => t.Term));
        Assert.Equal([new Posting(0, 2)], joined[0].Counts);
        Assert.Equal([new Posting(1, 5), new Posting(4, 1), new Posting(5, 7), new Posting(2004, 1)], joined[1].Counts);
        Assert.Equal([new Posting(3, 300)], joined[2].Counts);
    }

    [Theory]
    [InlineData("b #$\na #$\n")] // terms out of order
    [InlineData("a #$\na #$\n")] // a term twice
    [InlineData("a ##\n")] // a count of zero
    [InlineData("a $$\n")] // a document the fragment does not have
    [InlineData("a #\n")] // a gap without its count
    [InlineData("a \n")] // no counts
    [InlineData(" #$\n")] // no term
    [InlineData("a #$")] // no line end
    [InlineData("a #~\n")] // not a symbol
    public void A_file_not_as_a_shard_writes_it_is_refused_naming_the_file(string text)
    {
        var e = Assert.Throws<ShardTerms.MalformedException>(() => ShardTerms.Join([("s/terms-zh.txt", Encoding.UTF8.GetBytes(text), [0])]).ToList());
        Assert.Equal("s/terms-zh.txt", e.File);
    }
}
