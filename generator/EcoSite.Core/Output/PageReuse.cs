namespace EcoSite.Core.Output;

/// <summary>
/// Incremental builds: a page whose inputs hash the same as in the previous build is not rendered again; its file in
/// the previous output stays where it is. Its links, for the link check, come from the build state
/// (<see cref="LinkState"/>), or are read back from that file when the state does not have them.
/// </summary>
internal sealed class PageReuse(OutputTree previous, BuildManifest manifest, IReadOnlyDictionary<string, string> jobs, LinkState links)
{
    /// <summary>The previous build's link state, which also says which of its parts can be kept.</summary>
    public LinkState Links => links;

    /// <summary>
    /// The previous build's link check result of each kept page, when every one of them is still right (see
    /// <see cref="LinkState.PreviousResults"/>); null when every page must be checked.
    /// </summary>
    public Func<PageLinks, IReadOnlyList<Diagnostics.Diagnostic>?>? LinkResults(IReadOnlyList<PageLinks> pages)
    {
        if (links.PreviousResults(pages, manifest.Diagnostics) is not { } results) return null;
        // A kept page reports its broken links where this build says it comes from (as a cold build would).
        return page => !page.Kept ? null
            : results.TryGetValue(page.OutputPath, out var found) ? found.Select(d => d with { File = page.SourceFile ?? page.OutputPath }).ToList()
            : [];
    }

    public int Reused => _reused;
    private int _reused;

    /// <summary>Reused pages whose links were not in the build state, so their files were read back.</summary>
    public int ReadBack => _readBack;
    private int _readBack;

    public PageLinks? TryReuse(string pageId, string? sourceFile, string outputPath)
    {
        if (!jobs.TryGetValue(pageId, out var hash) || !manifest.Jobs.TryGetValue(pageId, out var before) || hash != before)
            return null;
        return Keep(sourceFile, outputPath);
    }

    /// <summary>
    /// A page without declared inputs whose view digest (<see cref="Render.ViewDigest"/>) is the one the previous build
    /// recorded for the same output path: its file stays.
    /// </summary>
    public PageLinks? TryReuseDigest(string outputPath, string? sourceFile, string digest) =>
        manifest.Digests.TryGetValue(outputPath, out var before) && before == digest ? Keep(sourceFile, outputPath) : null;

    private PageLinks? Keep(string? sourceFile, string outputPath)
    {
        // Only a regular file the listing found (never one behind a linked folder; its lstat there is the one it gets) is
        // kept: a link planted there would stay in the new site, and a pipe would never end. A file replaced after the
        // listing is replaced after any look at it too; reading one back opens it only if it is still a regular file.
        if (!previous.Files.Contains(outputPath)) return null;
        if (links.Find(outputPath, sourceFile) is { } kept)
        {
            Interlocked.Increment(ref _reused);
            return kept;
        }
        string html;
        try
        {
            // As File.ReadAllText reads it (UTF-8 unless a byte order mark says otherwise), opened only if still a regular file.
            using var reader = new StreamReader(Content.FileProbe.OpenRegular(previous.PathOf(outputPath)), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            html = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        Interlocked.Increment(ref _reused);
        Interlocked.Increment(ref _readBack);
        return PageLinks.Scan(outputPath, sourceFile, html) with { Kept = true };
    }
}
