using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli;

/// <summary>
/// How a bug in EcoSite is told to the user, wherever it is met (a command, or one of serve's rebuilds): one line naming
/// the error, escaped for the terminal like every line, then the advice, in the chosen language; no stack trace
/// unless ECOSITE_DEBUG=1 asks for one for a bug report.
/// </summary>
internal static class InternalErrorReport
{
    /// <summary>"InvalidOperationException: ...": the error itself, not the wrapper a parallel loop or reflection put around it.</summary>
    public static string Describe(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && e.InnerException is { } inner) e = inner;
        return $"{e.GetType().Name}: {e.Message}";
    }

    public static void Print(TextWriter stderr, Exception e, string lang)
    {
        stderr.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.internal-error", Describe(e))));
        stderr.WriteLine(MessageCatalog.Format(lang, "cli.bug"));
        if (Environment.GetEnvironmentVariable("ECOSITE_DEBUG") == "1") stderr.WriteLine(e);
    }
}
