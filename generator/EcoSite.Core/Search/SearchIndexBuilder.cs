using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Output;

namespace EcoSite.Core.Search;

/// <summary>
/// Builds the search index of one language: a pure function from <see cref="SearchInput"/> to script files that the
/// browser client (themes/default/static/search.js) loads on demand with &lt;script&gt; elements, which works from
/// file:// where fetch does not. Each file calls <c>EcoSearch.add(name, data)</c>.
/// <list type="bullet">
/// <item><c>index.js</c>, the entry: parks, categories, the document range of each park and category (documents are
/// numbered by park, category, then newest first, so a filter is a set of ranges), the first term of each term
/// chunk and the first document of each document chunk.</item>
/// <item><c>&lt;hash&gt;/t&lt;n&gt;.js</c>: terms in ordinal order, cut into chunks of about
/// <see cref="TermChunkBytes"/>, so a query loads one chunk per term (a prefix may span two).</item>
/// <item><c>&lt;hash&gt;/d&lt;n&gt;.js</c>: path, title, date and text of consecutive documents, for the results shown.</item>
/// <item><c>&lt;hash&gt;/f.js</c>: the exchange listings' kinds, materials and hazardous classes, loaded only when
/// those filters are used.</item>
/// </list>
/// The chunk folder is named by a hash of its contents, so a browser never mixes chunks of two builds.
/// Scores are BM25 (k1 1.2, b 0.75) with weighted fields, multiplied by a freshness factor from 1 (no date, or
/// old) to 1.25 (today), and quantized at build time: a posting is a document number and a one-symbol impact, and
/// a term carries its quantized idf. Everything is integer or IEEE basic arithmetic, so the bytes are the same on
/// every machine.
/// </summary>
internal static class SearchIndexBuilder
{
    public const int FormatVersion = 2;

    /// <summary>The folder of the chunks, under the language's folder; each chunk is named by a hash of its contents.</summary>
    public const string ChunkFolder = "c/";
    public const int TermChunkBytes = 16 * 1024;
    public const int DocumentChunkBytes = 6 * 1024;

    /// <summary>Text kept per document for snippets; longer pages are indexed whole, and their snippet comes from this start.</summary>
    public const int SnippetChars = 1200;

    private const double K1 = 1.2, B = 0.75;
    private const int TitleWeight = 4, KeywordWeight = 2;
    private const double FreshnessHalfLifeDays = 365, FreshnessBonus = 0.25;

    /// <summary>Impacts are quantized to 1..<see cref="Varint.Terminal"/>-1 so each takes one symbol.</summary>
    private const double ImpactScale = (Varint.Terminal - 1) / ((K1 + 1) * (1 + FreshnessBonus));
    private const double IdfScale = 4;

    /// <summary>Each input's documents in index order, sorted once per build: the search page and the index both ask.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SearchInput, IReadOnlyList<SearchDocument>> Ordered = new();

    /// <summary>
    /// The documents in index order: by park, category, newest first, then path (then their order in the input, as a
    /// stable sort keeps it). Sorted once per input; the list is shared, never changed.
    /// </summary>
    public static IReadOnlyList<SearchDocument> Order(SearchInput input) => Ordered.GetValue(input, Sort);

    private static IReadOnlyList<SearchDocument> Sort(SearchInput input)
    {
        var parks = input.Parks.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var categories = input.Categories.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var docs = input.Documents;
        // Each document's park, category and day looked up once, then an index sort (no key selector per comparison).
        var keys = new (int Park, int Category, int Day)[docs.Count];
        var order = new int[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            keys[i] = (parks[docs[i].Park], categories[docs[i].Category], (docs[i].Date ?? DateOnly.MinValue).DayNumber);
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var (x, y) = (keys[a], keys[b]);
            var c = x.Park.CompareTo(y.Park);
            if (c == 0) c = x.Category.CompareTo(y.Category);
            if (c == 0) c = y.Day.CompareTo(x.Day);
            if (c == 0) c = string.CompareOrdinal(docs[a].Path, docs[b].Path);
            return c != 0 ? c : a.CompareTo(b);
        });
        return Array.AsReadOnly(Array.ConvertAll(order, i => docs[i]));
    }

    /// <summary>The index files, with paths under <paramref name="folder"/> ("search-index/zh/").</summary>
    public static IReadOnlyList<TextFile> Build(SearchInput input, string folder, SearchTokenCache? cache = null) =>
        BuildWhole(input, folder, cache).Files.Cast<TextFile>().ToList();

    /// <summary>
    /// The whole index, and with a <paramref name="cache"/> the layout the next build patches (<see cref="SearchIndexUpdate"/>):
    /// each document's key, length, date and text language, and each chunk's first item and name.
    /// </summary>
    internal static (List<OutputFile> Files, SearchLayout? Layout, int Tokenized) BuildWhole(SearchInput input, string folder, SearchTokenCache? cache)
    {
        var docs = Order(input);
        var keys = cache is null ? null : Keys(docs);
        var (counts, lengths, tokenized) = Invert(docs, cache, keys);
        var (files, terms, documents, average) = Write(input, folder, docs, lengths, counts);
        var sources = keys is null ? null : Sources(docs);
        var layout = keys is null ? null
            : new SearchLayout(input.Today, (int)average, docs.Select((d, i) => new SearchLayout.Doc(d.Path, keys[i], sources![i], lengths[i], d.Date, d.TextLang)).ToList(),
                terms.Select(c => (c.First, c.Name)).ToList(), documents.Select(c => (c.First, c.Name)).ToList());
        return (files, layout, tokenized);
    }

    /// <summary>
    /// Every term of <paramref name="input"/>'s documents with its counts (<see cref="Posting"/>s whose impact is still
    /// the weighted term frequency), in ordinal order, and each document's length, numbered in index order
    /// (<see cref="Order"/>): what a shard hands to merge instead of its documents' text (<see cref="Shards.ShardFragments"/>).
    /// </summary>
    internal static (IReadOnlyList<SearchDocument> Docs, List<(string Term, Posting[] Counts)> Terms, int[] Lengths) Counts(SearchInput input)
    {
        var docs = Order(input);
        var (counts, lengths, _) = Invert(docs, null, null);
        return (docs, counts, lengths);
    }

    /// <summary>
    /// The index files from counts made elsewhere (the shards' <see cref="Counts"/>, joined by merge): the same bytes as
    /// <see cref="Build"/> of documents with that text. <paramref name="lengths"/> and the postings' document numbers
    /// follow <see cref="Order"/> of <paramref name="input"/>; each term comes once, in ordinal order, with its postings
    /// in ascending document order, each posting's impact the weighted term frequency. Only each document's snippet is
    /// read (<see cref="SnippetText"/>), so its body may be just the snippet.
    /// </summary>
    internal static IReadOnlyList<TextFile> BuildCounted(SearchInput input, string folder, IReadOnlyList<int> lengths, IEnumerable<(string Term, Posting[] Counts)> counts) =>
        Write(input, folder, Order(input), lengths, counts).Files.Cast<TextFile>().ToList();

    /// <summary>Scores the counts term by term and cuts the index into its files.</summary>
    private static (List<OutputFile> Files, List<Chunk> Terms, List<DocChunk> Documents, double Average) Write(SearchInput input, string folder,
        IReadOnlyList<SearchDocument> docs, IReadOnlyList<int> lengths, IEnumerable<(string Term, Posting[] Counts)> counts)
    {
        // Rounded to a whole token: one page's edit moves the exact average a little, and every impact with it, so some
        // would cross a quantization step and rewrite chunks the edit has nothing to do with.
        var average = Average(lengths);
        var fresh = new double[docs.Count];
        for (var i = 0; i < fresh.Length; i++) fresh[i] = Freshness(docs[i].Date, input.Today);
        var termChunks = new TermChunker();
        foreach (var (term, list) in counts)
        {
            // Scored in place: the counts are not needed after, and a second array per term would double the garbage.
            for (var i = 0; i < list.Length; i++)
                list[i] = new Posting(list[i].Doc, Impact(list[i].Impact, lengths[list[i].Doc], average, fresh[list[i].Doc]));
            termChunks.Add(term, TermBody(term, Idf(docs.Count, list.Length), list));
        }
        termChunks.Finish();
        var docChunks = new DocumentChunker();
        for (var i = 0; i < docs.Count; i++) docChunks.Add(i, docs[i].Path, DocumentEntry(docs[i]), i == docs.Count - 1);
        var terms = termChunks.Chunks.Select(c => new Chunk(c.First, Hash(Json.String(c.Data)), Json.String(c.Data))).ToList();
        var documents = docChunks.Chunks.Select(c => new DocChunk(c.First, Hash(c.Json), c.Json)).ToList();
        return (Assemble(input, folder, docs, terms, documents), terms, documents, average);
    }

    /// <summary>Each document's <see cref="SearchTokenCache.Key"/>, in parallel (hashing every text is not free).</summary>
    internal static string[] Keys(IReadOnlyList<SearchDocument> docs)
    {
        var keys = new string[docs.Count];
        Parallel.For(0, docs.Count, i => keys[i] = SearchTokenCache.Key(docs[i]));
        return keys;
    }

    /// <summary>Each document's <see cref="SearchTokenCache.Source"/>, in parallel.</summary>
    internal static string[] Sources(IReadOnlyList<SearchDocument> docs)
    {
        var sources = new string[docs.Count];
        Parallel.For(0, docs.Count, i => sources[i] = SearchTokenCache.Source(docs[i]));
        return sources;
    }

    /// <summary>A term chunk: its first term, its name and its JSON (null: kept from the previous output as it is).</summary>
    internal sealed record Chunk(string First, string Name, string? Json);

    /// <summary>A document chunk: its first document, its name and its JSON (null: kept as it is).</summary>
    internal sealed record DocChunk(int First, string Name, string? Json);

    /// <summary>The entry and the chunk files; a chunk without JSON is one the previous output holds under its name.</summary>
    internal static List<OutputFile> Assemble(SearchInput input, string folder, IReadOnlyList<SearchDocument> docs, IReadOnlyList<Chunk> terms, IReadOnlyList<DocChunk> documents)
    {
        var facets = Facets(input, docs);
        // Each chunk is named by its own bytes: a build writes only the chunks whose contents changed, and an entry
        // (cached or not) only ever names chunks holding exactly what it was built with.
        var facetName = facets is null ? null : Hash(facets);

        var entry = new StringBuilder();
        entry.Append("{\"version\":").Append(FormatVersion)
            .Append(",\"lang\":").Append(Json.String(input.Lang))
            .Append(",\"dir\":").Append(Json.String(ChunkFolder))
            .Append(",\"count\":").Append(docs.Count)
            .Append(",\"parks\":").Append(Json.Labels(input.Parks))
            .Append(",\"categories\":").Append(Json.Labels(input.Categories))
            .Append(",\"groups\":[").AppendJoin(',', Groups(input, docs)).Append(']')
            .Append(",\"terms\":[").AppendJoin(',', terms.Select(c => Json.String(c.First))).Append(']')
            .Append(",\"tfiles\":[").AppendJoin(',', terms.Select(c => Json.String(c.Name))).Append(']')
            .Append(",\"docs\":[").AppendJoin(',', documents.Select(c => c.First)).Append(']')
            .Append(",\"dfiles\":[").AppendJoin(',', documents.Select(c => Json.String(c.Name))).Append(']')
            .Append(",\"listings\":").Append(facetName is null ? "false" : Json.String(facetName))
            .Append('}');
        var chunks = terms.Select(c => (c.Name, c.Json)).Concat(documents.Select(c => (c.Name, c.Json)));
        if (facetName is not null) chunks = chunks.Append((facetName, facets));
        var files = new List<OutputFile> { new TextFile(folder + "index.js", Script("index", entry.ToString())) };
        // A chunk registers under its path from the entry ("c/<hash>"), the name the client asks for.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, json) in chunks)
            if (seen.Add(name))
                files.Add(json is null ? new ReusedFile(ChunkPath(folder, name)) : new TextFile(ChunkPath(folder, name), Script(ChunkFolder + name, json)));
        return files;
    }

    internal static string ChunkPath(string folder, string name) => folder + ChunkFolder + name + ".js";

    internal static string Script(string name, string json) => $"EcoSearch.add({Json.String(name)},{json});\n";

    /// <summary>[park, category, first document, count] for each run of documents of one park and category.</summary>
    private static IEnumerable<string> Groups(SearchInput input, IReadOnlyList<SearchDocument> docs)
    {
        var parks = input.Parks.Select(p => p.Key).ToList();
        var categories = input.Categories.Select(c => c.Key).ToList();
        var start = 0;
        for (var i = 1; i <= docs.Count; i++)
        {
            if (i < docs.Count && docs[i].Park == docs[start].Park && docs[i].Category == docs[start].Category) continue;
            yield return $"[{parks.IndexOf(docs[start].Park)},{categories.IndexOf(docs[start].Category)},{start},{i - start}]";
            start = i;
        }
    }

    /// <summary>A document number and its score for a term; before scoring (<see cref="Counts"/>), the weighted term frequency.</summary>
    internal readonly record struct Posting(int Doc, int Impact);

    /// <summary>Every term, in ordinal order, with its postings (ascending document numbers) holding the weighted term frequency.</summary>
    private static (List<(string Term, Posting[] Counts)> Counts, int[] Lengths, int Tokenized) Invert(IReadOnlyList<SearchDocument> docs,
        SearchTokenCache? cache, string[]? keys)
    {
        // Tokenizing is the costly part: done per document in parallel, merged in document order, and skipped for a
        // document whose text the previous build tokenized (the cache). Terms are numbered once for the whole index
        // (TermTable), so a document's counts are a compact array of term numbers, and no string is made per token.
        var terms = new TermTable();
        var counts = new (int Term, int Tf)[docs.Count][];
        var tokenized = new bool[docs.Count];
        var lengths = new int[docs.Count];
        Parallel.For(0, docs.Count, () => new DocumentCounter(terms), (i, _, counter) =>
        {
            var d = docs[i];
            var key = keys?[i];
            if (key is not null && cache!.TryGet(key, terms.Number, out var cached, out var cachedLength))
            {
                (counts[i], lengths[i]) = (cached, cachedLength);
                return counter;
            }
            counter.Add(d.Title, TitleWeight);
            foreach (var k in d.Keywords) counter.Add(k, KeywordWeight);
            counter.Add(d.Summary, 1);
            counter.Add(d.Body, 1);
            (counts[i], lengths[i]) = counter.Finish();
            tokenized[i] = true;
            return counter;
        }, _ => { });
        if (cache is not null)
        {
            // The documents tokenized now join the cache under their terms' text.
            var text = new string[terms.Count];
            foreach (var (t, n) in terms.Ordered()) text[n] = t;
            for (var i = 0; i < docs.Count; i++)
            {
                if (!tokenized[i] || keys?[i] is not { } key) continue;
                cache.Keep(key, counts[i].Select(c => (text[c.Term], c.Tf)), lengths[i]);
            }
        }
        // Each term's postings in an array of its exact length (its document frequency, counted first): growing lists
        // left about as much garbage as the postings themselves, while the pages render beside the index.
        var frequency = new int[terms.Count];
        foreach (var c in counts)
            foreach (var (term, _) in c) frequency[term]++;
        var byTerm = new Posting[terms.Count][];
        for (var t = 0; t < byTerm.Length; t++) byTerm[t] = new Posting[frequency[t]];
        var filled = frequency.AsSpan();
        filled.Clear();
        for (var doc = 0; doc < docs.Count; doc++)
        {
            foreach (var (term, tf) in counts[doc])
                byTerm[term][filled[term]++] = new Posting(doc, tf);
            counts[doc] = null!; // merged: let the collector have it
        }
        return (terms.Ordered().Select(t => (t.Text, byTerm[t.Number])).ToList(), lengths, tokenized.Count(t => t));
    }

    /// <summary>The average document length, rounded to a whole token (at least 1).</summary>
    internal static double Average(IReadOnlyCollection<int> lengths) =>
        lengths.Count == 0 ? 1 : Math.Max(1, Math.Round(lengths.Sum(l => (long)l) / (double)lengths.Count));

    /// <summary>A posting's quantized BM25 impact: term frequency, document length, average length, freshness.</summary>
    internal static int Impact(int tf, int length, double average, double fresh)
    {
        var norm = K1 * (1 - B + B * length / average);
        var part = tf * (K1 + 1) / (tf + norm);
        var impact = (int)Math.Floor(part * fresh * ImpactScale + 0.5);
        return Math.Clamp(impact, 1, Varint.Terminal - 1);
    }

    /// <summary>
    /// One document's term counts and length, tokenized as the whole index does (the same weights and stems), with
    /// each term's text: for the few documents an update tokenizes.
    /// </summary>
    internal static (List<(string Term, int Tf)> Counts, int Length) Count(SearchDocument d)
    {
        var terms = new TermTable();
        var counter = new DocumentCounter(terms);
        counter.Add(d.Title, TitleWeight);
        foreach (var k in d.Keywords) counter.Add(k, KeywordWeight);
        counter.Add(d.Summary, 1);
        counter.Add(d.Body, 1);
        var (counts, length) = counter.Finish();
        var text = new string[terms.Count];
        foreach (var (t, n) in terms.Ordered()) text[n] = t;
        return (counts.Select(c => (text[c.Item1], c.Item2)).ToList(), length);
    }

    /// <summary>Every distinct term of an index, numbered in the order first seen, shared by the tokenizing threads.</summary>
    private sealed class TermTable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private int _count;

        public TermTable() => _lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count => _count;

        public int Number(ReadOnlySpan<char> term)
        {
            if (_lookup.TryGetValue(term, out var n)) return n;
            var text = term.ToString();
            lock (_numbers)
            {
                if (_numbers.TryGetValue(text, out n)) return n;
                n = _count;
                _numbers[text] = n;
                _count = n + 1;
                return n;
            }
        }

        public List<(string Text, int Number)> Ordered() =>
            _numbers.Select(kv => (kv.Key, kv.Value)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>One thread's term counts for the document in hand: weighted term frequencies and the token count.</summary>
    private sealed class DocumentCounter(TermTable terms) : SearchText.ITokenSink
    {
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly Dictionary<int, int> _tf = [];
        private int _weight, _length;

        public void Add(string text, int weight)
        {
            _weight = weight;
            SearchText.Scan(text, this);
        }

        void SearchText.ITokenSink.Add(ReadOnlySpan<char> text, TokenKind kind)
        {
            var term = terms.Number(kind == TokenKind.Word ? Stemmed(text) : text);
            ref var tf = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_tf, term, out _);
            tf += _weight;
            _length++;
        }

        private string Stemmed(ReadOnlySpan<char> word)
        {
            var lookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(word, out var stem)) return stem;
            var text = word.ToString();
            return _stems[text] = SearchText.Stem(text);
        }

        public ((int, int)[] Counts, int Length) Finish()
        {
            var counts = new (int, int)[_tf.Count];
            var k = 0;
            foreach (var (term, tf) in _tf) counts[k++] = (term, tf);
            var result = (counts, _length);
            _tf.Clear();
            _length = 0;
            return result;
        }
    }

    /// <summary>1 + 0.25 · H / (H + age in days): 1.25 today, 1.125 a year ago, 1 without a date.</summary>
    internal static double Freshness(DateOnly? date, DateOnly today)
    {
        if (date is not { } d) return 1;
        var age = Math.Max(0, today.DayNumber - d.DayNumber);
        return 1 + FreshnessBonus * FreshnessHalfLifeDays / (FreshnessHalfLifeDays + age);
    }

    /// <summary>BM25's idf, ln(1 + (N - df + 0.5) / (df + 0.5)), quantized; at least 1.</summary>
    internal static int Idf(int documents, int frequency) =>
        Math.Max(1, (int)Math.Floor(DeterministicMath.Ln(1 + (documents - frequency + 0.5) / (frequency + 0.5)) * IdfScale + 0.5));

    internal sealed record TermChunk(string First, string Data);

    /// <summary>A term's entry in its chunk, without the '!' that separates it from the one before: term, idf, postings.</summary>
    internal static string TermBody(string term, int idf, IEnumerable<Posting> postings)
    {
        var entry = new StringBuilder(term.Length + 16);
        entry.Append(term).Append(' ');
        Varint.Write(entry, idf);
        var previous = -1;
        foreach (var p in postings)
        {
            Varint.Write(entry, p.Doc - previous - 1);
            Varint.Write(entry, p.Impact);
            previous = p.Doc;
        }
        return entry.ToString();
    }

    /// <summary>
    /// Cuts the terms, in ordinal order, into chunks (<see cref="CutAfter"/>). A chunk's bounds depend only on the terms
    /// in it, so an update may start cutting at any chunk's start and stop at a cut that falls on an old chunk's end.
    /// </summary>
    internal sealed class TermChunker
    {
        public List<TermChunk> Chunks { get; } = [];
        private readonly StringBuilder _sb = new();
        private string? _first;
        private int _bytes;

        /// <summary>Nothing added since the last cut.</summary>
        public bool AtCut => _first is null;

        public void Add(string term, string body) => Add(term, body.AsSpan());

        public void Add(string term, ReadOnlySpan<char> body)
        {
            var bang = _sb.Length > 0;
            if (bang) _sb.Append('!');
            _sb.Append(body);
            var length = body.Length + (bang ? 1 : 0);
            _first ??= term;
            _bytes += Encoding.UTF8.GetByteCount(term) + length - term.Length;
            if (CutAfter(term, length, _bytes, TermChunkBytes)) Cut();
        }

        public void Finish()
        {
            if (_first is not null) Cut();
        }

        private void Cut()
        {
            Chunks.Add(new TermChunk(_first!, _sb.ToString()));
            _sb.Clear();
            _first = null;
            _bytes = 0;
        }
    }

    /// <summary>
    /// Where chunks end is decided by what they hold, not by a running byte count: an item (a term, a document's path)
    /// ends a chunk when its hash, modulo the target size, falls below the item's size, so a chunk holds about
    /// <paramref name="target"/> bytes, and a change that makes one item longer or shorter moves no other chunk's
    /// bounds (with cuts by count, every later chunk would shift). A chunk of four times the target is cut anyway.
    /// </summary>
    private static bool CutAfter(string key, int itemBytes, int chunkBytes, int target)
    {
        var h = 2166136261u; // FNV-1a: fixed, unlike string.GetHashCode
        foreach (var c in key) h = (h ^ c) * 16777619u;
        h ^= h >> 16; // finished as MurmurHash3 does, so the low bits the modulo keeps depend on every character
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        h *= 0xc2b2ae35u;
        h ^= h >> 16;
        return h % (uint)target < (uint)itemBytes || chunkBytes >= 4 * target;
    }

    internal sealed record DocumentChunk(int First, string Json);

    /// <summary>[path, title, date, text] or [path, title, date, text, lang]: one document in its chunk.</summary>
    internal static string DocumentEntry(SearchDocument d) =>
        "[" + Json.String(d.Path) + "," + Json.String(d.Title) + "," + Json.String(d.Date is { } date ? Render.Format.Iso(date) : "")
        + "," + Json.String(SnippetText(d)) + (d.TextLang is { } l ? "," + Json.String(l) : "") + "]";

    /// <summary>Cuts the documents, in index order, into chunks, as <see cref="TermChunker"/> cuts the terms.</summary>
    internal sealed class DocumentChunker
    {
        public List<DocumentChunk> Chunks { get; } = [];
        private readonly StringBuilder _sb = new();
        private int _first = -1;
        private int _bytes;

        public bool AtCut => _first < 0;

        /// <param name="last">Whether this is the index's last document, which ends its chunk.</param>
        public void Add(int index, string path, string entry, bool last)
        {
            if (_first < 0) _first = index;
            _sb.Append(_sb.Length == 0 ? '[' : ',').Append(entry);
            _bytes += Encoding.UTF8.GetByteCount(entry) + 1;
            if (CutAfter(path, entry.Length, _bytes, DocumentChunkBytes) || last)
            {
                Chunks.Add(new DocumentChunk(_first, _sb.Append(']').ToString()));
                _sb.Clear();
                _first = -1;
                _bytes = 0;
            }
        }
    }

    /// <summary>The summary, then the body where it does not repeat the summary, cut at <see cref="SnippetChars"/>.</summary>
    internal static string SnippetText(SearchDocument d)
    {
        var body = d.Body;
        var text = d.Summary.Length == 0 || body.StartsWith(d.Summary, StringComparison.Ordinal) ? body : d.Summary + " " + body;
        if (text.Length <= SnippetChars) return text;
        var cut = SnippetChars;
        if (char.IsLowSurrogate(text[cut])) cut--;
        return text[..cut];
    }

    internal static string? Facets(SearchInput input, IReadOnlyList<SearchDocument> docs)
    {
        var rows = docs.Select((d, i) => (d.Listing, Doc: i)).Where(x => x.Listing is not null).ToList();
        if (rows.Count == 0) return null;
        var kinds = input.ListingKinds.Select(k => k.Key).ToList();
        var materials = rows.Select(r => r.Listing!.Material).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var classes = rows.Select(r => r.Listing!.HazardousClass).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("{\"kinds\":").Append(Json.Labels(input.ListingKinds))
            .Append(",\"materials\":[").AppendJoin(',', materials.Select(Json.String)).Append(']')
            .Append(",\"classes\":[").AppendJoin(',', classes.Select(Json.String)).Append(']')
            .Append(",\"rows\":[")
            .AppendJoin(',', rows.Select(r => $"[{r.Doc},{kinds.IndexOf(r.Listing!.Kind)},{materials.IndexOf(r.Listing.Material)},{(r.Listing.HazardousClass is { } c ? classes.IndexOf(c) : -1)}]"))
            .Append("]}");
        return sb.ToString();
    }

    /// <summary>A chunk's name: the first 16 hexadecimal digits of the SHA-256 of its JSON's UTF-8.</summary>
    internal static string Hash(string json)
    {
        // Encoded into a rented buffer: a chunk is tens of kilobytes, and only its hash is kept.
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return Hash(bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, bytes)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary><see cref="Hash(string)"/> of JSON already in UTF-8.</summary>
    internal static string Hash(ReadOnlySpan<byte> json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}

/// <summary>
/// Unsigned integers as printable ASCII that needs no escaping in a JSON string: symbols '#' (0x23) to '~' (0x7E)
/// without '\'. Big-endian base 45: the last digit is one of the first 45 symbols, earlier digits one of the next 45.
/// </summary>
internal static class Varint
{
    public const int Terminal = 45;

    public static char Symbol(int digit)
    {
        var c = 0x23 + digit;
        return (char)(c >= '\\' ? c + 1 : c);
    }

    public static void Write(StringBuilder sb, int value)
    {
        if (value is >= 0 and < Terminal)
        {
            sb.Append(Symbol(value)); // most gaps and impacts: one symbol, appended as it is
            return;
        }
        Span<char> symbols = stackalloc char[8];
        sb.Append(symbols[..Symbols(value, symbols)]);
    }

    /// <summary>Appends <paramref name="value"/>'s symbols as ASCII bytes.</summary>
    public static void Write(System.Buffers.IBufferWriter<byte> bytes, int value)
    {
        Span<char> symbols = stackalloc char[8];
        var n = Symbols(value, symbols);
        var span = bytes.GetSpan(n);
        for (var i = 0; i < n; i++) span[i] = (byte)symbols[i];
        bytes.Advance(n);
    }

    /// <summary>Writes the symbols of a non-negative <paramref name="value"/> into <paramref name="symbols"/> (8 are enough); returns how many.</summary>
    private static int Symbols(int value, Span<char> symbols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Span<int> digits = stackalloc int[8];
        var n = 0;
        do
        {
            digits[n++] = value % Terminal;
            value /= Terminal;
        }
        while (value > 0);
        for (var i = n - 1; i > 0; i--) symbols[n - 1 - i] = Symbol(Terminal + digits[i]);
        symbols[n - 1] = Symbol(digits[0]);
        return n;
    }

    /// <summary>
    /// The number whose symbols start at <paramref name="pos"/> in <paramref name="bytes"/> (ASCII), moving past them;
    /// -1 when they are not symbols <see cref="Write(StringBuilder, int)"/> writes or the number would exceed an int.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> bytes, ref int pos)
    {
        long value = 0;
        while (pos < bytes.Length)
        {
            var b = bytes[pos++];
            if (b is < 0x23 or > 0x7E or 0x5C) return -1; // 0x5C: '\\', never a symbol
            var digit = b - 0x23 - (b > '\\' ? 1 : 0);
            if (digit >= 2 * Terminal) return -1;
            value = value * Terminal + digit % Terminal;
            if (value > int.MaxValue) return -1;
            if (digit < Terminal) return (int)value;
        }
        return -1;
    }
}

/// <summary>
/// JSON text written by hand so the bytes are fixed: U+2028 and U+2029 are escaped for old JavaScript engines, and a
/// lone surrogate (which strict UTF-8 input cannot hold, but a cut could make) becomes U+FFFD. &lt; &gt; &amp; are
/// escaped as in every other JSON file of the site (<see cref="Render.PublishedJson"/>): a title holding
/// "&lt;script&gt;" is never markup in a published file, whatever reads it.
/// </summary>
internal static class Json
{
    /// <summary>What <see cref="String"/> writes otherwise than as it is: quotes, backslashes, controls, the line and paragraph separators, &lt; &gt; &amp; and surrogates (lone ones become U+FFFD).</summary>
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "\"\\<>&\u2028\u2029" + new string([.. Enumerable.Range(0, 0x20).Select(c => (char)c)]) + new string([.. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]));

    public static string String(string s)
    {
        // Most texts (a path, a title) hold nothing to escape: one copy between the quotes.
        var text = s.AsSpan();
        var next = text.IndexOfAny(Special);
        if (next < 0) return string.Concat("\"", s, "\"");
        // Written into one rented buffer (no escaped character takes more than six), the runs between escapes copied at
        // once: the string is the only allocation (a term chunk is tens of kilobytes, with an escape every few terms).
        var escapes = 0;
        for (var at = next; at >= 0; escapes++)
            at = text[(at + 1)..].IndexOfAny(Special) is var k and >= 0 ? at + 1 + k : -1;
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length + 2 + 5 * escapes);
        try
        {
            var o = rented.AsSpan();
            o[0] = '"';
            var n = 1;
            for (var i = 0; ;)
            {
                var end = next < 0 ? s.Length : i + next;
                text[i..end].CopyTo(o[n..]);
                n += end - i;
                if (next < 0) break;
                i = end;
                var c = s[i];
                switch (c)
                {
                    case '"': n += Escape(o[n..], '"'); break;
                    case '\\': n += Escape(o[n..], '\\'); break;
                    case '\n': n += Escape(o[n..], 'n'); break;
                    case '\r': n += Escape(o[n..], 'r'); break;
                    case '\t': n += Escape(o[n..], 't'); break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            o[n++] = c;
                            o[n++] = s[++i];
                        }
                        else if (char.IsSurrogate(c)) o[n++] = '\uFFFD'; // a lone one
                        else
                        {
                            n += Escape(o[n..], 'u');
                            ((int)c).TryFormat(o[n..], out var written, "x4", System.Globalization.CultureInfo.InvariantCulture);
                            n += written;
                        }
                        break;
                }
                i++;
                next = text[i..].IndexOfAny(Special);
            }
            o[n++] = '"';
            return new string(o[..n]);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>A backslash and <paramref name="c"/>; the characters written.</summary>
    private static int Escape(Span<char> to, char c)
    {
        to[0] = '\\';
        to[1] = c;
        return 2;
    }

    /// <summary>The string a JSON string literal written by <see cref="String"/> holds; null for anything else.</summary>
    public static string? Parse(ReadOnlySpan<char> literal)
    {
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"') return null;
        // Unescaped into one rented buffer, runs without a backslash copied at once: the string is the only allocation
        // (a term chunk read back is tens of kilobytes).
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(literal.Length);
        try
        {
            var inner = literal[1..^1];
            var n = 0;
            while (!inner.IsEmpty)
            {
                var run = inner.IndexOfAny('\\', '"');
                var plain = run < 0 ? inner : inner[..run];
                if (plain.ContainsAnyInRange((char)0, (char)0x1f)) return null;
                plain.CopyTo(rented.AsSpan(n));
                n += plain.Length;
                if (run < 0) break;
                if (inner[run] == '"' || run + 1 >= inner.Length) return null;
                var escaped = inner[run + 1];
                var used = 2;
                switch (escaped)
                {
                    case '"': rented[n++] = '"'; break;
                    case '\\': rented[n++] = '\\'; break;
                    case 'n': rented[n++] = '\n'; break;
                    case 'r': rented[n++] = '\r'; break;
                    case 't': rented[n++] = '\t'; break;
                    case 'u' when run + 6 <= inner.Length
                        && int.TryParse(inner.Slice(run + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var u):
                        rented[n++] = (char)u;
                        used = 6;
                        break;
                    default: return null;
                }
                inner = inner[(run + used)..];
            }
            return new string(rented, 0, n);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    public static string Labels(IEnumerable<SearchLabel> labels) =>
        "[" + string.Join(',', labels.Select(l => $"[{String(l.Key)},{String(l.Label)}]")) + "]";
}

/// <summary>
/// The natural logarithm from IEEE basic operations only, so the quantized scores do not depend on the platform's
/// math library: x = m·2^e with m in [1, 2), ln x = e·ln 2 + 2·atanh((m - 1) / (m + 1)).
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;

    public static double Ln(double x)
    {
        if (x <= 0 || double.IsNaN(x) || double.IsInfinity(x)) throw new ArgumentOutOfRangeException(nameof(x));
        var e = 0;
        while (x >= 2) { x /= 2; e++; }
        while (x < 1) { x *= 2; e--; }
        var z = (x - 1) / (x + 1);
        var z2 = z * z;
        var term = z;
        var sum = 0.0;
        for (var k = 1; k < 60; k += 2)
        {
            sum += term / k;
            term *= z2;
        }
        return e * Ln2 + 2 * sum;
    }
}
