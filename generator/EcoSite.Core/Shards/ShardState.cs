using System.Text.Json;
using System.Text.Json.Serialization;
using EcoSite.Core.Content;
using EcoSite.Core.Output;

namespace EcoSite.Core.Shards;

/// <summary>
/// The unpublished shard-state file, <c>SHARD/.ecosite-shard/shard.json</c> (docs/open-data.md "Shards"): what
/// <c>ecosite merge</c> needs beyond the files themselves to refuse shards that do not make one site. Merge reads it
/// and never copies it into the merged site.
/// </summary>
/// <param name="Format">The version of this file (<see cref="CurrentFormat"/>); merge refuses any other.</param>
/// <param name="Generator">"EcoSite x.y.z": shards of different tool versions may render differently.</param>
/// <param name="Config">Hash of site.yaml, the indicator catalog, the theme and "today": the site's configuration.</param>
/// <param name="Inputs">The full build's input fingerprint (every content file): equal in every shard of one site.</param>
/// <param name="Languages">The site's languages, default first: which path prefix is a language.</param>
/// <param name="Globs">The --parks patterns the shard was built with.</param>
/// <param name="Parks">The parks this shard publishes.</param>
/// <param name="SiteParks">Every park of the site.</param>
/// <param name="Fragments">The SHA-256 of each fragment file beside this one (<see cref="ShardFragments"/>), by name.</param>
internal sealed record ShardState(
    int Format,
    string Generator,
    string Config,
    string Inputs,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Globs,
    IReadOnlyList<string> Parks,
    IReadOnlyList<string> SiteParks,
    IReadOnlyDictionary<string, string> Fragments)
{
    /// <summary>
    /// 3: the search fragments carry each document's snippet and length instead of its text, beside its term counts
    /// (<see cref="ShardTerms"/>); 2: the fragments carried the text; 1: no fragments. Merge reads only this format.
    /// </summary>
    public const int CurrentFormat = 3;
    public const string Folder = ".ecosite-shard";
    public const string FileName = "shard.json";
    public const string SitePath = Folder + "/" + FileName;

    public TextFile ToFile() => new(SitePath, JsonSerializer.Serialize(this, ShardJson.Default.ShardState) + "\n");

    /// <summary>The state of the shard in <paramref name="shardDir"/>; null when it is missing or not this format (the reason in <paramref name="problem"/>).</summary>
    public static ShardState? Read(string shardDir, out string problem)
    {
        var path = Path.Combine(shardDir, Folder, FileName);
        problem = "";
        try
        {
            if (FileProbe.Kind(path) != FileKind.Regular)
            {
                problem = "missing";
                return null;
            }
            var state = JsonSerializer.Deserialize(FileProbe.ReadAllBytes(path), ShardJson.Default.ShardState);
            if (state is not null && state.Format != CurrentFormat)
                problem = $"format {state.Format}";
            else if (state is null || state.Generator is null || state.Parks is null || state.SiteParks is null || state.Languages is null || state.Languages.Count == 0 || state.Fragments is null)
                problem = "malformed";
            return problem.Length == 0 ? state : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            problem = "malformed";
            return null;
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ShardState))]
internal sealed partial class ShardJson : JsonSerializerContext;
