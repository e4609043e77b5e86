using System.Linq;
using CmaaGen.Model;
using static CmaaGen.Tests.Parsing.ListParsing;

namespace CmaaGen.Tests.Parsing;

public class AgreementListParserTests
{
    [Fact]
    public void Reads_rows_with_every_column()
    {
        var list = Parse("""
            # provenance: Example customs, 2024
            # owner: US
            country,name,signed,in_force,status,kind,note,source
            DE,Germany,1990,1991-03,in force,bilateral,"A note, with a comma",https://example.org/de
            TW,Taiwan,2001-01-17,2001-01-17,in force,other,,
            """);

        Assert.Empty(list.Problems);
        Assert.Equal("US", list.Owner);
        Assert.Equal("Example customs, 2024", list.Provenance);
        Assert.Collection(
            list.Agreements,
            de =>
            {
                Assert.Equal(("DE", "DEU", "276", "Germany"), (de.Alpha2, de.Alpha3, de.Numeric, de.Name));
                Assert.Equal(("1990", "1991-03"), (de.Signed, de.InForce));
                Assert.Equal((AgreementStatus.InForce, AgreementKind.Bilateral), (de.Status, de.Kind));
                Assert.Equal("A note, with a comma", de.Note);
                Assert.Equal("https://example.org/de", de.Source);
                Assert.Equal(3, de.Location.StartLine);
            },
            tw => Assert.Equal((AgreementKind.Other, "Taiwan"), (tw.Kind, tw.Name)));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("DEU")]
    [InlineData("deu")]
    [InlineData("276")]
    [InlineData("Germany")]
    [InlineData("GERMANY")]
    [InlineData("Federal Republic of Germany")]
    public void The_country_cell_accepts_codes_names_and_aliases_in_any_case(string cell)
    {
        var list = Parse("country\n" + cell + "\n");

        Assert.Empty(list.Problems);
        Assert.Equal("DE", Assert.Single(list.Agreements).Alpha2);
    }

    [Theory]
    [InlineData("Korea", "KR")]
    [InlineData("South Korea", "KR")]
    [InlineData("North Korea", "KP")]
    [InlineData("NA", "NA")]
    [InlineData("Namibia", "NA")]
    [InlineData("UK", "GB")]
    [InlineData("EU", "EU")]
    [InlineData("EC", "EC")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("China", "CN")]
    public void Special_cases_resolve_to_the_right_country(string cell, string alpha2)
        => Assert.Equal(alpha2, Assert.Single(Parse("country\n" + cell + "\n").Agreements).Alpha2);

    [Fact]
    public void Name_defaults_to_the_catalogue_name()
        => Assert.Equal("South Korea", Assert.Single(Parse("country\nKR\n").Agreements).Name);

    [Fact]
    public void Unknown_columns_and_comments_are_ignored_and_bom_and_crlf_are_accepted()
    {
        var list = Parse("\uFEFF# a comment\r\ncountry,date_confidence,Signed\r\n\r\n# another\r\nFR,press,1990\r\n");

        Assert.Empty(list.Problems);
        var agreement = Assert.Single(list.Agreements);
        Assert.Equal(("FR", "1990"), (agreement.Alpha2, agreement.Signed));
    }

    [Theory]
    [InlineData("In Force", "InForce")]
    [InlineData("in_force", "InForce")]
    [InlineData("signed", "Signed")]
    [InlineData("signed, not in force", "Signed")]
    [InlineData("signed, not yet in force", "Signed")]
    [InlineData("terminated", "Terminated")]
    [InlineData("", "InForce")]
    public void Status_words(string status, string expected)
        => Assert.Equal(expected, Assert.Single(Parse("country,status\nDE,\"" + status + "\"\n").Agreements).Status.ToString());

    [Fact]
    public void Missing_header_when_the_file_has_no_rows()
    {
        var list = Parse("# only a comment\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA101", problem.RuleId);
        Assert.Contains("no rows", Message(problem));
    }

    [Fact]
    public void Missing_header_when_the_first_row_is_data()
    {
        var list = Parse("DE,1990\nFR,1991\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA101@1:0-1:7", Where(problem));
        Assert.Contains("starts with Germany (DE)", Message(problem));
        Assert.Empty(list.Agreements);
    }

    [Fact]
    public void Missing_country_column()
    {
        var list = Parse("code,signed\nDE,1990\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA101@1:0-1:11", Where(problem));
        Assert.Contains("no 'country' column", Message(problem));
    }

    [Fact]
    public void A_column_named_twice()
    {
        var problem = Assert.Single(Parse("country,signed,Signed\nDE,1990,1991\n").Problems);

        Assert.Equal("CMAA101@1:15-1:21", Where(problem));
        Assert.Contains("appears twice", Message(problem));
    }

    [Fact]
    public void Empty_country_cell()
    {
        var list = Parse("signed,country\n1990,\n1991,DE\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA102@2:0-2:5", Where(problem));
        Assert.Equal("DE", Assert.Single(list.Agreements).Alpha2);
    }

    [Fact]
    public void Unknown_country_with_a_suggestion()
    {
        var list = Parse("country\nDE\nGER\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA103@3:0-3:3", Where(problem));
        Assert.StartsWith("'GER' is not a recognised country code or name; did you mean DE (Germany)", Message(problem));
        Assert.Single(list.Agreements);
    }

    [Fact]
    public void Unknown_country_misspelt()
        => Assert.Contains("did you mean CH (Switzerland)", Message(Assert.Single(Parse("country\nSwitzerlnd\n").Problems)));

    [Fact]
    public void Duplicate_entry_points_at_the_first_one()
    {
        var set = Merge(("/p/a.cmaa.csv", "country,signed\nDE,1990\nFR,\nDEU,1990\n"));

        var problem = Assert.Single(set.Problems);
        Assert.Equal("CMAA104@4:0-4:8", Where(problem));
        Assert.Equal(1, problem.Related!.StartLine);
        Assert.Contains("first entry is in a.cmaa.csv line 2", Message(problem));
        Assert.Equal(2, set.Agreements.Count);
    }

    [Fact]
    public void Duplicate_entries_across_files_are_reported_in_the_later_file()
    {
        var set = Merge(("/p/b.cmaa.csv", "country\nFR\n"), ("/p/a.cmaa.csv", "country\nFR\n"));

        var problem = Assert.Single(set.Problems);
        Assert.Equal("/p/b.cmaa.csv", problem.Location.Path);
        Assert.Equal("/p/a.cmaa.csv", problem.Related!.Path);
    }

    [Fact]
    public void A_second_agreement_with_the_same_partner_is_kept_when_signed_on_another_date()
    {
        var set = Merge(("/p/a.cmaa.csv", "country,signed,status\nUA,,\nUA,2016-05-23,signed\n"));

        Assert.Empty(set.Problems);
        Assert.Equal(2, set.Agreements.Count);
        Assert.Equal(AgreementStatus.InForce, Assert.Single(set.Governing()).Status);
    }

    [Theory]
    [InlineData("country,signed,status\nUA,2010-01-01,signed\nUA,2016-05-23,signed\nUA,,signed\n")]
    [InlineData("country,signed,status\nUA,,in force\nUA,2016-05-23,in force\nUA,2010,in force\nUA,2020,terminated\n")]
    public void Among_agreements_of_the_same_status_the_most_recently_signed_governs(string list)
    {
        var set = Merge(("/p/a.cmaa.csv", list));

        Assert.Empty(set.Problems);
        Assert.Equal("2016-05-23", Assert.Single(set.Governing()).Signed);
    }

    [Theory]
    [InlineData("1990-1-1", "write it as YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("01/02/1990", "write it as YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("1990-13", "the month must be between 01 and 12")]
    [InlineData("2023-02-29", "day 29 does not exist in 2023-02")]
    [InlineData("1850", "the year must be between 1900 and 2199")]
    public void Malformed_dates(string date, string reason)
    {
        var list = Parse("country,signed\nDE," + date + "\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal($"CMAA105@2:3-2:{3 + date.Length}", Where(problem));
        Assert.Equal($"'{date}' is not a valid date: {reason}", Message(problem));
        Assert.Equal(string.Empty, Assert.Single(list.Agreements).Signed);
    }

    [Fact]
    public void Entry_into_force_before_signing()
    {
        var problem = Assert.Single(Parse("country,signed,in_force\nDE,1991-05,1990\n").Problems);

        Assert.Equal("CMAA105@2:11-2:15", Where(problem));
        Assert.Contains("before it is signed (1991-05)", Message(problem));
    }

    [Fact]
    public void Leap_day_is_a_valid_date()
        => Assert.Empty(Parse("country,signed\nDE,2024-02-29\n").Problems);

    [Fact]
    public void Unknown_status_is_reported_and_treated_as_not_in_force()
    {
        var list = Parse("country,status\nDE,suspended\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA106@2:3-2:12", Where(problem));
        Assert.Contains("'in force', 'signed', 'signed, not in force' or 'terminated'", Message(problem));
        Assert.Equal(AgreementStatus.Signed, Assert.Single(list.Agreements).Status);
    }

    [Fact]
    public void Unknown_kind()
    {
        var problem = Assert.Single(Parse("country,kind\nDE,treaty\n").Problems);

        Assert.Equal("CMAA107@2:3-2:9", Where(problem));
        Assert.Contains("'bilateral', 'other' or 'non-binding'", Message(problem));
    }

    [Fact]
    public void Zero_width_space_in_a_code()
    {
        var list = Parse("country\nD\u200BE\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA108@2:0-2:3", Where(problem));
        Assert.Equal("'D\\u200BE' contains the invisible character U+200B ZERO WIDTH SPACE; did you mean DE (Germany)?", Message(problem));
        Assert.Empty(list.Agreements);
    }

    [Fact]
    public void Cyrillic_letter_in_a_code()
    {
        var problem = Assert.Single(Parse("country\n\u0406R\n").Problems);

        Assert.Equal("CMAA108", problem.RuleId);
        Assert.Contains("U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I, which looks like the ASCII letter 'I'", Message(problem));
        Assert.Contains("did you mean IR (Iran)", Message(problem));
    }

    [Fact]
    public void Turkish_dotless_i_is_not_an_i()
    {
        var problem = Assert.Single(Parse("country\n\u0131r\n").Problems);

        Assert.Equal("CMAA108", problem.RuleId);
        Assert.Contains("DOTLESS I", Message(problem));
    }

    [Fact]
    public void Unterminated_quote_does_not_swallow_later_rows()
    {
        var list = Parse("country,note\nDE,\"open\nFR,fine\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA109@2:3-2:4", Where(problem));
        Assert.Equal(["DE", "FR"], list.Agreements.Select(a => a.Alpha2));
    }

    [Fact]
    public void Text_after_a_closing_quote()
    {
        var problem = Assert.Single(Parse("country,note\nDE,\"a\"b\n").Problems);

        Assert.Equal("CMAA109@2:6-2:7", Where(problem));
    }

    [Fact]
    public void More_cells_than_the_header()
    {
        var list = Parse("country,note\nDE,one,two,three\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA109@2:7-2:16", Where(problem));
        Assert.Single(list.Agreements);
    }

    [Fact]
    public void Unknown_owner()
    {
        var problem = Assert.Single(Parse("# owner: Atlantis\ncountry\nDE\n").Problems);

        Assert.Equal("CMAA103@1:9-1:17", Where(problem));
    }

    [Fact]
    public void A_list_over_the_size_limit_is_refused_with_a_diagnostic()
    {
        var text = "country,note\n" + string.Concat(Enumerable.Repeat("DE," + new string('x', 1000) + "\n", 4300));

        var list = Parse(text);

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA112@1:0-1:0", Where(problem));
        Assert.Empty(list.Agreements);
    }

    [Fact]
    public void Problems_are_ordered_by_position()
    {
        var list = Parse("country,signed,kind\nXX,1990,treaty\nDE,19,\n");

        Assert.Equal(["CMAA103@2:0-2:2", "CMAA105@3:3-3:5"], list.Problems.Select(Where));
    }

    [Fact]
    public void Lists_with_different_owners_are_reported_in_the_later_file()
    {
        var set = Merge(("/p/b.cmaa.csv", "# owner: GB\ncountry\nFR\n"), ("/p/a.cmaa.csv", "# owner: US\ncountry\nDE\n"), ("/p/c.cmaa.csv", "country\nIT\n"));

        var problem = Assert.Single(set.Problems);
        Assert.Equal("CMAA111@1:9-1:11", Where(problem));
        Assert.Equal("/p/b.cmaa.csv", problem.Location.Path);
        Assert.Equal("/p/a.cmaa.csv", problem.Related!.Path);
        Assert.Equal("This list's owner GB differs from the owner US declared in a.cmaa.csv", Message(problem));
        Assert.Equal("US", set.Owner);
        Assert.Equal(3, set.Agreements.Count);
    }

    [Fact]
    public void Two_owner_lines_in_one_file_that_disagree()
        => Assert.Equal("CMAA111", Assert.Single(Parse("# owner: US\n# owner: Canada\ncountry\nDE\n").Problems).RuleId);

    [Fact]
    public void The_owner_may_be_named_by_any_form_and_lists_without_one_merge_freely()
    {
        var set = Merge(("/p/a.cmaa.csv", "# owner: united states of america\ncountry\nDE\n"), ("/p/b.cmaa.csv", "# owner: usa\ncountry\nFR\n"), ("/p/c.cmaa.csv", "country\nIT\n"));

        Assert.Empty(set.Problems);
        Assert.Equal("US", set.Owner);
    }

    [Fact]
    public void Covers_lists_countries_and_reports_unknown_ones_at_their_place_in_the_cell()
    {
        var list = Parse("country,covers\nEU,HR; Estonia ;XX;LU\n");

        var problem = Assert.Single(list.Problems);
        Assert.Equal("CMAA103@2:16-2:18", Where(problem));
        Assert.Equal(["EE", "HR", "LU"], Assert.Single(list.Agreements).Covers);
    }

    [Fact]
    public void Coverage_never_overrides_a_countrys_own_agreement_or_the_owner()
    {
        var set = Merge(("/p/a.cmaa.csv", "# owner: US\ncountry,covers\nEU,DE;HR;US\nDE,\n"));

        Assert.Equal([new CoverageEntry("HR", "EU")], set.Coverage().ToArray());
    }
}
