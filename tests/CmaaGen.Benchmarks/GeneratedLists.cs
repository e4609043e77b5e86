using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using CmaaGen.Benchmarks.Baselines;
using All = Generated.AllCountries;
using Default = Generated.DefaultList;

namespace CmaaGen.Benchmarks;

/// <summary>
/// One generated lookup and its baselines over the same keys. Implemented by structs, so the JIT compiles each
/// benchmark for its list and inlines these forwarding calls: the figures are those of the generated code.
/// </summary>
public interface IGeneratedList
{
    static abstract IReadOnlyList<int> Partners { get; }

    static abstract bool TryGetCountry(string text, out int country);

    static abstract bool HasAgreement(string text);

    static abstract string GetAlpha2(int country);

    static abstract string GetName(int country);

    static abstract string EnumToString(int country);

    static abstract bool EnumTryParseName(string text, out int country);

    static abstract bool EnumTryParseAlpha2(string text, out int country);

    static abstract bool EnumTryParseAlpha3(string text, out int country);

    static abstract string Alpha2EnumToString(int country);

    static abstract int SwitchAlpha2(string upperCase);

    static abstract int SwitchAlpha3(string upperCase);

    static abstract int SwitchNumeric(string upperCase);

    static abstract int SwitchName(string upperCase);

    static abstract string SwitchToAlpha2(int country);
}

public readonly struct DefaultList : IGeneratedList
{
    public static IReadOnlyList<int> Partners { get; } = Default.CmaaAgreements.Countries.Select(c => (int)c).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetCountry(string text, out int country)
    {
        var found = Default.CmaaAgreements.TryGetCountry(text, out var value);
        country = (int)value;
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasAgreement(string text) => Default.CmaaAgreements.HasAgreement(text);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string GetAlpha2(int country) => Default.CmaaAgreements.GetAlpha2((Default.CmaaCountry)country);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string GetName(int country) => Default.CmaaAgreements.GetName((Default.CmaaCountry)country);

    public static string EnumToString(int country) => ((Default.CmaaCountry)country).ToString();

    public static bool EnumTryParseName(string text, out int country) => Parse<Default.CmaaCountry>(text, out country);

    public static bool EnumTryParseAlpha2(string text, out int country) => Parse<DefaultAlpha2>(text, out country);

    public static bool EnumTryParseAlpha3(string text, out int country) => Parse<DefaultAlpha3>(text, out country);

    public static string Alpha2EnumToString(int country) => ((DefaultAlpha2)country).ToString();

    public static int SwitchAlpha2(string upperCase) => DefaultSwitch.Alpha2(upperCase);

    public static int SwitchAlpha3(string upperCase) => DefaultSwitch.Alpha3(upperCase);

    public static int SwitchNumeric(string upperCase) => DefaultSwitch.Numeric(upperCase);

    public static int SwitchName(string upperCase) => DefaultSwitch.Name(upperCase);

    public static string SwitchToAlpha2(int country) => DefaultSwitch.ToAlpha2(country);

    internal static bool Parse<TEnum>(string text, out int country)
        where TEnum : struct, Enum
    {
        // Every baseline enum is an int enum; a conversion through object would box, and the allocation would be
        // counted against Enum.TryParse, which allocates nothing itself.
        var found = Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value);
        country = Unsafe.As<TEnum, int>(ref value);
        return found;
    }
}

public readonly struct AllCountries : IGeneratedList
{
    public static IReadOnlyList<int> Partners { get; } = All.CmaaAgreements.Countries.Select(c => (int)c).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetCountry(string text, out int country)
    {
        var found = All.CmaaAgreements.TryGetCountry(text, out var value);
        country = (int)value;
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasAgreement(string text) => All.CmaaAgreements.HasAgreement(text);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string GetAlpha2(int country) => All.CmaaAgreements.GetAlpha2((All.CmaaCountry)country);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string GetName(int country) => All.CmaaAgreements.GetName((All.CmaaCountry)country);

    public static string EnumToString(int country) => ((All.CmaaCountry)country).ToString();

    public static bool EnumTryParseName(string text, out int country) => DefaultList.Parse<All.CmaaCountry>(text, out country);

    public static bool EnumTryParseAlpha2(string text, out int country) => DefaultList.Parse<AllAlpha2>(text, out country);

    public static bool EnumTryParseAlpha3(string text, out int country) => DefaultList.Parse<AllAlpha3>(text, out country);

    public static string Alpha2EnumToString(int country) => ((AllAlpha2)country).ToString();

    public static int SwitchAlpha2(string upperCase) => AllSwitch.Alpha2(upperCase);

    public static int SwitchAlpha3(string upperCase) => AllSwitch.Alpha3(upperCase);

    public static int SwitchNumeric(string upperCase) => AllSwitch.Numeric(upperCase);

    public static int SwitchName(string upperCase) => AllSwitch.Name(upperCase);

    public static string SwitchToAlpha2(int country) => AllSwitch.ToAlpha2(country);
}
