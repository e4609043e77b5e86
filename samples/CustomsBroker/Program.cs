using System;
using Cmaa;
using Contoso.CustomsSdk;
using CustomsBroker;

Console.WriteLine($"CmaaGen customs broker: {CmaaAgreements.Countries.Count} partners in \"{CmaaAgreements.Provenance}\"");
Console.WriteLine();

// The generated lookup: codes, names and aliases in any case, to the strongly typed partner.
Console.WriteLine("Lookups:");
foreach (var text in new[] { "DE", "kor", "392", "Türkiye", "Chinese Taipei", "IR", "US", "Atlantis" })
{
    if (CmaaAgreements.TryGetCountry(text, out var country))
    {
        var agreement = CmaaAgreements.GetAgreement(country);
        var signed = agreement.Signed.Length > 0 ? "signed " + agreement.Signed : "signing date not recorded";
        Console.WriteLine($"  {text,-15} {country} ({CmaaAgreements.GetAlpha2(country)}, {CmaaAgreements.GetAlpha3(country)}, {CmaaAgreements.GetNumeric(country)}): {agreement.Kind}, {signed}");
    }
    else
    {
        var why = CmaaAgreements.IsOwner(text) ? "the lists' owner: no agreement needed" : "no customs mutual assistance agreement";
        Console.WriteLine($"  {text,-15} {why}");
    }
}

// The analyzer: every country that reaches an exchange is checked at compile time.
Console.WriteLine();
Console.WriteLine("Filing:");
var gateway = new ForeignCustomsGateway();
Console.WriteLine("  " + gateway.File(new Declaration("DECL-1001", "machine parts", 12_500m) { Destination = "DE" }));
Console.WriteLine("  " + gateway.File(new Declaration("DECL-1002", "medical devices", 8_200m) { Destination = "KOR" }));
Console.WriteLine("  " + gateway.Enquire(CmaaCountry.Japan, "DECL-0977"));

// A deliberate mistake: the build warns CMAA001 here, and the gateway's run-time check refuses it.
Console.WriteLine("  " + gateway.File(new Declaration("DECL-1003", "lab equipment", 3_900m) { Destination = "IR" }));

// Through the vendor SDK, declared in CustomsDataExchangeApis.txt.
var vendor = new ExportFilingClient();
Console.WriteLine("  vendor filing " + vendor.File("GB", "<declaration ref='DECL-1004'/>"));
