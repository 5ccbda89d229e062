namespace EcoSite.Core.Output;

/// <summary>One file of the built site; <see cref="Path"/> is relative to the output folder, '/'-separated.</summary>
internal abstract record OutputFile(string Path);

/// <summary>Text written as UTF-8 without a byte-order mark.</summary>
internal sealed record TextFile(string Path, string Text) : OutputFile(Path);

internal sealed record BinaryFile(string Path, byte[] Bytes) : OutputFile(Path);

/// <summary>A content file (media, attachments) copied byte for byte.</summary>
internal sealed record CopiedFile(string Path, string SourcePath) : OutputFile(Path);

/// <summary>A file of the previous output whose inputs did not change: it stays where it is.</summary>
internal sealed record ReusedFile(string Path) : OutputFile(Path);
