using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Analysis
{
    /// <summary>The API lists of a project resolved against its compilation: the members they name and their problems.</summary>
    internal sealed class ApiContexts
    {
        private static readonly SourceTextValueProvider<ApiList> ListProvider = new(ApiListParser.Parse);

        private ApiContexts(ImmutableHashSet<ISymbol> symbols, ImmutableDictionary<string, ImmutableArray<ApiListProblem>> problems)
        {
            Symbols = symbols;
            Problems = problems;
        }

        /// <summary>The parameters, properties and fields the lists name (original definitions).</summary>
        public ImmutableHashSet<ISymbol> Symbols { get; }

        /// <summary>Problems by list file path.</summary>
        public ImmutableDictionary<string, ImmutableArray<ApiListProblem>> Problems { get; }

        public static ApiContexts Resolve(Compilation compilation, AnalyzerOptions options, TextValues values, CancellationToken cancellationToken)
        {
            var symbols = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            var problems = ImmutableDictionary.CreateBuilder<string, ImmutableArray<ApiListProblem>>();
            foreach (var file in options.AdditionalFiles)
            {
                if (!ApiListParser.IsApiList(file.Path)
                    || file.GetText(cancellationToken) is not { } text
                    || !values.TryGet(text, ListProvider, out var list))
                {
                    continue;
                }

                var fileProblems = list.Problems.ToBuilder();
                foreach (var entry in list.Entries)
                {
                    Resolve(entry, compilation, symbols, fileProblems);
                }

                if (fileProblems.Count > 0)
                {
                    problems[file.Path] = fileProblems.ToImmutable();
                }
            }

            return new ApiContexts(symbols.ToImmutable(), problems.ToImmutable());
        }

        private static void Resolve(ApiListEntry entry, Compilation compilation, ImmutableHashSet<ISymbol>.Builder symbols, ImmutableArray<ApiListProblem>.Builder problems)
        {
            var found = DocumentationCommentId.GetSymbolsForDeclarationId(entry.Id, compilation);
            if (found.IsEmpty)
            {
                problems.Add(new ApiListProblem(entry.IdSpan, "'" + entry.Id + "' names no member of this compilation or its references", NotFound: true));
                return;
            }

            foreach (var symbol in found)
            {
                if (symbol is not IMethodSymbol method)
                {
                    symbols.Add(symbol.OriginalDefinition);
                    continue;
                }

                var names = string.Join(", ", method.Parameters.Select(p => p.Name));
                var parameter = entry.Parameter.Length > 0
                    ? method.Parameters.FirstOrDefault(p => p.Name == entry.Parameter)
                    : method.Parameters.Length == 1 ? method.Parameters[0] : null;
                if (parameter is not null)
                {
                    symbols.Add(parameter.OriginalDefinition);
                }
                else if (entry.Parameter.Length > 0)
                {
                    problems.Add(new ApiListProblem(entry.ParameterSpan, "'" + entry.Id + "' has no parameter '" + entry.Parameter + "' (its parameters: " + names + ")"));
                }
                else
                {
                    problems.Add(new ApiListProblem(entry.IdSpan, "name the parameter that holds the country: add #name after '" + entry.Id + "' (its parameters: " + (names.Length > 0 ? names : "none") + ")"));
                }
            }
        }
    }
}
