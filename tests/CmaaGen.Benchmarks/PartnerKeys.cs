using System;
using System.Collections.Generic;
using System.Linq;
using CmaaGen.Catalog;
using CmaaGen.Generation;

namespace CmaaGen.Benchmarks;

/// <summary>The partners of one generated list and every key that denotes one: the keys every peer is built from.</summary>
internal static class PartnerKeys<TList>
    where TList : struct, IGeneratedList
{
    public static readonly List<Country> Countries = PartnersOf(TList.Partners.ToHashSet());

    /// <summary>Each code, name and alias of a partner, with the partner's enum value.</summary>
    public static readonly List<(string Key, int Value)> Keys =
        Countries.SelectMany(c => CountryCatalog.KeysOf(c).Select(k => (Key: k, Value: ValueOf(c)))).ToList();

    /// <summary>The keys with case ignored, as the Dictionary and FrozenDictionary peers hold them.</summary>
    public static readonly Dictionary<string, int> IgnoringCase =
        Keys.GroupBy(k => k.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

    public static int ValueOf(Country country) => SpecBuilder.EnumValue(country.Alpha2, country.Numeric);

    private static List<Country> PartnersOf(HashSet<int> partners)
        => CountryCatalog.Default.Countries.Where(c => partners.Contains(ValueOf(c))).ToList();
}
