using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace EcoSite.Tests.Packaging;

/// <summary>
/// The installable tool (docs/packaging.md): bench/pack-tool.sh makes the package EcoSite, which only points to a
/// package per platform, this platform's Native AOT package EcoSite.&lt;rid&gt; and the framework-dependent fallback
/// EcoSite.any; <c>dotnet tool install</c> from that folder gives the native executable here and the fallback on a
/// platform that has no package of its own.
/// </summary>
[Collection("Tool feed")]
public sealed class ToolPackageTests(ToolFeed feed)
{
    [Fact]
    public void The_feed_holds_the_pointer_the_native_package_of_this_platform_and_the_fallback()
    {
        feed.InstalledCommand();
        var v = feed.Version;
        var rid = ToolFeed.Rid;
        Assert.Equal(
            new[] { $"EcoSite.{v}.nupkg", $"EcoSite.any.{v}.nupkg", $"EcoSite.{rid}.{v}.nupkg" }.Order(StringComparer.Ordinal),
            Directory.GetFiles(feed.Feed).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));

        // The package users name carries no executable, only the list of packages: this platform's and the fallback.
        using (var pointer = ZipFile.OpenRead(Path.Combine(feed.Feed, $"EcoSite.{v}.nupkg")))
        {
            Assert.Equal("DotnetTool", PackageType(pointer));
            Assert.DoesNotContain(pointer.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal) || e.Name == "ecosite");
            var listed = Settings(pointer).Descendants("RuntimeIdentifierPackage")
                .Select(p => (Rid: (string?)p.Attribute("RuntimeIdentifier"), Id: (string?)p.Attribute("Id"))).ToList();
            Assert.Equal(new (string?, string?)[] { (rid, $"EcoSite.{rid}"), ("any", "EcoSite.any") }, listed);
        }

        // The native package: one executable, no assemblies for a .NET host, and no debug symbols (twice its size).
        using (var native = ZipFile.OpenRead(Path.Combine(feed.Feed, $"EcoSite.{rid}.{v}.nupkg")))
        {
            Assert.Equal("DotnetToolRidPackage", PackageType(native));
            var command = Assert.Single(Settings(native).Descendants("Command"));
            Assert.Equal("executable", (string?)command.Attribute("Runner"));
            var files = native.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.Name).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { "DotnetToolSettings.xml", OperatingSystem.IsWindows() ? "ecosite.exe" : "ecosite" }.Order(StringComparer.Ordinal), files);
        }

        // The fallback runs on the .NET runtime, and on any .NET 10 runtime: it does not ask for the packing SDK's
        // latest patch, which a user's machine may not have.
        using var any = ZipFile.OpenRead(Path.Combine(feed.Feed, $"EcoSite.any.{v}.nupkg"));
        Assert.Equal("DotnetToolRidPackage", PackageType(any));
        Assert.Equal("dotnet", (string?)Assert.Single(Settings(any).Descendants("Command")).Attribute("Runner"));
        using var config = any.Entries.Single(e => e.Name == "ecosite.runtimeconfig.json").Open();
        var frameworks = System.Text.Json.JsonDocument.Parse(config).RootElement.GetProperty("runtimeOptions").GetProperty("frameworks");
        Assert.All(frameworks.EnumerateArray(), f => Assert.Equal("10.0.0", f.GetProperty("version").GetString()));
    }

    [Fact]
    public void The_installed_tool_is_the_native_executable_and_builds_the_sample_site()
    {
        var ecosite = feed.InstalledCommand();
        Assert.True(IsNativeExecutable(ecosite, out var why), why);

        var work = Path.Combine(feed.Work, "installed");
        Directory.CreateDirectory(work);
        var version = ProcessRunner.Run(work, ecosite, "--version");
        Assert.True(version.Exit == 0, version.Output);
        var printed = version.Stdout.Trim();
        Assert.True(printed == feed.Version || printed.StartsWith(feed.Version + "+", StringComparison.Ordinal),
            $"ecosite --version printed '{printed}', the package is {feed.Version}");

        var help = ProcessRunner.Run(work, ecosite, "--help");
        Assert.True(help.Exit == 0, help.Output);
        Assert.Contains("Usage:", help.Stdout);
        Assert.Contains("build", help.Stdout);

        // From a folder with no theme beside it: the default theme travels inside the executable.
        var output = Path.Combine(work, "_site");
        var build = ProcessRunner.Run(work, ecosite, "build", TestSite.SampleContent, "-o", output);
        Assert.True(build.Exit == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(output, "index.html")), build.Output);
        Assert.True(File.Exists(Path.Combine(output, "en", "index.html")), build.Output);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "assets"), "*.css", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(output, "schemas", "park.schema.json")));
    }

    [Fact]
    public void A_platform_without_a_native_package_gets_the_framework_dependent_fallback()
    {
        feed.InstalledCommand();
        // The .NET CLI picks the package by the RID it runs on, which DOTNET_RUNTIME_ID overrides: FreeBSD has no
        // package of its own in the feed, so `any` is the best match in the RID graph.
        var tools = Path.Combine(feed.Root, "tools-fallback");
        var install = feed.InstallInto(tools, new Dictionary<string, string> { ["DOTNET_RUNTIME_ID"] = "freebsd-x64" });
        Assert.True(install.Exit == 0, install.Output);
        var ecosite = Path.Combine(tools, OperatingSystem.IsWindows() ? "ecosite.exe" : "ecosite");
        Assert.False(IsNativeExecutable(ecosite, out _), $"{ecosite} is the native executable: the fallback was not installed");
        Assert.NotEmpty(Directory.GetFiles(tools, "ecosite.dll", SearchOption.AllDirectories));

        // It runs here, on the .NET runtime, and writes what the JIT build of the tests writes.
        var work = Path.Combine(feed.Work, "fallback");
        Directory.CreateDirectory(work);
        var jit = Path.Combine(AppContext.BaseDirectory, "ecosite.dll");
        var fromJit = ProcessRunner.Run(work, "dotnet", AotBuildTests.Reproducible, jit, "build", TestSite.SampleContent, "-o", Path.Combine(work, "jit"));
        var fromFallback = ProcessRunner.Run(work, ecosite, AotBuildTests.Reproducible, "build", TestSite.SampleContent, "-o", Path.Combine(work, "fallback"));
        Assert.True(fromJit.Exit == 0, fromJit.Output);
        Assert.True(fromFallback.Exit == 0, fromFallback.Output);
        var expected = TestSite.Snapshot(Path.Combine(work, "jit"));
        var actual = TestSite.Snapshot(Path.Combine(work, "fallback"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(AotBuildTests.Comparable(path, bytes).AsSpan().SequenceEqual(AotBuildTests.Comparable(path, actual[path])), $"{path} differs between the JIT build and the fallback");
    }

    [Fact]
    public void The_ci_script_installs_the_native_tool_from_the_feed_and_builds_the_site()
    {
        feed.InstalledCommand();
        var work = Path.Combine(feed.Work, "ci");
        Directory.CreateDirectory(work);
        var tool = Path.Combine(work, "tool");
        var output = Path.Combine(work, "_site");
        var environment = new Dictionary<string, string>
        {
            ["ECOSITE_SOURCE"] = feed.Feed, ["TOOL_DIR"] = tool, ["FAIL_UNDER"] = "0", ["SOURCE_DATE_EPOCH"] = "1764000000",
        };
        var run = ProcessRunner.Run(work, "sh", environment, Path.Combine(TestSite.RepoRoot(), ".ci", "templates", "build-site.sh"), TestSite.SampleContent, output);
        Assert.True(run.Exit == 0, run.Output);
        Assert.True(IsNativeExecutable(Path.Combine(tool, "bin", OperatingSystem.IsWindows() ? "ecosite.exe" : "ecosite"), out var why), why);
        Assert.True(File.Exists(Path.Combine(output, "index.html")), run.Output);
    }

    /// <summary>
    /// Whether a tool command is a native executable rather than a launcher that starts the .NET runtime: the file it
    /// resolves to has no assembly or runtime configuration beside it for a host to run, and does not name hostfxr,
    /// the library every .NET launcher (dotnet, an apphost) loads first. On Linux it is an ELF file.
    /// </summary>
    internal static bool IsNativeExecutable(string command, out string why)
    {
        var file = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
        var folder = Path.GetDirectoryName(file)!;
        var bytes = File.ReadAllBytes(file);
        why = $"{command} -> {file}";
        if (File.Exists(Path.Combine(folder, "ecosite.dll")) || Directory.GetFiles(folder, "*.runtimeconfig.json").Length > 0)
        {
            why += ": a .NET assembly sits beside it";
            return false;
        }
        if (Contains(bytes, Encoding.ASCII.GetBytes("hostfxr")) || Contains(bytes, Encoding.Unicode.GetBytes("hostfxr")))
        {
            why += ": it loads hostfxr, so it is a .NET launcher";
            return false;
        }
        if (OperatingSystem.IsLinux() && !bytes.AsSpan().StartsWith("\u007fELF"u8))
        {
            why += ": not an ELF executable";
            return false;
        }
        return true;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static XDocument Settings(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open();
        return XDocument.Load(stream);
    }

    private static string? PackageType(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Descendants().SingleOrDefault(e => e.Name.LocalName == "packageType")?.Attribute("name")?.Value;
    }
}
