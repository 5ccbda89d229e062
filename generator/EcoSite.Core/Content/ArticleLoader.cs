using System.Text.RegularExpressions;
using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Content;

/// <summary>One Markdown file of news/, cases/ or pages/ (content-format.md section 7), before pairing by language.</summary>
internal sealed record LoadedVersion(string ParkId, Section Section, string Slug, ArticleVersion Version);

internal static partial class ArticleLoader
{
    // Built on each use, not static fields: a table built once per process cannot be measured by mutation testing
    // (docs/security.md, "Mutation testing"); a few small arrays per file cost nothing next to reading it.
    private static string[] NewsFields => ["title", "date", "kind", "summary", "attachments", "index_no", "publisher", "doc_no"];
    private static string[] CaseFields => ["title", "date", "summary", "attachments", "enterprise", "technology", "benefits"];
    private static string[] PageFields => ["title", "date", "summary", "attachments"];
    private static string[] BenefitFields => ["energy_saved_tce", "water_saved_m3", "co2_reduced_t", "solid_waste_utilised_t", "economic_benefit_10k_cny"];
    private static string[] Kinds => ["news", "notice", "plan", "report"];

    [GeneratedRegex(@"^(?<slug>[^.]+)(\.(?<lang>[^.]+))?\.md$")]
    private static partial Regex FileName();

    /// <param name="light">
    /// Front matter only (a shard's other parks, docs/architecture.md "Shards and merge"): the body is neither parsed nor
    /// rendered, so the version has no <see cref="ArticleVersion.BodyHtml"/> and only the summary the front matter gives;
    /// everything the site's facts read (title, date, kind, case fields, attachments, placeholders) is the full load's.
    /// </param>
    public static LoadedVersion? Load(ContentFile file, string parkId, Section section, ContentTree tree, IReadOnlyList<string> languages, DiagnosticBag diagnostics,
        bool light = false)
    {
        var rel = file.RelPath;
        var name = rel[(rel.LastIndexOf('/') + 1)..];
        var m = FileName().Match(name);
        var slug = m.Groups["slug"].Value;
        var lang = m.Groups["lang"].Success ? m.Groups["lang"].Value : languages[0];
        if (!m.Success || !YamlReader.IdPattern().IsMatch(slug))
        {
            diagnostics.Add(Codes.InvalidId, rel, SourcePos.File,
                $"the file name '{name}' becomes a web address; use only a-z, 0-9 and '-' (e.g. 2026-03-02-work-plan.md), with '.en.md' for the English translation.");
            return null;
        }
        if (Routes.IsReservedSlug(slug))
        {
            diagnostics.Add(Codes.InvalidId, rel, SourcePos.File, $"'{slug}' cannot name an item: its page would replace the section's list page; rename the file.");
            return null;
        }
        if (!languages.Contains(lang))
        {
            diagnostics.Add(Codes.UnknownLanguage, rel, SourcePos.File,
                $"'.{lang}.md' names a language this site does not have ({string.Join(", ", languages)}).{DidYouMean.Hint(lang, languages)} The default-language file has no suffix: '{slug}.md'.");
            return null;
        }

        var text = SourceText.ReadNonEmpty(tree, file, diagnostics, "the file is empty; it needs front matter with at least a title between '---' lines.");
        if (text is null) return null;

        ParsedMarkdown? parsed = null;
        YNode root;
        int bodyStart;
        // A light load of the commonest front matter skips Markdig and YamlDotNet; the tree is the one they build.
        if (light && SimpleFrontMatter.TryRead(text) is { } simple)
            (root, bodyStart) = simple;
        else
        {
            parsed = light ? MarkdownBody.ParseFrontMatter(text, rel, diagnostics) : MarkdownBody.Parse(text, rel, diagnostics);
            if (parsed is null) return null;
            if (parsed.FrontMatter is null)
            {
                diagnostics.Add(Codes.MissingFrontMatter, rel, new SourcePos(1, 1),
                    "the file does not start with front matter; begin it with '---', then 'title: ...' and 'date: YYYY-MM-DD' lines, then '---'.");
                return null;
            }
            var yaml = YamlTree.Parse(parsed.FrontMatter, rel, diagnostics, parsed.FrontMatterLineOffset);
            if (yaml is null && diagnostics.HasErrorsFor(rel)) return null;
            // An empty front matter block parses to nothing: report the missing fields at its first line.
            root = yaml ?? new YMap(parsed.FrontMatterPos, []);
            bodyStart = parsed.BodyStart;
        }
        var reader = new YamlReader(rel, diagnostics, languages);
        var what = section switch { Section.News => "a news item", Section.Cases => "a case", _ => "a page" };
        var known = section switch { Section.News => NewsFields, Section.Cases => CaseFields, _ => PageFields };
        var f = reader.Map(root, what, known);
        if (f is null) return null;

        var title = f.Text("title", required: true);
        var date = f.Date("date", required: section != Section.Pages);
        var kind = section == Section.News ? f.OneOf("kind", Kinds) switch
        {
            "notice" => NewsKind.Notice,
            "plan" => NewsKind.Plan,
            "report" => NewsKind.Report,
            _ => NewsKind.News,
        } : NewsKind.News;
        var summary = f.Text("summary");

        var links = new LinkResolver(tree, rel, diagnostics);
        var attachments = f.List("attachments", node =>
        {
            var path = reader.Text(node, "attachments");
            if (path is null) return null;
            var site = links.ResolveMedia(path, node.Start, out var media);
            return site is null ? null : new Attachment(path[(path.Replace('\\', '/').LastIndexOf('/') + 1)..], site, media!.Bytes);
        });

        CaseInfo? caseInfo = null;
        if (section == Section.Cases)
        {
            var ent = f.Id("enterprise") is { } id ? new EnterpriseRef(id, rel, f.PosOf("enterprise")) : null;
            var benefits = Benefits.None;
            if (f.Map("benefits", BenefitFields) is { } b)
            {
                benefits = new Benefits(
                    NonNegative(b, "energy_saved_tce"), NonNegative(b, "water_saved_m3"), NonNegative(b, "co2_reduced_t"),
                    NonNegative(b, "solid_waste_utilised_t"), b.Number("economic_benefit_10k_cny"));
            }
            caseInfo = new CaseInfo(ent, f.Localized("technology"), benefits);
        }

        var body = light ? new RenderedBody("", "") : MarkdownBody.Render(parsed!.Document, links, rel, lang, diagnostics);
        if (title is null || section != Section.Pages && date is null) return null;
        var version = new ArticleVersion(lang, rel, title, date, kind,
            summary is { Length: > 0 } ? summary : Summary.Cut(body.FirstParagraph), body.Html, attachments, caseInfo)
        {
            Record = section != Section.News ? null : DocumentRecord.Of(f.Text("index_no"), f.Localized("publisher"), f.Text("doc_no")),
            // From the body as written, not as rendered: a light load (no body rendered) must score an item as a full one does.
            PlaceholderInBody = Placeholders.In(text.AsSpan(bodyStart)),
            Light = light,
        };
        return new LoadedVersion(parkId, section, slug, version);

        double? NonNegative(FieldSet b, string key)
        {
            var v = b.Number(key);
            if (v is < 0)
            {
                reader.Report(Codes.InvalidValue, b.PosOf(key), $"'benefits.{key}' is a yearly saving and cannot be negative.");
                return null;
            }
            return v;
        }
    }
}
