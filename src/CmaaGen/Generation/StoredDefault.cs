using System.IO;
using System.Text;

namespace CmaaGen.Generation
{
    /// <summary>
    /// The default list's two generated files for a project that sets nothing, stored in the assembly as the emitter
    /// writes them (<c>Generation/Stored</c>, held to the emitter's output by <c>GeneratorSnapshotTests</c>). Such a
    /// project gets them without the list being parsed or the code emitted: in a new compiler process that is the
    /// JIT of about 260 methods, most of the generator's cold cost. Any other settings or list take the emitter.
    /// </summary>
    internal static class StoredDefault
    {
        /// <summary>Stands for the generator's version in the stored files, which do not change with each release.</summary>
        public const string VersionToken = "VERSION";

        private static readonly GeneratorOptions Options = new(GeneratorOptions.DefaultNamespace, string.Empty);

        /// <summary>Whether the stored files are what the emitter would write for the default list with these settings.</summary>
        public static bool Fits(GeneratorSettings settings, bool embedded)
            => embedded && settings.Language.NullableAnnotations && settings.Options == Options;

        public static string CountryEnum(string version) => Read(AgreementsEmitter.CountryHintName, version);

        public static string Agreements(string version) => Read(AgreementsEmitter.AgreementsHintName, version);

        /// <summary>The generated text with its version written as <see cref="VersionToken"/>, as the stored files hold it.</summary>
        public static string WithoutVersion(string generated, string version)
            => generated.Replace(Header(version), Header(VersionToken)).Replace(Attribute(version), Attribute(VersionToken));

        private static string Read(string hintName, string version)
        {
            using var stream = typeof(StoredDefault).Assembly.GetManifestResourceStream("CmaaGen.Stored." + hintName)
                ?? throw new InvalidDataException("The stored " + hintName + " is not embedded in the analyzer assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().Replace(Header(VersionToken), Header(version)).Replace(Attribute(VersionToken), Attribute(version));
        }

        // The two places the emitter writes the version: the header comment and [GeneratedCode].
        private static string Header(string version) => "CmaaGen " + version;

        private static string Attribute(string version) => "\"CmaaGen\", \"" + version + "\"";
    }
}
