using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcoSite.Tests.Docs;

/// <summary>
/// The repository stands alone: no file refers to the workplace's shared folder beside it, no Markdown link leaves
/// the repository, and every relative link of README.md and docs/*.md reaches a file that exists.
/// </summary>
public sealed class RepositoryLinksTests
{
    // Built from parts so that this file does not match itself.
    private static readonly string[] OutsideReferences = ["../" + "shared", "shared/" + "spec/"];

    // Folders that hold no source: build output, VCS data, test run output. tests/fixtures holds hostile input
    // (links leaving the content folder on purpose).
    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "_site", "TestResults", "node_modules", ".vs", ".idea"];

    private static readonly string[] TextExtensions =
        [".md", ".cs", ".csproj", ".props", ".targets", ".sln", ".yaml", ".yml", ".json", ".sbnhtml", ".html", ".css", ".js", ".sh", ".xml", ".txt", ".svg", ".resx", ".py"];

    // The benchmark scripts (bench/*.sh) run the workplace's benchmark harness (compare.sh, make-sites.py), which is
    // not part of EcoSite and not shipped with it; they name its folder to run it, which is not a link a reader follows.
    private static bool IsHarnessScript(string rel) =>
        rel.StartsWith("bench/", StringComparison.Ordinal) && !rel[6..].Contains('/') && rel.EndsWith(".sh", StringComparison.Ordinal);

    private static string Root => TestSite.RepoRoot();

    private static IEnumerable<string> RepositoryFiles()
    {
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                var rel = Rel(sub);
                if (SkippedFolders.Contains(name) || rel == "tests/fixtures") continue;
                pending.Push(sub);
            }
            foreach (var file in Directory.EnumerateFiles(dir))
                if (TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) yield return file;
        }
    }

    private static string Rel(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>The URLs of every link and image of a Markdown text; code spans and code blocks hold none.</summary>
    private static IEnumerable<string> MarkdownLinks(string text)
    {
        var doc = Markdown.Parse(text, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        foreach (var link in doc.Descendants<LinkInline>())
            if (!string.IsNullOrEmpty(link.Url)) yield return link.Url;
    }

    private static bool IsWebLink(string url) =>
        url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('#');

    /// <summary>The file a relative link of <paramref name="fromFile"/> names, without its #fragment or ?query.</summary>
    private static string Target(string fromFile, string url)
    {
        var path = Uri.UnescapeDataString(url.Split('#', '?')[0]);
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, path));
    }

    private static bool IsInside(string fullPath) =>
        fullPath.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [Fact]
    public void No_file_refers_to_the_shared_folder_outside_the_repository()
    {
        var files = RepositoryFiles().ToList();
        Assert.Contains(files, f => Rel(f) == "README.md");
        var offenders =
            from f in files
            let rel = Rel(f)
            where !IsHarnessScript(rel)
            from line in File.ReadLines(f).Select((text, i) => (Text: text, Number: i + 1))
            where OutsideReferences.Any(r => line.Text.Contains(r, StringComparison.Ordinal))
            select $"{rel}:{line.Number}: {line.Text.Trim()}";
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_markdown_link_leaves_the_repository()
    {
        var offenders = new List<string>();
        foreach (var file in RepositoryFiles().Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            foreach (var url in MarkdownLinks(File.ReadAllText(file)).Where(u => !IsWebLink(u)))
            {
                var absolute = url.StartsWith('/') || url.StartsWith('\\') || url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(url);
                if (absolute || !IsInside(Target(file, url))) offenders.Add($"{Rel(file)}: ({url})");
            }
        Assert.Empty(offenders);
    }

    public static TheoryData<string> DocumentationFiles()
    {
        var data = new TheoryData<string> { "README.md", ".ci/templates/README.md" };
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal)) data.Add(Rel(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentationFiles))]
    public void Every_relative_link_of_the_documentation_reaches_a_file(string file)
    {
        var full = Path.Combine(Root, file);
        var links = MarkdownLinks(File.ReadAllText(full)).Where(u => !IsWebLink(u)).ToList();
        var missing = links.Where(u => !File.Exists(Target(full, u))).Select(u => $"({u})").ToList();
        Assert.True(missing.Count == 0, $"{file} links to files that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_format_reference_exists_in_both_languages_and_they_link_each_other()
    {
        var zh = Path.Combine(Root, "docs", "content-format.zh.md");
        var en = Path.Combine(Root, "docs", "content-format.en.md");
        Assert.Contains("content-format.en.md", MarkdownLinks(File.ReadAllText(zh)));
        Assert.Contains("content-format.zh.md", MarkdownLinks(File.ReadAllText(en)));
        Assert.Contains("docs/content-format.zh.md", MarkdownLinks(File.ReadAllText(Path.Combine(Root, "README.md"))));
    }

    [Fact]
    public void Both_language_versions_of_the_format_reference_have_the_same_sections()
    {
        static string[] Sections(string file) =>
            [.. File.ReadLines(Path.Combine(Root, "docs", file)).Where(l => l.StartsWith("## ", StringComparison.Ordinal))
                .Select(l => l[3..].Split('.', ' ')[0]).Where(n => n.All(char.IsAsciiDigit))];

        var en = Sections("content-format.en.md");
        Assert.Equal(Enumerable.Range(1, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), en);
        Assert.Equal(en, Sections("content-format.zh.md"));
    }
}
