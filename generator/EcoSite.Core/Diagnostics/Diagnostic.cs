namespace EcoSite.Core.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A position in a source file; 1-based. Line 0 means "the file as a whole".</summary>
public readonly record struct SourcePos(int Line, int Column)
{
    public static readonly SourcePos File = new(0, 0);
}

/// <summary>
/// One problem found in the content. <see cref="File"/> is relative to the content folder, with '/' separators,
/// so the same diagnostic prints the same on Windows and Linux and in CI annotations.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string File, int Line, int Column, string Message)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The format compilers use (<c>path:line:col: error ECO123: message</c>), which editors and CI parse.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File.Length > 0 ? File : "ecosite";
        return $"{where}: {(IsError ? "error" : "warning")} {Code}: {Message}";
    }

    internal static int Compare(Diagnostic a, Diagnostic b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        if (c != 0) return c;
        c = a.Column.CompareTo(b.Column);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Code, b.Code);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
