using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Tests.Diagnostics;

/// <summary>
/// MessageCatalog finds a message's Chinese template by its English text, so a wording changed at a call site would
/// silently fall back to "title：English" wherever no test writes that message. This reads every statement of the
/// source that names a code (Codes.X) and writes its message inline, and requires a template of that code to match
/// the message's literal text (each interpolated value standing for any text). A message built elsewhere and passed in
/// a variable is not seen here; MessageTemplateTests covers those it produces.
/// </summary>
public sealed partial class MessageSourceTests
{
    [Fact]
    public void Every_message_written_at_a_call_site_has_a_template_of_its_code()
    {
        var ids = typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .ToDictionary(f => f.Name, f => ((DiagnosticCode)f.GetValue(null)!).Id);
        var templates = MessageCatalog.Keys(MessageCatalog.English)
            .Where(k => k.StartsWith("ECO", StringComparison.Ordinal) && k.Contains('.', StringComparison.Ordinal))
            .Select(k => (Code: k[..k.IndexOf('.', StringComparison.Ordinal)], English: MessageCatalog.Text(MessageCatalog.English, k)!, Pattern: MessageCatalog.Pattern(MessageCatalog.Text(MessageCatalog.English, k)!)))
            .ToList();
        var missing = new List<string>();
        var seen = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.RepoRoot(), "generator"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var source = File.ReadAllText(file);
            foreach (Match use in CodeUse().Matches(source))
            {
                if (!ids.TryGetValue(use.Groups[1].Value, out var id)) continue;
                var lineStart = source.LastIndexOf('\n', use.Index) + 1;
                if (source[lineStart..use.Index].Contains("//", StringComparison.Ordinal)) continue; // a comment
                if (Message(source, use.Index) is not { } message) continue;
                seen++;
                // The template is an instance of the message (its values fill the holes), or the message of the template
                // (a value passed in supplies words the template writes out, as ContentTree's "this is ").
                var shape = new Regex("^" + string.Join(".*", message.Split(Hole).Select(Regex.Escape)) + "$", RegexOptions.Singleline);
                if (!templates.Any(t => t.Code == id && (t.Pattern.IsMatch(message) || shape.IsMatch(Placeholder().Replace(t.English, Hole)))))
                    missing.Add($"{Path.GetFileName(file)}:{source[..use.Index].Count(c => c == '\n') + 1} {id}: {message.Replace(Hole, "{…}", StringComparison.Ordinal)}");
            }
        }
        Assert.True(seen > 100, $"only {seen} messages were found in the source; the scan no longer reads it");
        Assert.True(missing.Count == 0, "messages with no template in MessagesEn.resx (add 'ECOnnn.name' in both languages):\n" + string.Join('\n', missing));
    }

    // What an interpolated value stands for in a message read from the source.
    private const string Hole = "\u0001";

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\w.])Codes\.(\w+)")]
    private static partial Regex CodeUse();

    /// <summary>
    /// The longest run of string literals joined by '+' in the statement starting at <paramref name="at"/> (up to its
    /// ';'), as text with <see cref="Hole"/> for each interpolated value; null when the statement writes none.
    /// </summary>
    private static string? Message(string source, int at)
    {
        var runs = new List<StringBuilder>();
        StringBuilder? run = null;
        var joined = false;
        var i = at;
        while (i < source.Length && source[i] != ';')
        {
            var c = source[i];
            if (c == '"' || (c == '$' && i + 1 < source.Length && source[i + 1] == '"'))
            {
                var interpolated = c == '$';
                if (run is null || !joined) runs.Add(run = new StringBuilder());
                i = Literal(source, interpolated ? i + 2 : i + 1, interpolated, run);
                joined = false;
                continue;
            }
            if (c == '\'') { i = source.IndexOf('\'', i + (source[i + 1] == '\\' ? 3 : 2)) + 1; continue; }
            if (c == '+') joined = true;
            else if (!char.IsWhiteSpace(c)) { joined = false; run = null; }
            i++;
        }
        var longest = runs.MaxBy(r => r.Length)?.ToString();
        return string.IsNullOrWhiteSpace(longest?.Replace(Hole, "", StringComparison.Ordinal)) || longest!.Length < 12 ? null : longest;
    }

    // Reads a regular or interpolated string literal from just after its opening quote; returns the index after it.
    private static int Literal(string source, int i, bool interpolated, StringBuilder text)
    {
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '"') return i + 1;
            if (c == '\\')
            {
                text.Append(source[i + 1] switch { 'n' => '\n', 't' => '\t', 'u' => (char)Convert.ToInt32(source.Substring(i + 2, 4), 16), var e => e });
                i += source[i + 1] == 'u' ? 6 : 2;
                continue;
            }
            if (interpolated && c == '{' && source[i + 1] == '{') { text.Append('{'); i += 2; continue; }
            if (interpolated && c == '}' && source[i + 1] == '}') { text.Append('}'); i += 2; continue; }
            if (interpolated && c == '{')
            {
                // A value: skip to its closing brace, past any strings and braces inside it.
                var depth = 1;
                i++;
                while (depth > 0)
                {
                    if (source[i] == '"') i = Literal(source, i + 1, false, new StringBuilder()) - 1;
                    else if (source[i] == '{') depth++;
                    else if (source[i] == '}') depth--;
                    i++;
                }
                text.Append(Hole);
                continue;
            }
            text.Append(c);
            i++;
        }
        return i;
    }
}
