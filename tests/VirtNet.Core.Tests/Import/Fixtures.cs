using System;
using System.IO;
using System.Linq;
using VirtNet.Import;

namespace VirtNet.Tests.Import
{
    /// <summary>The project's own export fixtures, written in the real formats with their quirks.</summary>
    static class Fixtures
    {
        public static string PathOf(params string[] parts) => Path.Combine(new[] { AppContext.BaseDirectory, "Fixtures" }.Concat(parts).ToArray());

        public static ImportFile File(params string[] parts) => ImportFiles.Expand(PathOf(parts)).Single();

        /// <summary>The 1-based number of the only line of a fixture that contains the text.</summary>
        public static int LineOf(string text, params string[] parts)
        {
            var lines = System.IO.File.ReadAllLines(PathOf(parts));
            var found = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text)).ToList();
            if (found.Count != 1) throw new InvalidOperationException($"'{text}' is on {found.Count} lines of the fixture.");
            return found[0] + 1;
        }
    }
}
