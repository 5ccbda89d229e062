using System.IO.Hashing;
using EcoSite.Core.Content;

namespace EcoSite.Core.Output;

/// <summary>
/// The hidden build state of one output folder: what a build learnt about the content that the next build into the same
/// folder may reuse (<see cref="FileStamps"/>, <see cref="LoadCache"/>). It lives beside the output, in
/// <c>.ecosite-cache/&lt;output name&gt;/</c>, not inside it: it is not part of the site (never published, served,
/// listed in the sitemap or compared with a cold build), its stamps are facts about this machine's files that must not
/// reach the site's bytes, and the update journal and the swap never see it. Every file is only a cache: one that is
/// missing, cut short, garbled (each ends with a checksum of its bytes, <see cref="ChecksumBytes"/>), of another format or
/// another generator is ignored, and the build does what a cold build does. Writing it is best effort for the same
/// reason: a failure costs the next build time, never correctness (docs/incremental.md, "The build state").
/// </summary>
internal sealed class BuildState
{
    public const string FolderName = ".ecosite-cache";

    private BuildState(string folder) => Folder = folder;

    /// <summary>The folder of the state files, <c>&lt;parent&gt;/.ecosite-cache/&lt;output name&gt;</c>.</summary>
    public string Folder { get; }

    public static BuildState Of(string outputDir)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(target) ?? target;
        return new BuildState(Path.Combine(parent, FolderName, Path.GetFileName(target)));
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>
    /// The payload of a state file whose checksum holds, or null: missing, not a regular file (a link is never read
    /// through), cut short or changed since it was written. The payload is the file's bytes without the checksum, not copied.
    /// </summary>
    public ReadOnlyMemory<byte>? Read(string name)
    {
        var path = PathOf(name);
        try
        {
            if (FileProbe.Kind(Folder) != FileKind.Directory || FileProbe.Kind(path) != FileKind.Regular) return null;
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < ChecksumBytes) return null;
            var payload = bytes.AsMemory(0, bytes.Length - ChecksumBytes);
            Span<byte> checksum = stackalloc byte[ChecksumBytes];
            XxHash128.Hash(payload.Span, checksum);
            return checksum.SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumBytes)) ? (ReadOnlyMemory<byte>)payload : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces a state file with what <paramref name="write"/> writes and its checksum: written to a temporary file of
    /// this process, then renamed over the old one, so a reader sees the old file or the new one, never half of either.
    /// The payload goes to the file as it is written, hashed on the way, never whole in memory (the load cache of
    /// 10,000 pages is 17 MB, which a growing buffer held three times over while the pages rendered). Errors are
    /// swallowed (see the class): the next build is slower, not wrong.
    /// </summary>
    public void Write(string name, Action<Stream> write)
    {
        var temp = PathOf($"{name}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Folder);
            // A link planted at the folder or its parent is never written through.
            if (FileProbe.Kind(Folder) != FileKind.Directory || FileProbe.Kind(Path.GetDirectoryName(Folder)!) != FileKind.Directory) return;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var checksum = new XxHash128();
                using (var buffered = new BufferedStream(new ChecksumStream(stream, checksum), 1 << 16)) write(buffered);
                stream.Write(checksum.GetCurrentHash());
            }
            File.Move(temp, PathOf(name), overwrite: true);
            DeleteLeftovers();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); }
            catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Temporary files of builds that were killed while writing (their process no longer runs).</summary>
    private void DeleteLeftovers()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*.tmp"))
        {
            var name = Path.GetFileName(path);
            var dot = name.IndexOf('.');
            var dash = name.IndexOf('-', dot + 1);
            if (dot < 0 || dash < 0 || !int.TryParse(name.AsSpan(dot + 1, dash - dot - 1), out var pid) || SiteWriter.IsRunning(pid)) continue;
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The checksum that ends every state file: XXH128 of the bytes before it. It only has to tell a file cut short or
    /// damaged (a crash, a disk error, a careless edit) from the file written, which a 128-bit hash does with odds of
    /// 2^-128, and it is checked over every state file a build reads (the load cache alone is 17 MB at 10,000 pages):
    /// SHA-256 took about 30 ms of a one-page build's CPU for that (docs/benchmarks.md), XXH128 about 2. A
    /// cryptographic hash guarded nothing more: the files are not signed, so whoever can write one could write its
    /// SHA-256 as well. A file of an earlier generator, which ended with a SHA-256, fails this check and is ignored once.
    /// </summary>
    public const int ChecksumBytes = 16;

    /// <summary>A stream that writes through to another and adds what it writes to <see cref="XxHash128"/>.</summary>
    private sealed class ChecksumStream(Stream inner, XxHash128 checksum) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            checksum.Append(buffer);
            inner.Write(buffer);
        }
    }
}
