using System.Diagnostics;
using System.Runtime.InteropServices;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// The folder probe (a status call by name relative to an open folder) answers what the file probe answers for the
/// entry's full path, for every kind of entry, links above all: a link is a link (never followed), so the scan's
/// refusal of links leading outside, round a loop or to a folder or device stays as it was. And the scan gives the same
/// tree, stamps and diagnostics on one thread as on every core.
/// </summary>
public sealed class FolderProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ecosite-folderprobe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static bool Linux => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void On_linux_the_folder_probe_is_confirmed_and_used()
    {
        // Elsewhere the scan asks by full path, which the other tests of the scan cover.
        Assert.Equal(Linux && EcoSite.Core.Output.UnixStatus.Usable, FolderProbe.Usable);
    }

    [Fact]
    public void Every_kind_of_entry_reads_as_it_does_by_full_path_links_never_followed()
    {
        if (!FolderProbe.Usable) return;
        File.WriteAllText(Path.Combine(_dir, "a.md"), "正文 twelve");
        File.WriteAllText(Path.Combine(_dir, "empty.md"), "");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir, "link.md"), Path.Combine(_dir, "a.md"));
        File.CreateSymbolicLink(Path.Combine(_dir, "zero.pdf"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_dir, "out.md"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(_dir, "gone.md"), Path.Combine(_dir, "none.md"));
        File.CreateSymbolicLink(Path.Combine(_dir, "loop"), Path.Combine(_dir, "loop"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linked"), Path.Combine(_dir, "sub"));
        MakeFifo(Path.Combine(_dir, "pipe"));
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(_dir, "s.sock")));
        var expected = new Dictionary<string, FileKind>
        {
            ["a.md"] = FileKind.Regular, ["empty.md"] = FileKind.Regular, ["sub"] = FileKind.Directory,
            ["link.md"] = FileKind.SymbolicLink, ["zero.pdf"] = FileKind.SymbolicLink, ["out.md"] = FileKind.SymbolicLink,
            ["gone.md"] = FileKind.SymbolicLink, ["loop"] = FileKind.SymbolicLink, ["linked"] = FileKind.SymbolicLink,
            ["pipe"] = FileKind.NamedPipe, ["s.sock"] = FileKind.Socket, ["none.md"] = FileKind.Missing,
        };
        var fd = FolderProbe.Open(_dir);
        Assert.True(fd >= 0);
        try
        {
            foreach (var (name, kind) in expected)
            {
                var full = Path.Combine(_dir, name);
                Assert.Equal(kind, FileProbe.Kind(full, out var size, out var stamp));
                var relative = FolderProbe.Kind(fd, name, out var relativeSize, out var relativeStamp);
                Assert.True(kind == relative, $"{name}: {relative}, by full path {kind}");
                Assert.Equal(size, relativeSize);
                Assert.Equal(stamp, relativeStamp);
                if (kind == FileKind.Regular) Assert.Equal(new FileInfo(full).Length, relativeSize);
            }
        }
        finally
        {
            FolderProbe.Release(fd);
        }
    }

    [Fact]
    public void Only_a_folder_is_opened_and_a_link_to_one_is_followed_as_the_listing_follows_the_content_folder()
    {
        if (!FolderProbe.Usable) return;
        File.WriteAllText(Path.Combine(_dir, "a.md"), "x");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllText(Path.Combine(_dir, "sub", "b.md"), "xy");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linked"), Path.Combine(_dir, "sub"));
        Assert.Equal(-1, FolderProbe.Open(Path.Combine(_dir, "a.md")));
        Assert.Equal(-1, FolderProbe.Open(Path.Combine(_dir, "none")));
        var fd = FolderProbe.Open(Path.Combine(_dir, "linked"));
        Assert.True(fd >= 0);
        try
        {
            Assert.Equal(FileKind.Regular, FolderProbe.Kind(fd, "b.md", out var size, out _));
            Assert.Equal(2, size);
        }
        finally
        {
            FolderProbe.Release(fd);
        }
    }

    [Fact]
    public void A_scan_on_one_thread_and_on_every_core_gives_the_same_files_stamps_and_diagnostics()
    {
        var content = Path.Combine(_dir, "content");
        for (var p = 0; p < 5; p++)
            for (var i = 0; i < 450; i++)
            {
                var path = Path.Combine(content, "parks", $"p{p}", i % 3 == 0 ? "media" : "news", $"{i:D3}.md");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, new string('x', i % 200));
            }
        File.WriteAllText(Path.Combine(content, "parks", "p3", "news", ".hidden.md"), "x");
        if (!OperatingSystem.IsWindows())
        {
            File.WriteAllText(Path.Combine(content, "parks", "p1", "bad\u0007name.md"), "x");
            File.CreateSymbolicLink(Path.Combine(content, "parks", "p2", "out.md"), Path.Combine(_dir, "elsewhere.md"));
            File.CreateSymbolicLink(Path.Combine(content, "parks", "p4", "news", "in.md"), Path.Combine(content, "parks", "p0", "news", "001.md"));
            MakeFifo(Path.Combine(content, "parks", "p0", "media", "pipe"));
        }

        (string[] Files, EcoSite.Core.Output.FileStamp[]? Stamps, string[] Diagnostics, string[] Dirs) Scan(int threads)
        {
            var bag = new DiagnosticBag();
            var tree = ContentTree.Scan(content, bag, new ParallelOptions { MaxDegreeOfParallelism = threads });
            var dirs = new List<string>();
            void Walk(string dir)
            {
                foreach (var c in tree.Children(dir))
                    if (tree.IsDirectory(c)) { dirs.Add(c); Walk(c); }
            }
            Walk("");
            return (tree.Files.Select(f => $"{f.RelPath}:{f.Bytes}:{f.FullPath}").ToArray(), tree.TakeStamps(), bag.ToSortedList().Select(d => d.ToString()).ToArray(), dirs.ToArray());
        }

        var one = Scan(1);
        var every = Scan(-1);
        // Enough files that the sort is shared between two cores (then merged).
        Assert.Equal(5 * 450 + (OperatingSystem.IsWindows() ? 0 : 1), one.Files.Length);
        var rels = one.Files.Select(f => f.Split(':')[0]).ToArray();
        Assert.Equal(rels.Order(StringComparer.Ordinal), rels);
        Assert.Equal(one.Files, every.Files);
        Assert.Equal(one.Stamps, every.Stamps);
        Assert.Equal(one.Diagnostics, every.Diagnostics);
        Assert.Equal(one.Dirs, every.Dirs);
        Assert.Equal(OperatingSystem.IsWindows() ? 0 : 3, one.Diagnostics.Length);
        Assert.Equal(1 + 5 + 5 * 2, one.Dirs.Length); // parks, p0-p4, their media and news
        if (EcoSite.Core.Output.UnixStatus.Usable)
            for (var i = 0; i < one.Files.Length; i++)
            {
                var rel = one.Files[i].Split(':')[0];
                var stamp = EcoSite.Core.Output.FileStamp.Of(Path.Combine(content, rel));
                // A link is stamped by the fingerprint, through it; every regular file by the scan, as stat says.
                Assert.Equal(rel.EndsWith("in.md", StringComparison.Ordinal) ? default : stamp!.Value, one.Stamps![i]);
            }
    }
}
