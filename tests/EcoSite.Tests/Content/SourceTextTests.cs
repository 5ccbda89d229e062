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

    private const string SaveAsUtf8 = "Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8), never rename or retype it.";

    private static string NotUtf8(string guess) => $"the file is not UTF-8; it looks like {guess}. {SaveAsUtf8}";

    private const string LooksGbk = "GB18030/GBK (the default of Chinese Windows)";
    private const string LooksUnknown = "an unknown non-UTF-8 encoding";

    public static TheoryData<byte[], string> GuessEdges => new()
    {
        // Lead bytes 0x81 and 0xFE are GBK lead bytes, 0x80 and 0xFF are not.
        { [.. Utf8("a: "), 0x81, 0x40, .. Utf8("\n")], LooksGbk },
        { [.. Utf8("a: "), 0xFE, 0xFE, .. Utf8("\n")], LooksGbk },
        { [.. Utf8("a: "), 0x80, 0x40, .. Utf8("\n")], LooksUnknown },
        { [.. Utf8("a: "), 0xFF, 0x40, .. Utf8("\n")], LooksUnknown },
        // Trail bytes 0x40-0xFE except 0x7F.
        { [.. Utf8("a: "), 0x81, 0x3F, .. Utf8("\n")], LooksUnknown },
        { [.. Utf8("a: "), 0x81, 0x7F, .. Utf8("\n")], LooksUnknown },
        { [.. Utf8("a: "), 0x81, 0xFF, .. Utf8("\n")], LooksUnknown },
        // Four-byte GB18030: second byte 0x30-0x39, and all four bytes there.
        { [.. Utf8("a: "), 0x81, 0x30, 0x81, 0x30, .. Utf8("\n")], LooksGbk },
        { [.. Utf8("a: "), 0x81, 0x39, 0x81, 0x30, .. Utf8("\n")], LooksGbk },
        { [.. Utf8("a: "), 0x81, 0x2F, 0x81, 0x30, .. Utf8("\n")], LooksUnknown },
        { [.. Utf8("a: "), 0x81, 0x3A, 0x81, 0x30, .. Utf8("\n")], LooksUnknown },
        { [.. Utf8("a: "), 0x81, 0x30, 0x81, 0x30], LooksGbk },
        { [.. Utf8("a: "), 0x81, 0x30, 0x81], LooksUnknown },
        // A lead byte as the last byte; a pair at the very end; a bad byte after a good pair and ASCII.
        { [.. Utf8("a: "), 0x81], LooksUnknown },
        { [.. Utf8("a: "), 0x81, 0x40], LooksGbk },
        { [.. Utf8("a: "), 0x81, 0x40, (byte)'x', 0x81, 0x40], LooksGbk },
        { [.. Utf8("a: "), 0x81, 0x40, 0xFF], LooksUnknown },
    };

    [Theory]
    [MemberData(nameof(GuessEdges))]
    public void The_guessed_encoding_follows_the_gbk_byte_ranges_at_their_edges(byte[] bytes, string guess)
    {
        var d = Refused(bytes);
        Assert.Equal(NotUtf8(guess), d.Message);
        Assert.Equal((1, 4), (d.Line, d.Column));
    }

    [Fact]
    public void Zero_bytes_make_a_utf16_guess_only_above_a_quarter_of_the_file()
    {
        // 8 bytes, 2 zeros: a quarter exactly, so the GBK guess (C0 63 is a GBK pair), placed at the C0.
        var quarter = Refused([(byte)'a', 0, (byte)'b', 0, 0xC0, (byte)'c', (byte)'d', (byte)'e']);
        Assert.Equal(NotUtf8(LooksGbk), quarter.Message);
        Assert.Equal((1, 5), (quarter.Line, quarter.Column));
        var more = Refused([(byte)'a', 0, (byte)'b', 0, (byte)'c', 0, 0xC0, (byte)'d']);
        Assert.Equal(NotUtf8("UTF-16 without a byte-order mark"), more.Message);
        Assert.Equal((1, 7), (more.Line, more.Column));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void A_file_that_is_only_a_utf16_byte_order_mark_is_refused_as_utf16(byte[] bytes)
    {
        var d = Refused(bytes);
        Assert.Equal("the file is UTF-16, not UTF-8. Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8).", d.Message);
        Assert.Equal((1, 1), (d.Line, d.Column));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, (byte)'a' }, LooksUnknown, 1)]
    [InlineData(new byte[] { (byte)'a', 0xFE }, LooksUnknown, 2)]
    [InlineData(new byte[] { 0xFE, (byte)'a' }, LooksGbk, 1)]
    [InlineData(new byte[] { (byte)'a', 0xFF }, LooksUnknown, 2)]
    [InlineData(new byte[] { 0xFF }, LooksUnknown, 1)]
    public void Half_of_a_utf16_byte_order_mark_is_not_taken_for_one(byte[] bytes, string guess, int column)
    {
        var d = Refused(bytes);
        Assert.Equal(NotUtf8(guess), d.Message);
        Assert.Equal((1, column), (d.Line, d.Column));
    }

    [Fact]
    public void Only_the_three_bytes_of_a_utf8_byte_order_mark_are_dropped()
    {
        var (empty, diagnostics) = Decode([0xEF, 0xBB, 0xBF]);
        Assert.Equal("", empty);
        Assert.Empty(diagnostics);
        // EF BB BC (U+FEFC) and E6 BB BF (U+6EFF) share two of the mark's three bytes.
        Assert.Equal("\uFEFCa", Decode(Utf8("\uFEFCa")).Text);
        Assert.Equal("\u6EFFa", Decode(Utf8("\u6EFFa")).Text);
        Assert.Equal("\u00EFa", Decode(Utf8("\u00EFa")).Text);
    }

    [Fact]
    public void The_first_invalid_byte_is_found_after_more_text_than_one_conversion_buffer()
    {
        var d = Refused([.. Utf8("a\n" + new string('x', 300)), 0xC0, 0x20, .. Utf8("\n")]);
        Assert.Equal(NotUtf8(LooksUnknown), d.Message);
        Assert.Equal((2, 301), (d.Line, d.Column));
    }

    [Fact]
    public void A_gbk_file_is_placed_on_its_line_even_with_lines_after_it()
    {
        var d = Refused([.. Utf8("a: 1\nb: "), 0xC4, 0xE3, .. Utf8("\nc: 2\nd: 3\n")]);
        Assert.Equal((2, 4), (d.Line, d.Column));
    }

    [Fact]
    public void The_nul_and_control_character_messages_say_what_to_do()
    {
        Assert.Equal("the file contains NUL bytes; it is probably UTF-16 without a byte-order mark or a binary file. Save it as UTF-8.",
            Refused(Utf8("a\0")).Message);
        var d = Refused(Utf8("a: 1\u0007"), "ECO008");
        Assert.Equal("this position holds the invisible character U+0007 (bell); delete it (it often comes with text pasted from Word or a PDF).", d.Message);
    }

    [Fact]
    public void Control_characters_are_reported_at_the_first_position_and_side_by_side()
    {
        var (text, diagnostics) = Decode(Utf8("\u0007a\u0008\u001B\nb"));
        Assert.Null(text);
        Assert.Equal([(1, 1), (1, 3), (1, 4)], diagnostics.Select(d => (d.Line, d.Column)));
        Assert.All(diagnostics, d => Assert.Equal("ECO008", d.Code));
    }

    [Fact]
    public void The_too_large_message_names_the_file_size_and_the_limit_in_mebibytes()
    {
        var path = Path.Combine(Path.GetTempPath(), "ecosite-sourcetext-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var f = System.IO.File.Create(path)) f.SetLength(9 * 1024 * 1024 + 5);
            var bag = new DiagnosticBag();
            Assert.Null(SourceText.Read(path, File, bag));
            var d = Assert.Single(bag.ToSortedList());
            Assert.Equal(("ECO003", File, 0, 0), (d.Code, d.File, d.Line, d.Column));
            Assert.Equal("the file is 9 MiB; content files may be at most 8 MiB. Split it, or put large documents in media/ as attachments.", d.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void The_unreadable_file_message_says_why_and_what_to_check()
    {
        var bag = new DiagnosticBag();
        Assert.Null(SourceText.Read(Path.Combine(Path.GetTempPath(), "ecosite-missing-" + Guid.NewGuid().ToString("N")), File, bag));
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal(("ECO004", File, 0), (d.Code, d.File, d.Line));
        Assert.Equal("cannot read the file (the file does not exist). Check that it exists and is readable.", d.Message);
    }

    [Fact]
    public void A_file_read_from_disk_is_decoded_like_bytes()
    {
        var path = Path.Combine(Path.GetTempPath(), "ecosite-sourcetext-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Utf8("a: 1\r\n")]);
            var bag = new DiagnosticBag();
            Assert.Equal("a: 1\n", SourceText.Read(path, File, bag));
            Assert.Empty(bag.ToSortedList());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}

/// <summary>
/// <see cref="SourceText.ReadNonEmpty"/>: the bytes kept by the input fingerprint are used once instead of the file,
/// placeholders are reported, and an empty or blank file is refused with the caller's advice.
/// </summary>
public sealed class SourceTextReadNonEmptyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-nonempty-" + Guid.NewGuid().ToString("N"));

    public SourceTextReadNonEmptyTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (ContentTree Tree, ContentFile File) Tree(string rel, byte[] bytes)
    {
        var path = Path.Combine(_root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(_root, bag);
        Assert.Empty(bag.ToSortedList());
        return (tree, tree.Find(rel)!);
    }

    private static (string? Text, string[] Diagnostics) Read(ContentTree tree, ContentFile file)
    {
        var bag = new DiagnosticBag();
        var text = SourceText.ReadNonEmpty(tree, file, bag, "write the park's name here.");
        return (text, bag.ToSortedList().Select(d => d.ToString()).ToArray());
    }

    [Fact]
    public void Kept_bytes_are_read_once_instead_of_the_file_then_the_file_is_read()
    {
        var (tree, file) = Tree("parks/demo/park.yaml", Encoding.UTF8.GetBytes("name: on disk\r\n"));
        tree.Keep(file, Encoding.UTF8.GetBytes("name: kept\r\n"));
        var (kept, keptDiagnostics) = Read(tree, file);
        Assert.Equal("name: kept\n", kept);
        Assert.Empty(keptDiagnostics);
        var (disk, diskDiagnostics) = Read(tree, file);
        Assert.Equal("name: on disk\n", disk);
        Assert.Empty(diskDiagnostics);
    }

    [Fact]
    public void Kept_bytes_that_are_not_utf8_are_refused_under_the_file_name()
    {
        var (tree, file) = Tree("parks/demo/park.yaml", Encoding.UTF8.GetBytes("name: a\n"));
        tree.Keep(file, [.. Encoding.UTF8.GetBytes("a: "), 0xC0, 0x20]);
        var (text, diagnostics) = Read(tree, file);
        Assert.Null(text);
        Assert.Equal(["parks/demo/park.yaml:1:4: error ECO001: the file is not UTF-8; it looks like an unknown non-UTF-8 encoding. Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8), never rename or retype it."], diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n")]
    public void An_empty_or_blank_file_is_refused_with_the_advice_given(string content)
    {
        var (tree, file) = Tree("parks/demo/park.yaml", Encoding.UTF8.GetBytes(content));
        var (text, diagnostics) = Read(tree, file);
        Assert.Null(text);
        Assert.Equal(["parks/demo/park.yaml: error ECO002: write the park's name here."], diagnostics);
    }

    [Fact]
    public void A_placeholder_left_in_the_file_is_reported_and_the_text_still_read()
    {
        var content = "title: " + Placeholders.TitleEn + "\n";
        var (tree, file) = Tree("articles/a.md", Encoding.UTF8.GetBytes(content));
        var (text, diagnostics) = Read(tree, file);
        Assert.Equal(content, text);
        var d = Assert.Single(diagnostics);
        Assert.StartsWith("articles/a.md:1:8: warning ECO027: ", d);
    }

    [Fact]
    public void A_file_gone_since_the_scan_is_reported_as_unreadable_not_as_empty()
    {
        var (tree, file) = Tree("parks/demo/park.yaml", Encoding.UTF8.GetBytes("name: a\n"));
        File.Delete(Path.Combine(_root, "parks/demo/park.yaml"));
        var (text, diagnostics) = Read(tree, file);
        Assert.Null(text);
        Assert.Equal(["parks/demo/park.yaml: error ECO004: cannot read the file (the file does not exist). Check that it exists and is readable."], diagnostics);
    }
}
