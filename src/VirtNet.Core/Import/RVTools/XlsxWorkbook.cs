using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;

namespace VirtNet.Import.RVTools
{
    /// <summary>
    /// Reads the cells of chosen sheets of an .xlsx workbook (Office Open XML: a zip of XML parts). ExcelDataReader
    /// was the obvious library, but on .NET Core it cannot even be configured without code page 1252, which needs
    /// System.Text.Encoding.CodePages registered process-wide: extra dlls to ship for Windows PowerShell, and a change
    /// to the whole PowerShell process the module runs in. The few parts an RVTools export needs are read here instead.
    /// </summary>
    static class XlsxWorkbook
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

        // A few KB of zip can inflate to gigabytes, and a cell reference can claim column XFD of row 1048576. What a
        // workbook may expand to is bounded, so that a damaged or hostile file costs an error, not the session's memory.
        /// <summary>Excel's own limit on the characters in one cell (Excel specifications and limits).</summary>
        internal const int MaxCellCharacters = 32767;
        /// <summary>Cells (empty ones inside a row included) across the sheets read: a hundred times a large estate's network tabs.</summary>
        internal const int MaxCells = 5000000;
        /// <summary>Characters of XML in one part of the workbook.</summary>
        internal const long MaxPartCharacters = 1L << 28;

        static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false, XmlResolver = null, MaxCharactersInDocument = MaxPartCharacters,
        };

        static VirtNetException TooLarge(string what) =>
            new VirtNetException(ErrorIds.WorkbookTooLarge, VirtNetErrorKind.InvalidData,
                $"The workbook expands beyond what is read: {what}. An RVTools export stays far below these bounds; the file is damaged or not an export.");

        /// <summary>The sheets whose names <paramref name="wanted"/> accepts: name, then rows (1-based row number, cells by column).</summary>
        public static List<(string Sheet, List<(int Row, string[] Cells)> Rows)> Read(Stream stream, Func<string, bool> wanted)
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read))
            {
                var targets = RelationshipTargets(zip);
                var sheets = new List<(string Name, string Part)>();
                using (var reader = Open(zip, "xl/workbook.xml"))
                    while (reader.Read())
                        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == Main)
                        {
                            var id = reader.GetAttribute("id", Relationships);
                            if (id != null && targets.TryGetValue(id, out var part)) sheets.Add((reader.GetAttribute("name") ?? "", part));
                        }
                var chosen = sheets.Where(s => wanted(s.Name)).ToList();
                var strings = chosen.Count == 0 ? new List<string>() : SharedStrings(zip);
                int cellBudget = MaxCells;
                var result = new List<(string, List<(int, string[])>)>();
                foreach (var sheet in chosen) result.Add((sheet.Name, Rows(zip, sheet.Part, strings, ref cellBudget)));
                return result;
            }
        }

        static Dictionary<string, string> RelationshipTargets(ZipArchive zip)
        {
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var reader = Open(zip, "xl/_rels/workbook.xml.rels"))
                while (reader.Read())
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
                    {
                        string id = reader.GetAttribute("Id"), target = reader.GetAttribute("Target");
                        if (id == null || target == null) continue;
                        // Targets are relative to xl/, or absolute from the package root.
                        targets[id] = target.StartsWith("/", StringComparison.Ordinal) ? target.Substring(1) : "xl/" + target;
                    }
            return targets;
        }

        static List<string> SharedStrings(ZipArchive zip)
        {
            var strings = new List<string>();
            if (zip.GetEntry("xl/sharedStrings.xml") == null) return strings;
            using (var reader = Open(zip, "xl/sharedStrings.xml"))
                while (reader.Read())
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                    {
                        if (strings.Count == MaxCells) throw TooLarge($"the workbook shares more than {MaxCells} strings");
                        strings.Add(Text(reader));
                    }
            return strings;
        }

        /// <summary>The text of an si or is element: its t elements, joined (rich text runs each have one), without phonetic runs.</summary>
        static string Text(XmlReader element)
        {
            var sb = new StringBuilder();
            // A subtree reader stops at the element's end; ReadString leaves it on each t's end tag, so no node is skipped.
            using (var reader = element.ReadSubtree())
            {
                bool phonetic = false;
                reader.Read();
                while (reader.Read())
                {
                    if (reader.LocalName == "rPh") phonetic = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
                    else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && !phonetic) AppendContent(reader, sb);
                }
            }
            return sb.ToString();
        }

        /// <summary>
        /// Appends an element's text, in chunks so that a 200 MB text node is refused after 32,767 characters rather
        /// than read whole. Leaves the reader on the element's end tag, as ReadString does.
        /// </summary>
        static void AppendContent(XmlReader reader, StringBuilder sb)
        {
            if (reader.IsEmptyElement) return;
            var chunk = new char[4096];
            int start = sb.Length;
            while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Text && reader.NodeType != XmlNodeType.CDATA
                    && reader.NodeType != XmlNodeType.Whitespace && reader.NodeType != XmlNodeType.SignificantWhitespace)
                    continue;
                int n;
                while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    if (sb.Length - start + n > MaxCellCharacters) throw TooLarge($"a cell holds more than {MaxCellCharacters} characters, Excel's limit");
                    sb.Append(chunk, 0, n);
                }
            }
        }

        static List<(int, string[])> Rows(ZipArchive zip, string part, List<string> strings, ref int cellBudget)
        {
            var rows = new List<(int, string[])>();
            using (var reader = Open(zip, part))
            {
                int rowNumber = 0;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
                    rowNumber = Numbers.TryParse(reader.GetAttribute("r"), out int r) ? r : rowNumber + 1;
                    var cells = new SortedDictionary<int, string>();
                    using (var row = reader.ReadSubtree())
                    {
                        int column = -1;
                        while (row.Read())
                        {
                            if (row.NodeType != XmlNodeType.Element || row.LocalName != "c") continue;
                            column = ColumnOf(row.GetAttribute("r")) ?? column + 1;
                            var value = Cell(row, strings);
                            // An empty cell adds nothing; leaving it out keeps "<c r=\"XFD1\"/>" from widening the row.
                            if (value.Length > 0) cells[column] = value;
                        }
                    }
                    int width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                    cellBudget -= width + 1;
                    if (cellBudget < 0) throw TooLarge($"the sheets read hold more than {MaxCells} cells");
                    var values = new string[width];
                    for (int i = 0; i < values.Length; i++) values[i] = cells.TryGetValue(i, out var v) ? v : "";
                    rows.Add((rowNumber, values));
                }
            }
            return rows;
        }

        static string Cell(XmlReader element, List<string> strings)
        {
            var type = element.GetAttribute("t");
            string value = "";
            using (var reader = element.ReadSubtree())
            {
                reader.Read();
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element) continue;
                    if (reader.LocalName == "v")
                    {
                        var sb = new StringBuilder();
                        AppendContent(reader, sb);
                        value = sb.ToString();
                    }
                    else if (reader.LocalName == "is") value = Text(reader);
                }
            }
            if (type == "s") return Numbers.TryParse(value, out int index) && index < strings.Count ? strings[index] : "";
            if (type == "b") return value == "1" ? "True" : "False";
            return value.Trim();
        }

        /// <summary>"AB12" gives column 27 (0-based).</summary>
        static int? ColumnOf(string reference)
        {
            if (string.IsNullOrEmpty(reference)) return null;
            int column = 0, i = 0;
            for (; i < reference.Length && ((reference[i] >= 'A' && reference[i] <= 'Z') || (reference[i] >= 'a' && reference[i] <= 'z')); i++)
            {
                column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
                if (column > 16384) return null;
            }
            return i == 0 ? (int?)null : column - 1;
        }

        static XmlReader Open(ZipArchive zip, string part)
        {
            var entry = zip.GetEntry(part) ?? throw new InvalidDataException($"the workbook has no part {part}");
            return XmlReader.Create(entry.Open(), Settings);
        }
    }
}
