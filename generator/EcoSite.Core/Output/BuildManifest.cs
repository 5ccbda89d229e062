using System.Text.Json;
using System.Text.Json.Serialization;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Output;

/// <summary>
/// What a build leaves in the output's marker file: the fingerprint of its inputs, the hash of each page's inputs and
/// its diagnostics. The next build into the same folder uses it to skip work whose inputs did not change.
/// </summary>
internal sealed record BuildManifest(
    string Generator,
    string Inputs,
    int Pages,
    int Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Jobs)
{
    /// <summary>What the command line reports about the site, for a later build that finds nothing changed.</summary>
    public SiteReport? Report { get; init; }

    /// <summary>
    /// The view digest of each page written without declared inputs, by output path (<see cref="Render.ViewDigest"/>):
    /// such a page is kept when its digest is unchanged; and the digest of each sitemap and open data file
    /// (<see cref="SiteOutput.Keeps"/>). Sorted, so the marker's bytes do not depend on thread order.
    /// </summary>
    public IReadOnlyDictionary<string, string> Digests { get; init; } = new Dictionary<string, string>();

    public const string Note = "This folder is built by EcoSite and replaced on every build. Do not edit files here; edit the content folder.";

    public static BuildManifest? Read(string outputDir)
    {
        var path = Path.Combine(outputDir, SiteWriter.MarkerName);
        try
        {
            if (Content.FileProbe.Kind(path) != Content.FileKind.Regular) return null; // absent, or not a file EcoSite wrote
            // Read whole and parsed from the bytes (not through a stream's buffers): at 10,000 pages it is about 0.7 MB.
            var bytes = Content.FileProbe.ReadAllBytes(path);
            // A marker written before digests existed (or with "digests": null) has none: its pages are rendered.
            return JsonSerializer.Deserialize(bytes, ManifestJson.Default.ManifestFile)?.Manifest is { } m
                ? m with { Digests = m.Digests ?? new Dictionary<string, string>() }
                : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null; // an older or damaged marker: build from scratch
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new ManifestFile(Note, this), ManifestJson.Default.ManifestFile);
}

internal sealed record ManifestFile(string Note, BuildManifest Manifest);

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ManifestFile))]
internal sealed partial class ManifestJson : JsonSerializerContext;
