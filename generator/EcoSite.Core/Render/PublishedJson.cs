using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EcoSite.Core.Render;

/// <summary>
/// How every JSON file of the site is encoded (open data, the JSON feed, the badge endpoint): all of Unicode as it is,
/// so Chinese stays readable, but the characters HTML gives meaning to (&lt; &gt; &amp; ' and a few more) escaped as
/// \u003C and the like. A text holding "&lt;script&gt;" is then never markup in a published file, for a browser that
/// guesses types from content or a page that embeds the JSON.
/// </summary>
internal static class PublishedJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
}
