namespace EcoSite.Core.Render.Views;

// Views of the disclosure pages (content-format.md sections 8-10). Every value is text shaped for the page's
// language; a status always carries a symbol and words, never colour alone.

/// <summary>A compliance or exceedance status: a CSS key, a symbol and its words.</summary>
internal sealed record StatusView(string Key, string Symbol, string Text);

/// <summary>A text with the language it is written in (differs from the page's when it fell back).</summary>
internal sealed record TextView(string Text, string HtmlLang);

internal sealed record IndicatorsView(
    string Heading,
    string Intro,
    IReadOnlyList<IndicatorReportView> Reports,
    IReadOnlyList<IndicatorCategoryView> Categories,
    IReadOnlyList<StatusView> Legend,
    string? EmptyNote)
{
    /// <summary>True when some indicator shown has a national requirement in the catalog: the tables show it.</summary>
    public bool HasRequirements { get; init; }
}

internal sealed record IndicatorReportView(int Year, string StatusText, TextView? Source);

internal sealed record IndicatorCategoryView(string Id, string Title, IReadOnlyList<IndicatorRowView> Rows)
{
    /// <summary>The group's gap-to-target overview (an SVG); null when no indicator has a ratio to its target.</summary>
    public RawHtml? Overview { get; init; }

    /// <summary>What the overview shows and how its percentages are counted.</summary>
    public string? OverviewCaption { get; init; }
}

internal sealed record IndicatorRowView(
    string Anchor,
    TextView Name,
    string Value,
    string? Unit,
    string? Target,
    StatusView Status,
    int Year,
    string YearStatus,
    TextView? Source,
    string TrendCaption,
    IReadOnlyList<TrendRowView> Trend)
{
    /// <summary>The row's id (<see cref="Urls.Routes.IndicatorRow"/>), the target of unmet-target links.</summary>
    public string? RowId { get; init; }

    /// <summary>The standard's requirement (HJ 274-2015 where the catalog cites it), null where none is sourced.</summary>
    public string? Requirement { get; init; }

    /// <summary>Where <see cref="Requirement"/> comes from.</summary>
    public string? Clause { get; init; }

    /// <summary>The newest value against <see cref="Requirement"/>; null without one.</summary>
    public StatusView? National { get; init; }
}

internal sealed record TrendRowView(int Year, string Value, string? Target, StatusView Status, string YearStatus);

internal sealed record WasteView(
    string Heading,
    string Intro,
    IReadOnlyList<WasteYearView> Years,
    IReadOnlyList<ListingRowView> Listings,
    string? EmptyNote,
    string ListingsEmptyNote,
    string ExchangeUrl);

internal sealed record WasteYearView(
    int Year,
    string Caption,
    IReadOnlyList<FlowRowView> Flows,
    string TotalsCaption,
    IReadOnlyList<MaterialTotalView> Totals,
    IReadOnlyList<string> InParkShares,
    RawHtml? Sankey,
    string SankeyCaption,
    IReadOnlyList<string> SankeyText);

internal sealed record FlowRowView(TextView From, TextView To, TextView Material, string? Code, string? HazardLabel, string Quantity, string Unit, TextView? Use, string StaysText);

internal sealed record MaterialTotalView(TextView Material, string Quantity, string Unit, string? HazardLabel);

internal sealed record ListingRowView(
    string Url,
    TextView Material,
    string KindText,
    string CategoryText,
    string? Code,
    string? HazardLabel,
    TextView Enterprise,
    TextView Park,
    string? Quantity,
    string ValidText,
    StatusView Status,
    int MatchCount)
{
    /// <summary>On the exchange page: the ids of the filter pages that keep this listing, space-separated, for exchange.js.</summary>
    public string? Filters { get; init; }
}

internal sealed record ListingView(
    string Title,
    string TitleLang,
    StatusView Status,
    IReadOnlyList<FactView> Facts,
    IReadOnlyList<ListingRowView> Matches,
    string MatchesNote,
    string ExchangeUrl,
    string WasteUrl,
    IReadOnlyList<ForeignListingView> Foreign);

/// <summary>
/// The exchange page, whole or narrowed to one filter (<see cref="Filter"/>, whose name may be in another language than
/// the page: then <see cref="HeadingPrefix"/> and the filter are printed apart, each with its lang).
/// </summary>
internal sealed record ExchangeView(
    string Heading,
    string? HeadingPrefix,
    TextView? Filter,
    string Intro,
    IReadOnlyList<ExchangeGroupView> Groups,
    IReadOnlyList<ListingRowView> Expired,
    string EmptyNote,
    IReadOnlyList<LinkView> Materials,
    IReadOnlyList<ExchangeFacetView> Facets)
{
    /// <summary>The instant filter (exchange.js) on the whole exchange page; null on a narrowed page.</summary>
    public ExchangeScriptView? Script { get; init; }
}

/// <summary>The optional script that filters the whole exchange page in place, and the words it shows.</summary>
internal sealed record ExchangeScriptView(string Url, string Label, string TextLabel, string CountFormat);

/// <summary>One way to narrow the exchange (park, kind, hazardous class): "all" first, then one link per value.</summary>
internal sealed record ExchangeFacetView(string Label, IReadOnlyList<ExchangeFilterLinkView> Links);

/// <summary>
/// A link to a narrowed exchange page; <paramref name="Current"/> is "page" on the page it leads to; <paramref name="Key"/>
/// is that page's id (null for "all"), which exchange.js matches against each listing's <see cref="ListingRowView.Filters"/>.
/// </summary>
internal sealed record ExchangeFilterLinkView(string Label, string? HtmlLang, string Url, string? Current, string? Key);

internal sealed record ExchangeGroupView(string Anchor, string Title, IReadOnlyList<ListingRowView> Supply, IReadOnlyList<ListingRowView> Demand, string MatchText,
    IReadOnlyList<ForeignListingView> Foreign);

/// <summary>A matching listing of another platform (site.yaml 'federation'): an absolute link, marked with the platform's name.</summary>
internal sealed record ForeignListingView(string Url, TextView Platform, TextView Park, TextView Material, string KindText, string? Code, string? HazardLabel, string? Quantity, string ValidText);

internal sealed record PollutersView(string Heading, string Intro, IReadOnlyList<PolluterRowView> Polluters, string? EmptyNote);

internal sealed record PolluterRowView(string Url, TextView Name, string? ReportYear, string? Permit, int Outlets, StatusView Status);

internal sealed record PolluterView(
    string Title,
    string TitleLang,
    IReadOnlyList<FactView> Basic,
    string? Permit,
    IReadOnlyList<OutletView> Outlets,
    IReadOnlyList<FacilityView> Facilities,
    IReadOnlyList<ApprovalView> Approvals,
    IReadOnlyList<FactView> EmergencyPlan,
    BlockView? Other,
    StatusView Status,
    IReadOnlyList<StatusView> Legend)
{
    /// <summary>The permit's issuing authority and validity (Order 24 art. 12(2)).</summary>
    public IReadOnlyList<DisclosureFactView> PermitDetails { get; init; } = [];

    /// <summary>The other groups of Order 24 art. 12 the file gives, in the article's order.</summary>
    public IReadOnlyList<DisclosureSectionView> Order24 { get; init; } = [];
}

/// <summary>
/// A block of rendered Markdown in the language it is in; <see cref="Untranslated"/> when that is not the page's
/// language, so the page marks it with its lang and a visible note (issue 13: every untranslated block is marked).
/// </summary>
internal sealed record BlockView(RawHtml Html, string HtmlLang, bool Untranslated);

internal sealed record OutletView(string Code, string? Medium, TextView? Location, TextView? Discharge, string? Standard, string Caption, IReadOnlyList<PollutantRowView> Pollutants)
{
    /// <summary>排放去向 (Order 24 art. 12(3)).</summary>
    public TextView? Destination { get; init; }
}

internal sealed record PollutantRowView(
    TextView Name,
    string? Unit,
    string? Concentration,
    string? Limit,
    string? Total,
    string? PermittedTotal,
    string? Exceedances,
    StatusView ConcentrationStatus,
    StatusView TotalStatus,
    string? Note)
{
    /// <summary>The averaging period behind the concentration, in words (日均值, daily average, ...).</summary>
    public string? Averaging { get; init; }
}

internal sealed record FacilityView(TextView Name, string? Status, string? Since, string? SinceText);

internal sealed record ApprovalView(TextView Project, string? Number, string? Date, string? DateText);

internal sealed record DataView(string Heading, string Intro, string FormatNote, IReadOnlyList<DatasetView> Datasets, string CatalogUrl, IReadOnlyList<FeedLinkView> Feeds)
{
    /// <summary>data/datapackage.json, the Frictionless descriptor of every CSV file.</summary>
    public required string PackageUrl { get; init; }
}

internal sealed record DatasetView(string Title, string Description, string Scope, string JsonUrl, string CsvUrl, string SchemaUrl, string JsonSchemaUrl, int Rows);

internal sealed record FeedLinkView(string Label, string Url);

/// <summary>
/// One group of 企业环境信息依法披露管理办法 article 12 on a polluter page: facts, a table, or both (tables go in the
/// focusable scroll region like every table of the theme).
/// </summary>
internal sealed record DisclosureSectionView(string Id, string Heading, IReadOnlyList<DisclosureFactView> Facts, DisclosureTableView? Table);

/// <summary>A fact whose value may be a date (<see cref="Datetime"/>) or a link (<see cref="Url"/>, an http(s) address).</summary>
internal sealed record DisclosureFactView(string Label, CellView Value);

internal sealed record DisclosureTableView(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<CellView>> Rows);

internal sealed record CellView(string? Text, string? HtmlLang = null, string? Datetime = null, string? Url = null, bool Num = false);
