using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet
{
    /// <summary>Name rules shared by every model object: non-blank, unique case-insensitively among siblings.</summary>
    static class Names
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        public static string Check(string name, string what)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim() != name || name.IndexOf('/') >= 0)
                throw new VirtNetException(ErrorIds.InvalidName, VirtNetErrorKind.InvalidArgument,
                    $"'{name}' is not a valid {what} name. Use a non-empty name without leading or trailing blanks or '/'.", name);
            return name;
        }

        public static void CheckUnique<T>(IEnumerable<T> siblings, Func<T, string> nameOf, string name, string what, string where)
        {
            if (siblings.Any(s => Comparer.Equals(nameOf(s), name)))
                throw new VirtNetException(ErrorIds.DuplicateName, VirtNetErrorKind.ResourceExists,
                    $"A {what} named '{name}' already exists on {where}. Choose another name.", name);
        }

        /// <summary>The error for a name that does not resolve: says what was looked for and what exists.</summary>
        public static VirtNetException NotFound<T>(string errorId, string what, string name, string where, IEnumerable<T> existing, Func<T, string> nameOf)
        {
            var names = existing.Select(nameOf).ToList();
            var list = names.Count == 0 ? "there are none" : "existing: " + string.Join(", ", names);
            return new VirtNetException(errorId, VirtNetErrorKind.ObjectNotFound,
                $"No {what} named '{name}' on {where} ({list}).", name);
        }

        public static T Find<T>(IEnumerable<T> items, Func<T, string> nameOf, string name) where T : class =>
            items.FirstOrDefault(i => Comparer.Equals(nameOf(i), name));
    }
}
