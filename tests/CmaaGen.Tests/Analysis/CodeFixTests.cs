using System.Threading.Tasks;
using CmaaGen.CodeFixes;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Analysis;

/// <summary>The code fixes, one diagnostic at a time and with Fix All.</summary>
public class CodeFixTests
{
    private const string Gateway = """
        using Cmaa;

        internal class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
            public void Route([CustomsDataExchange] string country, int priority) { }
            public void Route(CmaaCountry country, int priority) { }
        }

        """;

    [Fact]
    public async Task Replaces_an_unknown_country_with_the_suggested_code()
        => await new CodeFixTest<ReplaceUnknownCountryFix>(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send({|CMAA002:"Germny"|});
                    g.Send({|CMAA002:@" DE"|});
                    g.Send({|CMAA002:"I R"|});
                }
            }
            """,
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send("DE");
                    g.Send("DE");
                    g.Send({|CMAA001:"IR"|});
                }
            }
            """).VerifyAsync();

    /// <summary>
    /// "Fermany" is one edit from Germany but begins with another letter, and "XX" is one from Kosovo: the message
    /// suggests them, but Fix All and
    /// <c>dotnet format</c> would send the data to a country nobody chose, so no replacement is offered.
    /// </summary>
    [Fact]
    public async Task Offers_no_replacement_when_the_country_meant_is_not_certain()
    {
        var test = new CodeFixTest<ReplaceUnknownCountryFix>(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send({|CMAA002:"Fermany"|});
                    g.Send({|CMAA002:"XX"|});
                    g.Send({|CMAA002:"Brasil"|});
                }
            }
            """,
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send({|CMAA002:"Fermany"|});
                    g.Send({|CMAA002:"XX"|});
                    g.Send("BR");
                }
            }
            """);

        // The fixed text keeps the two diagnostics the fix leaves, which the library would otherwise ignore as fixable.
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Replaces_the_constant_where_a_local_got_it()
        => await new CodeFixTest<ReplaceUnknownCountryFix>(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var country = "FRA ";
                    g.Send({|CMAA002:country|});
                }
            }
            """,
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var country = "FR";
                    g.Send(country);
                }
            }
            """).VerifyAsync();

    /// <summary>The fix rewrites the argument an object was made with, where the exchange reads the object's member.</summary>
    [Fact]
    public async Task Replaces_the_constant_an_object_was_made_with()
        => await new CodeFixTest<ReplaceUnknownCountryFix>(
            Gateway + """
            record Shipment(string Reference, string Destination);

            class C
            {
                void M(Gateway g)
                {
                    var shipment = new Shipment("1", "Germny");
                    g.Send({|CMAA002:shipment.Destination|});
                }
            }
            """,
            Gateway + """
            record Shipment(string Reference, string Destination);

            class C
            {
                void M(Gateway g)
                {
                    var shipment = new Shipment("1", "DE");
                    g.Send(shipment.Destination);
                }
            }
            """).VerifyAsync();

    /// <summary>
    /// The fix rewrites the string the value was written as, also where the exchange reads it in an interpolation
    /// (<c>$"{country}"</c>), not the interpolation. A part of a string, such as a split's or a trim's, is not the string written,
    /// so it gets no fix: rewriting the whole string would drop the other parts.
    /// </summary>
    [Fact]
    public async Task Replaces_the_written_constant_and_never_a_part_of_one()
    {
        var test = new CodeFixTest<ReplaceUnknownCountryFix>(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var country = "Germny";
                    g.Send({|CMAA002:$"{country}"|});
                    foreach (var code in "DE,Germny".Split(','))
                    {
                        g.Send({|CMAA002:code|});
                    }

                    g.Send({|CMAA002:" Germny ".Trim()|});
                }
            }
            """,
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var country = "DE";
                    g.Send($"{country}");
                    foreach (var code in "DE,Germny".Split(','))
                    {
                        g.Send({|CMAA002:code|});
                    }

                    g.Send({|CMAA002:" Germny ".Trim()|});
                }
            }
            """);

        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Uses_the_CmaaCountry_overload()
        => await new CodeFixTest<UseCountryEnumFix>(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Route({|CMAA006:"DE"|}, 1);
                    g.Route({|CMAA006:"kor"|}, 2);
                    g.Send("DE");
                }
            }
            """,
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Route(CmaaCountry.Germany, 1);
                    g.Route(CmaaCountry.Korea, 2);
                    g.Send("DE");
                }
            }
            """).VerifyAsync();
}
