using System.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The listing of a previous output takes each entry's type from the directory entry itself on Unix (d_type), not from
/// an lstat per entry (<see cref="DirectoryListing"/>): it must sort every kind of entry exactly as the listing by
/// status does, never enter a linked folder, and treat a pipe, a link or a socket as something to remove.
/// </summary>
public sealed class OutputTreeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-outputtree-" + Guid.NewGuid().ToString("N"));

    public OutputTreeTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "out", "parks", "demo", "news"));
        Directory.CreateDirectory(Path.Combine(_root, "out", "empty"));
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere"));
        File.WriteAllText(Path.Combine(_root, "elsewhere", "secret.html"), "not ours");
        File.WriteAllText(Path.Combine(_root, "out", "index.html"), "<p>home</p>");
        File.WriteAllText(Path.Combine(_root, "out", ".ecosite-output"), "marker");
        File.WriteAllText(Path.Combine(_root, "out", "parks", "demo", "news", "2026-11-01-item.html"), "<p>item</p>");
        File.WriteAllText(Path.Combine(_root, "out", "parks", "demo", "园区.html"), "<p>park</p>");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Out => Path.Combine(_root, "out");

    [Fact]
    public void Every_kind_of_entry_is_sorted_as_the_listing_by_status_sorts_it()
    {
        if (OperatingSystem.IsWindows()) return; // no pipes; Windows lists by attributes
        File.CreateSymbolicLink(Path.Combine(Out, "parks", "linked.html"), Path.Combine(_root, "elsewhere", "secret.html"));
        Directory.CreateSymbolicLink(Path.Combine(Out, "parks", "linked-folder"), Path.Combine(_root, "elsewhere"));
        using (var p = Process.Start("mkfifo", [Path.Combine(Out, "parks", "demo", "pipe.html")])!) p.WaitForExit();

        var listed = OutputTree.Scan(Out);
        OutputTree byStatus;
        OutputTree.ByStatusForTests.Value = true;
        try { byStatus = OutputTree.Scan(Out); }
        finally { OutputTree.ByStatusForTests.Value = false; }

        Assert.Equal([".ecosite-output", "index.html", "parks/demo/news/2026-11-01-item.html", "parks/demo/园区.html"],
            listed.Files.Order(StringComparer.Ordinal));
        Assert.Equal(byStatus.Files.Order(StringComparer.Ordinal), listed.Files.Order(StringComparer.Ordinal));
        Assert.Equal(["empty", "parks", "parks/demo", "parks/demo/news"], listed.Folders.Order(StringComparer.Ordinal));
        Assert.Equal(byStatus.Folders.Order(StringComparer.Ordinal), listed.Folders.Order(StringComparer.Ordinal));
        // The links and the pipe are removed by an update, never followed: nothing under the linked folder is listed.
        Assert.Equal(["parks/demo/pipe.html", "parks/linked-folder", "parks/linked.html"], listed.Others.Order(StringComparer.Ordinal));
        Assert.Equal(byStatus.Others.Order(StringComparer.Ordinal), listed.Others.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void On_unix_the_entries_types_are_confirmed_and_used()
    {
        if (OperatingSystem.IsWindows()) return;
        // The shim's entry struct reads back as expected here (the root's "." and ".." are folders), so no lstat is needed.
        var listing = DirectoryListing.Scan(Path.GetFullPath(Out));
        Assert.NotNull(listing);
        Assert.Contains("parks/demo/园区.html", listing.Files);
    }

    [Fact]
    public void A_folder_that_is_gone_cannot_be_listed_and_says_so()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.ThrowsAny<IOException>(() => DirectoryListing.Scan(Path.Combine(_root, "missing")));
    }
}
