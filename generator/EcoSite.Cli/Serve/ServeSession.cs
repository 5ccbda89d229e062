using System.Globalization;
using System.Net;
using System.Text;
using EcoSite.Core;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoSite.Cli.Serve;

/// <param name="BasePath">The sub-path the site is served under, e.g. /sthj/stgy/; null takes the path of site.yaml's base_url, else /.</param>
/// <param name="Port">0 picks a free port.</param>
public sealed record ServeOptions(string ContentDir, int Port = ServeOptions.DefaultPort, string? BasePath = null, string Host = "127.0.0.1", string? ThemeDir = null)
{
    public const int DefaultPort = 8080;
}

/// <summary>
/// <c>ecosite serve</c>: builds into a temporary folder, serves the last good build over HTTP under the production
/// sub-path, rebuilds when the content or theme changes (debounced) and tells open pages to reload over server-sent
/// events. While the content has errors the last good build stays served, with an overlay listing the errors.
/// </summary>
public sealed class ServeSession(ServeOptions options, TextWriter stdout, TextWriter stderr, bool verbose = false, bool quiet = false) : IAsyncDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "ecosite-serve-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _lock = new();
    private State _state = new(null, [], 0);
    private TaskCompletionSource<BuildResult> _nextBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private Task? _loop;
    private string? _themeWatched;
    private long _lastChange;
    private int _builds;

    /// <summary>Builds run so far, the first included.</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>What is served: the folder of the last good build (null before the first) and the errors of the latest build.</summary>
    private sealed record State(string? Root, IReadOnlyList<Diagnostic> Errors, long Version);

    /// <summary>The address the site is served at, including the base path, e.g. http://127.0.0.1:8080/sthj/stgy/.</summary>
    public Uri? Url { get; private set; }

    public string BasePath { get; private set; } = "/";

    /// <summary>The latest build, good or not.</summary>
    public BuildResult? LastResult { get; private set; }

    /// <summary>Completes when the next build (after this call) finishes, good or not.</summary>
    public Task<BuildResult> NextBuildAsync()
    {
        lock (_lock) return _nextBuild.Task;
    }

    /// <summary>Builds once, starts the server and the watcher; returns the URL to open.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(options.ContentDir))
            throw new DirectoryNotFoundException($"the content folder '{options.ContentDir}' does not exist. Run 'ecosite new site {options.ContentDir}' to start one.");
        if (options.BasePath is not null && NormalizeBasePath(options.BasePath) is null)
            throw new ArgumentException($"'{options.BasePath}' is not a usable base path; give one like /sthj/stgy/ (letters, digits, '-', '_', '.').");
        var address = options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out var ip) ? ip
            : throw new ArgumentException($"'{options.Host}' is not an IP address; give one such as 127.0.0.1.");

        Directory.CreateDirectory(_temp);
        Rebuild();
        BasePath = NormalizeBasePath(options.BasePath ?? BasePathOf(LastResult?.Report?.BaseUrl) ?? "/") ?? "/";
        Watch(options.ContentDir);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = _temp, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);

        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        Url = new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}{BasePath}");
        _loop = Task.Run(RebuildLoopAsync, CancellationToken.None);
        return Url;
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        foreach (var w in _watchers) w.Dispose();
        _watchers.Clear();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
            _app = null;
        }
        if (_loop is not null) await _loop;
        TryDelete(_temp);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
        _changed.Dispose();
    }

    // ---- building ----

    private async Task RebuildLoopAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (true)
            {
                await _changed.WaitAsync(token);
                // Debounce: an editor's save is often several events (write, rename, attribute change).
                while (Environment.TickCount64 - Interlocked.Read(ref _lastChange) < Debounce.TotalMilliseconds)
                    await Task.Delay(Debounce, token);
                while (_changed.CurrentCount > 0) await _changed.WaitAsync(token);
                Rebuild();
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Builds into whichever of two folders is not being served, so a request never meets a half-swapped folder, and
    /// each build finds the output of the build before last there to take unchanged pages from.
    /// </summary>
    private void Rebuild()
    {
        var a = Path.Combine(_temp, "a");
        var output = _state.Root == a ? Path.Combine(_temp, "b") : a;
        Interlocked.Increment(ref _builds);
        var result = SiteBuilder.Build(new BuildOptions(options.ContentDir, output, BuildClock.FromEnvironment(), options.ThemeDir));
        var previous = _state;
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        var root = result.Success ? output : previous.Root;
        TaskCompletionSource<BuildResult> built;
        TaskCompletionSource changed;
        lock (_lock)
        {
            _state = new State(root, errors, previous.Version + 1);
            LastResult = result;
            built = _nextBuild;
            _nextBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed = _stateChanged;
            _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Report(result, previous.Version == 0);
        WatchTheme(result);
        changed.TrySetResult();
        built.TrySetResult(result);
    }

    private void Report(BuildResult result, bool first)
    {
        var ms = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var console = new Reporter(stdout, stderr, verbose, quiet || !verbose && !first);
        // The first build prints warnings like 'ecosite build'; rebuilds print only errors unless --verbose.
        console.PrintDiagnostics(result.Diagnostics);
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (result.Success)
        {
            var reused = result.Unchanged ? ", all reused" : result.ReusedPages > 0 ? $", {result.ReusedPages} reused" : "";
            if (!quiet) stdout.WriteLine($"[{time}] {(first ? "Built" : "Rebuilt")} {result.Pages} pages in {ms} ms ({result.Warnings} warnings{reused}).");
        }
        else
            stderr.WriteLine($"[{time}] Build failed in {ms} ms: {result.Errors} errors. {(_state.Root is null ? "Open pages show the errors." : "The last good build stays served, with the errors over each page.")}");
        if (verbose)
            foreach (var t in result.Timings)
                stdout.WriteLine($"  {t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:0} ms");
    }

    // ---- watching ----

    private void Watch(string dir)
    {
        var watcher = new FileSystemWatcher(dir)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, _) => Changed();
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    /// <summary>A theme folder outside the content folder (site.yaml 'theme', or the option) is watched too.</summary>
    private void WatchTheme(BuildResult result)
    {
        var theme = result.Report?.ThemeFolder;
        if (theme is null || !Directory.Exists(theme)) return;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(theme));
        var content = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.ContentDir));
        if (full == _themeWatched || (full + Path.DirectorySeparatorChar).StartsWith(content + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        _themeWatched = full;
        if (!_stopping.IsCancellationRequested) Watch(full);
    }

    private void OnChange(object sender, FileSystemEventArgs e) => Changed();

    private void Changed()
    {
        Interlocked.Exchange(ref _lastChange, Environment.TickCount64);
        if (!_stopping.IsCancellationRequested) _changed.Release();
    }

    // ---- serving ----

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";
        response.Headers.CacheControl = "no-store";
        if (path == PageInjector.EventsPath)
        {
            await EventsAsync(context);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == BasePath)
            {
                response.Redirect(BasePath);
                return;
            }
            await TextAsync(context, StatusCodes.Status404NotFound, $"Not found. The site is served under {BasePath}");
            return;
        }

        var state = _state;
        if (state.Root is null)
        {
            await HtmlAsync(context, StatusCodes.Status500InternalServerError, PageInjector.ErrorPage(state.Version, state.Errors));
            return;
        }
        var rel = Uri.UnescapeDataString(path[BasePath.Length..]);
        var root = Path.GetFullPath(state.Root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, rel.TrimStart('/').Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != root)
        {
            await TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
            return;
        }
        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/'))
            {
                response.Redirect(path + "/" + request.QueryString);
                return;
            }
            full = Path.Combine(full, "index.html");
        }
        if (File.Exists(full))
        {
            await FileAsync(context, StatusCodes.Status200OK, full, state);
            return;
        }
        var notFound = Path.Combine(root, "404.html");
        if (File.Exists(notFound)) await FileAsync(context, StatusCodes.Status404NotFound, notFound, state);
        else await TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
    }

    private static async Task FileAsync(HttpContext context, int status, string file, State state)
    {
        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            string html;
            try { html = await File.ReadAllTextAsync(file, Encoding.UTF8, context.RequestAborted); }
            catch (IOException) { html = ""; }
            await HtmlAsync(context, status, PageInjector.Inject(html, state.Version, state.Errors));
            return;
        }
        var response = context.Response;
        response.StatusCode = status;
        if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/xml" or "image/svg+xml" or "application/javascript")
            type += "; charset=utf-8";
        response.ContentType = type;
        var length = new FileInfo(file).Length;
        response.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.SendFileAsync(file, context.RequestAborted);
    }

    private static Task HtmlAsync(HttpContext context, int status, string html) => WriteAsync(context, status, "text/html; charset=utf-8", html);

    private static Task TextAsync(HttpContext context, int status, string text) => WriteAsync(context, status, "text/plain; charset=utf-8", text);

    private static async Task WriteAsync(HttpContext context, int status, string type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Server-sent events: the current build number on connect and after every build; a comment every 20 s keeps proxies from closing the stream.</summary>
    private async Task EventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var token = linked.Token;
        try
        {
            await response.WriteAsync("retry: 1000\n\n", token);
            long sent = -1;
            while (!token.IsCancellationRequested)
            {
                Task changed;
                lock (_lock) changed = _stateChanged.Task;
                var version = _state.Version;
                if (version != sent)
                {
                    await response.WriteAsync($"event: build\ndata: {version.ToString(CultureInfo.InvariantCulture)}\n\n", token);
                    sent = version;
                }
                else await response.WriteAsync(": keep-alive\n\n", token);
                await response.Body.FlushAsync(token);
                await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(20), token));
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
    }

    // ---- helpers ----

    /// <summary>"/sthj/stgy" -> "/sthj/stgy/"; null when a segment holds anything but URL-safe characters.</summary>
    public static string? NormalizeBasePath(string value)
    {
        var segments = value.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')))
            return null;
        return segments.Length == 0 ? "/" : "/" + string.Join('/', segments) + "/";
    }

    /// <summary>The path of site.yaml's base_url, so the preview uses the production sub-path.</summary>
    private static string? BasePathOf(string? baseUrl) =>
        baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) ? u.AbsolutePath : null;

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
