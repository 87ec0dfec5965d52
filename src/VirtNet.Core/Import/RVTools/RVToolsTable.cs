using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VirtNet.Import.RVTools
{
    /// <summary>One RVTools tab (a workbook sheet or a CSV file): its header and rows, each with its line or row number.</summary>
    public sealed class RVToolsTable
    {
        internal RVToolsTable(string source, string tab, IReadOnlyList<string> headers, IReadOnlyList<(int Line, string[] Cells)> rows)
        {
            Source = source;
            Tab = tab;
            Headers = headers;
            Rows = rows;
        }

        /// <summary>The file, and for a workbook the sheet: "export.xlsx (vSwitch)".</summary>
        public string Source { get; }
        /// <summary>vSwitch, vPort, vSC_VMK, vNIC, dvSwitch, dvPort, vNetwork or vHost.</summary>
        public string Tab { get; }
        public IReadOnlyList<string> Headers { get; }
        internal IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

        public static readonly string[] Tabs = { "vSwitch", "vPort", "vSC_VMK", "vNIC", "dvSwitch", "dvPort", "vNetwork", "vHost" };

        /// <summary>
        /// Columns are found by header name, not position (RVTools renames columns across versions): letter case, blanks and signs are
        /// ignored ("# Ports" is "Ports"), and so is the tab name some exports put before each header (vSwitchHost).
        /// </summary>
        internal int Column(params string[] names)
        {
            var wanted = names.Select(Normalize).ToList();
            var prefix = Normalize(Tab);
            for (int i = 0; i < Headers.Count; i++)
            {
                var header = Normalize(Headers[i]);
                if (wanted.Contains(header) || (header.StartsWith(prefix, StringComparison.Ordinal) && wanted.Contains(header.Substring(prefix.Length))))
                    return i;
            }
            return -1;
        }

        internal static string Normalize(string header)
        {
            var sb = new StringBuilder();
            foreach (var c in header ?? "")
                if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            return sb.ToString();
        }

        /// <summary>Which tab a header row belongs to, for CSV files that RVTools names freely.</summary>
        internal static string TabOf(IReadOnlyList<string> headers)
        {
            var h = new HashSet<string>(headers.Select(Normalize));
            bool Has(string name) => h.Contains(Normalize(name)) || h.Any(x => x.EndsWith(Normalize(name), StringComparison.Ordinal));
            if (Has("NIC label") && Has("Network") && Has("VM")) return "vNetwork";
            if (Has("Active Uplink") && Has("Port")) return "dvPort";
            if (Has("Host members")) return "dvSwitch";
            if (Has("Network Device") && Has("Switch")) return "vNIC";
            if (Has("Device") && Has("IP Address") && Has("Port Group")) return "vSC_VMK";
            if (Has("Port Group") && Has("Switch") && Has("VLAN")) return "vPort";
            if (Has("Switch") && Has("# Ports") && Has("Host")) return "vSwitch";
            if (Has("ESX Version") && Has("Host")) return "vHost";
            return null;
        }
    }
}
