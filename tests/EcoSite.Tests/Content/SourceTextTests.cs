using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// Content files are strict UTF-8: a file in another encoding is refused with the encoding it most likely is and the
/// place the editor would first see garbage, never decoded into mojibake; line ends and a BOM are normalised.
/// </summary>
public sealed class SourceTextTests
{
    private const string File = "parks/demo/park.yaml";

    private static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Decode(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        var text = SourceText.Decode(bytes, File, bag);
        return (text, bag.ToSortedList());
    }

    private static Diagnostic Refused(byte[] bytes, string code = "ECO001")
    {
        var (text, diagnostics) = Decode(bytes);
        Assert.Null(text);
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, File), (d.Code, d.File));
        return d;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Gbk(string s)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(s);
    }

    [Fact]
    public void Utf8_text_is_read_as_it_is()
    {
        var (text, diagnostics) = Decode(Utf8("name: 测试园区\n"));
        Assert.Equal("name: 测试园区\n", text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_windows_and_old_mac_line_ends_become_newlines()
    {
        var (text, _) = Decode([0xEF, 0xBB, 0xBF, .. Utf8("a: 1\r\nb: 2\rc: 3\n")]);
        Assert.Equal("a: 1\nb: 2\nc: 3\n", text);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' })]
    public void A_utf16_file_with_a_byte_order_mark_is_refused_as_utf16(byte[] bytes)
    {
        var d = Refused(bytes);
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("UTF-16", d.Message);
    }

    [Fact]
    public void Short_files_that_only_start_like_a_byte_order_mark_are_not_taken_for_one()
    {
        Assert.Equal("a", Decode(Utf8("a")).Text);
        Assert.Equal("ab", Decode(Utf8("ab")).Text);
    }

    [Fact]
    public void A_gbk_file_is_refused_as_gbk_at_its_first_chinese_character()
    {
        var d = Refused(Gbk("level: national\nname: 测试园区\n"));
        Assert.Contains("GB18030/GBK", d.Message);
        Assert.Equal((2, 7), (d.Line, d.Column));
    }

    [Fact]
    public void A_gbk_file_whose_first_chinese_bytes_happen_to_be_valid_utf8_is_still_placed_at_them()
    {
        // C4 A3 D6 D0 is two GBK characters; C4 A3 alone is also valid UTF-8, so the first invalid byte is D6.
        var d = Refused([.. Utf8("a: "), 0xC4, 0xA3, 0xD6, 0xD0, .. Utf8("\n")]);
        Assert.Contains("GB18030/GBK", d.Message);
        Assert.Equal((1, 4), (d.Line, d.Column));
    }

    [Fact]
    public void Other_invalid_bytes_are_placed_at_the_first_invalid_byte_counting_characters_not_bytes()
    {
        var d = Refused([.. Utf8("first\nname: 测试"), 0xC0, 0x20, .. Utf8("\n")]);
        Assert.Contains("unknown non-UTF-8 encoding", d.Message);
        Assert.Equal((2, 9), (d.Line, d.Column));
    }

    [Fact]
    public void A_truncated_utf8_sequence_at_the_end_is_placed_there()
    {
        var d = Refused([.. Utf8("ab\ncd"), 0xE6, 0xB5]);
        Assert.Equal((2, 3), (d.Line, d.Column));
    }

    [Fact]
    public void A_file_with_many_zero_bytes_is_taken_for_utf16_without_a_byte_order_mark()
    {
        var d = Refused([(byte)'a', 0, (byte)'b', 0, 0xC0, 0]);
        Assert.Contains("UTF-16 without a byte-order mark", d.Message);
    }

    [Fact]
    public void Nul_bytes_in_otherwise_valid_utf8_are_refused()
    {
        var d = Refused(Utf8("name: a\0b\n"));
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("NUL", d.Message);
    }

    [Fact]
    public void Each_control_character_is_reported_at_its_position_up_to_ten()
    {
        var (text, diagnostics) = Decode(Utf8("a: 1\u0007\nb: \u0008x\n"));
        Assert.Null(text);
        Assert.Equal([("ECO008", 1, 5), ("ECO008", 2, 4)], diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Equal(10, Decode(Utf8(string.Concat(Enumerable.Repeat("x\u0007", 25)))).Diagnostics.Count);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_by_size_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "ecosite-sourcetext-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var f = System.IO.File.Create(path)) f.SetLength(SourceText.MaxFileBytes + 1);
            var bag = new DiagnosticBag();
            Assert.Null(SourceText.Read(path, File, bag));
            var d = Assert.Single(bag.ToSortedList());
            Assert.Equal(("ECO003", 0), (d.Code, d.Line));
            Assert.Contains("8 MiB", d.Message);

            using (var f = System.IO.File.OpenWrite(path)) f.SetLength(SourceText.MaxFileBytes);
            var exact = new DiagnosticBag();
            SourceText.Read(path, File, exact);
            Assert.DoesNotContain(exact.ToSortedList(), x => x.Code == "ECO003");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported_not_thrown()
    {
        var bag = new DiagnosticBag();
        Assert.Null(SourceText.Read(Path.Combine(Path.GetTempPath(), "ecosite-missing-" + Guid.NewGuid().ToString("N")), File, bag));
        Assert.Equal("ECO004", Assert.Single(bag.ToSortedList()).Code);
    }
}
