using System.Text;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Content;

/// <summary>
/// Reads content files as strict UTF-8 (content-format.md section 4). A file in another encoding is reported
/// with the encoding it most likely is, never decoded into mojibake. A BOM is dropped and CRLF becomes LF.
/// </summary>
internal static class SourceText
{
    /// <summary>Largest content file read (Markdown or YAML); larger files are an error, not a slow build.</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a content file that must have content, taking the bytes the input fingerprint already read when it kept
    /// them. An empty or blank file is reported as an empty file, with <paramref name="whenEmpty"/> as what to do.
    /// </summary>
    public static string? ReadNonEmpty(ContentTree tree, ContentFile file, DiagnosticBag diagnostics, string whenEmpty)
    {
        var text = tree.TakeKept(file) is { } bytes ? Decode(bytes, file.RelPath, diagnostics) : Read(file.FullPath, file.RelPath, diagnostics);
        if (text is not null) Placeholders.Report(text, file.RelPath, diagnostics);
        if (text is null || !string.IsNullOrWhiteSpace(text)) return text;
        diagnostics.Add(Codes.EmptyFile, file.RelPath, SourcePos.File, whenEmpty);
        return null;
    }

    public static string? Read(string fullPath, string relPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxFileBytes)
            {
                diagnostics.Add(Codes.FileTooLarge, relPath, SourcePos.File,
                    $"the file is {info.Length / (1024 * 1024)} MiB; content files may be at most {MaxFileBytes / (1024 * 1024)} MiB. Split it, or put large documents in media/ as attachments.");
                return null;
            }
            bytes = FileProbe.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.UnreadableFile, relPath, SourcePos.File, $"cannot read the file ({LibraryText.FileSystemError(e)}). Check that it exists and is readable.");
            return null;
        }
        return Decode(bytes, relPath, diagnostics);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string relPath, DiagnosticBag diagnostics)
    {
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            diagnostics.Add(Codes.NotUtf8, relPath, new SourcePos(1, 1),
                "the file is UTF-16, not UTF-8. Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8).");
            return null;
        }
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            bytes = bytes[3..];

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var guess = GuessEncoding(bytes);
            // In GBK text the first non-ASCII byte is where the mojibake would start, which may be before the first
            // byte that is invalid as UTF-8: point the editor there.
            var bad = guess.StartsWith("GB", StringComparison.Ordinal) ? bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) : FirstInvalidUtf8(bytes);
            var (line, column) = LineColumnAt(bytes, bad);
            diagnostics.Add(Codes.NotUtf8, relPath, new SourcePos(line, column),
                $"the file is not UTF-8; it looks like {guess}. Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8), never rename or retype it.");
            return null;
        }
        if (text.Contains('\0'))
        {
            diagnostics.Add(Codes.NotUtf8, relPath, new SourcePos(1, 1),
                "the file contains NUL bytes; it is probably UTF-16 without a byte-order mark or a binary file. Save it as UTF-8.");
            return null;
        }
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return ReportControlCharacters(text, relPath, diagnostics) ? null : text;
    }

    /// <summary>Reports each forbidden character (see <see cref="ControlCharacters"/>) at its line and column; true when there was one.</summary>
    private static bool ReportControlCharacters(string text, string relPath, DiagnosticBag diagnostics)
    {
        const int MaxReported = 10;
        var reported = 0;
        var at = ControlCharacters.IndexOf(text);
        while (at >= 0 && reported < MaxReported)
        {
            var (line, column) = ControlCharacters.Position(text, at);
            diagnostics.Add(Codes.ControlCharacter, relPath, new SourcePos(line, column),
                $"this position holds the invisible character {ControlCharacters.Describe(text, at)}; delete it (it often comes with text pasted from Word or a PDF).");
            reported++;
            var next = ControlCharacters.IndexOf(text.AsSpan(at + 1));
            at = next < 0 ? -1 : at + 1 + next;
        }
        return reported > 0;
    }

    private static string GuessEncoding(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        foreach (var b in bytes) if (b == 0) zeros++;
        if (zeros > bytes.Length / 4) return "UTF-16 without a byte-order mark";
        // GB18030/GBK: lead byte 0x81-0xFE, trail byte 0x40-0xFE (not 0x7F), or a four-byte sequence.
        int i = 0, pairs = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80) { i++; continue; }
            if (b is >= 0x81 and <= 0xFE && i + 1 < bytes.Length)
            {
                var t = bytes[i + 1];
                if (t is >= 0x40 and <= 0xFE && t != 0x7F) { pairs++; i += 2; continue; }
                if (t is >= 0x30 and <= 0x39 && i + 3 < bytes.Length) { pairs++; i += 4; continue; }
            }
            return "an unknown non-UTF-8 encoding";
        }
        return pairs > 0 ? "GB18030/GBK (the default of Chinese Windows)" : "an unknown non-UTF-8 encoding";
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        Span<char> buffer = stackalloc char[256];
        while (i < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[i..], buffer, out var read, out _, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData)
                return i + read;
            i += read;
            if (read == 0) return i;
        }
        return bytes.Length;
    }

    private static (int Line, int Column) LineColumnAt(ReadOnlySpan<byte> bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        var column = Encoding.UTF8.GetCharCount(bytes[lineStart..offset]) + 1;
        return (line, column);
    }
}
