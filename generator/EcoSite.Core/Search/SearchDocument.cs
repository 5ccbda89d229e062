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
    private string? _html;
    private string? _body = Body;

    /// <summary>
    /// The indexed text. A document made <see cref="FromHtml"/> turns its HTML into text on first use (thread-safe: every
    /// thread gets the same text), so a build that keeps the document's index entries never pays for it.
    /// </summary>
    public string Body
    {
        get => _body ??= HtmlText.Plain(_html!);
        init
        {
            _body = value;
            _html = null;
        }
    }

    /// <summary>Whether <see cref="Body"/> has been made (for tests: an unchanged document's text is never made).</summary>
    internal bool TextMade => _body is not null;

    /// <summary>The body's source when it is HTML, else null (<see cref="SearchTokenCache.Source"/>).</summary>
    internal string? BodyHtml => _html;

    /// <summary>A document whose body is the text of <paramref name="html"/> (<see cref="HtmlText.Plain"/>), made when first read.</summary>
    public static SearchDocument FromHtml(string path, string title, string? textLang, string park, string category, DateOnly? date,
        string summary, string html, IReadOnlyList<string> keywords, ListingFacets? listing = null) =>
        new(path, title, textLang, park, category, date, summary, null!, keywords, listing) { _html = html };

    /// <summary>
    /// Equal when they say the same: the fields, the keywords item by item, and the body's source (the HTML of a
    /// document made <see cref="FromHtml"/>, else the text), so whether the text has been made yet does not matter and
    /// comparing never makes it. (The generated equality compared the lazily made text and the keyword list's instance.)
    /// </summary>
    public bool Equals(SearchDocument? other) =>
        ReferenceEquals(this, other) || (other is not null && Path == other.Path && Title == other.Title && TextLang == other.TextLang
            && Park == other.Park && Category == other.Category && Date == other.Date && Summary == other.Summary
            && _html == other._html && (_html is not null || _body == other._body) && Keywords.SequenceEqual(other.Keywords)
            && Listing == other.Listing);

    public override int GetHashCode() => HashCode.Combine(Path, Title, TextLang, Park, Category, Date, Summary, _html ?? _body);
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
