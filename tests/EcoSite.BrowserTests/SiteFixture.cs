using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EcoSite.Core;
using EcoSite.Core.Content;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

[CollectionDefinition("site")]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>;

/// <summary>
/// The sample site built once into a temporary folder, served by a real nginx on a loopback port under the sub-path
/// <see cref="SubPath"/>, and a headless Debian chromium driven by Playwright. Dispose stops nginx and the browser.
/// A subclass builds other content (<see cref="PrepareContent"/>), e.g. <see cref="ManyParkFixture"/>.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    public const string SubPath = "/sthj/stgy/";
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"];

    private Process? _nginx;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ecosite-browser-" + Guid.NewGuid().ToString("N"));
    public string Output => Path.Combine(Root, "site");
    public int Port { get; private set; }
    public string BaseUrl => $"http://127.0.0.1:{Port}{SubPath}";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>
    /// How long a browser action or navigation may take: Playwright's own 30 s was once too short for a form's
    /// navigation on the busy two-core CI machine (load average 25, both test projects and chromium at once). A wait
    /// that ends early costs nothing; this only keeps a slow machine from failing a test.
    /// </summary>
    public const float ActionTimeoutMs = 120_000;

    /// <summary>A browser context for a test, its waits allowed <see cref="ActionTimeoutMs"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return context;
    }

    /// <summary>Every HTML page of the output, relative with '/' separators, sorted.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "EcoSite.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("EcoSite.sln not found above the test binaries");
    }

    public static string SampleContent => Path.Combine(RepoRoot(), "content");

    public static string ArtifactDir
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>The content folder to build: the sample's.</summary>
    protected virtual string PrepareContent() => SampleContent;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var result = SiteBuilder.Build(new BuildOptions(PrepareContent(), Output, BuildClock.FromEnvironment()));
        if (!result.Success)
            throw new InvalidOperationException("the site does not build:\n" + string.Join("\n", result.Diagnostics));
        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

        StartNginx();
        await WaitForServer();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void StartNginx()
    {
        Port = FreePort();
        var conf = Path.Combine(Root, "nginx.conf");
        var t = Root;
        var mime = File.Exists("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "";
        File.WriteAllText(conf, $$"""
            worker_processes 1;
            pid {{t}}/nginx.pid;
            error_log {{t}}/error.log;
            events { worker_connections 64; }
            http {
              {{mime}}
              default_type application/octet-stream;
              access_log {{t}}/access.log;
              client_body_temp_path {{t}}/client_body;
              proxy_temp_path {{t}}/proxy;
              fastcgi_temp_path {{t}}/fastcgi;
              uwsgi_temp_path {{t}}/uwsgi;
              scgi_temp_path {{t}}/scgi;
              server {
                listen 127.0.0.1:{{Port}};
                server_name localhost;
                location {{SubPath}} { alias {{Output}}/; }
              }
            }
            """);
        var psi = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "-p", t, "-c", conf, "-e", Path.Combine(t, "error.log"), "-g", "daemon off;" }) psi.ArgumentList.Add(a);
        _nginx = Process.Start(psi) ?? throw new InvalidOperationException("nginx did not start");
        _nginx.BeginOutputReadLine();
        _nginx.BeginErrorReadLine();
    }

    private async Task WaitForServer()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_nginx!.HasExited)
                throw new InvalidOperationException($"nginx exited with {_nginx.ExitCode}: {ReadErrorLog()}");
            try
            {
                using var r = await Http.GetAsync(BaseUrl + "index.html");
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("nginx did not answer: " + ReadErrorLog());
            await Task.Delay(100);
        }
    }

    private string ReadErrorLog()
    {
        var log = Path.Combine(Root, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    public string Url(string relPage) => BaseUrl + relPage;

    public async Task DisposeAsync()
    {
        try { if (Browser is not null) await Browser.CloseAsync(); } catch (PlaywrightException) { }
        Playwright?.Dispose();
        if (_nginx is { HasExited: false })
        {
            try { _nginx.Kill(entireProcessTree: true); _nginx.WaitForExit(5000); } catch (InvalidOperationException) { }
        }
        _nginx?.Dispose();
        Http.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
