using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Cli.Serve;

/// <summary>
/// What serve shows, shared by the rebuild loop (which publishes) and the server (which reads): the folder of the last
/// good build, the errors of the latest build and a version that changes with every build, so open pages reload.
/// </summary>
/// <param name="lang">The language of the overlay and the terminal lines (zh or en).</param>
internal sealed class Preview(string lang)
{
    public string Lang => lang;

    /// <param name="Root">The folder of the last good build; null before the first.</param>
    /// <param name="Errors">The content errors of the latest build.</param>
    /// <param name="InternalError">A bug in EcoSite met by the latest build ("Type: message"), shown like the errors.</param>
    /// <param name="Lang">The language of the overlay.</param>
    public sealed record State(string? Root, IReadOnlyList<Diagnostic> Errors, string? InternalError, long Version, string Lang = MessageCatalog.English);

    private readonly Lock _lock = new();
    private State _state = new(null, [], null, 0, lang);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public State Current
    {
        get { lock (_lock) return _state; }
    }

    /// <summary>Completes at the next <see cref="Publish"/>.</summary>
    public Task Changed
    {
        get { lock (_lock) return _changed.Task; }
    }

    public void Publish(string? root, IReadOnlyList<Diagnostic> errors, string? internalError)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _state = new State(root, errors, internalError, _state.Version + 1, lang);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
