using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The content scan's status call is the only one a regular content file gets in a build: the stamp it gives is the one
/// the input fingerprint keeps and records (docs/incremental.md, "One status call a file"). It is taken before the file
/// is read, so a file saved again after the scan is read again by the next build, and stamping is recorded as having
/// begun when the scan began, so the racy rule still holds.
/// </summary>
public sealed class ScanStampTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-scanstamp-" + Guid.NewGuid().ToString("N"));
    private string Content => Path.Combine(_root, "content");

    public ScanStampTests()
    {
        Directory.CreateDirectory(Path.Combine(Content, "parks"));
        File.WriteAllText(Path.Combine(Content, "a.md"), "first");
        File.WriteAllText(Path.Combine(Content, "parks", "b.md"), "unchanged");
    }

    public void Dispose()
    {
        FileStamps.ClockShiftForTests.Value = null;
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Fingerprints a scanned tree with no previous stamps and returns the stamps it recorded.</summary>
    private FileStamps Record(ContentTree tree)
    {
        var bag = new DiagnosticBag();
        var state = BuildState.Of(Path.Combine(_root, "_site"));
        var fingerprint = InputFingerprint.Compute(tree, bag, null, FileStamps.None);
        Assert.False(bag.HasErrors);
        Assert.Equal(tree.Files.Count, fingerprint.Read);
        fingerprint.SaveStamps(state);
        return FileStamps.Read(state);
    }

    [Fact]
    public void The_recorded_stamp_is_the_scans_so_a_file_saved_after_the_scan_is_read_again_next_time()
    {
        // An hour ahead: the files just written are not racy for this recording.
        FileStamps.ClockShiftForTests.Value = TimeSpan.FromHours(1);
        var before = FileStamps.Now();
        var tree = ContentTree.Scan(Content, new DiagnosticBag());
        var after = FileStamps.Now();
        var a = Path.Combine(Content, "a.md");
        var scanned = FileStamp.Of(a)!.Value;
        File.WriteAllText(a, "second, longer");

        var stamps = Record(tree);

        // Stamping began no later than the scan: every stamp recorded was taken after the time recorded.
        Assert.InRange(stamps.Taken, before, after);
        Assert.NotNull(stamps.Reuse("a.md", scanned)); // the scan's stamp, not one taken after the file changed
        Assert.Null(stamps.Reuse("a.md", FileStamp.Of(a)!.Value)); // so the next build reads it again
        Assert.NotNull(stamps.Reuse("parks/b.md", FileStamp.Of(Path.Combine(Content, "parks", "b.md"))!.Value));
    }

    [Fact]
    public void A_linked_file_is_stamped_as_its_target()
    {
        if (OperatingSystem.IsWindows()) return; // links need privileges there
        FileStamps.ClockShiftForTests.Value = TimeSpan.FromHours(1);
        File.CreateSymbolicLink(Path.Combine(Content, "link.md"), Path.Combine(Content, "parks", "b.md"));
        var tree = ContentTree.Scan(Content, new DiagnosticBag());
        Assert.Equal(["a.md", "link.md", "parks/b.md"], tree.Files.Select(f => f.RelPath).ToArray());

        var stamps = Record(tree);

        Assert.NotNull(stamps.Reuse("link.md", FileStamp.Of(Path.Combine(Content, "link.md"))!.Value)); // stat, through the link
    }

    [Fact]
    public void The_scan_stamps_every_regular_file_with_what_stat_says_and_hands_them_over_once()
    {
        if (!UnixStatus.Usable) return; // elsewhere the fingerprint stamps each file itself
        var tree = ContentTree.Scan(Content, new DiagnosticBag());
        var stamps = tree.TakeStamps();
        Assert.NotNull(stamps);
        Assert.Equal(FileStamp.Of(Path.Combine(Content, "a.md")), stamps[0]);
        Assert.Equal(FileStamp.Of(Path.Combine(Content, "parks", "b.md")), stamps[1]);
        Assert.Null(tree.TakeStamps());
    }
}
