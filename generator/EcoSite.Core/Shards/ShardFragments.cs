using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcoSite.Core.Content;
using EcoSite.Core.Facts;
using EcoSite.Core.Output;
using EcoSite.Core.Render;
using EcoSite.Core.Search;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Shards;

/// <summary>
/// The parts of regional files that carry article text, which only the shard that fully loads a park can give
/// (docs/architecture.md "Shards and merge"): per language, the search documents of the shard's own parks, with the
/// index's labels, in <c>.ecosite-shard/search-&lt;lang&gt;.json</c> (docs/open-data.md "Shard state"). Merge joins
/// the shards' documents and builds the index with <see cref="SearchIndexBuilder"/>, as a full build does, so the
/// bytes are the same. Each fragment's SHA-256 is in the shard state, so a fragment changed after the build is refused.
/// </summary>
internal static class ShardFragments
{
    /// <summary>The fragment's name in the state folder: <c>search-zh.json</c>.</summary>
    public static string SearchName(string lang) => $"search-{lang}.json";

    /// <summary>The search fragments of the shard's own parks, one per language, by site path.</summary>
    public static IReadOnlyList<BinaryFile> Search(SiteFacts facts, Theme theme, ShardScope scope) =>
        facts.Config.Languages.Select(lang =>
        {
            var input = SiteSearch.Input(new PageContext(facts, theme, lang, Routes.Search), park => !scope.IsLight(park));
            return new BinaryFile(ShardState.Folder + "/" + SearchName(lang), JsonSerializer.SerializeToUtf8Bytes(input, FragmentJson.Default.SearchInput));
        }).ToList();

    /// <summary>The fragments of a shard, then its state naming each fragment's hash: what a shard writes in its state folder.</summary>
    public static IEnumerable<OutputFile> WithState(ShardState state, SiteFacts facts, Theme theme, ShardScope scope)
    {
        var fragments = Search(facts, theme, scope);
        var hashes = fragments.ToDictionary(f => f.Path[(ShardState.Folder.Length + 1)..], f => Hash(f.Bytes), StringComparer.Ordinal);
        return [.. fragments, (state with { Fragments = hashes }).ToFile()];
    }

    /// <summary>The SHA-256 of a fragment's bytes, in lower-case hex.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The search fragment of <paramref name="lang"/> in a shard; null with the reason when it is missing, changed or unreadable.</summary>
    public static SearchInput? ReadSearch(string shardDir, string lang, string? expectedHash, out string problem)
    {
        var path = Path.Combine(shardDir, ShardState.Folder, SearchName(lang));
        problem = "";
        try
        {
            if (FileProbe.Kind(path) != FileKind.Regular)
            {
                problem = "it is missing";
                return null;
            }
            var bytes = FileProbe.ReadAllBytes(path);
            if (expectedHash is null || Hash(bytes) != expectedHash)
            {
                problem = "it is not the file the shard build wrote (its SHA-256 differs from the one in shard.json)";
                return null;
            }
            var input = JsonSerializer.Deserialize(bytes, FragmentJson.Default.SearchInput);
            if (input is null || input.Lang != lang || input.Parks is null || input.Categories is null || input.ListingKinds is null || input.Documents is null
                || input.Documents.Any(d => d is null || d.Path is null || d.Title is null || d.Park is null || d.Category is null || d.Summary is null || d.Body is null || d.Keywords is null))
                problem = "it is not a search fragment of this language";
            return problem.Length == 0 ? input : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            problem = "it cannot be read as a search fragment";
            return null;
        }
    }

    /// <summary>Two fragments of one site have the same labels and date: they were made from the same facts.</summary>
    public static bool SameIndex(SearchInput a, SearchInput b) =>
        a.Lang == b.Lang && a.Today == b.Today && a.Parks.SequenceEqual(b.Parks) && a.Categories.SequenceEqual(b.Categories)
        && a.ListingKinds.SequenceEqual(b.ListingKinds);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SearchInput))]
internal sealed partial class FragmentJson : JsonSerializerContext;
