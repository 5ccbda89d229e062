using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Urls;

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
        // A file that failed to load is missing from the site, and checks of what is missing would report it again
        // as something else ("x.en.md has no zh version" when x.md failed, a blank column, an unknown enterprise
        // when enterprises.yaml failed): no follow-on diagnostics after an error. Inspection only looks at a site
        // that loaded whole; a reference into a park whose enterprises.yaml failed is not reported.
        var loadFailed = diagnostics.HasErrors;
        diagnostics.AddRange(ReferenceChecks.Run(loaded.Site).Where(d => !(d.Code == Codes.UnknownEnterprise.Id && EnterprisesFailed(d.File, diagnostics))));
        if (!loadFailed) diagnostics.AddRange(Inspection.Run(loaded.Site));
        diagnostics.AddRange(DisclosureChecks.Run(loaded.Site));
        return diagnostics.HasErrors ? null : new CheckedSite(loaded.Site);
    }

    /// <summary>Whether the enterprises.yaml of the park <paramref name="file"/> belongs to (parks/ID/...) has an error.</summary>
    private static bool EnterprisesFailed(string file, DiagnosticBag diagnostics) =>
        Routes.ParkOf(file) is { } park && diagnostics.HasErrorsFor($"parks/{park}/enterprises.yaml");
}
