using System.Text;
using CmaaGen.Model;

namespace CmaaGen.Parsing
{
    /// <summary>The words the status, kind and header cells accept, compared without case, spaces, dashes or underscores.</summary>
    internal static class ColumnValues
    {
        public const string StatusChoices = "'in force', 'signed', 'signed, not in force' or 'terminated'";
        public const string KindChoices = "'bilateral', 'other' or 'non-binding'";

        // Switches rather than dictionaries: a dictionary keyed or valued by an enum is generic code that a cold
        // compiler process compiles before the first list is read.
        public static bool TryParseStatus(string text, out AgreementStatus status)
        {
            switch (Normalize(text))
            {
                case "inforce":
                    status = AgreementStatus.InForce;
                    return true;
                case "signed":
                case "signednotinforce":
                case "signednotyetinforce":
                case "notinforce":
                case "notyetinforce":
                    status = AgreementStatus.Signed;
                    return true;
                case "terminated":
                    status = AgreementStatus.Terminated;
                    return true;
                default:
                    status = default;
                    return false;
            }
        }

        public static bool TryParseKind(string text, out AgreementKind kind)
        {
            switch (Normalize(text))
            {
                case "bilateral":
                case "cmaa":
                    kind = AgreementKind.Bilateral;
                    return true;
                case "other":
                    kind = AgreementKind.Other;
                    return true;
                case "nonbinding":
                    kind = AgreementKind.NonBinding;
                    return true;
                default:
                    kind = default;
                    return false;
            }
        }

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
