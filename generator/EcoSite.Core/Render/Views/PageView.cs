namespace EcoSite.Core.Render.Views;

/// <summary>What every page template sees as <c>page</c>: language, links for the layout, and the fallback note.</summary>
internal sealed record PageView(
    string Lang,
    string HtmlLang,
    string Title,
    string SiteTitle,
    string? Description,
    string Root,
    string HomeUrl,
    IReadOnlyList<AlternateView> Alternates,
    string DefaultLangUrl,
    IReadOnlyList<LinkView> Breadcrumbs,
    string FeedUrl,
    string? CanonicalUrl,
    string Generator,
    string AsOf,
    string AsOfText,
    FallbackView? Fallback,
    string Kind,
    string DataUrl,
    string ExchangeUrl,
    string SearchUrl,
    IReadOnlyList<NavLinkView> Nav,
    ParkNavView? ParkNav,
    IReadOnlyList<FactView> Government);

/// <summary>A header navigation link; <c>Current</c> is the aria-current value ("page", "true" inside a section) or null.</summary>
internal sealed record NavLinkView(string Label, string Url, string? Current);

/// <summary>The navigation of the park column a page belongs to: the park's home and its five categories.</summary>
internal sealed record ParkNavView(string Label, NavLinkView Home, string HomeLang, IReadOnlyList<NavLinkView> Links);

internal sealed record LinkView(string Label, string Url);

/// <summary>A language version of the current page (the switcher and the hreflang links).</summary>
internal sealed record AlternateView(string Lang, string Hreflang, string Label, string Url, string AbsoluteUrl, bool Current);

/// <summary>Set when the page shows text in another language than its own, because no translation exists yet.</summary>
internal sealed record FallbackView(string Lang, string HtmlLang, string Note);

/// <summary>A label and a value, for fact lists and small tables; <paramref name="Href"/> links the value (a phone or e-mail, from <c>UrlPolicy</c>).</summary>
internal sealed record FactView(string Label, string Value, string? HtmlLang = null, string? Href = null);

/// <summary>An entry of a list page or a park's category: title in the language it is written in.</summary>
internal sealed record ItemView(
    string Title,
    string Url,
    string? Date,
    string? DateText,
    string Summary,
    string? KindLabel,
    string HtmlLang,
    bool Untranslated);
