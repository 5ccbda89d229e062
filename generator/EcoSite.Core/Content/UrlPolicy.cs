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

    /// <summary>
    /// A <c>tel:</c> link for a phone number as editors write it ("0000-0000000", "+86 (0531) 1234567"), or null when
    /// the value is anything else (then it stays plain text). Only digits, a leading '+' and the visual separators of
    /// RFC 3966 section 5.1.1 ('-', '.', '(', ')') and spaces are accepted, and the link keeps only the digits, the '+'
    /// and '-', so no value can carry another scheme, a parameter (';') or a second address into it. The result is
    /// checked by <see cref="Check"/> like every other link.
    /// </summary>
    public static string? Tel(string phone)
    {
        var s = phone.Trim();
        var link = new System.Text.StringBuilder("tel:", s.Length + 4);
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c)) { link.Append(c); digits++; }
            else if (c == '+' && i == 0) link.Append(c);
            else if (c == '-') { if (link[^1] != '-' && digits > 0) link.Append(c); }
            else if (c is not ('.' or '(' or ')' or ' ')) return null;
        }
        // A phone number has at least three digits (emergency numbers); fewer is not a number anyone can call.
        if (digits < 3) return null;
        if (link[^1] == '-') link.Length--;
        return Published(link.ToString(), "tel");
    }

    /// <summary>
    /// A <c>mailto:</c> link for one plain address (local@domain.tld), or null when the value is anything else (then it
    /// stays plain text). The local part is letters, digits and ". _ + -"; the domain is dot-separated labels of letters,
    /// digits and '-' with at least one dot. So '?', '&amp;', '%', ',' and whitespace, which would add recipients,
    /// headers or a body (RFC 6068), and ':' or '/', which would make another kind of URL, cannot appear.
    /// </summary>
    public static string? Mailto(string email)
    {
        var s = email.Trim();
        var at = s.IndexOf('@');
        if (at <= 0 || at != s.LastIndexOf('@') || s.Length > 254) return null;
        var local = s[..at];
        var domain = s[(at + 1)..];
        if (local[0] == '.' || local[^1] == '.' || !local.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-')) return null;
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0 || l[0] == '-' || l[^1] == '-' || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))) return null;
        return Published("mailto:" + s, "mailto");
    }

    private static string? Published(string url, string scheme) =>
        Check(url) is { Kind: UrlKind.Allowed } c && c.Scheme == scheme && c.Url == url ? url : null;

    private static string Normalise(string url)
    {
        var s = url.AsSpan().Trim(C0AndSpace);
        if (!s.ContainsAny('\t', '\n', '\r')) return s.ToString();
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
