using System.Globalization;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>site.yaml (content-format.md section 5).</summary>
internal static class SiteConfigLoader
{
    public const string FileName = "site.yaml";

    /// <summary>Languages EcoSite has interface strings for; a site lists some of them, default first.</summary>
    public static readonly string[] SupportedLanguages = ["zh", "en"];

    private static readonly string[] Fields = ["title", "description", "languages", "base_url", "as_of", "freshness", "theme", "exclude",
        "organizer", "operator", "site_code", "icp", "police_record", "federation", "license", "timezone"];

    public static SiteConfig? Load(ContentTree tree, BuildClock clock, DiagnosticBag diagnostics)
    {
        var file = tree.Find(FileName);
        if (file is null)
        {
            diagnostics.Add(Codes.MissingSiteYaml, FileName, SourcePos.File,
                $"the content folder '{tree.Root}' has no site.yaml. Run 'ecosite new site' to create one, or point to the right folder.");
            return null;
        }
        var text = SourceText.ReadNonEmpty(tree, file, diagnostics, "site.yaml is empty; it needs at least 'title' and 'languages'.");
        if (text is null) return null;
        var root = YamlTree.Parse(text, FileName, diagnostics);
        if (root is null) return null;

        // Languages first: every localized field below is checked against them.
        var languages = ReadLanguages(root, diagnostics);
        var reader = new YamlReader(FileName, diagnostics, languages);
        var f = reader.Map(root, "site.yaml", Fields);
        if (f is null) return null;

        var title = f.Localized("title", required: true) ?? LocalizedText.Of(languages[0], "EcoSite");
        var description = f.Localized("description");
        var baseUrl = f.Text("base_url");
        if (baseUrl is not null)
        {
            if (!UrlPolicy.IsWebAddress(baseUrl))
            {
                reader.Report(Codes.InvalidValue, f.PosOf("base_url"), $"'base_url' is '{baseUrl}'; write a full address such as https://www.example.gov.cn/stgy/.");
                baseUrl = null;
            }
            else if (!baseUrl.EndsWith('/')) baseUrl += "/";
        }

        var asOf = f.Date("as_of");
        var (today, source) = asOf is { } d ? (d, TodaySource.SiteYaml) : clock.Today(diagnostics);

        var freshness = new Freshness();
        if (f.Map("freshness", ["news", "notices", "cases"]) is { } fr)
        {
            freshness = new Freshness(
                Days(fr, "news", freshness.News), Days(fr, "notices", freshness.Notices), Days(fr, "cases", freshness.Cases));
        }
        return new SiteConfig(title, description, languages, baseUrl, today, source, freshness, f.Text("theme"))
        {
            ThemePos = f.PosOf("theme"),
            Exclude = ContentGlobs.Read(f, reader),
            Federation = FederationConfig.Read(f, reader),
            Organizer = f.Localized("organizer"),
            Operator = f.Localized("operator"),
            SiteCode = f.Text("site_code"),
            Icp = f.Text("icp"),
            PoliceRecord = f.Text("police_record"),
            License = OpenDataConfig.License(f, reader),
            Offset = OpenDataConfig.Offset(f, reader),
        };

        int Days(FieldSet fs, string key, int fallback)
        {
            var v = fs.Integer(key);
            if (v is null) return fallback;
            if (v > 0) return v.Value;
            reader.Report(Codes.InvalidValue, fs.PosOf(key), $"'freshness.{key}' must be a number of days above 0.");
            return fallback;
        }
    }

    private static List<string> ReadLanguages(YNode root, DiagnosticBag diagnostics)
    {
        var result = new List<string>();
        YNode? node = null;
        if (root is YMap map)
            foreach (var (k, v) in map.Entries)
                if (k.Value == "languages") node = v;
        if (node is null) return ["zh", "en"];
        if (node is not YSeq seq)
        {
            diagnostics.Add(Codes.WrongType, FileName, node.Start, "'languages' must be a list such as [zh, en]; the first is the default language.");
            return ["zh", "en"];
        }
        foreach (var item in seq.Items)
        {
            if (item is YScalar s && SupportedLanguages.Contains(s.Value))
            {
                if (result.Contains(s.Value))
                    diagnostics.Add(Codes.DuplicateId, FileName, s.Start, $"'{s.Value}' is listed twice in 'languages'.");
                else result.Add(s.Value);
            }
            else
            {
                var v = item is YScalar sc ? sc.Value : "?";
                diagnostics.Add(Codes.UnknownLanguage, FileName, item.Start,
                    $"'{v}' is not a language EcoSite supports; use {string.Join(" and ", SupportedLanguages)}.{DidYouMean.Hint(v, SupportedLanguages)}");
            }
        }
        return result.Count > 0 ? result : ["zh", "en"];
    }
}

/// <summary>
/// Where "today" comes from when site.yaml has no as_of: SOURCE_DATE_EPOCH (reproducible builds), else the clock.
/// Tests pass their own values instead of touching the process environment.
/// </summary>
public sealed record BuildClock(string? SourceDateEpoch, Func<DateTimeOffset> Now)
{
    public static BuildClock FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), () => DateTimeOffset.UtcNow);

    public (DateOnly, TodaySource) Today(DiagnosticBag diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(SourceDateEpoch))
        {
            // Dates are printed as YYYY-MM-DD: the last second of the year 9999 is the latest "today" there is.
            if (long.TryParse(SourceDateEpoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
                return (DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime), TodaySource.SourceDateEpoch);
            diagnostics.Add(Codes.InvalidValue, "", SourcePos.File,
                $"SOURCE_DATE_EPOCH is '{SourceDateEpoch}', not a number of seconds since 1970-01-01 (UTC) up to the end of the year 9999; " +
                "set it to one (git log -1 --format=%ct), or unset it to use the clock.");
        }
        return (DateOnly.FromDateTime(Now().UtcDateTime), TodaySource.Clock);
    }
}
