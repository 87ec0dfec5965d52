using System.Text;
using System.Text.RegularExpressions;

namespace VirtNet.Rules
{
    /// <summary>
    /// A rule id or a wildcard pattern over rule ids, with PowerShell's wildcards: * (any run), ? (one
    /// character) and [..] (one of a set or range). Case-insensitive, as PowerShell compares names.
    /// </summary>
    internal sealed class RulePattern
    {
        readonly Regex _regex;

        public RulePattern(string text)
        {
            Text = text ?? "";
            HasWildcards = Text.IndexOfAny(new[] { '*', '?', '[' }) >= 0;
            _regex = new Regex("^" + Translate(Text) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        public string Text { get; }
        public bool HasWildcards { get; }

        public bool Matches(string ruleId) => _regex.IsMatch(ruleId);

        static string Translate(string pattern)
        {
            var regex = new StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                int close = c == '[' ? pattern.IndexOf(']', i + 1) : -1;
                if (c == '*') regex.Append(".*");
                else if (c == '?') regex.Append('.');
                else if (close > i + 1)
                {
                    // A set such as [0-3] or [TV]: copied as a character class, with regex escapes neutralised.
                    regex.Append('[').Append(pattern.Substring(i + 1, close - i - 1).Replace(@"\", @"\\").Replace("^", @"\^")).Append(']');
                    i = close;
                }
                else regex.Append(Regex.Escape(c.ToString()));
            }
            return regex.ToString();
        }
    }
}
