using System.Text.RegularExpressions;
using EcoSite.Cli;

namespace EcoSite.Tests.Cli;

/// <summary>
/// Every value printed to a terminal or a CI log is escaped: no raw line break (a new line of a CI log can be a
/// command), no ESC, BEL or C1 control (a terminal obeys them), no workflow command at the start of a line.
/// </summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("\u001b[31mred", "\\x1B[31mred")]
    [InlineData("bell\u0007", "bell\\x07")]
    [InlineData("csi\u009b2J", "csi\\x9B2J")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    [InlineData("rtl\u202Eexe.pdf", "rtl\\u202Eexe.pdf")]
    [InlineData("中文 text\twith tab", "中文 text\twith tab")]
    public void Control_characters_are_shown_not_obeyed(string value, string shown) =>
        Assert.Equal(shown, TerminalText.Line(value));

    [Theory]
    [InlineData("::error file=a::pwned")]
    [InlineData("  ::add-mask::secret")]
    [InlineData("##[error]pwned")]
    [InlineData("x ##vso[task.setvariable variable=a]b")]
    public void A_line_cannot_be_a_ci_command(string value)
    {
        var line = TerminalText.Line(value);
        Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
        Assert.False(line.TrimStart().StartsWith("##[", StringComparison.Ordinal), line);
        Assert.DoesNotContain("##vso[", line);
    }

    [Fact]
    public void Annotation_properties_and_messages_are_escaped_as_github_asks()
    {
        Assert.Equal("a%3Ab%2Cc%25d%0Ae", TerminalText.AnnotationProperty("a:b,c%d\ne"));
        Assert.Equal("a:b,c%25d%0Ae%0D", TerminalText.AnnotationMessage("a:b,c%d\ne\r"));
        Assert.DoesNotContain("\u001b", TerminalText.AnnotationMessage("\u001b[31m"));
    }

}

/// <summary>Builds under GITHUB_ACTIONS=true, with hostile names and values in the content (the process environment is set).</summary>
[Collection("Process environment")]
public sealed partial class CiLogInjectionTests
{
    [Fact]
    public async Task Hostile_content_cannot_add_a_workflow_command_or_a_terminal_escape_to_the_log()
    {
        using var site = new TestSite()
            .With("parks/demo/park.yaml", "name: {zh: 测试园区, en: Test Park}\n\"bad\\n::error file=parks/demo/park.yaml::pwned\\n##vso[task.setvariable variable=x]1\": 1\n");
        if (!OperatingSystem.IsWindows())
            site.WithBytes("parks/demo/media/a\n::warning::\u001b[2J\u0007.pdf", "%PDF-1.4\n"u8.ToArray());
        var stderr = new StringWriter();
        var previous = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            await EcoSite.Cli.EcoSiteCommand.RunAsync(["build", site.Content, "-o", site.Output, "--verbose"], new StringWriter(), stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", previous);
        }
        var text = stderr.ToString();
        Assert.Contains("ECO012", text);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r').TrimStart();
            if (trimmed.StartsWith("::", StringComparison.Ordinal))
                Assert.Matches(Annotation(), trimmed);
            Assert.DoesNotContain("##vso[", line);
        }
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
    }

    [GeneratedRegex(@"^::(error|warning) file=[^,:\r\n]*(,line=\d+,col=\d+)?,title=ECO\d{3}::[^\r\n]*$")]
    private static partial Regex Annotation();
}
