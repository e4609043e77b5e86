using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Whether a compilation can contain a <c>[CustomsDataExchange]</c> context: a referenced assembly defines the
    /// attribute or references an assembly the compilation could not resolve, or a source file mentions its name. A
    /// project that does none of these, and has no API list, gets no operation callbacks at all; a type whose files
    /// never mention it holds no mark unless a global alias could rename it. The answers for each syntax tree are kept
    /// as long as the tree lives, so in the IDE only the edited file is searched again after a keystroke.
    /// </summary>
    internal static class AttributeUsage
    {
        internal const string Name = "CustomsDataExchange";

        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> Aliasing = new();
        private static readonly ConditionalWeakTable<CompilationOptions, StrongBox<AliasAnswers?>> LastAliases = new();
        private static readonly ConditionalWeakTable<CompilationOptions, StrongBox<ReferenceAnswer?>> ReferenceAnswers = new();

        public static bool MayUse(Compilation compilation, string attributeNamespace)
        {
            // The files first: their answers are kept, while asking for a reference's assembly makes a new
            // compilation build its assembly symbol, on every keystroke in the IDE.
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Mentions(tree))
                {
                    return true;
                }
            }

            // The references' answer is kept for the next compilation with the same references: in the IDE, every
            // keystroke's compilation has them. It is kept per project, by the options object each project's
            // compilations share, so that the IDE analysing several projects in turn does not ask again each time.
            var references = compilation.References.ToImmutableArray();
            var fullName = FullName(attributeNamespace);
            var kept = ReferenceAnswers.GetValue(compilation.Options, static _ => new StrongBox<ReferenceAnswer?>());
            var last = kept.Value;
            if (last is not null && last.Answers(references, compilation.AssemblyName, fullName))
            {
                return last.MayUse;
            }

            var mayUse = ReferencesMayUse(compilation, references, fullName);
            kept.Value = new ReferenceAnswer(references, compilation.AssemblyName, fullName, mayUse);
            return mayUse;
        }

        private static bool ReferencesMayUse(Compilation compilation, ImmutableArray<MetadataReference> references, string fullName)
        {
            Func<IAssemblySymbol, bool>? mayDefine = null;
            foreach (var reference in references)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly || IsFramework(assembly))
                {
                    continue;
                }

                if (mayDefine is null)
                {
                    // Libraries share most of what they reference: each assembly is decided once.
                    var all = Resolved(compilation);
                    var decided = new Dictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);
                    mayDefine = a => decided.TryGetValue(a, out var known) ? known : decided[a] = MayDefine(a, all, fullName);
                }

                if (CanName(assembly, mayDefine))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a library can name the attribute's type, so that its members may carry the mark: it or an assembly it
        /// references may define it. A library built against an assembly this project does not reference can carry
        /// marks of an attribute defined there.
        /// </summary>
        public static bool CanName(IAssemblySymbol library, Func<IAssemblySymbol, bool> mayDefine)
        {
            if (mayDefine(library))
            {
                return true;
            }

            foreach (var module in library.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblySymbols)
                {
                    if (mayDefine(referenced))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// What the references of the last compilation with these options answered. The answer depends on the
        /// referenced assemblies, which the same reference objects stand for under the same options (how references
        /// unify), and on the compilation's own name (a library may reference it). A changed reference (a project
        /// reference whose project was edited, in the IDE) is a new object, and so are changed options. It keeps that
        /// compilation's list of references alive as long as the options live.
        /// </summary>
        private sealed class ReferenceAnswer(ImmutableArray<MetadataReference> references, string? assemblyName, string fullName, bool mayUse)
        {
            public bool MayUse => mayUse;

            public bool Answers(ImmutableArray<MetadataReference> others, string? otherAssemblyName, string otherFullName)
            {
                if (others.Length != references.Length || otherAssemblyName != assemblyName || otherFullName != fullName)
                {
                    return false;
                }

                for (var i = 0; i < others.Length; i++)
                {
                    if (!ReferenceEquals(others[i], references[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// The assemblies the compilation resolved: its references and itself. Any other assembly that a library
        /// references is missing.
        /// </summary>
        public static HashSet<IAssemblySymbol> Resolved(Compilation compilation)
            => new(compilation.SourceModule.ReferencedAssemblySymbols.Append(compilation.Assembly), SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether the assembly may define the attribute: it does, or forwards it, or the compilation could not resolve
        /// it, so that its definition cannot be ruled out. The framework never does.
        /// </summary>
        public static bool MayDefine(IAssemblySymbol assembly, HashSet<IAssemblySymbol> resolved, string fullName)
            => resolved.Contains(assembly) ? Defines(assembly, fullName) : !IsFramework(assembly);

        /// <summary>The attribute's metadata name in the configured namespace.</summary>
        public static string FullName(string attributeNamespace) => attributeNamespace + "." + AttributeEmitter.AttributeName;

        /// <summary>Whether the assembly defines the attribute, or forwards it to the assembly that does. The framework never does.</summary>
        public static bool Defines(IAssemblySymbol assembly, string fullName)
            => !IsFramework(assembly)
                && (assembly.GetTypeByMetadataName(fullName) is not null || assembly.ResolveForwardedType(fullName) is not null);

        /// <summary>
        /// Assemblies signed with Microsoft's framework keys never hold CmaaGen's attribute. Skipping them matters:
        /// asking an assembly for a type by name loads its whole type table, and a project references about 170.
        /// </summary>
        internal static bool IsFramework(IAssemblySymbol assembly)
        {
            var token = assembly.Identity.PublicKeyToken;
            foreach (var framework in FrameworkTokens)
            {
                if (token.AsSpan().SequenceEqual(framework))
                {
                    return true;
                }
            }

            return false;
        }

        // b03f5f7f11d50a3a, 31bf3856ad364e35, b77a5c561934e089, cc7b13ffcd2ddd51, 7cec85d7bea7798e, adb9793829ddae60.
        private static readonly byte[][] FrameworkTokens =
        [
            [0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a],
            [0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35],
            [0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89],
            [0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51],
            [0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e],
            [0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60],
        ];

        /// <summary>
        /// Whether a global using alias may name the attribute (<c>global using Exchange = Cmaa.CustomsDataExchangeAttribute;</c>)
        /// or <c>[AgreementChecked]</c>: then a file can mark a member without spelling the attribute's name.
        /// </summary>
        public static bool AliasedGlobally(Compilation compilation)
        {
            var trees = compilation.SyntaxTrees.ToImmutableArray();
            var kept = LastAliases.GetValue(compilation.Options, static _ => new StrongBox<AliasAnswers?>());
            var last = kept.Value;
            var declares = new bool[trees.Length];
            var any = false;
            for (var i = 0; i < trees.Length; i++)
            {
                declares[i] = last is not null && i < last.Trees.Length && ReferenceEquals(last.Trees[i], trees[i])
                    ? last.Declares[i]
                    : Aliasing.GetValue(trees[i], static t => new StrongBox<bool>(DeclaresGlobalAlias(t))).Value;
                any |= declares[i];
            }

            kept.Value = new AliasAnswers(trees, declares);
            return any;
        }

        /// <summary>
        /// The answers for the last compilation asked with these options (of the same project, in the IDE), by the
        /// position of its files. The IDE's next compilation differs from it in the edited file only, and comparing the
        /// files by reference costs less than a lookup keyed by each file (the IDE benchmark's edits of a 1,000-file
        /// project took about 0.35 ms less each). It keeps that compilation's list of files alive as long as the options
        /// live.
        /// </summary>
        private sealed class AliasAnswers(ImmutableArray<SyntaxTree> trees, bool[] declares)
        {
            public ImmutableArray<SyntaxTree> Trees => trees;

            public bool[] Declares => declares;
        }

        // The directives open the file: reading them costs less than searching the whole text.
        private static bool DeclaresGlobalAlias(SyntaxTree tree)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax root)
            {
                return false;
            }

            foreach (var directive in root.Usings)
            {
                if (directive.Alias is not null && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                    && directive.ToString() is var written && (written.Contains(Name) || written.Contains(CheckMarks.Name)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the file spells the attribute's name (<see cref="FileWords"/>).</summary>
        internal static bool Mentions(SyntaxTree tree) => FileWords.Spells(tree, FileWords.Word.Attribute);

        /// <summary>
        /// Whether the file spells <c>[AgreementChecked]</c>'s name, in a mark or in an alias of its own: most files mark
        /// nothing, and their members' attributes are then not bound.
        /// </summary>
        internal static bool MentionsCheckMark(SyntaxTree tree) => FileWords.Spells(tree, FileWords.Word.CheckMark);
    }
}
