using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>
/// A page to render in every language: its id (output path in the default language) and how to build it.
/// <see cref="Inputs"/>, when given, are all the content files the page depends on besides site.yaml and the theme;
/// an incremental build reuses the previous output of a page whose inputs did not change. Pages that summarise
/// many files (lists, park pages, the portal) leave it null and are always rendered.
/// </summary>
internal sealed record PageJob(string PageId, Func<PageContext, PageContent> Build, string? SourceFile = null, IReadOnlyList<string>? Inputs = null)
{
    /// <summary>
    /// A page as large as the site (the search page lists every indexed page): its languages are built and rendered
    /// one at a time, never beside each other. The render walks the pages of each language from the same offset, so
    /// at 1,000,000 pages both languages' search pages (each its documents, item views and several copies of about
    /// 80 MB of HTML) were held at once, the regional shard's peak.
    /// </summary>
    public bool Alone { get; init; }
}

/// <summary>What a page module hands to the renderer: the template to use, the view model and the layout's parts.</summary>
internal sealed record PageContent(
    string Template,
    string Title,
    object Model,
    IReadOnlyList<LinkView> Breadcrumbs,
    FallbackView? Fallback = null,
    string? Description = null)
{
    /// <summary>
    /// For a page whose view model costs more to build than what it is made from (the search page lists every indexed
    /// page): what the view digest walks instead of <see cref="Model"/>, holding everything the model is made from;
    /// <see cref="Model"/> is then a placeholder, and <see cref="MakeModel"/> builds the model when the page is rendered.
    /// </summary>
    public IDigestSource? DigestSource { get; init; }

    public Func<object>? MakeModel { get; init; }
}

/// <summary>Everything a page module needs to build one page in one language: text lookup and relative links.</summary>
internal sealed class PageContext(SiteFacts facts, Theme theme, string lang, string pageId)
{
    public SiteFacts Facts => facts;
    public Theme Theme => theme;
    public Site Site => facts.Site;
    public SiteConfig Config => facts.Config;
    public Routes Routes => facts.Routes;
    public string Lang => lang;
    public string DefaultLang => Config.DefaultLanguage;
    public string PageId => pageId;
    public string OutputPath { get; } = facts.Routes.InLanguage(pageId, lang);
    public string Root => Routes.RootPrefix(OutputPath);

    /// <summary>A page of this language, by page id ("parks/a/index.html").</summary>
    public string Url(string targetPageId) => Routes.Relative(OutputPath, Routes.InLanguage(targetPageId, lang));

    /// <summary>A file shared by all languages (media, badges, data), by site path.</summary>
    public string FileUrl(string sitePath) => Routes.Relative(OutputPath, sitePath);

    public string T(string key) => theme.String(lang, key);

    public Localized Text(LocalizedText text) => text.In(lang, DefaultLang);

    public string? TextOrNull(LocalizedText? text) => text is null ? null : Text(text).Text;

    public string Date(DateOnly d) => Format.Date(d, lang);

    /// <summary>This language's colon and parentheses (see <see cref="Render.Punctuation"/>).</summary>
    public Punctuation Punctuation => new(T("colon"), T("note_open"), T("note_close"));

    /// <summary>"label: value" in this language's punctuation.</summary>
    public string Labeled(string label, string value) => Punctuation.Labeled(label, value);

    /// <summary>"name (note)" in this language's punctuation.</summary>
    public string Noted(string text, string note) => Punctuation.Noted(text, note);

    public string HtmlLang(string l) => Format.HtmlLang(l);

    /// <summary>The note shown where text falls back to another language.</summary>
    public FallbackView Fallback(string shownLang) =>
        new(shownLang, Format.HtmlLang(shownLang), T("untranslated_note"));

    public LinkView HomeCrumb() => new(T("home"), Url(Routes.Home));

    public LinkView ParkCrumb(Park park) => new(Text(park.Profile.Name).Text, Url(Routes.Park(park.Id)));
}
