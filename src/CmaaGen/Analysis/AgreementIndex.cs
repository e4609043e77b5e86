using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using CmaaGen.Catalog;
using CmaaGen.Generation;
using CmaaGen.Model;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The project's agreements as the analyzer asks about them: which country a text names, and whether
    /// that country is the owner, a partner in force, covered through another agreement, or without one.
    /// </summary>
    internal sealed class AgreementIndex
    {
        private readonly Dictionary<string, Agreement> _governing;
        private readonly Dictionary<string, Agreement> _coveringAgreement;
        private readonly ConcurrentDictionary<string, CountryVerdict> _verdicts = new(StringComparer.Ordinal);
        private readonly CountryCatalog _catalog;
        private readonly Func<string, CountryVerdict> _compute;
        private readonly Lazy<Dictionary<string, string>> _memberNames;
        private readonly Lazy<Dictionary<string, string>> _identifierCodes;

        public AgreementIndex(AgreementSet set, CountryCatalog catalog)
        {
            _catalog = catalog;
            Set = set;
            // Loops rather than ToDictionary, as in AgreementSet: the analyzer's first compilation with an exchange pays
            // for every generic type over the models' types.
            _governing = new Dictionary<string, Agreement>(StringComparer.Ordinal);
            AllPartnersInForce = true;
            foreach (var agreement in set.Governing())
            {
                _governing.Add(agreement.Alpha2, agreement);
                AllPartnersInForce &= agreement.Status == AgreementStatus.InForce;
            }

            _coveringAgreement = new Dictionary<string, Agreement>(StringComparer.Ordinal);
            foreach (var entry in set.Coverage())
            {
                _coveringAgreement.Add(entry.Covered, _governing[entry.Partner]);
            }
            _compute = Compute;
            _memberNames = new Lazy<Dictionary<string, string>>(() => SpecBuilder.MemberNames(_governing.Values));
            _identifierCodes = new Lazy<Dictionary<string, string>>(IdentifierCodes);
        }

        public AgreementSet Set { get; }

        /// <summary>Whether every partner's governing agreement is in force: only then is every CmaaCountry a legal basis.</summary>
        public bool AllPartnersInForce { get; }

        /// <summary>How messages name the lists.</summary>
        public string Description => Set.Description;

        /// <summary>What a constant text means for an exchange; computed once per distinct text.</summary>
        public CountryVerdict Judge(string text) => _verdicts.TryGetValue(text, out var verdict) ? verdict : _verdicts.GetOrAdd(text, _compute);

        public bool TryGetGoverning(string alpha2, out Agreement agreement) => _governing.TryGetValue(alpha2, out agreement!);

        /// <summary>
        /// What a member of one of the project's own enums names, by its name: a code (IR, IRN), or a country's name or
        /// alias written as an identifier the way the generator writes one (Iran, NorthKorea, CoteDIvoire). Null for a
        /// name that names no country (Other, Unknown): such a member is no country text at all.
        /// </summary>
        public CountryVerdict? JudgeMemberName(string name)
            => Recognises(name) ? Judge(name)
                : _identifierCodes.Value.TryGetValue(name, out var alpha2) ? Judge(alpha2)
                : null;

        /// <summary>Whether the text names a country: what <see cref="Judge"/> tells, without the suggestions it makes for unknown text.</summary>
        public bool Recognises(string text) => _catalog.TryFind(text, out _);

        /// <summary>The name the generator gives a partner's <c>CmaaCountry</c> member, by alpha-2 code.</summary>
        public string? MemberName(string alpha2) => _memberNames.Value.TryGetValue(alpha2, out var name) ? name : null;

        // Every name and alias of the catalogue as an identifier, ignoring case; built on the first enum member that
        // reaches an exchange without being a code or a one-word name.
        private Dictionary<string, string> IdentifierCodes()
        {
            var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var country in _catalog.Countries)
            {
                foreach (var key in CountryCatalog.KeysOf(country))
                {
                    var identifier = SpecBuilder.ToIdentifier(key);
                    if (identifier.Length > 0 && !codes.ContainsKey(identifier))
                    {
                        codes.Add(identifier, country.Alpha2);
                    }
                }
            }

            return codes;
        }

        private CountryVerdict Compute(string text)
        {
            if (!_catalog.TryFind(text, out var country))
            {
                var suggestions = _catalog.Suggest(text);
                CountryText.TryFindSuspicious(text, out _, out var suspicious);
                var detail = suspicious.Length > 0 ? ": it contains " + suspicious : string.Empty;
                var closest = CountryCatalog.DescribeSuggestions(suggestions);
                return CountryVerdict.Unknown(CountryCatalog.Certain(suggestions, text), closest.Length > 0 ? detail + "; " + closest : detail);
            }

            if (country.Alpha2 == Set.Owner)
            {
                return new CountryVerdict(VerdictKind.Owner, country);
            }

            if (_governing.TryGetValue(country.Alpha2, out var agreement))
            {
                return new CountryVerdict(agreement.Status == AgreementStatus.InForce ? VerdictKind.InForce : VerdictKind.NotInForce, country, agreement);
            }

            return _coveringAgreement.TryGetValue(country.Alpha2, out var covering)
                ? new CountryVerdict(VerdictKind.Covered, country, covering)
                : new CountryVerdict(VerdictKind.NoAgreement, country);
        }
    }

    internal enum VerdictKind
    {
        /// <summary>The list's own administration: no agreement needed.</summary>
        Owner,

        /// <summary>A partner whose agreement is in force.</summary>
        InForce,

        /// <summary>A partner whose agreement is signed but not in force, or terminated (CMAA003).</summary>
        NotInForce,

        /// <summary>Covered only through another partner's agreement (CMAA005).</summary>
        Covered,

        /// <summary>A country without an agreement (CMAA001).</summary>
        NoAgreement,

        /// <summary>Not a country at all (CMAA002).</summary>
        Unknown,
    }

    /// <param name="Agreement">The partner's governing agreement, or for a covered country the covering one.</param>
    /// <param name="Replacement">For unknown text, the country CMAA002's fix writes instead (<see cref="CountryCatalog.Certain"/>), if any.</param>
    /// <param name="UnknownDetail">For unknown text, the end of the CMAA002 message: the suspicious character, then the closest countries.</param>
    internal sealed record CountryVerdict(
        VerdictKind Kind,
        Country? Country,
        Agreement? Agreement = null,
        Country? Replacement = null,
        string UnknownDetail = "")
    {
        public static CountryVerdict Unknown(Country? replacement, string detail)
            => new(VerdictKind.Unknown, null, null, replacement, detail);
    }
}
