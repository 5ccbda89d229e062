using EcoSite.Core.Urls;

namespace EcoSite.Tests.Urls;

/// <summary>A site path made relative to a page: up out of the page's folders that the target does not share, whole segments only.</summary>
public sealed class RelativeLinkTests
{
    [Theory]
    [InlineData("index.html", "index.html", "index.html")]
    [InlineData("index.html", "parks/a/index.html", "parks/a/index.html")]
    [InlineData("parks/a/index.html", "index.html", "../../index.html")]
    [InlineData("parks/a/news/x.html", "parks/a/news/y.html", "y.html")]
    [InlineData("parks/a/news/x.html", "parks/a/cases/y.html", "../cases/y.html")]
    [InlineData("parks/a/news/x.html", "parks/b/news/x.html", "../../b/news/x.html")]
    [InlineData("en/parks/a/news/x.html", "parks/a/news/x.html", "../../../../parks/a/news/x.html")]
    [InlineData("parks/ab/index.html", "parks/a/index.html", "../a/index.html")] // a shared prefix that is not a whole folder
    [InlineData("parks/a/index.html", "parks/ab/index.html", "../ab/index.html")]
    [InlineData("parks/a/index.html", "parks/a", "../a")] // the target's last segment is never a shared folder
    [InlineData("parks/a", "parks/a/index.html", "a/index.html")]
    [InlineData("a//b/x.html", "a//c/y.html", "../c/y.html")] // empty segments are segments
    [InlineData("a/x.html", "", "../")]
    [InlineData("search/index.html", "search/", "")]
    [InlineData("中文/页.html", "中文/其他/页.html", "其他/页.html")]
    public void Climbs_out_of_the_folders_not_shared(string from, string to, string relative) => Assert.Equal(relative, Routes.Relative(from, to));
}
