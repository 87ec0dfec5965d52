using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.RVTools
{
    /// <summary>
    /// Import-VNRVToolsExport's core: the network tabs of an RVTools export (vSwitch, vPort, vSC_VMK, vNIC,
    /// dvSwitch, dvPort, vNetwork for the VMs, and vHost for the version), as an .xlsx workbook or as one CSV file per tab, into one
    /// host per host. Columns are read by header name, custom-attribute columns are ignored,
    /// Policy holds the API's strings, Rolling Order is the inverse of Failback, and a standard vSwitch's failover
    /// order is not in RVTools at all: its uplinks come from vNIC's Switch column, all active, in row order.
    /// </summary>
    public static class RVToolsImport
    {
        public const string FormatsRead = "an RVTools .xlsx workbook, or RVTools CSV files of the tabs " + "vSwitch, vPort, vSC_VMK, vNIC, dvSwitch, dvPort, vNetwork and vHost";

        /// <summary>Reads a workbook's network sheets, or a CSV file's one tab.</summary>
        public static IReadOnlyList<RVToolsTable> Read(ImportFile file)
        {
            if (file.Path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return ReadWorkbook(file.Path);
            var table = ParseCsv(file.Path, ExportText.ReadFile(file.Path));
            if (table != null) return new[] { table };
            if (file.InFolder) return null;
            throw Unknown(file.Path);
        }

        static VirtNetException Unknown(string path) =>
            new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                $"'{path}' is in no format Import-VNRVToolsExport reads. Formats tried: {FormatsRead}.", path);

        static IReadOnlyList<RVToolsTable> ReadWorkbook(string path) =>
            ParseWorkbook(path, new MemoryStream(BoundedFile.ReadBytes(path, "Export file", ErrorIds.ImportFileNotFound, ErrorIds.ImportReadFailed), writable: false));

        /// <summary>Reads a workbook's network sheets from a stream; never throws anything but <see cref="VirtNetException"/>.</summary>
        public static IReadOnlyList<RVToolsTable> ParseWorkbook(string path, Stream stream)
        {
            var tables = new List<RVToolsTable>();
            try
            {
                foreach (var (sheet, rows) in XlsxWorkbook.Read(stream, name => RVToolsTable.Tabs.Contains(name, StringComparer.OrdinalIgnoreCase)))
                {
                    if (rows.Count == 0) continue;
                    var tab = RVToolsTable.Tabs.First(t => string.Equals(t, sheet, StringComparison.OrdinalIgnoreCase));
                    tables.Add(new RVToolsTable($"{path} ({sheet})", tab, rows[0].Cells.Select(c => c.Trim()).ToList(),
                        rows.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)).Select(r => (r.Row, r.Cells.Select(c => c.Trim()).ToArray())).ToList()));
                }
            }
            // A damaged archive shows up as any of these, from the zip reader, the inflater or the XML reader.
            catch (Exception e) when (e is InvalidDataException || e is System.Xml.XmlException || e is IOException || e is NotSupportedException || e is ArgumentException)
            {
                throw new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                    $"'{path}' is not a readable .xlsx workbook ({e.Message}). Formats tried: {FormatsRead}.", path, e);
            }
            if (tables.Count == 0)
                throw new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                    $"Workbook '{path}' has none of the sheets {string.Join(", ", RVToolsTable.Tabs)}. Formats tried: {FormatsRead}.", path);
            return tables;
        }

        /// <summary>
        /// Reads a CSV file as RVTools writes it (comma-separated, or semicolon-separated where the locale uses a decimal
        /// comma; quoted cells may hold separators, quotes and line breaks). Null when its header is of no known tab.
        /// </summary>
        public static RVToolsTable ParseCsv(string file, string text)
        {
            var records = new List<(int Line, List<string> Cells)>();
            var header = FirstLine(text);
            char separator = new[] { ',', ';', '\t' }.OrderByDescending(c => header.Count(x => x == c)).First();
            int line = 1, start = 1, i = 0;
            var cells = new List<string>();
            var cell = new System.Text.StringBuilder();
            bool quoted = false, any = false;
            void EndRecord()
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                if (any || cells.Any(c => c.Length > 0)) records.Add((start, cells));
                cells = new List<string>();
                any = false;
            }
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else
                    {
                        if (c == '\n') line++;
                        cell.Append(c);
                    }
                    continue;
                }
                if (c == '"') { quoted = true; any = true; }
                else if (c == separator) { cells.Add(cell.ToString().Trim()); cell.Clear(); any = true; }
                else if (c == '\n') { EndRecord(); line++; start = line; }
                else if (c != '\r') cell.Append(c);
            }
            EndRecord();
            // Export-Csv in Windows PowerShell starts with a #TYPE line.
            if (records.Count > 0 && records[0].Cells.Count > 0 && records[0].Cells[0].StartsWith("#TYPE", StringComparison.Ordinal)) records.RemoveAt(0);
            if (records.Count == 0) return null;
            var headers = records[0].Cells;
            var tab = RVToolsTable.TabOf(headers);
            if (tab == null) return null;
            return new RVToolsTable(file, tab, headers, records.Skip(1).Select(r => (r.Line, r.Cells.ToArray())).ToList());
        }

        /// <summary>The workbook a sheet is of ("export.xlsx (vSwitch)" is of export.xlsx), or a CSV file's folder.</summary>
        static string ExportOf(string source)
        {
            int sheet = source.LastIndexOf(" (", StringComparison.Ordinal);
            if (sheet > 0 && source.EndsWith(")", StringComparison.Ordinal)) return source.Substring(0, sheet);
            var folder = Path.GetDirectoryName(source);
            return string.IsNullOrEmpty(folder) ? source : folder;
        }

        static string FirstLine(string text)
        {
            foreach (var l in (text ?? "").Split('\n'))
                if (l.Trim().Length > 0 && !l.StartsWith("#TYPE", StringComparison.Ordinal)) return l;
            return "";
        }

        /// <summary>One host per Host value of the tables. Without <paramref name="version"/>, vHost's ESX Version, else 8.0.</summary>
        public static HostImportResult Build(IReadOnlyList<RVToolsTable> tables, string version)
        {
            var warnings = new List<ImportWarning>();
            // Without the network tabs, hosts would come out with no network and no word about it.
            // vHost and vNetwork add versions and VMs to a network that is whole without them.
            var missing = RVToolsTable.Tabs.Where(t => t != "vHost" && t != "vNetwork" && tables.All(table => table.Tab != t)).ToList();
            if (missing.Count > 0 && tables.Count > 0)
                warnings.Add(new ImportWarning(ExportOf(tables[0].Source), 0,
                    $"the export has no {string.Join(", ", missing)} tab{(missing.Count > 1 ? "s" : "")}; the hosts are built without what {(missing.Count > 1 ? "they hold" : "it holds")}. " +
                    "Export every tab, or give every tab's CSV file."));
            var builder = new RVToolsReader(warnings);
            foreach (var tab in RVToolsTable.Tabs)
                foreach (var table in tables.Where(t => t.Tab == tab)) builder.Read(table);
            return new HostImportResult(builder.Build(version), warnings);
        }
    }
}
