using System.Linq;
using System.Text;
using CmaaGen.Model;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>Writes a parsed list back as CSV, so that parsing it again can be compared with the first parse.</summary>
internal static class ListPrinter
{
    public static string Print(AgreementList list)
    {
        var text = new StringBuilder();
        if (list.Provenance.Length > 0)
        {
            text.Append("# provenance: ").Append(list.Provenance).Append('\n');
        }

        if (list.Owner.Length > 0)
        {
            text.Append("# owner: ").Append(list.Owner).Append('\n');
        }

        text.Append("country,name,signed,in_force,status,kind,note,source,covers\n");
        foreach (var a in list.Agreements)
        {
            text.AppendJoin(',', Cell(a.Alpha2), Cell(a.Name), Cell(a.Signed), Cell(a.InForce), Status(a.Status), Kind(a.Kind), Cell(a.Note), Cell(a.Source), Cell(string.Join(';', a.Covers)))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The agreements without where they were read, for comparing two parses.</summary>
    public static Agreement[] Content(AgreementList list) => list.Agreements.Select(a => a with { Location = null! }).ToArray();

    private static string Cell(string value)
        => value.Length == 0 || value.Any(c => c is ',' or '"' or '\n' or '\r' or ' ' or '\t' or '#')
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;

    private static string Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Signed => "signed",
        AgreementStatus.Terminated => "terminated",
        _ => "in force",
    };

    private static string Kind(AgreementKind kind) => kind switch
    {
        AgreementKind.Other => "other",
        AgreementKind.NonBinding => "non-binding",
        _ => "bilateral",
    };
}
