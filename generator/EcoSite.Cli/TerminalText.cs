using System.Globalization;
using System.Text;

namespace EcoSite.Cli;

/// <summary>
/// Every value EcoSite prints to a terminal or a CI log passes through here. Content reaches the log inside
/// diagnostics (file names, keys, values), so a value could otherwise end the line and start a workflow command
/// (<c>::error</c>, <c>::add-mask::</c> on GitHub Actions, <c>##vso[</c> on Azure Pipelines), or drive the terminal
/// (ESC sequences, BEL, the C1 CSI, bidirectional overrides that reverse a file name on screen). Such characters are
/// shown as escapes (<c>\n</c>, <c>\x1B</c>, <c>\u202E</c>), never obeyed, and a line cannot start a command.
/// </summary>
internal static class TerminalText
{
    /// <summary>One line of output: control and direction characters escaped, no CI command at the start or inside.</summary>
    public static string Line(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Shown(c)) sb.Append(Escape(c));
            else sb.Append(c);
        }
        // GitHub Actions reads a command from a line that starts with "::" once leading spaces are trimmed; Azure
        // Pipelines from "##vso[" anywhere and "##[" at the start. A visible escape of the first character breaks them.
        var start = 0;
        while (start < sb.Length && sb[start] == ' ') start++;
        if (start + 1 < sb.Length && sb[start] == ':' && sb[start + 1] == ':') sb.Remove(start, 1).Insert(start, "\\x3A");
        if (start + 2 < sb.Length && sb[start] == '#' && sb[start + 1] == '#' && sb[start + 2] == '[') sb.Remove(start, 1).Insert(start, "\\x23");
        return sb.Replace("##vso[", "#\\x23vso[").ToString();
    }

    /// <summary>A property of a GitHub workflow command (file=, title=): escaped as the runner unescapes it.</summary>
    public static string AnnotationProperty(string value) =>
        AnnotationMessage(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>The message of a GitHub workflow command: % and line breaks escaped as the runner unescapes them, other controls shown.</summary>
    public static string AnnotationMessage(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '%': sb.Append("%25"); break;
                case '\r': sb.Append("%0D"); break;
                case '\n': sb.Append("%0A"); break;
                default:
                    if (!Shown(c)) sb.Append(Escape(c));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Replace("##vso[", "#\\x23vso[").ToString();
    }

    /// <summary>Printed as it is: anything but a control character (tab aside), a line or paragraph separator, a direction override.</summary>
    private static bool Shown(char c) => c == '\t' || !(char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069');

    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        < '\u0100' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
        _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };
}
