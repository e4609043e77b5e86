using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CmaaGen.Catalog;

namespace CmaaGen.Benchmarks;

public enum Input
{
    /// <summary>Partners' keys as usually written (codes upper case, names title case).</summary>
    Hit,

    /// <summary>The same keys in lower case.</summary>
    HitLower,

    /// <summary>Keys of the same shape that name no partner.</summary>
    Miss,
}

/// <summary>
/// The generated lookups of one list against Enum.TryParse, Dictionary and FrozenDictionary with
/// StringComparer.OrdinalIgnoreCase, and a compiler switch, over the same keys. Each benchmark looks up
/// <see cref="Count"/> inputs, so one operation is one lookup.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[ShortRunJob]
public class LookupBenchmarks<TList>
    where TList : struct, IGeneratedList
{
    private const int Count = 64;

    private string[] _alpha2 = [];
    private string[] _alpha3 = [];
    private string[] _numeric = [];
    private string[] _names = [];
    private int[] _partners = [];
    private Dictionary<string, int> _dictionary = [];
    private FrozenDictionary<string, int> _frozen = FrozenDictionary<string, int>.Empty;
    private Dictionary<int, string> _alpha2ByValue = [];

    [Params(Input.Hit, Input.HitLower, Input.Miss)]
    public Input Input { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var countries = PartnerKeys<TList>.Countries;
        _dictionary = PartnerKeys<TList>.IgnoringCase;
        _frozen = _dictionary.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _alpha2ByValue = countries.ToDictionary(PartnerKeys<TList>.ValueOf, c => c.Alpha2);
        _partners = Cycle(TList.Partners.ToArray());

        var others = CountryCatalog.Default.Countries.Where(c => !countries.Contains(c)).ToList();
        _alpha2 = Inputs(countries.Select(c => c.Alpha2), others.Select(c => c.Alpha2).Concat(Synthetic("X", 2)));
        _alpha3 = Inputs(countries.Where(c => c.Alpha3.Length > 0).Select(c => c.Alpha3), others.Where(c => c.Alpha3.Length > 0).Select(c => c.Alpha3).Concat(Synthetic("XQ", 3)));
        _numeric = Inputs(countries.Where(c => c.Numeric.Length > 0).Select(c => c.Numeric), Enumerable.Range(900, 100).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _names = Inputs(countries.Select(c => c.Name), others.Select(c => c.Name).Concat(["Atlantis", "Narnia", "Ruritania", "Freedonia", "Genovia", "Wakanda"]));

        Verify(PartnerKeys<TList>.Keys);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("Alpha2")]
    public int CmaaGen_Alpha2() => Generated(_alpha2);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha2")]
    public int Switch_Alpha2()
    {
        var sum = 0;
        foreach (var text in _alpha2)
        {
            sum += TList.SwitchAlpha2(text.ToUpperInvariant());
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha2")]
    public int Dictionary_Alpha2() => Lookup(_dictionary, _alpha2);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha2")]
    public int Frozen_Alpha2() => Lookup(_frozen, _alpha2);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha2")]
    public int EnumTryParse_Alpha2()
    {
        var sum = 0;
        foreach (var text in _alpha2)
        {
            sum += TList.EnumTryParseAlpha2(text, out var value) ? value : 0;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("Alpha3")]
    public int CmaaGen_Alpha3() => Generated(_alpha3);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha3")]
    public int Switch_Alpha3()
    {
        var sum = 0;
        foreach (var text in _alpha3)
        {
            sum += TList.SwitchAlpha3(text.ToUpperInvariant());
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha3")]
    public int Dictionary_Alpha3() => Lookup(_dictionary, _alpha3);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha3")]
    public int Frozen_Alpha3() => Lookup(_frozen, _alpha3);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Alpha3")]
    public int EnumTryParse_Alpha3()
    {
        var sum = 0;
        foreach (var text in _alpha3)
        {
            sum += TList.EnumTryParseAlpha3(text, out var value) ? value : 0;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("Numeric")]
    public int CmaaGen_Numeric() => Generated(_numeric);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Numeric")]
    public int Switch_Numeric()
    {
        var sum = 0;
        foreach (var text in _numeric)
        {
            sum += TList.SwitchNumeric(text);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Numeric")]
    public int Dictionary_Numeric() => Lookup(_dictionary, _numeric);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Numeric")]
    public int Frozen_Numeric() => Lookup(_frozen, _numeric);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Numeric")]
    public int EnumTryParse_Numeric()
    {
        var sum = 0;
        foreach (var text in _numeric)
        {
            sum += TList.EnumTryParseAlpha2(text, out var value) ? value : 0;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("Name")]
    public int CmaaGen_Name() => Generated(_names);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Name")]
    public int Switch_Name()
    {
        var sum = 0;
        foreach (var text in _names)
        {
            sum += TList.SwitchName(text.ToUpperInvariant());
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Name")]
    public int Dictionary_Name() => Lookup(_dictionary, _names);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Name")]
    public int Frozen_Name() => Lookup(_frozen, _names);

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("Name")]
    public int EnumTryParse_Name()
    {
        var sum = 0;
        foreach (var text in _names)
        {
            sum += TList.EnumTryParseName(text, out var value) ? value : 0;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("HasAgreement")]
    public int CmaaGen_HasAgreement()
    {
        var sum = 0;
        foreach (var text in _alpha2)
        {
            sum += TList.HasAgreement(text) ? 1 : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("HasAgreement")]
    public int Frozen_HasAgreement()
    {
        var sum = 0;
        foreach (var text in _alpha2)
        {
            sum += _frozen.ContainsKey(text) ? 1 : 0;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToAlpha2")]
    public int CmaaGen_ToAlpha2()
    {
        var sum = 0;
        foreach (var value in _partners)
        {
            sum += TList.GetAlpha2(value).Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToAlpha2")]
    public int EnumToString_ToAlpha2()
    {
        var sum = 0;
        foreach (var value in _partners)
        {
            sum += TList.Alpha2EnumToString(value).Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToAlpha2")]
    public int Switch_ToAlpha2()
    {
        var sum = 0;
        foreach (var value in _partners)
        {
            sum += TList.SwitchToAlpha2(value).Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToAlpha2")]
    public int Dictionary_ToAlpha2()
    {
        var sum = 0;
        foreach (var value in _partners)
        {
            sum += _alpha2ByValue[value].Length;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToName")]
    public int CmaaGen_ToName()
    {
        var sum = 0;
        foreach (var value in _partners)
        {
            sum += TList.GetName(value).Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToName")]
    public int EnumToString_ToName()
    {
        var sum = 0;
        foreach (var value in _partners)
        {
            sum += TList.EnumToString(value).Length;
        }

        return sum;
    }

    private int Generated(string[] inputs)
    {
        var sum = 0;
        foreach (var text in inputs)
        {
            sum += TList.TryGetCountry(text, out var value) ? value : 0;
        }

        return sum;
    }

    private static int Lookup(IReadOnlyDictionary<string, int> dictionary, string[] inputs)
    {
        var sum = 0;
        foreach (var text in inputs)
        {
            sum += dictionary.TryGetValue(text, out var value) ? value : 0;
        }

        return sum;
    }

    private string[] Inputs(IEnumerable<string> hits, IEnumerable<string> misses) => Input switch
    {
        Input.Hit => Cycle(hits.ToArray()),
        Input.HitLower => Cycle(hits.Select(h => h.ToLowerInvariant()).ToArray()),
        _ => Cycle(misses.Where(m => !_dictionary.ContainsKey(m)).ToArray()),
    };

    private static IEnumerable<string> Synthetic(string prefix, int length)
        => Enumerable.Range('A', 26).Select(c => (prefix + (char)c).PadRight(length, 'Z')[..length]);

    private static T[] Cycle<T>(T[] items) => Enumerable.Range(0, Count).Select(i => items[(i * 7) % items.Length]).ToArray();

    /// <summary>Every baseline must give the generated lookup's answer for every key, or the comparison is void.</summary>
    private void Verify(List<(string Key, int Value)> keys)
    {
        foreach (var (key, value) in keys)
        {
            Check(TList.TryGetCountry(key, out var found) && found == value, "generated lookup", key);
            Check(TList.TryGetCountry(key.ToLowerInvariant(), out found) && found == value, "generated lookup (lower case)", key);
            var upper = CountryText.Fold(key);
            var switched = key.Length == 2 && key.All(char.IsAsciiLetter) ? TList.SwitchAlpha2(upper)
                : key.Length == 3 && key.All(char.IsAsciiLetter) ? TList.SwitchAlpha3(upper)
                : key.Length == 3 && key.All(char.IsAsciiDigit) ? TList.SwitchNumeric(upper)
                : TList.SwitchName(upper);
            Check(switched == value, "switch", key);
        }

        Check(_alpha2.Concat(_alpha3).Concat(_numeric).Concat(_names).All(text => TList.TryGetCountry(text, out _) == (Input != Input.Miss)), "inputs", Input.ToString());
    }

    private static void Check(bool condition, string what, string key)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The {what} disagrees for '{key}': regenerate the baselines (dotnet run -c Release --project tests/CmaaGen.Benchmarks -- baselines).");
        }
    }
}
