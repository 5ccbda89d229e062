using EcoSite.Core.Model.Identifiers;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Checks;

/// <summary>
/// Checks that need the whole park: every enterprise reference names an enterprise of enterprises.yaml, and
/// credit codes pass GB 32100-2015 and the GB 11714-1997 check of the organisation code inside them.
/// </summary>
internal static class ReferenceChecks
{
    public static IEnumerable<Diagnostic> Run(Site site)
    {
        foreach (var park in site.Parks)
        {
            var ids = park.Enterprises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var file = $"parks/{park.Id}/enterprises.yaml";
            foreach (var e in park.Enterprises)
            {
                if (e.CreditCode is not { } code) continue;
                var check = CreditCode.Check(code);
                if (check.Status == CreditCodeStatus.Malformed)
                {
                    yield return Make(Codes.MalformedCreditCode, file, e.Pos, $"the credit code of '{e.Id}' {check.Problem}; a unified social credit code has 18 characters (GB 32100-2015).");
                    continue;
                }
                // GB 32100-2015 positions 1-2, the GB 11714-1997 organisation code (9-17), then the check character (18).
                if (!check.HasKnownRegistration)
                    yield return Make(Codes.CreditCodeRegistration, file, e.Pos,
                        $"the credit code of '{e.Id}' starts with '{code[..2]}', which is not a registering authority and organisation type of GB 32100-2015 ({CreditCode.DescribeRegistrations(code[0])}); check it against the business licence.");
                if (check.ExpectedOrganisationCheckCharacter is { } org)
                    yield return Make(Codes.OrganisationCodeCheck, file, e.Pos,
                        $"the credit code of '{e.Id}' holds the organisation code '{code[8..17]}' (characters 9-17), whose last character should be '{org}' (GB 11714-1997); check it against the business licence.");
                if (check.Status == CreditCodeStatus.WrongCheckCharacter)
                    yield return Make(Codes.CreditCodeCheck, file, e.Pos,
                        $"the credit code of '{e.Id}' ends in '{code[^1]}' but its check character should be '{check.ExpectedCheckCharacter}'; check it against the business licence (some early codes legally fail this check).");
            }
            foreach (var r in References(park))
            {
                if (!ids.Contains(r.Id))
                    yield return Make(Codes.UnknownEnterprise, r.File, r.Pos,
                        $"'{r.Id}' is not an enterprise of this park; add it to parks/{park.Id}/enterprises.yaml or fix the id.{DidYouMean.Hint(r.Id, ids)}");
            }
        }
    }

    private static IEnumerable<EnterpriseRef> References(Park park)
    {
        foreach (var a in park.Cases)
            foreach (var v in a.Versions)
                if (v.Case?.Enterprise is { } e) yield return e;
        foreach (var w in park.Waste)
            foreach (var f in w.Flows)
            {
                if (f.From.Enterprise is { } a) yield return a;
                if (f.To.Enterprise is { } b) yield return b;
            }
        foreach (var l in park.Listings) yield return l.Enterprise;
        foreach (var p in park.Polluters) yield return p.Enterprise with { Pos = new SourcePos(0, 0) };
    }

    internal static Diagnostic Make(DiagnosticCode code, string file, SourcePos pos, string message) =>
        new(code.Id, code.Severity, file, pos.Line, pos.Column, message);
}
