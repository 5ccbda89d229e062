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
/// (docs/architecture.md "Shards and merge"): per language, the search documents of the shard's own parks as the index
/// shows them, with the index's labels, in <c>.ecosite-shard/search-&lt;lang&gt;.json</c>, and their term counts in
/// <c>terms-&lt;lang&gt;.txt</c> (<see cref="ShardTerms"/>; docs/open-data.md "Shard state"). Merge joins the shards'
/// counts and builds the index with <see cref="SearchIndexBuilder.BuildCounted"/>, the code a full build scores and
/// writes with, so the bytes are the same and no page is tokenized twice. Each fragment's SHA-256 is in the shard
/// state, so a fragment changed after the build is refused.
/// </summary>
internal static class ShardFragments
{
    /// <summary>The fragment's name in the state folder: <c>search-zh.json</c>.</summary>
    public static string SearchName(string lang) => $"search-{lang}.json";

    /// <summary>The term counts' name in the state folder: <c>terms-zh.txt</c>.</summary>
    public static string TermsName(string lang) => $"terms-{lang}.txt";

    /// <summary>The search fragments and term counts of the shard's own parks, two files per language, by site path.</summary>
    public static IReadOnlyList<BinaryFile> Search(SiteFacts facts, Theme theme, ShardScope scope) =>
        facts.Config.Languages.SelectMany(lang =>
        {
            var input = SiteSearch.Input(new PageContext(facts, theme, lang, Routes.Search), park => !scope.IsLight(park));
            var (docs, terms, lengths) = SearchIndexBuilder.Counts(input);
            var fragment = new SearchFragment(input.Lang, input.Today, input.Parks, input.Categories, input.ListingKinds,
                docs.Select(d => d with { Summary = "", Body = SearchIndexBuilder.SnippetText(d), Keywords = [] }).ToList(), lengths);
            return new[]
            {
                new BinaryFile(ShardState.Folder + "/" + SearchName(lang), JsonSerializer.SerializeToUtf8Bytes(fragment, FragmentJson.Default.SearchFragment)),
                new BinaryFile(ShardState.Folder + "/" + TermsName(lang), ShardTerms.Write(terms)),
            };
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

    /// <summary>
    /// The bytes of the fragment file <paramref name="name"/> in a shard; null with the reason when it is missing or is
    /// not the file the shard build wrote (<paramref name="expectedHash"/>, from its state).
    /// </summary>
    public static byte[]? Read(string shardDir, string name, string? expectedHash, out string problem)
    {
        var path = Path.Combine(shardDir, ShardState.Folder, name);
        problem = "";
        try
        {
            if (FileProbe.Kind(path) != FileKind.Regular)
            {
                problem = "it is missing";
                return null;
            }
            var bytes = FileProbe.ReadAllBytes(path);
            if (expectedHash is not null && Hash(bytes) == expectedHash) return bytes;
            problem = "it is not the file the shard build wrote (its SHA-256 differs from the one in shard.json)";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "it cannot be read";
            return null;
        }
    }

    /// <summary>The search fragment of <paramref name="lang"/> in a shard; null with the reason when it is missing, changed or unreadable.</summary>
    public static SearchFragment? ReadSearch(string shardDir, string lang, string? expectedHash, out string problem)
    {
        if (Read(shardDir, SearchName(lang), expectedHash, out problem) is not { } bytes) return null;
        try
        {
            var fragment = JsonSerializer.Deserialize(bytes, FragmentJson.Default.SearchFragment);
            if (fragment is null || fragment.Lang != lang || fragment.Parks is null || fragment.Categories is null || fragment.ListingKinds is null || fragment.Documents is null
                || fragment.Lengths is null || fragment.Lengths.Count != fragment.Documents.Count || fragment.Lengths.Any(l => l < 0)
                || fragment.Documents.Any(d => d is null || d.Path is null || d.Title is null || d.Park is null || d.Category is null || d.Summary != ""
                    || d.Body is null || d.Body.Length > SearchIndexBuilder.SnippetChars || d.Keywords is not { Count: 0 }))
                problem = "it is not a search fragment of this language";
            return problem.Length == 0 ? fragment : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            problem = "it cannot be read as a search fragment";
            return null;
        }
    }

    /// <summary>Two fragments of one site have the same labels and date: they were made from the same facts.</summary>
    public static bool SameIndex(SearchFragment a, SearchFragment b) =>
        a.Lang == b.Lang && a.Today == b.Today && a.Parks.SequenceEqual(b.Parks) && a.Categories.SequenceEqual(b.Categories)
        && a.ListingKinds.SequenceEqual(b.ListingKinds);
}

/// <summary>
/// A shard's search fragment of one language: the labels of the <see cref="SearchInput"/> it was made from, its
/// documents in index order (<see cref="SearchIndexBuilder.Order"/>), which numbers them for the term counts, and each
/// one's length in tokens. A document carries only what the index shows: its snippet
/// (<see cref="SearchIndexBuilder.SnippetText"/>) as its body, which the index shows as it is (a text no longer than
/// <see cref="SearchIndexBuilder.SnippetChars"/> is its own snippet), no summary and no keywords; its terms are in the
/// counts.
/// </summary>
internal sealed record SearchFragment(
    string Lang,
    DateOnly Today,
    IReadOnlyList<SearchLabel> Parks,
    IReadOnlyList<SearchLabel> Categories,
    IReadOnlyList<SearchLabel> ListingKinds,
    IReadOnlyList<SearchDocument> Documents,
    IReadOnlyList<int> Lengths);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SearchFragment))]
internal sealed partial class FragmentJson : JsonSerializerContext;
