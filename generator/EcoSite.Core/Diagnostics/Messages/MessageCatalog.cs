using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;

namespace EcoSite.Core.Diagnostics.Messages;

/// <summary>
/// The texts of diagnostics in English and Chinese, from MessagesEn.resx and MessagesZh.resx. Each code has a title
/// in both (a test checks every code). Message templates are keyed "ECOnnn.name"; the English template, with {0},
/// {1}... where the message has values, is what the code writes, and a message that matches it is given in the
/// chosen language with the same values (the way gettext keys translations by the English text). A message without
/// a template in the chosen language is shown after the code's title in that language, so the reader always sees
/// what kind of problem it is. Codes, files, lines and columns never change with the language.
/// </summary>
public static partial class MessageCatalog
{
    public const string English = "en";
    public const string Chinese = "zh";

    public static readonly IReadOnlyList<string> Languages = [English, Chinese];

    private static readonly Lazy<Dictionary<string, string>> En = new(() => Load("MessagesEn"));
    private static readonly Lazy<Dictionary<string, string>> Zh = new(() => Load("MessagesZh"));
    private static readonly Lazy<List<(string Key, Regex Pattern)>> Templates = new(MakeTemplates);

    private static Dictionary<string, string> Table(string lang) => lang == Chinese ? Zh.Value : En.Value;

    /// <summary>Every key of a language's resource (code titles and templates), for the completeness test.</summary>
    public static IReadOnlyCollection<string> Keys(string lang) => Table(lang).Keys;

    public static string? Text(string lang, string key) => Table(lang).GetValueOrDefault(key);

    /// <summary>The title of a code in <paramref name="lang"/>, else in English.</summary>
    public static string Title(string code, string lang) => Text(lang, code) ?? Text(English, code) ?? code;

    /// <summary>The text <paramref name="key"/> (the command line's "cli.*" and serve's "overlay.*") in
    /// <paramref name="lang"/>, else in English, with its values.</summary>
    public static string Format(string lang, string key, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, Text(lang, key) ?? Text(English, key) ?? key, values);

    /// <summary>"1 error", "3 errors", "3 个错误": <paramref name="noun"/> is error, warning, article or file.</summary>
    public static string Count(string lang, int n, string noun) =>
        Format(lang, $"cli.count.{noun}.{(n == 1 ? "one" : "many")}", n);

    /// <summary>The message of <paramref name="diagnostic"/> in <paramref name="lang"/>.</summary>
    public static string Message(Diagnostic diagnostic, string lang) =>
        lang == English ? diagnostic.Message
        : Translate(diagnostic.Code, diagnostic.Message, lang) ?? $"{Title(diagnostic.Code, lang)}{(lang == Chinese ? "：" : ": ")}{diagnostic.Message}";

    /// <summary>
    /// <paramref name="english"/>, a sentence of the family <paramref name="family"/> (a code, or "new" for what
    /// 'ecosite new' answers), in <paramref name="lang"/> with the same values; null when no template of the family
    /// matches it.
    /// </summary>
    public static string? Translate(string family, string english, string lang)
    {
        if (lang == English) return english;
        foreach (var (key, pattern) in Templates.Value)
        {
            if (!key.StartsWith(family + ".", StringComparison.Ordinal)) continue;
            var m = pattern.Match(english);
            if (!m.Success || Text(lang, key) is not { } template) continue;
            var args = new object[Math.Max(1, Arity(key))];
            for (var n = 0; n < args.Length; n++) args[n] = m.Groups[$"a{n}"] is { Success: true } g ? Hint(g.Value, lang) : "";
            return string.Format(CultureInfo.InvariantCulture, template, args);
        }
        return null;
    }

    /// <summary>The line a diagnostic prints as, in the compiler format, with the message in <paramref name="lang"/>.</summary>
    public static string Line(Diagnostic d, string lang) => lang == English ? d.ToString() : (d with { Message = Message(d, lang) }).ToString();

    /// <summary>How many values the English template of <paramref name="key"/> has ({0}..{n-1}).</summary>
    public static int Arity(string key) =>
        Text(English, key) is { } t ? Token().Matches(t).Where(m => m.Groups[1].Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max() : 0;

    // A value that is itself a sentence or phrase of the catalog (" Did you mean 'x'?", "a map", " at path"...), in
    // the chosen language, so a Chinese message does not carry English pieces; any other value is kept as written.
    private static string Hint(string value, string lang)
    {
        foreach (var (key, pattern) in Phrases.Value)
        {
            var m = pattern.Match(value);
            if (!m.Success || Text(lang, key) is not { } template) continue;
            var args = new object[Math.Max(1, Arity(key))];
            for (var n = 0; n < args.Length; n++) args[n] = m.Groups[$"a{n}"] is { Success: true } g ? g.Value : "";
            return string.Format(CultureInfo.InvariantCulture, template, args);
        }
        return value;
    }

    private static readonly Lazy<List<(string Key, Regex Pattern)>> Phrases = new(() =>
        En.Value.Where(e => e.Key.StartsWith("hint.", StringComparison.Ordinal) || e.Key.StartsWith("phrase.", StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, e.Key == "hint.did-you-mean" ? DidYouMean() : Pattern(e.Value))).ToList());

    [GeneratedRegex(@"^ ?Did you mean '(?<a0>[^']*)'\?$", RegexOptions.ExplicitCapture)]
    private static partial Regex DidYouMean();

    private static List<(string, Regex)> MakeTemplates()
    {
        var list = new List<(string, Regex)>();
        foreach (var (key, template) in En.Value.Where(e => (e.Key.StartsWith("ECO", StringComparison.Ordinal) || e.Key.StartsWith("new.", StringComparison.Ordinal)) && e.Key.Contains('.', StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
            list.Add((key, Pattern(template)));
        return list;
    }

    /// <summary>A template's English text as a pattern: the literal parts exactly ("{{" and "}}" as "{" and "}", as
    /// string.Format reads them, so "{{{0}: ...}}" is a brace around a value), each {n} any text (the first occurrence
    /// captures; a repeated {n} must repeat the same text).</summary>
    public static Regex Pattern(string template)
    {
        var sb = new StringBuilder("^");
        var seen = new HashSet<int>();
        var at = 0;
        foreach (Match token in Token().Matches(template))
        {
            sb.Append(Regex.Escape(template[at..token.Index]));
            at = token.Index + token.Length;
            if (!token.Groups[1].Success) sb.Append(Regex.Escape(token.Value[..1]));
            else
            {
                var n = int.Parse(token.Groups[1].Value, CultureInfo.InvariantCulture);
                sb.Append(seen.Add(n) ? $"(?<a{n}>.*?)" : $"\\k<a{n}>");
            }
        }
        sb.Append(Regex.Escape(template[at..])).Append('$');
        return new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    // The tokens of a composite format string, left to right: an escaped brace, or a value {n}.
    [GeneratedRegex(@"\{\{|\}\}|\{(\d+)\}")]
    private static partial Regex Token();

    private static Dictionary<string, string> Load(string name)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream($"messages/{name}.resources")
            ?? throw new InvalidOperationException($"the message resource '{name}' is not embedded");
        using var reader = new ResourceReader(stream);
        foreach (DictionaryEntry e in reader)
            if (e.Key is string k && e.Value is string v) table[k] = v;
        return table;
    }
}
