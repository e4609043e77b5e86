using System.Collections.Immutable;
using CmaaGen.Catalog;
using CmaaGen.Diagnostics;
using CmaaGen.Model;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>Turns the verdict on a constant country text into its diagnostic, or none.</summary>
    internal static class CountryReports
    {
        /// <summary>Diagnostic property: the alpha-2 code a CMAA002 fix writes instead of the value.</summary>
        public const string ReplacementProperty = "Replacement";

        /// <summary>Diagnostic property: the CmaaCountry member a CMAA006 fix writes instead of the string.</summary>
        public const string MemberProperty = "Member";

        /// <summary>Diagnostic property: the fully qualified CmaaCountry type of a CMAA006 fix.</summary>
        public const string EnumTypeProperty = "EnumType";

        public static Diagnostic? Create(CountryVerdict verdict, string text, AgreementIndex index, Location location, Location? origin)
        {
            var additional = origin is null ? null : new[] { origin };
            var shown = CountryText.Printable(text);
            switch (verdict.Kind)
            {
                case VerdictKind.NoAgreement:
                    return Diagnostic.Create(Rules.NoAgreement, location, additional, shown, verdict.Country!.Display, index.Description);

                case VerdictKind.NotInForce:
                    return Diagnostic.Create(Rules.NotInForce, location, additional, shown, verdict.Country!.Display, index.Description, Describe(verdict.Agreement!));

                case VerdictKind.Covered:
                    var partner = CountryCatalog.Default.FindByAlpha2(verdict.Agreement!.Alpha2)!;
                    return Diagnostic.Create(Rules.CoveredByOtherAgreement, location, additional, shown, verdict.Country!.Display, partner.Display, index.Description);

                case VerdictKind.Unknown:
                    var properties = verdict.Replacement is null
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, verdict.Replacement.Alpha2);
                    return Diagnostic.Create(Rules.UnknownCountry, location, additional, properties, shown, verdict.UnknownDetail);

                default:
                    return null;
            }
        }

        private static string Describe(Agreement agreement) => agreement.Status switch
        {
            AgreementStatus.Terminated => "it is terminated",
            _ => agreement.Signed.Length > 0
                ? "it was signed " + agreement.Signed + " and no entry into force is recorded"
                : "it is signed and no entry into force is recorded",
        };
    }
}
