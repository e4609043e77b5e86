using System;
using Cmaa;
using Contoso.CustomsSdk;

namespace CustomsBroker
{
    /// <summary>Sends declarations and enquiries to foreign customs administrations.</summary>
    internal sealed class ForeignCustomsGateway
    {
        private readonly ExportFilingClient _vendor = new();

        /// <summary>Files a declaration through the vendor SDK, after checking the agreement at run time too.</summary>
        public string File(Declaration declaration)
        {
            if (!CmaaAgreements.HasAgreement(declaration.Destination))
            {
                return $"refused {declaration.Reference}: no customs mutual assistance agreement in force with '{declaration.Destination}'";
            }

            var filing = _vendor.File(declaration.Destination, $"<declaration ref='{declaration.Reference}' goods='{declaration.Goods}'/>");
            return $"filed {declaration.Reference} with {CmaaAgreements.GetName(Partner(declaration.Destination))}: {filing}";
        }

        /// <summary>Asks a partner administration about a shipment (typed: only partners compile).</summary>
        public string Enquire(CmaaCountry partner, string shipment)
            => $"enquiry about {shipment} sent to {CmaaAgreements.GetName(partner)} ({CmaaAgreements.GetAgreement(partner).Kind} agreement)";

        /// <summary>Asks an administration named by code about a shipment.</summary>
        public string Enquire([CustomsDataExchange] string country, string shipment)
            => CmaaAgreements.TryGetCountry(country, out var partner) ? Enquire(partner, shipment) : $"no enquiry to '{country}'";

        private static CmaaCountry Partner(string code)
            => CmaaAgreements.TryGetCountry(code, out var partner) ? partner : throw new ArgumentException("Not a partner: " + code, nameof(code));
    }
}
