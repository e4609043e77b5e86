using System;
using System.Collections.Frozen;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace CmaaGen.Benchmarks;

/// <summary>
/// One key looked up over and over, the usual way a lookup is benchmarked: the branch predictor learns the key's
/// path, so this is the lookup's cost without the mispredictions that <see cref="LookupBenchmarks{TList}"/> pays by
/// cycling through 64 different keys. The two together bound what a caller sees.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
[ShortRunJob]
public class OneKeyBenchmarks<TList>
    where TList : struct, IGeneratedList
{
    private const int Count = 64;

    private string[] _inputs = [];
    private FrozenDictionary<string, int> _frozen = FrozenDictionary<string, int>.Empty;

    /// <summary>Hits and misses of every kind of key, in the case they are usually written and in lower case.</summary>
    [Params("DE", "de", "XX", "DEU", "deu", "XQZ", "276", "999", "Germany", "germany", "Atlantis", "Federal Republic of Germany")]
    public string Key { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _frozen = PartnerKeys<TList>.IgnoringCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        // A copy of the key: the literal is interned with the generated code's own literals, and string.Equals
        // returns at once for the same instance, which a value read from a request or a file never is.
        var key = new string(Key.AsSpan());
        _inputs = Enumerable.Repeat(key, Count).ToArray();

        var generated = TList.TryGetCountry(key, out var value) ? value : 0;
        var frozen = _frozen.TryGetValue(key, out var expected) ? expected : 0;
        if (generated != frozen)
        {
            throw new InvalidOperationException($"The generated lookup gives {generated} for '{Key}', FrozenDictionary {frozen}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int CmaaGen()
    {
        var sum = 0;
        foreach (var text in _inputs)
        {
            sum += TList.TryGetCountry(text, out var value) ? value : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Frozen()
    {
        var sum = 0;
        foreach (var text in _inputs)
        {
            sum += _frozen.TryGetValue(text, out var value) ? value : 0;
        }

        return sum;
    }

    /// <summary>
    /// The least any lookup can cost in this loop: the text's length, one load. A budget below it cannot be met by
    /// any code.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Length()
    {
        var sum = 0;
        foreach (var text in _inputs)
        {
            sum += text.Length;
        }

        return sum;
    }

    /// <summary>The enum whose member names are the key's kind: alpha-2 (also for digits, as in the mixed run), alpha-3 or names.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int EnumTryParse()
    {
        var sum = 0;
        foreach (var text in _inputs)
        {
            var found = text.Length == 3 && char.IsAsciiLetter(text[0])
                ? TList.EnumTryParseAlpha3(text, out var value)
                : text.Length <= 3 ? TList.EnumTryParseAlpha2(text, out value) : TList.EnumTryParseName(text, out value);
            sum += found ? value : 0;
        }

        return sum;
    }
}
