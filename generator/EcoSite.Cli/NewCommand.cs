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
            Description = MessageCatalog.Format(lang, "help.new.content"),
            DefaultValueFactory = _ => "content",
            Recursive = true,
        };
        var command = new Command("new", MessageCatalog.Format(lang, "help.new")) { content, langOption };
        langOption.Recursive = true;

        var park = Argument("park", MessageCatalog.Format(lang, "help.new.park"));

        var dir = new Argument<string>("dir") { Description = MessageCatalog.Format(lang, "help.new.dir") };
        var firstPark = new Option<string?>("--park") { Description = MessageCatalog.Format(lang, "help.new.first-park") };
        var site = new Command("site", MessageCatalog.Format(lang, "help.new.site")) { dir, firstPark };
        site.SetAction(p => Finish(Guarded(() => new Scaffolder(p.GetValue(dir)!, Today()).Site(p.GetValue(firstPark))), p.GetValue(dir)!, stdout, stderr, lang));

        var parkId = Argument("id", MessageCatalog.Format(lang, "help.new.park-id"));
        var newPark = new Command("park", MessageCatalog.Format(lang, "help.new.park-cmd")) { parkId };
        newPark.SetAction(p => Run(p, content, s => s.Park(p.GetValue(parkId)!), stdout, stderr, lang));

        var slug = Argument("slug", MessageCatalog.Format(lang, "help.new.slug"));
        var news = new Command("news", MessageCatalog.Format(lang, "help.new.news")) { park, slug };
        news.SetAction(p => Run(p, content, s => s.News(p.GetValue(park)!, p.GetValue(slug)!), stdout, stderr, lang));

        var caseSlug = Argument("slug", MessageCatalog.Format(lang, "help.new.case-slug"));
        var newCase = new Command("case", MessageCatalog.Format(lang, "help.new.case")) { park, caseSlug };
        newCase.SetAction(p => Run(p, content, s => s.Case(p.GetValue(park)!, p.GetValue(caseSlug)!), stdout, stderr, lang));

        var listingId = Argument("id", MessageCatalog.Format(lang, "help.new.listing-id"));
        var enterprise = new Option<string?>("--enterprise") { Description = MessageCatalog.Format(lang, "help.new.enterprise") };
        var listing = new Command("listing", MessageCatalog.Format(lang, "help.new.listing")) { park, listingId, enterprise };
        listing.SetAction(p => Run(p, content, s => s.Listing(p.GetValue(park)!, p.GetValue(listingId)!, p.GetValue(enterprise)), stdout, stderr, lang));

        var enterpriseId = Argument("enterprise", MessageCatalog.Format(lang, "help.new.enterprise-id"));
        var polluter = new Command("polluter", MessageCatalog.Format(lang, "help.new.polluter")) { park, enterpriseId };
        polluter.SetAction(p => Run(p, content, s => s.Polluter(p.GetValue(park)!, p.GetValue(enterpriseId)!), stdout, stderr, lang));

        var year = Argument("year", MessageCatalog.Format(lang, "help.new.year"));
        var indicators = new Command("indicators", MessageCatalog.Format(lang, "help.new.indicators")) { park, year };
        indicators.SetAction(p => Run(p, content, s => s.Indicators(p.GetValue(park)!, p.GetValue(year)!), stdout, stderr, lang));

        var wasteYear = Argument("year", MessageCatalog.Format(lang, "help.new.waste-year"));
        var waste = new Command("waste", MessageCatalog.Format(lang, "help.new.waste")) { park, wasteYear };
        waste.SetAction(p => Run(p, content, s => s.Waste(p.GetValue(park)!, p.GetValue(wasteYear)!), stdout, stderr, lang));

        var pageSlug = Argument("slug", MessageCatalog.Format(lang, "help.new.page-slug"));
        var page = new Command("page", MessageCatalog.Format(lang, "help.new.page")) { park, pageSlug };
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
            return new ScaffoldResult(ScaffoldStatus.Unwritable, $"cannot read or write the content folder ({Core.Diagnostics.LibraryText.FileSystemError(e)}).", [], []);
        }
    }

    private static int Finish(ScaffoldResult result, string contentDir, TextWriter stdout, TextWriter stderr, string lang)
    {
        if (!result.Ok)
        {
            // The scaffolder answers in English; the catalog gives its sentences (and the missing-folder advice of ECO005) in the chosen language.
            var message = MessageCatalog.Translate("new", result.Message, lang) ?? MessageCatalog.Translate("ECO005", result.Message, lang) ?? result.Message;
            stderr.WriteLine(TerminalText.Line($"ecosite{(lang == MessageCatalog.Chinese ? "：" : ": ")}{message}"));
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
