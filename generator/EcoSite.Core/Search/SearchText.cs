using System.Text;

namespace EcoSite.Core.Search;

/// <summary>What a token is, which decides how a query finds it.</summary>
public enum TokenKind
{
    /// <summary>One CJK character: found by a one-character query.</summary>
    Character,

    /// <summary>Two adjacent CJK characters: any substring of two or more characters is the AND of its bigrams.</summary>
    Bigram,

    /// <summary>A run of letters and digits, stemmed when it is an English word.</summary>
    Word,

    /// <summary>Letters and digits joined by '-', '.', '/' or '_' ("900-249-08"), without the joiners ("90024908").</summary>
    Joined,
}

public readonly record struct Token(string Text, TokenKind Kind);

/// <summary>
/// Folding and segmentation shared by the index builder and the browser client (themes/default/static/search.js
/// implements the same rules; the browser tests compare both). Chinese has no spaces, so a run of CJK characters is
/// indexed as its characters and its bigrams: any substring a visitor types is the AND of its bigrams, with no
/// dictionary in the browser (docs/benchmarks.md records why bigrams and not jieba words). Letters and digits form
/// words; English words are stemmed (Porter's steps 1 and 5) and queries also match them as prefixes.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// NFKC-like folding of one UTF-16 unit, done by table because normalization is not available under invariant
    /// globalization: full-width ASCII (U+FF01-U+FF5E) and the ideographic space to ASCII, half-width katakana to
    /// full-width, full-width signs (U+FFE0-U+FFE6) to their usual forms, then lower case.
    /// </summary>
    public static char Fold(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        if (c is >= '\uFF01' and <= '\uFF5E') return Fold((char)(c - 0xFEE0));
        if (c == '\u3000') return ' ';
        if (c is >= '\uFF61' and <= '\uFF9F') return HalfWidthKatakana[c - 0xFF61];
        if (c is >= '\uFFE0' and <= '\uFFE6') return "\u00A2\u00A3\u00AC\u00AF\u00A6\u00A5\u20A9"[c - 0xFFE0];
        return IsLowerCased(c) ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>Latin, Greek and Cyrillic letters are lower-cased; other scripts have no case worth folding.</summary>
    private static bool IsLowerCased(char c) => c is >= '\u00C0' and <= '\u024F' or >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u04FF';

    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(Fold(c));
        return sb.ToString();
    }

    // U+FF61-U+FF9F: 。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜
    private const string HalfWidthKatakana =
        "\u3002\u300C\u300D\u3001\u30FB\u30F2\u30A1\u30A3\u30A5\u30A7\u30A9\u30E3\u30E5\u30E7\u30C3\u30FC" +
        "\u30A2\u30A4\u30A6\u30A8\u30AA\u30AB\u30AD\u30AF\u30B1\u30B3\u30B5\u30B7\u30B9\u30BB\u30BD\u30BF" +
        "\u30C1\u30C4\u30C6\u30C8\u30CA\u30CB\u30CC\u30CD\u30CE\u30CF\u30D2\u30D5\u30D8\u30DB\u30DE\u30DF" +
        "\u30E0\u30E1\u30E2\u30E4\u30E6\u30E8\u30E9\u30EA\u30EB\u30EC\u30ED\u30EF\u30F3\u309B\u309C";

    /// <summary>Han (with extension A and compatibility ideographs), kana and Hangul: scripts written without spaces.</summary>
    public static bool IsCjk(int cp) =>
        cp is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0x3040 and <= 0x30FF or >= 0xAC00 and <= 0xD7AF or >= 0x20000 and <= 0x3FFFF;

    /// <summary>Letters and digits of word scripts (after folding): ASCII, Latin-1 and Latin Extended, Greek, Cyrillic.</summary>
    public static bool IsWordChar(int cp) =>
        cp is >= 'a' and <= 'z' or >= '0' and <= '9'
            or >= 0xC0 and <= 0x24F and not 0xD7 and not 0xF7
            or >= 0x370 and <= 0x3FF or >= 0x400 and <= 0x4FF;

    private static bool IsJoiner(char c) => c is '-' or '.' or '/' or '_';

    /// <summary>The tokens of a text, in order: what the index stores and what a query looks up.</summary>
    public static List<Token> Tokens(string text)
    {
        var sink = new ListSink();
        Scan(text, sink);
        return sink.Tokens;
    }

    /// <summary>Receives the tokens of <see cref="Scan"/> as spans, so a caller that counts them need not allocate one string each.</summary>
    internal interface ITokenSink
    {
        /// <summary>One token; a <see cref="TokenKind.Word"/> comes unstemmed (the sink applies <see cref="Stem"/>, and may cache it).</summary>
        void Add(ReadOnlySpan<char> text, TokenKind kind);
    }

    private sealed class ListSink : ITokenSink
    {
        public readonly List<Token> Tokens = [];

        public void Add(ReadOnlySpan<char> text, TokenKind kind) =>
            Tokens.Add(new Token(kind == TokenKind.Word ? Stem(text.ToString()) : text.ToString(), kind));
    }

    /// <summary>
    /// The one tokenizer: <see cref="Tokens"/> and the index builder both use it. Folds into a rented buffer (folding
    /// maps each UTF-16 unit to one unit, so the length is kept) and hands each token to the sink in order.
    /// </summary>
    internal static void Scan<TSink>(string text, TSink sink) where TSink : ITokenSink
    {
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length * 2));
        try
        {
            var s = rented.AsSpan(0, text.Length);
            for (var k = 0; k < text.Length; k++) s[k] = Fold(text[k]);
            var joined = rented.AsSpan(text.Length, text.Length);
            var i = 0;
            while (i < s.Length)
            {
                var cp = CodePoint(s, i, out var width);
                if (IsCjk(cp))
                {
                    var previous = -1;
                    while (i < s.Length && IsCjk(CodePoint(s, i, out width)))
                    {
                        sink.Add(s.Slice(i, width), TokenKind.Character);
                        if (previous >= 0) sink.Add(s[previous..(i + width)], TokenKind.Bigram);
                        previous = i;
                        i += width;
                    }
                }
                else if (IsWordChar(cp))
                {
                    // Each part is a word; the parts without their joiners are one more token when there are several.
                    var parts = 0;
                    var length = 0;
                    var start = i;
                    while (true)
                    {
                        while (i < s.Length && IsWordChar(s[i])) i++;
                        var part = s[start..i];
                        sink.Add(part, TokenKind.Word);
                        part.CopyTo(joined[length..]);
                        length += part.Length;
                        parts++;
                        if (i + 1 < s.Length && IsJoiner(s[i]) && IsWordChar(s[i + 1])) start = ++i;
                        else break;
                    }
                    if (parts > 1) sink.Add(joined[..length], TokenKind.Joined);
                }
                else i += width;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int CodePoint(ReadOnlySpan<char> s, int i, out int width)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(s[i], s[i + 1]);
        }
        width = 1;
        return s[i];
    }

    /// <summary>
    /// Porter's stemmer (1980), steps 1a, 1b, 1c and 5: plurals, -ed, -ing, final -y and -e. "recycling",
    /// "recycled", "recycles" and "recycle" all become "recycl". Only lower-case ASCII words longer than two letters.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2) return word;
        foreach (var c in word) if (c is < 'a' or > 'z') return word;
        var w = word;
        // Step 1a
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) w = w[..^1];
        // Step 1b
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            if (Measure(w[..^3]) > 0) w = w[..^1];
        }
        else if (EndsWithAfterVowel(w, "ed", out var stem) || EndsWithAfterVowel(w, "ing", out stem))
        {
            w = stem;
            if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal) || w.EndsWith("iz", StringComparison.Ordinal)) w += "e";
            else if (DoubleConsonant(w) && w[^1] is not ('l' or 's' or 'z')) w = w[..^1];
            else if (Measure(w) == 1 && Cvc(w)) w += "e";
        }
        // Step 1c
        if (w.EndsWith('y') && HasVowel(w[..^1])) w = w[..^1] + "i";
        // Step 5a
        if (w.EndsWith('e'))
        {
            var m = Measure(w[..^1]);
            if (m > 1 || m == 1 && !Cvc(w[..^1])) w = w[..^1];
        }
        // Step 5b
        if (Measure(w) > 1 && DoubleConsonant(w) && w[^1] == 'l') w = w[..^1];
        return w;
    }

    private static bool EndsWithAfterVowel(string w, string suffix, out string stem)
    {
        stem = w;
        if (!w.EndsWith(suffix, StringComparison.Ordinal)) return false;
        var rest = w[..^suffix.Length];
        if (!HasVowel(rest)) return false;
        stem = rest;
        return true;
    }

    private static bool IsConsonant(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    private static bool HasVowel(string w)
    {
        for (var i = 0; i < w.Length; i++) if (!IsConsonant(w, i)) return true;
        return false;
    }

    /// <summary>Porter's m: the number of vowel-consonant sequences in [C](VC)^m[V].</summary>
    private static int Measure(string w)
    {
        var m = 0;
        var i = 0;
        while (i < w.Length && IsConsonant(w, i)) i++;
        while (i < w.Length)
        {
            while (i < w.Length && !IsConsonant(w, i)) i++;
            if (i == w.Length) break;
            while (i < w.Length && IsConsonant(w, i)) i++;
            m++;
        }
        return m;
    }

    private static bool DoubleConsonant(string w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    /// <summary>Porter's *o: consonant-vowel-consonant at the end, the last not w, x or y.</summary>
    private static bool Cvc(string w) =>
        w.Length >= 3 && IsConsonant(w, w.Length - 3) && !IsConsonant(w, w.Length - 2) && IsConsonant(w, w.Length - 1) && w[^1] is not ('w' or 'x' or 'y');
}
