using System.Diagnostics;
using System.Net.Sockets;
using EcoSite.Core;

namespace EcoSite.Tests.Content;

/// <summary>
/// Anything in the content folder that is not a regular file or a folder (a named pipe, a socket, a device, a link to
/// one) is an error naming it, found from its file type before it is opened: opening a pipe would wait for a writer
/// forever, and reading a device would never end.
/// </summary>
public sealed class FileKindTests
{
    /// <summary>A build on a thread, so that a build stuck on a pipe fails the test instead of hanging the run.</summary>
    private static BuildResult BuildOrFail(TestSite site, params string[] fifos)
    {
        var build = Task.Run(() => site.Build());
        if (!build.Wait(TimeSpan.FromMinutes(2)))
        {
            // Release the stuck reader (a writer that opens and closes gives it end-of-file), then fail.
            foreach (var fifo in fifos) using (File.OpenWrite(fifo)) { }
            build.Wait();
            Assert.Fail("the build opened a named pipe and waited on it");
        }
        return build.Result;
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var p = Process.Start("mkfifo", [path])!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Theory]
    [InlineData("parks/demo/news/2026-11-20-pipe.md")]
    [InlineData("parks/demo/media/pipe.pdf")]
    [InlineData("parks/demo/indicators/2025.yaml")]
    [InlineData("site.yaml")]
    public void A_named_pipe_anywhere_in_the_content_is_an_error_and_never_opened(string rel)
    {
        if (OperatingSystem.IsWindows()) return; // no named pipes in a Windows folder
        using var site = new TestSite();
        var path = Path.Combine(site.Content, rel);
        if (File.Exists(path)) File.Delete(path);
        MakeFifo(path);
        var result = BuildOrFail(site, path);
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO007", rel, 0);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_link_inside_the_content_to_a_named_pipe_is_an_error()
    {
        if (OperatingSystem.IsWindows()) return;
        using var site = new TestSite();
        var pipe = Path.Combine(site.Content, "parks/demo/media/sub/pipe");
        MakeFifo(pipe);
        File.CreateSymbolicLink(Path.Combine(site.Content, "parks/demo/media/report.pdf"), pipe);
        var result = BuildOrFail(site, pipe);
        DiagnosticAssert.Has(result.Diagnostics, "ECO007", "parks/demo/media/report.pdf", 0);
    }

    [Fact]
    public void A_socket_in_the_content_is_an_error()
    {
        if (OperatingSystem.IsWindows()) return;
        using var site = new TestSite();
        var path = Path.Combine(site.Content, "parks/demo/media/app.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var result = BuildOrFail(site);
        DiagnosticAssert.Has(result.Diagnostics, "ECO007", "parks/demo/media/app.sock", 0);
    }

    [Fact]
    public void A_file_that_cannot_be_read_after_the_scan_is_a_located_error_not_an_exception()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-a.md", "---\ntitle: 好\ndate: 2026-11-20\n---\n正文。\n")
            .WithBytes("parks/demo/media/a.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n"));
        var diagnostics = new EcoSite.Core.Diagnostics.DiagnosticBag();
        var tree = EcoSite.Core.Content.ContentTree.Scan(site.Content, diagnostics);
        // Gone (or unreadable) between the listing and the reading: an editor deleted them while the build ran.
        File.Delete(Path.Combine(site.Content, "parks/demo/news/2026-11-20-a.md"));
        File.Delete(Path.Combine(site.Content, "parks/demo/media/a.pdf"));
        EcoSite.Core.Output.InputFingerprint.Compute(tree, diagnostics);
        var list = diagnostics.ToSortedList();
        DiagnosticAssert.Has(list, "ECO004", "parks/demo/news/2026-11-20-a.md", 0);
        DiagnosticAssert.Has(list, "ECO004", "parks/demo/media/a.pdf", 0);
    }
}
