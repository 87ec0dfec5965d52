using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.Esx
{
    /// <summary>A table of esxcfg or esxcli output: a header line that says which, then rows.</summary>
    abstract class EsxTableParser
    {
        protected EsxTableParser(HostFacts facts, ParseContext context)
        {
            Facts = facts;
            Context = context;
        }

        protected HostFacts Facts { get; }
        protected ParseContext Context { get; }
        /// <summary>The command whose output this is, as the error message names it.</summary>
        public abstract string Format { get; }
        public abstract bool IsHeader(ExportLine line);
        public abstract void Begin(ExportLine header);
        public abstract void Row(ExportLine line);

        /// <summary>
        /// Blog conversions collapse runs of blanks, header and rows alike. Rows can still be split by token
        /// class, but a name with blanks may have had more of them: such names are reported, as they may not match
        /// the same name in another file.
        /// </summary>
        protected static bool IsCollapsed(ExportLine header) => header.Text.IndexOf("  ", System.StringComparison.Ordinal) < 0;

        protected void ReportCollapsed(ExportLine line, string name, bool collapsed)
        {
            if (collapsed && name.IndexOf(' ') >= 0)
                Context.Warn(line, $"the blanks between the columns are lost in this paste, so the name '{Echo.Cut(name)}' is read with single blanks; it may have had more.");
        }

        /// <summary>esxcli draws a dash rule under its headers ("----  ------"; localcli one continuous rule).</summary>
        protected static bool IsRule(ExportLine line) => line.Text.Length > 0 && line.Text.All(c => c == '-' || c == ' ');

        static readonly Regex MacLike = new Regex(@"^[0-9A-Za-z]{2}(?::[0-9A-Za-z]{2}){5}$", RegexOptions.CultureInvariant);

        /// <summary>A MAC column: a valid address, or null with a warning when it is masked or damaged (XX, O for 0).</summary>
        protected MacAddress? Mac(ExportLine line, string token, string owner)
        {
            if (MacAddress.TryParse(token, out var mac)) return mac;
            Context.Warn(line, $"'{Echo.Cut(token)}' is not a MAC address (masked or damaged?); {owner} is read without its MAC address.");
            return null;
        }

        protected static bool LooksLikeMac(string token) => MacLike.IsMatch(token);

        protected static bool TryIPv4(string token, out IPv4Address ip) => IPv4Address.TryParse(token, out ip);

        protected static bool TryPrefix(string mask, out int prefix)
        {
            prefix = 0;
            try
            {
                prefix = IPv4Address.PrefixFromMask(mask);
                return true;
            }
            catch (VirtNetException)
            {
                return false;
            }
        }

        /// <summary>"vmnic0,vmnic1" (esxcfg) or "vmnic0, vmnic1" (esxcli); empty gives an empty list.</summary>
        protected static List<string> NameList(string text) =>
            text.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
    }
}
