namespace EcoSite.Core.Content;

/// <summary>What a URL written in content is, read the way a browser reads it.</summary>
internal enum UrlKind
{
    /// <summary>A path or fragment relative to the page (no scheme): resolved against the content folder.</summary>
    Relative,

    /// <summary>http, https, mailto or tel: published as written.</summary>
    Allowed,

    /// <summary>"//host/path": another host, reached with the page's own scheme.</summary>
    NetworkPath,

    /// <summary>A Windows drive path such as <c>C:\docs\a.pdf</c>: a file on the editor's computer.</summary>
    LocalPath,

    /// <summary>Any other scheme (javascript:, vbscript:, data:, file:, ...): never published.</summary>
    Refused,
}

/// <summary>A URL as the browser would read it, what kind it is and its scheme (lower case), when it has one.</summary>
internal readonly record struct UrlCheck(UrlKind Kind, string Url, string? Scheme);

/// <summary>
/// The one rule for every URL content can put into the site, whatever carried it: Markdown links, images,
/// autolinks and footnotes, attributes of raw HTML, YAML fields. Only http, https, mailto and tel, and links
/// relative to the page, are published; every other scheme is refused, so a new way of writing a link cannot
/// bring a new scheme with it. The URL is first read the way browsers read it (WHATWG URL standard, basic URL
/// parser): tabs and line breaks anywhere are removed and C0 controls and spaces around it trimmed, so
/// <c>java&#9;script:</c> is seen as <c>javascript:</c>.
/// </summary>
internal static class UrlPolicy
{
    public static readonly IReadOnlyList<string> AllowedSchemes = ["http", "https", "mailto", "tel"];

    public static UrlCheck Check(string url)
    {
        var s = Normalise(url);
        if (Scheme(s) is { } scheme)
        {
            // A one-letter scheme is a Windows drive (C:\docs\a.pdf); browsers would read it as a scheme.
            if (scheme.Length == 1) return new UrlCheck(UrlKind.LocalPath, s, scheme);
            return new UrlCheck(AllowedSchemes.Contains(scheme) ? UrlKind.Allowed : UrlKind.Refused, s, scheme);
        }
        return new UrlCheck(s.StartsWith("//", StringComparison.Ordinal) ? UrlKind.NetworkPath : UrlKind.Relative, s, null);
    }

    /// <summary>True for an absolute http or https address, the only kind a YAML field such as base_url may hold.</summary>
    public static bool IsWebAddress(string url) =>
        Check(url) is { Kind: UrlKind.Allowed, Scheme: "http" or "https" } c && Uri.TryCreate(c.Url, UriKind.Absolute, out _);

    private static string Normalise(string url)
    {
        var s = url.AsSpan().Trim(C0AndSpace);
        if (s.IndexOfAny('\t', '\n', '\r') < 0) return s.Length == url.Length ? url : s.ToString();
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
            if (c is not ('\t' or '\n' or '\r')) sb.Append(c);
        return sb.ToString();
    }

    private static readonly string C0AndSpace = string.Concat(Enumerable.Range(0, 0x21).Select(i => (char)i));

    /// <summary>RFC 3986 section 3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'; lower-cased.</summary>
    private static string? Scheme(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0])) return null;
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':') return s[..i].ToLowerInvariant();
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return null;
        }
        return null;
    }
}
