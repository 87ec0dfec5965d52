using System;
using System.Globalization;

namespace VirtNet
{
    /// <summary>
    /// A value quoted back in a message or warning, cut to a readable length: a damaged file can hold a
    /// megabyte-long "name", and a message must stay one that a person can read.
    /// </summary>
    public static class Echo
    {
        const int MaxLength = 80;

        public static string Cut(object value) => Cut(Convert.ToString(value, CultureInfo.InvariantCulture));

        public static string Cut(string text)
        {
            if (text == null) return "";
            if (text.Length <= MaxLength) return text;
            return text.Substring(0, MaxLength - 3) + "...";
        }
    }
}
