using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli;

/// <summary>
/// System.CommandLine's own words in the chosen language: the help page ("Usage:", "Options:", "[default: …]", the
/// descriptions of --help and --version) and the usage errors of a parse. The library has them in English only here:
/// the CLI is built with SatelliteResourceLanguages=en and InvariantGlobalization and ships as a Native AOT
/// executable, so neither its satellite assemblies nor CultureInfo can be relied on. Both are rendered from
/// MessagesEn/Zh.resx ("cli.help.*", "cli.parse.*"); this is the one place where the library's text is replaced.
/// </summary>
internal static partial class CliText
{
    /// <summary>The name the tool is run by (the root command's own name is the host's: 'testhost' in tests).</summary>
    public const string Tool = "ecosite";

    /// <summary>Gives --help our help page, and --help and --version their descriptions, in <paramref name="lang"/>.</summary>
    public static void Apply(RootCommand root, TextWriter stdout, string lang)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Description = MessageCatalog.Format(lang, "cli.help.help-option");
                help.Action = new HelpPage(stdout, lang);
            }
            else if (option is VersionOption version)
            {
                version.Description = MessageCatalog.Format(lang, "cli.help.version-option");
            }
        }
    }

    /// <summary>
    /// The library's usage error <paramref name="message"/> in <paramref name="lang"/>, with the same values; a message
    /// of our own validators (already in <paramref name="lang"/>) or one the table does not know is kept as it is.
    /// </summary>
    public static string Error(string message, string lang)
    {
        foreach (var (pattern, key) in LibraryErrors.Value)
        {
            var m = pattern.Match(message);
            if (!m.Success) continue;
            var values = new object[MessageCatalog.Arity(key)];
            for (var n = 0; n < values.Length; n++) values[n] = m.Groups[$"a{n}"].Value;
            // "Must be one of:\n\t'text'\n\t'json'": the choices, on one line.
            if (key == "cli.parse.not-one-of")
                values[1] = string.Join(lang == MessageCatalog.Chinese ? "、" : ", ", Quoted().Matches((string)values[1]).Select(q => q.Value));
            return MessageCatalog.Format(lang, key, values);
        }
        return message;
    }

    // The English texts of System.CommandLine 2.0.15's usage errors that EcoSite's commands can produce (its resource
    // strings; CliWordsTests runs each one, so a new wording in a later version fails there rather than reaching
    // a Chinese user in English). Conversion errors cannot occur: --port and --fail-under parse their own values.
    private static readonly Lazy<List<(Regex Pattern, string Key)>> LibraryErrors = new(() =>
    [
        .. new (string Library, string Key)[]
        {
            ("Unrecognized command or argument '{0}'.", "cli.parse.unrecognized"),
            ("Required argument missing for command: '{0}'.", "cli.parse.command-argument-missing"),
            ("Required argument missing for option: '{0}'.", "cli.parse.option-argument-missing"),
            ("Required command was not provided.", "cli.parse.command-missing"),
            ("Argument '{0}' not recognized. Must be one of:{1}", "cli.parse.not-one-of"),
            ("Option '{0}' expects a single argument but {1} were provided.", "cli.parse.one-value"),
            ("{0} option cannot be combined with other arguments.", "cli.parse.version-alone"),
            ("Response file not found '{0}'.", "cli.parse.response-file"),
        }.Select(e => (MessageCatalog.Pattern(e.Library), e.Key)),
    ]);

    /// <summary>
    /// Words that look like options but name none, where the library took them as a command's argument: 'build --bogus'
    /// would otherwise build a content folder called "--bogus". After "--" every word is an argument, so a path that
    /// starts with '-' is still given that way. (A value after an option, as in '-o -x', is that option's.)
    /// </summary>
    public static IEnumerable<string> UnknownOptions(ParseResult parse, string lang)
    {
        var end = parse.Tokens.Count;
        for (var i = 0; i < parse.Tokens.Count; i++)
            if (parse.Tokens[i].Type == TokenType.DoubleDash) { end = i; break; }
        var positional = new List<Token>();
        for (SymbolResult? r = parse.CommandResult; r is not null; r = r.Parent)
            if (r is CommandResult command)
                foreach (var child in command.Children)
                    if (child is ArgumentResult argument) positional.AddRange(argument.Tokens);
        for (var i = 0; i < end; i++)
        {
            var token = parse.Tokens[i];
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && positional.Any(p => ReferenceEquals(p, token)))
                yield return MessageCatalog.Format(lang, "cli.parse.unknown-option", token.Value, CommandPath(parse.CommandResult));
        }
    }

    // "ecosite new park": the command as typed, from the tool's name down.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Command is not RootCommand; r = r.Parent) names.Add(c.Command.Name);
        names.Add(Tool);
        names.Reverse();
        return string.Join(' ', names);
    }

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    /// <summary>
    /// The help page of the command given, laid out as System.CommandLine lays it out (description, usage, arguments,
    /// options, subcommands; two columns), with the section names and the library's labels in the chosen language.
    /// Descriptions are not wrapped: they carry their own line breaks, and Chinese has no spaces to wrap at.
    /// </summary>
    private sealed class HelpPage(TextWriter stdout, string lang) : SynchronousCommandLineAction
    {
        // As the library's help: --help wins over the errors of the rest of the command line (a missing argument).
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            stdout.Write(Render(parseResult.CommandResult.Command));
            return EcoSiteCommand.Ok;
        }

        private string Render(Command command)
        {
            var page = new StringBuilder();
            var chain = Chain(command);
            if (!string.IsNullOrWhiteSpace(command.Description))
                Section(page, "cli.help.description", [.. command.Description.Split('\n').Select(l => "  " + l.TrimEnd('\r'))]);
            Section(page, "cli.help.usage", ["  " + Usage(chain)]);
            Columns(page, "cli.help.arguments", [.. command.Arguments.Where(a => !a.Hidden).Select(a => (ArgumentName(a), Described(a.Description, a.HasDefaultValue ? a.GetDefaultValue() : null)))]);
            Columns(page, "cli.help.options", [.. Options(chain).Select(o => (OptionLabel(o), Described(o.Description, o.HasDefaultValue && !IsFlag(o) ? o.GetDefaultValue() : null)))]);
            Columns(page, "cli.help.commands", [.. command.Subcommands.Where(c => !c.Hidden).Select(c => (string.Join(' ', [c.Name, .. c.Arguments.Where(a => !a.Hidden).Select(ArgumentName)]), c.Description ?? ""))]);
            return page.ToString();
        }

        private void Section(StringBuilder page, string title, IEnumerable<string> lines)
        {
            page.Append(MessageCatalog.Format(lang, title)).Append('\n');
            foreach (var line in lines) page.Append(line.TrimEnd()).Append('\n');
            page.Append('\n');
        }

        // Rows of a first column (names) and a second (a description, perhaps of several lines) aligned after it.
        private void Columns(StringBuilder page, string title, IReadOnlyList<(string Left, string Right)> rows)
        {
            if (rows.Count == 0) return;
            var width = rows.Max(r => r.Left.Length);
            var lines = new List<string>();
            foreach (var (left, right) in rows)
            {
                var text = right.Split('\n');
                lines.Add($"  {left.PadRight(width)}  {text[0].TrimEnd('\r')}");
                lines.AddRange(text.Skip(1).Select(l => new string(' ', width + 4) + l.TrimEnd('\r')));
            }
            Section(page, title, lines);
        }

        private string Described(string? description, object? defaultValue)
        {
            var shown = defaultValue switch
            {
                null => "",
                string s => s,
                System.Collections.IEnumerable many => string.Join('|', many.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
                _ => Convert.ToString(defaultValue, CultureInfo.InvariantCulture) ?? "",
            };
            return shown.Length == 0 ? description ?? "" : $"{description} {MessageCatalog.Format(lang, "cli.help.default", shown)}".TrimStart();
        }

        private string Usage(IReadOnlyList<Command> chain)
        {
            var parts = new List<string>();
            foreach (var c in chain)
            {
                parts.Add(c is RootCommand ? Tool : c.Name);
                parts.AddRange(c.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel));
            }
            if (chain[^1].Subcommands.Any(c => !c.Hidden)) parts.Add(MessageCatalog.Format(lang, "cli.help.usage-command"));
            if (Options(chain).Any()) parts.Add(MessageCatalog.Format(lang, "cli.help.usage-options"));
            return string.Join(' ', parts);
        }

        // The command's own options, then the recursive ones of its ancestors, nearest first (the library's order).
        private static IEnumerable<Option> Options(IReadOnlyList<Command> chain)
        {
            var shown = new HashSet<Option>();
            foreach (var o in chain[^1].Options)
                if (!o.Hidden && shown.Add(o)) yield return o;
            for (var i = chain.Count - 2; i >= 0; i--)
                foreach (var o in chain[i].Options)
                    if (o.Recursive && !o.Hidden && !(o is HelpOption && shown.Any(s => s is HelpOption)) && shown.Add(o)) yield return o;
        }

        private static List<Command> Chain(Command command)
        {
            var chain = new List<Command>();
            for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault()) chain.Add(c);
            chain.Reverse();
            return chain;
        }

        private static string ArgumentName(Argument a) => $"<{a.HelpName ?? a.Name}>{(a.Arity.MaximumNumberOfValues > 1 ? "..." : "")}";

        private static string ArgumentLabel(Argument a) => a.Arity.MinimumNumberOfValues == 0 ? $"[{ArgumentName(a)}]" : ArgumentName(a);

        private static bool IsFlag(Option o) => o.ValueType == typeof(bool) || o.Arity.MaximumNumberOfValues == 0;

        // "-o, --output <output>": the short names first (not the Windows forms /? and /h, which the library does not
        // list either); a flag has no value to name; a choice names its values.
        private static string OptionLabel(Option o)
        {
            var names = o.Aliases.Append(o.Name).Where(n => !n.StartsWith('/')).Distinct()
                .OrderBy(n => n.Length - n.TrimStart('-').Length).ThenBy(n => n, StringComparer.OrdinalIgnoreCase);
            var label = string.Join(", ", names);
            if (IsFlag(o)) return label;
            var choices = o.CompletionSources.Count > 0 ? o.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Order(StringComparer.Ordinal).ToList() : [];
            return $"{label} <{o.HelpName ?? (choices.Count > 0 ? string.Join('|', choices) : o.Name.TrimStart('-'))}>";
        }
    }
}
