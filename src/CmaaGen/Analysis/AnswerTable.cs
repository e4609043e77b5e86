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
            var slot = Slot(entries, key);

            // The slot was the key's or empty; a writer may have filled it since, with this key or another.
            var found = ReferenceEquals(Volatile.Read(ref entries[slot].Key), key);
            answer = found && entries[slot].Answer;
            return found;
        }

        /// <summary>Stores the answer for <paramref name="key"/>, unless one is stored already; returns the one stored.</summary>
        public bool Add(object key, bool answer)
        {
            lock (_gate)
            {
                var entries = _entries;
                var slot = Slot(entries, key);
                if (entries[slot].Key is not null)
                {
                    return entries[slot].Answer;
                }

                if ((_count + 1) * 2 > entries.Length)
                {
                    var grown = new Entry[entries.Length * 2];
                    foreach (var entry in entries)
                    {
                        if (entry.Key is { } kept)
                        {
                            Fill(grown, Slot(grown, kept), kept, entry.Answer);
                        }
                    }

                    Fill(grown, Slot(grown, key), key, answer);
                    Volatile.Write(ref _entries, grown);
                }
                else
                {
                    Fill(entries, slot, key, answer);
                }

                _count++;
                return answer;
            }
        }

        /// <summary>The slot that holds the key, or the empty slot where it goes.</summary>
        private static int Slot(Entry[] entries, object key)
        {
            var mask = entries.Length - 1;
            var slot = RuntimeHelpers.GetHashCode(key) & mask;
            while (Volatile.Read(ref entries[slot].Key) is { } found && !ReferenceEquals(found, key))
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }

        private static void Fill(Entry[] entries, int slot, object key, bool answer)
        {
            entries[slot].Answer = answer;
            Volatile.Write(ref entries[slot].Key, key);
        }

        private struct Entry
        {
            public object? Key;
            public bool Answer;
        }
    }
}
