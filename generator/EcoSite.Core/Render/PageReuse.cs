namespace EcoSite.Core.Render;

/// <summary>
/// Incremental builds: a page whose inputs hash the same as in the previous build is taken from the previous output
/// instead of being rendered again. Its links are read back from that file for the link check.
/// </summary>
internal sealed class PageReuse(string previousOutput, IReadOnlyDictionary<string, string> previousJobs, IReadOnlyDictionary<string, string> jobs)
{
    public int Reused => _reused;
    private int _reused;

    public string PathOf(string outputPath) => Path.Combine(previousOutput, outputPath.Replace('/', Path.DirectorySeparatorChar));

    public RenderedPage? TryReuse(PageJob job, string outputPath)
    {
        if (!jobs.TryGetValue(job.PageId, out var hash) || !previousJobs.TryGetValue(job.PageId, out var before) || hash != before)
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
        return HtmlLinks.Scan(outputPath, job.SourceFile, html);
    }
}
