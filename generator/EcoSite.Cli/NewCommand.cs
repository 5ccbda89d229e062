using System.CommandLine;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;
using EcoSite.Core.Scaffold;

namespace EcoSite.Cli;

/// <summary><c>ecosite new KIND ...</c>: arguments to a <see cref="Scaffolder"/> call, its result to printed lines and an exit code.</summary>
internal static class NewCommand
{
    /// <param name="langOption">--lang, which every kind accepts.</param>
    /// <param name="lang">The language of the messages, chosen before the command tree is built.</param>
    public static Command Create(TextWriter stdout, TextWriter stderr, Option<string?> langOption, string lang)
    {
        var content = new Option<string>("--content", "-c")
        {
            Description = "Content folder the file goes into (default: content).",
            DefaultValueFactory = _ => "content",
            Recursive = true,
        };
        var command = new Command("new", """
            Write a commented starting file; never overwrites an existing one.

            Examples:
              ecosite new site content                      site.yaml and editor settings (add --park ID for a first park)
              ecosite new park qinghe                       parks/qinghe/park.yaml and enterprises.yaml
              ecosite new news qinghe 2026-12-01-training   news item in Chinese and English
              ecosite new case qinghe slag-to-cement        experience case in Chinese and English
              ecosite new listing qinghe fly-ash-supply     resource exchange listing
              ecosite new polluter qinghe qh-power          key polluting unit disclosure
              ecosite new indicators qinghe 2025            indicator report with every HJ 274-2015 indicator
              ecosite new waste qinghe 2025                 the year's waste and by-product flows
              ecosite new page qinghe about                 a free page in Chinese and English
              ecosite new news qinghe notice-1 --content sites/city/content
            """) { content, langOption };
        langOption.Recursive = true;

        var park = Argument("park", "Park id, the folder name under parks/ (e.g. qinghe).");

        var dir = new Argument<string>("dir") { Description = "The new content folder (e.g. content)." };
        var firstPark = new Option<string?>("--park") { Description = "Id of a first park to create with it (else none: add parks with 'ecosite new park ID')." };
        var site = new Command("site", "Create a content folder: site.yaml, parks/, the schemas in .schemas/ and .vscode/settings.json beside it (when there is none), so that 'ecosite build DIR' succeeds at once.\n\nExample: ecosite new site content --park qinghe") { dir, firstPark };
        site.SetAction(p => Finish(Guarded(() => new Scaffolder(p.GetValue(dir)!, Today()).Site(p.GetValue(firstPark))), p.GetValue(dir)!, stdout, stderr, lang));

        var parkId = Argument("id", "Park id: 2-63 characters of a-z, 0-9 and '-'.");
        var newPark = new Command("park", "Create parks/ID/park.yaml and enterprises.yaml.\n\nExample: ecosite new park qinghe") { parkId };
        newPark.SetAction(p => Run(p, content, s => s.Park(p.GetValue(parkId)!), stdout, stderr, lang));

        var slug = Argument("slug", "File name without .md: a-z, 0-9 and '-' (it becomes the web address).");
        var news = new Command("news", "Create news/SLUG.md and its English translation SLUG.en.md, dated today.\n\nExample: ecosite new news qinghe 2026-12-01-training") { park, slug };
        news.SetAction(p => Run(p, content, s => s.News(p.GetValue(park)!, p.GetValue(slug)!), stdout, stderr, lang));

        var caseSlug = Argument("slug", "File name without .md: a-z, 0-9 and '-'.");
        var newCase = new Command("case", "Create cases/SLUG.md and SLUG.en.md, dated today.\n\nExample: ecosite new case qinghe slag-to-cement") { park, caseSlug };
        newCase.SetAction(p => Run(p, content, s => s.Case(p.GetValue(park)!, p.GetValue(caseSlug)!), stdout, stderr, lang));

        var listingId = Argument("id", "Listing id, the file name without .yaml: a-z, 0-9 and '-'.");
        var enterprise = new Option<string?>("--enterprise") { Description = "Enterprise id offering or seeking (default: the park's first; added to enterprises.yaml when new)." };
        var listing = new Command("listing", "Create exchange/ID.yaml, a supply or demand listing posted today and valid for six months.\n\nExample: ecosite new listing qinghe fly-ash-supply --enterprise qh-power") { park, listingId, enterprise };
        listing.SetAction(p => Run(p, content, s => s.Listing(p.GetValue(park)!, p.GetValue(listingId)!, p.GetValue(enterprise)), stdout, stderr, lang));

        var enterpriseId = Argument("enterprise", "Enterprise id (added to enterprises.yaml when new).");
        var polluter = new Command("polluter", "Create polluters/ENTERPRISE.yaml with the six disclosure groups to fill in.\n\nExample: ecosite new polluter qinghe qh-power") { park, enterpriseId };
        polluter.SetAction(p => Run(p, content, s => s.Polluter(p.GetValue(park)!, p.GetValue(enterpriseId)!), stdout, stderr, lang));

        var year = Argument("year", "The year reported, e.g. 2025.");
        var indicators = new Command("indicators", "Create indicators/YEAR.yaml listing every catalog indicator with an empty value and target.\n\nExample: ecosite new indicators qinghe 2025") { park, year };
        indicators.SetAction(p => Run(p, content, s => s.Indicators(p.GetValue(park)!, p.GetValue(year)!), stdout, stderr, lang));

        var wasteYear = Argument("year", "The year of the flows, e.g. 2025.");
        var waste = new Command("waste", "Create waste/YEAR.yaml for the year's waste and by-product flows, with an example flow to copy.\n\nExample: ecosite new waste qinghe 2025") { park, wasteYear };
        waste.SetAction(p => Run(p, content, s => s.Waste(p.GetValue(park)!, p.GetValue(wasteYear)!), stdout, stderr, lang));

        var pageSlug = Argument("slug", "File name without .md: a-z, 0-9 and '-'.");
        var page = new Command("page", "Create pages/SLUG.md and SLUG.en.md, a free page such as about or contact.\n\nExample: ecosite new page qinghe about") { park, pageSlug };
        page.SetAction(p => Run(p, content, s => s.Page(p.GetValue(park)!, p.GetValue(pageSlug)!), stdout, stderr, lang));

        foreach (var sub in new[] { site, newPark, news, newCase, listing, polluter, indicators, waste, page }) command.Subcommands.Add(sub);
        return command;
    }

    private static Argument<string> Argument(string name, string description) => new(name) { Description = description };

    private static int Run(ParseResult parse, Option<string> content, Func<Scaffolder, ScaffoldResult> scaffold, TextWriter stdout, TextWriter stderr, string lang)
    {
        var dir = parse.GetValue(content)!;
        return Finish(Guarded(() => scaffold(new Scaffolder(dir, Today()))), dir, stdout, stderr, lang);
    }

    /// <summary>A file-system error anywhere in scaffolding (reading enterprises.yaml, adding to it) is a message and exit 1.</summary>
    private static ScaffoldResult Guarded(Func<ScaffoldResult> scaffold)
    {
        try
        {
            return scaffold();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScaffoldResult(ScaffoldStatus.Unwritable, $"cannot read or write the content folder ({e.Message}).", [], []);
        }
    }

    private static int Finish(ScaffoldResult result, string contentDir, TextWriter stdout, TextWriter stderr, string lang)
    {
        if (!result.Ok)
        {
            stderr.WriteLine(TerminalText.Line($"ecosite: {result.Message}"));
            return result.Status == ScaffoldStatus.InvalidName ? EcoSiteCommand.UsageError : EcoSiteCommand.ContentErrors;
        }
        foreach (var f in result.Created) stdout.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.new.created", Show(contentDir, f))));
        foreach (var f in result.Updated) stdout.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.new.added-enterprise", Show(contentDir, f))));
        if (!result.Created.Any(f => f.StartsWith("parks/", StringComparison.Ordinal)) && result.Created.Contains("site.yaml"))
            stdout.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.new.next-park", Quote(contentDir))));
        else
            stdout.WriteLine(TerminalText.Line(MessageCatalog.Format(lang, "cli.new.next-fill", Quote(contentDir))));
        return EcoSiteCommand.Ok;
    }

    private static string Show(string contentDir, string rel) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(Path.Combine(contentDir, rel))).Replace('\\', '/');

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    /// <summary>"Today" as a build sees it (SOURCE_DATE_EPOCH, else the clock), so scaffolded dates are reproducible in tests and CI.</summary>
    private static DateOnly Today() => BuildClock.FromEnvironment().Today(new DiagnosticBag()).Item1;
}
