using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Diagnostics
{
    /// <summary>
    /// Every diagnostic CmaaGen reports. Each links to its page under <c>docs/rules/</c>, which says why
    /// the rule exists, how to fix or suppress a finding and how to change its severity.
    /// </summary>
    internal static class Rules
    {
        private const string HelpBase = "https://github.com/CmaaGen/CmaaGen/blob/main/docs/rules/";
        private const string Compliance = "Compliance";
        private const string Data = "CmaaGen.Data";

        /// <summary>CMAA001: "'{0}' is {1}, which has no customs mutual assistance agreement in {2}".</summary>
        public static readonly DiagnosticDescriptor NoAgreement = Create(
            "CMAA001",
            "Country without a customs mutual assistance agreement",
            "'{0}' is {1}, which has no customs mutual assistance agreement in {2}",
            Compliance,
            DiagnosticSeverity.Warning,
            "Customs data may only be exchanged with an administration that has a customs mutual assistance agreement (CMAA) in force.");

        /// <summary>CMAA002: "'{0}' is not a recognised country code or name{1}".</summary>
        public static readonly DiagnosticDescriptor UnknownCountry = Create(
            "CMAA002",
            "Not a recognised country",
            "'{0}' is not a recognised country code or name{1}",
            Compliance,
            DiagnosticSeverity.Warning,
            "A value that flows into a customs data exchange must name a country: an ISO 3166-1 alpha-2, alpha-3 or numeric code, or an English name.");

        /// <summary>CMAA003: "'{0}' is {1}, whose agreement in {2} is not in force: {3}".</summary>
        public static readonly DiagnosticDescriptor NotInForce = Create(
            "CMAA003",
            "Agreement not in force",
            "'{0}' is {1}, whose agreement in {2} is not in force: {3}",
            Compliance,
            DiagnosticSeverity.Warning,
            "Only an agreement that has entered into force is a legal basis for exchanging customs data.");

        /// <summary>CMAA004: "A country value that is not a constant flows into '{0}' without a check such as CmaaAgreements.HasAgreement".</summary>
        public static readonly DiagnosticDescriptor UncheckedValue = Create(
            "CMAA004",
            "Country value not checked against the agreements",
            "A country value that is not a constant flows into '{0}' without a check such as CmaaAgreements.HasAgreement",
            Compliance,
            DiagnosticSeverity.Warning,
            "A value known only at run time should be checked with CmaaAgreements.HasAgreement before it reaches a customs data exchange.",
            enabledByDefault: false);

        /// <summary>CMAA005: "'{0}' is {1}, covered only through the agreement with {2} in {3}".</summary>
        public static readonly DiagnosticDescriptor CoveredByOtherAgreement = Create(
            "CMAA005",
            "Country covered through another agreement",
            "'{0}' is {1}, covered only through the agreement with {2} in {3}",
            Compliance,
            DiagnosticSeverity.Info,
            "The country has no agreement of its own; the list says another agreement covers it. Raise this rule to a warning or error if your policy requires a direct agreement.");

        /// <summary>CMAA006: "Use CmaaCountry.{0} instead of the string '{1}'".</summary>
        public static readonly DiagnosticDescriptor PreferEnum = Create(
            "CMAA006",
            "Use the CmaaCountry member",
            "Use CmaaCountry.{0} instead of the string '{1}'",
            "Style",
            DiagnosticSeverity.Info,
            "A CmaaCountry member is checked by the compiler and cannot name a country without an agreement.");

        /// <summary>CMAA007: "Parameter '{0}' of {1} reaches {2}, which callers in other assemblies cannot see: mark it [CustomsDataExchange] so that their arguments are checked".</summary>
        public static readonly DiagnosticDescriptor UnmarkedConstructorParameter = Create(
            "CMAA007",
            "Constructor parameter exchanged without a mark other assemblies see",
            "Parameter '{0}' of {1} reaches {2}, which callers in other assemblies cannot see: mark it [CustomsDataExchange] so that their arguments are checked",
            Compliance,
            DiagnosticSeverity.Warning,
            "CmaaGen reads from a constructor's code that a parameter stored in a marked member, or passed on to a constructor that stores it, is an exchange. Another assembly has only the compiled constructor, without the mark, so its calls would pass unchecked.");

        /// <summary>CMAA008: "'{0}' is marked [{1}], but {2}: other assemblies would take unchecked values as checked".</summary>
        public static readonly DiagnosticDescriptor UnprovenCheckMark = Create(
            "CMAA008",
            "Agreement check mark the code does not bear out",
            "'{0}' is marked [{1}], but {2}: other assemblies would take unchecked values as checked",
            Compliance,
            DiagnosticSeverity.Warning,
            "Another assembly cannot read a method's or a type's code, so it takes an [AgreementChecked] mark on trust: a call of the method counts there as the check of its argument, and a marked property or field holds checked countries. The mark must state only what the code does, in the forms CmaaGen recognises in its own project.");

        /// <summary>CMAA009: "{0} checks '{1}', which callers in other assemblies cannot see: mark the parameter [{2}] so that their calls count as checks".</summary>
        public static readonly DiagnosticDescriptor UnmarkedCheck = Create(
            "CMAA009",
            "Check other assemblies cannot see",
            "{0} checks '{1}', which callers in other assemblies cannot see: mark the parameter [{2}] so that their calls count as checks",
            Compliance,
            DiagnosticSeverity.Info,
            "CmaaGen reads from a method's code that it checks a parameter against the agreements. Another assembly has only the compiled method, so a call of it is no check there, and its exchanges are reported as unchecked (CMAA004) unless the parameter carries an [AgreementChecked] mark.");

        /// <summary>
        /// CMAA009 for a property or field: "'{0}' holds only countries checked before {1} stores them, which other assemblies
        /// cannot see: mark it [AgreementChecked] so that they take its value as checked". Same rule as
        /// <see cref="UnmarkedCheck"/>, worded for a member.
        /// </summary>
        public static readonly DiagnosticDescriptor UnmarkedCheckedMember = Create(
            "CMAA009",
            UnmarkedCheck.Title.ToString(CultureInfo.InvariantCulture),
            "'{0}' holds only countries checked before {1} stores them, which other assemblies cannot see: mark it [AgreementChecked] so that they take its value as checked",
            Compliance,
            DiagnosticSeverity.Info,
            UnmarkedCheck.Description.ToString(CultureInfo.InvariantCulture));

        /// <summary>CMAA101: "The agreement list has no usable header: {0}".</summary>
        public static readonly DiagnosticDescriptor MissingHeader = Create(
            "CMAA101", "Agreement list has no usable header", "The agreement list has no usable header: {0}", Data);

        /// <summary>CMAA102: "The country cell is empty: every row needs a country".</summary>
        public static readonly DiagnosticDescriptor EmptyCountry = Create(
            "CMAA102", "Empty country cell", "The country cell is empty: every row needs a country", Data);

        /// <summary>CMAA103: "'{0}' is not a recognised country code or name{1}".</summary>
        public static readonly DiagnosticDescriptor UnknownListCountry = Create(
            "CMAA103", "Unknown country in agreement list", "'{0}' is not a recognised country code or name{1}", Data);

        /// <summary>CMAA104: "{0} is listed twice with the same signing date '{1}'; the first entry is in {2}".</summary>
        public static readonly DiagnosticDescriptor DuplicateAgreement = Create(
            "CMAA104", "Duplicate agreement", "{0} is listed twice with the same signing date '{1}'; the first entry is in {2}", Data);

        /// <summary>CMAA105: "'{0}' is not a valid date: {1}".</summary>
        public static readonly DiagnosticDescriptor MalformedDate = Create(
            "CMAA105", "Malformed date", "'{0}' is not a valid date: {1}", Data);

        /// <summary>CMAA106: "'{0}' is not a known status: use {1}".</summary>
        public static readonly DiagnosticDescriptor UnknownStatus = Create(
            "CMAA106", "Unknown status", "'{0}' is not a known status: use {1}", Data);

        /// <summary>CMAA107: "'{0}' is not a known kind of agreement: use {1}".</summary>
        public static readonly DiagnosticDescriptor UnknownKind = Create(
            "CMAA107", "Unknown kind of agreement", "'{0}' is not a known kind of agreement: use {1}", Data);

        /// <summary>CMAA108: "'{0}' contains {1}{2}".</summary>
        public static readonly DiagnosticDescriptor SuspiciousCharacters = Create(
            "CMAA108", "Invisible or look-alike characters", "'{0}' contains {1}{2}", Data);

        /// <summary>CMAA109: "Malformed row: {0}".</summary>
        public static readonly DiagnosticDescriptor MalformedRow = Create(
            "CMAA109", "Malformed row", "Malformed row: {0}", Data);

        /// <summary>CMAA110: "{0}".</summary>
        public static readonly DiagnosticDescriptor ApiListProblem = Create(
            "CMAA110", "Problem in the exchange API list", "{0}", Data);

        /// <summary>CMAA114: "{0}".</summary>
        public static readonly DiagnosticDescriptor ApiNotFound = Create(
            "CMAA114",
            "Exchange API not found",
            "{0}",
            Data,
            DiagnosticSeverity.Warning,
            "An API list names a member that neither the project nor its references declare: a typo, or a list shared with projects that reference other libraries.");

        /// <summary>CMAA111: "This list's owner {0} differs from the owner {1} declared in {2}".</summary>
        public static readonly DiagnosticDescriptor ConflictingOwners = Create(
            "CMAA111", "Conflicting list owners", "This list's owner {0} differs from the owner {1} declared in {2}", Data);

        /// <summary>CMAA112: "The list is {0} characters long, over the limit of {1}: it is not read".</summary>
        public static readonly DiagnosticDescriptor ListTooLarge = Create(
            "CMAA112", "Agreement list too large", "The list is {0} characters long, over the limit of {1}: it is not read", Data);

        /// <summary>CMAA113: "{0}".</summary>
        public static readonly DiagnosticDescriptor InvalidSetting = Create(
            "CMAA113", "Invalid CmaaGen setting", "{0}", Data);

        /// <summary>CMAA900: "CmaaGen could not analyze '{0}': {1}".</summary>
        public static readonly DiagnosticDescriptor InternalError = Create(
            "CMAA900",
            "CmaaGen internal error",
            "CmaaGen could not analyze '{0}': {1}",
            "CmaaGen.Internal",
            DiagnosticSeverity.Warning,
            "An unexpected error stopped part of the analysis. The rest of the build and the other diagnostics go on; please report the message.");

        /// <summary>Rules the analyzer reports in C# code.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> CodeRules =
            ImmutableArray.Create(NoAgreement, UnknownCountry, NotInForce, UncheckedValue, CoveredByOtherAgreement, PreferEnum, UnmarkedConstructorParameter, UnprovenCheckMark, UnmarkedCheck, UnmarkedCheckedMember, ApiListProblem, ApiNotFound, InternalError);

        /// <summary>Every rule, in ID order.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            NoAgreement, UnknownCountry, NotInForce, UncheckedValue, CoveredByOtherAgreement, PreferEnum, UnmarkedConstructorParameter, UnprovenCheckMark, UnmarkedCheck,
            MissingHeader, EmptyCountry, UnknownListCountry, DuplicateAgreement, MalformedDate, UnknownStatus,
            UnknownKind, SuspiciousCharacters, MalformedRow, ApiListProblem, ConflictingOwners, ListTooLarge,
            InvalidSetting, ApiNotFound, InternalError);

        private static readonly Dictionary<string, DiagnosticDescriptor> ByIdMap = All.ToDictionary(r => r.Id);

        public static DiagnosticDescriptor ById(string id) => ByIdMap[id];

        public static string HelpLink(string id) => HelpBase + id + ".md";

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string message,
            string category,
            DiagnosticSeverity severity = DiagnosticSeverity.Error,
            string? description = null,
            bool enabledByDefault = true)
            => new(
                id,
                title,
                message,
                category,
                severity,
                enabledByDefault,
                description ?? "A problem in a CmaaGen data file, reported at its line and column in the file.",
                HelpLink(id));
    }
}
