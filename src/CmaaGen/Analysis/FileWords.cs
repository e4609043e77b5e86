using System;
using System.Runtime.CompilerServices;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Which of the names that let the analyzer pass over a file a file's text spells: the attribute's, that of
    /// <c>[AgreementChecked]</c>, and those of the checks. Most files spell none, and their declarations are then
    /// answered without binding them. One pass over the text answers for all the names: searching it once per name
    /// read every file three times from memory, a tenth of the analyzer's time in a build. The answer is kept as long
    /// as the tree lives; in the IDE an unchanged file is the same tree in every keystroke's compilation.
    /// </summary>
    internal static class FileWords
    {
        /// <summary>The names a file may spell, one bit each.</summary>
        [Flags]
        public enum Word
        {
            None = 0,

            /// <summary><c>CustomsDataExchange</c>. CmaaGen's own output defines the attribute; defining it is not using it, so it never spells it.</summary>
            Attribute = 1,

            /// <summary><c>AgreementChecked</c>.</summary>
            CheckMark = 2,

            /// <summary>A check's name: <c>HasAgreement</c>, <c>IsOwner</c>, <c>TryGetCountry</c>.</summary>
            Check = 4,
        }

        private static readonly (string Text, Word Word)[] Words =
        [
            (AttributeUsage.Name, Word.Attribute),
            (CheckMarks.Name, Word.CheckMark),
            .. Array.ConvertAll(AgreementGuards.CheckNames, name => (name, Word.Check)),
        ];

        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<Word>> Spelled = new();

        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<Word>>.CreateValueCallback Search
            = static tree => new StrongBox<Word>(Find(tree));

        [ThreadStatic]
        private static char[]? s_buffer;

        /// <summary>Whether the file spells the word (any of the words, for several bits).</summary>
        public static bool Spells(SyntaxTree tree, Word word) => (Spelled.GetValue(tree, Search).Value & word) != 0;

        /// <summary>
        /// The words the text holds. It is copied in overlapping chunks into one buffer per thread, without
        /// materialising it as a string, and each chunk is searched for the words not found yet while it is in the cache.
        /// </summary>
        private static Word Find(SyntaxTree tree)
        {
            const int Chunk = 4096;
            const int LongestWord = 32;
            var text = tree.GetText();
            var buffer = s_buffer ??= new char[Chunk + LongestWord];
            var all = CmaaGenerator.IsOwnOutput(tree) ? Word.CheckMark | Word.Check : Word.Attribute | Word.CheckMark | Word.Check;
            var found = Word.None;
            for (var start = 0; start < text.Length && found != all; start += Chunk)
            {
                var count = Math.Min(buffer.Length, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                foreach (var (word, bit) in Words)
                {
                    if ((all & ~found & bit) != 0 && chunk.IndexOf(word.AsSpan()) >= 0)
                    {
                        found |= bit;
                    }
                }
            }

            return found;
        }
    }
}
