using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// content-format.md section 4, the media rule, one file at a time without a build: each published type with each
/// signature it may start with, each refusal with the code, place and message an editor reads. (<see cref="MediaRuleTests"/>
/// checks the same rule through whole builds: nothing refused is published.)
/// </summary>
public sealed class MediaRuleCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ecosite-media-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly byte[] Pdf = Text("%PDF-1.7\n");
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    private static readonly byte[] Gif87 = Text("GIF87a\x01\x00");
    private static readonly byte[] Gif89 = Text("GIF89a\x01\x00");
    private static readonly byte[] SevenZip = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4];
    private static readonly byte[] Rar = [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00];
    private static readonly byte[] Webp = [.. Text("RIFF"), 0x24, 0, 0, 0, .. Text("WEBPVP8 ")];

    private (bool Allowed, IReadOnlyList<Diagnostic> Diagnostics) Check(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name.Replace('/', '_'));
        File.WriteAllBytes(path, bytes);
        var bag = new DiagnosticBag();
        var allowed = MediaRule.Allows(ContentFile.Link(path, "parks/demo/media/" + name, bytes.Length), bag);
        return (allowed, bag.ToSortedList());
    }

    private void Published(string name, byte[] bytes)
    {
        var (allowed, diagnostics) = Check(name, bytes);
        Assert.True(allowed, name + ": " + string.Join("\n", diagnostics));
        Assert.Empty(diagnostics);
    }

    private Diagnostic Refused(string name, byte[] bytes, string code = "ECO043")
    {
        var (allowed, diagnostics) = Check(name, bytes);
        Assert.False(allowed, name);
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, "parks/demo/media/" + name), (d.Code, d.File));
        Assert.True(d.IsError);
        var shown = name[(name.LastIndexOf('/') + 1)..];
        Assert.StartsWith($"'{shown}' is not published: ", d.Message);
        return d;
    }

    private Diagnostic RefusedSvg(string svg) => Refused("drawing.svg", Text(svg));

    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"";

    public static TheoryData<string, byte[], string> Signatures() => new()
    {
        { "pdf", Pdf, "PDF" },
        { "doc", Ole, "Word" }, { "doc", Zip, "Word" },
        { "docx", Zip, "Word" }, { "docx", Ole, "Word" },
        { "xls", Ole, "Excel" }, { "xls", Zip, "Excel" },
        { "xlsx", Zip, "Excel" }, { "xlsx", Ole, "Excel" },
        { "ppt", Ole, "PowerPoint" }, { "ppt", Zip, "PowerPoint" },
        { "pptx", Zip, "PowerPoint" }, { "pptx", Ole, "PowerPoint" },
        { "wps", Ole, "WPS" }, { "wps", Zip, "WPS" },
        { "et", Ole, "WPS spreadsheet" }, { "et", Zip, "WPS spreadsheet" },
        { "ofd", Zip, "OFD" },
        { "zip", Zip, "ZIP" }, { "zip", EmptyZip, "ZIP" },
        { "7z", SevenZip, "7z" },
        { "rar", Rar, "RAR" },
        { "png", Png, "PNG" },
        { "jpg", Jpeg, "JPEG" },
        { "jpeg", Jpeg, "JPEG" },
        { "gif", Gif87, "GIF" }, { "gif", Gif89, "GIF" },
        { "webp", Webp, "WebP" },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Each_published_binary_type_is_published_with_each_signature_it_may_start_with(string ext, byte[] bytes, string typeName)
    {
        Published("file." + ext, bytes);
        Published("FILE." + ext.ToUpperInvariant(), bytes);
        // The same name with content of another kind (a web page saved under the name) is refused, naming the type.
        var d = Refused("file." + ext, Text("<!DOCTYPE html><html><body>x</body></html>"));
        Assert.Equal((0, 0), (d.Line, d.Column));
        Assert.Equal(
            $"'file.{ext}' is not published: its content is not {typeName} (it does not start as a .{ext} file does), and a browser " +
            "that guesses a file's type from its content could open it as a web page. Save it again in its own format, or give it " +
            "the extension of what it really is.", d.Message);
    }

    public static TheoryData<string, byte[]> WrongSignatures() => new()
    {
        { "pdf", Zip }, { "pdf", Ole },
        { "ofd", Ole }, { "zip", Ole }, { "7z", Zip }, { "rar", Zip },
        { "png", Jpeg }, { "jpg", Png }, { "gif", Png }, { "webp", Png },
        { "docx", EmptyZip }, { "pdf", Text("%PDF") }, { "jpg", [0xFF, 0xD8] }, { "png", [] },
        { "gif", Text("GIF88a\x01\x00") },
    };

    [Theory]
    [MemberData(nameof(WrongSignatures))]
    public void A_binary_type_starting_as_another_type_or_cut_short_is_refused(string ext, byte[] bytes) =>
        Assert.Contains("does not start as a ." + ext + " file does", Refused("file." + ext, bytes).Message);

    [Fact]
    public void A_webp_is_recognised_by_RIFF_then_WEBP_at_byte_eight_and_nowhere_else()
    {
        Published("pic.webp", [.. Text("RIFF"), 0, 0, 0, 0, .. Text("WEBP")]); // exactly twelve bytes
        Refused("pic.webp", [.. Text("RIFF"), 0, 0, 0, 0, .. Text("WEB")]);
        Refused("pic.webp", [.. Text("RIFF"), 0, 0, 0, 0, .. Text("WAVE")]);
        Refused("pic.webp", [.. Text("RIFX"), 0, 0, 0, 0, .. Text("WEBP")]);
        Refused("pic.webp", [.. Text("RIFFWEBP"), 0, 0, 0, 0]);
        // RIFF/WEBP content is a WebP image only under the name .webp.
        Assert.Contains("its content is not PNG", Refused("pic.png", Webp).Message);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("htm")]
    [InlineData("xhtml")]
    [InlineData("xht")]
    [InlineData("shtml")]
    [InlineData("shtm")]
    [InlineData("mht")]
    [InlineData("mhtml")]
    [InlineData("hta")]
    [InlineData("svgz")]
    [InlineData("xsl")]
    [InlineData("xslt")]
    [InlineData("js")]
    [InlineData("mjs")]
    [InlineData("swf")]
    [InlineData("php")]
    [InlineData("php3")]
    [InlineData("php4")]
    [InlineData("php5")]
    [InlineData("php7")]
    [InlineData("phtml")]
    [InlineData("phar")]
    [InlineData("asp")]
    [InlineData("aspx")]
    [InlineData("ascx")]
    [InlineData("ashx")]
    [InlineData("asmx")]
    [InlineData("axd")]
    [InlineData("cshtml")]
    [InlineData("vbhtml")]
    [InlineData("jsp")]
    [InlineData("jspx")]
    [InlineData("do")]
    [InlineData("action")]
    [InlineData("cfm")]
    [InlineData("cgi")]
    [InlineData("pl")]
    [InlineData("py")]
    [InlineData("rb")]
    [InlineData("sh")]
    [InlineData("config")]
    [InlineData("htaccess")]
    [InlineData("htpasswd")]
    [InlineData("ini")]
    [InlineData("exe")]
    [InlineData("dll")]
    [InlineData("bat")]
    [InlineData("cmd")]
    public void A_page_or_program_is_refused_as_what_it_is(string ext)
    {
        var d = Refused("upload." + ext, Pdf, "ECO042");
        Assert.Equal((0, 0), (d.Line, d.Column));
        Assert.Equal(
            $"'upload.{ext}' is not published: a browser or web server would run a .{ext} file as a page or a program. media/ holds PDF, " +
            "office documents (doc, docx, xls, xlsx, ppt, pptx, wps, et, ofd), archives (zip, 7z, rar), images (png, jpg, jpeg, gif, " +
            "webp), SVG without script and data (csv, json, xml, txt). Remove it, or convert it to one of these.", d.Message);
        // Upper case names the same type.
        Assert.Contains($"would run a .{ext} file", Refused("UPLOAD." + ext.ToUpperInvariant(), Pdf, "ECO042").Message);
    }

    [Theory]
    [InlineData("notes.md", "'notes.md' is not published: .md is not a type EcoSite publishes.")]
    [InlineData("sub/track.mp3", "'track.mp3' is not published: .mp3 is not a type EcoSite publishes.")]
    [InlineData("README", "'README' is not published: it has no extension, so its type is unknown.")]
    [InlineData("report.", "'report.' is not published: it has no extension, so its type is unknown.")]
    [InlineData("report.pdf.exe", "'report.pdf.exe' is not published: a browser or web server would run a .exe file as a page or a program.")]
    [InlineData("a.b/c", "'c' is not published: it has no extension, so its type is unknown.")]
    [InlineData(".htaccess", "'.htaccess' is not published: a browser or web server would run a .htaccess file as a page or a program.")]
    [InlineData("sub/.pdf.php", "'.pdf.php' is not published: a browser or web server would run a .php file as a page or a program.")]
    public void Another_type_is_refused_naming_the_file_and_the_extension(string name, string start)
    {
        var d = Refused(name, Pdf, "ECO042");
        Assert.StartsWith(start + " media/ holds PDF,", d.Message);
    }

    [Fact]
    public void A_file_gone_or_not_a_file_after_the_scan_is_a_read_error_not_an_exception()
    {
        var bag = new DiagnosticBag();
        Assert.False(MediaRule.Allows(ContentFile.Link(Path.Combine(_dir, "gone.pdf"), "parks/demo/media/gone.pdf", 10), bag));
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal(("ECO004", "parks/demo/media/gone.pdf", 0, 0), (d.Code, d.File, d.Line, d.Column));
        Assert.StartsWith("cannot read the file (", d.Message);
        Assert.EndsWith("). Check that it exists and is readable.", d.Message);

        foreach (var name in new[] { "folder.csv", "folder.svg" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
            bag = new DiagnosticBag();
            Assert.False(MediaRule.Allows(ContentFile.Link(folder, "parks/demo/media/" + name, 0), bag));
            d = Assert.Single(bag.ToSortedList());
            Assert.Equal(("ECO004", "cannot read the file (a folder, not a regular file). Check that it exists and is readable."), (d.Code, d.Message));
        }
    }

    // Text data: csv, json, txt.

    [Fact]
    public void Text_data_is_published_with_angle_brackets_that_are_not_markup()
    {
        Published("data.csv", Text("名称,数值\n\"a < b\",1\n<b>,2\n"));
        Published("data.json", Text("{\"html\": \"<p>\", \"a\": \"<ab\", \"s\": \"<scrip\"}"));
        Published("notes.txt", Text("x"));
        Published("empty.txt", []);
    }

    public static TheoryData<string> SniffedTags() =>
        ["<script", "<html", "<head", "<body", "<iframe", "<frame", "<frameset", "<svg", "<img", "<object", "<embed", "<meta", "<link", "<style", "<title", "<a ", "<!doctype", "<?xml-stylesheet"];

    [Theory]
    [MemberData(nameof(SniffedTags))]
    public void Text_data_holding_markup_a_sniffing_browser_renders_is_refused_at_the_markup(string tag)
    {
        foreach (var ext in new[] { "csv", "json", "txt" })
        {
            var d = Refused("data." + ext, Text("年份,值\n2025," + tag.ToUpperInvariant() + ">x\n"));
            Assert.Equal((2, 6), (d.Line, d.Column));
            // "<frameset" starts as "<frame" does, at the same place; the first tag of the list is named.
            var named = tag == "<frameset" ? "<frame" : tag.Trim();
            Assert.Equal(
                $"'data.{ext}' is not published: it holds the markup '{named}', which a browser that guesses a file's type from " +
                "its content would render as a web page. Remove the markup from the data, or publish the document as PDF.", d.Message);
        }
    }

    [Fact]
    public void The_first_markup_in_the_text_is_the_one_reported()
    {
        var d = Refused("data.txt", Text("<html>\n<script>"));
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("'<html'", d.Message);
        d = Refused("data.txt", Text("<script>\n<html>"));
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("'<script'", d.Message);
        d = Refused("data.txt", Text("ab <title> <html> <a href=x>"));
        Assert.Equal((1, 4), (d.Line, d.Column));
        Assert.Contains("'<title'", d.Message);
        d = Refused("data.txt", Text("ab <style> <title> <a href=x>"));
        Assert.Contains("'<style'", d.Message);
        // A tab after "<a" is read as the space a browser would accept there.
        d = Refused("data.txt", Text("x\t<A\tHREF=x>"));
        Assert.Equal((1, 3), (d.Line, d.Column));
        Assert.Contains("'<a'", d.Message);
    }

    [Fact]
    public void Markup_deep_in_a_large_text_file_is_found_across_the_read_chunks_at_its_line_and_column()
    {
        // Lines of 100 bytes: the tag straddles the end of the first chunk read (64 KiB and 16 bytes), after 655 lines.
        var line = new string('a', 99) + "\n";
        var before = string.Concat(Enumerable.Repeat(line, 655)); // 65,500 bytes
        var d = Refused("big.csv", Text(before + new string('b', 49) + "<script>x"));
        Assert.Equal((656, 50), (d.Line, d.Column));
        // Far past the first chunk, and after multi-byte characters (counted as characters, not bytes).
        var far = string.Concat(Enumerable.Repeat(line, 2000)) + "数据,值,<iframe src=x>";
        d = Refused("big.csv", Text(far));
        Assert.Equal((2001, 6), (d.Line, d.Column));
        // A clean file of several chunks is published.
        Published("big.txt", Text(string.Concat(Enumerable.Repeat(line, 3000)) + "<scrip"));
    }

    // XML data and SVG images.

    [Fact]
    public void Xml_data_and_plain_drawings_are_published()
    {
        Published("data.xml", Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<data xmlns=\"urn:example:data\"><row year=\"2025\">1</row></data>"));
        Published("data.xml", Text("<?other-instruction x?><records><record><title>a javascript: note</title></record></records>"));
        Published("plain.svg", Text(Svg + " viewBox=\"0 0 1 1\"><g><svg x=\"1\"><rect width=\"1\" height=\"1\" style=\"fill:#0a0\"/></svg></g></svg>"));
        // Namespaces are not attributes: a prefix starting with "on" declares nothing that runs.
        Published("ns.svg", Text(Svg + " xmlns:once=\"urn:example\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><rect once:x=\"1\"/></svg>"));
        // Text outside a stylesheet is only text; an empty style element holds no stylesheet.
        Published("text.svg", Text(Svg + "><style>rect{fill:red}</style>javascript: @import expression(<text>@import</text></svg>"));
        Published("empty-style.svg", Text(Svg + "><style/>@import url(x.css)</svg>"));
        // An element that merely has an attribute called attributeName animates nothing.
        Published("attr.svg", Text(Svg + "><rect attributeName=\"onclick\"/><animate attributeName=\"fill\" to=\"red\"/></svg>"));
    }

    [Theory]
    [InlineData("https://example.com/a.png")]
    [InlineData("http://example.com/")]
    [InlineData("mailto:office@example.com")]
    [InlineData("tel:+86-10-00000000")]
    [InlineData("#part")]
    [InlineData("other.svg#icon")]
    [InlineData("//example.com/a.png")]
    [InlineData(" https://example.com/ ")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("DATA:IMAGE/PNG;BASE64,iVBORw0KGgo=")]
    [InlineData("data:image/jpeg;base64,/9j/")]
    [InlineData("data:image/gif;base64,R0lGOD")]
    [InlineData("data:image/webp;base64,UklGR")]
    [InlineData("data:image/png,x")]
    [InlineData("data:image/jpeg,x")]
    [InlineData("data:image/gif,x")]
    [InlineData("data:image/webp,x")]
    public void A_drawing_may_link_to_the_web_mail_phone_itself_and_embed_raster_images(string url)
    {
        foreach (var attribute in new[] { "href", "xlink:href", "src", "action", "formaction", "data" })
            Published("link.svg", Text(Svg + $" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image {attribute}=\"{url}\"/></svg>"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=")]
    [InlineData("data:text/html,x")]
    [InlineData("data:image/pngx;base64,x")]
    [InlineData("data:image/png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("C:\\docs\\a.png")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java&#x0A;script:alert(1)")]
    public void A_drawing_linking_anywhere_else_is_refused_at_the_element_naming_the_link(string url)
    {
        foreach (var attribute in new[] { "href", "xlink:href", "src", "action", "formaction", "data", "HREF" })
        {
            var d = RefusedSvg(Svg + $" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n  <image {attribute}=\"{url}\"/></svg>");
            Assert.Equal((2, 4), (d.Line, d.Column));
            Assert.Contains($"its attribute {attribute}=\"", d.Message);
            Assert.EndsWith("\" is a link that is not allowed (only http, https, mailto, tel, relative links and embedded raster images).", d.Message);
        }
    }

    [Theory]
    [InlineData("onload")]
    [InlineData("onclick")]
    [InlineData("OnMouseOver")]
    [InlineData("onbegin")]
    public void An_event_handler_attribute_is_refused_at_its_element(string attribute)
    {
        var d = RefusedSvg(Svg + $">\n<g>\n  <rect {attribute}=\"alert(1)\"/></g></svg>");
        Assert.Equal((3, 4), (d.Line, d.Column));
        Assert.Equal($"'drawing.svg' is not published: its attribute '{attribute}' is an event handler, which runs script.", d.Message);
        d = RefusedSvg(Svg + $" {attribute}=\"alert(1)\"/>");
        Assert.Equal((1, 2), (d.Line, d.Column));
    }

    [Theory]
    [InlineData("script")]
    [InlineData("foreignObject")]
    [InlineData("handler")]
    [InlineData("listener")]
    [InlineData("iframe")]
    [InlineData("frame")]
    [InlineData("embed")]
    [InlineData("object")]
    [InlineData("applet")]
    [InlineData("base")]
    [InlineData("meta")]
    [InlineData("x:Embed")]
    [InlineData("x:script")] // "<x:script" is not the text "<script"; a prefix bound to the SVG namespace would run it
    public void An_element_that_runs_script_or_embeds_a_page_is_refused_in_any_namespace(string element)
    {
        // "script" is refused before the XML is read at all (test below); the rest at the element.
        var svg = Svg + $" xmlns:x=\"urn:example\">\n <{element}/></svg>";
        var d = RefusedSvg(svg);
        if (element == "script") return;
        Assert.Equal((2, 3), (d.Line, d.Column));
        Assert.Equal($"'drawing.svg' is not published: it holds a <{element}> element, which runs script or embeds a page. Remove it (save the drawing again as a plain SVG), or publish a PNG.", d.Message);
        d = Refused("data.xml", Text($"<data xmlns:x=\"urn:example\"><{element}/></data>"));
        Assert.Contains($"it holds a <{element}> element", d.Message);
    }

    [Theory]
    [InlineData("<svg>\n  <!-- <script> -->\n</svg>", 2, 8)]
    [InlineData("<script", 1, 1)]
    [InlineData("x\n<SCRIPT", 2, 1)]
    [InlineData("<svg><![CDATA[ <Script> ]]></svg>", 1, 16)]
    public void The_text_script_is_refused_wherever_it_stands_even_in_a_comment(string svg, int line, int column)
    {
        var d = RefusedSvg(svg);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Equal("'drawing.svg' is not published: it holds the text '<script' (even in a comment or CDATA it is refused). Remove it, or publish a PNG.", d.Message);
    }

    [Theory]
    [InlineData("animate", "onclick")]
    [InlineData("set", "ONLOAD")]
    [InlineData("animateTransform", "onbegin")]
    [InlineData("animateMotion", "href")]
    [InlineData("animateColor", "xlink:HREF")]
    public void An_animation_of_an_event_handler_or_a_link_is_refused(string element, string attribute)
    {
        var d = RefusedSvg(Svg + $">\n<a>\n <{element} attributeName=\"{attribute}\" to=\"javascript:alert(1)\"/></a></svg>");
        Assert.Equal((3, 3), (d.Line, d.Column));
        Assert.Equal($"'drawing.svg' is not published: it animates the attribute '{attribute}', which can turn into a script or a link to one.", d.Message);
    }

    [Theory]
    [InlineData("url(javascript:alert(1))")]
    [InlineData("url(VBScript:x)")]
    [InlineData("width: Expression(alert(1))")]
    [InlineData("-moz-binding: url(x.xml#x)")]
    [InlineData("behavior: url(x.htc)")]
    [InlineData("@import 'x.css'")]
    public void Script_or_a_loaded_file_in_a_stylesheet_or_a_style_attribute_is_refused(string css)
    {
        var d = RefusedSvg(Svg + $">\n<style>rect {{ {css} }}</style></svg>");
        Assert.Equal("'drawing.svg' is not published: its stylesheet loads other files or runs script (url(javascript:), expression(), @import...).", d.Message);
        Assert.Equal(2, d.Line);
        d = RefusedSvg(Svg + $"><style><![CDATA[ rect {{ {css} }} ]]></style></svg>");
        Assert.Contains("its stylesheet loads", d.Message);
        d = RefusedSvg(Svg + $">\n <rect style=\"{css.Replace('\'', ' ')}\"/></svg>");
        Assert.Equal((2, 3), (d.Line, d.Column));
        Assert.Equal("'drawing.svg' is not published: a style attribute loads other files or runs script.", d.Message);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", null)]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "<html>")]
    [InlineData("<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\"/>", "<h:html>")]
    [InlineData("<g xmlns=\"http://www.w3.org/2000/svg\"><svg/></g>", "<g>")]
    public void An_svg_file_must_have_svg_as_its_root(string xml, string? root)
    {
        if (root is null) { Published("drawing.svg", Text(xml)); return; }
        var d = RefusedSvg(xml);
        Assert.Equal((1, 2), (d.Line, d.Column));
        Assert.Equal($"'drawing.svg' is not published: it is not an SVG image: its root element is {root}, not <svg>.", d.Message);
    }

    [Theory]
    [InlineData("http://www.w3.org/1999/xhtml", "p")]
    [InlineData("http://www.w3.org/2000/svg", "svg")]
    [InlineData("http://www.w3.org/1998/Math/MathML", "math")]
    public void Xml_data_holding_an_element_a_browser_renders_is_refused(string ns, string element)
    {
        var d = Refused("data.xml", Text($"<data>\n  <{element} xmlns=\"{ns}\"/></data>"));
        Assert.Equal((2, 4), (d.Line, d.Column));
        Assert.Equal($"'data.xml' is not published: it holds <{element}>, an element a browser renders as part of a web page; data files hold data only.", d.Message);
    }

    [Theory]
    [InlineData("xml-stylesheet")]
    [InlineData("XML-Stylesheet")]
    public void A_stylesheet_instruction_is_refused_in_data_and_drawings(string target)
    {
        foreach (var (name, root) in new[] { ("data.xml", "<data/>"), ("drawing.svg", Svg + "/>") })
        {
            var d = Refused(name, Text($"<?xml version=\"1.0\"?>\n<?{target} type=\"text/xsl\" href=\"x.xsl\"?>{root}"));
            Assert.Equal((2, 3), (d.Line, d.Column));
            Assert.Equal($"'{name}' is not published: it asks for a stylesheet (xml-stylesheet), which a browser runs as a transformation of the page.", d.Message);
        }
    }

    [Fact]
    public void A_doctype_or_xml_that_is_not_well_formed_is_refused_at_the_place_the_parser_stops()
    {
        var d = RefusedSvg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>");
        Assert.Equal((2, 1), (d.Line, d.Column));
        Assert.Equal("'drawing.svg' is not published: it holds a DOCTYPE, which images and data never need; a browser could read it differently from the checker. Save it again from the drawing or data program.", d.Message);
        d = Refused("data.xml", Text("<data>\n  <row></data>"));
        Assert.Equal((2, 10), (d.Line, d.Column)); // the name of the end tag that does not match
        Assert.StartsWith("'data.xml' is not published: it is not well-formed XML (", d.Message);
        Assert.EndsWith("); a browser could read it differently from the checker. Save it again from the drawing or data program.", d.Message);
        // No element at all: the parser's "root element is missing", at a place within the file.
        d = Refused("data.xml", []);
        Assert.Contains("not well-formed XML", d.Message);
        Assert.True(d.Line >= 1 && d.Column >= 1);
        d = Refused("data.xml", Text("<?xml version=\"1.0\"?><!-- nothing -->"));
        Assert.Contains("not well-formed XML", d.Message);
    }

    [Fact]
    public void A_drawing_saved_as_utf16_is_read_as_such()
    {
        Published("wide.svg", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Svg + "><text>图</text></svg>")]);
        var d = Refused("wide.svg", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Svg + " onload=\"x\"/>")]);
        Assert.Contains("event handler", d.Message);
    }
}
