using System;
using CmaaGen.Catalog;
using CmaaGen.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Model
{
    /// <summary>
    /// The default list embedded in the analyzer assembly (<c>data/us-cbp-2014.cmaa.csv</c>), used when
    /// a project has no <c>*.cmaa.csv</c> file of its own. Parsed once per process.
    /// </summary>
    internal static class DefaultAgreements
    {
        public const string ResourceName = "CmaaGen.default.cmaa.csv";

        private static readonly Lazy<AgreementSet> LazySet = new(Load);

        public static AgreementSet Set => LazySet.Value;

        private static AgreementSet Load()
        {
            var list = AgreementListParser.Parse("us-cbp-2014.cmaa.csv", SourceText.From(EmbeddedText.Read(ResourceName, "default agreement list")), CountryCatalog.Default);
            return AgreementSet.Merge([list]);
        }
    }
}
