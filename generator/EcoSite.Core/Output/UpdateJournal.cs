using System.Text.Json;
using System.Text.Json.Serialization;
using EcoSite.Core.Content;

namespace EcoSite.Core.Output;

/// <summary>
/// The steps that turn a previous output into the new one in place (docs/incremental.md): remove the links found in
/// it, delete the files and folders the new site no longer has, then move each new or changed file from the staging
/// folder over its old version, the manifest last. The journal is written and flushed to disk before the first step,
/// so a build killed while applying it is finished by the next build, which replays it: every step checks what is
/// there first, so replaying a journal that was partly (or wholly) applied does the rest and nothing twice.
/// Paths are '/'-separated and relative to the output folder.
/// </summary>
internal sealed record UpdateJournal(
    IReadOnlyList<string> Unlink,
    IReadOnlyList<string> Delete,
    IReadOnlyList<string> Prune,
    IReadOnlyList<string> Move)
{
    /// <summary>
    /// The journal that makes <paramref name="previous"/> equal to a site of exactly the <paramref name="emitted"/>
    /// paths, where <paramref name="written"/> (new or changed files, then the manifest) wait in the staging folder.
    /// </summary>
    public static UpdateJournal Plan(OutputTree previous, IReadOnlySet<string> emitted, IEnumerable<string> written)
    {
        // A cold build has exactly the folders that hold its files.
        var needed = new HashSet<string>(StringComparer.Ordinal);
        // Looked up as a span of the path: a folder's string is made only when it is added (a few hundred), not once
        // per emitted path (12,000 at 10,000 pages).
        var folders = needed.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var path in emitted)
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                if (!folders.Add(path.AsSpan(0, slash))) break;
        var prune = new List<string>();
        foreach (var folder in previous.Folders.Order(StringComparer.Ordinal))
            if (!needed.Contains(folder) && (prune.Count == 0 || !folder.StartsWith(prune[^1] + "/", StringComparison.Ordinal)))
                prune.Add(folder);
        var delete = previous.Files.Where(f => !emitted.Contains(f) && f != SiteWriter.MarkerName && !Inside(prune, f)).Order(StringComparer.Ordinal).ToList();
        var move = written.Order(StringComparer.Ordinal).Append(SiteWriter.MarkerName).ToList();
        return new UpdateJournal(previous.Others.Order(StringComparer.Ordinal).ToList(), delete, prune, move);
    }

    private static bool Inside(List<string> sortedFolders, string path)
    {
        var i = sortedFolders.BinarySearch(path, StringComparer.Ordinal);
        if (i >= 0) return true;
        i = ~i - 1;
        return i >= 0 && path.StartsWith(sortedFolders[i] + "/", StringComparison.Ordinal);
    }

    /// <summary>How many steps <see cref="Apply"/> takes (for the kill tests).</summary>
    public int Steps => Unlink.Count + Delete.Count + Prune.Count + Move.Count;

    /// <summary>Lets a test stop a build before step n of its journal, as a kill would (scoped to the calling flow).</summary>
    internal static readonly AsyncLocal<Action<int>?> BeforeStepForTests = new();

    /// <summary>
    /// Writes the journal to <paramref name="path"/> durably: a pending file is written and flushed to disk, then renamed,
    /// so a journal either exists whole or not at all.
    /// </summary>
    public void Write(string path, string pending)
    {
        using (var stream = new FileStream(pending, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, JournalJson.Default.UpdateJournal);
            stream.Flush(flushToDisk: true);
        }
        File.Move(pending, path);
    }

    /// <summary>A journal left by an earlier build; null when it cannot be read (never the case for a renamed, whole one).</summary>
    public static UpdateJournal? Read(string path)
    {
        try
        {
            using var stream = FileProbe.OpenRegular(path);
            return JsonSerializer.Deserialize(stream, JournalJson.Default.UpdateJournal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Applies the steps to <paramref name="output"/>, taking new files from <paramref name="staging"/>; idempotent.
    /// A file-system error arrives as <see cref="UpdateApplyException"/>: by then the output may be partly updated.
    /// </summary>
    public void Apply(string output, string staging)
    {
        try
        {
            ApplySteps(output, staging);
        }
        catch (Exception e) when (SiteWriter.IsFileSystemError(e))
        {
            throw new UpdateApplyException(e);
        }
    }

    private void ApplySteps(string output, string staging)
    {
        var step = 0;
        var hook = BeforeStepForTests.Value;
        foreach (var rel in Unlink)
        {
            hook?.Invoke(step++);
            var path = Full(output, rel);
            if (FileProbe.Kind(path) is not (FileKind.Missing or FileKind.Directory)) File.Delete(path); // the link, not its target
        }
        foreach (var rel in Delete)
        {
            hook?.Invoke(step++);
            var path = Full(output, rel);
            if (FileProbe.Kind(path) is not (FileKind.Missing or FileKind.Directory)) File.Delete(path);
        }
        foreach (var rel in Prune)
        {
            hook?.Invoke(step++);
            var path = Full(output, rel);
            switch (FileProbe.Kind(path))
            {
                case FileKind.Missing: break;
                case FileKind.Directory: Directory.Delete(path, recursive: true); break; // removes links inside without following them
                default: File.Delete(path); break;
            }
        }
        foreach (var rel in Move)
        {
            hook?.Invoke(step++);
            var from = Full(staging, rel);
            if (FileProbe.Kind(from) != FileKind.Regular) continue; // moved before the previous attempt stopped
            var to = Full(output, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (FileProbe.Kind(to) == FileKind.Directory) Directory.Delete(to, recursive: true);
            File.Move(from, to, overwrite: true); // rename(2): the old version is replaced at once, never truncated
        }
    }

    private static string Full(string root, string rel)
    {
        // A journal is only written by EcoSite, but a replayed one is read back from disk: never step outside the folder.
        if (rel.Length == 0 || rel.StartsWith('/') || rel.Split('/').Any(s => s is "" or "." or ".."))
            throw new IOException($"the update journal names an unexpected path '{rel}'");
        return Path.Combine(root, rel.Replace('/', Path.DirectorySeparatorChar));
    }
}

/// <summary>
/// A file-system error while a journal was being applied: unlike any other write error, the output is no longer the
/// previous site, and the journal and staging folder are kept so the next build finishes the update.
/// </summary>
internal sealed class UpdateApplyException(Exception inner) : IOException(inner.Message, inner);

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UpdateJournal))]
internal sealed partial class JournalJson : JsonSerializerContext;
