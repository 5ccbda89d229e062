using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoSite.Core.Render;

/// <summary>
/// How every standalone JSON file of the site is written (open data, the catalogue and package, platform.json, the
/// JSON feed, the badge endpoint): each character as itself, so Chinese, "+", quotes in text and the like stay
/// readable, and only what JSON requires escaped (the quote, the backslash, control characters), plus
/// &lt; &gt; &amp; as \u003C \u003E \u0026: a text holding "&lt;script&gt;" is then never markup in a published file,
/// whatever a browser guesses from its content (docs/security.md, checked by PublishedOutput). JSON embedded in a
/// script (the search index) escapes as script needs (<see cref="Search.Json"/>).
/// </summary>
internal static class PublishedJson
{
    // The relaxed encoder escapes only what JSON requires (and characters outside the Basic Multilingual Plane or
    // not yet assigned, as \u escapes); the built-in strict one would also escape + ' ` and more.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON <paramref name="body"/> writes, with '\n' line ends and a final one.</summary>
    public static string Write(Action<Utf8JsonWriter> body, bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, indented ? Indented : Compact)) body(w);
        var json = Encoding.UTF8.GetString(ms.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        return WithoutMarkup(json) + "\n";
    }

    /// <summary>
    /// &lt; &gt; &amp; escaped: outside strings JSON never has them, so every one is inside a string, where the escape
    /// means the same character.
    /// </summary>
    private static string WithoutMarkup(string json)
    {
        if (json.AsSpan().IndexOfAny('<', '>', '&') < 0) return json;
        var sb = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            switch (c)
            {
                case '<': sb.Append("\\u003C"); break;
                case '>': sb.Append("\\u003E"); break;
                case '&': sb.Append("\\u0026"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
