using System.Diagnostics;
using System.Text;
using EcoSite.Core;
using EcoSite.Core.Content;
using Xunit.Abstractions;

namespace EcoSite.BrowserTests;

/// <summary>Mutated and hostile content ends in success or located diagnostics, never in an unhandled exception.</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 1000;
    private static readonly string[] Insertions = [":", "-", "[", "]", "{", "}", "&a ", "*a", "\t", "\n", "- ", ": ", "'", "\"", "|", ">", "#", "!!", "%", "@", "`", "---\n", "\0"];

    private static BuildOptions Options(string content) =>
        new(content, "", new BuildClock(null, () => new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)));

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private static byte[] Mutate(byte[] bytes, Random rng, out string what)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        switch (rng.Next(6))
        {
            case 0:
                var at = rng.Next(bytes.Length + 1);
                what = $"truncated at byte {at}";
                return bytes[..at];
            case 1:
                var copy = (byte[])bytes.Clone();
                var flips = 1 + rng.Next(4);
                var where = new List<int>();
                for (var i = 0; i < flips && copy.Length > 0; i++)
                {
                    var p = rng.Next(copy.Length);
                    copy[p] ^= (byte)(1 << rng.Next(8));
                    where.Add(p);
                }
                what = "flipped bits at bytes " + string.Join(",", where);
                return copy;
            case 2:
                var ins = Insertions[rng.Next(Insertions.Length)];
                var pos = rng.Next(text.Length + 1);
                what = $"inserted {System.Text.Json.JsonSerializer.Serialize(ins)} at char {pos}";
                return Encoding.UTF8.GetBytes(text.Insert(pos, ins));
            case 3:
                var del = rng.Next(lines.Count);
                what = $"deleted line {del + 1}";
                lines.RemoveAt(del);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case 4:
                var dup = rng.Next(lines.Count);
                what = $"duplicated line {dup + 1}";
                lines.Insert(dup, lines[dup]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            default:
                var line = rng.Next(lines.Count);
                var indent = new string(' ', rng.Next(5));
                what = $"re-indented line {line + 1} by '{indent}'";
                lines[line] = indent + lines[line].TrimStart();
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
    }

    [Fact]
    public void Mutated_sample_content_ends_in_success_or_located_diagnostics()
    {
        var root = Path.Combine(Path.GetTempPath(), "ecosite-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTree(SiteFixture.SampleContent, root);
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(files);
            var rng = new Random(20261129);
            var problems = new List<string>();
            var clock = Stopwatch.StartNew();
            var failedRuns = 0;
            for (var i = 0; i < Mutations; i++)
            {
                var file = files[rng.Next(files.Count)];
                var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
                var original = File.ReadAllBytes(file);
                var mutated = Mutate(original, rng, out var what);
                File.WriteAllBytes(file, mutated);
                try
                {
                    var result = SiteBuilder.Check(Options(root));
                    if (!result.Success) failedRuns++;
                    foreach (var d in result.Diagnostics)
                    {
                        if (string.IsNullOrEmpty(d.Code) || !d.Code.StartsWith("ECO", StringComparison.Ordinal))
                            problems.Add($"#{i} {rel} ({what}): diagnostic without a code: {d}");
                        if (d.Line < 0)
                            problems.Add($"#{i} {rel} ({what}): diagnostic with a negative line: {d}");
                        if (!result.Success && result.Diagnostics.All(x => !x.IsError))
                            problems.Add($"#{i} {rel} ({what}): failed without an error diagnostic");
                    }
                    if (!result.Success && !result.Diagnostics.Any(d => d.IsError && d.File.Length > 0))
                        problems.Add($"#{i} {rel} ({what}): failed without an error naming a file:\n  " + string.Join("\n  ", result.Diagnostics));
                }
                catch (Exception e)
                {
                    problems.Add($"#{i} {rel} ({what}): {e.GetType().Name}: {e.Message}\n--- mutated input ---\n{Encoding.UTF8.GetString(mutated)}\n--- {e.StackTrace}");
                }
                finally
                {
                    File.WriteAllBytes(file, original);
                }
            }
            output.WriteLine($"{Mutations} mutations over {files.Count} files in {clock.Elapsed.TotalSeconds:F1} s; {failedRuns} runs ended in errors");
            Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void A_media_symlink_to_a_file_outside_the_content_folder_is_refused_and_not_published()
    {
        var root = Path.Combine(Path.GetTempPath(), "ecosite-symlink-" + Guid.NewGuid().ToString("N"));
        try
        {
            var content = Path.Combine(root, "content");
            CopyTree(SiteFixture.SampleContent, content);
            var park = Directory.EnumerateDirectories(Path.Combine(content, "parks")).Order(StringComparer.Ordinal).First();
            var media = Path.Combine(park, "media");
            Directory.CreateDirectory(media);
            File.CreateSymbolicLink(Path.Combine(media, "hostname.txt"), "/etc/hostname");
            var outDir = Path.Combine(root, "out");
            var result = SiteBuilder.Build(new BuildOptions(content, outDir, new BuildClock(null, () => DateTimeOffset.UtcNow)));
            Assert.True(result.Diagnostics.Any(d => d.Code == "ECO030"), "expected ECO030; got:\n" + string.Join("\n", result.Diagnostics));
            var leaked = Directory.Exists(outDir)
                ? Directory.EnumerateFiles(outDir, "hostname*", SearchOption.AllDirectories).ToList()
                : [];
            Assert.Empty(leaked);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void A_9_MB_markdown_file_is_refused_with_ECO003()
    {
        var root = Path.Combine(Path.GetTempPath(), "ecosite-large-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTree(SiteFixture.SampleContent, root);
            var news = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            var big = Path.Combine(Path.GetDirectoryName(news)!, "2026-01-01-huge.md");
            var sb = new StringBuilder("---\ntitle: {zh: 大, en: Huge}\ndate: 2026-01-01\n---\n");
            var para = new string('x', 1023) + "\n";
            while (sb.Length < 9 * 1024 * 1024) sb.Append(para);
            File.WriteAllText(big, sb.ToString());
            var result = SiteBuilder.Check(Options(root));
            Assert.False(result.Success);
            Assert.True(result.Diagnostics.Any(d => d.Code == "ECO003" && d.File.EndsWith("2026-01-01-huge.md", StringComparison.Ordinal)),
                "expected ECO003 on the huge file; got:\n" + string.Join("\n", result.Diagnostics));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
