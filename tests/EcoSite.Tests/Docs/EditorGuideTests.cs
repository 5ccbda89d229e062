using System.Text.RegularExpressions;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Facts;
using EcoSite.Tests.Packaging;
using Markdig;
using Markdig.Syntax;

namespace EcoSite.Tests.Docs;

/// <summary>
/// The editor guides are run, not just read: in each guide, the fenced blocks with the info string <c>sh guide</c>
/// are commands run in order in an empty folder with the built CLI, and the blocks with <c>file=PATH</c> are files
/// the editor writes (placed when the guide shows them). The walk-through must end in a site that builds and scores
/// 100 with no placeholder left.
/// </summary>
public sealed partial class EditorGuideTests : IDisposable
{
    /// <summary>The guide's "today" (it says so): 2026-12-01, given to the CLI as SOURCE_DATE_EPOCH.</summary>
    private static readonly DateTimeOffset GuideToday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-guide-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    [GeneratedRegex(@"^file=(\S+)$")]
    private static partial Regex FileInfo();

    private sealed record Step(string? Command, string? File, string? Text, int Line);

    private static List<Step> Steps(string guide)
    {
        var doc = Markdown.Parse(File.ReadAllText(guide), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var steps = new List<Step>();
        foreach (var block in doc.Descendants<FencedCodeBlock>())
        {
            var text = string.Join("\n", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString())) + "\n";
            if (block.Info == "sh" && block.Arguments == "guide")
            {
                foreach (var line in text.Split('\n').Select(l => l.Split(" #")[0].Trim()).Where(l => l.Length > 0))
                    steps.Add(new Step(line, null, null, block.Line + 1));
            }
            else if (block.Arguments is { } args && FileInfo().Match(args) is { Success: true } m)
                steps.Add(new Step(null, m.Groups[1].Value, text, block.Line + 1));
        }
        return steps;
    }

    [Theory]
    [InlineData("docs/editor-guide.zh.md")]
    [InlineData("docs/editor-guide.en.md")]
    public void The_guide_walk_through_runs_from_an_empty_folder_to_a_site_scoring_100(string guide)
    {
        var path = Path.Combine(TestSite.RepoRoot(), guide);
        var steps = Steps(path);
        Assert.Contains(steps, s => s.File is not null);
        // The walk-through uses every kind of 'new' (a park comes with 'new site --park'; 'new park' is shown beside it).
        var kinds = steps.Where(s => s.Command?.StartsWith("ecosite new ", StringComparison.Ordinal) == true).Select(s => s.Command!.Split(' ')[2]).ToHashSet();
        Assert.Equal(["case", "indicators", "listing", "news", "page", "polluter", "site", "waste"], kinds.Order());
        var text = File.ReadAllText(path);
        foreach (var shown in new[] { "ecosite new park ", "--park qinghe", "ecosite serve content --base-path ", "ecosite build content", "dotnet tool install" })
            Assert.Contains(shown, text);

        Directory.CreateDirectory(_root);
        var cli = Path.Combine(AppContext.BaseDirectory, "ecosite.dll");
        var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = GuideToday.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var step in steps)
        {
            if (step.Command is { } command)
            {
                Assert.StartsWith("ecosite ", command);
                var run = ProcessRunner.Run(_root, ProcessRunner.DotnetHost, env, [cli, .. command["ecosite ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
                Assert.True(run.Exit == 0, $"{guide}:{step.Line}: {command}\n{run.Output}");
            }
            else
            {
                var target = Path.Combine(_root, step.File!.Replace('/', Path.DirectorySeparatorChar));
                Assert.True(File.Exists(target), $"{guide}:{step.Line}: the guide shows {step.File} filled in, but no command before it created it");
                File.WriteAllText(target, step.Text);
            }
        }
        var check = ProcessRunner.Run(_root, ProcessRunner.DotnetHost, env, cli, "check", "content");
        Assert.Contains("100.0 / 100", check.Stdout);
        Assert.True(File.Exists(Path.Combine(_root, "_site", "index.html")));

        var result = SiteBuilder.Check(new BuildOptions(Path.Combine(_root, "content"), "", new BuildClock(null, () => GuideToday)));
        Assert.Equal(0, result.Errors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ECO027");
        var score = Assert.Single(result.Report!.Completeness.Parks);
        Assert.All(Completeness.Categories, c => Assert.Equal(20, score.Part(c).Points, 6));
    }
}
