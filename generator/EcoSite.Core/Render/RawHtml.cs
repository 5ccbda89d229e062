namespace EcoSite.Core.Render;

/// <summary>Markup that templates print as it is; every other value is HTML-escaped (see <see cref="EscapingContext"/>).</summary>
internal sealed record RawHtml(string Value)
{
    public override string ToString() => Value;
}
