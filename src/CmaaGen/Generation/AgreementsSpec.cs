using CmaaGen.Model;

namespace CmaaGen.Generation
{
    /// <summary>Everything the emitter needs to write the enum and lookup table; nothing else.</summary>
    /// <param name="Partners">One per country with an agreement, in enum member order.</param>
    /// <param name="Agreements">Every agreement, grouped by partner.</param>
    /// <param name="Covered">Countries covered only through a partner's agreement.</param>
    /// <param name="Owner">The list owner's lookup keys, or null when the list declares no owner.</param>
    /// <param name="Visibility">"public" or "internal": the accessibility of the generated types.</param>
    /// <param name="Embedded">Whether internal types are marked [Embedded], invisible to other assemblies.</param>
    /// <param name="Stored">
    /// Whether the text is the default list's stored files (<see cref="StoredDefault"/>), so that the lists here are
    /// empty and only the settings count.
    /// </param>
    /// <param name="Failure">
    /// Why the model could not be built, or empty: a failed model is reported as CMAA900 and emits nothing.
    /// </param>
    internal sealed record AgreementsSpec(
        string Namespace,
        string Version,
        bool NullableAnnotations,
        string Visibility,
        bool Embedded,
        string Provenance,
        OwnerSpec? Owner,
        EquatableArray<PartnerSpec> Partners,
        EquatableArray<AgreementSpec> Agreements,
        EquatableArray<CoveredSpec> Covered,
        bool Stored = false,
        string Failure = "")
    {
        /// <summary>The model of a step that failed, with the failure to report instead of the generated files.</summary>
        public static AgreementsSpec Failed(string failure)
            => new(
                string.Empty,
                string.Empty,
                false,
                "internal",
                false,
                string.Empty,
                null,
                EquatableArray<PartnerSpec>.Empty,
                EquatableArray<AgreementSpec>.Empty,
                EquatableArray<CoveredSpec>.Empty,
                Failure: failure);
    }

    /// <param name="Keys">Every text that finds this partner, folded to upper case.</param>
    /// <param name="Governing">Index in <see cref="AgreementsSpec.Agreements"/> of the agreement that governs the partner.</param>
    internal sealed record PartnerSpec(
        string Member,
        int Value,
        string Alpha2,
        string Alpha3,
        string Numeric,
        string Name,
        EquatableArray<string> Keys,
        int Governing);

    internal sealed record AgreementSpec(
        int Partner,
        string Name,
        string Signed,
        string InForce,
        AgreementStatus Status,
        AgreementKind Kind,
        string Note,
        string Source);

    internal sealed record CoveredSpec(string Alpha2, string Name, int Partner, EquatableArray<string> Keys);

    internal sealed record OwnerSpec(string Alpha2, string Name, EquatableArray<string> Keys);
}
