namespace EcoSite.Core.Diagnostics;

/// <summary>Collects diagnostics from parallel stages; <see cref="ToSortedList"/> gives a deterministic order.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) _items.Add(diagnostic);
    }

    public void Add(DiagnosticCode code, string file, SourcePos pos, string message) =>
        Add(new Diagnostic(code.Id, code.Severity, file, pos.Line, pos.Column, message));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_lock) _items.AddRange(diagnostics);
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
