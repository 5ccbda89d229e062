using System.Collections;

namespace EcoSite.Core.Render.Views;

/// <summary>
/// A list of views made from <paramref name="items"/> one at a time as they are read, none of them kept: for a list as
/// long as the site (the search page's items) whose views together would cost far more than what they are made from.
/// </summary>
internal sealed class ViewList<TItem, TView>(IReadOnlyList<TItem> items, Func<TItem, TView> view) : IReadOnlyList<TView>
{
    public int Count => items.Count;

    public TView this[int index] => view(items[index]);

    public IEnumerator<TView> GetEnumerator() => items.Select(view).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
