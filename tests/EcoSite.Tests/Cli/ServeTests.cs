using System.Diagnostics;
using System.Net;
using EcoSite.Cli;
using EcoSite.Cli.Serve;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Cli;

/// <summary>
/// 'ecosite serve' in-process on a free loopback port: pages under the base path, rebuilds on edits, the error
/// overlay while the content is broken, the server-sent events stream, and a build output without the reload script.
/// </summary>
public sealed class ServeTests : IAsyncLifetime
{
    private const string BasePath = "/sthj/stgy/";
    private const string NewsPath = "parks/demo/news/2026-11-28-meeting.md";
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestSite _site = new TestSite()
        .With(NewsPath, "---\ntitle: 推进会\ndate: 2026-11-28\n---\n第一版正文。\n");
    private readonly SharedWriter _stdout = new();
    private readonly SharedWriter _stderr = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private ServeSession _session = null!;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        _session = new ServeSession(new ServeOptions(_site.Content, Port: 0, BasePath: BasePath), _stdout, _stderr);
        _url = await _session.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    private Uri Page(string rel) => new(_url, rel);

    [Fact]
    public async Task Serve_prints_a_loopback_url_with_the_base_path_and_serves_pages_under_it()
    {
        Assert.Equal("127.0.0.1", _url.Host);
        Assert.NotEqual(0, _url.Port);
        Assert.Equal(BasePath, _url.AbsolutePath);

        using var home = await _http.GetAsync(_url);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains("测试平台", await home.Content.ReadAsStringAsync());

        using var news = await _http.GetAsync(Page("parks/demo/news/2026-11-28-meeting.html"));
        Assert.Equal(HttpStatusCode.OK, news.StatusCode);
        Assert.Contains("第一版正文", await news.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_outside_the_base_path_redirect_the_root_and_are_not_found_otherwise()
    {
        var origin = new Uri(_url.GetLeftPart(UriPartial.Authority));
        using var root = await _http.GetAsync(origin);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal(BasePath, root.Headers.Location?.OriginalString.Replace(origin.ToString().TrimEnd('/'), ""));

        using var outside = await _http.GetAsync(new Uri(origin, "/parks/demo/"));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);

        using var folder = await _http.GetAsync(Page("parks/demo"));
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);

        using var missing = await _http.GetAsync(Page("parks/demo/no-such-page/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var escape = await _http.GetAsync(Page("..%2F..%2Fetc%2Fpasswd"));
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    [Fact]
    public async Task Editing_a_news_file_serves_the_new_text_within_seconds()
    {
        var page = Page("parks/demo/news/2026-11-28-meeting.html");
        Assert.Contains("第一版正文", await _http.GetStringAsync(page));

        _site.With(NewsPath, "---\ntitle: 推进会\ndate: 2026-11-28\n---\n修改后的正文。\n");

        var html = await PollAsync(page, h => h.Contains("修改后的正文", StringComparison.Ordinal));
        Assert.DoesNotContain("第一版正文", html);
        Assert.Contains("Rebuilt", _stdout.ToString());
    }

    [Fact]
    public async Task Undoing_an_edit_serves_the_original_text_again()
    {
        var page = Page("parks/demo/news/2026-11-28-meeting.html");
        var original = File.ReadAllText(Path.Combine(_site.Content, NewsPath));
        _site.With(NewsPath, original.Replace("第一版正文", "临时修改", StringComparison.Ordinal));
        await PollAsync(page, h => h.Contains("临时修改", StringComparison.Ordinal));

        // The build folder not being served holds the build before last, whose inputs are these again.
        _site.With(NewsPath, original);
        await PollAsync(page, h => h.Contains("第一版正文", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_yaml_file_shows_the_overlay_over_the_last_good_site_until_it_is_fixed()
    {
        _site.With("parks/demo/park.yaml", "name: {zh: [测试园区\nlevel: national\n");

        var html = await PollAsync(_url, h => h.Contains(PageInjector.OverlayId, StringComparison.Ordinal));
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("parks/demo/park.yaml:", html);
        Assert.Contains("ECO010", html);
        Assert.Contains("测试平台", html); // the last good build is still served beneath
        var result = _session.LastResult!;
        Assert.False(result.Success);

        _site.With("parks/demo/park.yaml", TestSite.ParkYaml);
        html = await PollAsync(_url, h => !h.Contains(PageInjector.OverlayId, StringComparison.Ordinal));
        Assert.Contains("测试平台", html);
        Assert.True(_session.LastResult!.Success);
    }

    [Fact]
    public async Task Every_html_response_carries_the_reload_script_and_other_files_are_served_unchanged()
    {
        var html = await _http.GetStringAsync(_url);
        Assert.Contains(PageInjector.ScriptMarker, html);
        Assert.Contains(PageInjector.EventsPath, html);

        var built = Path.Combine(_site.Root, "plain");
        Assert.True(SiteBuilder.Build(new BuildOptions(_site.Content, built, BuildClock.FromEnvironment())).Success);
        var css = Directory.EnumerateFiles(built, "*.css", SearchOption.AllDirectories).First();
        var rel = Path.GetRelativePath(built, css).Replace('\\', '/');
        Assert.Equal(await File.ReadAllBytesAsync(css), await _http.GetByteArrayAsync(Page(rel)));
    }

    [Fact]
    public async Task The_events_endpoint_answers_with_an_event_stream_naming_the_current_build()
    {
        var origin = new Uri(_url.GetLeftPart(UriPartial.Authority));
        using var cts = new CancellationTokenSource(Patience);
        using var response = await _http.GetAsync(new Uri(origin, PageInjector.EventsPath), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        string? line;
        while ((line = await reader.ReadLineAsync(cts.Token)) is not null && !line.StartsWith("event: build", StringComparison.Ordinal)) { }
        Assert.Equal("event: build", line);
        Assert.StartsWith("data: ", await reader.ReadLineAsync(cts.Token));

        // A rebuild announces the next build number on the open stream.
        _site.With(NewsPath, "---\ntitle: 推进会\ndate: 2026-11-28\n---\n再次修改。\n");
        while ((line = await reader.ReadLineAsync(cts.Token)) is not null && !line.StartsWith("event: build", StringComparison.Ordinal)) { }
        Assert.Equal("event: build", line);
    }

    [Fact]
    public void Built_output_never_contains_the_reload_script_or_the_overlay()
    {
        var output = Path.Combine(_site.Root, "built");
        var result = SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, output, new BuildClock(null, () => DateTimeOffset.UnixEpoch)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(PageInjector.EventsPath, text);
            Assert.DoesNotContain(PageInjector.ScriptMarker, text);
            Assert.DoesNotContain("EventSource", text);
            Assert.DoesNotContain(PageInjector.OverlayId, text);
        }
    }

    /// <summary>Fetches until the page satisfies <paramref name="done"/>, for up to ten seconds; returns the last text.</summary>
    private async Task<string> PollAsync(Uri url, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var html = "";
        while (clock.Elapsed < Patience)
        {
            html = await _http.GetStringAsync(url);
            if (done(html)) return html;
            await Task.Delay(100);
        }
        Assert.Fail($"not served within {Patience.TotalSeconds} s. Last page:\n{html}\nstdout:\n{_stdout}\nstderr:\n{_stderr}");
        return html;
    }
}

/// <summary>The serve command's argument checks, before any server starts.</summary>
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--base-path", "/a b/")]
    [InlineData("--base-path", "/../x/")]
    [InlineData("--port", "70000")]
    [InlineData("--host", "example.com")]
    public async Task Serve_rejects_a_bad_option_with_exit_2(string option, string value)
    {
        using var site = new TestSite();
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(["serve", site.Content, option, value], new StringWriter(), stderr);
        Assert.Equal(EcoSiteCommand.UsageError, code);
        Assert.Contains(option, stderr.ToString());
    }

    [Fact]
    public async Task Serve_of_a_missing_content_folder_exits_1_and_suggests_new_site()
    {
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(["serve", Path.Combine(Path.GetTempPath(), "ecosite-none-" + Guid.NewGuid().ToString("N")), "--port", "0"], new StringWriter(), stderr);
        Assert.Equal(EcoSiteCommand.ContentErrors, code);
        Assert.Contains("ecosite new site", stderr.ToString());
    }

    [Fact]
    public async Task Serve_stops_cleanly_when_cancelled_and_removes_its_temporary_build()
    {
        using var site = new TestSite();
        var stdout = new SharedWriter();
        using var cts = new CancellationTokenSource();
        var run = EcoSiteCommand.RunAsync(["serve", site.Content, "--port", "0"], stdout, new StringWriter(), cts.Token);
        var clock = Stopwatch.StartNew();
        while (!stdout.ToString().Contains("Serving", StringComparison.Ordinal) && clock.Elapsed < ServeTests.Patience) await Task.Delay(50);
        var url = System.Text.RegularExpressions.Regex.Match(stdout.ToString(), @"http://127\.0\.0\.1:\d+/\S*").Value;
        Assert.NotEmpty(url);
        using (var http = new HttpClient())
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
        cts.Cancel();
        Assert.Equal(EcoSiteCommand.Ok, await run.WaitAsync(ServeTests.Patience));
        Assert.Contains("Stopped.", stdout.ToString());
    }
}

/// <summary>A text writer that the server's threads may write to while a test reads it.</summary>
internal sealed class SharedWriter : TextWriter
{
    private readonly StringWriter _inner = new();

    public override System.Text.Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_inner) _inner.Write(value);
    }

    public override void Write(string? value)
    {
        lock (_inner) _inner.Write(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_inner) _inner.WriteLine(value);
    }

    public override string ToString()
    {
        lock (_inner) return _inner.ToString();
    }
}

/// <summary>Serve never dies silently: a bug met while building is reported, shown, and serving goes on.</summary>
public sealed class ServeInternalErrorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task An_internal_error_while_rebuilding_is_printed_as_build_prints_one_and_shown_and_the_next_change_builds_again(string lang)
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-meeting.md", "---\ntitle: 推进会\ndate: 2026-11-28\n---\n第一版。\n");
        var calls = 0;
        // The message of a bug may carry anything, here terminal controls and a line that would start a CI command.
        BuildResult Build(BuildOptions o) =>
            Interlocked.Increment(ref calls) == 2 ? throw new AggregateException(new InvalidOperationException("simulated \u001b[2J bug\n::error::x")) : SiteBuilder.Build(o);
        var stderr = new SharedWriter();
        await using var session = new ServeSession(new ServeOptions(site.Content, Port: 0) { Lang = lang }, new SharedWriter(), stderr, false, false, Build);
        var url = await session.StartAsync();
        using var http = new HttpClient { Timeout = Patience };

        site.With("parks/demo/news/2026-11-28-meeting.md", "---\ntitle: 推进会\ndate: 2026-11-28\n---\n第二版。\n");
        var shown = lang == "zh" ? "重新生成时发生内部错误" : "internal error while rebuilding";
        var page = await WaitFor(http, url, html => html.Contains(shown, StringComparison.Ordinal));
        Assert.Contains("InvalidOperationException: simulated ", page);
        Assert.DoesNotContain("AggregateException", page);

        // Exactly the lines 'ecosite build' prints for an internal error, then what serve does about it.
        var printed = stderr.ToString().Replace("\r", "");
        var expected = lang == "zh"
            ? "ecosite：内部错误：InvalidOperationException: simulated \\x1B[2J bug\\n::error::x\n这是 EcoSite 自身的缺陷，不是您的内容有问题。请连同所运行的命令一起报告。\n"
            : "ecosite: internal error: InvalidOperationException: simulated \\x1B[2J bug\\n::error::x\nThis is a bug in EcoSite, not in your content. Please report it with the command you ran.\n";
        Assert.Contains(expected, printed);
        Assert.Matches(lang == "zh" ? @"\n\[\d\d:\d\d:\d\d\] 该内部错误发生在重新生成时：预览继续提供上一次成功生成的网站" : @"\n\[\d\d:\d\d:\d\d\] The internal error happened while rebuilding: serving goes on", printed);
        Assert.DoesNotContain("\u001b", printed);
        Assert.DoesNotContain("AggregateException", printed);
        var direct = new StringWriter();
        InternalErrorReport.Print(direct, new InvalidOperationException("simulated \u001b[2J bug\n::error::x"), lang);
        Assert.Contains(direct.ToString().Replace("\r", ""), printed);

        site.With("parks/demo/news/2026-11-28-meeting.md", "---\ntitle: 推进会\ndate: 2026-11-28\n---\n第三版。\n");
        var news = await WaitFor(http, new Uri(url, "parks/demo/news/2026-11-28-meeting.html"), html => html.Contains("第三版", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, news);
    }

    [Fact]
    public async Task An_internal_error_at_start_up_is_reported_like_build_reports_one()
    {
        using var site = new TestSite();
        var stderr = new StringWriter();
        var code = await EcoSiteCommand.RunAsync(["serve", site.Content, "--port", "0"], new StringWriter(), stderr,
            _ => throw new IOException("simulated bug"));
        Assert.Equal(EcoSiteCommand.InternalError, code);
        Assert.Contains("internal error: IOException: simulated bug", stderr.ToString());
        Assert.DoesNotContain("cannot listen", stderr.ToString());
    }

    private static async Task<string> WaitFor(HttpClient http, Uri url, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var html = "";
        while (clock.Elapsed < Patience)
        {
            html = await http.GetStringAsync(url);
            if (done(html)) return html;
            await Task.Delay(100);
        }
        Assert.Fail($"not served within {Patience.TotalSeconds} s. Last page:\n{html}");
        return html;
    }
}
