using System.Linq;
using CmaaGen.Generation;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Generation;

/// <summary>Parts of the emitted text that the snapshot lists do not reach.</summary>
public class AgreementsEmitterTests
{
    [Fact]
    public void A_partner_with_several_agreements_has_each_in_its_remarks_with_its_kind_and_status()
    {
        var result = GeneratorHarness.Run([("/p/partners.cmaa.csv", """
            country,signed,in_force,status,kind,note,source
            DE,1990-07-03,1991,in force,bilateral,First <note>,https://example.org/1
            DE,2015-01-02,,signed,non-binding,,
            FR,1999,,,,,
            """)]);

        Assert.Empty(result.GeneratorDiagnostics);
        var germany = result.Source(AgreementsEmitter.CountryHintName).Split('\n')
            .SkipWhile(l => !l.Contains("/// Germany (DE, DEU, 276)", System.StringComparison.Ordinal))
            .TakeWhile(l => !l.Contains("Germany = 276,", System.StringComparison.Ordinal))
            .Select(l => l.Trim());
        Assert.Equal(
            [
                "/// Germany (DE, DEU, 276): bilateral customs mutual assistance agreement, in force.",
                "/// </summary>",
                "/// <remarks>",
                "/// <para>Bilateral customs mutual assistance agreement, in force: Signed 1990-07-03; in force since 1991. First &lt;note&gt;. Source: https://example.org/1</para>",
                "/// <para>Non-binding customs mutual assistance arrangement, signed, not in force: Signed 2015-01-02; entry into force not recorded.</para>",
                "/// </remarks>",
            ],
            germany);
        Assert.Contains("/// <para>Signed 1999; entry into force not recorded.</para>", result.Source(AgreementsEmitter.CountryHintName));
    }
}
