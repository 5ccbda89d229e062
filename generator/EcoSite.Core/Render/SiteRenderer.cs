using System.Collections.Concurrent;
using EcoSite.Core.Content;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Render.Views;
using Scriban.Runtime;

namespace EcoSite.Core.Render;

/// <summary>A rendered HTML page, kept for the link check: where it is and what it links to.</summary>
public sealed record RenderedPage(string OutputPath, string? SourceFile, IReadOnlyList<string> Links, IReadOnlyList<string> Images, IReadOnlySet<string> Ids);

/// <summary>
/// Renders the site: every page in every language, in parallel, each handed to <c>emit</c> as soon as it is done
/// (pages are not all held in memory). Templates are parsed once by <see cref="Theme"/>; each page is a body
/// template rendered into the layout.
/// </summary>
public sealed class SiteRenderer(Site site, Theme theme, string generator, ParallelOptions? parallel = null)
{
    private static readonly Dictionary<string, string> NativeNames = new() { ["zh"] = "中文", ["en"] = "English" };

    /// <summary>Page modules, in the order their pages are listed; each knows its own pages.</summary>
    public static IReadOnlyList<Func<Site, IEnumerable<PageJob>>> Modules { get; } =
        [HomePage.Jobs, ParkPage.Jobs, ArticlePages.Jobs, DisclosurePages.Jobs, SearchPage.Jobs];

    public IReadOnlyList<PageJob> Plan() =>
        Modules.SelectMany(m => m(site)).OrderBy(j => j.PageId, StringComparer.Ordinal).ToList();

    public IReadOnlyList<RenderedPage> Render(IReadOnlyList<PageJob> jobs, Action<OutputFile> emit, Action? pageDone = null, PageReuse? reuse = null)
    {
        var languages = site.Config.Languages;
        var pages = new ConcurrentBag<RenderedPage>();
        var work = jobs.SelectMany(j => languages.Select(l => (Job: j, Lang: l))).ToList();
        // The files that are not pages (feeds, sitemap, open data...) are built beside the pages, not after them.
        var others = Task.Run(() => RenderOthers(jobs, emit));
        try
        {
            RenderPages(work, pages, emit, pageDone, reuse);
        }
        catch
        {
            // Nothing may still be emitting when the caller cleans up after the error.
            try { others.Wait(); }
            catch (AggregateException) { } // the page error is the one reported
            throw;
        }
        others.GetAwaiter().GetResult();
        return pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal).ToList();
    }

    private void RenderPages(List<(PageJob Job, string Lang)> work, ConcurrentBag<RenderedPage> pages, Action<OutputFile> emit, Action? pageDone, PageReuse? reuse)
    {
        Parallel.ForEach(work, parallel ?? new ParallelOptions(), item =>
        {
            var ctx = new PageContext(site, theme, item.Lang, item.Job.PageId);
            if (reuse?.TryReuse(item.Job, ctx.OutputPath) is { } previous)
            {
                pages.Add(previous);
                emit(new ReusedFile(ctx.OutputPath, reuse.PathOf(ctx.OutputPath)));
            }
            else
            {
                var html = RenderPage(ctx, item.Job.Build(ctx));
                pages.Add(HtmlLinks.Scan(ctx.OutputPath, item.Job.SourceFile, html));
                emit(new TextFile(ctx.OutputPath, html));
            }
            pageDone?.Invoke();
        });
    }

    private void RenderOthers(IReadOnlyList<PageJob> jobs, Action<OutputFile> emit)
    {
        var languages = site.Config.Languages;
        foreach (var (path, bytes) in theme.StaticFiles) emit(new BinaryFile("assets/" + path, bytes));
        foreach (var park in site.Parks)
            foreach (var m in park.Media) emit(new CopiedFile(m.SitePath, m.SourcePath));
        foreach (var f in CompletenessFiles.For(site, theme)) emit(f);
        emit(new TextFile("404.html", NotFound()));
        foreach (var lang in languages) emit(new TextFile(UrlPath.ForLanguage("feed.xml", lang, site.Config.DefaultLanguage), Feeds.Atom(site, theme, lang)));
        emit(new TextFile("sitemap.xml", Feeds.Sitemap(site, jobs)));
        foreach (var f in OpenData.Files(site).Concat(JsonFeed.Files(site))) emit(f);
        foreach (var f in Schemas.SchemaFiles.Files()) emit(f);
        foreach (var f in SiteSearch.Files(site, theme)) emit(f);
    }

    internal string RenderPage(PageContext ctx, PageContent content)
    {
        var cfg = site.Config;
        var alternates = cfg.Languages.Select(l =>
        {
            var path = UrlPath.ForLanguage(ctx.PageId, l, cfg.DefaultLanguage);
            var url = UrlPath.Relative(ctx.OutputPath, path);
            return new AlternateView(l, Format.HtmlLang(l), NativeNames.GetValueOrDefault(l, l), url,
                cfg.BaseUrl is null ? url : UrlPath.Absolute(cfg.BaseUrl, path), l == ctx.Lang);
        }).ToList();
        var xDefault = alternates.First(a => a.Lang == cfg.DefaultLanguage);
        var page = new PageView(
            ctx.Lang, Format.HtmlLang(ctx.Lang), content.Title, ctx.Text(cfg.Title).Text, content.Description,
            ctx.Root, ctx.Url("index.html"), alternates, xDefault.AbsoluteUrl, content.Breadcrumbs,
            ctx.Url("feed.xml"), cfg.BaseUrl is null ? null : UrlPath.Absolute(cfg.BaseUrl, ctx.OutputPath), generator,
            Format.Iso(cfg.Today), ctx.Date(cfg.Today), content.Fallback, content.Template, [], ctx.Url("data/index.html"), ctx.Url("exchange/index.html"), ctx.Url(SearchPage.Id));

        var globals = new ScriptObject { ["page"] = page, ["model"] = content.Model, ["t"] = theme.Strings(ctx.Lang) };
        var tc = EscapingContext.Rent();
        tc.PushGlobal(globals);
        var body = theme.Template(content.Template).Render(tc);
        globals["content"] = new RawHtml(body);
        var html = theme.Template("layout").Render(tc);
        tc.PopGlobal();
        EscapingContext.Return(tc);
        return ResolveMarkers(html, ctx);
    }

    /// <summary>Content links are written with markers at load time (see <see cref="LinkResolver"/>); here they become relative.</summary>
    private static string ResolveMarkers(string html, PageContext ctx)
    {
        if (!html.Contains("=\"eco-", StringComparison.Ordinal)) return html;
        var langRoot = ctx.Root + (ctx.Lang == ctx.DefaultLang ? "" : ctx.Lang + "/");
        return html.Replace("=\"" + LinkResolver.RootMarker, "=\"" + ctx.Root, StringComparison.Ordinal)
            .Replace("=\"" + LinkResolver.LangMarker, "=\"" + langRoot, StringComparison.Ordinal);
    }

    /// <summary>
    /// The 404 page is served at any depth, so relative links cannot work there: it links absolutely from base_url
    /// when there is one, and carries its styles inline.
    /// </summary>
    private string NotFound()
    {
        var cfg = site.Config;
        var css = theme.StaticFiles.FirstOrDefault(f => f.Path == "site.css").Bytes is { } b ? System.Text.Encoding.UTF8.GetString(b) : "";
        var home = cfg.Languages.Select(l => new LinkView(theme.String(l, "back_home"),
            cfg.BaseUrl is null ? UrlPath.ForLanguage("index.html", l, cfg.DefaultLanguage) : UrlPath.Absolute(cfg.BaseUrl, UrlPath.ForLanguage("index.html", l, cfg.DefaultLanguage))))
            .ToList();
        var tc = new EscapingContext();
        var messages = cfg.Languages.Select(l => new FactView(theme.String(l, "not_found_title"), theme.String(l, "not_found_text"), Format.HtmlLang(l))).ToList();
        tc.PushGlobal(new ScriptObject
        {
            ["css"] = new RawHtml(css),
            ["lang"] = Format.HtmlLang(cfg.DefaultLanguage),
            ["site_title"] = cfg.Title.In(cfg.DefaultLanguage, cfg.DefaultLanguage).Text,
            ["messages"] = messages,
            ["home"] = home,
            ["generator"] = generator,
        });
        return theme.Template("404").Render(tc);
    }
}
