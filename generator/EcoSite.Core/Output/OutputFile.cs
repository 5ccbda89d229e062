namespace EcoSite.Core.Output;

/// <summary>One file of the built site; <see cref="Path"/> is relative to the output folder, '/'-separated.</summary>
internal abstract record OutputFile(string Path);

/// <summary>Text written as UTF-8 without a byte-order mark.</summary>
internal sealed record TextFile(string Path, string Text) : OutputFile(Path);

internal sealed record BinaryFile(string Path, byte[] Bytes) : OutputFile(Path);

/// <summary>A content file (media, attachments) copied byte for byte.</summary>
internal sealed record CopiedFile(string Path, string SourcePath) : OutputFile(Path);

/// <summary>
/// A file of a shard taken into the merged site byte for byte: hard-linked where the file system allows (no data
/// copied: both names are one file, which neither a later build of the shard nor one of the merged site changes, since
/// every build writes new files and moves them in), else copied.
/// </summary>
internal sealed record LinkedFile(string Path, string SourcePath) : OutputFile(Path);

/// <summary>A file of the previous output whose inputs did not change: it stays where it is.</summary>
internal sealed record ReusedFile(string Path) : OutputFile(Path);
