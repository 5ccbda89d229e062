namespace EcoSite.Core.Output;

/// <summary>
/// Incremental builds: a page whose inputs hash the same as in the previous build is taken from the previous output
/// instead of being rendered again. Its links are read back from that file for the link check.
/// </summary>
internal sealed class PageReuse(string previousOutput, IReadOnlyDictionary<string, string> previousJobs, IReadOnlyDictionary<string, string> jobs)
{
    public int Reused => _reused;
    private int _reused;

    public string PathOf(string outputPath) => Path.Combine(previousOutput, outputPath.Replace('/', Path.DirectorySeparatorChar));

    public PageLinks? TryReuse(string pageId, string? sourceFile, string outputPath)
    {
        if (!jobs.TryGetValue(pageId, out var hash) || !previousJobs.TryGetValue(pageId, out var before) || hash != before)
            return null;
        var path = PathOf(outputPath);
        string html;
        try
        {
            html = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        Interlocked.Increment(ref _reused);
        return PageLinks.Scan(outputPath, sourceFile, html);
    }
}
