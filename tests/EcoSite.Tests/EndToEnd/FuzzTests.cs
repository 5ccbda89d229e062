using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using EcoSite.Cli;
using Xunit.Abstractions;

namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// Property test of the safety guarantees (docs/security.md): thousands of mutations of a small site made from the sample
/// content (byte flips, truncation, YAML and Markdown edits, hostile fragments, file-type changes), each built in-process
/// into the same output with the real command. Whatever the mutation: the exit code is 0 or 1, never 70; no published
/// file holds a script, a script URL, an event handler or a formula cell; nothing is written outside the output or
/// read from outside the content; and a failed build leaves the previous output byte for byte.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 2000;
    private const string Seed = "0K8ZnV5w0d2u";
    private const string Secret = "ECOSITE-FUZZ-SECRET";

    /// <summary>The small site: every kind of file of the sample's first park, few of each.</summary>
    private static readonly string[] SampleFiles =
    [
        "site.yaml",
        "parks/qinghe/park.yaml",
        "parks/qinghe/enterprises.yaml",
        "parks/qinghe/news/2026-03-02-work-plan.md",
        "parks/qinghe/news/2026-03-02-work-plan.en.md",
        "parks/qinghe/news/2026-11-20-symbiosis-meeting.md",
        "parks/qinghe/cases/slag-to-cement.md",
        "parks/qinghe/cases/slag-to-cement.en.md",
        "parks/qinghe/pages/about.md",
        "parks/qinghe/indicators/2024.yaml",
        "parks/qinghe/indicators/2025.yaml",
        "parks/qinghe/waste/2025.yaml",
        "parks/qinghe/exchange/fgd-gypsum-supply.yaml",
        "parks/qinghe/exchange/fly-ash-demand.yaml",
        "parks/qinghe/polluters/qh-power.yaml",
        "parks/qinghe/media/2026-work-plan.pdf",
        "parks/qinghe/media/symbiosis-network.svg",
    ];

    private static readonly string[] Schemes =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
        "eco-root:../../x", "file:///etc/passwd", "https://example.com/ok", "../media/symbiosis-network.svg",
    ];

    private static readonly string[] LinkForms =
    [
        "[a](URL)", "![i](URL)", "<URL>", "[r][ref]\n\n[ref]: URL", "x[^9]\n\n[^9]: <URL>", "<a href=\"URL\">a</a>", "<img src=\"URL\">",
        "<q cite=\"URL\">q</q>", "<a href='URL'>a</a>", "<iframe src=\"URL\"></iframe>", "<svg><a xlink:href=\"URL\">x</a></svg>",
        "<form action=\"URL\"><button formaction=\"URL\">b</button></form>", "<img srcset=\"URL 1x\">", "<object data=\"URL\"></object>",
        "<meta http-equiv=\"refresh\" content=\"0;url=URL\">", "<base href=\"URL\">", "<div style=\"background:url(URL)\">d</div>",
    ];

    private static readonly string[] Fragments =
    [
        "<script>alert(1)</script>", "<ScRiPt src=//x></ScRiPt>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<style>*{x:expression(alert(1))}</style>",
        "<!--<script>-->", "<![CDATA[<script>]]>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "\u0001", "\u000B", "\u001B[31m", "\u0085", "\uFFFE", "\u0007", "&#1;", "&#xFFFF;", "\\x01", "\\e", "\\u000b",
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+1", "@SUM(1)", "\t=1",
        "1e308", "-1e308", "1.7976931348623157e308", "NaN", ".inf", "1e16",
        new string('>', 200) + " q", string.Concat(Enumerable.Repeat("- ", 80)) + "x", new string('*', 3000) + "a" + new string('*', 3000),
        string.Concat(Enumerable.Repeat("<div>", 5000)), string.Concat(Enumerable.Repeat("[", 3000)),
        "&a [1, *a]", "&x !!binary AAAA", "{{{{{{{{", "- - - - -", "? complex\n: key", "!!python/object:os.system", "%YAML 1.1\n---",
        "\n::error file=x::pwned\n", "##vso[task.setvariable variable=x]1", "\u202Eexe.pdf",
    ];

    private enum Kind
    {
        FlipBits,
        Truncate,
        InsertLine,
        ReplaceValue,
        InsertLink,
        DuplicateLine,
        DeleteLine,
        FileType,
        AddMedia,
    }

    private sealed record Mutation(Kind Kind, int File, int A, int B, int C)
    {
        public override string ToString() => $"{Kind} file#{File} ({A}, {B}, {C})";
    }

    private static readonly Gen<Mutation> AnyMutation =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, SampleFiles.Length - 1], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20],
            (k, f, a, b, c) => new Mutation(k, f, a, b, c));

    [Fact]
    public void Mutated_content_never_publishes_script_never_escapes_the_output_and_never_fails_internally()
    {
        var root = Path.Combine(Path.GetTempPath(), "ecosite-fuzz-" + Guid.NewGuid().ToString("N"));
        var content = Path.Combine(root, "content");
        var outputDir = Path.Combine(root, "_site");
        var outside = Path.Combine(root, "outside");
        try
        {
            foreach (var rel in SampleFiles)
            {
                var to = Path.Combine(content, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(Path.Combine(TestSite.SampleContent, rel), to);
            }
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "secret.txt"), Secret + "\n");
            var first = Run(content, outputDir);
            Assert.True(first.Exit == 0, "the small site must build: " + first.Stderr);
            PublishedOutput.AssertSafe(outputDir);

            var clock = Stopwatch.StartNew();
            var exits = new int[3];
            AnyMutation.Sample(m =>
            {
                var undo = Apply(m, content, outside);
                try
                {
                    var before = Hashes(outputDir);
                    var contentBefore = Hashes(content);
                    var run = Run(content, outputDir);
                    Assert.True(run.Exit is 0 or 1, $"{m}: exit {run.Exit}\n{run.Stderr}");
                    exits[run.Exit]++;
                    if (run.Exit == 1)
                        Assert.True(Same(before, Hashes(outputDir)), $"{m}: a failed build changed the previous output\n{run.Stderr}");
                    else
                    {
                        var problems = PublishedOutput.Problems(outputDir);
                        Assert.True(problems.Count == 0, $"{m}: published\n" + string.Join("\n", problems.Take(10)));
                        Assert.DoesNotContain(Directory.EnumerateFiles(outputDir, "*", SearchOption.AllDirectories),
                            f => File.ReadAllText(f, Encoding.Latin1).Contains(Secret, StringComparison.Ordinal));
                    }
                    Assert.True(Same(contentBefore, Hashes(content)), $"{m}: the build changed the content folder");
                    // The one thing a build keeps beside its output is its cache (docs/incremental.md), named after the output.
                    var cacheDir = Path.Combine(root, EcoSite.Core.Output.BuildState.FolderName);
                    var siblings = Directory.GetFileSystemEntries(root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order(StringComparer.Ordinal).ToArray();
                    Assert.True(siblings.SequenceEqual(["_site", "content", "outside"]), $"{m}: left beside the output: {string.Join(", ", siblings)}");
                    if (Directory.Exists(cacheDir))
                        Assert.True(Directory.GetFileSystemEntries(cacheDir).Select(p => Path.GetFileName(p)!).SequenceEqual(["_site"]), $"{m}: the cache holds more than the output's");
                }
                finally
                {
                    undo();
                }
            }, seed: Seed, iter: Mutations, threads: 1);
            output.WriteLine($"{Mutations} mutations in {clock.Elapsed.TotalSeconds:F0} s: {exits[0]} builds published, {exits[1]} refused with diagnostics");
            Assert.True(exits[0] > Mutations / 10 && exits[1] > Mutations / 10, $"the mutations should both pass and fail often: {exits[0]} passed, {exits[1]} failed");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
        }
    }

    private static (int Exit, string Stderr) Run(string content, string outputDir)
    {
        var stderr = new StringWriter();
        var build = Task.Run(() => EcoSiteCommand.RunAsync(["build", content, "-o", outputDir, "--quiet"], new StringWriter(), stderr));
        if (!build.Wait(TimeSpan.FromMinutes(5)))
        {
            // A build waiting on a named pipe: open each pipe for writing, which ends the read, then fail.
            foreach (var fifo in Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories).Where(IsFifo))
                using (File.OpenWrite(fifo)) { }
            build.Wait();
            Assert.Fail("the build hung (on a named pipe?)\n" + stderr);
        }
        return (build.Result, stderr.ToString());
    }

    private static bool IsFifo(string path) => EcoSite.Core.Content.FileProbe.Kind(path) == EcoSite.Core.Content.FileKind.NamedPipe;

    /// <summary>Applies a mutation to the content folder; returns what puts the file back.</summary>
    private static Action Apply(Mutation m, string content, string outside)
    {
        var rel = SampleFiles[m.File];
        var path = Path.Combine(content, rel);
        var original = File.ReadAllBytes(path);
        void Restore()
        {
            if (Directory.Exists(path) && FileProbe(path) == EcoSite.Core.Content.FileKind.Directory) Directory.Delete(path, recursive: true);
            else if (Path.Exists(path) || FileProbe(path) == EcoSite.Core.Content.FileKind.SymbolicLink) File.Delete(path);
            File.WriteAllBytes(path, original);
        }
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        var isMarkdown = rel.EndsWith(".md", StringComparison.Ordinal);
        switch (m.Kind)
        {
            case Kind.FlipBits:
            {
                var bytes = (byte[])original.Clone();
                for (var i = 0; i <= m.C % 4 && bytes.Length > 0; i++) bytes[(m.A + i * m.B) % bytes.Length] ^= (byte)(1 << (m.B + i) % 8);
                File.WriteAllBytes(path, bytes);
                break;
            }
            case Kind.Truncate:
                File.WriteAllBytes(path, original[..(m.A % (original.Length + 1))]);
                break;
            case Kind.InsertLine:
            {
                var fragment = Fragments[m.B % Fragments.Length];
                var at = m.A % (lines.Count + 1);
                // In YAML the fragment becomes a value (quoted or not); in Markdown a line of the body.
                var line = isMarkdown ? fragment : (m.C % 3) switch { 0 => "other: " + fragment, 1 => $"other: \"{fragment.Replace("\"", "\\\"")}\"", _ => fragment };
                lines.Insert(at, line);
                File.WriteAllText(path, string.Join('\n', lines));
                break;
            }
            case Kind.ReplaceValue:
            {
                // The value after the n-th "key: " becomes a hostile fragment, quoted or not.
                var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(": ", StringComparison.Ordinal)).ToList();
                if (candidates.Count == 0) goto case Kind.InsertLine;
                var (l, i) = candidates[m.A % candidates.Count];
                var fragment = Fragments[m.B % Fragments.Length];
                var value = (m.C % 2) == 0 ? fragment : $"\"{fragment.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
                lines[i] = l[..(l.IndexOf(": ", StringComparison.Ordinal) + 2)] + value;
                File.WriteAllText(path, string.Join('\n', lines));
                break;
            }
            case Kind.InsertLink:
            {
                var link = LinkForms[m.B % LinkForms.Length].Replace("URL", Schemes[m.C % Schemes.Length]);
                if (isMarkdown) lines.Insert(Math.Max(lines.IndexOf("---", 1) + 1, m.A % (lines.Count + 1)), link);
                else lines.Add("other: |\n  " + link.Replace("\n", "\n  "));
                File.WriteAllText(path, string.Join('\n', lines));
                break;
            }
            case Kind.DuplicateLine:
            {
                var at = m.A % lines.Count;
                lines.Insert(at, lines[at]);
                File.WriteAllText(path, string.Join('\n', lines));
                break;
            }
            case Kind.DeleteLine:
                lines.RemoveAt(m.A % lines.Count);
                File.WriteAllText(path, string.Join('\n', lines));
                break;
            case Kind.FileType:
                File.Delete(path);
                switch (m.A % 5)
                {
                    case 0: Mkfifo(path); break;
                    case 1: Directory.CreateDirectory(path); break;
                    case 2: File.CreateSymbolicLink(path, Path.Combine(outside, "secret.txt")); break;
                    case 3: File.CreateSymbolicLink(path, "/dev/zero"); break;
                    default: break; // deleted
                }
                break;
            case Kind.AddMedia:
            {
                var (name, body) = (m.A % 8) switch
                {
                    0 => ("report.html", "<script>alert(1)</script>"),
                    1 => ("shell.php", "<?php system($_GET['c']); ?>"),
                    2 => ("web.config", "<configuration/>"),
                    3 => ("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
                    4 => ("photo.png", "<html><script>alert(1)</script></html>"),
                    5 => ("data.csv", "a,b\n<script>alert(1)</script>,1\n"),
                    6 => ("notes.txt", "plain notes\n"),
                    _ => ("page.svg", $"<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"{Schemes[m.B % Schemes.Length]}\"><text>x</text></a></svg>"),
                };
                var added = Path.Combine(content, "parks/qinghe/media", name);
                File.WriteAllText(added, body);
                return () => File.Delete(added);
            }
        }
        return Restore;
    }

    private static EcoSite.Core.Content.FileKind FileProbe(string path) => EcoSite.Core.Content.FileProbe.Kind(path);

    private static void Mkfifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
    }

    /// <summary>Every entry of a folder with the hash of its bytes (a link or a pipe by its kind, never opened).</summary>
    private static SortedDictionary<string, string> Hashes(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return result;
        foreach (var path in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var kind = FileProbe(path);
            result[Path.GetRelativePath(dir, path)] = kind == EcoSite.Core.Content.FileKind.Regular
                ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))
                : kind.ToString();
        }
        return result;
    }

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) => a.Count == b.Count && a.SequenceEqual(b);
}
