using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace EcoSite.Tests.Packaging;

/// <summary>
/// The tool packages exactly as users get them, made once per test run because the Native AOT compile takes minutes:
/// <c>bench/pack-tool.sh</c> fills a folder (the feed), and <c>dotnet tool install</c> installs EcoSite from that
/// folder alone. The tests of the collection "Tool feed" share it.
/// </summary>
public sealed partial class ToolFeed : IDisposable
{
    private static readonly string Repo = TestSite.RepoRoot();

    public ToolFeed()
    {
        Directory.CreateDirectory(Work);
        Pack = ProcessRunner.Run(Repo, "bash", Path.Combine(Repo, "bench", "pack-tool.sh"), Feed);
        Install = Pack.Exit == 0 ? InstallInto(Path.Combine(Root, "tools")) : Pack;
        Command = Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "ecosite.exe" : "ecosite");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ecosite-feed-" + Guid.NewGuid().ToString("N"));

    /// <summary>A scratch folder for the tests of the collection.</summary>
    public string Work => Path.Combine(Root, "work");

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The one place the version is written: Directory.Build.props.</summary>
    public string Version { get; } = ReadVersion();

    /// <summary>This platform, as the SDK names it (pack-tool.sh packs its native package).</summary>
    public static string Rid => RuntimeInformation.RuntimeIdentifier;

    internal ProcessResult Pack { get; }

    internal ProcessResult Install { get; }

    /// <summary>The installed <c>ecosite</c> command.</summary>
    public string Command { get; }

    /// <summary>Fails the calling test with the output of the step that failed, when packing or installing did.</summary>
    public string InstalledCommand()
    {
        Assert.True(Pack.Exit == 0, "bench/pack-tool.sh failed\n" + Pack.Output);
        Assert.True(Install.Exit == 0, "dotnet tool install failed\n" + Install.Output);
        Assert.True(File.Exists(Command), $"no {Command} after the install\n{Install.Output}");
        return Command;
    }

    /// <summary>
    /// Installs EcoSite from the feed folder alone (<c>--source</c>: no other feed is asked, so the test also holds
    /// offline), as <c>dotnet tool install --add-source FOLDER EcoSite</c> does for a user.
    /// </summary>
    internal ProcessResult InstallInto(string toolPath, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.Run(Work, ProcessRunner.DotnetHost, environment ?? new Dictionary<string, string>(),
            "tool", "install", "--tool-path", toolPath, "--source", Feed, "EcoSite", "--version", Version);

    [GeneratedRegex(@"<Version>\s*([^<\s]+)\s*</Version>")]
    private static partial Regex VersionElement();

    private static string ReadVersion()
    {
        var match = VersionElement().Match(File.ReadAllText(Path.Combine(Repo, "Directory.Build.props")));
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("Directory.Build.props has no <Version>");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition("Tool feed")]
public sealed class ToolFeedCollection : ICollectionFixture<ToolFeed>;
