using EcoSite.Core.Content;

namespace EcoSite.Tests.Content;

/// <summary>The one URL rule: http, https, mailto, tel and relative links; everything else refused, however it is disguised.</summary>
public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://www.example.gov.cn/a?b=c#d")]
    [InlineData("HTTP://EXAMPLE.COM/")]
    [InlineData("mailto:eco@example.gov.cn")]
    [InlineData("tel:+86-000-0000000")]
    [InlineData("  https://example.com/  ")]
    public void Http_https_mailto_and_tel_are_allowed(string url) =>
        Assert.Equal(UrlKind.Allowed, UrlPolicy.Check(url).Kind);

    [Theory]
    [InlineData("2026-03-02-plan.md")]
    [InlineData("plan.md")] // letters and dots only, as a scheme would be, but no ':'
    [InlineData("../media/map.png")]
    [InlineData("#section")]
    [InlineData("?page=2")]
    [InlineData("")]
    [InlineData("folder/with:colon-after-slash.md")]
    [InlineData("%6Aavascript:alert(1)")] // percent-encoded: a relative path to a file of that name, never a scheme
    public void Paths_and_fragments_are_relative(string url) =>
        Assert.Equal(UrlKind.Relative, UrlPolicy.Check(url).Kind);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\rscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.pdf")]
    [InlineData("blob:https://example.com/uuid")]
    [InlineData("eco-root:parks/a/media/x.png")]
    [InlineData("eco-lang:parks/a/index.html")]
    [InlineData("ms-its:mhtml:file://c:/x.chm::/x.htm")]
    [InlineData("livescript:alert(1)")]
    public void Every_other_scheme_is_refused_however_it_is_written(string url)
    {
        var check = UrlPolicy.Check(url);
        Assert.Equal(UrlKind.Refused, check.Kind);
        Assert.NotNull(check.Scheme);
    }

    [Theory]
    [InlineData(@"C:\docs\plan.pdf")]
    [InlineData("d:/docs/plan.pdf")]
    public void A_Windows_drive_path_is_a_local_path(string url) =>
        Assert.Equal(UrlKind.LocalPath, UrlPolicy.Check(url).Kind);

    [Theory]
    [InlineData("//cdn.example.com/a.png")]
    [InlineData(" //cdn.example.com/a.png")]
    public void A_scheme_relative_address_is_a_network_path(string url) =>
        Assert.Equal(UrlKind.NetworkPath, UrlPolicy.Check(url).Kind);

    [Fact]
    public void The_checked_url_has_tabs_and_line_breaks_removed_as_a_browser_would()
    {
        Assert.Equal("https://example.com/ab", UrlPolicy.Check(" https://example.com/a\tb\n").Url);
    }
}
