using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoSite.Cli.Serve;

/// <summary>
/// The HTTP side of serve (Kestrel): the <see cref="Preview"/>'s folder under the production sub-path, HTML responses
/// with the reload script and the error overlay injected (<see cref="PageInjector"/>), and the server-sent events that
/// tell open pages a new build is there.
/// </summary>
internal sealed class PreviewServer(Preview preview, string basePath, CancellationToken stopping) : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private WebApplication? _app;

    /// <summary>Starts listening; returns the port (useful with port 0). A port in use is an <see cref="IOException"/>.</summary>
    public async Task<int> StartAsync(IPAddress address, int port, string contentRoot, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(bound).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _app = null;
    }

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
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == basePath)
            {
                response.Redirect(basePath);
                return;
            }
            await TextAsync(context, StatusCodes.Status404NotFound, $"Not found. The site is served under {basePath}");
            return;
        }

        var state = preview.Current;
        if (state.Root is null)
        {
            await HtmlAsync(context, StatusCodes.Status500InternalServerError, PageInjector.ErrorPage(state));
            return;
        }
        var rel = Uri.UnescapeDataString(path[basePath.Length..]);
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

    private static async Task FileAsync(HttpContext context, int status, string file, Preview.State state)
    {
        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            string html;
            try { html = await File.ReadAllTextAsync(file, Encoding.UTF8, context.RequestAborted); }
            catch (IOException) { html = ""; }
            await HtmlAsync(context, status, PageInjector.Inject(html, state));
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
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        try
        {
            await response.WriteAsync("retry: 1000\n\n", token);
            long sent = -1;
            while (!token.IsCancellationRequested)
            {
                var changed = preview.Changed;
                var version = preview.Current.Version;
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
}
