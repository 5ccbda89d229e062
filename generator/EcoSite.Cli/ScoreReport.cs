using System.Globalization;
using EcoSite.Core;
using EcoSite.Core.Diagnostics.Messages;
using EcoSite.Core.Facts;

namespace EcoSite.Cli;

/// <summary>The completeness scores for people (the text report of 'check') and the --fail-under gate for CI.</summary>
internal static class ScoreReport
{
    /// <summary>Each park, best first: its score, its five parts and a line per reason, in <paramref name="lang"/>.</summary>
    public static void Print(SiteReport report, TextWriter stdout, string lang)
    {
        var scores = report.Completeness;
        if (scores.Parks.Count == 0) return;
        stdout.WriteLine(MessageCatalog.Format(lang, "cli.score.heading"));
        foreach (var s in scores.Ranked)
        {
            var parts = string.Join(" · ", s.Parts.Select(p => $"{p.Key} {N(p.Points)}"));
            stdout.WriteLine($"  {s.ParkId}: {N(s.Total)} / 100 ({parts})");
            foreach (var r in s.Reasons) stdout.WriteLine(TerminalText.Line($"    - {r.Text(lang)}"));
        }
        if (scores.Average is { } avg && scores.Parks.Count > 1)
            stdout.WriteLine(MessageCatalog.Format(lang, "cli.score.average", N(avg), N(Completeness.NationalAverage2020)));
    }

    /// <summary>The parks scoring below <paramref name="threshold"/> (compared as shown, to one decimal), each on stderr.</summary>
    public static bool FailsUnder(SiteReport? report, double? threshold, TextWriter stderr, string lang)
    {
        if (threshold is not { } min || report is null) return false;
        var failed = false;
        foreach (var s in report.Completeness.Parks.Where(s => Completeness.Round(s.Total) < min))
        {
            stderr.WriteLine(MessageCatalog.Format(lang, "cli.score.below", s.ParkId, N(s.Total), min.ToString(CultureInfo.InvariantCulture)));
            failed = true;
        }
        return failed;
    }

    private static string N(double v) => Completeness.Round(v).ToString("0.0", CultureInfo.InvariantCulture);
}
