using System.IO;
using System.Text;

namespace CmaaGen.Generation
{
    /// <summary>
    /// The default list's two generated files for a project that sets nothing, stored in the assembly as the emitter
    /// writes them (<c>Generation/Stored</c>, held to the emitter's output by <c>GeneratorSnapshotTests</c>). Such a
    /// project gets them without the list being parsed or the code emitted: in a new compiler process that is the
    /// JIT of about 260 methods, most of the generator's cold cost. A compiler without <c>[Embedded]</c> (older than
    /// Roslyn 4.14: the .NET 8 SDK, Visual Studio before 17.14) gets them without its lines, the one difference the
    /// emitter makes for it. Any other settings, C# before 8 or a list of the project's own take the emitter.
    /// </summary>
    internal static class StoredDefault
    {
        /// <summary>Stands for the generator's version in the stored files, which do not change with each release.</summary>
        public const string VersionToken = "VERSION";

        private static readonly GeneratorOptions Options = new(GeneratorOptions.DefaultNamespace, string.Empty);

        /// <summary>Whether the stored files are what the emitter would write for the default list with these settings.</summary>
        public static bool Fits(GeneratorSettings settings)
            => settings.Language.NullableAnnotations && settings.Options == Options;

        public static string CountryEnum(string version, bool embedded) => Read(AgreementsEmitter.CountryHintName, version, embedded);

        public static string Agreements(string version, bool embedded) => Read(AgreementsEmitter.AgreementsHintName, version, embedded);

        /// <summary>The generated text with its version written as <see cref="VersionToken"/>, as the stored files hold it.</summary>
        public static string WithoutVersion(string generated, string version)
            => generated.Replace(Header(version), Header(VersionToken)).Replace(Attribute(version), Attribute(VersionToken));

        private static string Read(string hintName, string version, bool embedded)
        {
            using var stream = typeof(StoredDefault).Assembly.GetManifestResourceStream("CmaaGen.Stored." + hintName)
                ?? throw new InvalidDataException("The stored " + hintName + " is not embedded in the analyzer assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace(Header(VersionToken), Header(version)).Replace(Attribute(VersionToken), Attribute(version));

            // The generated types are one level deep, in the namespace.
            return embedded ? text : text.Replace("    " + AttributeEmitter.EmbeddedMark + "\n", string.Empty);
        }

        // The two places the emitter writes the version: the header comment and [GeneratedCode].
        private static string Header(string version) => "CmaaGen " + version;

        private static string Attribute(string version) => "\"CmaaGen\", \"" + version + "\"";
    }
}
