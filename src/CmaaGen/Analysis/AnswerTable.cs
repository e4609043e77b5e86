using System.Runtime.CompilerServices;
using System.Threading;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Yes-or-no answers keyed by an object's identity, read without a lock. Every call, creation and assignment of a
    /// compilation asks about its member's type, most of them about a type asked before: a lookup here reads one slot of
    /// one array, where a <c>ConcurrentDictionary</c> reads its tables, a bucket and a node, each a cache miss once the
    /// compiler's binding has pushed them out between two callbacks.
    /// </summary>
    /// <remarks>
    /// Open addressing with linear probing, at most half full. A writer fills a slot's answer before its key, and
    /// publishes a grown array only once it is filled, so a reader sees a slot whole or empty; a reader that misses
    /// decides the answer itself and adds it, and the first answer added stays.
    /// </remarks>
    internal sealed class AnswerTable
    {
        private readonly object _gate = new();
        private Entry[] _entries = new Entry[256];
        private int _count;

        /// <summary>The answer stored for <paramref name="key"/>, if one is.</summary>
        public bool TryGet(object key, out bool answer)
        {
            var entries = Volatile.Read(ref _entries);
            var mask = entries.Length - 1;
            for (var i = RuntimeHelpers.GetHashCode(key) & mask; ; i = (i + 1) & mask)
            {
                var found = Volatile.Read(ref entries[i].Key);
                if (ReferenceEquals(found, key))
                {
                    answer = entries[i].Answer;
                    return true;
                }

                if (found is null)
                {
                    answer = false;
                    return false;
                }
            }
        }

        /// <summary>Stores the answer for <paramref name="key"/>, unless one is stored already; returns the one stored.</summary>
        public bool Add(object key, bool answer)
        {
            lock (_gate)
            {
                var entries = _entries;
                if (Find(entries, key) is var existing and >= 0)
                {
                    return entries[existing].Answer;
                }

                if ((_count + 1) * 2 > entries.Length)
                {
                    var grown = new Entry[entries.Length * 2];
                    foreach (var entry in entries)
                    {
                        if (entry.Key is not null)
                        {
                            Insert(grown, entry.Key, entry.Answer);
                        }
                    }

                    Insert(grown, key, answer);
                    Volatile.Write(ref _entries, grown);
                }
                else
                {
                    Insert(entries, key, answer);
                }

                _count++;
                return answer;
            }
        }

        private static int Find(Entry[] entries, object key)
        {
            var mask = entries.Length - 1;
            for (var i = RuntimeHelpers.GetHashCode(key) & mask; entries[i].Key is { } found; i = (i + 1) & mask)
            {
                if (ReferenceEquals(found, key))
                {
                    return i;
                }
            }

            return -1;
        }

        private static void Insert(Entry[] entries, object key, bool answer)
        {
            var mask = entries.Length - 1;
            var i = RuntimeHelpers.GetHashCode(key) & mask;
            while (entries[i].Key is not null)
            {
                i = (i + 1) & mask;
            }

            entries[i].Answer = answer;
            Volatile.Write(ref entries[i].Key, key);
        }

        private struct Entry
        {
            public object? Key;
            public bool Answer;
        }
    }
}
