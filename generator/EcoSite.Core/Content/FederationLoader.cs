using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Core.Content;

/// <summary>
/// Reads the neighbours of site.yaml <c>federation</c>: for each, <c>data/platform.json</c> and <c>data/listings.json</c>
/// of its published export (docs/open-data.md), from a local folder that CI filled beforehand; the build never goes on
/// the network. The files come from another organisation, so they are hostile input: bounded in size, depth and count,
/// read only at these two fixed names as regular files, every field checked as this site's own content is, and the
/// whole export checked against the published schema of its version. Anything wrong is a warning (ECO5xx) at the file
/// and JSON pointer: the neighbour's listings are left out and the site still builds from its own content.
/// </summary>
internal static partial class FederationLoader
{
    /// <summary>Larger than any real export (the sample's listings.json is a few kB); bounds memory and time.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    public const int MaxListings = 20_000;

    public const int MaxParks = 1_000;

    /// <summary>Longer than any material name or unit; bounds what a page prints per foreign field.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Exports as deep as ours are 4 levels; a little room, far below System.Text.Json's default of 64.</summary>
    private const int MaxDepth = 8;

    /// <summary>
    /// The newest export format version this reader accepts: the version this EcoSite publishes, so that two platforms
    /// on the same EcoSite read each other's exports. Every version so far only adds or reshapes fields this reader
    /// does not read (listing fields are read by name); a change to one it reads must change the reader with it.
    /// </summary>
    public const int NewestVersion = Render.OpenData.SchemaVersion;

    public const string PlatformFile = "data/platform.json";
    public const string ListingsFile = "data/listings.json";

    private static readonly string[] Kinds = ["supply", "demand"];
    private static readonly string[] Categories = ["waste", "by-product", "raw-material", "product", "disposal-service"];
    private static readonly string[] Frequencies = ["once", "monthly", "yearly", "continuous"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    public static FederatedExports Load(SiteConfig config, string contentDir, DiagnosticBag diagnostics)
    {
        if (config.Federation.Count == 0) return FederatedExports.None;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var platforms = new List<ForeignPlatform>();
        foreach (var entry in config.Federation)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(entry.Id + "\0"));
            if (new PlatformReader(entry, config, contentDir, diagnostics, hash).Read() is { } p) platforms.Add(p);
        }
        return new FederatedExports(platforms, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private sealed class PlatformReader(FederationEntry entry, SiteConfig config, string contentDir, DiagnosticBag diagnostics, IncrementalHash hash)
    {
        private readonly string _dir = Path.GetFullPath(Path.Combine(contentDir, entry.DataDir));

        public ForeignPlatform? Read()
        {
            if (!Directory.Exists(_dir))
            {
                diagnostics.Add(Codes.ForeignExportMissing, SiteConfigLoader.FileName, entry.DataPos,
                    $"the folder '{entry.DataDir}' of the platform '{entry.Id}' does not exist; fetch that platform's data/ folder into it before the build (see the admin guide). Its listings are left out.");
                return null;
            }
            using var platformDoc = Parse(PlatformFile);
            using var listingsDoc = Parse(ListingsFile);
            if (platformDoc is null || listingsDoc is null) return null;

            var p = new Fields(this, PlatformFile, platformDoc.RootElement, "");
            if (!Version(p) || !Version(new Fields(this, ListingsFile, listingsDoc.RootElement, ""))) return null;
            var languages = p.Languages();
            var asOf = p.Date("as_of", required: true);
            p.Address("base_url");
            var parks = Parks(p, languages);
            if (languages is null || asOf is null || parks is null || p.Failed) return null;

            // Stale: the neighbour has not published (or CI has not fetched) within the window of 动态 columns
            // (freshness.news, 14 days by default: the 2019 inspection rule). Its listings still count: each is judged
            // by its own dates on this site's today, so an expired one never matches.
            var days = config.Today.DayNumber - asOf.Value.DayNumber;
            if (days > config.Freshness.News)
                diagnostics.Add(Codes.ForeignExportStale, Rel(PlatformFile), SourcePos.File,
                    $"the export of the platform '{entry.Id}' is as of {Iso(asOf.Value)}, {days} days before today ({Iso(config.Today)}), more than freshness.news ({config.Freshness.News} days); fetch it again before the build. Its active listings are still matched.");

            var listings = Listings(new Fields(this, ListingsFile, listingsDoc.RootElement, ""), languages);
            return listings is null ? null : new ForeignPlatform(entry, languages, asOf.Value, parks, listings);
        }

        /// <summary>schema_version: 1 up to the version this EcoSite publishes (their listings differ only in fields not read here).</summary>
        private bool Version(Fields f)
        {
            if (f.Integer("schema_version", required: true) is not { } v) return false;
            if (v > NewestVersion)
            {
                diagnostics.Add(Codes.ForeignExportNewer, Rel(f.File), SourcePos.File,
                    $"the export of the platform '{entry.Id}' has format version {v}; this EcoSite reads versions 1 to {NewestVersion}. Update EcoSite to match it. Its listings are left out.");
                return false;
            }
            if (v >= 1) return true;
            f.Malformed("schema_version", $"is {v}; versions start at 1");
            return false;
        }

        private Dictionary<string, LocalizedText>? Parks(Fields p, IReadOnlyList<string>? languages)
        {
            if (languages is null || p.Array("parks", MaxParks) is not { } items) return null;
            var parks = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
            foreach (var park in items)
            {
                var id = park.Id("id");
                var name = park.Localized("name", languages);
                if (id is null || name is null) return null;
                if (!parks.TryAdd(id, name)) { park.Malformed("id", $"'{id}' is listed twice"); return null; }
            }
            return parks;
        }

        private List<Listing>? Listings(Fields root, IReadOnlyList<string> languages)
        {
            if (root.Array("listings", MaxListings) is not { } items) return null;
            var result = new List<Listing>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in items)
            {
                // A listing that breaks a rule is skipped on its own (ECO505): one bad row does not hide the others.
                f.SkipOnly = true;
                var l = Listing(f, languages);
                if (l is not null && !seen.Add(l.SiteId))
                {
                    f.Malformed("id", $"'{l.SiteId}' is listed twice");
                    l = null;
                }
                if (l is not null) result.Add(l);
            }
            ReportMoreSkipped(root.File);
            return result;
        }

        private Listing? Listing(Fields f, IReadOnlyList<string> languages)
        {
            var siteId = f.Text("id", required: true);
            var parkId = f.Id("park_id");
            var kind = f.OneOf("kind", Kinds, required: true);
            var category = f.OneOf("category", Categories, required: true);
            var enterprise = f.Id("enterprise");
            var material = f.Localized("material", languages, prefix: true);
            var code = f.Text("code");
            var quantity = f.Number("quantity");
            var unit = f.Text("unit");
            var frequency = f.OneOf("frequency", Frequencies);
            var posted = f.Date("posted", required: true);
            var validUntil = f.Date("valid_until");
            if (f.Failed || siteId is null || parkId is null || kind is null || category is null || enterprise is null || material is null || posted is null) return null;

            // id is <park-id>/<listing-id> (docs/open-data.md): both parts become a path of the neighbour's site.
            var slash = siteId.IndexOf('/');
            var listingId = slash < 0 ? "" : siteId[(slash + 1)..];
            if (slash < 0 || siteId[..slash] != parkId || !Identifier().IsMatch(listingId) || listingId == "index")
            {
                f.Malformed("id", $"'{siteId}' is not <park_id>/<listing-id> with identifiers of a-z, 0-9 and '-'");
                return null;
            }
            int? hazardousClass = null;
            if (code is not null)
            {
                var c = WasteCode.Classify(code);
                if (c.Canonical is null)
                {
                    f.Malformed("code", $"'{code}' {c.Problem}");
                    return null;
                }
                (code, hazardousClass) = (c.Canonical, c.HazardousClass);
            }
            if (validUntil < posted)
            {
                f.Malformed("valid_until", "is before 'posted'");
                return null;
            }
            return new Listing(parkId, listingId, kind == "supply" ? ListingKind.Supply : ListingKind.Demand, category,
                new EnterpriseRef(enterprise, Rel(ListingsFile), SourcePos.File), material, code, hazardousClass, quantity, unit, frequency,
                posted.Value, validUntil, null, null, null, Rel(ListingsFile));
        }

        /// <summary>One of the two files, parsed; null (reported) when it is missing, not a regular file, too large or not JSON.</summary>
        private JsonDocument? Parse(string name)
        {
            var path = Path.Combine(_dir, name);
            // The file type comes from FileProbe, as for this site's own content (docs/security.md section 2): a named
            // pipe would hang the build and a device never ends, so nothing but a regular file is ever opened. Only the
            // two fixed names are read, and only as regular files in a plain data/ folder: a link (to the file or to
            // the folder) could point anywhere on the build machine.
            var kind = FileProbe.Kind(path);
            if (kind == FileKind.Missing)
            {
                hash.AppendData("(missing)\0"u8);
                diagnostics.Add(Codes.ForeignExportMissing, Rel(name), SourcePos.File,
                    $"the platform '{entry.Id}' has no {name} in '{entry.DataDir}'; fetch its whole data/ folder (the folder named in site.yaml holds data/). Its listings are left out.");
                return null;
            }
            var folderKind = FileProbe.Kind(Path.GetDirectoryName(path)!);
            if (kind != FileKind.Regular || folderKind != FileKind.Directory)
            {
                hash.AppendData("(refused)\0"u8);
                if (kind != FileKind.Regular)
                    diagnostics.Add(Codes.ForeignExportMalformed, Rel(name), SourcePos.File,
                        $"{name} of the platform '{entry.Id}' is {FileProbe.Describe(kind)}; only regular files in a plain folder are read. Its listings are left out.");
                else
                    diagnostics.Add(Codes.ForeignExportMalformed, Rel(name), SourcePos.File,
                        $"{name} of the platform '{entry.Id}' is in a data/ folder that is {FileProbe.Describe(folderKind)}; only regular files in a plain folder are read. Its listings are left out.");
                return null;
            }
            byte[] bytes;
            try
            {
                // OpenRegular checks the type again: a file replaced by a pipe since the probe is refused, not waited on.
                using var stream = FileProbe.OpenRegular(path);
                if (stream.Length > MaxFileBytes)
                {
                    hash.AppendData("(too large)\0"u8);
                    diagnostics.Add(Codes.ForeignExportMalformed, Rel(name), SourcePos.File,
                        $"{name} of the platform '{entry.Id}' is {stream.Length / (1024 * 1024)} MiB; at most {MaxFileBytes / (1024 * 1024)} MiB are read. Its listings are left out.");
                    return null;
                }
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash.AppendData("(unreadable)\0"u8);
                diagnostics.Add(Codes.ForeignExportMissing, Rel(name), SourcePos.File, $"{name} of the platform '{entry.Id}' cannot be read ({LibraryText.FileSystemError(e)}). Its listings are left out.");
                return null;
            }
            hash.AppendData(bytes);
            hash.AppendData([0]);
            try
            {
                // Invalid UTF-8, comments, trailing commas and nesting beyond MaxDepth are all refused by the parser.
                return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
            }
            catch (JsonException e)
            {
                diagnostics.Add(Codes.ForeignExportMalformed, Rel(name), new SourcePos((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                    $"{name} of the platform '{entry.Id}' is not valid JSON ({FirstSentence(e.Message)}). Its listings are left out.");
                return null;
            }
        }

        /// <summary>The file's path as diagnostics print it: relative to the content folder, '/'-separated.</summary>
        public string Rel(string name) => Path.GetRelativePath(contentDir, Path.Combine(_dir, name)).Replace('\\', '/');

        public void Report(DiagnosticCode code, string file, string message) => diagnostics.Add(code, Rel(file), SourcePos.File, message);

        /// <summary>The first few skipped listings are reported one by one; an export of thousands of bad rows gets one line more.</summary>
        private const int SkippedReported = 10;

        private int _skipped;

        public void Skipped(string file, string message)
        {
            if (++_skipped <= SkippedReported) Report(Codes.ForeignListingSkipped, file, message);
        }

        private void ReportMoreSkipped(string file)
        {
            if (_skipped > SkippedReported)
                Report(Codes.ForeignListingSkipped, file, $"{_skipped - SkippedReported} more listings of the platform '{entry.Id}' are skipped, {_skipped} in all; ask that platform to check its export.");
        }

        public string Id => entry.Id;

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
    }

    /// <summary>
    /// The fields of one JSON object of a neighbour's file, read by name with the checks this site's content gets.
    /// A problem is reported with the file and the JSON pointer of the value; <see cref="Failed"/> then leaves the
    /// object (or, unless <see cref="SkipOnly"/>, the whole export) out.
    /// </summary>
    private sealed class Fields(PlatformReader reader, string file, JsonElement element, string pointer)
    {
        public string File => file;

        public bool Failed { get; private set; }

        /// <summary>True for one listing among many: a problem skips it (ECO505) instead of the whole export (ECO502).</summary>
        public bool SkipOnly { get; set; }

        public void Malformed(string field, string problem)
        {
            if (Failed) return;
            Failed = true;
            var at = pointer + "/" + field;
            if (SkipOnly)
                reader.Skipped(file, $"the listing at {pointer} of the platform '{reader.Id}' is skipped: '{field}' {problem}.");
            else
                reader.Report(Codes.ForeignExportMalformed, file, $"{file} of the platform '{reader.Id}' does not follow its published schema: {at} {problem}. Its listings are left out.");
        }

        private JsonElement? Get(string field, bool required)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                if (!Failed) Malformed("", $"must be an object, not {element.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }
            if (element.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null) return v;
            if (required) Malformed(field, "is missing");
            return null;
        }

        public string? Text(string field, bool required = false)
        {
            if (Get(field, required) is not { } v) return null;
            if (v.ValueKind != JsonValueKind.String) { Malformed(field, "must be a string"); return null; }
            string s;
            try { s = v.GetString()!; }
            catch (InvalidOperationException) { Malformed(field, "holds an invalid escape (half of a character)"); return null; }
            if (ForeignText.Problem(s) is { } problem) { Malformed(field, problem); return null; }
            s = s.Trim();
            if (s.Length == 0 && required) { Malformed(field, "is empty"); return null; }
            return s.Length == 0 ? null : s;
        }

        public string? Id(string field)
        {
            var s = Text(field, required: true);
            if (s is null || Identifier().IsMatch(s)) return s;
            Malformed(field, $"'{s}' is not an identifier (a-z, 0-9 and '-')");
            return null;
        }

        public string? OneOf(string field, string[] allowed, bool required = false)
        {
            var s = Text(field, required);
            if (s is null || allowed.Contains(s)) return s;
            Malformed(field, $"'{s}' is none of {string.Join(", ", allowed)}");
            return null;
        }

        public int? Integer(string field, bool required = false)
        {
            if (Get(field, required) is not { } v) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
            Malformed(field, "must be a whole number");
            return null;
        }

        public double? Number(string field)
        {
            if (Get(field, false) is not { } v) return null;
            // The bound of this site's own numbers (YamlReader.Number): exact in IEEE 754 doubles, so no sum or chart overflows.
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) <= Yaml.YamlReader.MaxMagnitude) return d;
            Malformed(field, "must be a number of at most 10^15");
            return null;
        }

        /// <summary>
        /// A URL field (platform.json base_url, null when the neighbour has none) through the one URL policy: only an http
        /// or https address. No link is built from it (links use site.yaml's url), but a neighbour's export that carries
        /// a script URL is not one to trust, so it is refused like any other field that breaks its schema.
        /// </summary>
        public void Address(string field)
        {
            if (Text(field) is { } s && !UrlPolicy.IsWebAddress(s)) Malformed(field, $"'{s}' is not an http or https address");
        }

        public DateOnly? Date(string field, bool required = false)
        {
            var s = Text(field, required);
            if (s is null) return null;
            if (IsoDate().IsMatch(s) && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Malformed(field, $"'{s}' is not a date YYYY-MM-DD");
            return null;
        }

        /// <summary>The languages of the export: languages this EcoSite knows, as site.yaml allows them.</summary>
        public IReadOnlyList<string>? Languages()
        {
            if (Get("languages", true) is not { } v) return null;
            var result = new List<string>();
            if (v.ValueKind == JsonValueKind.Array)
                foreach (var item in v.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && SiteConfigLoader.SupportedLanguages.Contains(item.GetString()) && !result.Contains(item.GetString()!))
                        result.Add(item.GetString()!);
                    else { Malformed("languages", $"must list languages among {string.Join(", ", SiteConfigLoader.SupportedLanguages)}, each once"); return null; }
                }
            if (result.Count > 0) return result;
            Malformed("languages", "must be a list of at least one language");
            return null;
        }

        /// <summary>
        /// A text per language: an object {"zh": ..., "en": ...} (platform.json), or with <paramref name="prefix"/> the
        /// columns <c>&lt;field&gt;_&lt;lang&gt;</c> of the open data; at least the default language.
        /// </summary>
        public LocalizedText? Localized(string field, IReadOnlyList<string> languages, bool prefix = false)
        {
            var values = new List<KeyValuePair<string, string>>();
            if (prefix)
            {
                foreach (var lang in languages)
                    if (Text(field + "_" + lang, required: lang == languages[0]) is { } t) values.Add(new(lang, t));
            }
            else if (Get(field, true) is { } v)
            {
                if (v.ValueKind != JsonValueKind.Object) { Malformed(field, "must be an object of texts per language"); return null; }
                var texts = new Fields(reader, file, v, pointer + "/" + field) { SkipOnly = SkipOnly };
                foreach (var lang in languages)
                    if (texts.Text(lang, required: lang == languages[0]) is { } t) values.Add(new(lang, t));
                if (texts.Failed) Failed = true;
            }
            return Failed || values.Count == 0 ? null : new LocalizedText(values);
        }

        public IReadOnlyList<Fields>? Array(string field, int max)
        {
            if (Get(field, true) is not { } v) return null;
            if (v.ValueKind != JsonValueKind.Array) { Malformed(field, "must be an array"); return null; }
            var length = v.GetArrayLength();
            if (length > max) { Malformed(field, $"has {length} entries; at most {max} are read"); return null; }
            return v.EnumerateArray().Select((e, i) => new Fields(reader, file, e, $"{pointer}/{field}/{i}")).ToList();
        }
    }
}

/// <summary>
/// The rule for every text of a neighbour's export, the same as for this site's own text: no character that
/// <see cref="ControlCharacters"/> refuses (control characters, U+FFFE/U+FFFF, lone surrogates), no tab or line break
/// (every field read is one line), and a bounded length. Templates escape what they print, so text can never become
/// markup.
/// </summary>
internal static class ForeignText
{
    public static string? Problem(string s)
    {
        if (s.Length > FederationLoader.MaxTextLength) return $"is {s.Length} characters long; at most {FederationLoader.MaxTextLength} are read";
        if (ControlCharacters.IndexOf(s) is var i and >= 0) return $"holds the invisible character {ControlCharacters.Describe(s, i)}";
        if (s.AsSpan().IndexOfAny('\t', '\n') is var j and >= 0) return $"holds a {(s[j] == '\t' ? "tab" : "line break")}; every field is one line";
        return null;
    }
}
