using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Core.Diagnostics;

/// <summary>
/// What YamlDotNet and the operating system say about a problem, in EcoSite's words: the English phrase is
/// MessagesEn.resx's "phrase.yaml-*" or "phrase.os-*", so that a Chinese message, which translates these phrases
/// (MessageCatalog.Hint), carries no English. Their texts reach the user only through these two methods; a text they
/// do not know is kept as the library gave it.
/// </summary>
public static class LibraryText
{
    // YamlDotNet 18.1.0's syntax errors (its exception's Message, which holds no location; EditorMistakeTests and
    // LibraryTextTests write the YAML that produces the common ones).
    private static readonly Dictionary<string, string> Yaml = new(StringComparer.OrdinalIgnoreCase)
    {
        ["While scanning a plain scalar value, found invalid mapping."] = "phrase.yaml-colon",
        ["While scanning a multiline plain scalar, found invalid mapping."] = "phrase.yaml-colon",
        ["Mapping values are not allowed in this context."] = "phrase.yaml-colon",
        ["While parsing a flow mapping, did not find expected ',' or '}'."] = "phrase.yaml-flow-map",
        ["While parsing a flow mapping,  did not find expected ',' or '}'."] = "phrase.yaml-flow-map",
        ["While parsing a flow sequence, did not find expected ',' or ']'."] = "phrase.yaml-flow-list",
        ["While parsing a block mapping, did not find expected key."] = "phrase.yaml-key",
        ["While parsing a block collection, did not find expected '-' indicator."] = "phrase.yaml-dash",
        ["Block sequence entries are not allowed in this context."] = "phrase.yaml-dash-here",
        ["While scanning a simple key, could not find expected ':'."] = "phrase.yaml-simple-key",
        ["While scanning a quoted scalar, found unexpected end of stream."] = "phrase.yaml-quote",
        ["While scanning a quoted scalar, found unknown escape character."] = "phrase.yaml-escape",
        ["While scanning for the next token, found character that cannot start any token."] = "phrase.yaml-character",
        ["While scanning a mapping, found invalid tab as indentation."] = "phrase.yaml-tab",
        ["While scanning a plain scalar, found a tab character that violate indentation."] = "phrase.yaml-tab",
        ["Did not find expected <document end>."] = "phrase.yaml-after-end",
        ["While parsing a node, did not find expected node content."] = "phrase.yaml-no-value",
        ["Found incompatible YAML document."] = "phrase.yaml-version",
    };

    /// <summary>YamlDotNet's <paramref name="message"/> (an exception's Message, without location) in EcoSite's English words.</summary>
    public static string YamlError(string message) =>
        Yaml.TryGetValue(message.Trim(), out var key) && MessageCatalog.Text(MessageCatalog.English, key) is not null ? MessageCatalog.Format(MessageCatalog.English, key) : message;

    /// <summary>
    /// What went wrong in a file-system call, in EcoSite's English words for the kinds an editor can act on (permission,
    /// a missing file or folder, a full or read-only disk, a path too long, a file in use, a file where a folder is
    /// needed); else the system's message.
    /// </summary>
    public static string FileSystemError(Exception e) => FileSystemKey(e) is { } key ? MessageCatalog.Format(MessageCatalog.English, key) : e.Message;

    private static string? FileSystemKey(Exception e) => e switch
    {
        UnauthorizedAccessException => "phrase.os-denied",
        PathTooLongException => "phrase.os-path-too-long",
        DirectoryNotFoundException => "phrase.os-no-folder",
        FileNotFoundException => "phrase.os-no-file",
        IOException io => Kind(io.HResult),
        _ => null,
    };

    // The error numbers the system gives an IOException: HRESULTs of Win32 errors on Windows (winerror.h), errno on
    // Linux and macOS (the runtime passes errno through as HResult; errno.h).
    private static string? Kind(int hresult) => OperatingSystem.IsWindows()
        ? (hresult & 0xFFFF) switch
        {
            39 or 112 => "phrase.os-disk-full",        // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
            19 => "phrase.os-read-only",               // ERROR_WRITE_PROTECT
            206 => "phrase.os-path-too-long",          // ERROR_FILENAME_EXCED_RANGE
            32 or 33 => "phrase.os-in-use",            // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
            80 or 183 or 267 => "phrase.os-exists",    // ERROR_FILE_EXISTS, ERROR_ALREADY_EXISTS, ERROR_DIRECTORY
            _ => null,
        }
        : hresult switch
        {
            28 => "phrase.os-disk-full",                                  // ENOSPC
            122 when OperatingSystem.IsLinux() => "phrase.os-disk-full",  // EDQUOT
            69 when OperatingSystem.IsMacOS() => "phrase.os-disk-full",   // EDQUOT
            30 => "phrase.os-read-only",                                  // EROFS
            16 or 26 => "phrase.os-in-use",                               // EBUSY, ETXTBSY
            17 or 20 => "phrase.os-exists",                               // EEXIST, ENOTDIR
            _ => null,
        };
}
