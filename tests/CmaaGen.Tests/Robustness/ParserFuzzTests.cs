using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CmaaGen.Catalog;
using CmaaGen.Model;
using CmaaGen.Parsing;
using CmaaGen.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace CmaaGen.Tests.Robustness;

/// <summary>Property-based tests of the list parser: it never throws, loses no row and locates every problem in the file.</summary>
public class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Codes = CountryCatalog.Default.Countries.Select(c => c.Alpha2).ToArray();

    private static AgreementList Parse(string text) => AgreementListParser.Parse("/p/fuzz.cmaa.csv", SourceText.From(text), CountryCatalog.Default);

    /// <summary>Every problem lies inside the file, and its line and column agree with its offset.</summary>
    private static void AssertLocated(string text, AgreementList list)
    {
        var source = SourceText.From(text);
        foreach (var problem in list.Problems)
        {
            var location = problem.Location;
            Assert.InRange(location.Start, 0, text.Length);
            Assert.InRange(location.Start + location.Length, location.Start, text.Length);
            var lines = source.Lines.GetLinePositionSpan(location.Span);
            Assert.Equal((lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character), (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn));
        }
    }

    // Text a CSV reader finds hard: separators, quotes, line ends, comments, BOMs, invisible and look-alike letters.
    private static readonly Gen<string> CsvNoise = Gen.Char[",\"\r\n#; \tDEFRIRUSabc123-\uFEFF\u200B\u0415\u0131é"].Array[0, 200].Select(c => new string(c));

    private static readonly Gen<string> RandomBytesAsUtf8 = Gen.Byte.Array[0, 300].Select(b => Encoding.UTF8.GetString(b));

    [Fact]
    public void Random_text_never_breaks_the_parser()
        => Fuzz.Run(
            Gen.OneOf(Gen.String, CsvNoise, RandomBytesAsUtf8, CsvNoise.Select(n => "country,signed,status,covers\n" + n)),
            text => AssertLocated(text, Parse(text)),
            iterations: 4000,
            output);

    /// <summary>A valid list: distinct partners, each form of code, every column in random order and case.</summary>
    private static readonly Gen<GeneratedList> ValidLists =
        from count in Gen.Int[0, 40]
        from picks in Gen.Int[0, Codes.Length - 1].Array[count]
        from rows in Gen.Select(
            Gen.Int[0, 3], Gen.Date[new DateTime(1950, 1, 1), new DateTime(2100, 12, 31)], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 2], Gen.String[0, 30], Gen.Bool)
            .Array[count]
        from columnOrder in Gen.Shuffle(new[] { "country", "name", "signed", "in_force", "status", "kind", "note", "source" })
        from upperCaseHeader in Gen.Bool
        from lineEnd in Gen.OneOf("\n", "\r\n", "\r")
        from bom in Gen.Bool
        from comments in Gen.Bool
        select GeneratedList.Create(picks.Distinct().ToArray(), rows, columnOrder, upperCaseHeader, lineEnd, bom, comments);

    [Fact]
    public void A_valid_list_keeps_every_row_and_survives_a_round_trip()
        => Fuzz.Run(
            ValidLists,
            list =>
            {
                var parsed = Parse(list.Text);
                Assert.Empty(parsed.Problems.Select(p => p.ToString()));
                Assert.Equal(list.Expected, parsed.Agreements.Select(a => (a.Alpha2, a.Signed, a.Status, a.Note)).ToArray());

                var again = Parse(ListPrinter.Print(parsed));
                Assert.Empty(again.Problems);
                Assert.Equal(ListPrinter.Content(parsed), ListPrinter.Content(again));
            },
            iterations: 2000,
            output,
            list => list.Text);

    /// <summary>A valid list with one careless edit: a separator or quote dropped or doubled, a BOM or a line end moved, a huge cell.</summary>
    private static readonly Gen<string> MutatedLists =
        from list in ValidLists
        from kind in Gen.Int[0, 6]
        from at in Gen.Double[0, 1]
        select Mutate(list.Text, kind, at);

    [Fact]
    public void A_mutated_list_never_breaks_the_parser()
        => Fuzz.Run(MutatedLists, text => AssertLocated(text, Parse(text)), iterations: 3000, output);

    [Fact]
    public void Every_column_empty_and_headers_in_any_order_or_case()
        => Fuzz.Run(
            from order in Gen.Shuffle(new[] { "Country", "NAME", "Signed", "IN_FORCE", "in force", "Status", "kind", "Note", "SOURCE", "covers", "extra" })
            from rows in Gen.Int[1, 20]
            select string.Join(",", order) + "\n" + string.Concat(Enumerable.Repeat(new string(',', order.Length - 1) + "\n", rows)),
            text =>
            {
                var list = Parse(text);
                AssertLocated(text, list);
                Assert.All(list.Problems, p => Assert.True(p.RuleId is "CMAA101" or "CMAA102", p.RuleId));
            },
            iterations: 500,
            output);

    [Fact]
    public void Ten_thousand_rows_are_all_kept()
    {
        var text = new StringBuilder("country,signed,note\n");
        var expected = new List<(string, string)>();
        for (var i = 0; i < 10_000; i++)
        {
            var country = Codes[i % Codes.Length];
            var signed = (1900 + (i / Codes.Length)).ToString() + "-" + ((i % 12) + 1).ToString("D2");
            text.Append(country).Append(',').Append(signed).Append(",\"row ").Append(i).Append(", quoted\"\n");
            expected.Add((country, signed));
        }

        var list = Parse(text.ToString());

        Assert.Empty(list.Problems);
        Assert.Equal(expected, list.Agreements.Select(a => (a.Alpha2, a.Signed)));
        Assert.Empty(AgreementSet.Merge([list]).Problems);
    }

    private static string Mutate(string text, int kind, double at)
    {
        var position = (int)(at * text.Length);
        return kind switch
        {
            0 => Remove(text, ',', position),
            1 => text.Insert(position, ","),
            2 => Remove(text, '"', position),
            3 => text.Insert(position, "\""),
            4 => text.Insert(position, "\uFEFF"),
            5 => text.Replace("\n", position % 2 == 0 ? "\r" : "\r\n"),
            _ => text.Insert(position, new string('x', 100_000)),
        };
    }

    private static string Remove(string text, char c, int from)
    {
        var index = text.IndexOf(c, Math.Min(from, text.Length));
        return index < 0 ? text : text.Remove(index, 1);
    }

    internal sealed record GeneratedList(string Text, (string Alpha2, string Signed, AgreementStatus Status, string Note)[] Expected)
    {
        public static GeneratedList Create(
            int[] picks,
            (int Form, DateTime Signed, int Precision, int Status, int Kind, string Note, bool EmptyDate)[] rows,
            string[] columns,
            bool upperCaseHeader,
            string lineEnd,
            bool bom,
            bool comments)
        {
            var text = new StringBuilder(bom ? "\uFEFF" : "");
            text.Append(string.Join(",", columns.Select(c => upperCaseHeader ? c.ToUpperInvariant() : c))).Append(lineEnd);
            var expected = new List<(string, string, AgreementStatus, string)>();
            for (var i = 0; i < picks.Length; i++)
            {
                var country = CountryCatalog.Default.FindByAlpha2(Codes[picks[i]])!;
                var row = rows[i];
                var signed = row.EmptyDate ? "" : row.Precision switch
                {
                    0 => row.Signed.ToString("yyyy"),
                    1 => row.Signed.ToString("yyyy-MM"),
                    _ => row.Signed.ToString("yyyy-MM-dd"),
                };
                var status = (AgreementStatus)(row.Status % 3);
                var statusText = row.Status switch { 0 => "in force", 1 => "Signed", 2 => "terminated", _ => "" };
                if (statusText.Length == 0)
                {
                    status = AgreementStatus.InForce;
                }

                var form = row.Form switch
                {
                    0 => country.Alpha2.ToLowerInvariant(),
                    1 when country.Alpha3.Length > 0 => country.Alpha3,
                    2 when country.Numeric.Length > 0 => country.Numeric,
                    _ => country.Name,
                };
                var note = row.Note.Trim();
                var cells = new Dictionary<string, string>
                {
                    ["country"] = Quote(form),
                    ["name"] = "",
                    ["signed"] = signed,
                    ["in_force"] = "",
                    ["status"] = Quote(statusText),
                    ["kind"] = new[] { "bilateral", "other", "non-binding" }[row.Kind],
                    ["note"] = Quote(note),
                    ["source"] = "https://example.org/" + i,
                };
                if (comments && i % 3 == 0)
                {
                    text.Append("# row ").Append(i).Append(lineEnd);
                }

                text.Append(string.Join(",", columns.Select(c => cells[c]))).Append(lineEnd);
                expected.Add((country.Alpha2, signed, status, note));
            }

            return new GeneratedList(text.ToString(), expected.ToArray());
        }

        private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
