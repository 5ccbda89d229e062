using EcoSite.Core.Content.Yaml;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// The typed readers every loader uses (<see cref="YamlReader"/>, <see cref="FieldSet"/>), one value at a time, no
/// build: what each gives, and the exact diagnostic (code, line, column, message) an editor sees for each mistake.
/// </summary>
public sealed class YamlReaderTests
{
    private const string File = "parks/demo/x.yaml";

    /// <summary>Reads <paramref name="yaml"/> (a map) and hands its reader and fields to <paramref name="read"/>.</summary>
    private static (T Value, string[] Diagnostics) Read<T>(string yaml, Func<YamlReader, YMap, T> read)
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YMap>(YamlTree.Parse(yaml, File, bag));
        Assert.Empty(bag.ToSortedList());
        var r = new YamlReader(File, bag, ["zh", "en"]);
        var value = read(r, root);
        return (value, bag.ToSortedList().Select(d => d.ToString()).ToArray());
    }

    private static YNode Value(YMap map, string key = "v") => map.Entries.Single(e => e.Key.Value == key).Value;

    private static string Diag(int line, int column, string code, string message, bool error = true) =>
        $"{File}:{line}:{column}: {(error ? "error" : "warning")} {code}: {message}";

    [Fact]
    public void The_reader_knows_its_file_bag_and_languages()
    {
        var bag = new DiagnosticBag();
        var r = new YamlReader(File, bag, ["zh", "en"]);
        Assert.Equal(File, r.File);
        Assert.Same(bag, r.Diagnostics);
        Assert.Equal(["zh", "en"], r.Languages);
        r.Report(Codes.InvalidValue, new SourcePos(3, 4), "m.");
        Assert.Equal([Diag(3, 4, "ECO016", "m.")], bag.ToSortedList().Select(d => d.ToString()));
    }

    [Fact]
    public void A_map_with_an_unknown_key_is_read_and_the_key_warned_about_with_a_did_you_mean()
    {
        var (f, d) = Read("m:\n  titel: a\n  date: 2026-01-01\n  zzz: 1\n", (r, m) => r.Map(Value(m, "m"), "an article", "title", "date"));
        Assert.NotNull(f);
        Assert.Equal("2026-01-01", f.Text("date"));
        Assert.Equal(new SourcePos(2, 3), f.Pos);
        Assert.Equal([
            Diag(2, 3, "ECO012", "'titel' is not a field of an article; it is ignored. Did you mean 'title'? Known fields: title, date.", error: false),
            Diag(4, 3, "ECO012", "'zzz' is not a field of an article; it is ignored. Known fields: title, date.", error: false),
        ], d);
    }

    [Fact]
    public void A_map_of_known_keys_gives_no_diagnostic_and_a_missing_map_none()
    {
        Assert.Empty(Read("m: {title: a, date: b}\n", (r, m) => r.Map(Value(m, "m"), "x", "title", "date")).Diagnostics);
        var (f, d) = Read("m: 1\n", (r, _) => r.Map(null, "x", "title"));
        Assert.Null(f);
        Assert.Empty(d);
    }

    [Theory]
    [InlineData("v: text\n", "'text'")]
    [InlineData("v: [a]\n", "a list")]
    [InlineData("v: {a: b}\n", "a map")]
    public void Something_other_than_a_map_is_named_where_a_map_is_needed(string yaml, string described)
    {
        var (f, d) = Read(yaml, (r, m) => r.Map(Value(m), "'basic'", "a"));
        Assert.Equal(described == "a map", f is not null);
        if (described != "a map")
            Assert.Equal([Diag(1, 4, "ECO011", $"'basic' must be a map of 'key: value' lines, not {described}.")], d);
    }

    [Theory]
    [InlineData("v: '  padded  '\n", "padded")]
    [InlineData("v: plain\n", "plain")]
    [InlineData("v: ''\n", "")]
    [InlineData("v: ~\n", null)]
    [InlineData("v: null\n", null)]
    [InlineData("v:\n", null)]
    [InlineData("v: Null\n", null)]
    [InlineData("v: NULL\n", null)]
    [InlineData("v: 'null'\n", "null")]
    [InlineData("v: \"~\"\n", "~")]
    [InlineData("v: nulls\n", "nulls")]
    [InlineData("v: nULL\n", "nULL")]
    public void Text_is_trimmed_and_null_is_no_text(string yaml, string? expected)
    {
        var (t, d) = Read(yaml, (r, m) => r.Text(Value(m), "v"));
        Assert.Equal(expected, t);
        Assert.Empty(d);
    }

    [Fact]
    public void A_list_or_map_where_text_is_needed_is_named()
    {
        Assert.Equal([Diag(1, 4, "ECO011", "'v' must be text, not a list.")], Read("v: [a]\n", (r, m) => r.Text(Value(m), "v")).Diagnostics);
        Assert.Equal([Diag(2, 3, "ECO011", "'v' must be text, not a map.")], Read("v:\n  a: b\n", (r, m) => r.Text(Value(m), "v")).Diagnostics);
        Assert.Null(Read("v: [a]\n", (r, m) => r.Text(Value(m), "v")).Value);
        Assert.Null(Read("v: [a]\n", (r, _) => r.Text(null, "v")).Value);
    }

    private static string Texts(LocalizedText? t) => t is null ? "null" : string.Join(",", t.Values.Select(v => $"{v.Key}={v.Value}"));

    [Theory]
    [InlineData("v: ' 园区 '\n", "zh=园区")]
    [InlineData("v: {zh: 园区, en: ' Park '}\n", "en=Park,zh=园区")]
    [InlineData("v: {zh: 园区, en: ''}\n", "zh=园区")]
    [InlineData("v: {zh: '', en: ''}\n", "null")]
    [InlineData("v: {zh: ~}\n", "null")]
    [InlineData("v: ~\n", "null")]
    public void Localized_text_is_read_per_language(string yaml, string expected)
    {
        var (t, _) = Read(yaml, (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal(expected, Texts(t));
    }

    [Fact]
    public void Localized_text_with_both_languages_gives_no_diagnostic_and_no_node_gives_none()
    {
        Assert.Empty(Read("v: {zh: 园区, en: Park}\n", (r, m) => r.Localized(Value(m), "name")).Diagnostics);
        Assert.Empty(Read("v: 园区\n", (r, m) => r.Localized(Value(m), "name")).Diagnostics);
        Assert.Null(Read("v: 园区\n", (r, _) => r.Localized(null, "name")).Value);
    }

    [Fact]
    public void Localized_text_without_the_default_language_is_warned_about_at_the_map()
    {
        var (t, d) = Read("x: 1\nv: {en: Park}\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal("en=Park", Texts(t));
        Assert.Equal([Diag(2, 4, "ECO025", "'name' has no 'zh' text; pages in that language show the other language instead. Add 'zh: ...'.", error: false)], d);
    }

    [Fact]
    public void Localized_text_without_a_translation_is_warned_about_at_the_map()
    {
        var (t, d) = Read("v:\n  zh: 园区\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal("zh=园区", Texts(t));
        Assert.Equal([Diag(2, 3, "ECO028", "'name' has no 'en' text; the en pages show the zh text instead. Add 'en: ...', or write the field as plain text if it needs no translation.", error: false)], d);
    }

    [Fact]
    public void An_unknown_language_is_an_error_with_a_did_you_mean_and_no_follow_on_warning()
    {
        var (t, d) = Read("v: {zh: 园区, eng: Park}\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal("zh=园区", Texts(t));
        Assert.Equal([Diag(1, 13, "ECO022", "'eng' is not a language of this site (zh, en). Did you mean 'en'?")], d);
    }

    [Fact]
    public void A_key_split_off_by_a_comma_after_a_language_text_is_explained()
    {
        var (t, d) = Read("v: {zh: 某某公司, en: Demo Co., Ltd.}\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal("en=Demo Co.,zh=某某公司", Texts(t));
        Assert.Equal([Diag(1, 29, "ECO022",
            "'Ltd.' is not a language: the comma in the en text of 'name' ends that text inside {...}, so 'Ltd.' became a key. Put the text in quotes: en: \"Demo Co., Ltd.\".")], d);
    }

    [Theory]
    // After an unknown key, a key without a value is not the rest of a language's text.
    [InlineData("v: {zh: 甲, fr: x, Ltd.}\n")]
    // A key with a value is a language typed wrong, not a split text.
    [InlineData("v: {zh: 甲, Ltd.: x}\n")]
    // After a language without text there is no text to continue.
    [InlineData("v: {zh: ~, Ltd.}\n")]
    [InlineData("v: {Ltd.}\n")]
    public void Only_a_key_without_a_value_right_after_a_language_text_is_taken_for_a_split_text(string yaml)
    {
        var (_, d) = Read(yaml, (r, m) => r.Localized(Value(m), "name"));
        Assert.Contains(d, x => x.EndsWith("'Ltd.' is not a language of this site (zh, en).", StringComparison.Ordinal));
        Assert.DoesNotContain(d, x => x.Contains("became a key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_split_text_after_an_unknown_key_that_followed_a_language_is_not_explained_as_that_language()
    {
        // The key before 'Ltd.' is 'fra', not a language: the generic message.
        var (_, d) = Read("v: {fra: x, Ltd.}\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal([
            Diag(1, 5, "ECO022", "'fra' is not a language of this site (zh, en)."),
            Diag(1, 13, "ECO022", "'Ltd.' is not a language of this site (zh, en)."),
        ], d);
    }

    [Fact]
    public void An_unknown_language_and_no_default_language_gives_both_and_a_list_is_named()
    {
        var (t, d) = Read("v: {en: Park, fra: Parc}\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal("en=Park", Texts(t));
        Assert.Equal([
            Diag(1, 4, "ECO025", "'name' has no 'zh' text; pages in that language show the other language instead. Add 'zh: ...'.", error: false),
            Diag(1, 15, "ECO022", "'fra' is not a language of this site (zh, en)."),
        ], d);
        var (l, dl) = Read("v: [a]\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Null(l);
        Assert.Equal([Diag(1, 4, "ECO011", "'name' must be text or a map like {zh: ..., en: ...}, not a list.")], dl);
    }

    [Fact]
    public void A_translation_of_the_wrong_shape_is_named_by_its_field_and_language()
    {
        var (t, d) = Read("v: {zh: 园区, en: [a]}\n", (r, m) => r.Localized(Value(m), "name"));
        Assert.Equal("zh=园区", Texts(t));
        Assert.Equal([
            Diag(1, 4, "ECO028", "'name' has no 'en' text; the en pages show the zh text instead. Add 'en: ...', or write the field as plain text if it needs no translation.", error: false),
            Diag(1, 17, "ECO011", "'name.en' must be text, not a list."),
        ], d);
    }

    [Theory]
    [InlineData("v: 2026-03-02\n", "2026-03-02")]
    [InlineData("v: 2024-02-29\n", "2024-02-29")]
    [InlineData("v: ~\n", null)]
    public void A_date_is_read(string yaml, string? expected)
    {
        var (v, d) = Read(yaml, (r, m) => r.Date(Value(m), "date"));
        Assert.Equal(expected, v?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(d);
    }

    [Theory]
    [InlineData("2026-02-30", "a day that does not exist: 2026-02 has 28 days")]
    [InlineData("2025-02-29", "a day that does not exist: 2025-02 has 28 days")]
    [InlineData("2026-04-31", "a day that does not exist: 2026-04 has 30 days")]
    [InlineData("2026-01-00", "a day that does not exist: 2026-01 has 31 days")]
    [InlineData("2026-01-32", "a day that does not exist: 2026-01 has 31 days")]
    [InlineData("2026-13-01", "a day that does not exist: there is no month 13")]
    [InlineData("2026-00-01", "a day that does not exist: there is no month 0")]
    [InlineData("0001-12-32", "a day that does not exist: 0001-12 has 31 days")]
    public void An_impossible_day_is_explained(string text, string why)
    {
        var (v, d) = Read($"x: 1\nv: {text}\n", (r, m) => r.Date(Value(m), "date"));
        Assert.Null(v);
        Assert.Equal([Diag(2, 4, "ECO020", $"'date' is '{text}', {why}. Check the date.")], d);
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("2026/01/01")]
    [InlineData("2026-01/01")]
    [InlineData("20260101")]
    [InlineData("2026-1-1")]
    [InlineData("2026-01-011")]
    [InlineData("+026-01-01")]
    [InlineData("2026-+1-01")]
    [InlineData("2026-01-+1")]
    [InlineData("soon")]
    public void Text_that_is_not_a_date_is_asked_for_as_YYYY_MM_DD(string text)
    {
        var (v, d) = Read($"v: '{text}'\n", (r, m) => r.Date(Value(m), "date"));
        Assert.Null(v);
        Assert.Equal([Diag(1, 4, "ECO020", $"'date' is '{text}', which is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.")], d);
    }

    [Theory]
    [InlineData("v: 120\n", 120.0)]
    [InlineData("v: 0.5\n", 0.5)]
    [InlineData("v: 1_000\n", 1000.0)]
    [InlineData("v: -3\n", -3.0)]
    [InlineData("v: 1e15\n", 1e15)]
    [InlineData("v: -1e15\n", -1e15)]
    [InlineData("v: ~\n", null)]
    public void A_number_is_read(string yaml, double? expected)
    {
        var (v, d) = Read(yaml, (r, m) => r.Number(Value(m), "n"));
        Assert.Equal(expected, v);
        Assert.Empty(d);
    }

    [Theory]
    [InlineData("1.0000000001e15")]
    [InlineData("-1.0000000001e15")]
    [InlineData("1e308")]
    public void A_number_beyond_10_to_the_15_is_refused_naming_the_unit(string text)
    {
        var (v, d) = Read($"v: {text}\n", (r, m) => r.Number(Value(m), "n"));
        Assert.Null(v);
        Assert.Equal([Diag(1, 4, "ECO016", $"'n' is {text}, larger than EcoSite accepts (10^15 in either direction); check the unit (t rather than kg, 10k CNY rather than CNY).")], d);
    }

    [Theory]
    [InlineData("v: '5'\n", "5")]
    [InlineData("v: 5 t\n", "5 t")]
    [InlineData("v: NaN\n", "NaN")]
    [InlineData("v: Infinity\n", "Infinity")]
    [InlineData("v: 1e400\n", "1e400")]
    public void Something_that_is_not_a_plain_finite_number_is_a_wrong_type(string yaml, string text)
    {
        var (v, d) = Read(yaml, (r, m) => r.Number(Value(m), "n"));
        Assert.Null(v);
        Assert.Equal([Diag(1, 4, "ECO011", $"'n' must be a number (like 120 or 0.5, without quotes or units), not '{text}'.")], d);
    }

    [Theory]
    [InlineData("v: 2025\n", 2025)]
    [InlineData("v: -4\n", -4)]
    [InlineData("v: ~\n", null)]
    public void An_integer_is_read(string yaml, int? expected)
    {
        var (v, d) = Read(yaml, (r, m) => r.Integer(Value(m), "year"));
        Assert.Equal(expected, v);
        Assert.Empty(d);
    }

    [Theory]
    [InlineData("v: 1.5\n", "1.5")]
    [InlineData("v: '2025'\n", "2025")]
    [InlineData("v: 1_000\n", "1_000")]
    public void Something_that_is_not_a_plain_whole_number_is_a_wrong_type(string yaml, string text)
    {
        var (v, d) = Read(yaml, (r, m) => r.Integer(Value(m), "year"));
        Assert.Null(v);
        Assert.Equal([Diag(1, 4, "ECO011", $"'year' must be a whole number, not '{text}'.")], d);
    }

    [Theory]
    [InlineData("v: true\n", true)]
    [InlineData("v: false\n", false)]
    [InlineData("v: ~\n", null)]
    public void A_boolean_is_plain_true_or_false(string yaml, bool? expected)
    {
        var (v, d) = Read(yaml, (r, m) => r.Boolean(Value(m), "insured"));
        Assert.Equal(expected, v);
        Assert.Empty(d);
    }

    [Theory]
    [InlineData("v: 'true'\n", "true")]
    [InlineData("v: \"false\"\n", "false")]
    [InlineData("v: yes\n", "yes")]
    [InlineData("v: True\n", "True")]
    public void Anything_else_is_not_a_boolean(string yaml, string text)
    {
        var (v, d) = Read(yaml, (r, m) => r.Boolean(Value(m), "insured"));
        Assert.Null(v);
        Assert.Equal([Diag(1, 4, "ECO011", $"'insured' must be true or false (without quotes), not '{text}'.")], d);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("demo-steel-2", true)]
    [InlineData("9a", true)]
    [InlineData("-a", false)]
    [InlineData("Demo", false)]
    [InlineData("a_b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void An_identifier_is_lower_case_letters_digits_and_dashes(string id, bool valid)
    {
        var (v, d) = Read($"v: '{id}'\n", (r, m) => r.Id(Value(m), "enterprise"));
        Assert.Equal(valid ? id : null, v);
        Assert.Equal(valid ? [] : [Diag(1, 4, "ECO021", $"'enterprise' is '{id}'; identifiers use only a-z, 0-9 and '-', and start with a letter or digit.")], d);
        Assert.Equal(valid, YamlReader.IdPattern().IsMatch(id));
    }

    [Fact]
    public void One_of_a_list_of_values_is_read_or_refused_with_a_did_you_mean()
    {
        Assert.Equal(("daily", (string[])[]), Read("v: daily\n", (r, m) => r.OneOf(Value(m), "averaging", "hourly", "daily")));
        var (v, d) = Read("v: dayly\n", (r, m) => r.OneOf(Value(m), "averaging", "hourly", "daily"));
        Assert.Null(v);
        Assert.Equal([Diag(1, 4, "ECO016", "'averaging' is 'dayly'; use one of: hourly, daily. Did you mean 'daily'?")], d);
        Assert.Null(Read("v: ~\n", (r, m) => r.OneOf(Value(m), "averaging", "daily")).Value);
        Assert.Equal([Diag(1, 4, "ECO016", "'averaging' is 'weekly'; use one of: daily.")],
            Read("v: weekly\n", (r, m) => r.OneOf(Value(m), "averaging", "daily")).Diagnostics);
    }

    [Fact]
    public void A_list_keeps_the_items_its_reader_accepts_in_order()
    {
        var (v, d) = Read("v:\n  - a\n  - skip\n  - b\n", (r, m) => r.List(Value(m), "items", n => ((YScalar)n).Value is var s && s != "skip" ? s : null));
        Assert.Equal(["a", "b"], v);
        Assert.Empty(d);
        Assert.Empty(Read("v: ~\n", (r, m) => r.List(Value(m), "items", n => "x")).Value);
        Assert.Empty(Read("v: ~\n", (r, _) => r.List(null, "items", n => "x")).Value);
    }

    [Fact]
    public void Something_other_than_a_list_is_named_where_a_list_is_needed()
    {
        var (v, d) = Read("v: media/a.pdf\n", (r, m) => r.List(Value(m), "attachments", n => "x"));
        Assert.Empty(v);
        Assert.Equal([Diag(1, 4, "ECO011", "'attachments' must be a list (lines starting with '- ', or [a, b]), not 'media/a.pdf'.")], d);
    }

    [Theory]
    [InlineData("v: [a]\n", "a list")]
    [InlineData("v: {a: b}\n", "a map")]
    [InlineData("v: 0123456789012345678901234567890123456789\n", "'0123456789012345678901234567890123456789'")]
    [InlineData("v: 01234567890123456789012345678901234567890\n", "'0123456789012345678901234567890123456789…'")]
    public void A_value_is_described_by_its_kind_or_its_first_40_characters(string yaml, string described) =>
        Assert.Equal(described, Read(yaml, (_, m) => YamlReader.Describe(Value(m))).Value);

    [Fact]
    public void Fields_are_read_by_name_and_a_null_value_counts_as_absent()
    {
        var (v, d) = Read("m:\n  a: 1\n  b: ~\n  c:\n", (r, m) =>
        {
            var f = r.Map(Value(m, "m"), "x", "a", "b", "c")!;
            return (f["a"] is YScalar { Value: "1" }, f["b"], f["c"], f["zz"], f.Has("a"), f.Has("b"), f.Has("zz"),
                f.PosOf("a"), f.PosOf("b"), f.PosOf("zz"));
        });
        Assert.Equal((true, (YNode?)null, (YNode?)null, (YNode?)null, true, false, false,
            new SourcePos(2, 6), new SourcePos(2, 3), new SourcePos(2, 3)), v);
        Assert.Empty(d);
    }

    [Fact]
    public void A_required_field_that_is_missing_is_asked_for_with_an_example_of_its_kind()
    {
        var (_, d) = Read("x: 1\nm:\n  other: 1\n", (r, m) =>
        {
            var f = new FieldSet(r, (YMap)Value(m, "m"), "a test map");
            return (f.Text("text", required: true), f.Localized("localized", required: true), f.Date("date", required: true),
                f.Number("number", required: true), f.Integer("integer", required: true), f.Id("id", required: true),
                f.OneOf("one", ["first", "second"], required: true), f.List("list", n => "x", required: true),
                f.Map("map", ["k"], required: true));
        });
        string Need(string key, string example) => Diag(3, 3, "ECO013", $"a test map needs '{key}'; add a line '{key}: {example}'.");
        Assert.Equal(new[]
        {
            Need("date", "YYYY-MM-DD"), Need("id", "an-id"), Need("integer", "0"), Need("list", "[...]"), Need("localized", "..."),
            Need("map", "..."), Need("number", "0"), Need("one", "first"), Need("text", "..."),
        }.Order(StringComparer.Ordinal), d.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Optional_fields_that_are_missing_are_null_without_a_diagnostic()
    {
        var (v, d) = Read("m:\n  other: 1\n", (r, m) =>
        {
            var f = new FieldSet(r, (YMap)Value(m, "m"), "a test map");
            return (f.Text("text"), f.Localized("localized"), f.Date("date"), f.Number("number"), f.Integer("integer"), f.Id("id"),
                f.OneOf("one", ["first"]), f.List("list", n => "x").Count, f.Map("map", ["k"]), f.Boolean("flag"));
        });
        Assert.Equal(((string?)null, (LocalizedText?)null, (DateOnly?)null, (double?)null, (int?)null, (string?)null, (string?)null, 0, (FieldSet?)null, (bool?)null), v);
        Assert.Empty(d);
    }

    [Fact]
    public void Fields_present_are_read_through_their_typed_reader_with_the_key_as_field_name()
    {
        var (v, d) = Read("m:\n  text: a\n  localized: 乙\n  date: 2026-01-02\n  number: 1.5\n  integer: 7\n  id: an-id\n  one: second\n  list: [x, y]\n  map: {k: v}\n  flag: true\n", (r, m) =>
        {
            var f = new FieldSet(r, (YMap)Value(m, "m"), "a test map");
            return (f.Text("text"), Texts(f.Localized("localized")), f.Date("date"), f.Number("number"), f.Integer("integer"), f.Id("id"),
                f.OneOf("one", ["first", "second"]), string.Join(",", f.List("list", n => ((YScalar)n).Value)), f.Map("map", ["k"])?.Text("k"), f.Boolean("flag"));
        });
        Assert.Equal(("a", "zh=乙", (DateOnly?)new DateOnly(2026, 1, 2), (double?)1.5, (int?)7, "an-id", "second", "x,y", "v", (bool?)true), v);
        Assert.Empty(d);
        var (_, bad) = Read("m:\n  map: {zz9: 1}\n", (r, m) => new FieldSet(r, (YMap)Value(m, "m"), "a test map").Map("map", ["k"]));
        Assert.Equal([Diag(2, 9, "ECO012", "'zz9' is not a field of 'map'; it is ignored. Known fields: k.", error: false)], bad);
    }
}
