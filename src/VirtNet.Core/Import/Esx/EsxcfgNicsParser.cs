using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcfg-nics -l and esxcli network nic list. Published outputs show that "Link Speed" covers two values
    /// (Up 25000Mbps) and 100000Mbps fills its column; esxcli prints the speed as a bare number, with or without
    /// Admin Status; PCI forms vary (02:01, 0000:0b:00.00, Pseudo for USB NICs); the Driver column widens. The MAC
    /// column is the anchor: speed and duplex come right before it, MTU right after, the description last.
    /// A NIC whose link is down shows 0 Mbps: its speed is unknown and the uplink keeps the model's default. The link
    /// status (Up, Down) is kept for NICs that no switch uses.
    /// </summary>
    sealed class EsxcfgNicsParser : EsxTableParser
    {
        static readonly Regex Header = new Regex(@"^Name\s+PCI(?: Device)?\s+Driver\s+(?:Admin Status\s+)?Link(?: Status)?\s+(?:Speed\s+)?Duplex\s+MAC Address\s+MTU\s+Description$", RegexOptions.CultureInvariant);
        static readonly Regex NicName = new Regex(@"^vmnic[0-9]+$", RegexOptions.CultureInvariant);
        static readonly Regex Speed = new Regex(@"^(?<mbps>[0-9]{1,7})(?:Mbps)?$", RegexOptions.CultureInvariant);

        bool _esxcli;

        public EsxcfgNicsParser(HostFacts facts, ParseContext context) : base(facts, context) { }

        public override string Format => _esxcli ? "esxcli network nic list" : "esxcfg-nics -l";

        public override bool IsHeader(ExportLine line) => Header.IsMatch(line.Text);

        public override void Begin(ExportLine header) => _esxcli = header.Text.Contains("PCI Device");

        public override void Row(ExportLine line)
        {
            if (IsRule(line)) return;
            var tokens = ExportText.Tokens(line.Text).Select(t => t.Text).ToList();
            int macAt = tokens.FindIndex(LooksLikeMac);
            Match speed = macAt >= 2 ? Speed.Match(tokens[macAt - 2]) : Match.Empty;
            if (!NicName.IsMatch(tokens[0]) || macAt < 4 || !speed.Success)
            {
                Context.Unknown(line, $"a row of {Format} (name, PCI, driver, link, speed, duplex, MAC address, MTU, description)");
                return;
            }
            var nic = Facts.Nic(tokens[0], Context.At(line));
            int mbps = int.Parse(speed.Groups["mbps"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (mbps > 0) nic.SpeedMbps = mbps;
            nic.Mac = Mac(line, tokens[macAt], nic.Name) ?? nic.Mac;
            // Link (esxcfg-nics) or Link Status (esxcli) comes right before the speed.
            var link = tokens[macAt - 3];
            if (link == "Up") nic.Link = NicLinkStatus.Up;
            else if (link == "Down") nic.Link = NicLinkStatus.Down;
            else Context.Warn(line, $"link '{Echo.Cut(link)}' is neither Up nor Down; {nic.Name} is read without its link status.");
        }
    }
}
