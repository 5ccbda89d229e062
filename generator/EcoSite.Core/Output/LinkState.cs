using System.Security.Cryptography;
using System.Text;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Core.Output;

/// <summary>
/// Every page's links, images and ids (<see cref="PageLinks"/>) in the build state (<see cref="RenderState"/>), so a
/// page the next build reuses is not read back and scanned for the link check. The pages are spread over
/// <see cref="Parts"/> files by a hash of their output paths (<see cref="PartOf"/>), so a build that renders a few pages
/// makes and writes only those pages' parts: a part all of whose pages were reused with the links it gave, and that
/// held no other page, is kept as it is (<see cref="ReusedFile"/>), neither made nor compared. In each part strings are
/// stored once (a page's navigation repeats its neighbours'), each page as indexes into them. A page holding a string
/// with a line break (an attribute can) is left out and read back from its file instead.
/// </summary>
internal sealed class LinkState
{
    private const string Kind = "links";

    /// <summary>How many files the pages are spread over (a function of nothing but the path, so a cold build makes the same parts).</summary>
    public const int Parts = 64;

    /// <summary>The state file of a part.</summary>
    public static string PartPath(int part) => $"{RenderState.Links}/{part.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)}.txt";

    /// <summary>The part a page's links are kept in: FNV-1a over the path's UTF-16 code units, modulo <see cref="Parts"/>.</summary>
    public static int PartOf(string outputPath)
    {
        var h = 2166136261u;
        foreach (var c in outputPath) h = (h ^ c) * 16777619u;
        return (int)(h % Parts);
    }

    private static readonly LinkState Empty = new(_ => null);

    private readonly Lazy<Part?>[] _parts;
    private readonly Func<string, byte[]?> _read;

    private LinkState(Func<string, byte[]?> read)
    {
        _read = read;
        _parts = new Lazy<Part?>[Parts];
        for (var i = 0; i < Parts; i++)
        {
            var path = PartPath(i);
            _parts[i] = new Lazy<Part?>(() => Part.Parse(read(path)), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>
    /// The state of the previous output, each part read by <paramref name="read"/> (the file's bytes, or null when there
    /// is none) when a page of it is first asked for.
    /// </summary>
    public static LinkState Load(Func<string, byte[]?>? read) => read is null ? Empty : new LinkState(read);

    /// <summary>The links of the page at <paramref name="outputPath"/> as the previous build found them, as a kept page's; null when not kept or not readable.</summary>
    public PageLinks? Find(string outputPath, string? sourceFile) => _parts[PartOf(outputPath)].Value?.Find(outputPath, sourceFile, mark: true);

    /// <summary>The state file naming the site's files, for the next build's link check (<see cref="FileSet"/>).</summary>
    public static string FilesPath => RenderState.Links + "/files.txt";

    private bool _sameFiles;

    /// <summary>
    /// The state file of the site's files: after the header, the SHA-256 of their paths (every file emitted before the
    /// link state, which itself follows from the pages' paths, but the search index's chunks: <see cref="IsSearchChunk"/>), sorted ordinally, each in UTF-8 with a line break. Notes
    /// whether the previous output's file is the same, that is whether every link of an unchanged page finds, or misses,
    /// exactly what it did in the previous build.
    /// </summary>
    public OutputFile FileSet(IEnumerable<string> paths)
    {
        var sorted = paths.Where(p => !IsSearchChunk(p)).ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[4096];
        foreach (var path in sorted)
        {
            var max = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
            if (max > buffer.Length) buffer = new byte[max];
            var n = Encoding.UTF8.GetBytes(path, buffer);
            buffer[n] = (byte)'\n';
            sha.AppendData(buffer, 0, n + 1);
        }
        var text = $"{RenderState.Header("files")}{Convert.ToHexStringLower(sha.GetHashAndReset())}\n";
        _sameFiles = _read(FilesPath) is { } old && old.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(text));
        return new TextFile(FilesPath, text);
    }

    /// <summary>
    /// A chunk of a search index (<c>search-index/&lt;lang&gt;/c/&lt;name&gt;.js</c>): named by its contents, so its name
    /// changes with almost every change of text, and no page links to one (only the index's entry script loads them,
    /// and no page's view holds their names: a page that showed one would be rendered again when it changed). Left out
    /// of the file list, which would otherwise differ after every change of text.
    /// </summary>
    public static bool IsSearchChunk(string path)
    {
        const string folder = "search-index/";
        if (!path.StartsWith(folder, StringComparison.Ordinal)) return false;
        var slash = path.IndexOf('/', folder.Length);
        return slash > 0 && path.AsSpan(slash + 1).StartsWith(Search.SearchIndexBuilder.ChunkFolder, StringComparison.Ordinal);
    }

    /// <summary>
    /// The previous build's link check results of the pages it checked (<paramref name="previous"/>: its diagnostics),
    /// by output path, when they are still this build's for every kept page (<see cref="PageLinks.Kept"/>): the site
    /// has the same files (<see cref="FileSet"/>, asked before), and every page rendered again has the ids the previous
    /// build recorded for it, so no link of a kept page finds another file or anchor than before. Null otherwise (every
    /// page is checked), and when a previous result cannot be told apart as one page's.
    /// </summary>
    public Dictionary<string, List<Diagnostic>>? PreviousResults(IReadOnlyList<PageLinks> pages, IReadOnlyList<Diagnostic> previous)
    {
        if (!_sameFiles) return null;
        var byPath = new Dictionary<string, PageLinks>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            byPath[page.OutputPath] = page;
            if (page.Kept) continue;
            if (_parts[PartOf(page.OutputPath)].Value?.Find(page.OutputPath, null, mark: false) is not { } before || !before.Ids.SetEquals(page.Ids))
                return null;
        }
        var results = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var d in previous)
        {
            if (d.Code is not ("ECO203" or "ECO204" or "ECO205")) continue;
            if (PageOf(d.Message, byPath) is not { } page) return null;
            if (!results.TryGetValue(page, out var list)) results[page] = list = [];
            list.Add(d);
        }
        return results;
    }

    /// <summary>The page a link check message names ("the page P links to '...", "the page P shows the image '..."), when exactly one page of the site fits.</summary>
    private static string? PageOf(string message, Dictionary<string, PageLinks> pages)
    {
        const string start = "the page ";
        if (!message.StartsWith(start, StringComparison.Ordinal)) return null;
        string? found = null;
        foreach (var verb in (ReadOnlySpan<string>)[" links to '", " shows the image '"])
            for (var at = message.IndexOf(verb, start.Length, StringComparison.Ordinal); at >= 0; at = message.IndexOf(verb, at + 1, StringComparison.Ordinal))
            {
                var path = message[start.Length..at];
                if (!pages.ContainsKey(path) || path == found) continue;
                if (found is not null) return null;
                found = path;
            }
        return found;
    }

    /// <summary>
    /// The state files of <paramref name="pages"/> (sorted by output path): each part that holds a page, made from its
    /// pages, or kept when this state gave every one of its pages' links and held no other page and
    /// <paramref name="kept"/> says the previous output has the file. A cold build passes the empty state and makes all.
    /// </summary>
    public IReadOnlyList<OutputFile> Files(IReadOnlyList<PageLinks> pages, Func<string, bool> kept)
    {
        var byPart = new List<PageLinks>?[Parts];
        foreach (var p in pages) (byPart[PartOf(p.OutputPath)] ??= []).Add(p);
        var files = new OutputFile?[Parts];
        Parallel.For(0, Parts, i =>
        {
            if (byPart[i] is not { } members) return;
            var path = PartPath(i);
            // Only a part that was read (a Find asked it) can have given every page: an unread one is made.
            files[i] = _parts[i].IsValueCreated && _parts[i].Value is { } old && old.GaveExactly(members.Count) && kept(path)
                ? new ReusedFile(path)
                : new TextFile(path, Part.ToText(members));
        });
        return files.OfType<OutputFile>().ToList();
    }

    /// <summary>The files of a cold build (no previous state).</summary>
    public static IReadOnlyList<OutputFile> ToFiles(IReadOnlyList<PageLinks> pages) => Empty.Files(pages, _ => false);

    /// <summary>
    /// One part file: the header, the SHA-256 of everything after its own line, the number of strings, the strings (one
    /// a line), then a line per page (its path, a tab, and three tab-separated lists of string indexes: links, images,
    /// ids), in ordinal order of the paths.
    /// </summary>
    internal sealed class Part
    {
        // The file is kept as its bytes and not split up front: a page is found by binary search over its lines, which a
        // build writes in ordinal order of their paths (a line out of order is only not found: the page is then read
        // back), and its line is only checked, not taken apart; its strings are decoded when its links are first asked
        // for (most kept pages' never are). The strings are made once each.
        private readonly byte[] _body;
        private readonly int[] _stringStarts;
        private readonly string?[] _strings;
        private readonly int[] _pageStarts;
        // Which page lines a Find was answered from: a part that answered for every line it holds, and for no fewer
        // pages than the build has in it, is what this build would write again.
        private readonly bool[] _gave;

        private Part(byte[] body, int[] stringStarts, int[] pageStarts)
        {
            _body = body;
            _stringStarts = stringStarts;
            _strings = new string?[Math.Max(0, stringStarts.Length - 1)];
            _pageStarts = pageStarts;
            _gave = new bool[pageStarts.Length];
        }

        public static string ToText(IReadOnlyList<PageLinks> pages)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var strings = new StringBuilder();
            var lines = new StringBuilder();
            void Add(IEnumerable<string> values)
            {
                lines.Append('\t');
                var first = true;
                foreach (var v in values)
                {
                    if (!index.TryGetValue(v, out var i))
                    {
                        index[v] = i = index.Count;
                        strings.Append(v).Append('\n');
                    }
                    if (!first) lines.Append(' ');
                    lines.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    first = false;
                }
            }
            foreach (var p in pages)
            {
                if (p.OutputPath.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 || p.Links.Concat(p.Images).Concat(p.Ids).Any(s => s.AsSpan().IndexOfAny('\n', '\r') >= 0))
                    continue;
                lines.Append(p.OutputPath);
                Add(p.Links);
                Add(p.Images);
                Add(p.Ids.Order(StringComparer.Ordinal));
                lines.Append('\n');
            }
            var rest = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{index.Count}\n{strings}{lines}");
            return $"{RenderState.Header(Kind)}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rest)))}\n{rest}";
        }

        /// <summary>A part file's bytes; null when there are none, or they are not this generator's or not as a build wrote them.</summary>
        public static Part? Parse(byte[]? bytes)
        {
            if (bytes is null) return null;
            var header = Encoding.UTF8.GetBytes(RenderState.Header(Kind));
            const int hex = 64;
            if (!bytes.AsSpan().StartsWith(header) || bytes.Length < header.Length + hex + 1 || bytes[header.Length + hex] != (byte)'\n')
                return null;
            var from = header.Length + hex + 1;
            var rest = bytes.AsSpan(from);
            Span<byte> sha = stackalloc byte[32];
            SHA256.HashData(rest, sha);
            Span<byte> recorded = stackalloc byte[32];
            if (Convert.FromHexString(bytes.AsSpan(header.Length, hex), recorded, out _, out var written) != System.Buffers.OperationStatus.Done
                || written != 32 || !sha.SequenceEqual(recorded))
                return null;
            var first = rest.IndexOf((byte)'\n');
            if (first < 0 || !TryNumber(rest[..first], out var count) || count > rest.Length)
                return null;
            // Line i of the strings runs from stringStarts[i] to stringStarts[i + 1] - 1 (its line break), as offsets
            // into the file's bytes.
            var stringStarts = new int[count + 1];
            var at = first + 1;
            for (var i = 0; i <= count; i++)
            {
                stringStarts[i] = from + at;
                if (i == count) break;
                var end = rest[at..].IndexOf((byte)'\n');
                if (end < 0) return null;
                at += end + 1;
            }
            var pages = new List<int>();
            while (at < rest.Length)
            {
                pages.Add(from + at);
                var end = rest[at..].IndexOf((byte)'\n');
                if (end < 0) break;
                at += end + 1;
            }
            return new Part(bytes, stringStarts, [.. pages]);
        }

        /// <summary>Digits only (as int.TryParse with no number styles), without overflow.</summary>
        private static bool TryNumber(ReadOnlySpan<byte> digits, out int value)
        {
            value = 0;
            if (digits.IsEmpty) return false;
            foreach (var d in digits)
            {
                if (d is < (byte)'0' or > (byte)'9') return false;
                var next = (long)value * 10 + (d - '0');
                if (next > int.MaxValue) return false;
                value = (int)next;
            }
            return true;
        }

        /// <summary>Whether every page line of the part answered a Find, and it holds exactly <paramref name="pages"/> lines.</summary>
        public bool GaveExactly(int pages) => _pageStarts.Length == pages && Array.TrueForAll(_gave, g => g);

        /// <summary>The index of the line of a page, or -1 when the part has none for it.</summary>
        private int LineOf(string outputPath)
        {
            Span<char> buffer = stackalloc char[512];
            // A path of ASCII characters (every page path of a generated site) is compared as UTF-8 bytes, without
            // decoding: against an ASCII path, bytes order as UTF-16 code units do (a byte above 0x7F starts a character
            // above every ASCII one in both).
            Span<byte> ascii = stackalloc byte[256];
            var written = 0;
            var asBytes = outputPath.Length <= ascii.Length && System.Text.Ascii.FromUtf16(outputPath, ascii, out written) == System.Buffers.OperationStatus.Done;
            ReadOnlySpan<byte> sought = ascii[..written];
            int lo = 0, hi = _pageStarts.Length - 1;
            while (lo <= hi)
            {
                var mid = lo + (hi - lo) / 2;
                // Only the path is looked at: up to the tab that ends it (or the end of a line without one).
                var rest = _body.AsSpan(_pageStarts[mid]);
                var end = rest.IndexOfAny((byte)'\t', (byte)'\n');
                var tab = end >= 0 && rest[end] == (byte)'\t' ? end : -1;
                var path = end < 0 ? rest : rest[..end];
                var c = asBytes ? path.SequenceCompareTo(sought) : Compare(path, outputPath, buffer);
                if (c == 0) return tab > 0 ? mid : -1;
                if (c < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }

        /// <summary>A line's path against a page's, in UTF-16 ordinal order (as the lines were sorted): decoded, never made a string.</summary>
        private static int Compare(ReadOnlySpan<byte> path, string outputPath, Span<char> buffer)
        {
            // A UTF-8 path has no more chars than bytes.
            char[]? rented = null;
            var chars = path.Length <= buffer.Length ? buffer : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(path.Length));
            try
            {
                System.Text.Unicode.Utf8.ToUtf16(path, chars, out _, out var n);
                return ((ReadOnlySpan<char>)chars[..n]).SequenceCompareTo(outputPath);
            }
            finally
            {
                if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }

        private ReadOnlySpan<byte> Line(int start)
        {
            var rest = _body.AsSpan(start);
            var end = rest.IndexOf((byte)'\n');
            return end < 0 ? rest : rest[..end];
        }

        /// <summary>
        /// The page's links, when the part has a well-formed line for it (its strings decoded only when they are asked
        /// for: <see cref="PageLinks"/>).
        /// </summary>
        /// <param name="mark">Whether the page takes these links (so the part may be kept, and the page is <see cref="PageLinks.Kept"/>), or they are only looked at.</param>
        public PageLinks? Find(string outputPath, string? sourceFile, bool mark)
        {
            var n = LineOf(outputPath);
            if (n < 0) return null;
            var line = Line(_pageStarts[n]);
            line = line[(line.IndexOf((byte)'\t') + 1)..];
            // Exactly three tab-separated lists of string numbers after the path.
            for (var part = 0; part < 3; part++)
            {
                var tab = line.IndexOf((byte)'\t');
                if (part < 2 ? tab < 0 : tab >= 0) return null;
                if (!Valid(part < 2 ? line[..tab] : line)) return null;
                if (part < 2) line = line[(tab + 1)..];
            }
            if (mark) _gave[n] = true;
            return new PageLinks(outputPath, sourceFile, () => Values(n)) { Kept = mark };
        }

        /// <summary>Whether a list is empty or numbers of this part's strings, one space between each two.</summary>
        private bool Valid(ReadOnlySpan<byte> indexes)
        {
            if (indexes.IsEmpty) return true;
            foreach (var range in indexes.Split((byte)' '))
                if (!TryNumber(indexes[range], out var i) || i >= _strings.Length) return false;
            return true;
        }

        /// <summary>The links, images and ids of the (checked) line <paramref name="n"/>.</summary>
        private PageLinks.Values Values(int n)
        {
            var line = Line(_pageStarts[n]);
            line = line[(line.IndexOf((byte)'\t') + 1)..];
            var lists = new List<string>[3];
            for (var part = 0; part < 3; part++)
            {
                var tab = line.IndexOf((byte)'\t');
                lists[part] = Strings(part < 2 ? line[..tab] : line);
                if (part < 2) line = line[(tab + 1)..];
            }
            return new PageLinks.Values(lists[0], lists[1], new HashSet<string>(lists[2], StringComparer.Ordinal));
        }

        private List<string> Strings(ReadOnlySpan<byte> indexes)
        {
            var result = new List<string>();
            if (indexes.IsEmpty) return result;
            foreach (var range in indexes.Split((byte)' '))
            {
                TryNumber(indexes[range], out var i);
                // Made once, by whichever thread asks first (another thread making it too makes an equal string).
                result.Add(_strings[i] ??= Encoding.UTF8.GetString(_body, _stringStarts[i], _stringStarts[i + 1] - 1 - _stringStarts[i]));
            }
            return result;
        }
    }
}
