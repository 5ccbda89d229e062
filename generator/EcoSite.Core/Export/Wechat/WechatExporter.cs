using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Output;
using EcoSite.Core.Render;
using EcoSite.Core.Urls;
using Markdig.Syntax;

namespace EcoSite.Core.Export.Wechat;

/// <param name="Languages">Languages to export; null or empty means the site's default language.</param>
/// <param name="Since">First day of the exchange digests; null means <see cref="WechatExporter.DefaultDays"/> days up to today.</param>
public sealed record WechatOptions(string ContentDir, string OutputDir, BuildClock Clock, IReadOnlyList<string>? Languages = null, DateOnly? Since = null);

public sealed record WechatResult(
    bool Success,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<WechatArticle> Articles,
    IReadOnlyList<SkippedArticle> Skipped,
    DateOnly? Since,
    int Files)
{
    public int Errors => Diagnostics.Count(d => d.IsError);
    public int Warnings => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// <c>ecosite export wechat</c>: articles for a WeChat official account (公众号) from a valid site. The stage order:
/// refuse an unsafe output folder, check the content exactly as <c>ecosite check</c> does (errors stop here), require
/// base_url (QR codes need absolute addresses), compose the articles of each language, write them into a staging
/// folder and swap it in as a build does.
/// </summary>
public static class WechatExporter
{
    /// <summary>The digest covers this many days, today included, when no first day is given: one a week.</summary>
    public const int DefaultDays = 7;

    /// <summary>The languages an article can be written in: those EcoSite has interface strings for.</summary>
    public static IReadOnlyList<string> SupportedLanguages => SiteConfigLoader.SupportedLanguages;

    public const string ManifestName = "manifest.json";
    public const string IndexName = "index.html";

    public static WechatResult Export(WechatOptions options)
    {
        var diagnostics = new DiagnosticBag();
        WechatResult Done(IReadOnlyList<WechatArticle>? articles = null, IReadOnlyList<SkippedArticle>? skipped = null, DateOnly? since = null, int files = 0) =>
            new(articles is not null && !diagnostics.HasErrors, diagnostics.ToSortedList(), articles ?? [], skipped ?? [], since, files);

        if (SiteWriter.CheckTarget(options.ContentDir, options.OutputDir) is { } refused)
        {
            diagnostics.Add(refused);
            return Done();
        }
        // 1. The same checks as 'ecosite check', with the same diagnostics.
        (SiteFacts Facts, Theme Theme)? valid = null;
        var check = SiteBuilder.Check(new BuildOptions(options.ContentDir, "", options.Clock), (f, t) => valid = (f, t));
        diagnostics.AddRange(check.Diagnostics);
        if (valid is not var (facts, theme) || check.Errors > 0) return Done();
        var site = facts.Site;

        // 2. What the export needs beyond a valid site.
        if (site.Config.BaseUrl is null)
            diagnostics.Add(Codes.ExportNeedsBaseUrl, SiteConfigLoader.FileName, new SourcePos(1, 1),
                "'ecosite export wechat' needs the site's address for the QR codes and links of its articles; add a line such as 'base_url: https://www.example.gov.cn/stgy/' to site.yaml.");
        var languages = options.Languages is { Count: > 0 } asked ? asked.Distinct().ToList() : [site.Config.DefaultLanguage];
        foreach (var lang in languages.Where(l => !site.Config.Languages.Contains(l)))
            diagnostics.Add(Codes.UnknownLanguage, SiteConfigLoader.FileName, SourcePos.File,
                $"'--lang {lang}' names a language this site does not publish ({string.Join(", ", site.Config.Languages)}); add it to 'languages' in site.yaml or export another language.");
        if (diagnostics.HasErrors) return Done();

        // 3. Compose.
        var since = options.Since ?? site.Config.Today.AddDays(-(DefaultDays - 1));
        var refusedImages = new List<(string File, string Src)>();
        var (articles, skipped) = Compose(facts, theme, languages, since, (file, src) => refusedImages.Add((file, src)));
        ReportRefusedImages(options.ContentDir, refusedImages, diagnostics);

        // 4. Write.
        var files = Files(site, languages, since, articles, skipped);
        try
        {
            using var writer = SiteWriter.Begin(options.OutputDir);
            foreach (var f in files) writer.Write(f);
            writer.Commit(new BuildManifest(SiteBuilder.Generator, "", 0, files.Count + 1, diagnostics.ToSortedList(), new Dictionary<string, string>()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.OutputWriteFailed, options.OutputDir, SourcePos.File, $"writing the export failed ({e.Message}); the previous output is unchanged.");
            return Done();
        }
        return Done(articles, skipped, since, files.Count + 1);
    }

    private static (List<WechatArticle>, List<SkippedArticle>) Compose(SiteFacts facts, Theme theme, IReadOnlyList<string> languages, DateOnly since, Action<string, string> refusedImage)
    {
        var site = facts.Site;
        var media = site.Parks.SelectMany(p => p.Media).ToDictionary(m => m.SitePath, StringComparer.Ordinal);
        var articles = new List<WechatArticle>();
        var skipped = new List<SkippedArticle>();
        var today = site.Config.Today;
        foreach (var lang in languages)
        {
            var x = new ExportContext(facts, lang, new PageContext(facts, theme, lang, Routes.Home), new WechatLinks(facts.Routes, lang),
                new WechatText(lang), media, refusedImage);
            var region = DigestComposer.NewSince(site.Parks.SelectMany(p => p.Listings), since, today);
            if (region.Count > 0) articles.Add(DigestComposer.Region(x, region, since));
            else skipped.Add(new SkippedArticle(lang, WechatKind.RegionDigest, null, null, "no-new-listings"));
            foreach (var park in site.Parks)
            {
                var listings = DigestComposer.NewSince(park.Listings, since, today);
                if (listings.Count > 0) articles.Add(DigestComposer.Park(x, park, listings, since));
                else skipped.Add(new SkippedArticle(lang, WechatKind.ParkDigest, park.Id, null, "no-new-listings"));
                foreach (var a in park.News.Concat(park.Cases))
                {
                    // A WeChat column in one language publishes what is written in it; the site shows the fallback instead.
                    if (a.In(lang) is { } v) articles.Add(ArticleComposer.Compose(x, park, a, v));
                    else skipped.Add(new SkippedArticle(lang, a.Section == Section.News ? WechatKind.News : WechatKind.Case, park.Id, a.Slug, "untranslated"));
                }
            }
        }
        return (articles, skipped);
    }

    /// <summary>Every file of the export, in a fixed order.</summary>
    private static List<OutputFile> Files(Site site, IReadOnlyList<string> languages, DateOnly since, List<WechatArticle> articles, List<SkippedArticle> skipped)
    {
        var files = new List<OutputFile>
        {
            new TextFile(ManifestName, WechatManifest.Json(site, languages, since, articles, skipped)),
            new TextFile(IndexName, PreviewPages.Index(site, languages, since, articles)),
        };
        foreach (var a in articles)
        {
            files.Add(new TextFile(a.FragmentPath, a.Fragment));
            files.Add(new TextFile(a.PreviewPath, PreviewPages.Article(a)));
            files.Add(new BinaryFile(a.QrPath, a.QrPng));
            foreach (var image in a.Images) files.Add(new CopiedFile($"{a.Folder}/{image.File}", image.SourcePath));
        }
        return files;
    }

    /// <summary>
    /// An image the WeChat editor would refuse (format or size) is a warning at the image in the source file, so the
    /// editor can add a PNG or JPEG version; the article is still written.
    /// </summary>
    private static void ReportRefusedImages(string contentDir, List<(string File, string Src)> refused, DiagnosticBag diagnostics)
    {
        if (refused.Count == 0) return;
        var tree = ContentTree.Scan(contentDir, new DiagnosticBag());
        foreach (var group in refused.Distinct().GroupBy(r => r.File))
        {
            var positions = ImagePositions(tree, group.Key);
            foreach (var (_, src) in group)
            {
                var path = Uri.UnescapeDataString(src[LinkResolver.RootMarker.Length..]);
                diagnostics.Add(Codes.ImageRefusedByWechat, group.Key, positions.GetValueOrDefault(src, SourcePos.File),
                    $"the WeChat editor accepts only BMP, PNG, JPEG and GIF images of at most 5 MB, so '{path}' cannot be uploaded with the article; add a PNG or JPEG version to media/ and show that one.");
            }
        }
    }

    /// <summary>Where each image of a Markdown file is written, by the marker URL its link resolves to.</summary>
    private static Dictionary<string, SourcePos> ImagePositions(ContentTree tree, string relPath)
    {
        var result = new Dictionary<string, SourcePos>(StringComparer.Ordinal);
        if (tree.Find(relPath) is not { } file) return result;
        var parsed = MarkdownBody.Parse(File.ReadAllText(file.FullPath));
        var links = new LinkResolver(tree, relPath, new DiagnosticBag());
        foreach (var image in parsed.Document.Descendants<Markdig.Syntax.Inlines.LinkInline>())
        {
            if (!image.IsImage || image.Url is null) continue;
            var pos = new SourcePos(image.Line + 1, image.Column + 1);
            if (links.Resolve(image.Url, pos) is { } url) result.TryAdd(url, pos);
        }
        return result;
    }
}
