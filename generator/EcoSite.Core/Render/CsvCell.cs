namespace EcoSite.Core.Render;

/// <summary>
/// One cell of a CSV export (RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled), the
/// one place every CSV cell is written. Text from content that a spreadsheet would run as a formula (starting with
/// =, +, -, @, a tab or a carriage return) gets a leading apostrophe, OWASP's rule against CSV injection
/// (content-format.md section 4), so <c>=HYPERLINK(...)</c> in a material name opens as text in Excel or WPS.
/// </summary>
internal static class CsvCell
{
    /// <summary>A cell of text from content: neutralised, then quoted.</summary>
    public static string Text(string value) => Raw(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    /// <summary>A cell the export writes itself (a number, a date, true/false, a header): quoted only, so -12.5 stays a number.</summary>
    public static string Raw(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
