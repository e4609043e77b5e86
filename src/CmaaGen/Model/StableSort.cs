using System;
using System.Collections.Generic;

namespace CmaaGen.Model
{
    /// <summary>
    /// The stable sort the models use instead of LINQ's <c>OrderBy</c>. Every <c>OrderBy</c> chain makes the runtime
    /// load a dozen generic types (iterators, sorters, key selectors) for each element and key type, which a compiler
    /// process that has just started pays again in every cold build; this is one generic method.
    /// </summary>
    internal static class StableSort
    {
        /// <summary>Sorts the list in place; items that compare equal keep their order.</summary>
        public static void SortStable<T>(this List<T> items, Comparison<T> comparison)
        {
            if (items.Count < 2)
            {
                return;
            }

            // Bottom-up merge sort: runs of 1, 2, 4... items are merged from one array into the other.
            var source = items.ToArray();
            var target = new T[source.Length];
            for (var width = 1; width < source.Length; width *= 2)
            {
                for (var low = 0; low < source.Length; low += 2 * width)
                {
                    var middle = Math.Min(low + width, source.Length);
                    var high = Math.Min(low + (2 * width), source.Length);
                    int left = low, right = middle, next = low;
                    while (left < middle && right < high)
                    {
                        // The right run's item goes first only when it is strictly smaller: that keeps equal items in order.
                        target[next++] = comparison(source[right], source[left]) < 0 ? source[right++] : source[left++];
                    }

                    while (left < middle)
                    {
                        target[next++] = source[left++];
                    }

                    while (right < high)
                    {
                        target[next++] = source[right++];
                    }
                }

                (source, target) = (target, source);
            }

            for (var i = 0; i < source.Length; i++)
            {
                items[i] = source[i];
            }
        }
    }
}
