using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Import;

namespace VirtNet.Commands
{
    /// <summary>
    /// Base of the cmdlets that import admins' exports. They change nothing, so they have no -WhatIf. A file that
    /// cannot be read is an error for that file and the others are still read; an unknown or damaged line is a
    /// warning with its file and line; the model is built once every file is read (in EndProcessing).
    /// </summary>
    public abstract class VNImportCmdlet : VNCmdlet
    {
        /// <summary>
        /// Reads every file the paths stand for (a folder: its files), with progress for folders. A file that fails
        /// is an error and the rest go on; its warnings are written as it is read.
        /// </summary>
        protected List<T> ReadFiles<T>(IEnumerable<string> paths, string activity, string formats, Func<ImportFile, T> read) where T : class
        {
            var results = new List<T>();
            foreach (var path in paths)
            {
                IReadOnlyList<ImportFile> files = null;
                ForInput(() => files = ImportFiles.Expand(ResolveFilePath(path, ErrorIds.ImportFileNotFound)), $"'{path}'");
                if (files == null) continue;
                bool folder = files.Count > 0 && files[0].InFolder;
                int before = results.Count;
                for (int i = 0; i < files.Count; i++)
                {
                    if (folder)
                        WriteProgress(new ProgressRecord(1, activity, $"Reading {files[i].Path}")
                        {
                            PercentComplete = 100 * i / files.Count,
                        });
                    WriteVerbose($"Reading {files[i].Path}.");
                    ForInput(() =>
                    {
                        var result = read(files[i]);
                        if (result != null) results.Add(result);
                        else WriteVerbose($"{files[i].Path} is in no format this cmdlet reads; passed over, as it was found in a folder.");
                    }, $"'{files[i].Path}'");
                }
                if (folder) WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
                // Files of other kinds are passed over in a folder (a vm-support commands/ folder holds hundreds), but
                // a folder with nothing to import is as much an error as a file with nothing to import.
                if (folder && results.Count == before)
                    WriteError(ToErrorRecord(new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                        $"No file in folder '{path}' is in a format {activity} reads. Formats tried: {formats}.", path)));
            }
            return results;
        }

        /// <summary>Names what the model is built from, for an error in building it.</summary>
        protected static string BuiltFrom(IEnumerable<string> sources)
        {
            var list = sources.Distinct().ToList();
            return "the model built from " + (list.Count <= 3 ? string.Join(", ", list.Select(s => $"'{s}'")) : $"'{list[0]}' and {list.Count - 1} more inputs");
        }

        protected void WriteWarnings(IEnumerable<ImportWarning> warnings)
        {
            foreach (var warning in warnings) WriteWarning(warning.ToString());
        }

        /// <summary>A hashtable of names to names, such as -Cabling @{ 'esx01/vmnic0' = 'Gi1/0/1' }.</summary>
        protected static IReadOnlyDictionary<string, string> ToStringMap(IDictionary table)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (table == null) return map;
            foreach (DictionaryEntry entry in table)
                map[LanguagePrimitives.ConvertTo<string>(entry.Key)] = entry.Value == null ? null : LanguagePrimitives.ConvertTo<string>(entry.Value);
            return map;
        }
    }
}
