namespace EcoSite.Core.Facts;

/// <summary>
/// How a public page names what a completeness reason refers to: an ISO date ("2026-03-15") as written in the page's
/// language, an indicator id by its catalog name, a polluter file by its unit's name. The CLI keeps the raw forms,
/// which are what an editor looks for.
/// </summary>
internal sealed record ReasonWords(Func<string, string> Date, Func<string, string> Indicator, Func<string, string> Unit);
