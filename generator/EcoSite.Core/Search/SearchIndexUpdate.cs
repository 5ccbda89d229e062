using System.Text;
using EcoSite.Core.Output;

namespace EcoSite.Core.Search;

/// <summary>The previous output, as the search index reads it: a file's bytes, and whether a file can be kept as it is.</summary>
internal interface IPreviousOutput
{
    /// <summary>The bytes of a regular file the listing found at <paramref name="path"/>; null for anything else.</summary>
    byte[]? Read(string path);

    /// <summary>Whether the listing found a regular file at <paramref name="path"/>, which a <see cref="ReusedFile"/> keeps.</summary>
    bool Has(string path);
}

/// <summary>Counts of <see cref="SearchIndexCounts"/>, added to by each language's index (thread-safe).</summary>
internal sealed class SearchIndexStats
{
    private int _languages, _patched, _tokenized, _encoded, _kept;

    public int Languages => _languages;

    public void Add(bool patched, int tokenized, int encoded, int kept)
    {
        Interlocked.Increment(ref _languages);
        if (patched) Interlocked.Increment(ref _patched);
        Interlocked.Add(ref _tokenized, tokenized);
        Interlocked.Add(ref _encoded, encoded);
        Interlocked.Add(ref _kept, kept);
    }

    public SearchIndexCounts Counts => new(_languages, _patched, _tokenized, _encoded, _kept);
}

/// <summary>
/// A language's search index after a few documents changed, patched instead of built whole (docs/incremental.md, "The
/// search index"): only the changed documents are tokenized, only the chunks that hold a term whose postings changed
/// (or a changed document) are encoded, from the previous chunk files read back, and every other chunk file is kept as
/// it is (<see cref="ReusedFile"/>). Chunk bounds depend only on what a chunk holds
/// (<see cref="SearchIndexBuilder.TermChunker"/>), so cutting again from the start of the first changed chunk until a
/// cut falls on an old chunk's end gives exactly the chunks a cold build cuts. The patch is only tried when nothing
/// global moved: the same documents in the same order, the same "today", the same rounded average length (so every
/// unchanged document's impacts and every unchanged term's idf are what they were); anything else (a page added,
/// deleted, moved in the order, a state that does not check out) builds the index whole, from the cached term counts.
/// </summary>
internal static class SearchIndexUpdate
{
    /// <summary>The index files and the state files of one language, patched when the previous build's state allows.</summary>
    public static List<OutputFile> Files(SearchInput input, string folder, IPreviousOutput? previous, SearchIndexStats? stats = null)
    {
        var layoutPath = RenderState.SearchLayout(input.Lang);
        var layout = previous?.Read(layoutPath) is { } l ? SearchLayout.Parse(l) : null;
        List<OutputFile> files;
        List<OutputFile> countFiles;
        bool patched;
        int tokenized;
        OutputFile? layoutFile;
        if (layout is not null && Try(input, folder, layout, previous!) is { } update)
        {
            (files, countFiles, var patchedLayout, tokenized) = update;
            // The layout read back is kept when the patch would write it again byte for byte.
            layoutFile = patchedLayout is null ? new ReusedFile(layoutPath) : new BinaryFile(layoutPath, patchedLayout);
            patched = true;
        }
        else
        {
            var cache = SearchTokenCache.Parse(previous is null ? []
                : SearchTokenCache.Buckets.Select(b => previous.Read(RenderState.Search(input.Lang, b)) is { } bytes ? Encoding.UTF8.GetString(bytes) : null));
            (files, var newLayout, tokenized) = SearchIndexBuilder.BuildWhole(input, folder, cache);
            var buckets = cache.ToFiles();
            countFiles = buckets.Select(b => (OutputFile)new BinaryFile(RenderState.Search(input.Lang, b.Bucket), b.File)).ToList();
            layoutFile = newLayout?.ToBytes(buckets.Select(b => (b.Bucket, SearchLayout.BodySha(b.File))).ToList()) is { } bytes ? new BinaryFile(layoutPath, bytes) : null;
            patched = false;
        }
        var chunks = folder + SearchIndexBuilder.ChunkFolder;
        stats?.Add(patched, tokenized, files.Count(f => f.Path.StartsWith(chunks, StringComparison.Ordinal) && f is TextFile),
            files.Count(f => f.Path.StartsWith(chunks, StringComparison.Ordinal) && f is ReusedFile));
        files.AddRange(countFiles);
        if (layoutFile is not null) files.Add(layoutFile);
        return files;
    }

    /// <summary>
    /// The patched files, the counts files (each kept, or rewritten with its lines changed), and the new layout's bytes
    /// (the old file's lines copied where a document's values are the recorded ones), or null when they would be the
    /// old file's (no document changed); null when the index must be built whole.
    /// </summary>
    internal static (List<OutputFile> Files, List<OutputFile> CountFiles, byte[]? Layout, int Tokenized)? Try(
        SearchInput input, string folder, SearchLayout old, IPreviousOutput previous)
    {
        if (input.Today != old.Today || old.Counts.Count == 0) return null;
        var docs = SearchIndexBuilder.Order(input);
        var n = docs.Count;
        if (n == 0 || n != old.Docs.Count || old.Terms.Count == 0 || old.Documents.Count == 0) return null;
        for (var i = 0; i < n; i++)
            if (!old.PathIs(i, docs[i].Path)) return null;
        // A document whose sources hash as recorded has the recorded key: its text is neither made nor hashed, and
        // neither its recorded key nor its source hash is made into a string (null here: as recorded).
        var sources = new string?[n];
        var keys = new string?[n];
        Parallel.For(0, n, i =>
        {
            if (!old.SourceIs(i, docs[i])) (sources[i], keys[i]) = (SearchTokenCache.Source(docs[i]), SearchTokenCache.Key(docs[i]));
        });
        var changed = new List<int>();
        for (var i = 0; i < n; i++)
            if ((keys[i] is { } k && !old.KeyIs(i, k)) || docs[i].Date != old.DateOf(i) || !old.TextLangIs(i, docs[i].TextLang)) changed.Add(i);
        var oldKeys = changed.ToDictionary(i => i, old.KeyOf);
        string KeyOf(int i) => keys[i] ?? oldKeys.GetValueOrDefault(i) ?? old.KeyOf(i);
        // Many changes: patching chunk by chunk would cost more than building whole.
        if (changed.Count > Math.Max(16, n / 20)) return null;
        // The counts files read back: only those holding a changed document's old key or a key added or removed, each
        // checked against the hash the layout recorded for it (so its lines are as a build wrote them).
        var recorded = old.Counts.ToDictionary(c => c.Bucket, c => c.Sha);
        var read = new Dictionary<char, CountsFile?>();
        CountsFile? Bucket(char b)
        {
            if (read.TryGetValue(b, out var file)) return file;
            var bytes = recorded.TryGetValue(b, out var sha) ? previous.Read(RenderState.Search(input.Lang, b)) : null;
            return read[b] = bytes is not null && SearchLayout.BodySha(bytes) == sha ? CountsFile.Of(bytes) : null;
        }

        // The changed documents' old and new counts; the lengths, and the average that must not have moved.
        var lengths = new int[n];
        for (var i = 0; i < n; i++) lengths[i] = old.LengthOf(i);
        var before = new Dictionary<int, List<(string Term, int Tf)>>();
        var after = new Dictionary<int, List<(string Term, int Tf)>>();
        var added = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var i in changed)
        {
            var oldKey = oldKeys[i];
            if (Bucket(oldKey[0]) is not { } countsFile || countsFile.Line(oldKey) is not { } line
                || SearchTokenCache.ParseLine(line) is not { } parsed || parsed.Length != old.LengthOf(i))
                return null;
            before[i] = parsed.Counts;
            if (KeyOf(i) == oldKey)
                after[i] = parsed.Counts;
            else
            {
                var (counts, length) = SearchIndexBuilder.Count(docs[i]);
                after[i] = counts;
                lengths[i] = length;
                added[keys[i]!] = SearchTokenCache.Line(keys[i]!, counts, length);
            }
        }
        var average = SearchIndexBuilder.Average(lengths);
        if ((int)average != old.Average) return null;

        // Every term of a changed document, before or after, is dirty: its postings lose the document's old impact and
        // gain its new one (and its idf follows its document frequency).
        var changedSet = changed.ToHashSet();
        var gained = new Dictionary<string, List<SearchIndexBuilder.Posting>>(StringComparer.Ordinal);
        foreach (var i in changed)
        {
            foreach (var (term, _) in before[i]) gained.TryAdd(term, []);
            var fresh = SearchIndexBuilder.Freshness(docs[i].Date, input.Today);
            foreach (var (term, tf) in after[i])
            {
                if (!gained.TryGetValue(term, out var list)) gained[term] = list = [];
                list.Add(new SearchIndexBuilder.Posting(i, SearchIndexBuilder.Impact(tf, lengths[i], average, fresh)));
            }
        }
        if (Terms(folder, old, gained, changedSet, n, previous) is not { } terms) return null;
        if (Documents(folder, old, docs, changedSet, previous) is not { } documents) return null;

        var files = SearchIndexBuilder.Assemble(input, folder, docs, terms, documents);
        // Only a changed document's old key can leave the counts, and only its new key join them (when no other
        // document has it, before or after). A key of an unchanged document is the same before and after, so one pass
        // over the keys looks for the few changed ones (no set of every key is made).
        var removed = changed.Select(i => oldKeys[i]).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < n && removed.Count > 0; i++)
        {
            if (keys[i] is { } k) removed.Remove(k);
            else
                foreach (var r in removed)
                    if (old.KeyIs(i, r))
                    {
                        removed.Remove(r);
                        break;
                    }
        }
        for (var i = 0; i < n && added.Count > 0; i++)
            foreach (var a in added.Keys)
                if (old.KeyIs(i, a))
                {
                    added.Remove(a);
                    break;
                }
        if (Counts(input.Lang, recorded, removed, added, Bucket, previous) is not { } countFiles) return null;
        // Only the lines of documents whose sources or values changed are written; every other is copied as read.
        var rewritten = new Dictionary<int, SearchLayout.Doc>();
        for (var i = 0; i < n; i++)
            if (sources[i] is not null || oldKeys.ContainsKey(i))
                rewritten[i] = new SearchLayout.Doc(docs[i].Path, KeyOf(i), sources[i] ?? old.SourceOf(i), lengths[i], docs[i].Date, docs[i].TextLang);
        // No line rewritten: no document changed, so neither did a chunk, a counts file or the average (each follows from
        // the documents), and the new layout would be the file read, byte for byte: it is kept.
        var layout = rewritten.Count == 0 ? null
            : old.Patched(input.Today, (int)average, countFiles.Hashes, rewritten, terms.Select(c => (c.First, c.Name)).ToList(), documents.Select(c => (c.First, c.Name)).ToList());
        return (files, countFiles.Files, layout, changed.Count(i => KeyOf(i) != oldKeys[i]));
    }

    /// <summary>
    /// The counts files after the patch: a file none of whose keys left or joined is kept as it is (not read); the
    /// others are the old file with the lines of the <paramref name="removed"/> keys taken out and the
    /// <paramref name="added"/> lines put in; a file left without lines is not written, as a cold build writes none.
    /// <paramref name="recorded"/> is the previous layout's hash of each counts file, by first character.
    /// </summary>
    private static (List<OutputFile> Files, List<(char, string)> Hashes)? Counts(string lang, Dictionary<char, string> recorded, HashSet<string> removed,
        SortedDictionary<string, string?> added, Func<char, CountsFile?> bucket, IPreviousOutput previous)
    {
        var dirty = removed.Select(k => k[0]).Concat(added.Keys.Select(k => k[0])).ToHashSet();
        var files = new List<OutputFile>();
        var hashes = new List<(char, string)>();
        foreach (var b in SearchTokenCache.Buckets)
        {
            var path = RenderState.Search(lang, b);
            if (!dirty.Contains(b))
            {
                if (!recorded.TryGetValue(b, out var sha)) continue;
                if (!previous.Has(path)) return null;
                files.Add(new ReusedFile(path));
                hashes.Add((b, sha));
                continue;
            }
            var file = recorded.ContainsKey(b) ? bucket(b) : CountsFile.Empty();
            if (file is null) return null;
            var bytes = file.With(removed, new SortedDictionary<string, string?>(added.Where(a => a.Key[0] == b).ToDictionary(), StringComparer.Ordinal));
            if (!file.HasLines(bytes)) continue;
            files.Add(new BinaryFile(path, bytes));
            hashes.Add((b, SearchLayout.BodySha(bytes)));
        }
        return (files, hashes);
    }

    /// <summary>The term chunks: the old ones without a dirty term kept, the others cut again from the old chunks' entries.</summary>
    private static List<SearchIndexBuilder.Chunk>? Terms(string folder, SearchLayout old, Dictionary<string, List<SearchIndexBuilder.Posting>> gained,
        HashSet<int> changed, int documents, IPreviousOutput previous)
    {
        var firsts = old.Terms.Select(t => t.First).ToArray();
        for (var k = 1; k < firsts.Length; k++)
            if (string.CompareOrdinal(firsts[k - 1], firsts[k]) >= 0) return null;
        // Each dirty term goes to the chunk that holds (or would hold) it: the last whose first term is not after it.
        var dirty = new Dictionary<int, List<string>>();
        foreach (var term in gained.Keys.Order(StringComparer.Ordinal))
        {
            var k = Array.BinarySearch(firsts, term, StringComparer.Ordinal);
            if (k < 0) k = Math.Max(0, ~k - 1);
            if (!dirty.TryGetValue(k, out var list)) dirty[k] = list = [];
            list.Add(term);
        }
        var result = new List<SearchIndexBuilder.Chunk>();
        var splice = new System.Text.StringBuilder();
        for (var k = 0; k < firsts.Length;)
        {
            if (!dirty.ContainsKey(k))
            {
                if (!previous.Has(SearchIndexBuilder.ChunkPath(folder, old.Terms[k].Name))) return null;
                result.Add(new SearchIndexBuilder.Chunk(old.Terms[k].First, old.Terms[k].Name, null));
                k++;
                continue;
            }
            // Cut again from this chunk's start (where a cold build's running size is zero too) until a cut falls on
            // an old chunk's end: from there on every chunk is cut as before.
            var chunker = new SearchIndexBuilder.TermChunker();
            while (true)
            {
                if (Entries(folder, old.Terms[k].Name, previous) is not { } chunk) return null;
                var (data, entries) = chunk;
                var dirtyHere = dirty.GetValueOrDefault(k) ?? [];
                int e = 0, t = 0;
                while (e < entries.Count || t < dirtyHere.Count)
                {
                    var c = e == entries.Count ? 1 : t == dirtyHere.Count ? -1 : string.CompareOrdinal(entries[e].Term, dirtyHere[t]);
                    if (c < 0)
                    {
                        chunker.Add(entries[e].Term, data.AsSpan(entries[e].Start, entries[e].Length));
                        e++;
                        continue;
                    }
                    var term = dirtyHere[t++];
                    if (c == 0)
                    {
                        // The old entry spliced: its unchanged postings copied as they are, the changed documents' put
                        // in. An entry that does not splice was not written by a build (its chunk hashes to its name, so
                        // it was read as written): the index is built whole.
                        if (Splice(data.AsSpan(entries[e].Start, entries[e].Length), term.Length + 1, changed, gained[term], documents, splice) is not { } body) return null;
                        e++;
                        if (body.Length > 0) chunker.Add(term, body); // empty: no document has it any more
                        continue;
                    }
                    var postings = gained[term];
                    if (postings.Count == 0) continue; // no document has it any more
                    chunker.Add(term, SearchIndexBuilder.TermBody(term, SearchIndexBuilder.Idf(documents, postings.Count), postings));
                }
                k++;
                if (k == firsts.Length) chunker.Finish();
                if (chunker.AtCut) break;
            }
            foreach (var c in chunker.Chunks)
            {
                var json = Json.String(c.Data);
                result.Add(new SearchIndexBuilder.Chunk(c.First, SearchIndexBuilder.Hash(json), json));
            }
        }
        return result;
    }

    /// <summary>
    /// A dirty term's entry made from its old one (<paramref name="body"/>: the term, a space, its idf and its postings,
    /// from <paramref name="at"/> the idf) without decoding it into a list: the postings of documents not
    /// <paramref name="changed"/> are copied as they are (runs of them at once), except the gap of the first one after
    /// a changed or <paramref name="gained"/> posting, which is encoded again; the gained postings are encoded in
    /// document order; the idf follows the new document frequency. The same string
    /// <see cref="SearchIndexBuilder.TermBody"/> makes of the merged postings (the old entry is as a build wrote it: its
    /// chunk hashes to its name). Empty when no document has the term any more; null when the entry does not decode
    /// (the caller decodes it, or builds the index whole).
    /// </summary>
    private static string? Splice(ReadOnlySpan<char> body, int at, HashSet<int> changed, List<SearchIndexBuilder.Posting> gained, int documents, System.Text.StringBuilder postings)
    {
        // One varint from i: its value and the index after it; false when a symbol is not one.
        static bool Read(ReadOnlySpan<char> s, ref int i, out int value)
        {
            value = 0;
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (c is < '#' or > '~' or '\\') return false;
                var d = c - 0x23 - (c > '\\' ? 1 : 0);
                if (d >= Varint.Terminal) value = value * Varint.Terminal + d - Varint.Terminal;
                else
                {
                    value = value * Varint.Terminal + d;
                    i++;
                    return true;
                }
            }
            return false;
        }
        var i = at;
        if (!Read(body, ref i, out _) || i >= body.Length) return null;
        postings.Clear();
        int previous = -1, oldPrevious = -1, g = 0, count = 0;
        int runStart = -1, runEnd = -1;
        while (i < body.Length)
        {
            var start = i;
            if (!Read(body, ref i, out var gap)) return null;
            var impactStart = i;
            if (!Read(body, ref i, out var impact)) return null;
            var doc = oldPrevious + gap + 1;
            oldPrevious = doc;
            if (g < gained.Count && gained[g].Doc < doc)
            {
                Flush(postings, body, ref runStart, runEnd);
                for (; g < gained.Count && gained[g].Doc < doc; g++) Encode(postings, gained[g], ref previous, ref count);
            }
            if (changed.Contains(doc)) continue;
            if (g < gained.Count && gained[g].Doc == doc) return null; // a gained document that is not a changed one
            if (doc - previous - 1 == gap)
            {
                // Its gap is what it was: copied with the run it continues.
                if (runStart < 0) runStart = start;
                runEnd = i;
                previous = doc;
                count++;
            }
            else
            {
                Flush(postings, body, ref runStart, runEnd);
                Varint.Write(postings, doc - previous - 1);
                postings.Append(body[impactStart..i]);
                previous = doc;
                count++;
            }
        }
        Flush(postings, body, ref runStart, runEnd);
        for (; g < gained.Count; g++) Encode(postings, gained[g], ref previous, ref count);
        if (count == 0) return "";
        var entry = new System.Text.StringBuilder(at + 4 + postings.Length);
        entry.Append(body[..at]);
        Varint.Write(entry, SearchIndexBuilder.Idf(documents, count));
        entry.Append(postings);
        return entry.ToString();
    }

    /// <summary>The run of postings copied as they are, if one is open.</summary>
    private static void Flush(System.Text.StringBuilder postings, ReadOnlySpan<char> body, ref int runStart, int runEnd)
    {
        if (runStart >= 0) postings.Append(body[runStart..runEnd]);
        runStart = -1;
    }

    /// <summary>A gained posting encoded after <paramref name="previous"/> (the run before it flushed).</summary>
    private static void Encode(System.Text.StringBuilder postings, SearchIndexBuilder.Posting p, ref int previous, ref int count)
    {
        Varint.Write(postings, p.Doc - previous - 1);
        Varint.Write(postings, p.Impact);
        previous = p.Doc;
        count++;
    }

    /// <summary>The document chunks: those without a changed document kept, the others cut again.</summary>
    private static List<SearchIndexBuilder.DocChunk>? Documents(string folder, SearchLayout old, IReadOnlyList<SearchDocument> docs, HashSet<int> changed, IPreviousOutput previous)
    {
        var firsts = old.Documents.Select(d => d.First).ToArray();
        if (firsts[0] != 0 || firsts[^1] >= docs.Count) return null;
        for (var k = 1; k < firsts.Length; k++)
            if (firsts[k - 1] >= firsts[k]) return null;
        var dirty = new HashSet<int>();
        foreach (var i in changed)
        {
            var k = Array.BinarySearch(firsts, i);
            dirty.Add(k < 0 ? ~k - 1 : k);
        }
        var result = new List<SearchIndexBuilder.DocChunk>();
        for (var k = 0; k < firsts.Length;)
        {
            if (!dirty.Contains(k))
            {
                if (!previous.Has(SearchIndexBuilder.ChunkPath(folder, old.Documents[k].Name))) return null;
                result.Add(new SearchIndexBuilder.DocChunk(firsts[k], old.Documents[k].Name, null));
                k++;
                continue;
            }
            var chunker = new SearchIndexBuilder.DocumentChunker();
            while (true)
            {
                var end = k + 1 < firsts.Length ? firsts[k + 1] : docs.Count;
                // An unchanged document's entry is the old chunk's, read back: its text is not made for its snippet.
                var kept = DocumentEntries(folder, old.Documents[k].Name, docs, firsts[k], end, previous);
                for (var i = firsts[k]; i < end; i++)
                    chunker.Add(i, docs[i].Path, kept is not null && !changed.Contains(i) ? kept[i - firsts[k]] : SearchIndexBuilder.DocumentEntry(docs[i]),
                        i == docs.Count - 1);
                k++;
                if (chunker.AtCut) break;
            }
            foreach (var c in chunker.Chunks) result.Add(new SearchIndexBuilder.DocChunk(c.First, SearchIndexBuilder.Hash(c.Json), c.Json));
        }
        return result;
    }

    /// <summary>
    /// A term chunk of the previous output read back: the chunk's data (its JSON string's contents) and each entry's term
    /// and where its body (term, idf, postings) lies in the data, in order. Null unless the file is exactly what a build
    /// writes under that name (its bytes after the prefix hash to it). The data is decoded from the file's bytes once:
    /// no text of the whole file, no substring per entry (only its term).
    /// </summary>
    internal static (string Data, List<(string Term, int Start, int Length)> Entries)? Entries(string folder, string name, IPreviousOutput previous)
    {
        if (previous.Read(SearchIndexBuilder.ChunkPath(folder, name)) is not { } bytes) return null;
        var prefix = Encoding.UTF8.GetBytes("EcoSearch.add(" + Json.String(SearchIndexBuilder.ChunkFolder + name) + ",");
        var all = bytes.AsSpan();
        if (!all.StartsWith(prefix) || !all.EndsWith(");\n"u8)) return null;
        var literal = all[prefix.Length..^3];
        // The name is the hash of the literal's UTF-8, which is these bytes (a build writes no other encoding of it).
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"' || SearchIndexBuilder.Hash(literal) != name) return null;
        var inner = literal[1..^1];
        string? data;
        if (inner.IndexOfAny((byte)'\\', (byte)'"') < 0 && !inner.ContainsAnyInRange((byte)0, (byte)0x1f)) data = Encoding.UTF8.GetString(inner);
        else
        {
            // Decoded into a rented buffer and unescaped from it: the chunk's data is the only string made.
            var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(literal.Length));
            try
            {
                data = Json.Parse(chars.AsSpan(0, Encoding.UTF8.GetChars(literal, chars)));
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
            }
        }
        if (data is null) return null;
        var entries = new List<(string, int, int)>();
        for (var at = 0; ;)
        {
            var end = data.IndexOf('!', at);
            if (end < 0) end = data.Length;
            var space = data.AsSpan(at, end - at).IndexOf(' ');
            if (space <= 0) return null;
            entries.Add((data.Substring(at, space), at, end - at));
            if (end == data.Length) break;
            at = end + 1;
        }
        return (data, entries);
    }

    /// <summary>
    /// The entries of a document chunk of the previous output, one per document from <paramref name="first"/> to
    /// <paramref name="end"/>, each as the chunk holds it (<see cref="SearchIndexBuilder.DocumentEntry"/>). Null unless
    /// the file is exactly what a build writes under that name (its contents hash to it), holds that many entries, and
    /// each starts with its document's path; the caller then makes every entry again.
    /// </summary>
    private static string[]? DocumentEntries(string folder, string name, IReadOnlyList<SearchDocument> docs, int first, int end, IPreviousOutput previous)
    {
        if (previous.Read(SearchIndexBuilder.ChunkPath(folder, name)) is not { } bytes) return null;
        var text = Encoding.UTF8.GetString(bytes);
        var prefix = "EcoSearch.add(" + Json.String(SearchIndexBuilder.ChunkFolder + name) + ",";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || !text.EndsWith(");\n", StringComparison.Ordinal)) return null;
        var literal = text.AsSpan(prefix.Length, text.Length - prefix.Length - 3);
        if (literal.Length < 2 || literal[0] != '[' || literal[^1] != ']' || SearchIndexBuilder.Hash(literal.ToString()) != name) return null;
        // The entries are arrays of JSON strings: each runs from a '[' to the first ']' outside a string.
        var entries = new string[end - first];
        var n = 0;
        var at = 1;
        while (at < literal.Length - 1)
        {
            if (n == entries.Length || literal[at] != '[') return null;
            var start = at;
            var inString = false;
            for (at++; at < literal.Length - 1; at++)
            {
                var c = literal[at];
                if (inString)
                {
                    if (c == '\\') at++;
                    else if (c == '"') inString = false;
                }
                else if (c == '"') inString = true;
                else if (c == ']') break;
            }
            if (at >= literal.Length - 1) return null;
            var entry = literal[start..(at + 1)].ToString();
            if (!entry.StartsWith("[" + Json.String(docs[first + n].Path) + ",", StringComparison.Ordinal)) return null;
            entries[n++] = entry;
            at++;
            if (at < literal.Length - 1 && (literal[at++] != ',' || at == literal.Length - 1)) return null;
        }
        return n == entries.Length ? entries : null;
    }

    /// <summary>The counts file (<see cref="SearchTokenCache"/>) as bytes: its lines found by key, and a copy with some lines removed and added.</summary>
    private sealed class CountsFile
    {
        private readonly byte[] _bytes;
        private readonly int _body;
        private readonly List<int> _starts = [];

        private CountsFile(byte[] bytes, int body)
        {
            _bytes = bytes;
            _body = body;
            for (var at = body; at < bytes.Length;)
            {
                _starts.Add(at);
                var nl = bytes.AsSpan(at).IndexOf((byte)'\n');
                if (nl < 0) throw new FormatException();
                at += nl + 1;
            }
        }

        /// <summary>A counts file with no lines yet (the first key of its character joins).</summary>
        public static CountsFile Empty() => Of(Encoding.UTF8.GetBytes(RenderState.Header("search")))!;

        /// <summary>Whether a file made by <see cref="With"/> holds any line (after its header).</summary>
        public bool HasLines(byte[] bytes) => bytes.Length > _body;

        public static CountsFile? Of(byte[] bytes)
        {
            var header = Encoding.UTF8.GetBytes(RenderState.Header("search"));
            if (!bytes.AsSpan().StartsWith(header) || (bytes.Length > header.Length && bytes[^1] != '\n')) return null;
            try
            {
                return new CountsFile(bytes, header.Length);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private ReadOnlySpan<byte> KeyAt(int line)
        {
            var span = _bytes.AsSpan(_starts[line]);
            var tab = span.IndexOf((byte)'\t');
            return tab < 0 ? span[..span.IndexOf((byte)'\n')] : span[..tab];
        }

        private int Find(string key, out bool found)
        {
            var k = Encoding.ASCII.GetBytes(key);
            int lo = 0, hi = _starts.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var c = KeyAt(mid).SequenceCompareTo(k);
                if (c == 0)
                {
                    found = true;
                    return mid;
                }
                if (c < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            found = false;
            return lo;
        }

        private int End(int line) => line + 1 < _starts.Count ? _starts[line + 1] : _bytes.Length;

        public string? Line(string key)
        {
            var line = Find(key, out var found);
            return found ? Encoding.UTF8.GetString(_bytes, _starts[line], End(line) - _starts[line] - 1) : null;
        }

        /// <summary>The file without the lines of <paramref name="removed"/> keys and with the <paramref name="added"/> lines, still sorted by key.</summary>
        public byte[] With(IReadOnlySet<string> removed, SortedDictionary<string, string?> added)
        {
            var output = new MemoryStream(_bytes.Length + 4096);
            output.Write(_bytes, 0, _body);
            var line = 0;
            void CopyUpTo(int end)
            {
                for (; line < end; line++)
                {
                    var start = _starts[line];
                    if (!removed.Contains(Encoding.ASCII.GetString(KeyAt(line)))) output.Write(_bytes, start, End(line) - start);
                }
            }
            foreach (var (key, text) in added)
            {
                CopyUpTo(Find(key, out _));
                if (text is null) continue; // a document the format cannot hold has no line, cold or not
                output.Write(Encoding.UTF8.GetBytes(text + "\n"));
            }
            CopyUpTo(_starts.Count);
            return output.ToArray();
        }
    }
}
