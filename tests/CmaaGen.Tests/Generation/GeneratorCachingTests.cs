using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CmaaGen.Generation;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Generation;

/// <summary>The pipeline re-runs nothing after an unrelated edit, and carries only value-equatable models.</summary>
public class GeneratorCachingTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.Options, TrackingNames.Language, TrackingNames.Settings, TrackingNames.ParsedLists,
        TrackingNames.Agreements, TrackingNames.Spec, TrackingNames.AttributeSpec,
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged(bool withCustomList)
    {
        var (driver, compilation, _) = FirstRun(withCustomList);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("class Program { static void Main() { var x = 1 + 2; } }", GeneratorHarness.ParseOptions(), path: "Source0.cs"));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in TrackedSteps)
        {
            if (!result.TrackedSteps.TryGetValue(step, out var runs))
            {
                // Without a list file no list is parsed, so the step never runs.
                Assert.Equal((TrackingNames.ParsedLists, false), (step, withCustomList));
                continue;
            }

            Assert.All(
                runs.SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + output.Reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_the_list_changes_the_output()
    {
        var (driver, compilation, list) = FirstRun(withCustomList: true);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == AgreementsEmitter.CountryHintName).SourceText.ToString();

        driver = driver.ReplaceAdditionalText(list!, new InMemoryAdditionalText(list!.Path, "country\nDE\nFR\n"));
        driver = driver.RunGenerators(compilation);

        var after = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == AgreementsEmitter.CountryHintName).SourceText.ToString();
        Assert.DoesNotContain("France", before);
        Assert.Contains("France = 250,", after);
    }

    [Fact]
    public void Steps_carry_no_symbols_syntax_or_compilations()
    {
        var (driver, _, _) = FirstRun(withCustomList: true);
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertValueModel(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText? List) FirstRun(bool withCustomList)
    {
        var compilation = GeneratorHarness.Compilation(["class Program { static void Main() { } }", "class Other { }"]);
        var list = withCustomList ? new InMemoryAdditionalText("/p/partners.cmaa.csv", TestData.SmallList) : null;
        var driver = GeneratorHarness.Driver(list is null ? [] : [list], GeneratorHarness.ParseOptions()).RunGenerators(compilation);
        return (driver, compilation, list);
    }

    private static void AssertValueModel(object? value, string step, HashSet<object> seen)
    {
        if (value is null or string or Enum || value.GetType().IsPrimitive || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{step} carries a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertValueModel(item, step, seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertValueModel(field.GetValue(value), step, seen);
        }
    }
}
