using System.Globalization;
using System.Text.RegularExpressions;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content.Yaml;

/// <summary>
/// Reads typed values out of a <see cref="YNode"/> tree of one file, reporting every problem at the line and
/// column of the offending value. Readers return null for a missing or invalid value; the caller decides.
/// </summary>
internal sealed partial class YamlReader(string relPath, DiagnosticBag diagnostics, IReadOnlyList<string> languages)
{
    public string File => relPath;
    public DiagnosticBag Diagnostics => diagnostics;
    public IReadOnlyList<string> Languages => languages;

    public void Report(DiagnosticCode code, SourcePos pos, string message) => diagnostics.Add(code, relPath, pos, message);

    /// <summary>Opens a map; keys not in <paramref name="known"/> are warned about with a did-you-mean.</summary>
    public FieldSet? Map(YNode? node, string what, params string[] known)
    {
        if (node is null) return null;
        if (node is not YMap map)
        {
            Report(Codes.WrongType, node.Start, $"{what} must be a map of 'key: value' lines, not {Describe(node)}.");
            return null;
        }
        foreach (var (key, _) in map.Entries)
        {
            if (Array.IndexOf(known, key.Value) < 0)
                Report(Codes.UnknownField, key.Start,
                    $"'{key.Value}' is not a field of {what}; it is ignored.{DidYouMean.Hint(key.Value, known)} Known fields: {string.Join(", ", known)}.");
        }
        return new FieldSet(this, map, what);
    }

    public string? Text(YNode? node, string field)
    {
        switch (node)
        {
            case null: return null;
            case YScalar s when s.IsNull: return null;
            case YScalar s: return s.Value.Trim();
            default:
                Report(Codes.WrongType, node.Start, $"'{field}' must be text, not {Describe(node)}.");
                return null;
        }
    }

    /// <summary>A plain string (default language) or a map per language (content-format.md section 2).</summary>
    public LocalizedText? Localized(YNode? node, string field)
    {
        switch (node)
        {
            case null: return null;
            case YScalar s when s.IsNull: return null;
            case YScalar s: return Model.LocalizedText.Of(languages[0], s.Value.Trim());
            case YMap map:
            {
                var values = new List<KeyValuePair<string, string>>();
                KeyValuePair<YScalar, YNode>? previous = null;
                var unknownKey = false;
                foreach (var entry in map.Entries)
                {
                    var (key, value) = entry;
                    if (!languages.Contains(key.Value))
                    {
                        Report(Codes.UnknownLanguage, key.Start, UnknownLanguage(field, key, value, previous));
                        unknownKey = true;
                        previous = entry;
                        continue;
                    }
                    previous = entry;
                    if (Text(value, $"{field}.{key.Value}") is { Length: > 0 } text) values.Add(new(key.Value, text));
                }
                if (values.Count == 0) return null;
                if (!values.Exists(v => v.Key == languages[0]))
                    Report(Codes.MissingDefaultLanguage, map.Start,
                        $"'{field}' has no '{languages[0]}' text; pages in that language show the other language instead. Add '{languages[0]}: ...'.");
                // After an unknown key the missing text is most likely under that key: no follow-on warning.
                else if (!unknownKey && languages.FirstOrDefault(l => !values.Exists(v => v.Key == l)) is { } missing)
                    Report(Codes.MissingTranslation, map.Start,
                        $"'{field}' has no '{missing}' text; the {missing} pages show the {languages[0]} text instead. Add '{missing}: ...', or write the field as plain text if it needs no translation.");
                return new LocalizedText(values);
            }
            default:
                Report(Codes.WrongType, node.Start, $"'{field}' must be text or a map like {{{string.Join(": ..., ", languages)}: ...}}, not {Describe(node)}.");
                return null;
        }
    }

    /// <summary>
    /// Why a key of a text map is not a language. An unknown key without a value right after a language's text is
    /// almost always the rest of that text, split off by a comma: {zh: 某某公司, en: Demo Co., Ltd.} reads as
    /// en: "Demo Co." and a key "Ltd.".
    /// </summary>
    private string UnknownLanguage(string field, YScalar key, YNode value, KeyValuePair<YScalar, YNode>? previous)
    {
        if (value is YScalar { IsNull: true } && previous is { Value: YScalar { IsNull: false } before } p && languages.Contains(p.Key.Value))
            return $"'{key.Value}' is not a language: the comma in the {p.Key.Value} text of '{field}' ends that text inside {{...}}, so '{key.Value}' became a key. Put the text in quotes: {p.Key.Value}: \"{before.Value}, {key.Value}\".";
        return $"'{key.Value}' is not a language of this site ({string.Join(", ", languages)}).{DidYouMean.Hint(key.Value, languages)}";
    }

    public DateOnly? Date(YNode? node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (ImpossibleDate(text) is { } why)
            Report(Codes.InvalidDate, node!.Start, $"'{field}' is '{text}', a day that does not exist: {why}. Check the date.");
        else
            Report(Codes.InvalidDate, node!.Start, $"'{field}' is '{text}', which is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.");
        return null;
    }

    /// <summary>
    /// The largest magnitude a number may have: integers up to 2^53 (about 9 x 10^15) are exact in IEEE 754 doubles,
    /// which every JSON reader uses (RFC 8259 section 6). Bounding each number where it is read keeps every sum, total and
    /// chart scale built from them finite and exact enough, so no sum needs its own check.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>For text of the right shape (YYYY-MM-DD) naming no day, such as 2026-02-30: why not.</summary>
    private static string? ImpossibleDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || y < 1)
            return null;
        if (m is < 1 or > 12) return $"there is no month {m}";
        var days = DateTime.DaysInMonth(y, m);
        return day < 1 || day > days ? $"{y:D4}-{m:D2} has {days} days" : null;
    }

    public double? Number(YNode? node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (node is YScalar { Plain: true } && double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            if (Math.Abs(v) <= MaxMagnitude) return v;
            Report(Codes.InvalidValue, node.Start, $"'{field}' is {text}, larger than EcoSite accepts (10^15 in either direction); check the unit (t rather than kg, 10k CNY rather than CNY).");
            return null;
        }
        Report(Codes.WrongType, node!.Start, $"'{field}' must be a number (like 120 or 0.5, without quotes or units), not '{text}'.");
        return null;
    }

    public int? Integer(YNode? node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (node is YScalar { Plain: true } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        Report(Codes.WrongType, node!.Start, $"'{field}' must be a whole number, not '{text}'.");
        return null;
    }

    /// <summary>A YAML 1.2 boolean: plain <c>true</c> or <c>false</c> (quoted text is not a boolean).</summary>
    public bool? Boolean(YNode? node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (node is YScalar { Plain: true } && text is "true" or "false") return text == "true";
        Report(Codes.WrongType, node!.Start, $"'{field}' must be true or false (without quotes), not '{text}'.");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    public static partial Regex IdPattern();

    /// <summary>An identifier (content-format.md section 4): lower-case letters, digits and '-'.</summary>
    public string? Id(YNode? node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (IdPattern().IsMatch(text)) return text;
        Report(Codes.InvalidId, node!.Start, $"'{field}' is '{text}'; identifiers use only a-z, 0-9 and '-', and start with a letter or digit.");
        return null;
    }

    public string? OneOf(YNode? node, string field, params string[] allowed)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (Array.IndexOf(allowed, text) >= 0) return text;
        Report(Codes.InvalidValue, node!.Start, $"'{field}' is '{text}'; use one of: {string.Join(", ", allowed)}.{DidYouMean.Hint(text, allowed)}");
        return null;
    }

    public IReadOnlyList<T> List<T>(YNode? node, string field, Func<YNode, T?> item) where T : class
    {
        switch (node)
        {
            case null: return [];
            case YScalar s when s.IsNull: return [];
            case YSeq seq:
            {
                var result = new List<T>(seq.Items.Count);
                foreach (var n in seq.Items)
                    if (item(n) is { } v) result.Add(v);
                return result;
            }
            default:
                Report(Codes.WrongType, node.Start, $"'{field}' must be a list (lines starting with '- ', or [a, b]), not {Describe(node)}.");
                return [];
        }
    }

    internal static string Describe(YNode node) => node switch
    {
        YMap => "a map",
        YSeq => "a list",
        YScalar s => $"'{(s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value)}'",
        _ => "this value",
    };
}

/// <summary>The fields of one YAML map, read by name.</summary>
internal sealed class FieldSet(YamlReader reader, YMap map, string what)
{
    public SourcePos Pos => map.Start;

    public YNode? this[string key]
    {
        get
        {
            foreach (var (k, v) in map.Entries)
                if (k.Value == key) return v is YScalar s && s.IsNull ? null : v;
            return null;
        }
    }

    /// <summary>Where the value of <paramref name="key"/> is, or the map itself when the key is absent.</summary>
    public SourcePos PosOf(string key) => this[key]?.Start ?? map.Start;

    public bool Has(string key) => this[key] is not null;

    private YNode? Need(string key, bool required, string example)
    {
        var node = this[key];
        if (node is null && required)
            reader.Report(Codes.MissingField, map.Start, $"{what} needs '{key}'; add a line '{key}: {example}'.");
        return node;
    }

    public string? Text(string key, bool required = false) => reader.Text(Need(key, required, "..."), key);
    public LocalizedText? Localized(string key, bool required = false) => reader.Localized(Need(key, required, "..."), key);
    public DateOnly? Date(string key, bool required = false) => reader.Date(Need(key, required, "YYYY-MM-DD"), key);
    public double? Number(string key, bool required = false) => reader.Number(Need(key, required, "0"), key);
    public int? Integer(string key, bool required = false) => reader.Integer(Need(key, required, "0"), key);
    public string? Id(string key, bool required = false) => reader.Id(Need(key, required, "an-id"), key);
    public bool? Boolean(string key) => reader.Boolean(this[key], key);

    public string? OneOf(string key, string[] allowed, bool required = false) =>
        reader.OneOf(Need(key, required, allowed[0]), key, allowed);

    public IReadOnlyList<T> List<T>(string key, Func<YNode, T?> item, bool required = false) where T : class =>
        reader.List(Need(key, required, "[...]"), key, item);

    public FieldSet? Map(string key, string[] known, bool required = false) =>
        reader.Map(Need(key, required, "..."), $"'{key}'", known);
}
