using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EcoSite.Core.Content;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Scaffold;

/// <summary>The kinds of file <c>ecosite new</c> writes.</summary>
internal enum ScaffoldKind
{
    Site,
    Park,
    Enterprises,
    News,
    Case,
    Listing,
    Polluter,
    Indicators,
    Waste,
    Page,
}

public enum ScaffoldStatus
{
    /// <summary>Every planned file was written.</summary>
    Written,

    /// <summary>An id, slug or year breaks its rule; nothing was written.</summary>
    InvalidName,

    /// <summary>A file to be written exists already; nothing was written.</summary>
    Exists,

    /// <summary>Something the new file refers to (the park, an enterprise) is missing or could not be updated.</summary>
    Missing,

    /// <summary>The file system refused: a folder to create is a file, no permission, a read-only or full disk.</summary>
    Unwritable,
}

/// <param name="Created">Files written, relative to the content folder with '/' separators.</param>
/// <param name="Updated">Existing files that were extended (an enterprise added to enterprises.yaml).</param>
public sealed record ScaffoldResult(ScaffoldStatus Status, string Message, IReadOnlyList<string> Created, IReadOnlyList<string> Updated)
{
    public bool Ok => Status == ScaffoldStatus.Written;

    internal static ScaffoldResult Fail(ScaffoldStatus status, string message) => new(status, message, [], []);
}

/// <summary>
/// Writes commented starting files that load without errors (content-format.md). It never overwrites a file: when
/// any planned file exists, nothing is written. Dates come from "today" of the build clock (SOURCE_DATE_EPOCH or the
/// clock), so scaffolded items are dated and fresh.
/// </summary>
public sealed partial class Scaffolder(string contentDir, DateOnly today)
{
    // Section 1: a park id becomes a folder and a web address.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex ParkIdPattern();

    // Section 4: enterprise ids and file slugs.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^enterprises:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex EmptyEnterpriseList();

    [GeneratedRegex(@"^([ \t]*)- ", RegexOptions.Multiline)]
    private static partial Regex ListItem();

    public const string ParkIdRule = "2-63 characters of a-z, 0-9 and '-', starting with a letter or digit (^[a-z0-9][a-z0-9-]{1,62}$)";
    public const string IdRule = "a-z, 0-9 and '-', starting with a letter or digit (^[a-z0-9][a-z0-9-]*$)";

    private static readonly UTF8Encoding Utf8 = new(false);

    public string ContentDir { get; } = contentDir;

    public DateOnly Today { get; } = today;

    /// <summary>
    /// A new content folder: site.yaml, and a first park only when <paramref name="parkId"/> is given (a park nobody
    /// named would publish its placeholder name on the home page). The editor settings beside the folder are
    /// written when there are none (<see cref="EditorSettings"/>).
    /// </summary>
    public ScaffoldResult Site(string? parkId = null)
    {
        if (parkId is not null && CheckParkId(parkId) is { } bad) return bad;
        var t = new ScaffoldTemplates(["zh", "en"], Today);
        var result = parkId is null
            ? WriteAll(("site.yaml", t.Site()))
            : WriteAll(
                ("site.yaml", t.Site()),
                ($"parks/{parkId}/park.yaml", t.Park(parkId)),
                ($"parks/{parkId}/enterprises.yaml", t.Enterprises()));
        if (!result.Ok) return result;
        Directory.CreateDirectory(Full("parks"));
        return EditorSettings.Write(ContentDir) is { } settings ? result with { Created = [.. result.Created, settings] } : result;
    }

    public ScaffoldResult Park(string parkId)
    {
        if (CheckParkId(parkId) is { } bad) return bad;
        if (!File.Exists(Full("site.yaml"))) return ScaffoldResult.Fail(ScaffoldStatus.Missing, NoSiteHere());
        var t = Templates();
        return WriteAll(
            ($"parks/{parkId}/park.yaml", t.Park(parkId)),
            ($"parks/{parkId}/enterprises.yaml", t.Enterprises()));
    }

    /// <summary>A news item in every language of the site: SLUG.md, SLUG.en.md; a slug starting with a date (2026-03-02-...) is dated that day.</summary>
    public ScaffoldResult News(string parkId, string slug) => Article(parkId, slug, "news", (t, lang) => t.News(parkId, slug, lang));

    public ScaffoldResult Case(string parkId, string slug) => Article(parkId, slug, "cases", (t, lang) => t.Case(parkId, slug, lang));

    /// <summary>A free page (about, contact...) in every language of the site: pages/SLUG.md, SLUG.en.md.</summary>
    public ScaffoldResult Page(string parkId, string slug) => Article(parkId, slug, "pages", (t, lang) => t.Page(parkId, slug, lang));

    /// <summary>waste/YEAR.yaml: the year's flows, empty, with a commented example to copy.</summary>
    public ScaffoldResult Waste(string parkId, string year)
    {
        if ((CheckParkId(parkId) ?? CheckYear(year)) is { } bad) return bad;
        if (CheckPark(parkId) is { } missing) return missing;
        var rel = $"parks/{parkId}/waste/{year}.yaml";
        return WriteAll((rel, Templates().Waste(rel, int.Parse(year, CultureInfo.InvariantCulture), EnterpriseIds(parkId))));
    }

    /// <summary>An exchange listing; <paramref name="enterprise"/> defaults to the park's first enterprise and is added to enterprises.yaml when new.</summary>
    public ScaffoldResult Listing(string parkId, string id, string? enterprise = null)
    {
        if ((CheckParkId(parkId) ?? CheckId(id, "listing id") ?? (enterprise is null ? null : CheckId(enterprise, "enterprise id"))) is { } bad) return bad;
        if (CheckPark(parkId) is { } missing) return missing;
        if (enterprise is null)
        {
            enterprise = EnterpriseIds(parkId).FirstOrDefault();
            if (enterprise is null)
                return ScaffoldResult.Fail(ScaffoldStatus.Missing,
                    $"parks/{parkId}/enterprises.yaml lists no enterprise yet, and a listing names the enterprise that offers or seeks the material. Give it, e.g. 'ecosite new listing {parkId} {id} --enterprise {parkId[..Math.Min(2, parkId.Length)]}-power': it is added to enterprises.yaml.");
        }
        var rel = $"parks/{parkId}/exchange/{id}.yaml";
        return WriteWithEnterprise(parkId, enterprise, (rel, Templates().Listing(rel, enterprise)));
    }

    /// <summary>A key polluting unit's disclosure, polluters/ENTERPRISE.yaml; the enterprise is added to enterprises.yaml when new.</summary>
    public ScaffoldResult Polluter(string parkId, string enterprise)
    {
        if ((CheckParkId(parkId) ?? CheckId(enterprise, "enterprise id")) is { } bad) return bad;
        if (CheckPark(parkId) is { } missing) return missing;
        var rel = $"parks/{parkId}/polluters/{enterprise}.yaml";
        return WriteWithEnterprise(parkId, enterprise, (rel, Templates().Polluter(rel)));
    }

    /// <summary>indicators/YEAR.yaml listing every indicator of the site's catalog with an empty value and target.</summary>
    public ScaffoldResult Indicators(string parkId, string year)
    {
        if ((CheckParkId(parkId) ?? CheckYear(year)) is { } bad) return bad;
        if (CheckPark(parkId) is { } missing) return missing;
        var t = Templates();
        var bag = new DiagnosticBag();
        var catalog = CatalogLoader.Load(ContentTree.Scan(ContentDir, bag), t.Languages, bag);
        var rel = $"parks/{parkId}/indicators/{year}.yaml";
        return WriteAll((rel, t.Indicators(rel, int.Parse(year, CultureInfo.InvariantCulture), catalog)));
    }

    private ScaffoldResult Article(string parkId, string slug, string folder, Func<ScaffoldTemplates, string, string> text)
    {
        if ((CheckParkId(parkId) ?? CheckId(slug, "slug")) is { } bad) return bad;
        if (CheckPark(parkId) is { } missing) return missing;
        var t = Templates();
        var files = t.Languages.Select((lang, i) => (i == 0 ? $"parks/{parkId}/{folder}/{slug}.md" : $"parks/{parkId}/{folder}/{slug}.{lang}.md", text(t.DatedBy(slug), lang)));
        return WriteAll([.. files]);
    }

    private ScaffoldResult WriteWithEnterprise(string parkId, string enterprise, (string Rel, string Text) file)
    {
        var enterprisesRel = $"parks/{parkId}/enterprises.yaml";
        string? updated = null;
        if (!EnterpriseIds(parkId).Contains(enterprise))
        {
            var (text, error) = WithEnterprise(enterprisesRel, enterprise);
            if (error is not null) return ScaffoldResult.Fail(ScaffoldStatus.Missing, error);
            updated = text;
        }
        var result = WriteAll(file);
        if (!result.Ok || updated is null) return result;
        var path = Full(enterprisesRel);
        var existed = File.Exists(path);
        File.WriteAllText(path, updated, Utf8);
        return existed ? result with { Updated = [enterprisesRel] } : result with { Created = [.. result.Created, enterprisesRel] };
    }

    /// <summary>enterprises.yaml with one more entry, or why it cannot be added automatically.</summary>
    private (string? Text, string? Error) WithEnterprise(string rel, string id)
    {
        var path = Full(rel);
        var entry = Templates().EnterpriseEntry(id, "  ");
        if (!File.Exists(path))
            return (Templates().Enterprises().Replace("enterprises: []\n", "enterprises:\n" + entry, StringComparison.Ordinal), null);
        var old = File.ReadAllText(path, Utf8).Replace("\r\n", "\n", StringComparison.Ordinal);
        string text;
        if (EmptyEnterpriseList().Match(old) is { Success: true } empty)
            text = old[..empty.Index] + "enterprises:\n" + entry + old[(empty.Index + empty.Length)..].TrimStart('\n');
        else
        {
            var indent = ListItem().Matches(old).Select(m => m.Groups[1].Value).FirstOrDefault() ?? "  ";
            text = old.TrimEnd('\n') + "\n" + Templates().EnterpriseEntry(id, indent);
        }
        var before = ReadEnterpriseIds(old, rel);
        var after = ReadEnterpriseIds(text, rel);
        if (after is null || before is null || !after.Contains(id) || after.Count != before.Count + 1)
            return (null, $"'{id}' is not in {rel}, and it could not be added automatically; add it by hand first:\n{entry}");
        return (text, null);
    }

    private List<string> EnterpriseIds(string parkId)
    {
        var rel = $"parks/{parkId}/enterprises.yaml";
        return File.Exists(Full(rel)) ? ReadEnterpriseIds(File.ReadAllText(Full(rel), Utf8), rel) ?? [] : [];
    }

    private static List<string>? ReadEnterpriseIds(string text, string rel)
    {
        var bag = new DiagnosticBag();
        var root = YamlTree.Parse(text, rel, bag);
        if (bag.HasErrors) return null;
        var ids = new List<string>();
        if (root is YMap map && map.Entries.FirstOrDefault(e => e.Key.Value == "enterprises").Value is YSeq seq)
            foreach (var item in seq.Items)
                if (item is YMap e && e.Entries.FirstOrDefault(x => x.Key.Value == "id").Value is YScalar s)
                    ids.Add(s.Value);
        return ids;
    }

    private ScaffoldResult WriteAll(params (string Rel, string Text)[] files)
    {
        var result = WriteFiles(files);
        // The schemas the modelines point to; refreshed with every file written, so completion works before any build.
        if (result.Ok) SchemaLinks.Install(ContentDir);
        return result;
    }

    private ScaffoldResult WriteFiles((string Rel, string Text)[] files)
    {
        var existing = files.Where(f => File.Exists(Full(f.Rel))).Select(f => f.Rel).ToList();
        if (existing.Count > 0)
            return ScaffoldResult.Fail(ScaffoldStatus.Exists,
                $"{string.Join(" and ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; 'ecosite new' never overwrites a file. Choose another name, or delete or rename the file first.");
        var created = new List<string>();
        foreach (var (rel, text) in files)
        {
            var path = Full(rel);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // CreateNew: a file that appeared since the check above is still never overwritten.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                var bytes = Utf8.GetBytes(text);
                stream.Write(bytes);
            }
            catch (IOException) when (File.Exists(path))
            {
                return new ScaffoldResult(ScaffoldStatus.Exists, $"{rel} already exists; 'ecosite new' never overwrites a file.", created, []);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var folder = rel[..rel.LastIndexOf('/')];
                var why = File.Exists(Full(folder)) ? $"'{folder}' is a file, not a folder; rename or remove it" : LibraryText.FileSystemError(e);
                return new ScaffoldResult(ScaffoldStatus.Unwritable, $"cannot write {rel}: {why}.", created, []);
            }
            created.Add(rel);
        }
        return new ScaffoldResult(ScaffoldStatus.Written, "", created, []);
    }

    private ScaffoldResult? CheckYear(string year) =>
        YearPattern().IsMatch(year) && int.Parse(year, CultureInfo.InvariantCulture) is >= 1949 and <= 2200
            ? null
            : ScaffoldResult.Fail(ScaffoldStatus.InvalidName, $"'{year}' is not a year; give four digits, e.g. {Today.Year - 1}.");

    private ScaffoldResult? CheckPark(string parkId)
    {
        if (File.Exists(Full($"parks/{parkId}/park.yaml"))) return null;
        if (!File.Exists(Full("site.yaml")))
            return ScaffoldResult.Fail(ScaffoldStatus.Missing, NoSiteHere());
        var parks = Directory.Exists(Full("parks"))
            ? Directory.GetDirectories(Full("parks")).Select(Path.GetFileName).OfType<string>().Where(p => File.Exists(Full($"parks/{p}/park.yaml"))).ToList()
            : [];
        if (DidYouMean.Closest(parkId, parks) is { } close)
            return ScaffoldResult.Fail(ScaffoldStatus.Missing, $"there is no park '{parkId}' in '{ContentDir}'. Did you mean '{close}'?");
        return ScaffoldResult.Fail(ScaffoldStatus.Missing,
            $"there is no park '{parkId}' in '{ContentDir}' (no parks/{parkId}/park.yaml). Create it first with 'ecosite new park {parkId}', or pass --content DIR.");
    }

    /// <summary>No site.yaml in the content folder: the command ran inside the content folder itself, or before 'new site'.</summary>
    private string NoSiteHere() =>
        Directory.Exists(ContentDir)
            ? $"'{ContentDir}' has no site.yaml. Create the content folder first with 'ecosite new site {ContentDir}', or pass --content DIR."
            : ContentFolderAdvice.Missing(ContentDir, "add --content .");

    private static ScaffoldResult? CheckParkId(string id) =>
        ParkIdPattern().IsMatch(id) ? null : ScaffoldResult.Fail(ScaffoldStatus.InvalidName,
            $"'{id}' is not a valid park id: it becomes a folder and a web address, so use {ParkIdRule}.{Hint(id, ParkIdPattern())}");

    private static ScaffoldResult? CheckId(string id, string what) =>
        IdPattern().IsMatch(id) ? null : ScaffoldResult.Fail(ScaffoldStatus.InvalidName,
            $"'{id}' is not a valid {what}: it becomes a file name and a web address, so use {IdRule}.{Hint(id, IdPattern())}");

    private static string Hint(string id, Regex rule)
    {
        var fixedId = Regex.Replace(id.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-'), "[^a-z0-9-]", "").Trim('-');
        return fixedId.Length > 0 && fixedId != id && rule.IsMatch(fixedId) ? $" Did you mean '{fixedId}'?" : "";
    }

    private ScaffoldTemplates Templates() => new(SiteLanguages(), Today);

    /// <summary>The languages of site.yaml (the first is the default), or zh and en when there is none yet.</summary>
    private IReadOnlyList<string> SiteLanguages()
    {
        var path = Full("site.yaml");
        if (!File.Exists(path)) return ["zh", "en"];
        var root = YamlTree.Parse(File.ReadAllText(path, Utf8), "site.yaml", new DiagnosticBag());
        if (root is YMap map && map.Entries.FirstOrDefault(e => e.Key.Value == "languages").Value is YSeq seq)
        {
            var langs = seq.Items.OfType<YScalar>().Select(s => s.Value).Where(SiteConfigLoader.SupportedLanguages.Contains).Distinct().ToList();
            if (langs.Count > 0) return langs;
        }
        return ["zh", "en"];
    }

    private string Full(string rel) => Path.Combine(ContentDir, rel.Replace('/', Path.DirectorySeparatorChar));
}
