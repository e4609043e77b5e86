using CmaaGen.Model;

namespace CmaaGen.Generation
{
    /// <summary>
    /// The default list's two generated files, stored in the assembly as the emitter writes them
    /// (<c>Generation/Stored</c>, held to the emitter's output by <c>GeneratorSnapshotTests</c>). A project without a
    /// list of its own gets them without the list being parsed or the code emitted: in a new compiler process that is
    /// the JIT of about 260 methods, most of the generator's cold cost. The files are stored for internal types in the
    /// default namespace, C# 8 and later, on a compiler with <c>[Embedded]</c>; for the other cases the emitter knows,
    /// they are changed as it would write them: another namespace (<c>CmaaNamespace</c>), public types without
    /// <c>[Embedded]</c> (<c>CmaaPublicTypes</c>), no <c>[Embedded]</c> on a compiler older than Roslyn 4.14 (the .NET 8
    /// SDK, Visual Studio before 17.14), and no nullable annotations before C# 8 (a .NET Standard 2.0 or .NET Framework
    /// project). A list of the project's own takes the emitter.
    /// </summary>
    internal static class StoredDefault
    {
        /// <summary>Stands for the generator's version in the stored files, which do not change with each release.</summary>
        public const string VersionToken = "VERSION";

        /// <summary>The emitter's model for the stored files: the settings they are written for, and no lists.</summary>
        public static AgreementsSpec Spec(GeneratorSettings settings, bool embedded, string version)
            => new(
                settings.Options.Namespace,
                version,
                settings.Language.NullableAnnotations,
                settings.Options.Visibility,
                settings.Options.Embeds(embedded),
                string.Empty,
                null,
                EquatableArray<PartnerSpec>.Empty,
                EquatableArray<AgreementSpec>.Empty,
                EquatableArray<CoveredSpec>.Empty,
                Stored: true);

        public static string CountryEnum(AgreementsSpec spec) => Read(AgreementsEmitter.CountryHintName, spec);

        public static string Agreements(AgreementsSpec spec) => Read(AgreementsEmitter.AgreementsHintName, spec);

        /// <summary>The generated text with its version written as <see cref="VersionToken"/>, as the stored files hold it.</summary>
        public static string WithoutVersion(string generated, string version)
            => WithVersion(generated, version, VersionToken);

        private static string Read(string hintName, AgreementsSpec spec)
        {
            var text = WithVersion(EmbeddedText.Read("CmaaGen.Stored." + hintName, "stored " + hintName), VersionToken, spec.Version);
            if (spec.Namespace != GeneratorOptions.DefaultNamespace)
            {
                // The namespace is written once per file, on its own line; the code names no type by its namespace.
                text = text.Replace("\nnamespace " + GeneratorOptions.DefaultNamespace + "\n", "\nnamespace " + spec.Namespace + "\n");
            }

            if (spec.Visibility != "internal")
            {
                // Every generated type is declared one level deep, in the namespace; nothing else starts a line there.
                text = text.Replace("\n    internal ", "\n    " + spec.Visibility + " ");
            }

            if (!spec.Embedded)
            {
                // The generated types are one level deep, in the namespace.
                text = text.Replace("    " + AttributeEmitter.EmbeddedMark + "\n", string.Empty);
            }

            if (!spec.NullableAnnotations)
            {
                // The only annotated types are the text lookups' parameters.
                text = text.Replace(AgreementsEmitter.NullableLines + "\n", string.Empty)
                    .Replace("(" + AgreementsEmitter.NullableText + " value", "(" + AgreementsEmitter.PlainText + " value");
            }

            return text;
        }

        // The emitters write the version in two places: the header comment and [GeneratedCode].
        private static string WithVersion(string text, string from, string to)
            => text.Replace(AttributeEmitter.GeneratedBy(from), AttributeEmitter.GeneratedBy(to))
                .Replace(AttributeEmitter.GeneratedCodeMark(from), AttributeEmitter.GeneratedCodeMark(to));
    }
}
