using System.Globalization;

namespace VirtNet
{
    /// <summary>
    /// Whole numbers read from text: ASCII digits only (regular expressions and char.IsDigit also take other
    /// scripts' digits, which int.Parse then refuses) and never more than fit, so no input can overflow.
    /// </summary>
    static class Numbers
    {
        /// <summary>Nine digits always fit an int; a longer run is out of range for every number the model holds.</summary>
        const int MaxDigits = 9;

        public static bool IsAllDigits(string s)
        {
            if (string.IsNullOrEmpty(s)) return false;
            foreach (var c in s)
                if (c < '0' || c > '9') return false;
            return true;
        }

        /// <summary>A non-negative number of at most nine ASCII digits.</summary>
        public static bool TryParse(string s, out int value)
        {
            value = 0;
            if (!IsAllDigits(s) || s.Length > MaxDigits) return false;
            value = int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>A number within [min, max].</summary>
        public static bool TryParse(string s, int min, int max, out int value) => TryParse(s, out value) && value >= min && value <= max;

        /// <summary>An optionally signed whole number of at most eighteen ASCII digits (so it fits a long).</summary>
        public static bool TryParse(string s, out long value)
        {
            value = 0;
            if (string.IsNullOrEmpty(s)) return false;
            bool negative = s[0] == '-';
            int start = s[0] == '-' || s[0] == '+' ? 1 : 0;
            if (s.Length - start > 18 || !IsAllDigits(s.Substring(start))) return false;
            value = long.Parse(s.Substring(start), NumberStyles.None, CultureInfo.InvariantCulture);
            if (negative) value = -value;
            return true;
        }
    }
}
