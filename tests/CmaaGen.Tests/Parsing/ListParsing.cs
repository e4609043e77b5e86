using System.Linq;
using CmaaGen.Catalog;
using CmaaGen.Model;
using CmaaGen.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Tests.Parsing;

/// <summary>Parses list text the way the generator and analyzer do.</summary>
internal static class ListParsing
{
    public static AgreementList Parse(string text, string path = "/project/partners.cmaa.csv")
        => AgreementListParser.Parse(path, SourceText.From(text), CountryCatalog.Default);

    public static AgreementSet Merge(params (string Path, string Text)[] files)
        => AgreementSet.Merge(files.Select(f => Parse(f.Text, f.Path)));

    /// <summary>"CMAA103@2:0-2:2": a problem's rule and its 1-based line, 0-based columns.</summary>
    public static string Where(ListProblem problem)
        => $"{problem.RuleId}@{problem.Location.StartLine + 1}:{problem.Location.StartColumn}-{problem.Location.EndLine + 1}:{problem.Location.EndColumn}";

    public static string Message(ListProblem problem) => problem.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
