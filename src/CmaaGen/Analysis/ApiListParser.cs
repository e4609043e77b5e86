using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Analysis
{
    /// <summary>One line of an API list: a documentation-comment ID and, for a method, the parameter that holds the country.</summary>
    internal sealed record ApiListEntry(string Id, string Parameter, TextSpan IdSpan, TextSpan ParameterSpan);

    /// <summary>A problem on a line of an API list.</summary>
    internal sealed record ApiListProblem(TextSpan Span, string Message, bool NotFound = false);

    internal sealed record ApiList(ImmutableArray<ApiListEntry> Entries, ImmutableArray<ApiListProblem> Problems);

    /// <summary>
    /// Reads <c>CustomsDataExchangeApis.txt</c>: members of code you cannot mark with
    /// <c>[CustomsDataExchange]</c>, such as a vendor SDK, one documentation-comment ID per line.
    /// <code>
    /// # comment
    /// M:Acme.Customs.Client.Submit(System.String,Acme.Customs.Declaration)#destination
    /// P:Acme.Customs.Declaration.DestinationCountry
    /// F:Acme.Customs.Wire.Partner
    /// </code>
    /// </summary>
    internal static class ApiListParser
    {
        public const string FileName = "CustomsDataExchangeApis.txt";

        /// <summary><c>CustomsDataExchangeApis.txt</c>, or <c>*.CustomsDataExchangeApis.txt</c> for several lists.</summary>
        public static bool IsApiList(string path)
        {
            var name = Path.GetFileName(path);
            return name.Equals(FileName, StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("." + FileName, StringComparison.OrdinalIgnoreCase);
        }

        public static ApiList Parse(SourceText text)
        {
            var entries = ImmutableArray.CreateBuilder<ApiListEntry>();
            var problems = ImmutableArray.CreateBuilder<ApiListProblem>();
            foreach (var line in text.Lines)
            {
                var content = line.ToString();
                var start = 0;
                while (start < content.Length && char.IsWhiteSpace(content[start]))
                {
                    start++;
                }

                var trimmed = content.Substring(start).TrimEnd();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = trimmed.IndexOf('#');
                var id = (hash < 0 ? trimmed : trimmed.Substring(0, hash)).TrimEnd();
                var idSpan = new TextSpan(line.Start + start, id.Length);
                var parameter = string.Empty;
                var parameterSpan = new TextSpan(idSpan.End, 0);
                if (hash >= 0)
                {
                    var raw = trimmed.Substring(hash + 1);
                    parameter = raw.Trim();
                    parameterSpan = new TextSpan(line.Start + start + hash + 1 + (raw.Length - raw.TrimStart().Length), parameter.Length);
                }

                if (id.Length < 3 || id[1] != ':' || id.IndexOf(' ') >= 0)
                {
                    problems.Add(new ApiListProblem(idSpan, "'" + id + "' is not a documentation-comment ID: write M:Namespace.Type.Method(ParameterTypes)#parameter, P:Namespace.Type.Property or F:Namespace.Type.Field"));
                    continue;
                }

                if (id[0] is not ('M' or 'P' or 'F'))
                {
                    problems.Add(new ApiListProblem(idSpan, "'" + id + "' names neither a method, a property nor a field: exchange contexts are method parameters (M:…#parameter), properties (P:) and fields (F:)"));
                    continue;
                }

                if (id[0] != 'M' && parameter.Length > 0)
                {
                    problems.Add(new ApiListProblem(parameterSpan, "'#" + parameter + "' names a parameter, but '" + id + "' is not a method"));
                    continue;
                }

                entries.Add(new ApiListEntry(id, parameter, idSpan, parameterSpan));
            }

            return new ApiList(entries.ToImmutable(), problems.ToImmutable());
        }
    }
}
