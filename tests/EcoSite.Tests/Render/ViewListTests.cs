using EcoSite.Core.Render.Views;

namespace EcoSite.Tests.Render;

public sealed class ViewListTests
{
    [Fact]
    public void Views_are_made_as_they_are_read_and_not_kept()
    {
        var made = 0;
        var list = new ViewList<int, string>([1, 2, 3], i => { made++; return "item " + i; });

        Assert.Equal(3, list.Count);
        Assert.Equal(0, made);
        Assert.Equal(["item 1", "item 2", "item 3"], list);
        Assert.Equal("item 2", list[1]);
        Assert.Equal(["item 1", "item 2", "item 3"], list);
        Assert.Equal(7, made); // read twice in full and once by index: nothing was kept
    }
}
