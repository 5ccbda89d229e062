using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Model;

internal enum Section
{
    News,
    Cases,
    Pages,
}

/// <summary>News kinds (content-format.md section 7); notices and plans use the longer freshness window.</summary>
internal enum NewsKind
{
    News,
    Notice,
    Plan,
    Report,
}

/// <summary>A news item, case or free page: one slug, one version per language written.</summary>
internal sealed record Article(string ParkId, Section Section, string Slug, IReadOnlyList<ArticleVersion> Versions)
{
    /// <summary>The version in the default language, else the first written.</summary>
    public ArticleVersion Primary => Versions[0];

    public DateOnly? Date => Primary.Date;

    public ArticleVersion? In(string lang)
    {
        // A loop, not a query: asked for every article by every page that lists it, in every language.
        var versions = Versions;
        for (var i = 0; i < versions.Count; i++)
            if (versions[i].Lang == lang) return versions[i];
        return null;
    }
}

internal sealed record ArticleVersion(
    string Lang,
    string File,
    string Title,
    DateOnly? Date,
    NewsKind Kind,
    string Summary,
    string BodyHtml,
    IReadOnlyList<Attachment> Attachments,
    CaseInfo? Case)
{
    private string? _bodyHtml = BodyHtml;
    // The body's UTF-8 bytes while it is not decoded (an array, not a memory: a reference is read whole by any thread).
    private byte[]? _bodyBytes;
    private int _bodyStart;
    private int _bodyLength;

    /// <summary>The body rendered to HTML; a version from the load cache decodes it on first use (<see cref="BodyUtf8"/>).</summary>
    public string BodyHtml
    {
        get => Volatile.Read(ref _bodyHtml) ?? DecodeBody();
        init
        {
            _bodyHtml = value;
            _bodyBytes = null;
            _bodySha256 = null;
        }
    }

    /// <summary>
    /// The body as UTF-8 bytes (the load cache's, not copied), made into <see cref="BodyHtml"/> when first asked for: a
    /// build that never shows or indexes a cached article's body never decodes it. Once decoded the bytes are let go
    /// (the load cache's part they are in is freed when every body of it has been). Set after the constructor's body,
    /// which it replaces.
    /// </summary>
    internal ReadOnlyMemory<byte> BodyUtf8
    {
        init
        {
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(value, out var segment))
            {
                (_bodyBytes, _bodyStart, _bodyLength) = (segment.Array, segment.Offset, segment.Count);
                _bodyHtml = null;
            }
            else _bodyHtml = System.Text.Encoding.UTF8.GetString(value.Span);
            _bodySha256 = null;
        }
    }

    // The SHA-256 of the body's UTF-8 bytes once asked for (reset by either init, which a 'with' copy runs).
    private byte[]? _bodySha256;

    /// <summary>
    /// The SHA-256 of the body's UTF-8 bytes: of the load cache's bytes while the body is not decoded (so asking never
    /// decodes it), else of the decoded text encoded again, which gives the same hash for the same body. The search
    /// index tells an unchanged body by it (<see cref="Search.SearchTokenCache.Source"/>). Thread-safe; not to be changed.
    /// </summary>
    internal byte[] BodySha256 => Volatile.Read(ref _bodySha256) ?? HashBody();

    private byte[] HashBody()
    {
        var hash = new byte[32];
        // The bytes stay valid when another thread decodes the body meanwhile (it only lets go of its reference).
        if (Volatile.Read(ref _bodyBytes) is { } bytes)
            System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(_bodyStart, _bodyLength), hash);
        else
        {
            var html = BodyHtml;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(html.Length));
            try
            {
                var n = System.Text.Encoding.UTF8.GetBytes(html, buffer);
                System.Security.Cryptography.SHA256.HashData(buffer.AsSpan(0, n), hash);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        return Interlocked.CompareExchange(ref _bodySha256, hash, null) ?? hash;
    }

    /// <summary>Whether <see cref="BodyHtml"/> has been made (for tests: a cached body is decoded only when asked for).</summary>
    internal bool BodyMade => Volatile.Read(ref _bodyHtml) is not null;

    // Thread-safe: threads that race each decode, and all get the string stored first; the bytes are let go only after
    // it is stored, so a thread that finds them gone finds the string.
    private string DecodeBody()
    {
        if (Volatile.Read(ref _bodyBytes) is not { } bytes) return Volatile.Read(ref _bodyHtml)!;
        var made = System.Text.Encoding.UTF8.GetString(bytes, _bodyStart, _bodyLength);
        var text = Interlocked.CompareExchange(ref _bodyHtml, made, null) ?? made;
        Volatile.Write(ref _bodyBytes, null);
        return text;
    }

    /// <summary>Equal when every member is (the body compared as text, whether decoded yet or not), as the generated equality compared them.</summary>
    public bool Equals(ArticleVersion? other) =>
        ReferenceEquals(this, other) || (other is not null && Lang == other.Lang && File == other.File && Title == other.Title
            && Date == other.Date && Kind == other.Kind && Summary == other.Summary && BodyHtml == other.BodyHtml
            && EqualityComparer<IReadOnlyList<Attachment>>.Default.Equals(Attachments, other.Attachments) && Case == other.Case
            && Record == other.Record && PlaceholderInBody == other.PlaceholderInBody && Light == other.Light);

    public override int GetHashCode() => HashCode.Combine(Lang, File, Title, Date, Kind, Summary, BodyHtml, HashCode.Combine(Attachments, Case, Record, PlaceholderInBody, Light));

    /// <summary>索引号, 发布机构 and 文号 when the front matter gives any (content-format.md v2 section 7).</summary>
    public DocumentRecord? Record { get; init; }

    /// <summary>The body's source text still holds a text 'ecosite new' wrote (content-format.md section 11): the item scores nothing.</summary>
    public bool PlaceholderInBody { get; init; }

    /// <summary>
    /// Loaded from its front matter only (another shard's park): no <see cref="BodyHtml"/>, and <see cref="Summary"/>
    /// only when the front matter gives one. Nothing such a shard writes reads either.
    /// </summary>
    public bool Light { get; init; }
}

/// <summary>
/// The catalogue data of a government disclosure (政府信息公开目录: 索引号, 发布机构, 文号), shown above an article's text.
/// The publisher defaults to the park's managing body on the page.
/// </summary>
internal sealed record DocumentRecord(string? IndexNo, LocalizedText? Publisher, string? DocNo)
{
    public static DocumentRecord? Of(string? indexNo, LocalizedText? publisher, string? docNo) =>
        indexNo is null && publisher is null && docNo is null ? null : new(indexNo, publisher, docNo);
}

/// <summary>A file offered for download; <see cref="SitePath"/> is relative to the site root.</summary>
internal sealed record Attachment(string Name, string SitePath, long Bytes);

/// <summary>Case fields (content-format.md section 7): benefits are per year.</summary>
internal sealed record CaseInfo(EnterpriseRef? Enterprise, LocalizedText? Technology, Benefits Benefits);

internal sealed record Benefits(
    double? EnergySavedTce = null,
    double? WaterSavedM3 = null,
    double? Co2ReducedT = null,
    double? SolidWasteUtilisedT = null,
    double? EconomicBenefit10kCny = null)
{
    public static readonly Benefits None = new();

    public Benefits Add(Benefits o) => new(
        Sum(EnergySavedTce, o.EnergySavedTce), Sum(WaterSavedM3, o.WaterSavedM3), Sum(Co2ReducedT, o.Co2ReducedT),
        Sum(SolidWasteUtilisedT, o.SolidWasteUtilisedT), Sum(EconomicBenefit10kCny, o.EconomicBenefit10kCny));

    private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a + b;
}
