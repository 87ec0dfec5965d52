using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet
{
    /// <summary>Name rules shared by every model object: non-blank, unique case-insensitively among siblings.</summary>
    static class Names
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        /// <summary>The longest name a model object takes: it stops a damaged file's megabyte "name".</summary>
        public const int MaxLength = 255;

        /// <summary>
        /// A name must be found again by the Get- cmdlets, which take wildcards: '*', '?', '[' and ']' in a name would
        /// make it a pattern, and a control character (a newline) cannot be typed back. '/' separates names in paths.
        /// </summary>
        public static string Check(string name, string what)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim() != name || name.Length > MaxLength || !IsPlain(name))
                throw new VirtNetException(ErrorIds.InvalidName, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(name)}' is not a valid {what} name. Use a non-empty name of at most {MaxLength} characters without leading or trailing blanks, " +
                    "control characters, '/' or the wildcard characters * ? [ ].", Echo.Cut(name));
            return name;
        }

        static bool IsPlain(string name)
        {
            foreach (var c in name)
                if (char.IsControl(c) || c == '/' || c == '*' || c == '?' || c == '[' || c == ']') return false;
            return true;
        }

        public static void CheckUnique<T>(IEnumerable<T> siblings, Func<T, string> nameOf, string name, string what, string where) =>
            CheckUnique(siblings.Any(s => Comparer.Equals(nameOf(s), name)), name, what, where);

        public static void CheckUnique(bool exists, string name, string what, string where)
        {
            if (exists)
                throw new VirtNetException(ErrorIds.DuplicateName, VirtNetErrorKind.ResourceExists,
                    $"A {what} named '{Echo.Cut(name)}' already exists on {where}. Choose another name.", name);
        }

        /// <summary>The error for a name that does not resolve: says what was looked for and what exists.</summary>
        public static VirtNetException NotFound<T>(string errorId, string what, string name, string where, IEnumerable<T> existing, Func<T, string> nameOf)
        {
            // A message lists a screenful at most: a switch can hold thousands of port groups.
            const int Listed = 20;
            var names = existing.Select(nameOf).Take(Listed + 1).ToList();
            var list = names.Count == 0 ? "there are none"
                : "existing: " + string.Join(", ", names.Take(Listed)) + (names.Count > Listed ? ", ..." : "");
            return new VirtNetException(errorId, VirtNetErrorKind.ObjectNotFound,
                $"No {what} named '{Echo.Cut(name)}' on {where} ({list}).", name);
        }

        public static T Find<T>(IEnumerable<T> items, Func<T, string> nameOf, string name) where T : class =>
            items.FirstOrDefault(i => Comparer.Equals(nameOf(i), name));
    }
}
