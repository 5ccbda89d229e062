using EcoSite.Core.Content;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>site.yaml's exclude list: which content paths a pattern takes out, and which patterns are refused where written.</summary>
public sealed class ContentGlobsTests
{
    private static (IReadOnlyList<string> Patterns, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var reader = new YamlReader("site.yaml", bag, ["zh", "en"]);
        var fields = reader.Map(YamlTree.Parse(yaml, "site.yaml", bag), "site.yaml", "title", "exclude")!;
        return (ContentGlobs.Read(fields, reader), bag.ToSortedList());
    }

    [Theory]
    [InlineData("parks/*/drafts/**", "parks/demo/drafts/plan.md", true)]
    [InlineData("parks/*/drafts/**", "parks/demo/drafts/old/plan.md", true)]
    [InlineData("parks/*/drafts/**", "parks/demo/news/drafts.md", false)]
    [InlineData("parks/*/drafts/**", "parks/a/b/drafts/plan.md", false)]
    [InlineData("**/*.draft.md", "parks/demo/news/2026-11-20-x.draft.md", true)]
    [InlineData("**/*.draft.md", "x.draft.md", true)]
    [InlineData("**/*.draft.md", "parks/demo/news/2026-11-20-x.md", false)]
    [InlineData("**/*.draft.md", "parks/demo/news/x.DRAFT.md", false)]
    [InlineData("parks/demo/news/old.md", "parks/demo/news/old.md", true)]
    [InlineData("parks/demo/news/old.md", "parks/demo/news/old.md.bak", false)]
    public void A_pattern_matches_content_paths_case_sensitively_with_star_within_a_name_and_double_star_across_folders(string pattern, string path, bool matches) =>
        Assert.Equal(matches, ContentGlobs.Matcher([pattern])(path));

    [Fact]
    public void Without_patterns_nothing_is_excluded_and_with_several_any_one_excludes()
    {
        Assert.False(ContentGlobs.Matcher([])("parks/demo/drafts/plan.md"));
        var any = ContentGlobs.Matcher(["parks/*/drafts/**", "**/*.draft.md"]);
        Assert.True(any("parks/demo/drafts/plan.md"));
        Assert.True(any("parks/demo/news/x.draft.md"));
        Assert.False(any("parks/demo/news/x.md"));
    }

    [Fact]
    public void Patterns_are_trimmed_and_written_with_forward_slashes()
    {
        var (patterns, diagnostics) = Read("title: t\nexclude:\n  - \"  parks\\\\*\\\\drafts\\\\**  \"\n  - \"**/*.draft.md\"\n");
        Assert.Empty(diagnostics);
        Assert.Equal(["parks/*/drafts/**", "**/*.draft.md"], patterns);
    }

    [Fact]
    public void Without_an_exclude_field_there_are_no_patterns()
    {
        var (patterns, diagnostics) = Read("title: t\n");
        Assert.Empty(patterns);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("/etc/**")]
    [InlineData("\"\\\\\\\\server\\\\share\"")]
    [InlineData("C:/drafts/**")]
    [InlineData("../outside/**")]
    [InlineData("parks/../../x")]
    [InlineData("parks/demo/..")]
    public void A_pattern_that_could_name_nothing_inside_the_content_folder_is_an_error_at_its_line_and_left_out(string pattern)
    {
        var (patterns, diagnostics) = Read($"title: t\nexclude:\n  - parks/*/drafts/**\n  - {pattern}\n");
        Assert.Equal(["parks/*/drafts/**"], patterns);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO016", "site.yaml", 4, 5), (d.Code, d.File, d.Line, d.Column));
        Assert.EndsWith(" is not a pattern inside the content folder; write one relative to it, such as parks/*/drafts/** or **/*.draft.md.", d.Message);
    }

    [Fact]
    public void The_refusal_quotes_the_pattern_as_written()
    {
        var (_, diagnostics) = Read("title: t\nexclude:\n  - ../drafts/**\n");
        Assert.StartsWith("'../drafts/**' is not a pattern inside the content folder;", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("parks/a..b/**")]
    [InlineData("parks/..draft/**")]
    public void Two_dots_inside_a_name_are_not_a_parent_folder(string pattern)
    {
        var (patterns, diagnostics) = Read($"title: t\nexclude: [\"{pattern}\"]\n");
        Assert.Empty(diagnostics);
        Assert.Equal([pattern], patterns);
    }
}
