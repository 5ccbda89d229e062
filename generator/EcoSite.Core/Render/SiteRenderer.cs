using EcoSite.Core.Content;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Shards;
using EcoSite.Core.Urls;
using Scriban.Runtime;

namespace EcoSite.Core.Render;

/// <summary>
/// Renders a <see cref="RenderPlan"/>: every page in every language, in parallel, each handed to the output as soon as
/// it is done (pages are not all held in memory), and the files that are not pages (feeds, sitemap, open data, badges,
/// media, assets) beside them. Templates are parsed once by <see cref="Theme"/>; each page is a body template rendered
/// into the layout.
/// </summary>
internal sealed class SiteRenderer(RenderPlan plan, string generator, ParallelOptions parallel, TimeSpan pageTimeLimit)
{
    private static readonly Dictionary<string, string> NativeNames = new() { ["zh"] = "中文", ["en"] = "English" };
    private readonly SiteFacts facts = plan.Facts;
    private readonly Site site = plan.Facts.Site;
    private readonly Theme theme = plan.Theme;
    private readonly Routes _routes = plan.Facts.Routes;

    /// <summary>A shard's parks (build --parks): only their files and the regional ones are written; null writes all.</summary>
    public ShardScope? Scope { get; init; }

    /// <summary>The strings of every page's links, images and ids, each once (<see cref="PageLinks.Scan"/>).</summary>
    private readonly LinkStrings _linkStrings = new();

    /// <summary>The links of every page written, sorted by output path, for the link check.</summary>
    public IReadOnlyList<PageLinks> Render(SiteOutput output, Action? pageDone = null)
    {
        var languages = site.Config.Languages;
        var jobs = plan.Jobs;
        if (Scope is { } scope)
        {
            // Other shards' pages are known by their page ids (the plan's own strings), not by a path per language.
            foreach (var job in jobs.Where(j => !scope.Writes(j.PageId))) scope.PageElsewhere(job.PageId);
            jobs = jobs.Where(j => scope.Writes(j.PageId)).ToList();
        }
        // Each page's links land at its index: language by language, each language's pages in the plan's order (by
        // page id), which is the order of their output paths within the language (Sorted).
        var pages = new PageLinks[jobs.Count * languages.Count];
        if (Scope is null) SiteSearch.ShareInputs(facts); // the search page and the index (RenderOthers)
        // A build that updates a previous output renders few pages, and its longest serial work is each language's search
        // index (patched: its documents gathered and compared, its chunks read back and cut again): each language's starts
        // first, on its own thread, beside the page walk. A cold build makes them after the other files, one language
        // after the other, as before (two whole indexes at once would raise its peak).
        var search = Scope is null && output.Reuse is not null
            ? languages.Select(lang => Task.Run(() => EmitSearch(lang, output))).ToList()
            : [];
        var others = Task.Run(() => RenderOthers(Scope is null ? output.Emit : Scope.Filter(output.Emit), output, searchApart: search.Count > 0));
        var done = Task.WhenAll([others, .. search]);
        try
        {
            RenderPages(jobs, languages, pages, output, pageDone);
        }
        catch
        {
            // Nothing may still be emitting when the caller cleans up after the error.
            try { done.Wait(); }
            catch (AggregateException) { } // the page error is the one reported
            throw;
        }
        done.GetAwaiter().GetResult();
        var sorted = Sorted(pages, jobs.Count, languages.Count);
        var state = output.Reuse?.Links ?? LinkState.Load(null);
        // The site's files, for the next build's link check; not a shard's (its check knows other shards' files by rule).
        if (Scope is null) output.Emit(state.FileSet(output.Paths));
        foreach (var f in state.Files(sorted, output.Has)) output.Emit(f);
        return sorted;
    }

    /// <summary>
    /// The pages by output path (ordinal): a merge of the languages' runs, each already in that order (the plan is sorted
    /// by page id, and a language's output paths are its page ids under one prefix), instead of sorting them all.
    /// </summary>
    internal static List<PageLinks> Sorted(PageLinks[] pages, int perLanguage, int languages)
    {
        var sorted = new List<PageLinks>(pages.Length);
        var next = new int[languages];
        while (sorted.Count < pages.Length)
        {
            var best = -1;
            for (var l = 0; l < languages; l++)
                if (next[l] < perLanguage && (best < 0 || string.CompareOrdinal(pages[l * perLanguage + next[l]].OutputPath, pages[best * perLanguage + next[best]].OutputPath) < 0))
                    best = l;
            sorted.Add(pages[best * perLanguage + next[best]++]);
        }
        return sorted;
    }

    /// <summary>Held while a page that is rendered <see cref="PageJob.Alone"/> is built and rendered.</summary>
    private readonly Lock _alone = new();

    private void RenderPages(IReadOnlyList<PageJob> jobs, IReadOnlyList<string> languages, PageLinks[] pages, SiteOutput output, Action? pageDone)
    {
        Parallel.For(0, pages.Length, parallel, index =>
        {
            var job = jobs[index % jobs.Count];
            if (!job.Alone)
                RenderJob(job, languages[index / jobs.Count], index, pages, output, pageDone);
            else
                lock (_alone) RenderJob(job, languages[index / jobs.Count], index, pages, output, pageDone);
        });
    }

    /// <summary>Renders (or keeps) one page in one language and records its links at <paramref name="index"/>.</summary>
    private void RenderJob(PageJob job, string lang, int index, PageLinks[] pages, SiteOutput output, Action? pageDone)
    {
        var reuse = output.Reuse;
        var ctx = new PageContext(facts, theme, lang, job.PageId);
        if (reuse?.TryReuse(job.PageId, job.SourceFile, ctx.OutputPath) is { } previous)
        {
            pages[index] = previous;
            output.Emit(new ReusedFile(ctx.OutputPath));
            pageDone?.Invoke();
            return;
        }
        var content = job.Build(ctx);
        var page = PageOf(ctx, content);
        // A page without declared inputs is kept when everything its templates see hashes as before.
        if (job.Inputs is null && output.DigestGlobal is { } global
            && ViewDigest.Of(global, ctx.OutputPath, content.Template, page, (object?)content.DigestSource ?? content.Model) is { } digest)
        {
            output.RecordDigest(ctx.OutputPath, digest);
            if (reuse?.TryReuseDigest(ctx.OutputPath, job.SourceFile, digest) is { } kept)
            {
                pages[index] = kept;
                output.Emit(new ReusedFile(ctx.OutputPath));
                pageDone?.Invoke();
                return;
            }
        }
        var html = RenderPage(ctx, content, page);
        pages[index] = PageLinks.Scan(ctx.OutputPath, job.SourceFile, html, _linkStrings);
        output.Emit(new TextFile(ctx.OutputPath, html));
        pageDone?.Invoke();
    }

    /// <param name="searchApart">Whether the search index is made apart (<see cref="EmitSearch"/>), not here.</param>
    private void RenderOthers(Action<OutputFile> emit, SiteOutput output, bool searchApart)
    {
        var languages = site.Config.Languages;
        foreach (var (path, bytes) in theme.StaticFiles) emit(new BinaryFile(Routes.Asset(path), bytes));
        foreach (var park in site.Parks)
            foreach (var m in park.Media) emit(new CopiedFile(m.SitePath, m.SourcePath));
        foreach (var f in CompletenessFiles.For(facts, theme, output.DigestGlobal, output.Keeps)) emit(f);
        // Regional files a shard does not write are not made at all (a sitemap of a million pages is large); the
        // search index is never a shard's: merge builds it from every shard's fragment (ShardFragments).
        if (Scope is not { Regional: false })
        {
            // Made from site.yaml, the theme and the generator alone, which the digests' common start covers.
            emit(output.Keeps(Routes.NotFound, OtherDigest(output.DigestGlobal, "404")) ? new ReusedFile(Routes.NotFound) : new TextFile(Routes.NotFound, NotFound()));
            // The feeds' entries are sorted out of every article once, for the Atom and the JSON feeds alike.
            var entries = Feeds.Entries(site);
            foreach (var lang in languages) emit(new TextFile(_routes.InLanguage(Routes.AtomFeed, lang), Feeds.Atom(site, theme, lang, entries)));
            Sitemaps(emit, output);
            foreach (var f in JsonFeed.Files(site, entries)) emit(f);
        }
        else
            foreach (var path in languages.SelectMany(l => new[] { _routes.InLanguage(Routes.AtomFeed, l), _routes.InLanguage(Routes.JsonFeed, l) }).Append(Routes.NotFound).Append(Routes.Sitemap)
                         .Concat(Feeds.SitemapParts(plan.Jobs.Count, languages.Count)).Distinct())
                Scope.WrittenElsewhere(path);
        foreach (var f in OpenData.Files(facts, output.DigestGlobal, output.Keeps).Concat(PlatformIndex.Files(facts))) emit(f);
        // The schemas are the generator's own (embedded): its identity is in the digests' common start.
        foreach (var name in Schemas.SchemaFiles.Names)
        {
            var path = Schemas.SchemaFiles.PathOf(name);
            emit(output.Keeps(path, OtherDigest(output.DigestGlobal, "schema", name)) ? new ReusedFile(path) : Schemas.SchemaFiles.File(name));
        }
        if (Scope is null)
        {
            if (!searchApart)
                foreach (var lang in languages) EmitSearch(lang, output);
        }
        else
            foreach (var lang in languages) Scope.WrittenElsewhere(Routes.SearchIndex(lang) + "index.js");
    }

    /// <summary>The search index files of one language, and its build state.</summary>
    private void EmitSearch(string lang, SiteOutput output)
    {
        foreach (var f in SiteSearch.Files(facts, theme, lang, output, output.Search)) output.Emit(f);
    }

    /// <summary>
    /// The digest of a file that is not a page made from nothing but what every digest starts with (generator, theme,
    /// imported indexes, "today", site.yaml: <paramref name="global"/>) and <paramref name="names"/>; null when nothing
    /// is written.
    /// </summary>
    internal static string? OtherDigest(string? global, params ReadOnlySpan<string> names)
    {
        if (global is null) return null;
        using var d = new ViewDigest.Writer();
        d.Text(global).Text("file");
        foreach (var name in names) d.Text(name);
        return d.Finish();
    }

    /// <summary>
    /// The sitemap files, or (an incremental build where no page was added or removed and nothing global changed) the
    /// published ones kept: their digest (<see cref="Feeds.SitemapDigest"/>) is the one the previous build recorded.
    /// </summary>
    private void Sitemaps(Action<OutputFile> emit, SiteOutput output)
    {
        var pageIds = plan.Jobs.Select(j => j.PageId).ToList();
        var files = Feeds.SitemapFiles(pageIds.Count, site.Config.Languages.Count);
        if (output.DigestGlobal is { } global)
        {
            var digest = Feeds.SitemapDigest(global, site.Config, pageIds);
            // Every file's digest is recorded (no short cut), for the next build.
            if (files.Count(f => output.Keeps(f, digest)) == files.Count)
            {
                foreach (var f in files) emit(new ReusedFile(f));
                return;
            }
        }
        foreach (var f in Feeds.Sitemaps(site, pageIds)) emit(f);
    }

    internal string RenderPage(PageContext ctx, PageContent content) => RenderPage(ctx, content, PageOf(ctx, content));

    /// <summary>What the layout sees as <c>page</c>.</summary>
    private PageView PageOf(PageContext ctx, PageContent content)
    {
        var cfg = site.Config;
        var alternates = cfg.Languages.Select(l =>
        {
            var path = _routes.InLanguage(ctx.PageId, l);
            var url = Routes.Relative(ctx.OutputPath, path);
            return new AlternateView(l, Format.HtmlLang(l), NativeNames.GetValueOrDefault(l, l), url,
                cfg.BaseUrl is null ? url : _routes.Absolute(path), l == ctx.Lang);
        }).ToList();
        var xDefault = alternates.First(a => a.Lang == cfg.DefaultLanguage);
        return new PageView(
            ctx.Lang, Format.HtmlLang(ctx.Lang), content.Title, ctx.Text(cfg.Title).Text, content.Description,
            ctx.Root, ctx.Url(Routes.Home), alternates, xDefault.AbsoluteUrl, content.Breadcrumbs,
            ctx.Url(Routes.AtomFeed), cfg.BaseUrl is null ? null : _routes.Absolute(ctx.OutputPath), generator,
            Format.Iso(cfg.Today), ctx.Date(cfg.Today), content.Fallback, content.Template, ctx.Url(Routes.Data), ctx.Url(Routes.Exchange), ctx.Url(Routes.Search),
            Navigation.Main(ctx), Navigation.Park(ctx), Navigation.Government(ctx));
    }

    private string RenderPage(PageContext ctx, PageContent content, PageView page)
    {
        if (content.MakeModel is { } make) content = content with { Model = make(), MakeModel = null };
        var globals = new ScriptObject { ["page"] = page, ["model"] = content.Model, ["t"] = theme.Strings(ctx.Lang) };
        var tc = EscapingContext.Rent();
        using var limit = new CancellationTokenSource(pageTimeLimit);
        tc.CancellationToken = limit.Token;
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
    /// The footer's government identification on the 404 page, in the default language, labels in both, each ended by
    /// the default language's colon as on the other pages (without it "Organizer" ran into the value).
    /// </summary>
    private List<FactView> Government(SiteConfig cfg)
    {
        var lang = cfg.DefaultLanguage;
        string Label(string key) => string.Join(" / ", cfg.Languages.Select(l => theme.String(l, key)).Distinct()) + theme.String(lang, "colon");
        var facts = new List<FactView>();
        foreach (var (key, text) in new[] { ("organizer", cfg.Organizer), ("operator", cfg.Operator) })
            if (text is not null) facts.Add(new(Label(key), text.In(lang, lang).Text, Format.HtmlLang(text.In(lang, lang).Lang)));
        foreach (var (key, value) in new[] { ("site_code", cfg.SiteCode), ("icp", cfg.Icp), ("police_record", cfg.PoliceRecord) })
            if (value is not null) facts.Add(new(Label(key), value));
        return facts;
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
            _routes.Absolute(_routes.InLanguage(Routes.Home, l))))
            .ToList();
        using var limit = new CancellationTokenSource(pageTimeLimit);
        var tc = new EscapingContext { CancellationToken = limit.Token };
        var messages = cfg.Languages.Select(l => new FactView(theme.String(l, "not_found_title"), theme.String(l, "not_found_text"), Format.HtmlLang(l))).ToList();
        tc.PushGlobal(new ScriptObject
        {
            ["css"] = new RawHtml(css),
            ["lang"] = Format.HtmlLang(cfg.DefaultLanguage),
            ["site_title"] = cfg.Title.In(cfg.DefaultLanguage, cfg.DefaultLanguage).Text,
            ["messages"] = messages,
            ["home"] = home,
            ["generator"] = generator,
            ["government"] = Government(cfg),
        });
        return theme.Template("404").Render(tc);
    }
}
