using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;

namespace EcoSite.Tests.Output;

/// <summary>
/// The previous build's stamps and manifest are read on another thread while the content is scanned
/// (<see cref="SiteOutput.PreviousOutput"/>): what that gives is what reading them in line gives, and only the build into
/// the same output uses it.
/// </summary>
public sealed class PreviousOutputTests : IDisposable
{
    private readonly TestSite _site = new();

    public PreviousOutputTests()
    {
        // An hour ahead: the files just written are not racy for the stamps recorded.
        FileStamps.ClockShiftForTests.Value = TimeSpan.FromHours(1);
        _site.With("parks/demo/news/2026-11-01-a.md", "---\ntitle: 消息\ndate: 2026-11-01\n---\n正文。\n");
    }

    public void Dispose()
    {
        FileStamps.ClockShiftForTests.Value = null;
        _site.Dispose();
    }

    private string Other => Path.Combine(_site.Root, "other");

    [Fact]
    public void The_state_read_while_scanning_is_the_one_read_in_line_and_only_its_own_output_uses_it()
    {
        Assert.True(_site.Build().Success);
        Assert.True(_site.Build(Other).Success);
        // The other output's stamps are gone: a build into it reads every file again.
        File.Delete(BuildState.Of(Other).PathOf("stamps"));

        using var read = SiteOutput.PreviousOutput.Start(_site.Output);
        var (stamps, manifest) = read.State;
        var (inline, inlineManifest) = SiteOutput.PreviousOutput.ReadState(_site.Output);
        Assert.True(stamps.Count > 0);
        Assert.Equal(inline.Count, stamps.Count);
        Assert.Equal(inline.Taken, stamps.Taken);
        Assert.Equal(inlineManifest!.ToJson(), manifest!.ToJson());

        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(_site.Content, bag);
        using (var output = SiteOutput.Open(_site.Output, tree, new ParallelOptions(), bag, read))
            Assert.Equal(0, output.InputsRead); // every stamp was the recorded one
        tree = ContentTree.Scan(_site.Content, bag);
        using (var output = SiteOutput.Open(Other, tree, new ParallelOptions(), bag, read))
            Assert.Equal(tree.Files.Count, output.InputsRead); // not the stamps read for the other output
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void A_page_changed_after_a_build_is_read_again_and_the_update_equals_a_cold_build()
    {
        Assert.True(_site.Build().Success);
        _site.With("parks/demo/news/2026-11-01-a.md", "---\ntitle: 消息\ndate: 2026-11-01\n---\n正文，改了。\n");
        var result = _site.Build();
        Assert.True(result.Success);
        Assert.False(result.Unchanged);
        Assert.Equal(1, result.Load!.InputsRead);
        Assert.Contains("正文，改了。", _site.Read("parks/demo/news/2026-11-01-a.html"));
        _site.AssertOutputEqualsColdBuild();
        var unchanged = _site.Build();
        Assert.True(unchanged.Unchanged);
        Assert.Equal(0, unchanged.Load!.InputsRead);
    }
}
