namespace EcoSite.Core.Model;

/// <summary>A text in one or more languages (content-format.md section 2): a plain string is the default language.</summary>
internal sealed class LocalizedText
{
    private readonly KeyValuePair<string, string>[] _values;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = values.OrderBy(v => v.Key, StringComparer.Ordinal).ToArray();

    public static LocalizedText Of(string lang, string text) => new([new(lang, text)]);

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public bool Has(string lang) => Array.Exists(_values, v => v.Key == lang);

    /// <summary>The text in <paramref name="lang"/>, else in the default language, else any; with the language it is in.</summary>
    public Localized In(string lang, string defaultLang)
    {
        string? fallback = null, fallbackLang = null;
        foreach (var (k, v) in _values)
        {
            if (k == lang) return new(v, k);
            if (k == defaultLang) (fallback, fallbackLang) = (v, k);
            else if (fallback is null) (fallback, fallbackLang) = (v, k);
        }
        return fallback is null ? new("", lang) : new(fallback, fallbackLang!);
    }

    /// <summary>True when any language's text equals <paramref name="other"/>'s text in some language after trimming and case folding.</summary>
    public bool SharesAnyText(LocalizedText other)
    {
        foreach (var (_, a) in _values)
            foreach (var (_, b) in other._values)
                if (string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public override string ToString() => string.Join(" / ", _values.Select(v => v.Value));
}

/// <summary>A text and the language it is actually in (which differs from the page's when it fell back).</summary>
internal readonly record struct Localized(string Text, string Lang);
