using System.Collections.Immutable;
using System.Composition;
using CmaaGen.Analysis;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CmaaGen.CodeFixes
{
    /// <summary>CMAA006: replaces a partner's string with its <c>CmaaCountry</c> member, so an overload taking the enum is called.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCountryEnumFix))]
    [Shared]
    public sealed class UseCountryEnumFix : StringExpressionFix
    {
        /// <summary>Creates the fix as the IDE and <c>dotnet format</c> do.</summary>
        public UseCountryEnumFix()
            : base(Rules.PreferEnum.Id, "CMAA006.UseCountryEnum")
        {
        }

        private protected override bool TryCreateReplacement(ImmutableDictionary<string, string?> properties, out string title, out ExpressionSyntax replacement)
        {
            if (!properties.TryGetValue(CountryReports.MemberProperty, out var member)
                || !properties.TryGetValue(CountryReports.EnumTypeProperty, out var enumType)
                || member is null
                || enumType is null)
            {
                (title, replacement) = (string.Empty, null!);
                return false;
            }

            // The fully qualified name always binds; the simplifier then shortens it where a using allows.
            title = "Use CmaaCountry." + member;
            replacement = SyntaxFactory.ParseExpression(enumType + "." + member).WithAdditionalAnnotations(Simplifier.Annotation);
            return true;
        }
    }
}
