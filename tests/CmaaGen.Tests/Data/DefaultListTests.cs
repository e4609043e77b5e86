using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CmaaGen.Catalog;
using CmaaGen.Model;
using CmaaGen.Parsing;
using CmaaGen.Tests.Infrastructure;
using static CmaaGen.Tests.Parsing.ListParsing;

namespace CmaaGen.Tests.Data;

/// <summary>The shipped lists against their sources: CBP's page (data/sources) and the dated reference rows.</summary>
public class DefaultListTests
{
    private const string DefaultFile = "us-cbp-2014.cmaa.csv";

    /// <summary>The 67 numbered entries of CBP's page and its one "other" agreement (AIT-TECRO).</summary>
    private static List<string> SeedEntries()
    {
        var page = TestData.Read("sources/cbp-cmaa-as-of-2014-01.txt");
        var table = string.Join("\n", page.Split('\n').Where(l => l.StartsWith('|')));
        var numbered = Regex.Matches(table, @"(\d+)\.\s+([^|\n]+?)\s*(?=\||$)", RegexOptions.Multiline)
            .Select(m => (Number: int.Parse(m.Groups[1].Value), Name: m.Groups[2].Value.TrimEnd(',', ' ')))
            .OrderBy(e => e.Number)
            .ToList();
        Assert.Equal(Enumerable.Range(1, 67), numbered.Select(e => e.Number));
        Assert.Contains("American Institute in Taiwan (AIT)", page);
        return numbered.Select(e => e.Name).Append("American Institute in Taiwan (AIT) - Taipei Economic and Cultural Representative Office (TECRO)").ToList();
    }

    private static List<Dictionary<string, string>> Rows(string file)
    {
        var records = CsvReader.Read(TestData.Read(file), []).Where(r => !r.IsComment).ToList();
        var header = records[0].Fields.Select(f => f.Value).ToList();
        return records.Skip(1)
            .Select(r => header.Select((h, i) => (h, v: i < r.Fields.Count ? r.Fields[i].Value : "")).ToDictionary(p => p.h, p => p.v))
            .ToList();
    }

    [Fact]
    public void Holds_exactly_the_68_entries_of_the_CBP_list()
    {
        var seed = SeedEntries();
        var rows = Rows(DefaultFile);

        Assert.Equal(68, seed.Count);
        Assert.Equal(seed, rows.Select(r => r["cbp_name"]));
        Assert.Equal(68, DefaultAgreements.Set.Agreements.Count);
        Assert.Equal(68, DefaultAgreements.Set.Governing().Length);
    }

    [Fact]
    public void Each_CBP_name_maps_to_its_ISO_code()
    {
        foreach (var row in Rows(DefaultFile))
        {
            var name = row["cbp_name"];
            var expected = name switch
            {
                "European Community" => "EU",
                var n when n.StartsWith("American Institute in Taiwan") => "TW",
                var n => CountryCatalog.Default.TryFind(n, out var country) ? country.Alpha2 : "unknown " + n,
            };
            Assert.Equal(expected, row["country"]);
        }
    }

    [Fact]
    public void Parses_without_problems_with_owner_and_provenance()
    {
        var set = DefaultAgreements.Set;

        Assert.Empty(set.Problems);
        Assert.Equal("US", set.Owner);
        Assert.Equal("U.S. CBP, as of January 2014", set.Provenance);
        Assert.Equal(AgreementKind.Other, set.Agreements.Single(a => a.Alpha2 == "TW").Kind);
        Assert.All(set.Agreements.Where(a => a.Alpha2 != "TW"), a => Assert.Equal(AgreementKind.Bilateral, a.Kind));
        Assert.All(set.Agreements, a => Assert.Equal(AgreementStatus.InForce, a.Status));
    }

    [Theory]
    [InlineData(DefaultFile)]
    [InlineData("us-cbp-since-2014.cmaa.csv")]
    public void Every_date_carries_its_source(string file)
    {
        foreach (var row in Rows(file))
        {
            if (row["signed"].Length > 0 || row["in_force"].Length > 0)
            {
                Assert.False(string.IsNullOrWhiteSpace(row["source"]), row["country"] + " has a date without a source");
            }
        }
    }

    [Fact]
    public void Known_dates_are_carried_over()
    {
        var byCountry = DefaultAgreements.Set.Agreements.ToDictionary(a => a.Alpha2);

        Assert.Equal(("1976-09-15", "1978-07-03"), (byCountry["AT"].Signed, byCountry["AT"].InForce));
        Assert.Equal(("2000-11-06", "2004-04-01"), (byCountry["BG"].Signed, byCountry["BG"].InForce));
        Assert.Equal(("1997-05-28", "1997-08-01"), (byCountry["EU"].Signed, byCountry["EU"].InForce));
        Assert.Equal(("2010-11", ""), (byCountry["BH"].Signed, byCountry["BH"].InForce));
        Assert.Equal(("", ""), (byCountry["DZ"].Signed, byCountry["DZ"].InForce));
    }

    [Fact]
    public void The_additions_parse_and_merge_with_the_default_list()
    {
        var set = Merge(("/d/" + DefaultFile, TestData.Read(DefaultFile)), ("/d/us-cbp-since-2014.cmaa.csv", TestData.Read("us-cbp-since-2014.cmaa.csv")));

        Assert.Empty(set.Problems);
        Assert.Equal(68 + 14, set.Agreements.Count);
        Assert.Equal(68 + 11, set.Governing().Length);
        var governing = set.Governing().ToDictionary(a => a.Alpha2);
        Assert.Equal(AgreementStatus.InForce, governing["GB"].Status);
        Assert.Equal(AgreementStatus.InForce, governing["UY"].Status);
        Assert.Equal(AgreementStatus.Signed, governing["UZ"].Status);
        Assert.Equal(AgreementStatus.Signed, governing["CV"].Status);
        Assert.Equal(("2024-09-13", ""), (governing["UZ"].Signed, governing["UZ"].InForce));
        Assert.Equal(("", ""), (governing["BO"].Signed, governing["BO"].InForce));
    }
}
