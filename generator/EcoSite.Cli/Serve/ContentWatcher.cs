namespace EcoSite.Cli.Serve;

/// <summary>
/// Watches the content folder, and a theme folder outside it, for changes; <see cref="NextAsync"/> waits for one and
/// debounces it (an editor's save is often several events: write, rename, attribute change).
/// </summary>
internal sealed class ContentWatcher(string contentDir) : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _changed = new(0);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _lock = new();
    private string? _theme;
    private long _lastChange;
    private bool _disposed;

    public void Start() => Watch(contentDir);

    /// <summary>Watches the theme folder too, unless it is inside the content folder (watched already).</summary>
    public void WatchTheme(string? theme)
    {
        if (theme is null || !Directory.Exists(theme)) return;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(theme));
        var content = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir));
        if ((full + Path.DirectorySeparatorChar).StartsWith(content + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        lock (_lock)
        {
            if (full == _theme) return;
            _theme = full;
        }
        Watch(full);
    }

    /// <summary>Waits for a change, then for the changes to settle.</summary>
    public async Task NextAsync(CancellationToken token)
    {
        await _changed.WaitAsync(token);
        while (Environment.TickCount64 - Interlocked.Read(ref _lastChange) < Debounce.TotalMilliseconds)
            await Task.Delay(Debounce, token);
        while (_changed.CurrentCount > 0) await _changed.WaitAsync(token);
    }

    private void Watch(string dir)
    {
        var watcher = new FileSystemWatcher(dir)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Changed();
        watcher.Created += (_, _) => Changed();
        watcher.Deleted += (_, _) => Changed();
        watcher.Renamed += (_, _) => Changed();
        watcher.Error += (_, _) => Changed();
        lock (_lock)
        {
            if (_disposed)
            {
                watcher.Dispose();
                return;
            }
            _watchers.Add(watcher);
        }
        watcher.EnableRaisingEvents = true;
    }

    private void Changed()
    {
        Interlocked.Exchange(ref _lastChange, Environment.TickCount64);
        lock (_lock)
        {
            if (!_disposed) _changed.Release();
        }
    }

    /// <summary>Stops watching; a <see cref="NextAsync"/> under way ends when its token is cancelled.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var w in _watchers) w.Dispose();
            _watchers.Clear();
        }
    }

    public void Dispose()
    {
        Stop();
        _changed.Dispose();
    }
}
