using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Creates CMAA004's diagnostic, and CMAA007's and CMAA009's (<see cref="CreateUnmarked"/>, <see cref="CreateUnmarkedCheck"/>), with what their fixes need: what a guard would check (a local, a parameter, a member
    /// read, or another value to hold in a new local first), and whether a parameter can carry the mark instead, which
    /// moves the check to its callers.
    /// </summary>
    internal static class UncheckedReports
    {
        /// <summary>
        /// Diagnostic property: the local or parameter whose country the reported value is, or the member read
        /// (<c>request.Country</c>) as written.
        /// </summary>
        public const string ValueProperty = "Value";

        /// <summary>
        /// Diagnostic property, present when <c>CmaaAgreements.HasAgreement</c> takes the value's type: whether a guard
        /// checks a parameter (<see cref="ParameterKind"/>), a local (<see cref="LocalKind"/>), a member read
        /// (<see cref="MemberKind"/>), or another value, such as a call's result, held in a new local first
        /// (<see cref="ExpressionKind"/>).
        /// </summary>
        public const string GuardProperty = "Guard";

        /// <summary>
        /// Diagnostic property, with <see cref="ExpressionKind"/>: where the value a guard needs a local for is
        /// (<c>Lookup()</c> in <c>Lookup().ToUpperInvariant()</c>), as "start:length" in the file.
        /// </summary>
        public const string SpanProperty = "Span";

        /// <summary>Diagnostic property, present when the value is a parameter that can be marked, so that its callers are checked.</summary>
        public const string MarkableProperty = "Markable";

        /// <summary>Diagnostic property: the namespace of the generated types a fix names.</summary>
        public const string NamespaceProperty = "Namespace";

        /// <summary>
        /// Diagnostic property, with <see cref="MarkableProperty"/>: the mark the fix writes, without its namespace
        /// (<c>CustomsDataExchange</c>, <c>AgreementChecked(true)</c>).
        /// </summary>
        public const string MarkProperty = "Mark";

        /// <summary>Diagnostic property, present when the mark goes on the reported property or field rather than a parameter.</summary>
        public const string MemberProperty = "Member";

        /// <summary>The mark of an exchange.</summary>
        public const string ExchangeMark = "CustomsDataExchange";

        /// <summary>The values of <see cref="GuardProperty"/>.</summary>
        public const string ParameterKind = "Parameter", LocalKind = "Local", MemberKind = "Member", ExpressionKind = "Expression";

        /// <param name="guarded">The value a guard has to check for the reported one, which names the same country.</param>
        /// <param name="checkable">Whether <c>CmaaAgreements.HasAgreement</c> takes a value of the type.</param>
        public static Diagnostic Create(Location location, ISymbol target, IOperation guarded, System.Func<ITypeSymbol, bool> checkable, string generatedNamespace)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(NamespaceProperty, generatedNamespace);
            if (ValuePath.Read(guarded) is { } path)
            {
                var read = path.Symbols[path.Symbols.Length - 1];
                var (type, kind) = read switch
                {
                    ILocalSymbol local when path.IsVariable => (local.Type, LocalKind),
                    IParameterSymbol variable when path.IsVariable => (variable.Type, ParameterKind),
                    IFieldSymbol field => (field.Type, MemberKind),
                    IPropertySymbol property => (property.Type, MemberKind),
                    _ => (null, null),
                };
                properties = properties.Add(ValueProperty, path.IsVariable ? read.Name : CountryValueCollector.Unwrap(guarded).Syntax.ToString());
                if (type is not null && checkable(type))
                {
                    properties = properties.Add(GuardProperty, kind);
                }

                if (path.IsVariable && read is IParameterSymbol parameter && IsMarkable(parameter))
                {
                    properties = properties.Add(MarkableProperty, "true").Add(MarkProperty, ExchangeMark);
                }
            }
            else if (CountryValueCollector.Unwrap(guarded) is { Type: { } valueType } value && checkable(valueType))
            {
                properties = properties.Add(GuardProperty, ExpressionKind).Add(SpanProperty, value.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + value.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture));
            }

            return Diagnostic.Create(Rules.UncheckedValue, location, properties, ExchangeContexts.Describe(target));
        }

        /// <summary>
        /// CMAA007's diagnostic for a constructor's parameter that reaches <paramref name="reached"/> unmarked, with the
        /// properties of a markable parameter, which the mark fix reads as it reads CMAA004's.
        /// </summary>
        public static Diagnostic CreateUnmarked(Location location, IParameterSymbol parameter, ISymbol reached, string generatedNamespace)
            => Diagnostic.Create(
                Rules.UnmarkedConstructorParameter,
                location,
                MarkProperties(parameter, ExchangeMark, generatedNamespace),
                parameter.Name,
                parameter.ContainingSymbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                ExchangeContexts.Describe(reached));

        /// <summary>
        /// CMAA009's diagnostic for a parameter a method of the library checks without a mark that says so, with the
        /// properties of a markable parameter and the mark that states the check.
        /// </summary>
        public static Diagnostic CreateUnmarkedCheck(Location location, IParameterSymbol parameter, CheckMark made, string generatedNamespace)
        {
            var mark = CheckMarks.Written(made);
            return Diagnostic.Create(
                Rules.UnmarkedCheck,
                location,
                MarkProperties(parameter, mark, generatedNamespace),
                parameter.ContainingSymbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                parameter.Name,
                mark);
        }

        /// <summary>CMAA009 for a property or field that holds only checked countries, with what the mark fix needs.</summary>
        public static Diagnostic CreateUnmarkedMember(Location location, ISymbol member, string generatedNamespace)
            => Diagnostic.Create(
                Rules.UnmarkedCheckedMember,
                location,
                ImmutableDictionary<string, string?>.Empty
                    .Add(ValueProperty, member.Name)
                    .Add(MarkableProperty, "true")
                    .Add(MemberProperty, "true")
                    .Add(MarkProperty, CheckMarks.Name)
                    .Add(NamespaceProperty, generatedNamespace),
                member.Name,
                member.ContainingType.Name);

        private static ImmutableDictionary<string, string?> MarkProperties(IParameterSymbol parameter, string mark, string generatedNamespace)
            => ImmutableDictionary<string, string?>.Empty
                .Add(ValueProperty, parameter.Name)
                .Add(MarkableProperty, "true")
                .Add(MarkProperty, mark)
                .Add(NamespaceProperty, generatedNamespace);

        /// <summary>
        /// A parameter whose mark its callers see: one written in source, of a method, constructor or local function
        /// (a lambda's is reached through delegates the caller cannot be told about), that neither overrides nor
        /// implements a member, whose callers can reach it through that member's unmarked parameter instead.
        /// </summary>
        private static bool IsMarkable(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction)
                || method.IsOverride
                || !method.ExplicitInterfaceImplementations.IsEmpty
                || parameter.DeclaringSyntaxReferences.Length != 1
                || parameter.DeclaringSyntaxReferences[0].GetSyntax() is not ParameterSyntax syntax)
            {
                return false;
            }

            // Attributes on a local function's parameters came with C# 9.
            if (method.MethodKind == MethodKind.LocalFunction
                && syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp9 })
            {
                return false;
            }

            return method.IsStatic || method.ContainingType is not { } type || !type.AllInterfaces.Any(i => i.GetMembers(method.Name).Any(
                m => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), method)));
        }
    }
}
