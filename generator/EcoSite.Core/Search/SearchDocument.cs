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
    ListingFacets? Listing = null);

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
