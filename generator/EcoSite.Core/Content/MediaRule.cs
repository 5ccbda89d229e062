using System.Text;
using System.Xml;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Content;

/// <summary>
/// content-format.md section 4, the media rule. media/ is published as it is, so it may hold only documents, images,
/// archives and data that no browser or web server runs: an allow-list of types by name (never a deny-list, so a new
/// server-page extension is refused too), then the content checked against the name, because a browser or an old
/// one's content sniffing reads what is in a file, not what it is called. An SVG is read as XML and refused with any
/// script, event handler, script URL or embedded document; text data is refused when it holds markup a sniffing browser
/// would render as a page. Each refusal is an error naming the file; the file is not published.
/// </summary>
internal static class MediaRule
{
    private enum Format
    {
        Binary,
        Svg,
        Xml,
        Text,
    }

    private sealed record MediaType(string Name, Format Format, params byte[][] Signatures);

    // The tables of this class are properties built on each use (a few small arrays per media file), not static fields
    // built once per process: a mutation-testing run switches mutants on and off inside one process, so a table built
    // once keeps whichever mutant was active when it was built, and its entries cannot be measured (docs/security.md,
    // "Mutation testing").
    private static byte[] Pdf => "%PDF-"u8.ToArray();
    private static byte[] Zip => [0x50, 0x4B, 0x03, 0x04];
    private static byte[] EmptyZip => [0x50, 0x4B, 0x05, 0x06];
    private static byte[] Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]; // compound file: doc, xls, ppt, wps, et; encrypted docx too
    private static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static byte[] Jpeg => [0xFF, 0xD8, 0xFF];
    private static byte[] Gif87 => "GIF87a"u8.ToArray();
    private static byte[] Gif89 => "GIF89a"u8.ToArray();
    private static byte[] SevenZip => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];
    private static byte[] Rar => [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07];

    /// <summary>The published types of section 4, by extension (lower case), with the signatures their content starts with.</summary>
    private static MediaType? TypeOf(string ext) => ext switch
    {
        "pdf" => new("PDF", Format.Binary, Pdf),
        "doc" => new("Word", Format.Binary, Ole, Zip),
        "docx" => new("Word", Format.Binary, Zip, Ole),
        "xls" => new("Excel", Format.Binary, Ole, Zip),
        "xlsx" => new("Excel", Format.Binary, Zip, Ole),
        "ppt" => new("PowerPoint", Format.Binary, Ole, Zip),
        "pptx" => new("PowerPoint", Format.Binary, Zip, Ole),
        "wps" => new("WPS", Format.Binary, Ole, Zip),
        "et" => new("WPS spreadsheet", Format.Binary, Ole, Zip),
        "ofd" => new("OFD", Format.Binary, Zip), // GB/T 33190-2016: a ZIP package
        "zip" => new("ZIP", Format.Binary, Zip, EmptyZip),
        "7z" => new("7z", Format.Binary, SevenZip),
        "rar" => new("RAR", Format.Binary, Rar),
        "png" => new("PNG", Format.Binary, Png),
        "jpg" => new("JPEG", Format.Binary, Jpeg),
        "jpeg" => new("JPEG", Format.Binary, Jpeg),
        "gif" => new("GIF", Format.Binary, Gif87, Gif89),
        "webp" => new("WebP", Format.Binary), // RIFF....WEBP, checked below
        "svg" => new("SVG", Format.Svg),
        "xml" => new("XML", Format.Xml),
        "csv" => new("CSV", Format.Text),
        "json" => new("JSON", Format.Text),
        "txt" => new("text", Format.Text),
        _ => null,
    };

    /// <summary>Extensions named in the refusal as what they are: pages a browser renders or code a web server runs.</summary>
    private static string[] Executable =>
    [
        "html", "htm", "xhtml", "xht", "shtml", "shtm", "mht", "mhtml", "hta", "svgz", "xsl", "xslt", "js", "mjs", "swf",
        "php", "php3", "php4", "php5", "php7", "phtml", "phar", "asp", "aspx", "ascx", "ashx", "asmx", "axd", "cshtml", "vbhtml",
        "jsp", "jspx", "do", "action", "cfm", "cgi", "pl", "py", "rb", "sh", "config", "htaccess", "htpasswd", "ini", "exe", "dll", "bat", "cmd",
    ];

    /// <summary>True when <paramref name="file"/> (under a park's media/) may be published; otherwise reports why.</summary>
    public static bool Allows(ContentFile file, DiagnosticBag diagnostics)
    {
        var name = file.RelPath[(file.RelPath.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var ext = dot < 0 ? "" : name[(dot + 1)..].ToLowerInvariant();
        if (TypeOf(ext) is not { } type)
        {
            var why = Executable.Contains(ext)
                ? $"a browser or web server would run a .{ext} file as a page or a program"
                : ext.Length == 0 ? "it has no extension, so its type is unknown" : $".{ext} is not a type EcoSite publishes";
            diagnostics.Add(Codes.MediaTypeRefused, file.RelPath, SourcePos.File,
                $"'{name}' is not published: {why}. media/ holds PDF, office documents (doc, docx, xls, xlsx, ppt, pptx, wps, et, ofd), " +
                "archives (zip, 7z, rar), images (png, jpg, jpeg, gif, webp), SVG without script and data (csv, json, xml, txt). Remove it, or convert it to one of these.");
            return false;
        }
        try
        {
            var problem = type.Format switch
            {
                Format.Binary => CheckSignature(file, ext, type),
                Format.Text => CheckText(file),
                _ => CheckXml(file, type.Format == Format.Svg),
            };
            if (problem is null) return true;
            diagnostics.Add(Codes.ActiveMedia, file.RelPath, problem.Value.Pos, $"'{name}' is not published: {problem.Value.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.UnreadableFile, file.RelPath, SourcePos.File, $"cannot read the file ({LibraryText.FileSystemError(e)}). Check that it exists and is readable.");
        }
        return false;
    }

    private readonly record struct Problem(SourcePos Pos, string Message);

    private static Problem? CheckSignature(ContentFile file, string ext, MediaType type)
    {
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var stream = FileProbe.OpenRegular(file.FullPath)) n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        var ok = ext == "webp" && n >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8);
        foreach (var signature in type.Signatures) ok |= head.StartsWith(signature);
        return ok ? null : new Problem(SourcePos.File,
            $"its content is not {type.Name} (it does not start as a .{ext} file does), and a browser that guesses a file's type from its content " +
            "could open it as a web page. Save it again in its own format, or give it the extension of what it really is.");
    }

    /// <summary>
    /// Tags that make a browser sniffing a text file (Internet Explorer did, for text/plain and unknown types) render it as
    /// HTML; none belongs in CSV, JSON or plain text data.
    /// </summary>
    private static string[] SniffedTags =>
        ["<script", "<html", "<head", "<body", "<iframe", "<frame", "<frameset", "<svg", "<img", "<object", "<embed", "<meta", "<link", "<style", "<title", "<a ", "<!doctype", "<?xml-stylesheet"];

    private static Problem? CheckText(ContentFile file)
    {
        using var stream = FileProbe.OpenRegular(file.FullPath);
        // Read in chunks (data files can be large), lower-cased as ASCII; chunks overlap by the longest tag so none is split.
        const int Overlap = 16;
        var buffer = new byte[64 * 1024 + Overlap];
        var kept = 0;
        var tags = SniffedTags;
        var tagBytes = tags.Select(Encoding.ASCII.GetBytes).ToArray();
        int line = 1, column = 1;
        while (true)
        {
            var n = stream.ReadAtLeast(buffer.AsSpan(kept, buffer.Length - kept), buffer.Length - kept, throwOnEndOfStream: false);
            var length = kept + n;
            for (var i = kept; i < length; i++)
                if (buffer[i] is >= (byte)'A' and <= (byte)'Z') buffer[i] |= 0x20;
                else if (buffer[i] == '\t') buffer[i] = (byte)' ';
            var span = buffer.AsSpan(0, length);
            var first = -1;
            string? tag = null;
            for (var t = 0; t < tags.Length; t++)
            {
                var at = span.IndexOf(tagBytes[t]);
                if (at >= 0 && (first < 0 || at < first)) (first, tag) = (at, tags[t]);
            }
            if (first >= 0)
            {
                Advance(span[..first]);
                return new Problem(new SourcePos(line, column),
                    $"it holds the markup '{tag!.Trim()}', which a browser that guesses a file's type from its content would render as a web page. " +
                    "Remove the markup from the data, or publish the document as PDF.");
            }
            if (n == 0) return null;
            var keep = Math.Min(Overlap, length);
            Advance(span[..(length - keep)]);
            span[(length - keep)..].CopyTo(buffer);
            kept = keep;
        }

        void Advance(ReadOnlySpan<byte> passed)
        {
            foreach (var b in passed)
            {
                if (b == '\n') { line++; column = 1; }
                else if ((b & 0xC0) != 0x80) column++; // count characters, not UTF-8 continuation bytes
            }
        }
    }

    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    private const string SvgNs = "http://www.w3.org/2000/svg";
    private const string MathMlNs = "http://www.w3.org/1998/Math/MathML";

    /// <summary>Elements that run script or embed another document, in any namespace.</summary>
    private static string[] ActiveElements => ["script", "foreignobject", "handler", "listener", "iframe", "frame", "embed", "object", "applet", "base", "meta"];

    private static string[] AnimationElements => ["animate", "set", "animatetransform", "animatemotion", "animatecolor"];

    private static string[] ActiveCss => ["javascript:", "vbscript:", "expression(", "-moz-binding", "behavior:", "@import"];

    private static Problem? CheckXml(ContentFile file, bool svg)
    {
        var settings = new XmlReaderSettings
        {
            // A DOCTYPE can define entities (a "billion laughs" file) and is never needed by an image or a data file.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        string text;
        using (var stream = FileProbe.OpenRegular(file.FullPath))
        using (var sr = new StreamReader(stream, detectEncodingFromByteOrderMarks: true))
            text = sr.ReadToEnd();
        // Script text is refused wherever it stands, in a comment or CDATA too: a comment is inert in an image, but an
        // editor or a later tool that re-saves the file may turn it live, and no drawing needs it.
        if (text.IndexOf("<script", StringComparison.OrdinalIgnoreCase) is var at and >= 0)
            return new Problem(PosAt(text, at), "it holds the text '<script' (even in a comment or CDATA it is refused). Remove it, or publish a PNG.");
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var info = (IXmlLineInfo)reader;
        SourcePos Here() => new(Math.Max(1, info.LineNumber), Math.Max(1, info.LinePosition));
        var root = true;
        var inStyle = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction when reader.Name.Equals("xml-stylesheet", StringComparison.OrdinalIgnoreCase):
                        return new Problem(Here(), "it asks for a stylesheet (xml-stylesheet), which a browser runs as a transformation of the page.");
                    case XmlNodeType.Element:
                    {
                        var local = reader.LocalName.ToLowerInvariant();
                        if (root && svg && local != "svg")
                            return new Problem(Here(), $"it is not an SVG image: its root element is <{reader.Name}>, not <svg>.");
                        root = false;
                        if (ActiveElements.Contains(local))
                            return new Problem(Here(), $"it holds a <{reader.Name}> element, which runs script or embeds a page. Remove it (save the drawing again as a plain SVG), or publish a PNG.");
                        if (!svg && reader.NamespaceURI is XhtmlNs or SvgNs or MathMlNs)
                            return new Problem(Here(), $"it holds <{reader.Name}>, an element a browser renders as part of a web page; data files hold data only.");
                        if (AnimationElements.Contains(local) && reader.GetAttribute("attributeName") is { } animated
                            && (animated.StartsWith("on", StringComparison.OrdinalIgnoreCase) || animated.EndsWith("href", StringComparison.OrdinalIgnoreCase)))
                            return new Problem(Here(), $"it animates the attribute '{animated}', which can turn into a script or a link to one.");
                        if (CheckAttributes(reader) is { } attrProblem) return new Problem(Here(), attrProblem);
                        inStyle = local == "style" && !reader.IsEmptyElement;
                        break;
                    }
                    case XmlNodeType.EndElement:
                        inStyle = false;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle && ActiveCss.Any(c => reader.Value.Contains(c, StringComparison.OrdinalIgnoreCase)):
                        return new Problem(Here(), "its stylesheet loads other files or runs script (url(javascript:), expression(), @import...).");
                }
            }
        }
        catch (XmlException e)
        {
            var dtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            var what = dtd ? "it holds a DOCTYPE, which images and data never need" : $"it is not well-formed XML ({e.Message})";
            // The refusal of a DOCTYPE carries no position (line 0); the DOCTYPE is found in the text instead.
            var pos = e.LineNumber > 0 ? new SourcePos(e.LineNumber, Math.Max(1, e.LinePosition))
                : dtd && text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) is var doctype and >= 0 ? PosAt(text, doctype)
                : new SourcePos(1, 1);
            return new Problem(pos,
                $"{what}; a browser could read it differently from the checker. Save it again from the drawing or data program.");
        }
        return null; // a document without an element is refused above: the reader throws "Root element is missing"
    }

    /// <summary>The line and column (in UTF-16 units, as the XML reader counts them) of the character at <paramref name="at"/>.</summary>
    private static SourcePos PosAt(string text, int at)
    {
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        return new SourcePos(1 + text.AsSpan(0, at).Count('\n'), at - lineStart + 1);
    }

    /// <summary>Event handlers, script URLs and script in style attributes of the element the reader is on.</summary>
    private static string? CheckAttributes(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute()) return null;
        try
        {
            do
            {
                var local = reader.LocalName.ToLowerInvariant();
                if (reader.Prefix == "xmlns") continue; // a namespace declaration (xmlns itself, unprefixed, fails no test below)
                if (local.StartsWith("on", StringComparison.Ordinal))
                    return $"its attribute '{reader.Name}' is an event handler, which runs script.";
                if (local is "href" or "src" or "action" or "formaction" or "data" && !AllowedInDrawing(reader.Value))
                    return $"its attribute {reader.Name}=\"{reader.Value}\" is a link that is not allowed (only http, https, mailto, tel, relative links and embedded raster images).";
                if (local == "style" && ActiveCss.Any(c => reader.Value.Contains(c, StringComparison.OrdinalIgnoreCase)))
                    return "a style attribute loads other files or runs script.";
            }
            while (reader.MoveToNextAttribute());
        }
        finally
        {
            reader.MoveToElement();
        }
        return null;
    }

    private static string[] RasterData => ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"];

    private static bool AllowedInDrawing(string url)
    {
        // The XML parser has already turned a tab or line break inside the value into a space, which hides the scheme
        // from the policy ("java script:"); a parser that reads the file as HTML would keep the tab, and a browser drop
        // it. Read without any white space as well, and refuse when either reading is refused.
        var squeezed = string.Concat(url.Where(c => !char.IsWhiteSpace(c)));
        return squeezed == url ? Allowed(url) : Allowed(url) && Allowed(squeezed);
    }

    private static bool Allowed(string url)
    {
        var check = UrlPolicy.Check(url);
        if (check.Kind is UrlKind.Allowed or UrlKind.Relative or UrlKind.NetworkPath) return true;
        // Drawing programs embed bitmaps as data: URLs; a raster image cannot run script, an embedded page or SVG could.
        return check.Scheme == "data" && RasterData.Any(d => check.Url.StartsWith(d + ";", StringComparison.OrdinalIgnoreCase) || check.Url.StartsWith(d + ",", StringComparison.OrdinalIgnoreCase));
    }
}
