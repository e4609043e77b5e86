namespace CmaaGen.Model
{
    /// <summary>
    /// One parsed list file: its directives, the rows that resolved to a country, and every problem found.
    /// </summary>
    /// <param name="Path">The file path, as the compiler knows it.</param>
    /// <param name="Owner">Alpha-2 code of the administration whose agreements the list holds, or empty.</param>
    /// <param name="OwnerLocation">Where the owner directive is, when there is one.</param>
    /// <param name="Provenance">Where the list comes from, from its <c># provenance:</c> line, or empty.</param>
    internal sealed record AgreementList(
        string Path,
        string Owner,
        FileLocation? OwnerLocation,
        string Provenance,
        EquatableArray<Agreement> Agreements,
        EquatableArray<ListProblem> Problems);
}
