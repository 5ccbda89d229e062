using System.Text;

namespace EcoSite.Tests.Content;

/// <summary>
/// content-format.md section 4, the media rule: media/ publishes documents, images and data as they are, and nothing a
/// browser or web server would run. Each refusal is an error naming the file, and the file is never published.
/// </summary>
public sealed class MediaRuleTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static (EcoSite.Core.BuildResult Result, TestSite Site) Build(string name, byte[] bytes)
    {
        var site = new TestSite().WithBytes("parks/demo/media/" + name, bytes);
        return (site.Build(), site);
    }

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("report.html")]
    [InlineData("report.htm")]
    [InlineData("page.xhtml")]
    [InlineData("page.shtml")]
    [InlineData("shell.php")]
    [InlineData("shell.php5")]
    [InlineData("shell.phtml")]
    [InlineData("default.asp")]
    [InlineData("default.aspx")]
    [InlineData("index.jsp")]
    [InlineData("handler.ashx")]
    [InlineData("web.config")]
    [InlineData("run.cgi")]
    [InlineData("app.js")]
    [InlineData("movie.swf")]
    [InlineData("setup.exe")]
    [InlineData("noextension")]
    [InlineData("image.png.php")]
    [InlineData("drawing.svgz")]
    public void A_file_of_a_type_that_is_not_published_is_an_error_naming_it(string name)
    {
        var (result, site) = Build(name, Text("<?php system($_GET['c']); ?><script>alert(1)</script>"));
        using (site)
        {
            Assert.False(result.Success);
            DiagnosticAssert.Has(result.Diagnostics, "ECO042", "parks/demo/media/" + name, 0);
            Assert.False(Directory.Exists(site.Output));
        }
    }

    public static TheoryData<string, string> ActiveSvgs() => new()
    {
        { "script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>" },
        { "onload", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>" },
        { "onclick on a child", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\" OnClick=\"alert(1)\"/></svg>" },
        { "javascript href", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>" },
        { "tab-disguised href", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"java\tscript:alert(1)\"><text>x</text></a></svg>" },
        { "entity-disguised href", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"java&#x09;script:alert(1)\"><text>x</text></a></svg>" },
        { "foreignObject", "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></body></foreignObject></svg>" },
        { "animate to a script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><animate attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>" },
        { "set an event handler", "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>" },
        { "doctype with entities", "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>" },
        { "xml-stylesheet", "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>" },
        { "style with a script url", "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect { background: url(javascript:alert(1)) }</style></svg>" },
        { "iframe", "<svg xmlns=\"http://www.w3.org/2000/svg\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"x\"/></svg>" },
        { "not XML at all", "<svg><script>alert(1)</svg" },
        { "data html image", "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:text/html,x\"/></svg>" },
    };

    [Theory]
    [MemberData(nameof(ActiveSvgs))]
    public void An_svg_with_script_or_event_handlers_is_an_error_naming_it(string what, string svg)
    {
        var (result, site) = Build("diagram.svg", Text(svg));
        using (site)
        {
            Assert.False(result.Success, what);
            DiagnosticAssert.Has(result.Diagnostics, "ECO043", "parks/demo/media/diagram.svg");
        }
    }

    [Theory]
    [InlineData("notes.txt", "Hello <script>alert(1)</script>")]
    [InlineData("data.csv", "name,value\n<html><body onload=alert(1)>,1\n")]
    [InlineData("data.json", "{\"a\": \"<iframe src=x>\"}")]
    [InlineData("data.xml", "<root><html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(1)</html:script></root>")]
    [InlineData("data.xml", "<?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?><root/>")]
    [InlineData("report.pdf", "<html><script>alert(1)</script></html>")]
    [InlineData("photo.png", "<html><script>alert(1)</script></html>")]
    [InlineData("photo.jpg", "GIF89a<script>")]
    [InlineData("plan.docx", "<html></html>")]
    [InlineData("archive.zip", "not a zip")]
    public void A_file_whose_content_a_browser_would_read_as_a_page_is_an_error(string name, string content)
    {
        var (result, site) = Build(name, Text(content));
        using (site)
        {
            Assert.False(result.Success, name);
            DiagnosticAssert.Has(result.Diagnostics, "ECO043", "parks/demo/media/" + name);
        }
    }

    [Fact]
    public void Documents_images_archives_data_and_a_plain_svg_are_published_as_they_are()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["plan.pdf"] = Text("%PDF-1.4\n%%EOF\n"),
            ["map.png"] = Png,
            ["photo.JPG"] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10],
            ["anim.gif"] = Text("GIF89a\x01\x00"),
            ["pic.webp"] = [.. Text("RIFF"), 4, 0, 0, 0, .. Text("WEBP")],
            ["report.docx"] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0],
            ["old.doc"] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            ["table.et"] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            ["bundle.7z"] = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],
            ["bundle.rar"] = [.. Text("Rar!"), 0x1A, 0x07, 0x01, 0x00],
            ["invoice.ofd"] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0],
            ["data.csv"] = Text("year,value\n2025,1\n"),
            ["data.json"] = Text("{\"a\": 1}"),
            ["data.xml"] = Text("<?xml version=\"1.0\"?><root a=\"b\"/>"),
            ["notes.txt"] = Text("a < b and c > d\n"),
            ["network.svg"] = Text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\"><style>rect{fill:#0a0}</style><a xlink:href=\"https://example.com/\"><rect width=\"10\" height=\"10\"/></a><use href=\"#r\"/><image href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>"),
        };
        using var site = new TestSite();
        foreach (var (name, bytes) in files) site.WithBytes("parks/demo/media/" + name, bytes);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        foreach (var (name, bytes) in files)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(site.Output, "parks/demo/media", name)));
        PublishedOutput.AssertSafe(site.Output);
    }
}
