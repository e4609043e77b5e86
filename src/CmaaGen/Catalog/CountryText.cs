using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CmaaGen.Catalog
{
    /// <summary>
    /// How country text is compared: case-insensitive without the current culture, so "ir" is Iran
    /// in a tr-TR process too, and never folding a non-ASCII letter onto an ASCII one, so a Turkish
    /// dotless "ı" or a Cyrillic "І" cannot pass for the "I" of "IR". The generated lookup folds
    /// the same way.
    /// </summary>
    internal static class CountryText
    {
        public static readonly IEqualityComparer<string> Comparer = new FoldingComparer();

        public static char Fold(char c)
        {
            if (c < 0x80)
            {
                return (uint)(c - 'a') <= 'z' - 'a' ? (char)(c - 0x20) : c;
            }

            var upper = char.ToUpperInvariant(c);
            return upper < 0x80 ? c : upper;
        }

        public static string Fold(string value)
        {
            var chars = value.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Fold(chars[i]);
            }

            return new string(chars);
        }

        /// <summary>
        /// Finds the first character that makes a value look like a country without being one:
        /// whitespace, an invisible or control character, or a non-ASCII look-alike of an ASCII letter.
        /// Letters such as the "ü" of "Türkiye" are not suspicious.
        /// </summary>
        public static bool TryFindSuspicious(string value, out int index, out string description)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == ' ')
                {
                    // A space inside a multi-word name is ordinary; at either end it is a slip.
                    if (i != 0 && i != value.Length - 1)
                    {
                        continue;
                    }

                    index = i;
                    description = i == 0 ? "a leading space" : "a trailing space";
                    return true;
                }

                if (IsInvisible(c) || char.IsWhiteSpace(c))
                {
                    index = i;
                    description = "the invisible character " + Describe(c);
                    return true;
                }

                if (Tables.LookAlikes.TryGetValue(c, out var ascii))
                {
                    index = i;
                    description = Describe(c) + ", which looks like the ASCII letter '" + ascii + "'";
                    return true;
                }
            }

            index = -1;
            description = string.Empty;
            return false;
        }

        /// <summary>The value with whitespace and invisible characters removed and look-alikes replaced by ASCII.</summary>
        public static string Clean(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (IsInvisible(c) || char.IsWhiteSpace(c))
                {
                    continue;
                }

                builder.Append(Tables.LookAlikes.TryGetValue(c, out var ascii) ? ascii : c);
            }

            return builder.ToString();
        }

        /// <summary>Same as <see cref="Clean"/>, but keeps single spaces between words of a name.</summary>
        public static string CleanKeepingWords(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (IsInvisible(c))
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                    {
                        builder.Append(' ');
                    }

                    continue;
                }

                builder.Append(Tables.LookAlikes.TryGetValue(c, out var ascii) ? ascii : c);
            }

            return builder.ToString().Trim();
        }

        /// <summary>The text with invisible and control characters written as \uXXXX, so messages show what is there.</summary>
        public static string Printable(string value)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c != ' ' && (IsInvisible(c) || char.IsWhiteSpace(c)))
                {
                    builder ??= new StringBuilder(value, 0, i, value.Length + 8);
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder?.Append(c);
                }
            }

            return builder?.ToString() ?? value;
        }

        public static string Describe(char c)
        {
            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return Tables.Names.TryGetValue(c, out var name) ? code + " " + name : code;
        }

        private static bool IsInvisible(char c)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category is UnicodeCategory.Format or UnicodeCategory.Control
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (category == UnicodeCategory.SpaceSeparator && c != ' ');
        }

        /// <summary>
        /// The tables only the explanations of a rejected value read. A class of their own, so that they are built with
        /// the first such explanation and not with every lookup: a dictionary keyed by characters is generic code that
        /// a new compiler process would otherwise compile for every build.
        /// </summary>
        private static class Tables
        {
            public static readonly Dictionary<char, string> Names = new()
            {
                ['\u0009'] = "CHARACTER TABULATION",
                ['\u00A0'] = "NO-BREAK SPACE",
                ['\u00AD'] = "SOFT HYPHEN",
                ['\u200B'] = "ZERO WIDTH SPACE",
                ['\u200C'] = "ZERO WIDTH NON-JOINER",
                ['\u200D'] = "ZERO WIDTH JOINER",
                ['\u200E'] = "LEFT-TO-RIGHT MARK",
                ['\u200F'] = "RIGHT-TO-LEFT MARK",
                ['\u2060'] = "WORD JOINER",
                ['\uFEFF'] = "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
                ['\u0131'] = "LATIN SMALL LETTER DOTLESS I",
                ['\u0130'] = "LATIN CAPITAL LETTER I WITH DOT ABOVE",
                ['\u0410'] = "CYRILLIC CAPITAL LETTER A",
                ['\u0415'] = "CYRILLIC CAPITAL LETTER IE",
                ['\u0406'] = "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I",
                ['\u041E'] = "CYRILLIC CAPITAL LETTER O",
                ['\u0420'] = "CYRILLIC CAPITAL LETTER ER",
                ['\u0421'] = "CYRILLIC CAPITAL LETTER ES",
                ['\u0430'] = "CYRILLIC SMALL LETTER A",
                ['\u0435'] = "CYRILLIC SMALL LETTER IE",
                ['\u043E'] = "CYRILLIC SMALL LETTER O",
                ['\u0440'] = "CYRILLIC SMALL LETTER ER",
                ['\u0441'] = "CYRILLIC SMALL LETTER ES",
                ['\u0456'] = "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I",
            };

            /// <summary>Non-ASCII letters that render like ASCII ones (Cyrillic, Greek, fullwidth and a few Latin forms).</summary>
            public static readonly Dictionary<char, char> LookAlikes = BuildLookAlikes();

            private static Dictionary<char, char> BuildLookAlikes()
            {
                var map = new Dictionary<char, char>();
                void Add(string from, string to)
                {
                    for (var i = 0; i < from.Length; i++)
                    {
                        map[from[i]] = to[i];
                    }
                }

                Add("\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0423\u0425\u0406\u0408\u0405", "ABEKMHOPCTYXIJS");
                Add("\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04CF", "aeopcyxijsl");
                Add("\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7", "ABEZHIKMNOPTYX");
                Add("\u03BF\u03B9\u03BD", "oiv");
                Add("\u0131\u0130\u017F\u212A\u212B", "iIsKA");
                for (var c = '\uFF21'; c <= '\uFF3A'; c++)
                {
                    map[c] = (char)('A' + (c - '\uFF21'));
                    map[(char)(c + 0x20)] = (char)('a' + (c - '\uFF21'));
                }

                for (var c = '\uFF10'; c <= '\uFF19'; c++)
                {
                    map[c] = (char)('0' + (c - '\uFF10'));
                }

                return map;
            }
        }

        private sealed class FoldingComparer : IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y)
            {
                if (x is null || y is null)
                {
                    return x is null && y is null;
                }

                if (x.Length != y.Length)
                {
                    return false;
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (Fold(x[i]) != Fold(y[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public int GetHashCode(string value)
            {
                unchecked
                {
                    var hash = (int)2166136261;
                    foreach (var c in value)
                    {
                        hash = (hash ^ Fold(c)) * 16777619;
                    }

                    return hash;
                }
            }
        }
    }
}
