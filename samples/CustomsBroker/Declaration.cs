using Cmaa;

namespace CustomsBroker
{
    /// <summary>An export declaration the broker files on behalf of a shipper.</summary>
    public sealed record Declaration(string Reference, string Goods, decimal Value)
    {
        /// <summary>The country whose customs administration receives the declaration.</summary>
        [CustomsDataExchange]
        public string Destination { get; init; } = "";
    }
}
