using EcoSite.Core.Model;

namespace EcoSite.Core.Content;

/// <summary>Stage 1: the content folder read into a <see cref="Model.Site"/>, which may still have errors (they are in the diagnostics).</summary>
internal sealed record LoadedSite(Site Site);
