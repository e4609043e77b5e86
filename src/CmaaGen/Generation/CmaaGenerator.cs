using System;
using System.Linq;
using System.Text;
using CmaaGen.Catalog;
using CmaaGen.Diagnostics;
using CmaaGen.Model;
using CmaaGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Generation
{
    /// <summary>
    /// Generates <c>CmaaCountry</c>, <c>CmaaAgreements</c> and <c>[CustomsDataExchange]</c> from the
    /// project's agreement lists (<c>*.cmaa.csv</c> additional files), or from the embedded default list,
    /// and reports the lists' problems at their line and column.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class CmaaGenerator : IIncrementalGenerator
    {
        // Read once: the runtime holds a type's name weakly and builds it again after a collection, which put a
        // type loader's call on the analyzer's path of every value it checks.
        private static readonly string FullName = typeof(CmaaGenerator).FullName;

        /// <summary>Whether a syntax tree is this generator's output: the compiler puts the generator's full name in its path.</summary>
        internal static bool IsOwnOutput(SyntaxTree tree)
            => tree.FilePath.IndexOf(FullName, System.StringComparison.Ordinal) >= 0;

        private static readonly string Version = typeof(CmaaGenerator).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

        private readonly bool _useEmbeddedAttribute;
        private readonly bool _useStoredDefault;
        private readonly Action<string>? _faultInjection;

        /// <summary>Creates the generator as the compiler does.</summary>
        public CmaaGenerator()
            : this(EmbeddedAttributeSupport.IsAvailable)
        {
        }

        /// <summary>
        /// Lets tests produce the output of a compiler older than Roslyn 4.14, emit the default list instead of
        /// using its stored output (<see cref="StoredDefault"/>), and inject faults: <paramref name="faultInjection"/>
        /// runs at the start of each step with the step's name and may throw.
        /// </summary>
        internal CmaaGenerator(bool useEmbeddedAttribute, Action<string>? faultInjection = null, bool useStoredDefault = true)
        {
            _useEmbeddedAttribute = useEmbeddedAttribute;
            _useStoredDefault = useStoredDefault;
            _faultInjection = faultInjection;
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var embedded = _useEmbeddedAttribute;
            var stored = _useStoredDefault;

            // The [Embedded] definition, on compilers that provide one.
            if (embedded)
            {
                context.RegisterPostInitializationOutput(EmbeddedAttributeSupport.AddDefinition);
            }

            // Settings: the namespace of the generated code.
            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => GeneratorOptions.Read(provider))
                .WithTrackingName(TrackingNames.Options);

            // Whether the consumer's C# version allows nullable annotations.
            var language = context.ParseOptionsProvider
                .Select(static (parseOptions, _) => LanguageSupport.Read(parseOptions))
                .WithTrackingName(TrackingNames.Language);

            // Parse: each *.cmaa.csv file into a value-equatable model.
            var lists = context.AdditionalTextsProvider
                .Where(static text => AgreementListParser.IsListFile(text.Path))
                .Select((text, cancellationToken) => Guarded(
                    "parse " + text.Path,
                    () => AgreementListParser.Parse(
                        text.Path,
                        text.GetText(cancellationToken) ?? SourceText.From(string.Empty),
                        CountryCatalog.Default,
                        cancellationToken),
                    error => new AgreementList(text.Path, string.Empty, null, string.Empty, EquatableArray<Agreement>.Empty, new[] { InternalError(text.Path, error) }.ToEquatableArray()),
                    cancellationToken))
                .WithTrackingName(TrackingNames.ParsedLists);

            // Merge: every list, or the embedded default list when the project has none. The default list is read
            // only when its stored output does not fit the settings (below): null stands for it until then.
            var agreements = lists.Collect()
                .Select((all, cancellationToken) => all.IsEmpty ? null : Guarded(
                    "merge",
                    () => AgreementSet.Merge(all),
                    error => new AgreementSet(string.Empty, string.Empty, string.Empty, EquatableArray<Agreement>.Empty, new[] { InternalError(all[0].Path, error) }.ToEquatableArray()),
                    cancellationToken))
                .WithTrackingName(TrackingNames.Agreements);

            // The settings in one value, so that every join in the pipeline pairs two values: each tuple shape is
            // generic code the compiler compiles on its first use, in every cold build.
            var settings = options.Combine(language)
                .Select(static (pair, _) => new GeneratorSettings(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Settings);

            // Model: what the emitter needs, and nothing more; only the settings for the default list's stored files.
            // The default list is read here when the generator is told not to use them (tests), so a failure here is
            // CMAA900 too.
            var spec = agreements.Combine(settings)
                .Select((input, cancellationToken) => Guarded(
                    "spec",
                    () => input.Left is null && stored
                        ? StoredDefault.Spec(input.Right, embedded, Version)
                        : SpecBuilder.Build(input.Left ?? DefaultAgreements.Set, input.Right, embedded, Version),
                    error => AgreementsSpec.Failed(Describe(error)),
                    cancellationToken))
                .WithTrackingName(TrackingNames.Spec);

            var attribute = options
                .Select((o, _) => new AttributeEmitter.Spec(o.Namespace, Version, embedded))
                .WithTrackingName(TrackingNames.AttributeSpec);

            // Emit.
            context.RegisterSourceOutput(attribute, static (output, spec) =>
            {
                output.AddSource(AttributeEmitter.HintName, SourceText.From(AttributeEmitter.Emit(spec), Encoding.UTF8));
                output.AddSource(AttributeEmitter.CheckHintName, SourceText.From(AttributeEmitter.EmitCheck(spec), Encoding.UTF8));
            });

            context.RegisterSourceOutput(spec, (output, spec) =>
            {
                try
                {
                    _faultInjection?.Invoke("emit");
                    if (spec.Failure.Length > 0)
                    {
                        output.ReportDiagnostic(AgreementsFailure(spec.Failure));
                        return;
                    }

                    output.AddSource(AgreementsEmitter.CountryHintName, SourceText.From(spec.Stored ? StoredDefault.CountryEnum(spec) : AgreementsEmitter.EmitCountryEnum(spec), Encoding.UTF8));
                    output.AddSource(AgreementsEmitter.AgreementsHintName, SourceText.From(spec.Stored ? StoredDefault.Agreements(spec) : AgreementsEmitter.EmitAgreements(spec), Encoding.UTF8));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    output.ReportDiagnostic(AgreementsFailure(Describe(exception)));
                }
            });

            // Report: the lists' problems, and settings that were refused.
            context.RegisterSourceOutput(agreements.Select(static (set, _) => set?.Problems ?? EquatableArray<ListProblem>.Empty), static (output, problems) =>
            {
                foreach (var problem in problems)
                {
                    output.ReportDiagnostic(problem.ToDiagnostic());
                }
            });

            context.RegisterSourceOutput(options.Select(static (o, _) => o.Problem), static (output, problem) =>
            {
                if (problem.Length > 0)
                {
                    output.ReportDiagnostic(Diagnostic.Create(Rules.InvalidSetting, Location.None, problem));
                }
            });
        }

        /// <summary>
        /// Runs a pipeline step so that an unexpected exception becomes a CMAA900 problem naming the file,
        /// never CS8785: the build and every other diagnostic go on.
        /// </summary>
        private T Guarded<T>(string step, Func<T> run, Func<Exception, T> onError, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                _faultInjection?.Invoke(step);
                return run();
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return onError(exception);
            }
        }

        private static ListProblem InternalError(string path, Exception exception)
            => ListProblem.Create(Rules.InternalError, new FileLocation(path, 0, 0, 0, 0, 0, 0), path, Describe(exception));

        private static Diagnostic AgreementsFailure(string description)
            => Diagnostic.Create(Rules.InternalError, Location.None, "the generated agreements (" + AgreementsEmitter.CountryHintName + ")", description);

        private static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message;
    }
}
