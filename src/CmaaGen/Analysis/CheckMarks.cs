using CmaaGen.Generation;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The <c>[AgreementChecked]</c> marks by which a method says which parameter it checks: the only way another
    /// assembly, which has the compiled method and not its code, can tell a check from any other call. The method's own
    /// project bears the mark out (CMAA008), so the assemblies that call it take it on trust.
    /// </summary>
    internal static class CheckMarks
    {
        /// <summary>
        /// CMAA008's property, present when the method's code checks the marked parameter in another way than the mark
        /// states: the mark that states it, as <see cref="Written"/> writes it.
        /// </summary>
        public const string MadeProperty = "Made";

        /// <summary>The mark's name as code spells it, without the <c>Attribute</c> suffix.</summary>
        public const string Name = "AgreementChecked";

        /// <summary>
        /// The first marked parameter of a method (an extension block member's receiver last), and the return value its
        /// mark names; <see cref="CheckMark.None"/> for none.
        /// </summary>
        public static CheckMark Read(IMethodSymbol method, string attributeNamespace)
        {
            foreach (var parameter in ExtensionBlocks.WithReceiver(method))
            {
                if (Of(parameter, attributeNamespace) is { } mark)
                {
                    return mark with { Ordinal = ExtensionBlocks.OrdinalIn(method, parameter) };
                }
            }

            return CheckMark.None;
        }

        /// <summary>The mark as written in code, without its namespace: <c>AgreementChecked</c>, <c>AgreementChecked(true)</c>.</summary>
        public static string Written(CheckMark mark)
            => mark.Returns is bool returns ? Name + "(" + (returns ? "true" : "false") + ")" : Name;

        /// <summary>The mark on a parameter, or null.</summary>
        public static CheckMark? Of(IParameterSymbol parameter, string attributeNamespace)
            => Attribute(parameter, attributeNamespace) is { } attribute ? new CheckMark(parameter.Ordinal, ReturnValue(attribute)) : null;

        /// <summary>
        /// Whether a property or field is marked as holding only countries its type's constructors checked, and the return
        /// value the mark names, which only a method's mark should have.
        /// </summary>
        public static bool IsMarked(ISymbol member, string attributeNamespace, out bool? returnValue)
        {
            returnValue = null;
            if (Attribute(member, attributeNamespace) is not { } attribute)
            {
                return false;
            }

            returnValue = ReturnValue(attribute);
            return true;
        }

        private static AttributeData? Attribute(ISymbol symbol, string attributeNamespace)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolNames.IsType(attribute.AttributeClass, attributeNamespace, AttributeEmitter.CheckAttributeName))
                {
                    return attribute;
                }
            }

            return null;
        }

        private static bool? ReturnValue(AttributeData attribute)
            => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is bool returnValue ? returnValue : null;
    }

    /// <summary>
    /// A parameter a method checks, by its ordinal (-1 for none), and how: <see cref="Returns"/> is the value the method
    /// returns when the argument has an agreement, or null for a method that throws unless it has one.
    /// </summary>
    internal readonly record struct CheckMark(int Ordinal, bool? Returns)
    {
        public static readonly CheckMark None = new(-1, null);
    }
}
