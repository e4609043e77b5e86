using CmaaGen.Model;

namespace CmaaGen.Catalog
{
    /// <summary>
    /// A country of the catalogue: ISO 3166-1 codes (alpha-3 and numeric are empty for EU and XK),
    /// an English short name and the other names people write for it.
    /// </summary>
    internal sealed record Country(
        string Alpha2, string Alpha3, string Numeric, string Name, EquatableArray<string> Aliases, string Note)
    {
        /// <summary>"Iran (IR)": how messages name a country.</summary>
        public string Display => Name + " (" + Alpha2 + ")";
    }
}
