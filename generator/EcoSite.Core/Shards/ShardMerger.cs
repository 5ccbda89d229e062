using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Core.Shards;

/// <summary>
/// <c>ecosite merge SHARD... -o OUT</c> (docs/architecture.md "Shards and merge"): checks from each shard's state
/// (<see cref="ShardState"/>) that the shards make exactly one site (same tool version, same site configuration,
/// same content, every park in exactly one shard), then assembles OUT from the files of each shard's own parks and the
/// regional files, through <see cref="SiteWriter"/> like a build (staging folder, atomic swap, never through a link).
/// Every shard wrote the regional files from the full site's facts, so they are taken from the first shard; the state
/// folder is never copied.
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
        for (var i = 0; i < shards.Count; i++)
            if (!Collect(shards[i], regional: i == 0, files, log.Diagnostics)) return log.Stopped();
        log.Stage("list files");

        var first = shards[0].State;
        try
        {
            using var writer = SiteWriter.Begin(outputDir);
            foreach (var (path, source) in files) writer.Enqueue(new CopiedFile(path, source));
            writer.Flush();
            var pages = files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
            writer.Commit(new BuildManifest(first.Generator, "merged:" + first.Inputs, pages, files.Count + 1, log.Diagnostics.ToSortedList(),
                new Dictionary<string, string>(StringComparer.Ordinal)));
            log.Stage("write and swap");
            return log.Merged(pages, files.Count + 1);
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
                        var park = ShardScope.ParkOfFile(rel, shard.State.Languages);
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
