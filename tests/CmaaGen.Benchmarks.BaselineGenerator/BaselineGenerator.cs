using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Benchmarks.Baseline
{
    /// <summary>
    /// A generator with CmaaGen's pipeline shape and none of its work: the same inputs, the same kinds of step joined
    /// the same way (a post-initialization output, a filtered per-file step, a collected step, two joins, four source
    /// outputs), every value a reference type as CmaaGen's are, and output of a few lines. Its time in a new compiler
    /// process is what running such a pipeline costs at all; CmaaGen's time after it is CmaaGen's own work.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class BaselineGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            context.RegisterPostInitializationOutput(static output =>
                output.AddSource("BaselineMarker.g.cs", "namespace Baseline { internal sealed class MarkerAttribute : System.Attribute { } }\n"));

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => provider.GlobalOptions.TryGetValue("build_property.BaselineNamespace", out var name) ? name : "Baseline")
                .WithTrackingName("Options");
            var language = context.ParseOptionsProvider
                .Select(static (parseOptions, _) => ((CSharpParseOptions)parseOptions).LanguageVersion >= LanguageVersion.CSharp8 ? "annotated" : "plain")
                .WithTrackingName("Language");
            var lists = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(".baseline.csv", StringComparison.OrdinalIgnoreCase))
                .Select(static (text, cancellationToken) => text.Path + ":" + text.GetText(cancellationToken)?.Length)
                .WithTrackingName("Lists");
            var merged = lists.Collect()
                .Select(static (all, _) => all.IsEmpty ? null : string.Join(";", all))
                .WithTrackingName("Merged");
            var settings = options.Combine(language)
                .Select(static (pair, _) => pair.Left + "/" + pair.Right)
                .WithTrackingName("Settings");
            var spec = merged.Combine(settings)
                .Select(static (pair, _) => pair.Right + "/" + (pair.Left ?? "default"))
                .WithTrackingName("Spec");
            var attribute = options
                .Select(static (name, _) => name + ".Marker")
                .WithTrackingName("Attribute");

            context.RegisterSourceOutput(attribute, static (output, name) =>
                output.AddSource("BaselineAttribute.g.cs", "// " + name + "\n"));
            context.RegisterSourceOutput(spec, static (output, text) =>
                output.AddSource("BaselineSpec.g.cs", "// " + text + "\n"));
            context.RegisterSourceOutput(merged.Select(static (text, _) => text ?? string.Empty), static (output, text) =>
            {
                if (text.Length > 0 && text.Split(';').Any(path => path.Length == 0))
                {
                    output.AddSource("BaselineProblems.g.cs", "// an empty path\n");
                }
            });
            context.RegisterSourceOutput(options.Select(static (name, _) => name.Length == 0 ? "empty" : string.Empty), static (output, problem) =>
            {
                if (problem.Length > 0)
                {
                    output.AddSource("BaselineSetting.g.cs", "// " + problem + "\n");
                }
            });
        }
    }
}
