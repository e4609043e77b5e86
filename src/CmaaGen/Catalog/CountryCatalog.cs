using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CmaaGen.Model;
using CmaaGen.Parsing;

namespace CmaaGen.Catalog
{
    /// <summary>
    /// Every country CmaaGen knows, from the catalogue embedded in this assembly
    /// (<c>data/countries.csv</c>). It tells "a country without an agreement" from "not a country at all",
    /// and suggests the closest countries for text it does not know.
    /// </summary>
    internal sealed class CountryCatalog
    {
        private const string ResourceName = "CmaaGen.countries.csv";

        /// <summary>Longest text worth comparing for suggestions; longer text is no country name.</summary>
        private const int MaxSuggestionLength = 64;

        private static readonly Lazy<CountryCatalog> LazyDefault = new(Load);

        private readonly Dictionary<string, Country> _byKey;
        private readonly Dictionary<string, Country> _byAlpha2;
        private readonly ImmutableArray<string> _keys;
        private readonly ImmutableArray<Country> _keyCountries;

        // Only suggestions for unknown text compare folded keys: folded on first use, not in every cold build. Two
        // threads may both fold them; they get the same array contents.
        private string[]? _foldedKeys;

        private CountryCatalog(ImmutableArray<Country> countries)
        {
            // Sized once: the catalogue loads in every cold build with a list of the project's own, and growing these
            // step by step allocated about as much again as they hold.
            var keyCount = 0;
            foreach (var country in countries)
            {
                keyCount += 2 + (country.Alpha3.Length > 0 ? 1 : 0) + (country.Numeric.Length > 0 ? 1 : 0) + country.Aliases.Count;
            }

            Countries = countries;
            _byKey = new Dictionary<string, Country>(keyCount, CountryText.Comparer);
            _byAlpha2 = new Dictionary<string, Country>(countries.Length, StringComparer.Ordinal);
            var keys = ImmutableArray.CreateBuilder<string>(keyCount);
            var keyCountries = ImmutableArray.CreateBuilder<Country>(keyCount);
            foreach (var country in countries)
            {
                _byAlpha2[country.Alpha2] = country;
                foreach (var key in KeysOf(country))
                {
                    if (!_byKey.ContainsKey(key))
                    {
                        _byKey.Add(key, country);
                        keys.Add(key);
                        keyCountries.Add(country);
                    }
                }
            }

            _keys = keys.ToImmutable();
            _keyCountries = keyCountries.ToImmutable();
        }

        /// <summary>The catalogue embedded in the analyzer assembly.</summary>
        public static CountryCatalog Default => LazyDefault.Value;

        public ImmutableArray<Country> Countries { get; }

        /// <summary>Every form a country answers to: codes, name and aliases.</summary>
        public static IEnumerable<string> KeysOf(Country country)
        {
            yield return country.Alpha2;
            if (country.Alpha3.Length > 0)
            {
                yield return country.Alpha3;
            }

            if (country.Numeric.Length > 0)
            {
                yield return country.Numeric;
            }

            yield return country.Name;
            foreach (var alias in country.Aliases)
            {
                yield return alias;
            }
        }

        /// <summary>Finds a country by code, name or alias, case-insensitively and culture-invariantly.</summary>
        public bool TryFind(string text, out Country country) => _byKey.TryGetValue(text, out country!);

        public Country? FindByAlpha2(string alpha2) => _byAlpha2.TryGetValue(alpha2, out var country) ? country : null;

        /// <summary>
        /// Up to <paramref name="max"/> countries the text was probably meant to be, best first: the text
        /// without whitespace, invisible characters and look-alikes, then names it begins, then the codes
        /// and names within a small edit distance.
        /// </summary>
        public ImmutableArray<Suggestion> Suggest(string text, int max = 3)
        {
            var found = new List<Suggestion>();
            void Add(Country country, int rank)
            {
                var index = found.FindIndex(s => s.Country.Alpha2 == country.Alpha2);
                if (index < 0)
                {
                    found.Add(new Suggestion(country, rank));
                }
                else if (rank < found[index].Rank)
                {
                    found[index] = new Suggestion(country, rank);
                }
            }

            if (text.Length == 0 || text.Length > MaxSuggestionLength)
            {
                return ImmutableArray<Suggestion>.Empty;
            }

            // Text that is a country once whitespace, invisible characters and look-alikes are gone means that country.
            foreach (var cleaned in new[] { CountryText.CleanKeepingWords(text), CountryText.Clean(text) })
            {
                if (cleaned != text && TryFind(cleaned, out var exact))
                {
                    return ImmutableArray.Create(new Suggestion(exact, 0));
                }
            }

            // A name the text begins ("GER" → GERMANY) ranks above any misspelling; misspellings rank by edit distance,
            // preferring keys with the same first letter and the same length.
            var folded = CountryText.Fold(CountryText.CleanKeepingWords(text));
            var foldedKeys = FoldedKeys();
            if (folded.Length >= 3)
            {
                for (var i = 0; i < foldedKeys.Length; i++)
                {
                    var key = foldedKeys[i];
                    if (key.Length > folded.Length && key.StartsWith(folded, StringComparison.Ordinal))
                    {
                        Add(_keyCountries[i], 2);
                    }
                }
            }

            var limit = Math.Max(1, folded.Length / 3);
            for (var i = 0; i < foldedKeys.Length; i++)
            {
                var key = foldedKeys[i];
                if (folded.Length > 0 && Math.Abs(key.Length - folded.Length) <= limit)
                {
                    // Two edits and another first letter is another word ("Persia" and Serbia), not a slip of the keyboard.
                    var distance = EditDistance.Compute(folded, key, limit);
                    if (distance <= limit && (distance < 2 || key[0] == folded[0]))
                    {
                        Add(_keyCountries[i], (distance * 4) + (key[0] == folded[0] ? 0 : 2) + (key.Length == folded.Length ? 0 : 1));
                    }
                }
            }

            return found
                .OrderBy(s => s.Rank)
                .ThenBy(s => s.Country.Alpha2, StringComparer.Ordinal)
                .Take(max)
                .ToImmutableArray();
        }

        /// <summary>
        /// The one country a fix may write in place of unknown text, or null: the text is that country once cleaned, or it
        /// is a name (four letters or more) that begins or misspells by one edit that country's name and no other's as
        /// well (ranks 0, 2, 4 and 5 of <see cref="Suggest"/>). A code one edit away from several ("DX") or from a
        /// placeholder ("XX" → XK), and a name two edits from another country's ("Persia" → Serbia), say nothing about
        /// which country was meant: the message still lists them, but Fix All and <c>dotnet format</c> must not choose.
        /// </summary>
        public static Country? Certain(ImmutableArray<Suggestion> suggestions, string text)
        {
            if (suggestions.IsDefaultOrEmpty || (suggestions.Length > 1 && suggestions[1].Rank == suggestions[0].Rank))
            {
                return null;
            }

            var best = suggestions[0];
            return best.Rank == 0 || (best.Rank <= 5 && CountryText.Fold(CountryText.CleanKeepingWords(text)).Length >= 4) ? best.Country : null;
        }

        private string[] FoldedKeys()
        {
            if (_foldedKeys is null)
            {
                var folded = new string[_keys.Length];
                for (var i = 0; i < folded.Length; i++)
                {
                    folded[i] = CountryText.Fold(_keys[i]);
                }

                _foldedKeys = folded;
            }

            return _foldedKeys;
        }

        /// <summary>"did you mean DE (Germany) or GE (Georgia)?", or empty when nothing is close.</summary>
        public static string DescribeSuggestions(ImmutableArray<Suggestion> suggestions)
        {
            if (suggestions.IsEmpty)
            {
                return string.Empty;
            }

            var names = suggestions.Select(s => s.Country.Alpha2 + " (" + s.Country.Name + ")").ToList();
            var list = names.Count == 1
                ? names[0]
                : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
            return "did you mean " + list + "?";
        }

        /// <summary>Reads a catalogue in the format of <c>data/countries.csv</c>.</summary>
        public static CountryCatalog Parse(string text)
        {
            var errors = new List<CsvError>();
            var records = CsvReader.Read(text, errors);
            var countries = ImmutableArray.CreateBuilder<Country>();
            IReadOnlyList<CsvField>? header = null;
            foreach (var record in records)
            {
                if (record.IsComment)
                {
                    continue;
                }

                if (header is null)
                {
                    header = record.Fields;
                    continue;
                }

                string Cell(int index) => index < record.Fields.Count ? record.Fields[index].Value : string.Empty;
                var aliases = Cell(4).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(a => a.Trim())
                    .ToEquatableArray();
                countries.Add(new Country(Cell(0), Cell(1), Cell(2), Cell(3), aliases, Cell(5)));
            }

            if (errors.Count > 0 || header is null)
            {
                throw new InvalidDataException("The embedded country catalogue is malformed.");
            }

            return new CountryCatalog(countries.ToImmutable());
        }

        private static CountryCatalog Load() => Parse(EmbeddedText.Read(ResourceName, "country catalogue"));
    }

    /// <summary>A country suggested for unknown text; a lower rank is a better match.</summary>
    internal sealed record Suggestion(Country Country, int Rank);
}
