using System.Collections.Immutable;
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
        private static readonly string Version = typeof(CmaaGenerator).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

        private readonly bool _useEmbeddedAttribute;

        /// <summary>Creates the generator as the compiler does.</summary>
        public CmaaGenerator()
            : this(EmbeddedAttributeSupport.IsAvailable)
        {
        }

        /// <summary>Lets tests produce the output of a compiler older than Roslyn 4.14.</summary>
        internal CmaaGenerator(bool useEmbeddedAttribute) => _useEmbeddedAttribute = useEmbeddedAttribute;

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var embedded = _useEmbeddedAttribute;

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
                .Select(static (text, cancellationToken) => AgreementListParser.Parse(
                    text.Path,
                    text.GetText(cancellationToken) ?? SourceText.From(string.Empty),
                    CountryCatalog.Default,
                    cancellationToken))
                .WithTrackingName(TrackingNames.ParsedLists);

            // Merge: every list, or the embedded default list when the project has none.
            var agreements = lists.Collect()
                .Select(static (all, _) => all.IsEmpty ? DefaultAgreements.Set : AgreementSet.Merge(all))
                .WithTrackingName(TrackingNames.Agreements);

            // Model: what the emitter needs, and nothing more.
            var spec = agreements.Combine(options).Combine(language)
                .Select((input, _) => SpecBuilder.Build(input.Left.Left, input.Left.Right, input.Right, embedded, Version))
                .WithTrackingName(TrackingNames.Spec);

            var attribute = options
                .Select((o, _) => new AttributeEmitter.Spec(o.Namespace, Version, embedded))
                .WithTrackingName(TrackingNames.AttributeSpec);

            // Emit.
            context.RegisterSourceOutput(attribute, static (output, spec) =>
                output.AddSource(AttributeEmitter.HintName, SourceText.From(AttributeEmitter.Emit(spec), Encoding.UTF8)));

            context.RegisterSourceOutput(spec, static (output, spec) =>
            {
                output.AddSource(AgreementsEmitter.CountryHintName, SourceText.From(AgreementsEmitter.EmitCountryEnum(spec), Encoding.UTF8));
                output.AddSource(AgreementsEmitter.AgreementsHintName, SourceText.From(AgreementsEmitter.EmitAgreements(spec), Encoding.UTF8));
            });

            // Report: the lists' problems, and settings that were refused.
            context.RegisterSourceOutput(agreements.Select(static (set, _) => set.Problems), static (output, problems) =>
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
    }
}
