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

        static readonly XmlReaderSettings Settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false, XmlResolver = null };

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
                return chosen.Select(s => (s.Name, Rows(zip, s.Part, strings))).ToList();
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
                        strings.Add(Text(reader));
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
                    else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && !phonetic) sb.Append(reader.ReadString());
                }
            }
            return sb.ToString();
        }

        static List<(int, string[])> Rows(ZipArchive zip, string part, List<string> strings)
        {
            var rows = new List<(int, string[])>();
            using (var reader = Open(zip, part))
            {
                int rowNumber = 0;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
                    rowNumber = int.TryParse(reader.GetAttribute("r"), out int r) ? r : rowNumber + 1;
                    var cells = new SortedDictionary<int, string>();
                    using (var row = reader.ReadSubtree())
                    {
                        int column = -1;
                        while (row.Read())
                        {
                            if (row.NodeType != XmlNodeType.Element || row.LocalName != "c") continue;
                            column = ColumnOf(row.GetAttribute("r")) ?? column + 1;
                            cells[column] = Cell(row, strings);
                        }
                    }
                    var values = new string[cells.Count == 0 ? 0 : cells.Keys.Max() + 1];
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
                    if (reader.LocalName == "v") value = reader.ReadString();
                    else if (reader.LocalName == "is") value = Text(reader);
                }
            }
            if (type == "s") return int.TryParse(value, out int index) && index >= 0 && index < strings.Count ? strings[index] : "";
            if (type == "b") return value == "1" ? "True" : "False";
            return value.Trim();
        }

        /// <summary>"AB12" gives column 27 (0-based).</summary>
        static int? ColumnOf(string reference)
        {
            if (string.IsNullOrEmpty(reference)) return null;
            int column = 0, i = 0;
            for (; i < reference.Length && char.IsLetter(reference[i]); i++)
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
