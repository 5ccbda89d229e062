namespace EcoSite.Core.Search;

/// <summary>
/// One page as the search index sees it, in one language: what is shown in a result and what is indexed. The index
/// builder knows nothing of parks or templates; the renderer gathers these from the site (Render/SearchFiles.cs).
/// </summary>
/// <param name="Path">The page's site path in this language ("en/parks/a/news/x/index.html").</param>
/// <param name="TextLang">The language the title and text are in when it is not the index's (an untranslated page).</param>
/// <param name="Park">Key of the park the page belongs to (see <see cref="SearchInput.Parks"/>).</param>
/// <param name="Category">Key of its category (see <see cref="SearchInput.Categories"/>).</param>
/// <param name="Keywords">Enterprise names, materials, codes, indicator names: weighted above the body.</param>
/// <param name="Listing">Facets of an exchange listing; null for other pages.</param>
internal sealed record SearchDocument(
    string Path,
    string Title,
    string? TextLang,
    string Park,
    string Category,
    DateOnly? Date,
    string Summary,
    string Body,
    IReadOnlyList<string> Keywords,
    ListingFacets? Listing = null)
{
    /// <summary>The body as HTML (<see cref="FromHtml"/>), turned into <see cref="Body"/> only when the text is read.</summary>
    private HtmlBody? _html;
    private string? _body = Body;

    /// <summary>
    /// The indexed text. A document made <see cref="FromHtml"/> turns its HTML into text on first use (thread-safe: every
    /// thread gets the same text), so a build that keeps the document's index entries never pays for it.
    /// </summary>
    public string Body
    {
        get => _body ??= HtmlText.Plain(_html!.Html);
        init
        {
            _body = value;
            _html = null;
        }
    }

    /// <summary>Whether <see cref="Body"/> has been made (for tests: an unchanged document's text is never made).</summary>
    internal bool TextMade => _body is not null;

    /// <summary>The body's source when it is HTML, else null (<see cref="SearchTokenCache.Source"/>).</summary>
    internal HtmlBody? BodyHtml => _html;

    /// <summary>A document whose body is the text of <paramref name="html"/> (<see cref="HtmlText.Plain"/>), made when first read.</summary>
    public static SearchDocument FromHtml(string path, string title, string? textLang, string park, string category, DateOnly? date,
        string summary, string html, IReadOnlyList<string> keywords, ListingFacets? listing = null) =>
        FromHtml(path, title, textLang, park, category, date, summary, HtmlBody.Of(html), keywords, listing);

    /// <summary>
    /// A document whose body is the text of the HTML <paramref name="html"/> holds, read (and turned into text) only when
    /// the text is: a build that keeps the document's index entries tells it unchanged by the HTML's hash alone.
    /// </summary>
    public static SearchDocument FromHtml(string path, string title, string? textLang, string park, string category, DateOnly? date,
        string summary, HtmlBody html, IReadOnlyList<string> keywords, ListingFacets? listing = null) =>
        new(path, title, textLang, park, category, date, summary, null!, keywords, listing) { _html = html };

    /// <summary>
    /// Equal when they say the same: the fields, the keywords item by item, and the body's source (the HTML of a
    /// document made <see cref="FromHtml"/>, else the text), so whether the text has been made yet does not matter and
    /// comparing never makes it. (The generated equality compared the lazily made text and the keyword list's instance.)
    /// </summary>
    public bool Equals(SearchDocument? other) =>
        ReferenceEquals(this, other) || (other is not null && Path == other.Path && Title == other.Title && TextLang == other.TextLang
            && Park == other.Park && Category == other.Category && Date == other.Date && Summary == other.Summary
            && (_html is null ? other._html is null && _body == other._body : other._html is not null && (ReferenceEquals(_html, other._html) || _html.Html == other._html.Html))
            && Keywords.SequenceEqual(other.Keywords) && Listing == other.Listing);

    public override int GetHashCode() => HashCode.Combine(Path, Title, TextLang, Park, Category, Date, Summary, _html is null ? _body : null);
}

/// <summary>
/// The HTML a document's body is made from, read only when asked for, and the SHA-256 of its UTF-8 bytes, which an
/// article's version gives without decoding its body (<see cref="Model.ArticleVersion.BodySha256"/>): a build tells an
/// unchanged body by the hash and never reads it (<see cref="SearchTokenCache.Source"/>).
/// </summary>
internal abstract class HtmlBody
{
    /// <summary>The HTML.</summary>
    public abstract string Html { get; }

    /// <summary>The SHA-256 of <see cref="Html"/> as UTF-8 (32 bytes, not to be changed).</summary>
    public abstract byte[] Sha256 { get; }

    /// <summary>A body of HTML already in memory; its hash is made when first asked for.</summary>
    public static HtmlBody Of(string html) => new InMemory(html);

    private sealed class InMemory(string html) : HtmlBody
    {
        private byte[]? _sha256;

        public override string Html => html;

        public override byte[] Sha256 => _sha256 ??= System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(html));
    }
}

/// <summary>What an exchange listing can be filtered by: kind (supply or demand), material, hazardous class.</summary>
internal sealed record ListingFacets(string Kind, string Material, string? HazardousClass);

/// <summary>A key and the label shown for it (a park's name, a category's title).</summary>
internal sealed record SearchLabel(string Key, string Label);

/// <summary>
/// Everything the index of one language is built from. Parks and categories are listed in display order; documents
/// are ranked by relevance, and fresher ones (by <see cref="SearchDocument.Date"/> against <see cref="Today"/>) a
/// little higher.
/// </summary>
internal sealed record SearchInput(
    string Lang,
    DateOnly Today,
    IReadOnlyList<SearchLabel> Parks,
    IReadOnlyList<SearchLabel> Categories,
    IReadOnlyList<SearchLabel> ListingKinds,
    IReadOnlyList<SearchDocument> Documents);
