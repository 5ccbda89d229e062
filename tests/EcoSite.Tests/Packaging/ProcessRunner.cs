using System.Diagnostics;

namespace EcoSite.Tests.Packaging;

internal sealed record ProcessResult(int Exit, string Stdout, string Stderr)
{
    public string Output => $"exit {Exit}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs dotnet and built executables as separate processes, for the tests of what ships.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// How long one process may run. Generous on purpose: on a busy 2-core CI runner a Native AOT publish (restore of
    /// the ILCompiler package, then a whole-program compile) has taken more than 5 minutes while the browser tests ran
    /// beside it. A hang still ends the test; a slow machine does not.
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ProcessResult Dotnet(string cwd, params string[] args) => Run(cwd, DotnetHost, args);

    public static ProcessResult Run(string cwd, string exe, params string[] args) => Run(cwd, exe, new Dictionary<string, string>(), args);

    public static ProcessResult Run(string cwd, string exe, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NO_COLOR"] = "1";
        // An apphost finds the runtime next to the dotnet that runs the tests.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT"))
            && Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath)
            psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(hostPath);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {string.Join(' ', args)} did not finish within {Limit.TotalMinutes} minutes");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
