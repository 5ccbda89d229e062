using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EcoSite.Core;

namespace EcoSite.Cli;

/// <summary>
/// The collector's setting for a build into an output folder that has a build state (docs/benchmarks.md, "The
/// collector's share of a one-page build"). The executable asks the collector to conserve memory (ConserveMemory 9, the
/// project file): a cold build then keeps its peak low. An incremental build has little to render but a large loaded
/// site in the oldest generation, and at 9 the collector collects that generation every time it grows by about 5%:
/// a one-page build at 10,000 pages spent a fifth of its CPU time on it. The setting is read once, when the runtime
/// starts (changing it later has no effect), so the native executable on Linux starts itself again, in the same
/// process (execve), with <c>DOTNET_GCConserveMemory=5</c>: the oldest generation may grow by half before it is
/// collected. It also turns the background collector off (<c>DOTNET_gcConcurrent=0</c>, unless the user set it): with
/// it on, the runtime caps the youngest generation's budget at 6 MB, so the render's 100 MB of short-lived allocations
/// set off 8-9 collections, each of which marks the cards of the whole loaded site; without it the budget follows the
/// cache size and the render collects about twice (docs/benchmarks.md, "Start-up, listing, load and state files").
/// And it raises the size from which an array goes to the large object heap to 4 MiB (<c>DOTNET_GCLOHThreshold</c>,
/// hexadecimal, unless the user set it): that heap starts with a small budget, and every time its allocations exceed
/// it the collector runs a blocking full collection. The load cache's 64 parts (about 260 KB each, 17 MB at 10,000
/// pages, kept until the cache is saved) used to exceed it four times in the load, and the search layouts' buffers once
/// more in the render, each a collection of the whole loaded site (docs/benchmarks.md, "What sets off the full
/// collections"). Below 4 MiB such arrays are ordinary young allocations.
/// Nothing else changes: same arguments, same environment, same output.
/// </summary>
internal static class IncrementalGc
{
    public const string Variable = "DOTNET_GCConserveMemory";
    public const string Setting = "5";

    /// <summary>The background collector's switch, set to <see cref="ConcurrentSetting"/> unless the user chose it.</summary>
    public const string ConcurrentVariable = "DOTNET_gcConcurrent";
    public const string ConcurrentSetting = "0";

    /// <summary>The large object heap's threshold, set to <see cref="LargeObjectSetting"/> (4 MiB, hexadecimal) unless the user chose it.</summary>
    public const string LargeObjectVariable = "DOTNET_GCLOHThreshold";
    public const string LargeObjectSetting = "400000";

    /// <summary>
    /// The environment the build starts again with: <paramref name="current"/> as it is, with <see cref="Variable"/> (which
    /// <see cref="Applies"/> found unset), <see cref="ConcurrentVariable"/> and <see cref="LargeObjectVariable"/> unless each is set already.
    /// </summary>
    public static List<string> Environment(System.Collections.IDictionary current)
    {
        var environment = current.Cast<System.Collections.DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").ToList();
        environment.Add($"{Variable}={Setting}");
        if (!current.Contains(ConcurrentVariable)) environment.Add($"{ConcurrentVariable}={ConcurrentSetting}");
        if (!current.Contains(LargeObjectVariable)) environment.Add($"{LargeObjectVariable}={LargeObjectSetting}");
        return environment;
    }

    /// <summary>
    /// Whether the build should start again under <see cref="Setting"/>: the native executable on Linux, a whole-site
    /// build (a shard's build keeps no load cache), an output folder with a build state, and a setting nobody chose
    /// (a user's <see cref="Variable"/> is kept, and so is the one this class set before starting again).
    /// </summary>
    public static bool Applies(BuildOptions options, string? chosen, bool nativeLinux) =>
        nativeLinux && options.Parks is null && chosen is null && SiteBuilder.HasBuildState(options.OutputDir);

    /// <summary>Starts the build again under <see cref="Setting"/> when it <see cref="Applies"/>; returns if not, or if that failed.</summary>
    public static void SwitchIfIncremental(BuildOptions options)
    {
        // Not the JIT build, which the runtime's host starts with the assembly as the first argument (and which a project
        // with PublishAot also runs without dynamic code, so that flag alone does not tell).
        var arguments = System.Environment.GetCommandLineArgs();
        var nativeLinux = OperatingSystem.IsLinux() && !RuntimeFeature.IsDynamicCodeSupported
            && arguments.Length > 0 && !arguments[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        if (!Applies(options, System.Environment.GetEnvironmentVariable(Variable), nativeLinux) || System.Environment.ProcessPath is not { } self) return;
        var environment = Environment(System.Environment.GetEnvironmentVariables());
        var strings = new List<nint>();
        try
        {
            nint Utf8(string s)
            {
                var p = Marshal.StringToCoTaskMemUTF8(s);
                strings.Add(p);
                return p;
            }
            nint[] argv = [.. arguments.Select(Utf8), 0];
            nint[] envp = [.. environment.Select(Utf8), 0];
            Execve(Utf8(self), argv, envp); // returns only on failure: the build goes on as it is
        }
        finally
        {
            foreach (var p in strings) Marshal.FreeCoTaskMem(p);
        }
    }

    [DllImport("libc", EntryPoint = "execve")]
    private static extern int Execve(nint path, nint[] argv, nint[] envp);
}
