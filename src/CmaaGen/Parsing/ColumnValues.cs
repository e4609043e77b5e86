using System.Collections.Generic;
using System.Text;
using CmaaGen.Model;

namespace CmaaGen.Parsing
{
    /// <summary>The words the status, kind and header cells accept, compared without case, spaces, dashes or underscores.</summary>
    internal static class ColumnValues
    {
        public const string StatusChoices = "'in force', 'signed', 'signed, not in force' or 'terminated'";
        public const string KindChoices = "'bilateral', 'other' or 'non-binding'";

        private static readonly Dictionary<string, AgreementStatus> Statuses = new()
        {
            ["inforce"] = AgreementStatus.InForce,
            ["signed"] = AgreementStatus.Signed,
            ["signednotinforce"] = AgreementStatus.Signed,
            ["signednotyetinforce"] = AgreementStatus.Signed,
            ["notinforce"] = AgreementStatus.Signed,
            ["notyetinforce"] = AgreementStatus.Signed,
            ["terminated"] = AgreementStatus.Terminated,
        };

        private static readonly Dictionary<string, AgreementKind> Kinds = new()
        {
            ["bilateral"] = AgreementKind.Bilateral,
            ["cmaa"] = AgreementKind.Bilateral,
            ["other"] = AgreementKind.Other,
            ["nonbinding"] = AgreementKind.NonBinding,
        };

        public static bool TryParseStatus(string text, out AgreementStatus status)
            => Statuses.TryGetValue(Normalize(text), out status);

        public static bool TryParseKind(string text, out AgreementKind kind)
            => Kinds.TryGetValue(Normalize(text), out kind);

        /// <summary>"In_Force", "in-force" and "in force" all become "inforce".</summary>
        public static string Normalize(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c is ' ' or '_' or '-' or ',' or ';' or '\t')
                {
                    continue;
                }

                builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            }

            return builder.ToString();
        }
    }
}
