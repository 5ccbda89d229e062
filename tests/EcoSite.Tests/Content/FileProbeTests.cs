using EcoSite.Core.Content;

namespace EcoSite.Tests.Content;

/// <summary>
/// The file probe opens only regular files, refuses everything else with a read error that says what the path is,
/// and reads a file whole only when it fits in memory. The Windows attribute rules are checked on every platform.
/// </summary>
public sealed class FileProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ecosite-probe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        var path = Path.Combine(_dir, "a.md");
        File.WriteAllText(path, "正文");
        Assert.Equal(File.ReadAllBytes(path), FileProbe.ReadAllBytes(path));
        Assert.Equal(FileKind.Regular, FileProbe.Kind(path));
    }

    [Fact]
    public void A_folder_is_refused_with_a_read_error_naming_it()
    {
        var e = Assert.Throws<IOException>(() => FileProbe.OpenRegular(_dir));
        Assert.Equal("a folder, not a regular file", e.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_with_a_read_error()
    {
        var e = Assert.Throws<IOException>(() => FileProbe.ReadAllBytes(Path.Combine(_dir, "none.md")));
        Assert.StartsWith("it does not exist", e.Message);
    }

    [Fact]
    public void A_character_device_is_refused_without_being_read()
    {
        if (OperatingSystem.IsWindows()) return; // no /dev/zero
        Assert.Equal(FileKind.CharacterDevice, FileProbe.TargetKind("/dev/zero"));
        var link = Path.Combine(_dir, "zero.pdf");
        File.CreateSymbolicLink(link, "/dev/zero");
        Assert.Equal(FileKind.SymbolicLink, FileProbe.Kind(link));
        var e = Assert.Throws<IOException>(() => FileProbe.ReadAllBytes(link));
        Assert.Equal("a character device, not a regular file", e.Message);
    }

    [Fact]
    public void A_file_too_large_to_hold_in_memory_is_a_read_error()
    {
        if (OperatingSystem.IsWindows()) return; // NTFS would allocate the space
        // A sparse file: its length is beyond any array, but it takes no disk space.
        var path = Path.Combine(_dir, "huge.pdf");
        using (var f = new FileStream(path, FileMode.CreateNew)) f.SetLength((long)Array.MaxLength + 1);
        var e = Assert.Throws<IOException>(() => FileProbe.ReadAllBytes(path));
        Assert.Equal($"the file is {(long)Array.MaxLength + 1} bytes, too large to read at once", e.Message);
    }

    [Fact]
    public void Every_kind_is_described_in_its_own_words()
    {
        var words = Enum.GetValues<FileKind>().Select(FileProbe.Describe).ToList();
        Assert.All(words, w => Assert.False(string.IsNullOrWhiteSpace(w)));
        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.Equal("a named pipe (FIFO)", FileProbe.Describe(FileKind.NamedPipe));
    }

    [Theory]
    [InlineData(FileAttributes.Normal, false, "Regular")]
    [InlineData(FileAttributes.Archive | FileAttributes.ReadOnly, true, "Regular")]
    [InlineData(FileAttributes.Directory, false, "Directory")]
    [InlineData(FileAttributes.Device, false, "CharacterDevice")]
    [InlineData(FileAttributes.ReparsePoint, false, "SymbolicLink")]
    [InlineData(FileAttributes.ReparsePoint | FileAttributes.Directory, false, "SymbolicLink")]
    [InlineData(FileAttributes.ReparsePoint | FileAttributes.Directory, true, "Directory")]
    [InlineData(FileAttributes.ReparsePoint, true, "Regular")]
    public void Windows_attributes_tell_links_folders_and_devices_apart(FileAttributes attributes, bool follow, string expected) =>
        Assert.Equal(expected, FileProbe.KindOf(attributes, follow).ToString());
}
