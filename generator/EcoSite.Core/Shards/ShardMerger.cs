using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;
using EcoSite.Core.Search;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Shards;

/// <summary>
/// <c>ecosite merge SHARD... -o OUT</c> (docs/architecture.md "Shards and merge"): checks from each shard's state
/// (<see cref="ShardState"/>) that the shards make exactly one site (same tool version, same site configuration,
/// same content, every park in exactly one shard), then assembles OUT from the files of each shard's own parks, the
/// regional files of the shard holding the site's first park, and the search index joined from every shard's search
/// fragment and term counts (<see cref="ShardFragments"/>), through <see cref="SiteWriter"/> like a build (staging folder, atomic
/// swap, never through a link). The state folder is never copied.
/// </summary>
public static class ShardMerger
{
    public static BuildResult Merge(IReadOnlyList<string> shardDirs, string outputDir)
    {
        var log = new BuildLog();
        var shards = Read(shardDirs, outputDir, log.Diagnostics);
        log.Stage("read shards");
        if (shards is null || !Agree(shards, log.Diagnostics) || !Cover(shards, log.Diagnostics)) return log.Stopped();
        if (SiteWriter.TryRecover(outputDir) is { } stuck) return log.Stopped(stuck);

        var files = new List<(string Path, string Source)>();
        var regional = shards.Single(s => s.State.Parks.Contains(s.State.SiteParks[0], StringComparer.Ordinal));
        foreach (var shard in shards)
            if (!Collect(shard, regional: shard == regional, files, log.Diagnostics)) return log.Stopped();
        log.Stage("list files");
        if (SearchIndex(shards, log.Diagnostics) is not { } index) return log.Stopped();
        log.Stage("search index");

        var first = shards[0].State;
        try
        {
            using var writer = SiteWriter.Begin(outputDir);
            foreach (var (path, source) in files) writer.Enqueue(new LinkedFile(path, source));
            foreach (var file in index) writer.Enqueue(file);
            writer.Flush();
            var pages = files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
            var count = files.Count + index.Count + 1;
            writer.Commit(new BuildManifest(first.Generator, "merged:" + first.Inputs, pages, count, log.Diagnostics.ToSortedList(),
                new Dictionary<string, string>(StringComparer.Ordinal)));
            log.Stage("write and swap");
            return log.Merged(pages, count);
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            return log.Stopped(SiteWriter.Failed(outputDir, e, "writing the merged site"));
        }
    }

    private sealed record Shard(string Dir, string StateFile, ShardState State);

    private static List<Shard>? Read(IReadOnlyList<string> dirs, string outputDir, DiagnosticBag diagnostics)
    {
        var shards = new List<Shard>();
        foreach (var dir in dirs)
        {
            var stateFile = Path.Combine(dir, ShardState.Folder, ShardState.FileName).Replace('\\', '/');
            // The merged site never replaces a shard, nor is written inside one.
            if (SiteWriter.CheckTarget(dir, outputDir) is { } refused)
            {
                diagnostics.Add(refused);
                continue;
            }
            if (ShardState.Read(dir, out var problem) is { } state) shards.Add(new Shard(dir, stateFile, state));
            else
                diagnostics.Add(Codes.NotAShard, stateFile, SourcePos.File, problem == "missing"
                    ? $"'{dir}' is not a shard: it has no {ShardState.SitePath}. Build it with 'ecosite build CONTENT --parks GLOB -o {dir}'."
                    : $"the shard state of '{dir}' cannot be read ({problem}); rebuild the shard with this version of EcoSite.");
        }
        return diagnostics.HasErrors || shards.Count == 0 ? null : shards;
    }

    /// <summary>Same tool version, same site configuration, same content: otherwise the files would not fit together.</summary>
    private static bool Agree(List<Shard> shards, DiagnosticBag diagnostics)
    {
        var first = shards[0];
        foreach (var s in shards.Skip(1))
        {
            if (s.State.Generator != first.State.Generator)
                diagnostics.Add(Codes.ShardsOfOtherVersions, s.StateFile, SourcePos.File,
                    $"'{s.Dir}' was built by {s.State.Generator} and '{first.Dir}' by {first.State.Generator}; build every shard with the same version of EcoSite.");
            else if (s.State.Config != first.State.Config)
                diagnostics.Add(Codes.ShardsOfOtherSites, s.StateFile, SourcePos.File,
                    $"'{s.Dir}' and '{first.Dir}' were built with different site configurations (site.yaml, the indicator catalog, the theme or today's date); build every shard from the same content folder and SOURCE_DATE_EPOCH.");
            else if (s.State.Inputs != first.State.Inputs)
                diagnostics.Add(Codes.ShardsOfOtherSites, s.StateFile, SourcePos.File,
                    $"'{s.Dir}' and '{first.Dir}' were built from different content (a file changed between the shard builds); build every shard from the same commit.");
        }
        return !diagnostics.HasErrors;
    }

    /// <summary>Every park of the site in exactly one shard.</summary>
    private static bool Cover(List<Shard> shards, DiagnosticBag diagnostics)
    {
        var owner = new Dictionary<string, Shard>(StringComparer.Ordinal);
        foreach (var s in shards)
            foreach (var park in s.State.Parks)
            {
                if (owner.TryGetValue(park, out var other))
                    diagnostics.Add(Codes.ShardsOverlap, s.StateFile, SourcePos.File,
                        $"the park '{park}' is in both '{other.Dir}' and '{s.Dir}'; give each shard --parks patterns that no other shard's match.");
                else owner[park] = s;
            }
        var missing = shards[0].State.SiteParks.Where(p => !owner.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            diagnostics.Add(Codes.ParksMissing, shards[0].StateFile, SourcePos.File,
                $"no shard holds {missing.Count} park(s) of the site: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}; build a shard with --parks patterns that match them and merge it too.");
        return !diagnostics.HasErrors;
    }

    /// <summary>
    /// The search index of each language, scored and written as a full build writes it
    /// (<see cref="SearchIndexBuilder.BuildCounted"/>) from every shard's fragment and term counts joined
    /// (<see cref="ShardTerms.Join"/>): each file must be the one its shard wrote (the hash in its state), the fragment
    /// hold only the shard's own parks and have the same labels as the others, and the counts be well formed;
    /// otherwise ECO607 at the file.
    /// </summary>
    private static List<TextFile>? SearchIndex(List<Shard> shards, DiagnosticBag diagnostics)
    {
        var files = new List<TextFile>();
        foreach (var lang in shards[0].State.Languages)
        {
            var fragments = Fragments(shards, lang, diagnostics);
            if (fragments is null) return null;
            var first = fragments[0].Fragment;
            var docs = fragments.SelectMany(f => f.Fragment.Documents).ToList();
            var input = new SearchInput(lang, first.Today, first.Parks, first.Categories, first.ListingKinds, docs);
            // Each fragment numbers its documents in its own index order; the joined index numbers them in its order.
            var number = new Dictionary<SearchDocument, int>(docs.Count, ReferenceEqualityComparer.Instance);
            var ordered = SearchIndexBuilder.Order(input);
            for (var i = 0; i < ordered.Count; i++) number[ordered[i]] = i;
            var lengths = new int[docs.Count];
            var counts = fragments.Select(f =>
            {
                var numbers = f.Fragment.Documents.Select(d => number[d]).ToArray();
                for (var i = 0; i < numbers.Length; i++) lengths[numbers[i]] = f.Fragment.Lengths[i];
                return (f.TermsFile, f.Terms, numbers);
            }).ToList();
            try
            {
                files.AddRange(SearchIndexBuilder.BuildCounted(input, Routes.SearchIndex(lang), lengths, ShardTerms.Join(counts)));
            }
            catch (ShardTerms.MalformedException e)
            {
                diagnostics.Add(Codes.FragmentMismatch, e.File, SourcePos.File,
                    $"the term counts in '{e.File}' cannot be used: {e.Message}. Rebuild the shard; never edit its {ShardState.Folder} folder.");
                return null;
            }
        }
        return files;
    }

    /// <summary>A shard's fragment of one language, and its term counts' file and bytes.</summary>
    private sealed record ShardSearch(SearchFragment Fragment, string TermsFile, byte[] Terms);

    /// <summary>Every shard's fragment and term counts of <paramref name="lang"/>, checked; null when any is refused (ECO607, reported).</summary>
    private static List<ShardSearch>? Fragments(List<Shard> shards, string lang, DiagnosticBag diagnostics)
    {
        var fragments = new List<ShardSearch>();
        foreach (var s in shards)
        {
            var name = ShardFragments.SearchName(lang);
            var file = Path.Combine(s.Dir, ShardState.Folder, name).Replace('\\', '/');
            var termsName = ShardFragments.TermsName(lang);
            var termsFile = Path.Combine(s.Dir, ShardState.Folder, termsName).Replace('\\', '/');
            var fragment = ShardFragments.ReadSearch(s.Dir, lang, s.State.Fragments.GetValueOrDefault(name), out var problem);
            var terms = fragment is null ? null : ShardFragments.Read(s.Dir, termsName, s.State.Fragments.GetValueOrDefault(termsName), out problem);
            var own = new HashSet<string>(s.State.Parks, StringComparer.Ordinal);
            if (fragment is null)
                diagnostics.Add(Codes.FragmentMismatch, file, SourcePos.File,
                    $"the search fragment of '{s.Dir}' cannot be used: {problem}. Rebuild the shard; never edit its {ShardState.Folder} folder.");
            else if (terms is null)
                diagnostics.Add(Codes.FragmentMismatch, termsFile, SourcePos.File,
                    $"the term counts in '{termsFile}' cannot be used: {problem}. Rebuild the shard; never edit its {ShardState.Folder} folder.");
            else if (fragment.Documents.FirstOrDefault(d => !own.Contains(d.Park)) is { } stray)
                diagnostics.Add(Codes.FragmentMismatch, file, SourcePos.File,
                    $"the search fragment of '{s.Dir}' holds a page of the park '{stray.Park}', which the shard does not publish; rebuild the shard.");
            else if (fragments.Count > 0 && !ShardFragments.SameIndex(fragments[0].Fragment, fragment))
                diagnostics.Add(Codes.FragmentMismatch, file, SourcePos.File,
                    $"the search fragment of '{s.Dir}' was made from other facts than the one of '{shards[0].Dir}' (park names, labels or date differ); rebuild every shard from the same content.");
            else fragments.Add(new ShardSearch(fragment, termsFile, terms));
        }
        return diagnostics.HasErrors || fragments.Count == 0 ? null : fragments;
    }

    /// <summary>
    /// The files of a shard's own parks (and, for the first shard, the regional files), by site path. Anything in a
    /// shard that is not a regular file or a folder was not written by EcoSite: the shard is refused rather than
    /// followed out of its folder.
    /// </summary>
    private static bool Collect(Shard shard, bool regional, List<(string Path, string Source)> files, DiagnosticBag diagnostics)
    {
        var own = new HashSet<string>(shard.State.Parks, StringComparer.Ordinal);
        var root = Path.GetFullPath(shard.Dir);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(pending.Pop()).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(root, entry).Replace('\\', '/');
                // Build state describes the shard's own build, not the merged site.
                if (rel == SiteWriter.MarkerName || rel == ShardState.Folder || rel == RenderState.Folder) continue;
                switch (FileProbe.Kind(entry))
                {
                    case FileKind.Directory: pending.Push(entry); break;
                    case FileKind.Regular:
                        var park = Routes.ParkOfOutputPath(rel, shard.State.Languages);
                        if (park is null ? regional : own.Contains(park)) files.Add((rel, entry));
                        break;
                    default:
                        diagnostics.Add(Codes.NotAShard, rel, SourcePos.File,
                            $"'{entry}' in the shard '{shard.Dir}' is not a regular file or folder ({FileProbe.Describe(FileProbe.Kind(entry))}); EcoSite never writes one, so the shard is not merged. Rebuild it.");
                        return false;
                }
            }
        }
        return true;
    }
}
