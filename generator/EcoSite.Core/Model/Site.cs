using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Model;

/// <summary>Days after which a column counts as stale (content-format.md section 5; inspection rules 2019).</summary>
internal sealed record Freshness(int News = 14, int Notices = 180, int Cases = 365);

public enum TodaySource
{
    SiteYaml,
    SourceDateEpoch,
    Clock,
}

internal sealed record SiteConfig(
    LocalizedText Title,
    LocalizedText? Description,
    IReadOnlyList<string> Languages,
    string? BaseUrl,
    DateOnly Today,
    TodaySource TodaySource,
    Freshness Freshness,
    string? Theme)
{
    public string DefaultLanguage => Languages[0];

    /// <summary>Where <see cref="Theme"/> is written in site.yaml, for diagnostics about the theme.</summary>
    public SourcePos ThemePos { get; init; }

    /// <summary>Globs of content files that are not part of the site (site.yaml 'exclude', relative to the content folder).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Other platforms whose published exchange listings are matched with this site's (section 5 'federation').</summary>
    public IReadOnlyList<FederationEntry> Federation { get; init; } = [];
    // The government-site fields (content-format.md v2 section 5; 政府网站发展指引, 2017): shown in every page's
    // footer where given, and simply left out where not.

    /// <summary>主办单位: the body responsible for the site; also the publisher of the open data.</summary>
    public LocalizedText? Organizer { get; init; }

    /// <summary>承办单位: the body that runs the site.</summary>
    public LocalizedText? Operator { get; init; }

    /// <summary>政府网站标识码.</summary>
    public string? SiteCode { get; init; }

    /// <summary>ICP 备案号.</summary>
    public string? Icp { get; init; }

    /// <summary>公安机关备案号.</summary>
    public string? PoliceRecord { get; init; }

    /// <summary>The licence of the open data (section 5 'license'); null when site.yaml states none (docs/open-data.md).</summary>
    public DataLicense? License { get; init; }

    /// <summary>The UTC offset of times in feeds and exports (section 5 'timezone'; Beijing time unless given).</summary>
    public TimeSpan Offset { get; init; } = Content.OpenDataConfig.DefaultOffset;

    /// <summary>"Last year" of the completeness rubric: the calendar year before today's (section 11).</summary>
    public int LastYear => Today.Year - 1;
}

/// <summary>site.yaml 'license': an SPDX id (or the licence's name) and the address of its text.</summary>
internal sealed record DataLicense(string Name, string Url);

/// <summary>The whole platform after loading: every park, sorted by id.</summary>
internal sealed record Site(SiteConfig Config, IReadOnlyList<Park> Parks)
{
    /// <summary>The indicator catalog parks report against (HJ 274-2015 unless the site replaces it).</summary>
    public IndicatorStandard Catalog { get; init; } = IndicatorStandard.Empty;
}

internal sealed record Park(
    string Id,
    ParkProfile Profile,
    IReadOnlyList<Enterprise> Enterprises,
    IReadOnlyList<Article> News,
    IReadOnlyList<Article> Cases,
    IReadOnlyList<Article> Pages,
    IReadOnlyList<IndicatorReport> Indicators,
    IReadOnlyList<WasteReport> Waste,
    IReadOnlyList<Listing> Listings,
    IReadOnlyList<PolluterReport> Polluters,
    IReadOnlyList<MediaFile> Media)
{
    /// <summary>By id, through an index built once per list: flows, listings and pages look enterprises up by the thousand.</summary>
    public Enterprise? FindEnterprise(string id) => Lookup.By(Enterprises, e => e.Id).GetValueOrDefault(id);
}

internal sealed record ParkProfile(
    LocalizedText Name,
    string? Level,
    string? Status,
    string? Standard,
    LocalizedText? Province,
    LocalizedText? City,
    int? Established,
    double? AreaKm2,
    LocalizedText? ManagingBody,
    ContactInfo? Contact);

internal sealed record ContactInfo(string? Phone, string? Email, LocalizedText? Address);

internal sealed record Enterprise(string Id, LocalizedText Name, string? CreditCode, LocalizedText? Industry, SourcePos Pos)
{
    /// <summary>On the city's 重点排污单位名录 (content-format.md v2 section 6): expected to disclose in polluters/&lt;id&gt;.yaml.</summary>
    public bool KeyPolluter { get; init; }
}

/// <summary>A reference to an enterprise id, kept with its location so an unknown id is reported where it is written.</summary>
internal sealed record EnterpriseRef(string Id, string File, SourcePos Pos);

/// <summary>A file under a park's media/ folder, published at <see cref="SitePath"/>.</summary>
internal sealed record MediaFile(string SourcePath, string SitePath, long Bytes);
