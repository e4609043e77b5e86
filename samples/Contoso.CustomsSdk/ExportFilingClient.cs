namespace Contoso.CustomsSdk
{
    /// <summary>The vendor's client for filing export declarations with a foreign customs administration.</summary>
    public sealed class ExportFilingClient
    {
        /// <summary>Files a declaration with the customs administration of <paramref name="destination"/>.</summary>
        /// <returns>The vendor's filing reference.</returns>
        public string File(string destination, string declarationXml)
            => "CSDK-" + destination.ToUpperInvariant() + "-" + (declarationXml.Length % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
    }
}
