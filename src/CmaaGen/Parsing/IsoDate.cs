using System;

namespace CmaaGen.Parsing
{
    /// <summary>
    /// ISO 8601 calendar dates as precise as their source: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.
    /// </summary>
    internal static class IsoDate
    {
        /// <summary>Checks a date and says what is wrong with it, in words a list author can act on.</summary>
        public static bool TryValidate(string text, out string problem)
        {
            problem = string.Empty;
            if (!(text.Length is 4 or 7 or 10) || !Digits(text, 0, 4)
                || (text.Length > 4 && (text[4] != '-' || !Digits(text, 5, 2)))
                || (text.Length > 7 && (text[7] != '-' || !Digits(text, 8, 2))))
            {
                problem = "write it as YYYY, YYYY-MM or YYYY-MM-DD";
                return false;
            }

            var year = Number(text, 0, 4);
            if (year < 1900 || year > 2199)
            {
                problem = "the year must be between 1900 and 2199";
                return false;
            }

            if (text.Length == 4)
            {
                return true;
            }

            var month = Number(text, 5, 2);
            if (month is < 1 or > 12)
            {
                problem = "the month must be between 01 and 12";
                return false;
            }

            if (text.Length == 7)
            {
                return true;
            }

            var day = Number(text, 8, 2);
            if (day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                problem = "day " + text.Substring(8, 2) + " does not exist in " + text.Substring(0, 7);
                return false;
            }

            return true;
        }

        /// <summary>
        /// Whether <paramref name="later"/> is certainly before <paramref name="earlier"/>. Dates of different
        /// precision compare on the parts both have, so "2001" is never before "2001-03-06".
        /// </summary>
        public static bool IsBefore(string later, string earlier)
        {
            var common = Math.Min(later.Length, earlier.Length);
            return common > 0 && string.CompareOrdinal(later.Substring(0, common), earlier.Substring(0, common)) < 0;
        }

        private static bool Digits(string text, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                if (text[i] is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static int Number(string text, int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }
    }
}
