using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CmaaGen.Model
{
    /// <summary>
    /// An immutable array compared by its elements, so incremental generator steps built on it are cached
    /// when their content does not change. A class, not a struct: generic code over it is then shared and
    /// precompiled, which keeps the generator's first run in a cold compiler process short.
    /// </summary>
    internal sealed class EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

        public EquatableArray(ImmutableArray<T> items) => Items = items.IsDefault ? ImmutableArray<T>.Empty : items;

        public ImmutableArray<T> Items { get; }

        public int Count => Items.Length;

        public bool IsEmpty => Items.IsEmpty;

        public T this[int index] => Items[index];

        public bool Equals(EquatableArray<T>? other)
        {
            if (other is null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            var mine = Items;
            var theirs = other.Items;
            if (mine.Length != theirs.Length)
            {
                return false;
            }

            for (var i = 0; i < mine.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var item in Items)
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item)));
            }

            return hash;
        }

        public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T>
            => new(items.ToImmutableArray());
    }
}
