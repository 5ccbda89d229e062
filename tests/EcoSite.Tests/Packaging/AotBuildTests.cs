using System.Text.RegularExpressions;

namespace EcoSite.Tests.Packaging;

/// <summary>
/// The native (Native AOT) tool that users install, from the packages bench/pack-tool.sh makes, must behave exactly like
/// the JIT build the other tests exercise. Trimming is the risk: Scriban reads view-model members and its builtin
/// functions by reflection, and a trimmed member makes a page render wrong or fail instead of failing the compile
/// (generator/EcoSite.Cli/aot-roots.xml keeps them). The native compile happens once per test run (<see cref="ToolFeed"/>).
/// </summary>
[Collection("Tool feed")]
public sealed partial class AotBuildTests(ToolFeed feed) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ecosite-aot-" + Guid.NewGuid().ToString("N"));

    // A site theme that calls Scriban builtins of every family a theme author is likely to use.
    private const string BuiltinsTemplate = """
        <article>
        <h1>{{ model.title | string.upcase }}</h1>
        <p>{{ model.title | string.size }} {{ [3,1,2] | array.sort | array.join "," }} {{ 2.567 | math.round 1 }} {{ "a-b" | string.replace "-" "+" }}</p>
        <p>{{ model.facts | array.size }} {{ "x" | string.pad_left 3 }} {{ date.parse "2026-01-02" | date.to_string "%Y/%m/%d" }} {{ "a,b" | string.split "," | array.first }}</p>
        <p>{{ html.strip "<b>x</b>" }} {{ object.typeof model.title }} {{ regex.replace "abc" "b" "X" }} {{ model.date_text | string.truncate 4 }}</p>
        {{ model.body }}
        </article>
        """;

    internal static readonly Dictionary<string, string> Reproducible = new() { ["SOURCE_DATE_EPOCH"] = "1764000000" };

    [Fact]
    public void The_installed_native_tool_writes_and_reports_exactly_what_the_jit_build_does()
    {
        var native = feed.InstalledCommand();
        Assert.True(ToolPackageTests.IsNativeExecutable(native, out var why), why);
        var jit = Path.Combine(AppContext.BaseDirectory, "ecosite.dll");
        var work = Path.Combine(root, "work");

        // The sample site, with a theme of its own that uses Scriban's builtins: the same bytes in every file.
        var content = Path.Combine(work, "content");
        CopyFolder(TestSite.SampleContent, content);
        File.AppendAllText(Path.Combine(content, "site.yaml"), "\ntheme: mytheme\n");
        Directory.CreateDirectory(Path.Combine(content, "mytheme", "templates"));
        File.WriteAllText(Path.Combine(content, "mytheme", "templates", "article.sbnhtml"), BuiltinsTemplate);

        var fromJit = ProcessRunner.Run(work, "dotnet", Reproducible, jit, "build", content, "-o", Path.Combine(work, "jit"));
        var fromNative = ProcessRunner.Run(work, native, Reproducible, "build", content, "-o", Path.Combine(work, "native"));
        Assert.True(fromJit.Exit == 0, fromJit.Output);
        Assert.True(fromNative.Exit == 0, fromNative.Output);
        var expected = TestSite.Snapshot(Path.Combine(work, "jit"));
        var actual = TestSite.Snapshot(Path.Combine(work, "native"));
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(Comparable(path, bytes).AsSpan().SequenceEqual(Comparable(path, actual[path])), $"{path} differs between the JIT and the native build");
        Assert.Contains("2026/01/02", File.ReadAllText(Path.Combine(work, "native", "parks", "qinghe", "news", "2026-10-15-waste-exchange-notice.html")));

        // The WeChat export (AngleSharp, QRCoder's PNGs, the manifest): the same bytes in every file too.
        string[] export = ["export", "wechat", content, "--lang", "zh", "--lang", "en", "--since", "2026-01-01", "-o"];
        var exportJit = ProcessRunner.Run(work, "dotnet", Reproducible, [jit, .. export, Path.Combine(work, "wechat-jit")]);
        var exportNative = ProcessRunner.Run(work, native, Reproducible, [.. export, Path.Combine(work, "wechat-native")]);
        Assert.True(exportJit.Exit == 0, exportJit.Output);
        Assert.True(exportNative.Exit == 0, exportNative.Output);
        var exportExpected = TestSite.Snapshot(Path.Combine(work, "wechat-jit"));
        var exportActual = TestSite.Snapshot(Path.Combine(work, "wechat-native"));
        Assert.Equal(exportExpected.Keys, exportActual.Keys);
        Assert.Contains(exportExpected.Keys, k => k.EndsWith("qr-code.png", StringComparison.Ordinal));
        foreach (var (path, bytes) in exportExpected)
            Assert.True(Comparable(path, bytes).AsSpan().SequenceEqual(Comparable(path, exportActual[path])), $"{path} differs between the JIT and the native export");

        // The help pages and usage errors, which CliText renders from System.CommandLine's symbols: the same text.
        string[][] cli = [["--help"], ["new", "listing", "--help", "--lang", "zh"], ["build", "--help", "--lang", "en"], ["check", content, "--bogus", "--lang", "zh"],
            ["new", "park", "--lang", "zh"], ["check", "--format", "xml", "--lang", "zh"], ["serve", "--port", "abc", "--lang", "zh"]];
        foreach (var args in cli)
        {
            var a = ProcessRunner.Run(work, "dotnet", Reproducible, [jit, .. args]);
            var b = ProcessRunner.Run(work, native, Reproducible, args);
            Assert.True(a == b, $"{string.Join(' ', args)}\n--- JIT\n{a.Output}\n--- native\n{b.Output}");
        }

        // Every invalid fixture: the same exit code and the same report, as text and as JSON.
        foreach (var name in EndToEnd.InvalidFixtureTests.FixtureNames())
        {
            var fixtureContent = Path.Combine(root, "fixtures", name);
            EndToEnd.InvalidFixtureTests.Compose(name, fixtureContent);
            // --lang zh reads the message resources, which the native binary must carry.
            string[][] invocations = [["check", fixtureContent], ["check", fixtureContent, "--format", "json"], ["check", fixtureContent, "--format", "json", "--lang", "zh"]];
            foreach (var args in invocations)
            {
                var a = WithoutTimes(ProcessRunner.Run(work, "dotnet", Reproducible, [jit, .. args]));
                var b = WithoutTimes(ProcessRunner.Run(work, native, Reproducible, args));
                Assert.True(a == b, $"{name} {string.Join(' ', args.Skip(2))}\n--- JIT\n{a.Output}\n--- native\n{b.Output}");
            }
        }
    }

    [GeneratedRegex(@"in [0-9]+(\.[0-9]+)? s\b")]
    private static partial Regex Elapsed();

    /// <summary>"Checked in 0.01 s": the only part of a report that may differ between two runs.</summary>
    private static ProcessResult WithoutTimes(ProcessResult r) =>
        r with { Stdout = Elapsed().Replace(r.Stdout, "in X s"), Stderr = Elapsed().Replace(r.Stderr, "in X s") };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// A file's bytes for comparison. The manifest's input hashes include the generator's own build (docs/incremental.md:
    /// a rebuilt tool must not answer "Up to date"), and the JIT, native and packaged builds are separate compiles, so those two fields
    /// are left out, and of the view digests only which pages have one is compared; everything else in the manifest (pages, files, diagnostics, the report) must still be equal.
    /// </summary>
    internal static byte[] Comparable(string path, byte[] bytes)
    {
        // Build-state files start with a line naming the generator's build, for the same reason.
        if (path.StartsWith(EcoSite.Core.Output.RenderState.Folder + "/", StringComparison.Ordinal)) return bytes[(Array.IndexOf(bytes, (byte)'\n') + 1)..];
        if (path != EcoSite.Core.Output.SiteWriter.MarkerName) return bytes;
        var marker = System.Text.Json.Nodes.JsonNode.Parse(bytes)!.AsObject();
        var manifest = marker["manifest"]!.AsObject();
        manifest.Remove("inputs");
        manifest.Remove("jobs");
        // The view digests start from the same generator hash: only which pages have one must be equal.
        if (manifest["digests"] is System.Text.Json.Nodes.JsonObject digests)
            manifest["digests"] = new System.Text.Json.Nodes.JsonArray([.. digests.Select(d => (System.Text.Json.Nodes.JsonNode?)d.Key)]);
        return System.Text.Encoding.UTF8.GetBytes(marker.ToJsonString());
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
