using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Checks;

/// <summary>
/// Stage 2: a loaded site that every check passed without an error. <see cref="Check"/> is the only way to make one,
/// so the stages after it (facts, rendering, writing) cannot be reached with a site that has errors.
/// </summary>
internal sealed class CheckedSite
{
    private CheckedSite(Site site) => Site = site;

    public Site Site { get; }

    /// <summary>Runs every check of the loaded site; null when any diagnostic so far (loading included) is an error.</summary>
    public static CheckedSite? Check(LoadedSite loaded, DiagnosticBag diagnostics)
    {
        diagnostics.AddRange(ReferenceChecks.Run(loaded.Site));
        diagnostics.AddRange(Inspection.Run(loaded.Site));
        diagnostics.AddRange(DisclosureChecks.Run(loaded.Site));
        return diagnostics.HasErrors ? null : new CheckedSite(loaded.Site);
    }
}
