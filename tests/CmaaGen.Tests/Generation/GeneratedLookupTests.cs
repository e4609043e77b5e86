using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CmaaGen.Catalog;
using CmaaGen.Parsing;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Tests.Generation;

/// <summary>The generated lookup, compiled and run: answers, culture independence and zero allocations.</summary>
public class GeneratedLookupTests
{
    /// <summary>Calls the generated API directly, so measurements see no reflection or boxing.</summary>
    private const string Probe = """
        using System;
        using Cmaa;

        public static class Probe
        {
            public static string Find(string value)
            {
                CmaaCountry country;
                return CmaaAgreements.TryGetCountry(value, out country) ? country.ToString() + "=" + ((int)country).ToString() : "-";
            }

            #if NETCOREAPP2_1_OR_GREATER
            public static string FindSpan(string value)
            {
                CmaaCountry country;
                return CmaaAgreements.TryGetCountry(value.AsSpan(), out country) ? country.ToString() : "-";
            }
            #endif

            // Every text of the length over the alphabet, in order, with one number per text: what it finds and
            // whether it has an agreement, is the owner or is covered.
            public static int[] Answers(string alphabet, int length, bool span)
            {
                int count = 1;
                for (int i = 0; i < length; i++)
                {
                    count *= alphabet.Length;
                }

                int[] answers = new int[count];
                char[] text = new char[length];
                for (int n = 0; n < count; n++)
                {
                    for (int i = 0, rest = n; i < length; i++, rest /= alphabet.Length)
                    {
                        text[i] = alphabet[rest % alphabet.Length];
                    }

                    answers[n] = span ? SpanAnswer(new string(text)) : Answer(new string(text));
                }

                return answers;
            }

            private static int Answer(string value)
            {
                CmaaCountry country;
                int found = CmaaAgreements.TryGetCountry(value, out country) ? (int)country + 1 : 0;
                return (found << 3) | (CmaaAgreements.HasAgreement(value) ? 1 : 0) | (CmaaAgreements.IsOwner(value) ? 2 : 0) | (CmaaAgreements.TryGetCoveringPartner(value, out country) ? 4 : 0);
            }

            #if NETCOREAPP2_1_OR_GREATER
            private static int SpanAnswer(string value)
            {
                CmaaCountry country;
                ReadOnlySpan<char> span = value.AsSpan();
                int found = CmaaAgreements.TryGetCountry(span, out country) ? (int)country + 1 : 0;
                return (found << 3) | (CmaaAgreements.HasAgreement(span) ? 1 : 0) | (CmaaAgreements.IsOwner(span) ? 2 : 0) | (CmaaAgreements.TryGetCoveringPartner(span, out country) ? 4 : 0);
            }
            #else
            private static int SpanAnswer(string value) => Answer(value);
            #endif

            public static bool Has(string value) => CmaaAgreements.HasAgreement(value);

            public static bool Owner(string value) => CmaaAgreements.IsOwner(value);

            public static string Covering(string value)
            {
                CmaaCountry partner;
                return CmaaAgreements.TryGetCoveringPartner(value, out partner) ? partner.ToString() : "-";
            }

            public static string Codes(int value)
            {
                CmaaCountry country = (CmaaCountry)value;
                return CmaaAgreements.GetAlpha2(country) + "|" + CmaaAgreements.GetAlpha3(country) + "|" + CmaaAgreements.GetNumeric(country) + "|" + CmaaAgreements.GetName(country);
            }

            public static string Agreement(int value)
            {
                CmaaAgreement a = CmaaAgreements.GetAgreement((CmaaCountry)value);
                return a.Signed + "|" + a.InForce + "|" + a.Status + "|" + a.Kind + "|" + a.IsInForce;
            }

            public static string[] AllAgreements()
            {
                string[] rows = new string[CmaaAgreements.All.Count];
                for (int i = 0; i < rows.Length; i++)
                {
                    CmaaAgreement a = CmaaAgreements.All[i];
                    rows[i] = string.Join("\u001F", CmaaAgreements.GetAlpha2(a.Country), a.Name, a.Signed, a.InForce, a.Status.ToString(), a.Kind.ToString(), a.Note, a.Source);
                }

                return rows;
            }

            public static bool IsDefined(int value) => CmaaAgreements.IsDefined((CmaaCountry)value);

            public static string Summary() => CmaaAgreements.All.Count + "|" + CmaaAgreements.Countries.Count + "|" + CmaaAgreements.Provenance + "|" + CmaaAgreements.Owner;

            // The first attempts may count the runtime's own work on this thread (type loading, JIT, tier-up);
            // a lookup that allocates does so in every attempt, so the least of them is the lookups' own.
            public static long AllocatedBytes(string[] inputs)
            {
                long least = long.MaxValue;
                for (int attempt = 0; attempt < 5; attempt++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    CallEveryLookup(inputs);
                    least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
                }

                return least;
            }

            private static void CallEveryLookup(string[] inputs)
            {
                CmaaCountry country;
                for (int round = 0; round < 100; round++)
                {
                    for (int i = 0; i < inputs.Length; i++)
                    {
                        if (CmaaAgreements.TryGetCountry(inputs[i], out country))
                        {
                            CmaaAgreements.GetAlpha2(country);
                            CmaaAgreements.GetAlpha3(country);
                            CmaaAgreements.GetNumeric(country);
                            CmaaAgreements.GetName(country);
                            CmaaAgreements.GetAgreement(country);
                        }

                        CmaaAgreements.HasAgreement(inputs[i]);
                        CmaaAgreements.IsOwner(inputs[i]);
                        #if NETCOREAPP2_1_OR_GREATER
                        CmaaAgreements.TryGetCountry(inputs[i].AsSpan(), out country);
                        CmaaAgreements.HasAgreement(inputs[i].AsSpan());
                        #endif
                    }
                }
            }
        }
        """;

    private static readonly Lazy<GeneratedAssembly> DefaultList = new(() => GeneratedAssembly.Build(Probe));

    /// <summary>The default list built for a target without spans (.NET Framework, .NET Standard 2.0), where text takes the string copy of the lookup code.</summary>
    private static readonly Lazy<GeneratedAssembly> WithoutSpans = new(() => GeneratedAssembly.Build(Probe, spans: false));

    private static readonly Lazy<GeneratedAssembly> SmallList = new(() => GeneratedAssembly.Build(Probe, [("/p/small.cmaa.csv", TestData.SmallList)]));

    [Theory]
    [InlineData("DE", "Germany=276")]
    [InlineData("de", "Germany=276")]
    [InlineData("DEU", "Germany=276")]
    [InlineData("deu", "Germany=276")]
    [InlineData("276", "Germany=276")]
    [InlineData("germany", "Germany=276")]
    [InlineData("Federal Republic of Germany", "Germany=276")]
    [InlineData("KR", "Korea=410")]
    [InlineData("South Korea", "Korea=410")]
    [InlineData("korea", "Korea=410")]
    [InlineData("UK", "UnitedKingdom=826")]
    [InlineData("gbr", "UnitedKingdom=826")]
    [InlineData("Great Britain", "UnitedKingdom=826")]
    [InlineData("EU", "EuropeanUnion=1124")]
    [InlineData("European Community", "EuropeanUnion=1124")]
    [InlineData("TW", "Taiwan=158")]
    [InlineData("Chinese Taipei", "Taiwan=158")]
    [InlineData("HK", "HongKong=344")]
    [InlineData("Türkiye", "Turkey=792")]
    [InlineData("TÜRKIYE", "Turkey=792")]
    [InlineData("turkiye", "Turkey=792")]
    [InlineData("Czechia", "CzechRepublic=203")]
    [InlineData("Holland", "Netherlands=528")]
    [InlineData("012", "Algeria=12")]
    [InlineData("IR", "-")]
    [InlineData("Iran", "-")]
    [InlineData("KP", "-")]
    [InlineData("North Korea", "-")]
    [InlineData("US", "-")]
    [InlineData("XX", "-")]
    [InlineData("12", "-")]
    [InlineData("D E", "-")]
    [InlineData(" DE", "-")]
    [InlineData("D\u200BE", "-")]
    [InlineData("\u0406N", "-")]
    [InlineData("\u0131n", "-")]
    [InlineData("\u0130N", "-")]
    [InlineData("", "-")]
    [InlineData(null, "-")]
    public void Finds_partners_by_code_name_and_alias(string? text, string expected)
    {
        Assert.Equal(expected, Find(text));
        if (text is not null)
        {
            Assert.Equal(expected.Split('=')[0], DefaultList.Value.Call("Probe", "FindSpan", text));
        }
    }

    private static readonly string[] CatalogKeys = CountryCatalog.Default.Countries.SelectMany(CountryCatalog.KeysOf).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Every code, name and alias of the catalogue finds the same answer however its letters are cased.</summary>
    [Fact]
    public void Every_key_is_found_in_any_case()
    {
        var wrong = new List<string>();
        foreach (var key in CatalogKeys)
        {
            var expected = Find(key);
            var alternating = new string(key.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
            foreach (var spelling in new[] { key.ToUpperInvariant(), key.ToLowerInvariant(), alternating })
            {
                if (Find(spelling) != expected || (string?)DefaultList.Value.Call("Probe", "FindSpan", spelling) != expected.Split('=')[0])
                {
                    wrong.Add(spelling + " (" + key + ")");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Contains(CatalogKeys, key => key.Length > 3 && Find(key) != "-");
    }

    /// <summary>What the lookup finds for the text, which a target without spans must find too.</summary>
    private static string Find(string? text)
    {
        var found = (string)DefaultList.Value.Call("Probe", "Find", text)!;
        Assert.Equal(found, WithoutSpans.Value.Call("Probe", "Find", text));
        return found;
    }

    /// <summary>
    /// Codes are found by the span copy of the lookup code where spans exist (for strings too) and by the string copy
    /// elsewhere. Every text of two and three characters over all of ASCII and characters that differ from a letter
    /// only in bits the code tests (a high bit, the Turkish i's, full-width forms) must get the same answers from a
    /// string and a span, and from a target without spans.
    /// </summary>
    [Fact]
    public void Strings_spans_and_targets_without_spans_answer_every_short_text_alike()
    {
        // Germany's letters with one high bit set would find Germany if the code tested only their low bits.
        var aliases = "DEUdeu".SelectMany(letter => new[] { 0x80, 0x100, 0x4000, 0x8000 }.Select(bit => (char)(letter | bit)));
        var alphabet = new string(Enumerable.Range(0, 0x80).Select(c => (char)c).Concat(aliases).ToArray())
            + "\u0130\u0131\u0141\u0430\uFF10\uFF21\uFF41\uFFFF";
        foreach (var length in new[] { 2, 3 })
        {
            var withoutSpans = (int[])WithoutSpans.Value.Call("Probe", "Answers", alphabet, length, false)!;
            var fromStrings = (int[])DefaultList.Value.Call("Probe", "Answers", alphabet, length, false)!;
            var fromSpans = (int[])DefaultList.Value.Call("Probe", "Answers", alphabet, length, true)!;

            Assert.Empty(Differences(withoutSpans, fromStrings, alphabet, length));
            Assert.Empty(Differences(withoutSpans, fromSpans, alphabet, length));
            Assert.InRange(withoutSpans.Count(answer => answer != 0), 68 * 4, withoutSpans.Length / 10);
        }
    }

    /// <summary>The first texts whose answers differ, spelt as code points.</summary>
    private static string[] Differences(int[] expected, int[] actual, string alphabet, int length)
    {
        Assert.Equal(expected.Length, actual.Length);
        return Enumerable.Range(0, expected.Length)
            .Where(n => expected[n] != actual[n])
            .Take(10)
            .Select(n => string.Join(' ', Enumerable.Range(0, length).Select(i => ((int)alphabet[n / (int)Math.Pow(alphabet.Length, i) % alphabet.Length]).ToString("X4", CultureInfo.InvariantCulture))) + ": " + expected[n] + " vs " + actual[n])
            .ToArray();
    }

    /// <summary>
    /// Case is ignored for letters only: a punctuation mark, digit or space is not its control-character twin (','
    /// and form feed differ by the case bit), and a Turkish dotted or dotless i is not an ASCII I.
    /// </summary>
    [Fact]
    public void Only_letters_change_case()
    {
        var found = new List<string>();
        foreach (var key in CatalogKeys)
        {
            for (var i = 0; i < key.Length; i++)
            {
                var c = key[i];
                var twin = c < 0x80 && !char.IsAsciiLetter(c) ? (char)(c ^ 0x20) : c is 'i' ? '\u0131' : c is 'I' ? '\u0130' : '\0';
                var changed = key[..i] + twin + key[(i + 1)..];
                if (twin != '\0' && Find(changed) != "-")
                {
                    found.Add(changed);
                }
            }
        }

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("")]
    public void Lookups_do_not_depend_on_the_current_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal("India=356", Find("in"));
            Assert.Equal("India=356", Find("india"));
            Assert.Equal("Indonesia=360", Find("idn"));
            Assert.Equal("-", Find("\u0131n"));
            Assert.Equal("-", Find("ir"));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Converts_a_partner_to_its_codes_and_name()
    {
        Assert.Equal("DE|DEU|276|Germany", DefaultList.Value.Call("Probe", "Codes", 276));
        Assert.Equal("EU|||European Union", DefaultList.Value.Call("Probe", "Codes", 1124));
        Assert.Equal("KR|KOR|410|Korea", DefaultList.Value.Call("Probe", "Codes", 410));
    }

    [Fact]
    public void Undefined_values_are_not_partners()
    {
        Assert.Equal(false, DefaultList.Value.Call("Probe", "IsDefined", 0));
        Assert.Equal(false, DefaultList.Value.Call("Probe", "IsDefined", 364));
        Assert.Equal(false, DefaultList.Value.Call("Probe", "IsDefined", 100_000));
        Assert.Equal(false, DefaultList.Value.Call("Probe", "IsDefined", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultList.Value.Call("Probe", "Codes", 364));
    }

    [Fact]
    public void Exposes_agreement_details_provenance_and_owner()
    {
        Assert.Equal("1976-09-15|1978-07-03|InForce|Bilateral|True", DefaultList.Value.Call("Probe", "Agreement", 40));
        Assert.Equal("2001-01-17|2001-01-17|InForce|Other|True", DefaultList.Value.Call("Probe", "Agreement", 158));
        Assert.Equal("68|68|U.S. CBP, as of January 2014|US", DefaultList.Value.Call("Probe", "Summary"));
        Assert.Equal(true, DefaultList.Value.Call("Probe", "Owner", "usa"));
        Assert.Equal(true, DefaultList.Value.Call("Probe", "Owner", "United States"));
        Assert.Equal(false, DefaultList.Value.Call("Probe", "Owner", "DE"));
    }

    [Fact]
    public void Has_agreement_only_for_partners_in_force()
    {
        Assert.Equal(true, SmallList.Value.Call("Probe", "Has", "de"));
        Assert.Equal(false, SmallList.Value.Call("Probe", "Has", "GB"));
        Assert.Equal(false, SmallList.Value.Call("Probe", "Has", "CI"));
        Assert.Equal(false, SmallList.Value.Call("Probe", "Has", "FR"));
        Assert.Equal("UnitedKingdom", SmallList.Value.Call("Probe", "FindSpan", "gb"));
        Assert.Equal("CoteDIvoire", SmallList.Value.Call("Probe", "FindSpan", "Ivory Coast"));
    }

    [Fact]
    public void Answers_which_agreement_covers_a_country()
    {
        Assert.Equal("EuropeanUnion", SmallList.Value.Call("Probe", "Covering", "Croatia"));
        Assert.Equal("EuropeanUnion", SmallList.Value.Call("Probe", "Covering", "ee"));
        Assert.Equal("-", SmallList.Value.Call("Probe", "Covering", "FR"));
        Assert.Equal("-", SmallList.Value.Call("Probe", "Covering", "DE"));
    }

    [Fact]
    public void Lookups_allocate_nothing()
    {
        string[] inputs = ["DE", "deu", "276", "Germany", "South Korea", "IR", "xx", "Türkiye", "not a country at all", "", "U.K."];

        Assert.Equal(0L, DefaultList.Value.Call("Probe", "AllocatedBytes", new object[] { inputs }));
        Assert.Equal(0L, WithoutSpans.Value.Call("Probe", "AllocatedBytes", new object[] { inputs }));
    }

    /// <summary>
    /// The agreements are written into one string literal and read back when the class is first used: every character
    /// the list can hold, and every status and kind, must come back as the parser read it.
    /// </summary>
    [Fact]
    public void Agreements_read_back_exactly_as_listed()
    {
        const string List = "country,name,signed,in_force,status,kind,note,source\n"
            + "DE,Germany,1990-07-03,1991,in force,bilateral,\"pipe | backslash \\ quote \"\" tab\tend \\0041\",\"line one\nline two\r\nthree\"\n"
            + "DE,Germany,1980,,terminated,non-binding,\"\u2028 \u0085 \u00e9 \ud83d\udec3 \u200b \u0001 \ud800 alone\",\n"
            + "TW,Taiwan,,,signed,other,,\n"
            + "Ivory Coast,Ivory Coast,,,,,|,\\\n";
        var parsed = AgreementListParser.Parse("/p/tricky.cmaa.csv", SourceText.From(List), CountryCatalog.Default);
        var expected = parsed.Agreements
            .Select(a => string.Join("\u001F", a.Alpha2, a.Name, a.Signed, a.InForce, a.Status.ToString(), a.Kind.ToString(), a.Note, a.Source))
            .OrderBy(row => row, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(4, expected.Count);
        Assert.Contains(expected, row => row.Contains("line one\nline two", StringComparison.Ordinal));
        Assert.Contains(expected, row => row.Contains("\ud800 alone", StringComparison.Ordinal));

        var generated = GeneratedAssembly.Build(Probe, [("/p/tricky.cmaa.csv", List)]);
        var actual = (string[])generated.Call("Probe", "AllAgreements")!;

        Assert.Equal(expected, actual.OrderBy(row => row, StringComparer.Ordinal).ToList());
    }
}
