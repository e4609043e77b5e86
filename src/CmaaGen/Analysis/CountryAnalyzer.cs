using System;
using System.Collections.Immutable;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Reports countries without a customs mutual assistance agreement (CMAA001), unknown countries (CMAA002),
    /// agreements not in force (CMAA003), unchecked run-time values (CMAA004), coverage through another agreement
    /// (CMAA005) and strings that could be <c>CmaaCountry</c> members (CMAA006) wherever a value flows into a
    /// customs data exchange context; a library's constructor parameters that are contexts only by its code (CMAA007);
    /// <c>[AgreementChecked]</c> marks the marked method's code does not bear out (CMAA008), and a library's checks without
    /// one (CMAA009); and the problems of API lists (CMAA110, CMAA114).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CountryAnalyzer : DiagnosticAnalyzer
    {
        private readonly Action<string>? _faultInjection;

        /// <summary>Creates the analyzer as the compiler does.</summary>
        public CountryAnalyzer()
        {
        }

        /// <summary>Test hook: <paramref name="faultInjection"/> runs at the start of each callback and may throw.</summary>
        internal CountryAnalyzer(Action<string> faultInjection) => _faultInjection = faultInjection;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules.CodeRules;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // A compliance rule must not be evaded by naming a file *.g.cs.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(Start);
        }

        private void Start(CompilationStartAnalysisContext context)
        {
            CompilationAnalysis analysis;
            try
            {
                _faultInjection?.Invoke("CompilationStart");
                analysis = new CompilationAnalysis(context.Compilation, context.Options, new TextValues(context), _faultInjection, context.CancellationToken);
            }
            catch (Exception exception) when (CompilationAnalysis.IsFailure(exception, context.CancellationToken))
            {
                // Nothing was registered yet, so the failure can only surface at the end of the compilation.
                context.RegisterCompilationEndAction(end => end.ReportDiagnostic(
                    CompilationAnalysis.InternalError(Location.None, end.Compilation.AssemblyName ?? "the compilation", exception)));
                return;
            }

            if (!analysis.Apis.Problems.IsEmpty)
            {
                context.RegisterAdditionalFileAction(analysis.ReportApiListProblems);
            }

            context.RegisterSyntaxNodeAction(analysis.AnalyzeCheckMark, SyntaxKind.Attribute);

            // Only a library's methods are called from other assemblies; its checks need no exchange of its own.
            var library = !OwnSource.IsApplication(context.Compilation);
            if (library)
            {
                context.RegisterSemanticModelAction(analysis.AnalyzeMethodDeclarations);
                context.RegisterSyntaxNodeAction(analysis.AnalyzeMemberDeclaration, SyntaxKind.PropertyDeclaration, SyntaxKind.FieldDeclaration);
            }

            if (!analysis.CanHaveContexts)
            {
                return;
            }

            // Every operation whose arguments can reach a context: a raised event is Visual Basic's, and a function
            // pointer's parameters carry no mark.
            context.RegisterOperationAction(analysis.AnalyzeArguments, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference);
            context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.DeconstructionAssignment);
            context.RegisterOperationAction(
                analysis.AnalyzeInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.FieldInitializer,
                OperationKind.ParameterInitializer);
            if (library)
            {
                context.RegisterSymbolAction(analysis.AnalyzeConstructors, SymbolKind.NamedType);
            }
        }
    }
}
