using System.Xml.Linq;

namespace EcoSite.Tests.Packaging;

/// <summary>
/// The platforms a release packs natively (ToolPackageRuntimeIdentifiers in generator/EcoSite.Cli/EcoSite.Cli.csproj,
/// docs/packaging.md). `dotnet tool install` picks the listed RID nearest to its own in the RID graph, so the list
/// decides what every platform gets, including the ones it does not name.
/// </summary>
public sealed class ToolPlatformsTests
{
    private static IReadOnlyList<string> ReleaseRids()
    {
        var project = XDocument.Load(Path.Combine(TestSite.RepoRoot(), "generator", "EcoSite.Cli", "EcoSite.Cli.csproj"));
        var list = project.Descendants("ToolPackageRuntimeIdentifiers").Single().Value;
        return list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void Every_platform_without_a_native_package_gets_the_framework_dependent_fallback() =>
        Assert.Contains("any", ReleaseRids());

    [Fact]
    public void A_musl_system_never_gets_an_executable_built_for_glibc()
    {
        // linux-musl-<arch> imports linux-<arch> in the RID graph: without its own package, Alpine would be handed the
        // glibc executable, which does not start there.
        var rids = ReleaseRids();
        foreach (var glibc in rids.Where(r => r.StartsWith("linux-", StringComparison.Ordinal) && !r.StartsWith("linux-musl-", StringComparison.Ordinal)))
            Assert.Contains("linux-musl-" + glibc["linux-".Length..], rids);
    }
}
