namespace EcoSite.Core.Diagnostics;

/// <summary>Collects diagnostics from parallel stages; <see cref="ToSortedList"/> gives a deterministic order.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();
    private Func<Diagnostic, bool>? _keep;

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock)
            if (_keep?.Invoke(diagnostic) != false) _items.Add(diagnostic);
    }

    /// <summary>From now on (and for what is already here), only the diagnostics <paramref name="keep"/> accepts are kept.</summary>
    internal void Restrict(Func<Diagnostic, bool> keep)
    {
        lock (_lock)
        {
            _keep = keep;
            _items.RemoveAll(d => !keep(d));
        }
    }

    public void Add(DiagnosticCode code, string file, SourcePos pos, string message) =>
        Add(new Diagnostic(code.Id, code.Severity, file, pos.Line, pos.Column, message));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_lock) _items.AddRange(_keep is null ? diagnostics : diagnostics.Where(_keep));
    }

    public bool HasErrors
    {
        get { lock (_lock) return _items.Exists(d => d.IsError); }
    }

    public bool HasErrorsFor(string file)
    {
        lock (_lock) return _items.Exists(d => d.IsError && d.File == file);
    }

    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_lock)
        {
            var list = _items.Distinct().ToList();
            list.Sort(Diagnostic.Compare);
            return list;
        }
    }
}
