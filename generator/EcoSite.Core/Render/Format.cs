using System.Globalization;

namespace EcoSite.Core.Render;

/// <summary>Dates, numbers and sizes as people read them in each language; never dependent on the machine's culture.</summary>
internal static class Format
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The start of a day in the site's offset, as RFC 3339 writes it (2025-03-15T00:00:00+08:00): a date of the content
    /// is a day in the site's own time zone (site.yaml 'timezone'), not midnight UTC, which is 08:00 in Beijing.
    /// </summary>
    public static string Timestamp(DateOnly d, TimeSpan offset) =>
        new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d, string lang) => lang == "zh"
        ? $"{d.Year}年{d.Month}月{d.Day}日"
        : $"{d.Day} {Months[d.Month - 1]} {d.Year}";

    /// <summary>Up to <paramref name="decimals"/> decimals, trailing zeros dropped, thousands grouped: 120,000 / 92.3.</summary>
    public static string Number(double v, int decimals = 2)
    {
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        var s = rounded.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };

    /// <summary>BCP 47 tag for HTML lang and hreflang: zh is published as zh-CN (content-format.md section 2).</summary>
    public static string HtmlLang(string lang) => lang == "zh" ? "zh-CN" : lang;
}
