using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Model;

/// <summary>
/// One entry of site.yaml <c>federation</c> (content-format.md v2 section 5): another platform whose published
/// exchange data is read from <see cref="DataDir"/> (a folder holding its <c>data/</c> folder, fetched before the
/// build) and linked to at <see cref="Url"/> (its base_url, ending in '/').
/// </summary>
internal sealed record FederationEntry(string Id, LocalizedText Name, string DataDir, string Url, SourcePos Pos, SourcePos DataPos);

/// <summary>
/// What was read of one neighbouring platform's export: its languages (for links to its pages in a language), the
/// names of its parks, and its listings as <see cref="Listing"/> records so the one matcher can judge them.
/// </summary>
internal sealed record ForeignPlatform(
    FederationEntry Entry,
    IReadOnlyList<string> Languages,
    DateOnly AsOf,
    IReadOnlyDictionary<string, LocalizedText> ParkNames,
    IReadOnlyList<Listing> Listings);

/// <summary>Every neighbour that could be read, in site.yaml order, and a hash of the bytes read (part of the input fingerprint).</summary>
internal sealed record FederatedExports(IReadOnlyList<ForeignPlatform> Platforms, string Fingerprint)
{
    public static readonly FederatedExports None = new([], "");
}
