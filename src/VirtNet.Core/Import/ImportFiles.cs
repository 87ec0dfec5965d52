using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;

namespace VirtNet.Import
{
    /// <summary>A file to import, and what its place on disk says about it.</summary>
    public sealed class ImportFile
    {
        internal ImportFile(string path, bool inFolder, string bundleHost)
        {
            Path = path;
            InFolder = inFolder;
            BundleHost = bundleHost;
        }

        public string Path { get; }
        /// <summary>Found by listing a folder rather than named: a file of no known format is then passed over, not an error.</summary>
        public bool InFolder { get; }
        /// <summary>The host a vm-support bundle's folder name gives (esx-esx01.lab.local-2012-09-09--17.20), or null.</summary>
        public string BundleHost { get; }
    }

    /// <summary>Turns the paths given to an importer into the files to read.</summary>
    public static class ImportFiles
    {
        // vm-support names its bundle esx-<host>-<yyyy>-<mm>-<dd>--<hh>.<mm>[-<pid>], with commands/ inside it.
        static readonly Regex BundleName = new Regex(@"^esx-(?<host>.+?)-[0-9]{4}-[0-9]{2}-[0-9]{2}--[0-9]{2}\.[0-9]{2}(?:-[0-9]+)?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// A file stands for itself. A folder stands for its files (not its subfolders), in name order; a vm-support
        /// bundle folder stands for its commands/ folder.
        /// </summary>
        public static IReadOnlyList<ImportFile> Expand(string fullPath)
        {
            try
            {
                if (File.Exists(fullPath)) return new[] { new ImportFile(fullPath, false, BundleHostOf(System.IO.Path.GetDirectoryName(fullPath))) };
                if (!Directory.Exists(fullPath))
                    throw new VirtNetException(ErrorIds.ImportFileNotFound, VirtNetErrorKind.ObjectNotFound,
                        $"Export file or folder '{fullPath}' does not exist.", fullPath);
                var folder = fullPath;
                var commands = System.IO.Path.Combine(fullPath, "commands");
                if (Directory.Exists(commands)) folder = commands;
                var host = BundleHostOf(folder);
                return Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => new ImportFile(f, true, host)).ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SecurityException || e is ArgumentException || e is NotSupportedException)
            {
                throw new VirtNetException(ErrorIds.ImportReadFailed, VirtNetErrorKind.ResourceUnavailable,
                    $"Export folder '{fullPath}' cannot be listed: {e.Message}", fullPath, e);
            }
        }

        /// <summary>The host of a vm-support bundle that a folder is, or holds as commands/.</summary>
        static string BundleHostOf(string folder)
        {
            for (int up = 0; up < 2 && !string.IsNullOrEmpty(folder); up++)
            {
                var m = BundleName.Match(System.IO.Path.GetFileName(folder.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar)));
                if (m.Success) return m.Groups["host"].Value;
                folder = System.IO.Path.GetDirectoryName(folder);
            }
            return null;
        }

        /// <summary>The file's name without its extension: the last resort for naming what a file describes.</summary>
        public static string BaseName(string path) => System.IO.Path.GetFileNameWithoutExtension(path);
    }
}
