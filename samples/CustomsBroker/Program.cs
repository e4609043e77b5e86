using System;
using Cmaa;

// Look a few countries up in the agreements CmaaGen generated from its default list.
Console.WriteLine($"Agreements: {CmaaAgreements.Provenance} ({CmaaAgreements.Countries.Count} partners)");
foreach (var code in new[] { "DE", "kor", "392", "Taiwan", "IR", "Atlantis" })
{
    if (CmaaAgreements.TryGetCountry(code, out var country))
    {
        var agreement = CmaaAgreements.GetAgreement(country);
        var signed = agreement.Signed.Length > 0 ? agreement.Signed : "date not recorded";
        Console.WriteLine($"  {code,-8} -> {country} ({CmaaAgreements.GetAlpha2(country)}): {agreement.Kind}, signed {signed}");
    }
    else
    {
        Console.WriteLine($"  {code,-8} -> no customs mutual assistance agreement");
    }
}
