using System;
using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// Orders target paths as people read them: case-insensitively, with runs of digits compared as numbers
    /// (Gi1/0/2 before Gi1/0/10, vmnic2 before vmnic10). Ties fall back to ordinal order, so the order is total.
    /// </summary>
    internal sealed class TargetComparer : IComparer<string>
    {
        public static readonly TargetComparer Instance = new TargetComparer();

        public int Compare(string x, string y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x == null) return -1;
            if (y == null) return 1;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
                {
                    int endX = i, endY = j;
                    while (endX < x.Length && char.IsDigit(x[endX])) endX++;
                    while (endY < y.Length && char.IsDigit(y[endY])) endY++;
                    // Compare the numbers without parsing (no overflow): drop leading zeros, then longer is larger.
                    string a = x.Substring(i, endX - i).TrimStart('0'), b = y.Substring(j, endY - j).TrimStart('0');
                    int c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                    if (c != 0) return c;
                    i = endX; j = endY;
                }
                else
                {
                    int c = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                    if (c != 0) return c;
                    i++; j++;
                }
            }
            int rest = (x.Length - i).CompareTo(y.Length - j);
            return rest != 0 ? rest : string.CompareOrdinal(x, y);
        }
    }
}
