using EcoSite.Core.Facts;
using EcoSite.Core.Model;
using EcoSite.Core.Render.Views;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render.Pages;

/// <summary>News (category 1), cases (category 3) and free pages: a list page per park and a page per item.</summary>
internal static class ArticlePages
{
    public static IEnumerable<PageJob> Jobs(SiteFacts facts)
    {
        foreach (var park in facts.Site.Parks)
        {
            foreach (var section in new[] { Section.News, Section.Cases })
            {
                var articles = section == Section.News ? park.News : park.Cases;
                yield return new PageJob(Routes.List(park.Id, section), ctx => List(ctx, park, section, articles));
            }
            // The park's two files are named once per park, not once per article.
            var profile = $"parks/{park.Id}/park.yaml";
            var enterprises = $"parks/{park.Id}/enterprises.yaml";
            foreach (var a in park.News.Concat(park.Cases).Concat(park.Pages))
                yield return new PageJob(Routes.Article(a), ctx => Item(ctx, park, a), a.Primary.File, Inputs(profile, enterprises, a));
        }
    }

    /// <summary>
    /// An article page shows its own versions, its attachments, and the park's and enterprises' names (its park.yaml
    /// and enterprises.yaml): one list of the right size, made without a query (there is one per article, every build).
    /// </summary>
    private static IReadOnlyList<string> Inputs(string profile, string enterprises, Article a)
    {
        var count = a.Versions.Count + 2;
        foreach (var v in a.Versions) count += v.Attachments.Count;
        var inputs = new List<string>(count);
        foreach (var v in a.Versions) inputs.Add(v.File);
        foreach (var v in a.Versions)
            foreach (var x in v.Attachments) inputs.Add(x.SitePath);
        inputs.Add(profile);
        inputs.Add(enterprises);
        return inputs;
    }

    private static PageContent List(PageContext ctx, Park park, Section section, IReadOnlyList<Article> articles)
    {
        var heading = ctx.T(section == Section.News ? "category_news" : "category_cases");
        // A park's list shows every item of the section: an incremental build digests what the items are made from
        // (ListDigestSource) and makes the view only when the page is rendered.
        return new PageContent("list", heading, heading, [ctx.HomeCrumb(), ctx.ParkCrumb(park)])
        {
            DigestSource = ListDigestSource(ctx.Lang, articles),
            MakeModel = () => new ListView(heading, ctx.T(section == Section.News ? "news_intro" : "cases_intro"),
                articles.Select(a => ItemView(ctx, a)).ToList(), ctx.T("empty_column")),
        };
    }

    /// <summary>
    /// Everything a list's <see cref="ItemView"/>s are made from, written straight into the page's digest: the list's
    /// language, and each item's page id (its park, section and slug), title, date, summary, news kind and language, in
    /// order, texts with their lengths. The rest of the list view (heading, intro, the empty note, the date format and
    /// kind labels) comes from the theme's strings and the page's language and path, which the digest covers apart
    /// (<see cref="ViewDigest"/>'s global part and output path). Nothing is made per item: no route, no date text.
    /// </summary>
    internal static IDigestSource ListDigestSource(string lang, IReadOnlyList<Article> articles) => new ListSource(lang, articles);

    private sealed class ListSource(string lang, IReadOnlyList<Article> articles) : IDigestSource
    {
        public void WriteTo(ViewDigest.Writer w)
        {
            w.Text(lang);
            w.Number(articles.Count);
            foreach (var a in articles)
            {
                // The version shown: this language's, else the primary (Article.In without its closure).
                var v = a.Primary;
                foreach (var version in a.Versions)
                    if (version.Lang == lang)
                    {
                        v = version;
                        break;
                    }
                // The item's link is Routes.Article(a), a function of these three.
                w.Text(a.ParkId);
                w.Number((int)a.Section);
                w.Text(a.Slug);
                w.Text(v.Title);
                w.Date(v.Date);
                w.Text(v.Summary);
                w.Number(a.Section == Section.News ? (int)v.Kind : -1);
                w.Text(v.Lang);
            }
        }
    }

    public static ItemView ItemView(PageContext ctx, Article a)
    {
        var v = a.In(ctx.Lang) ?? a.Primary;
        return new ItemView(v.Title, ctx.Url(Routes.Article(a)), v.Date is { } d ? Format.Iso(d) : null, v.Date is { } d2 ? ctx.Date(d2) : null,
            v.Summary, a.Section == Section.News ? ctx.T("kind_" + v.Kind.ToString().ToLowerInvariant()) : null,
            ctx.HtmlLang(v.Lang), v.Lang != ctx.Lang);
    }

    private static PageContent Item(PageContext ctx, Park park, Article a)
    {
        var v = a.In(ctx.Lang) ?? a.Primary;
        var facts = RecordFacts(ctx, park, v, v.Record ?? a.Primary.Record).ToList();
        if (v.Case is { } c)
        {
            if (c.Enterprise is { } e && park.FindEnterprise(e.Id) is { } ent)
            {
                var n = ctx.Text(ent.Name);
                facts.Add(new(ctx.T("enterprise"), n.Text, ctx.HtmlLang(n.Lang)));
            }
            if (c.Technology is { } t)
            {
                var n = ctx.Text(t);
                facts.Add(new(ctx.T("technology"), n.Text, ctx.HtmlLang(n.Lang)));
            }
            facts.AddRange(BenefitFacts(ctx, c.Benefits));
        }
        var crumbs = new List<LinkView> { ctx.HomeCrumb(), ctx.ParkCrumb(park) };
        if (a.Section != Section.Pages) crumbs.Add(new(ctx.T(a.Section == Section.News ? "category_news" : "category_cases"), ctx.Url(Routes.List(park.Id, a.Section))));
        var attachments = v.Attachments.Select(x => new AttachmentView(x.Name, ctx.FileUrl(x.SitePath), Format.Bytes(x.Bytes))).ToList();
        var model = new ArticleView(v.Title, ctx.HtmlLang(v.Lang), v.Date is { } d ? Format.Iso(d) : null, v.Date is { } d2 ? ctx.Date(d2) : null,
            a.Section == Section.News ? ctx.T("kind_" + v.Kind.ToString().ToLowerInvariant()) : null,
            new RawHtml(v.BodyHtml), attachments, facts);
        return new PageContent("article", v.Title, model, crumbs, v.Lang != ctx.Lang ? ctx.Fallback(v.Lang) : null, v.Summary);
    }

    /// <summary>
    /// The disclosure's catalogue data in the order of a 政府信息公开 page (索引号, 发布机构, 发布日期, 文号), when the
    /// front matter gives any of them; the publisher defaults to the park's managing body (content-format.md v2 section 7).
    /// </summary>
    private static IEnumerable<FactView> RecordFacts(PageContext ctx, Park park, ArticleVersion v, DocumentRecord? record)
    {
        if (record is null) yield break;
        if (record.IndexNo is { } index) yield return new(ctx.T("index_no"), index);
        if ((record.Publisher ?? park.Profile.ManagingBody) is { } publisher)
        {
            var p = ctx.Text(publisher);
            yield return new(ctx.T("publisher"), p.Text, ctx.HtmlLang(p.Lang));
        }
        if (v.Date is { } date) yield return new(ctx.T("published_on"), ctx.Date(date));
        if (record.DocNo is { } docNo) yield return new(ctx.T("doc_no"), docNo);
    }

    public static IEnumerable<FactView> BenefitFacts(PageContext ctx, Benefits b)
    {
        if (b.EnergySavedTce is { } e) yield return new(ctx.T("benefit_energy"), $"{Format.Number(e)} {ctx.T("unit_tce")}");
        if (b.WaterSavedM3 is { } w) yield return new(ctx.T("benefit_water"), $"{Format.Number(w)} {ctx.T("unit_m3")}");
        if (b.Co2ReducedT is { } c) yield return new(ctx.T("benefit_co2"), $"{Format.Number(c)} {ctx.T("unit_t")}");
        if (b.SolidWasteUtilisedT is { } s) yield return new(ctx.T("benefit_solid_waste"), $"{Format.Number(s)} {ctx.T("unit_t")}");
        if (b.EconomicBenefit10kCny is { } m) yield return new(ctx.T("benefit_economic"), $"{Format.Number(m)} {ctx.T("unit_10k_cny")}");
    }
}
