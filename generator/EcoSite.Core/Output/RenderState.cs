namespace EcoSite.Core.Output;

/// <summary>
/// Build state kept in the output beside the pages (docs/incremental.md), so that the next build into the same folder
/// does not redo work whose inputs did not change: each page's links (<see cref="LinkState"/>, for the link check) and
/// each search document's terms (<see cref="Search.SearchTokenCache"/>). A cold build writes the same files from
/// scratch, so an incremental build's output still equals a cold build's byte for byte. The files are not the site:
/// merge leaves them out. Each starts with the generator's identity; a file of another build of the generator, or one
/// that cannot be read, is ignored and the work is done again.
/// </summary>
internal static class RenderState
{
    public const string Folder = ".ecosite-state";
    /// <summary>The folder of the link state's parts (<see cref="LinkState.PartPath"/>).</summary>
    public const string Links = Folder + "/links";

    /// <summary>
    /// One file of the language's search term counts (<see cref="Search.SearchTokenCache"/>): the documents whose keys
    /// start with <paramref name="bucket"/> (a hexadecimal digit).
    /// </summary>
    public static string Search(string lang, char bucket) => $"{Folder}/search-{lang}/{bucket}.txt";

    /// <summary>What the next build needs to patch the language's search index (<see cref="Search.SearchLayout"/>).</summary>
    public static string SearchLayout(string lang) => $"{Folder}/search-{lang}-layout.txt";

    /// <summary>The first line of every state file: only this build of the generator reads it back.</summary>
    public static string Header(string kind) => $"ecosite-state {kind} {InputFingerprint.Tool}\n";

    /// <summary>The text after the header, when <paramref name="text"/> is a state file of this kind written by this generator.</summary>
    public static string? Body(string? text, string kind)
    {
        var header = Header(kind);
        return text is not null && text.StartsWith(header, StringComparison.Ordinal) ? text[header.Length..] : null;
    }

    /// <summary>A state file of the previous output; null when it is not a regular file or cannot be read.</summary>
    public static string? Read(string path)
    {
        try
        {
            if (Content.FileProbe.Kind(path) != Content.FileKind.Regular) return null;
            return System.Text.Encoding.UTF8.GetString(Content.FileProbe.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
