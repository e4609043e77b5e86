using System;
using System.Collections.Generic;
using System.Linq;
using CmaaGen.Model;

namespace CmaaGen.Tests.Model;

/// <summary>The models' sort gives what LINQ's stable OrderBy gives, which it replaced.</summary>
public class StableSortTests
{
    [Fact]
    public void Sorts_as_OrderBy_does_and_keeps_equal_items_in_order()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 500; round++)
        {
            // Few distinct keys, so most items have equals whose order must hold; lengths around the merge widths.
            var items = Enumerable.Range(0, random.Next(0, 70))
                .Select(position => (Key: random.Next(0, 8), Position: position))
                .ToList();
            var expected = items.OrderBy(item => item.Key).ToList();

            items.SortStable((a, b) => a.Key.CompareTo(b.Key));

            Assert.Equal(expected, items);
        }
    }

    [Fact]
    public void Sorts_text_ordinally()
    {
        var items = new List<string> { "b", "B", "a", "ä", "A", "", "aa" };

        items.SortStable(string.CompareOrdinal);

        Assert.Equal(["", "A", "B", "a", "aa", "b", "ä"], items);
    }
}
