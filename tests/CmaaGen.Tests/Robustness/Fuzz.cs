using System;
using CsCheck;
using Xunit.Abstractions;

namespace CmaaGen.Tests.Robustness;

/// <summary>
/// Runs a property over inputs drawn from a CsCheck generator with a fixed seed, so every run tests the same
/// thousands of cases and a failure names the seed and case that reproduce it.
/// </summary>
internal static class Fuzz
{
    /// <summary>The seed of every fuzz test; change it to explore other cases.</summary>
    public const string Seed = "0000001diAb1";

    public static int Run<T>(Gen<T> gen, Action<T> property, int iterations, ITestOutputHelper output, Func<T, string>? describe = null)
    {
        var pcg = PCG.Parse(Seed);
        output.WriteLine($"Fuzz seed {Seed}, {iterations} cases.");
        for (var i = 0; i < iterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception exception)
            {
                var shown = describe?.Invoke(value) ?? value?.ToString() ?? "null";
                throw new Xunit.Sdk.XunitException($"Case {i} of seed {Seed} failed: {exception.Message}\nInput ({shown.Length} chars): {Truncate(shown)}\n{exception}");
            }
        }

        return iterations;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
