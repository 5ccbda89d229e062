using System.Globalization;
using System.Net;
using EcoSite.Core;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli.Serve;

/// <param name="BasePath">The sub-path the site is served under, e.g. /sthj/stgy/; null takes the path of site.yaml's base_url, else /.</param>
/// <param name="Port">0 picks a free port.</param>
public sealed record ServeOptions(string ContentDir, int Port = ServeOptions.DefaultPort, string? BasePath = null, string Host = "127.0.0.1", string? ThemeDir = null)
{
    public const int DefaultPort = 8080;

    /// <summary>The language of serve's messages and error overlay; null resolves it as <see cref="UiLanguage"/> does.</summary>
    public string? Lang { get; init; }
}

/// <summary>A reason serve cannot start that the user can fix (a missing content folder, a port in use): exit code 1.</summary>
internal sealed class ServeStartException(string message) : Exception(message);

/// <summary>
/// <c>ecosite serve</c>: builds into a temporary folder, serves the last good build over HTTP under the production
/// sub-path, rebuilds when the content or theme changes and tells open pages to reload. Three parts: the
/// <see cref="ContentWatcher"/> (changes), the <see cref="Rebuilder"/> (builds, published to a <see cref="Preview"/>)
/// and the <see cref="PreviewServer"/> (HTTP and server-sent events); this class starts and stops them.
/// </summary>
public sealed class ServeSession : IAsyncDisposable
{
    private readonly ServeOptions _options;
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "ecosite-serve-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stopping = new();
    private readonly Preview _preview;
    private readonly ContentWatcher _watcher;
    private readonly Rebuilder _rebuilder;
    private PreviewServer? _server;
    private Task? _loop;

    public ServeSession(ServeOptions options, TextWriter stdout, TextWriter stderr, bool verbose = false, bool quiet = false)
        : this(options, stdout, stderr, verbose, quiet, o => SiteBuilder.Build(o)) { }

    /// <param name="build">How a build is run; tests put a failing one here to see serve survive an internal error.</param>
    internal ServeSession(ServeOptions options, TextWriter stdout, TextWriter stderr, bool verbose, bool quiet, Func<BuildOptions, BuildResult> build)
    {
        _options = options;
        _preview = new Preview(UiLanguage.Resolve(options.Lang));
        _watcher = new ContentWatcher(options.ContentDir);
        _rebuilder = new Rebuilder(options, _preview, _temp, build, stdout, stderr, verbose, quiet);
    }

    /// <summary>Builds run so far, the first included.</summary>
    public int Builds => _rebuilder.Builds;

    /// <summary>The address the site is served at, including the base path, e.g. http://127.0.0.1:8080/sthj/stgy/.</summary>
    public Uri? Url { get; private set; }

    public string BasePath { get; private set; } = "/";

    /// <summary>The latest build that finished, good or not.</summary>
    public BuildResult? LastResult => _rebuilder.LastResult;

    /// <summary>
    /// Builds once, starts the server and the watcher; returns the URL to open. A problem the user can fix is a
    /// <see cref="ServeStartException"/>; anything else is a bug, reported by the command like any internal error.
    /// </summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_options.ContentDir))
            throw new ServeStartException(EcoSite.Core.Content.ContentFolderAdvice.Missing(_options.ContentDir));
        if (_options.BasePath is not null && NormalizeBasePath(_options.BasePath) is null)
            throw new ArgumentException($"'{_options.BasePath}' is not a usable base path; give one like /sthj/stgy/ (letters, digits, '-', '_', '.').");
        var address = _options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(_options.Host, out var ip) ? ip
            : throw new ArgumentException($"'{_options.Host}' is not an IP address; give one such as 127.0.0.1.");

        Directory.CreateDirectory(_temp);
        var first = _rebuilder.First();
        BasePath = NormalizeBasePath(_options.BasePath ?? BasePathOf(first.Report?.BaseUrl) ?? "/") ?? "/";
        _watcher.Start();
        _watcher.WatchTheme(first.Report?.ThemeFolder);

        _server = new PreviewServer(_preview, BasePath, _stopping.Token);
        int port;
        try
        {
            port = await _server.StartAsync(address, _options.Port, _temp, cancellationToken);
        }
        catch (IOException e)
        {
            throw new ServeStartException(MessageCatalog.Format(_preview.Lang, "cli.serve.listen", _options.Host, _options.Port, e.Message));
        }
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        Url = new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}{BasePath}");
        _loop = Task.Run(RebuildLoopAsync, CancellationToken.None);
        return Url;
    }

    /// <summary>Waits for a change and rebuilds, until stopped; a build that fails, even with an internal error, does not end it.</summary>
    private async Task RebuildLoopAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (true)
            {
                await _watcher.NextAsync(token);
                if (_rebuilder.Again() is { } result) _watcher.WatchTheme(result.Report?.ThemeFolder);
            }
        }
        catch (OperationCanceledException) { }
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _watcher.Stop();
        if (_server is not null) await _server.DisposeAsync();
        if (_loop is not null) await _loop;
        _watcher.Dispose();
        TryDelete(_temp);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

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
