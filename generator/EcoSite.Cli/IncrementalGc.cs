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
/// Nothing else changes: same arguments, same environment, same output. Then, on every platform, an incremental
/// build runs in a no-GC region (<see cref="NoCollectionBudget"/>): a one-page build finishes before its first collection.
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
        nativeLinux && chosen is null && Incremental(options);

    /// <summary>
    /// How much an incremental build may allocate before its first collection: it runs in a no-GC region of this size.
    /// A one-page build at 10,000 pages allocates about 90 MB in all, and its one collection, in the render, found the
    /// whole loaded site (about 60 MB) still in the youngest generation and moved it out: about 20 ms of a 0.2 s build
    /// (docs/incremental.md, "An incremental build without a collection"). Within the region nothing is collected; a
    /// build that allocates more (a larger site, many changed pages) ends the region at its first collection and goes
    /// on as any build does. The region touches no memory the build does not allocate, so it raises no peak by itself.
    /// </summary>
    public const long NoCollectionBudget = 128L << 20;

    /// <summary>Whether a build is incremental: a whole-site build (not a shard) into an output folder with a build state.</summary>
    public static bool Incremental(BuildOptions options) => options.Parks is null && SiteBuilder.HasBuildState(options.OutputDir);

    /// <summary>
    /// Starts an incremental build's collector settings: the native executable on Linux starts again under
    /// <see cref="Setting"/> when it <see cref="Applies"/>; then (in the process that builds) the build runs in a no-GC
    /// region of <see cref="NoCollectionBudget"/>.
    /// </summary>
    public static void SwitchIfIncremental(BuildOptions options)
    {
        if (!Incremental(options)) return;
        StartAgain(options);
        HoldCollections();
    }

    /// <summary>Enters a no-GC region of <see cref="NoCollectionBudget"/>; false where the runtime refuses it (then the build collects as usual).</summary>
    public static bool HoldCollections()
    {
        try
        {
            return GC.TryStartNoGCRegion(NoCollectionBudget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return false; // a budget larger than the runtime allows here, or a region already entered
        }
    }

    /// <summary>Starts the build again under <see cref="Setting"/> when it <see cref="Applies"/>; returns if not, or if that failed.</summary>
    private static void StartAgain(BuildOptions options)
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
