using System.Globalization;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>
/// The open-data fields of site.yaml (content-format.md v2 section 5): <c>license</c>, the licence the data catalogue
/// and data package declare, and <c>timezone</c>, the UTC offset of the times in feeds and exports.
/// </summary>
internal static class OpenDataConfig
{
    /// <summary>Beijing time: the offset of every Chinese site unless site.yaml says otherwise (section 5).</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    public static DataLicense? License(FieldSet site, YamlReader reader)
    {
        if (site.Map("license", ["name", "url"]) is not { } f) return null;
        var name = f.Text("name", required: true);
        var url = f.Text("url", required: true);
        if (url is not null && !UrlPolicy.IsWebAddress(url))
        {
            reader.Report(Codes.InvalidValue, f.PosOf("url"), $"'license.url' is '{url}'; write the full address of the licence text, such as https://creativecommons.org/licenses/by/4.0/.");
            return null;
        }
        return name is { Length: > 0 } && url is not null ? new DataLicense(name, url) : null;
    }

    /// <summary>"+08:00", "-05:30" or "Z": what RFC 3339 allows after a time, within the offsets in use (-12:00 to +14:00).</summary>
    public static TimeSpan Offset(FieldSet site, YamlReader reader)
    {
        var text = site.Text("timezone");
        if (text is null) return DefaultOffset;
        if (Parse(text) is { } offset) return offset;
        reader.Report(Codes.InvalidValue, site.PosOf("timezone"), $"'timezone' is '{text}'; write a UTC offset in quotes, such as \"+08:00\" (Beijing time, the default).");
        return DefaultOffset;
    }

    internal static TimeSpan? Parse(string text)
    {
        if (text == "Z") return TimeSpan.Zero;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m >= 60)
            return null;
        var offset = new TimeSpan(h, m, 0) * (text[0] == '-' ? -1 : 1);
        return offset >= TimeSpan.FromHours(-12) && offset <= TimeSpan.FromHours(14) ? offset : null;
    }
}
