namespace EcoSite.Core.Diagnostics;

/// <summary>A stable diagnostic code. Codes never change meaning; retired codes are not reused.</summary>
public sealed record DiagnosticCode(string Id, Severity Severity, string Title);

/// <summary>
/// Every diagnostic EcoSite reports. Numbering: ECO0xx files and YAML, ECO1xx references and domain checks,
/// ECO2xx inspection (government website rules), ECO3xx output folder, ECO4xx exports, ECO5xx federation, ECO6xx shards and merge. docs/diagnostics.md lists them all.
/// </summary>
internal static class Codes
{
    // Files and encodings (content-format.md section 4)
    public static readonly DiagnosticCode NotUtf8 = new("ECO001", Severity.Error, "file is not UTF-8");
    public static readonly DiagnosticCode EmptyFile = new("ECO002", Severity.Error, "file is empty");
    public static readonly DiagnosticCode FileTooLarge = new("ECO003", Severity.Error, "file is too large");
    public static readonly DiagnosticCode UnreadableFile = new("ECO004", Severity.Error, "file cannot be read");
    public static readonly DiagnosticCode MissingSiteYaml = new("ECO005", Severity.Error, "site.yaml is missing");
    public static readonly DiagnosticCode NoParks = new("ECO006", Severity.Warning, "no parks");
    public static readonly DiagnosticCode NotRegularFile = new("ECO007", Severity.Error, "not a regular file");
    public static readonly DiagnosticCode ControlCharacter = new("ECO008", Severity.Error, "control character in text");

    // YAML structure
    public static readonly DiagnosticCode YamlSyntax = new("ECO010", Severity.Error, "YAML syntax error");
    public static readonly DiagnosticCode WrongType = new("ECO011", Severity.Error, "wrong type");
    public static readonly DiagnosticCode UnknownField = new("ECO012", Severity.Warning, "unknown field");
    public static readonly DiagnosticCode MissingField = new("ECO013", Severity.Error, "required field missing");
    public static readonly DiagnosticCode YamlTooComplex = new("ECO014", Severity.Error, "YAML nesting or aliases too deep");
    public static readonly DiagnosticCode DuplicateKey = new("ECO015", Severity.Error, "duplicate key");
    public static readonly DiagnosticCode InvalidValue = new("ECO016", Severity.Error, "invalid value");
    public static readonly DiagnosticCode MissingFrontMatter = new("ECO017", Severity.Error, "front matter missing");
    public static readonly DiagnosticCode NestedTooDeep = new("ECO018", Severity.Error, "Markdown or HTML nested too deeply");

    // Values
    public static readonly DiagnosticCode InvalidDate = new("ECO020", Severity.Error, "invalid date");
    public static readonly DiagnosticCode InvalidId = new("ECO021", Severity.Error, "invalid identifier");
    public static readonly DiagnosticCode UnknownLanguage = new("ECO022", Severity.Error, "unknown language");
    public static readonly DiagnosticCode DuplicateId = new("ECO023", Severity.Error, "duplicate id or slug");
    public static readonly DiagnosticCode UnexpectedFile = new("ECO024", Severity.Warning, "unexpected file or folder");
    public static readonly DiagnosticCode MissingDefaultLanguage = new("ECO025", Severity.Warning, "text missing in the default language");
    public static readonly DiagnosticCode YearMismatch = new("ECO026", Severity.Error, "year does not match the file name");
    public static readonly DiagnosticCode PlaceholderLeft = new("ECO027", Severity.Warning, "placeholder not replaced");
    public static readonly DiagnosticCode MissingTranslation = new("ECO028", Severity.Warning, "text missing in a language of the site");

    // Links, media and raw HTML
    public static readonly DiagnosticCode PathOutsideContent = new("ECO030", Severity.Error, "path leaves the content folder");
    public static readonly DiagnosticCode LinkTargetMissing = new("ECO031", Severity.Error, "linked file not found");
    public static readonly DiagnosticCode RootAbsoluteLink = new("ECO032", Severity.Error, "root-absolute link");
    public static readonly DiagnosticCode UnsafeHtmlRemoved = new("ECO040", Severity.Warning, "unsafe HTML removed");
    public static readonly DiagnosticCode UnsafeUrlRemoved = new("ECO041", Severity.Warning, "unsafe link removed");
    public static readonly DiagnosticCode MediaTypeRefused = new("ECO042", Severity.Error, "media type not published");
    public static readonly DiagnosticCode ActiveMedia = new("ECO043", Severity.Error, "media file a browser would run");

    // References and domain checks (content-format.md sections 6-10)
    public static readonly DiagnosticCode UnknownEnterprise = new("ECO101", Severity.Error, "unknown enterprise");
    public static readonly DiagnosticCode MalformedCreditCode = new("ECO102", Severity.Error, "malformed credit code");
    public static readonly DiagnosticCode CreditCodeCheck = new("ECO103", Severity.Warning, "credit code check character");
    public static readonly DiagnosticCode CreditCodeRegistration = new("ECO104", Severity.Warning, "unknown registering authority or organisation type");
    public static readonly DiagnosticCode OrganisationCodeCheck = new("ECO105", Severity.Warning, "organisation code check character");
    public static readonly DiagnosticCode UnknownIndicator = new("ECO110", Severity.Error, "unknown indicator");
    public static readonly DiagnosticCode InvalidTarget = new("ECO111", Severity.Error, "invalid target");
    public static readonly DiagnosticCode ValueTypeMismatch = new("ECO112", Severity.Error, "value does not fit the target");
    public static readonly DiagnosticCode IndicatorUnitChanged = new("ECO113", Severity.Warning, "indicator unit changed between years");
    public static readonly DiagnosticCode MalformedPermit = new("ECO120", Severity.Error, "malformed permit number");
    public static readonly DiagnosticCode MalformedOutlet = new("ECO121", Severity.Error, "malformed outlet code");
    public static readonly DiagnosticCode ExceedanceContradiction = new("ECO122", Severity.Warning, "exceedance not counted");
    public static readonly DiagnosticCode PermitCreditMismatch = new("ECO123", Severity.Warning, "permit does not match the credit code");
    public static readonly DiagnosticCode SelfMonitoringUnknownOutlet = new("ECO124", Severity.Warning, "self-monitoring names an undeclared outlet");
    public static readonly DiagnosticCode InvalidWasteCode = new("ECO130", Severity.Error, "invalid waste code");
    public static readonly DiagnosticCode WasteCodeWithoutDashes = new("ECO131", Severity.Warning, "hazardous waste code written without dashes");
    public static readonly DiagnosticCode InvalidListingDates = new("ECO140", Severity.Error, "listing ends before it starts");

    // Inspection (政府网站与政务新媒体检查指标, 2019)
    public static readonly DiagnosticCode BlankColumn = new("ECO201", Severity.Warning, "blank column");
    public static readonly DiagnosticCode StaleColumn = new("ECO202", Severity.Warning, "stale column");
    public static readonly DiagnosticCode BrokenLink = new("ECO203", Severity.Warning, "broken link");
    public static readonly DiagnosticCode BrokenAnchor = new("ECO204", Severity.Warning, "broken anchor");
    public static readonly DiagnosticCode BrokenImage = new("ECO205", Severity.Warning, "broken image");
    public static readonly DiagnosticCode Untranslated = new("ECO206", Severity.Warning, "untranslated page");

    // Output folder
    public static readonly DiagnosticCode OutputOverlapsContent = new("ECO301", Severity.Error, "output folder overlaps the content folder");
    public static readonly DiagnosticCode OutputNotOurs = new("ECO302", Severity.Error, "output folder holds other files");
    public static readonly DiagnosticCode OutputWriteFailed = new("ECO303", Severity.Error, "output could not be written");
    public static readonly DiagnosticCode ThemeInvalid = new("ECO304", Severity.Error, "theme is invalid");
    public static readonly DiagnosticCode OutputIsLink = new("ECO305", Severity.Error, "output path is a symbolic link");

    // Exports (ecosite export wechat)
    public static readonly DiagnosticCode ExportNeedsBaseUrl = new("ECO401", Severity.Error, "export needs base_url");
    public static readonly DiagnosticCode ImageRefusedByWechat = new("ECO402", Severity.Warning, "image the WeChat editor refuses");

    // Federation: other platforms' exports (site.yaml 'federation'); warnings, the site builds from its own content
    public static readonly DiagnosticCode ForeignExportMissing = new("ECO501", Severity.Warning, "neighbour's export missing");
    public static readonly DiagnosticCode ForeignExportMalformed = new("ECO502", Severity.Warning, "neighbour's export malformed");
    public static readonly DiagnosticCode ForeignExportNewer = new("ECO503", Severity.Warning, "neighbour's export has a newer format version");
    public static readonly DiagnosticCode ForeignExportStale = new("ECO504", Severity.Warning, "neighbour's export is stale");
    public static readonly DiagnosticCode ForeignListingSkipped = new("ECO505", Severity.Warning, "neighbour's listing skipped");

    // Shards and merge (build --parks, ecosite merge; docs/architecture.md "Shards and merge")
    public static readonly DiagnosticCode NoParkMatched = new("ECO601", Severity.Error, "--parks matches no park");
    public static readonly DiagnosticCode NotAShard = new("ECO602", Severity.Error, "not a shard");
    public static readonly DiagnosticCode ShardsOverlap = new("ECO603", Severity.Error, "shards overlap");
    public static readonly DiagnosticCode ShardsOfOtherSites = new("ECO604", Severity.Error, "shards of different sites");
    public static readonly DiagnosticCode ShardsOfOtherVersions = new("ECO605", Severity.Error, "shards of different tool versions");
    public static readonly DiagnosticCode ParksMissing = new("ECO606", Severity.Error, "parks missing from the shards");
    public static readonly DiagnosticCode FragmentMismatch = new("ECO607", Severity.Error, "a shard's fragment does not fit");
}
