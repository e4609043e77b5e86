using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmaaGen.Catalog;
using CmaaGen.Model;

namespace CmaaGen.Generation
{
    /// <summary>Turns the merged agreements into the emitter's model: member names, values and lookup keys.</summary>
    internal static class SpecBuilder
    {
        /// <summary>Enum values of codes without an ISO numeric code (EU, XK) start here, above every numeric code.</summary>
        public const int AlphaValueBase = 1000;

        public static AgreementsSpec Build(AgreementSet set, GeneratorSettings settings, bool embedded, string version)
        {
            // Loops and StableSort rather than LINQ, as in AgreementSet: this runs in every cold build with a list of
            // the project's own.
            var options = settings.Options;
            var catalog = CountryCatalog.Default;
            var governing = set.Governing();
            var members = MemberNames(governing);

            var partners = new List<Agreement>(governing);
            partners.SortStable((a, b) => string.CompareOrdinal(members[a.Alpha2], members[b.Alpha2]));
            var partnerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < partners.Count; i++)
            {
                partnerIndex[partners[i].Alpha2] = i;
            }

            var agreements = new List<Agreement>(set.Agreements);
            agreements.SortStable((a, b) =>
            {
                var byPartner = partnerIndex[a.Alpha2].CompareTo(partnerIndex[b.Alpha2]);
                return byPartner != 0 ? byPartner : string.CompareOrdinal(a.Signed, b.Signed);
            });

            // Where each partner's governing agreement landed: Governing picked these very instances from the set, and a
            // reference comparison spares the records' value equality, which is costly the first time in a process.
            var governingAt = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < agreements.Count; i++)
            {
                if (ReferenceEquals(agreements[i], partners[partnerIndex[agreements[i].Alpha2]]))
                {
                    governingAt[agreements[i].Alpha2] = i;
                }
            }

            var partnerSpecs = new List<PartnerSpec>(partners.Count);
            foreach (var p in partners)
            {
                partnerSpecs.Add(new PartnerSpec(
                    members[p.Alpha2],
                    EnumValue(p.Alpha2, p.Numeric),
                    p.Alpha2,
                    p.Alpha3,
                    p.Numeric,
                    p.Name,
                    Keys(catalog, p.Alpha2),
                    governingAt[p.Alpha2]));
            }

            var agreementSpecs = new List<AgreementSpec>(agreements.Count);
            foreach (var a in agreements)
            {
                agreementSpecs.Add(new AgreementSpec(partnerIndex[a.Alpha2], a.Name, a.Signed, a.InForce, a.Status, a.Kind, a.Note, a.Source));
            }

            var covered = new List<CoveredSpec>();
            foreach (var c in set.Coverage())
            {
                covered.Add(new CoveredSpec(c.Covered, NameOf(catalog, c.Covered), partnerIndex[c.Partner], Keys(catalog, c.Covered)));
            }

            var owner = set.Owner.Length == 0
                ? null
                : new OwnerSpec(set.Owner, NameOf(catalog, set.Owner), Keys(catalog, set.Owner));

            return new AgreementsSpec(
                options.Namespace,
                version,
                settings.Language.NullableAnnotations,
                options.Visibility,
                options.Embeds(embedded),
                set.Provenance,
                owner,
                partnerSpecs.ToEquatableArray(),
                agreementSpecs.ToEquatableArray(),
                covered.ToEquatableArray());
        }

        /// <summary>The ISO numeric code, or for codes without one 1000 + 26 × first letter + second letter.</summary>
        public static int EnumValue(string alpha2, string numeric)
            => numeric.Length > 0
                ? int.Parse(numeric, NumberStyles.None, CultureInfo.InvariantCulture)
                : AlphaValueBase + ((alpha2[0] - 'A') * 26) + (alpha2[1] - 'A');

        /// <summary>
        /// The code a CmaaCountry value stands for, the inverse of <see cref="EnumValue"/>: the numeric code ("860"), or
        /// the alpha-2 code of a country without one ("EU"); null for a value that no code gives.
        /// </summary>
        public static string? CodeOfEnumValue(long value)
        {
            if (value is >= 0 and < AlphaValueBase)
            {
                return value.ToString("D3", CultureInfo.InvariantCulture);
            }

            var letters = value - AlphaValueBase;
            return letters is >= 0 and < 26 * 26 ? new string(new[] { (char)('A' + (letters / 26)), (char)('A' + (letters % 26)) }) : null;
        }

        private static string NameOf(CountryCatalog catalog, string alpha2) => catalog.FindByAlpha2(alpha2)?.Name ?? alpha2;

        private static EquatableArray<string> Keys(CountryCatalog catalog, string alpha2)
        {
            if (catalog.FindByAlpha2(alpha2) is not { } country)
            {
                return new[] { alpha2 }.ToEquatableArray();
            }

            // Each key once, in the catalogue's order, as text compares.
            var keys = new List<string>();
            var seen = new HashSet<string>(CountryText.Comparer);
            foreach (var key in CountryCatalog.KeysOf(country))
            {
                if (seen.Add(key))
                {
                    keys.Add(key);
                }
            }

            return keys.ToEquatableArray();
        }

        /// <summary>
        /// A C# identifier per partner from its name ("United Kingdom" → UnitedKingdom, "Türkiye" → Turkiye).
        /// Names that clash get the alpha-2 code appended, in alpha-2 order, so the result does not depend on row order.
        /// </summary>
        internal static Dictionary<string, string> MemberNames(IEnumerable<Agreement> governing)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var byCode = new List<Agreement>(governing);
            byCode.SortStable((a, b) => string.CompareOrdinal(a.Alpha2, b.Alpha2));
            foreach (var agreement in byCode)
            {
                var name = ToIdentifier(agreement.Name);
                if (name.Length == 0)
                {
                    name = agreement.Alpha2;
                }
                else if (!taken.Add(name))
                {
                    name += agreement.Alpha2;
                }

                taken.Add(name);
                names[agreement.Alpha2] = name;
            }

            return names;
        }

        internal static string ToIdentifier(string name)
        {
            var builder = new StringBuilder(name.Length);
            var startWord = true;
            foreach (var c in name.Normalize(NormalizationForm.FormD))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (!char.IsLetterOrDigit(c))
                {
                    // Anything but a letter or digit separates words: "Côte d'Ivoire" → CoteDIvoire.
                    startWord = true;
                    continue;
                }

                builder.Append(startWord ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }

            if (builder.Length > 0 && char.IsDigit(builder[0]))
            {
                builder.Insert(0, "Country");
            }

            return builder.ToString().Normalize(NormalizationForm.FormC);
        }
    }
}
