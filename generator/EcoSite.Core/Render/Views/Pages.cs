namespace EcoSite.Core.Render.Views;

internal sealed record HomeView(string Heading, string? Intro, IReadOnlyList<ParkCardView> Parks, PortalView? Portal = null)
{
    /// <summary>Region-wide missed targets and exceedances, next to the completeness ranking.</summary>
    public ComplianceView? Compliance { get; init; }

    public IReadOnlyList<ParkComplianceRowView> ComplianceRows { get; init; } = [];
}

internal sealed record ParkCardView(string Id, string Name, string NameLang, string Url, string? Place, string? LevelLabel, IReadOnlyList<FactView> Facts);

internal sealed record ParkView(
    string Name,
    IReadOnlyList<FactView> Profile,
    IReadOnlyList<CategoryView> Categories,
    IReadOnlyList<LinkView> Pages,
    IReadOnlyList<FactView> Benefits,
    CompletenessView? Completeness = null)
{
    /// <summary>Missed targets and exceedances, shown first.</summary>
    public ComplianceView? Compliance { get; init; }
}

/// <summary>One of the five HJ 274-2015 platform categories on a park's page.</summary>
internal sealed record CategoryView(string Key, int Number, string Title, string? Url, int Count, string CountText, IReadOnlyList<ItemView> Items, string? EmptyNote)
{
    /// <summary>Category 5: the declared key polluting units that publish no disclosure, by name.</summary>
    public IReadOnlyList<TextView> Missing { get; init; } = [];
}

internal sealed record ListView(string Heading, string? Intro, IReadOnlyList<ItemView> Items, string EmptyNote);

internal sealed record ArticleView(
    string Title,
    string HtmlLang,
    string? Date,
    string? DateText,
    string? KindLabel,
    RawHtml Body,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<FactView> Facts);

internal sealed record AttachmentView(string Name, string Url, string Size);
