namespace EcoSite.Core.Render;

/// <summary>
/// The punctuation a language puts between a label and its value and around a note: full-width "：" and "（）" in
/// Chinese text (GB/T 15834-2011 4.1.5, 4.9), ": " and " ()" in English. Pages take it from the theme's strings
/// (<c>colon</c>, <c>note_open</c>, <c>note_close</c>) through <see cref="PageContext"/>, and charts receive it, so
/// every generated "label: value" and "name (note)" is written here.
/// </summary>
internal sealed record Punctuation(string Colon, string NoteOpen, string NoteClose)
{
    /// <summary>For callers without a page language (tests, default arguments).</summary>
    public static Punctuation Latin { get; } = new(": ", " (", ")");

    public string Labeled(string label, string value) => label + Colon + value;

    public string Noted(string text, string note) => text + NoteOpen + note + NoteClose;
}
