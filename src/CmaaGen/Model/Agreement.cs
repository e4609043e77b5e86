namespace CmaaGen.Model
{
    /// <summary>Whether an agreement is a legal basis for exchange today.</summary>
    internal enum AgreementStatus
    {
        /// <summary>Signed and entered into force.</summary>
        InForce,

        /// <summary>Signed, but not (or not known to be) in force.</summary>
        Signed,

        /// <summary>No longer in force.</summary>
        Terminated,
    }

    /// <summary>The legal form of an agreement.</summary>
    internal enum AgreementKind
    {
        /// <summary>A bilateral customs mutual assistance agreement.</summary>
        Bilateral,

        /// <summary>Another arrangement, such as the AIT-TECRO agreement.</summary>
        Other,

        /// <summary>A non-binding arrangement, such as a memorandum of understanding.</summary>
        NonBinding,
    }

    /// <summary>
    /// One row of an agreement list, resolved against the country catalogue. Dates are ISO 8601
    /// strings as precise as their source (<c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>), or empty.
    /// </summary>
    internal sealed record Agreement(
        string Alpha2,
        string Alpha3,
        string Numeric,
        string Name,
        string Signed,
        string InForce,
        AgreementStatus Status,
        AgreementKind Kind,
        string Note,
        string Source,
        EquatableArray<string> Covers,
        FileLocation Location);
}
