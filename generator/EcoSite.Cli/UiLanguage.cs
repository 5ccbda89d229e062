using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli;

/// <summary>
/// The language EcoSite speaks to its user: --lang, else ECOSITE_LANG, else the system's (LC_ALL, LC_MESSAGES, LANG as
/// POSIX orders them, then the UI culture: the build runs with invariant globalization, so the variables are read
/// directly), English when none is Chinese or English. LANG=zh_CN.UTF-8 gives Chinese; LANG=C gives English.
/// </summary>
internal static class UiLanguage
{
    /// <param name="environment">Reads an environment variable (tests pass their own; default: the process's).</param>
    public static string Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        foreach (var value in new[] { option, environment("ECOSITE_LANG") })
            if (Known(value) is { } lang) return lang;
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
            if (environment(name) is { Length: > 0 } value)
                return Known(value) ?? MessageCatalog.English;
        return Known(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? MessageCatalog.English;
    }

    /// <summary>
    /// The value of --lang in <paramref name="args"/>, read before parsing so that the help texts are built in that
    /// language. 'export wechat --lang' names the content language to export, not the messages': it is not read.
    /// </summary>
    public static string? FromArguments(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0] == "export") return null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == "--lang" && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal)) return args[i]["--lang=".Length..];
        }
        return null;
    }

    /// <summary>zh, zh_CN.UTF-8, zh-Hans -> zh; en, en_US -> en; anything else (C, POSIX, fr) -> null.</summary>
    private static string? Known(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToLowerInvariant();
        foreach (var lang in MessageCatalog.Languages)
            if (v == lang || v.StartsWith(lang + "_", StringComparison.Ordinal) || v.StartsWith(lang + "-", StringComparison.Ordinal) || v.StartsWith(lang + ".", StringComparison.Ordinal))
                return lang;
        return null;
    }
}
