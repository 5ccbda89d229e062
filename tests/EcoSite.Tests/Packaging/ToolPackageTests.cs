using System.Text.RegularExpressions;

namespace EcoSite.Tests.Packaging;

/// <summary>
/// The installable tool: <c>dotnet pack</c> produces EcoSite.&lt;version&gt;.nupkg, <c>dotnet tool install</c> from
/// that local folder gives a working <c>ecosite</c> command, and the installed command builds the sample site from a
/// folder that has no theme beside it (the default theme travels inside EcoSite.Core). Takes about a minute.
/// </summary>
public sealed partial class ToolPackageTests : IDisposable
{
    private static readonly string Repo = TestSite.RepoRoot();
    private readonly string root = Path.Combine(Path.GetTempPath(), "ecosite-pack-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"<Version>\s*([^<\s]+)\s*</Version>")]
    private static partial Regex VersionElement();

    /// <summary>The one place the version is written: Directory.Build.props.</summary>
    private static string Version()
    {
        var match = VersionElement().Match(File.ReadAllText(Path.Combine(Repo, "Directory.Build.props")));
        Assert.True(match.Success, "Directory.Build.props has no <Version>");
        return match.Groups[1].Value;
    }

    [Fact]
    public void Pack_install_and_run_the_ecosite_tool()
    {
        var version = Version();
        var packDir = Path.Combine(root, "pack");
        var toolDir = Path.Combine(root, "tools");
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(work);

        // Its own artifacts folder, so packing never touches the bin/ and obj/ folders of the working tree.
        var pack = ProcessRunner.Dotnet(Repo, "pack", Path.Combine(Repo, "generator", "EcoSite.Cli"), "-c", "Release", "-o", packDir,
            "--artifacts-path", Path.Combine(root, "artifacts"), "-p:ContinuousIntegrationBuild=true");
        Assert.True(pack.Exit == 0, pack.Output);
        var package = Path.Combine(packDir, $"EcoSite.{version}.nupkg");
        Assert.True(File.Exists(package), $"no {Path.GetFileName(package)} in {string.Join(", ", Directory.GetFiles(packDir).Select(Path.GetFileName))}\n{pack.Output}");

        // Only the local folder as a source: the tool package carries its dependencies, and CI may be offline.
        var config = Path.Combine(root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packDir}" />
              </packageSources>
            </configuration>
            """);
        var install = ProcessRunner.Dotnet(work, "tool", "install", "--tool-path", toolDir, "--configfile", config, "EcoSite", "--version", version);
        Assert.True(install.Exit == 0, install.Output);

        var ecosite = Path.Combine(toolDir, OperatingSystem.IsWindows() ? "ecosite.exe" : "ecosite");
        Assert.True(File.Exists(ecosite), install.Output);

        var versionRun = ProcessRunner.Run(work, ecosite, "--version");
        Assert.True(versionRun.Exit == 0, versionRun.Output);
        var printed = versionRun.Stdout.Trim();
        Assert.True(printed == version || printed.StartsWith(version + "+", StringComparison.Ordinal), $"ecosite --version printed '{printed}', the package is {version}");

        var help = ProcessRunner.Run(work, ecosite, "--help");
        Assert.True(help.Exit == 0, help.Output);
        Assert.Contains("Usage:", help.Stdout);
        Assert.Contains("build", help.Stdout);

        var output = Path.Combine(work, "_site");
        var build = ProcessRunner.Run(work, ecosite, "build", TestSite.SampleContent, "-o", output);
        Assert.True(build.Exit == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(output, "index.html")), build.Output);
        Assert.True(File.Exists(Path.Combine(output, "en", "index.html")), build.Output);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "assets"), "*.css", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(output, "schemas", "park.schema.json")));
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
