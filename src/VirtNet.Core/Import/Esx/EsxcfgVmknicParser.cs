using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcfg-vmknic -l and esxcfg-vswif -l. Published outputs show the header changed across versions (Port Group,
    /// Port_Group, Port Group/DVPort, .../Opaque Network, DVPort alone; IP Family or not; Broadcast or not; TYPE in
    /// capitals on vswif). The port group column may hold blanks, a DVPort number or an NSX UUID, so it is read as
    /// everything between the interface and the first IP column. There is one row per IP family: IPv6 rows are
    /// passed over (the model is IPv4), and N/A in the IPv4 columns means the adapter has no IPv4 address.
    /// </summary>
    sealed class EsxcfgVmknicParser : EsxTableParser
    {
        static readonly Regex Header = new Regex(@"^(?<first>Interface|Name)\s+(?:Port[ _]Group(?:/DVPort(?:/Opaque Network)?)?|DVPort)\s+(?:IP[ _]Family\s+)?IP[ _]Address\s+Netmask\b", RegexOptions.CultureInvariant);
        static readonly Regex AdapterName = new Regex(@"^(?:vmk|vswif)[0-9]+$", RegexOptions.CultureInvariant);
        /// <summary>An NSX logical switch's id, as the Opaque Network column shows it (a UUID).</summary>
        static readonly Regex OpaqueNetworkId = new Regex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);

        bool _family, _broadcast, _mac, _mtu, _vswif, _collapsed, _opaque, _netStack;

        public EsxcfgVmknicParser(HostFacts facts, ParseContext context) : base(facts, context) { }

        public override string Format => _vswif ? "esxcfg-vswif -l" : "esxcfg-vmknic -l";

        public override bool IsHeader(ExportLine line) => Header.IsMatch(line.Text);

        public override void Begin(ExportLine header)
        {
            var text = header.Text;
            _collapsed = IsCollapsed(header);
            _vswif = text.StartsWith("Name", StringComparison.Ordinal);
            _family = Regex.IsMatch(text, @"\bIP[ _]Family\b");
            _broadcast = text.Contains("Broadcast");
            _mac = text.Contains("MAC Address");
            _mtu = Regex.IsMatch(text, @"\bMTU\b");
            _opaque = text.Contains("/Opaque Network");
            _netStack = Regex.IsMatch(text, @"\bNetStack$");
        }

        public override void Row(ExportLine line)
        {
            var tokens = ExportText.Tokens(line.Text);
            int ipAt = -1;
            for (int i = 1; i < tokens.Count && ipAt < 0; i++)
            {
                var t = tokens[i].Text;
                if (_family ? t == "IPv4" || t == "IPv6" : t == "N/A" || TryIPv4(t, out _)) ipAt = i;
            }
            if (!AdapterName.IsMatch(tokens[0].Text) || ipAt < 2)
            {
                Context.Unknown(line, $"a row of {Format} (interface, port group, addresses ...)");
                return;
            }
            if (_family && tokens[ipAt].Text == "IPv6") return;
            int at = _family ? ipAt + 1 : ipAt;
            if (at + 1 >= tokens.Count)
            {
                Context.Unknown(line, $"a row of {Format}: the address or netmask is missing");
                return;
            }
            var adapter = Facts.Adapter(tokens[0].Text, Context.At(line));
            adapter.Source = Context.At(line);
            var portGroup = line.Text.Substring(tokens[1].Start, tokens[ipAt].Start - tokens[1].Start).Trim();
            // ESXi 5.x shows the DVPort number of an adapter on a distributed switch in the port group column.
            if (Numbers.TryParse(portGroup, out int dvPort)) { adapter.DVPort = dvPort; adapter.PortGroup = null; adapter.OpaqueNetwork = null; }
            else if (_opaque && OpaqueNetworkId.IsMatch(portGroup)) { adapter.OpaqueNetwork = portGroup; adapter.PortGroup = null; adapter.DVPort = null; }
            else
            {
                adapter.PortGroup = portGroup;
                adapter.PortGroupIsStandard = true;
                adapter.DVPort = null;
                adapter.OpaqueNetwork = null;
                ReportCollapsed(line, portGroup, _collapsed);
            }
            // NetStack is the last column; Type before it may hold blanks (STATIC, PREFERRED).
            if (_netStack && tokens.Count > at + 2) adapter.NetStack = tokens[tokens.Count - 1].Text;
            string ip = tokens[at].Text, mask = tokens[at + 1].Text;
            if (ip == "N/A") adapter.NoIPv4 = true;
            else if (TryIPv4(ip, out var address) && TryPrefix(mask, out int prefix))
            {
                adapter.IPAddress = address;
                adapter.PrefixLength = prefix;
                adapter.NoIPv4 = false;
            }
            else Context.Warn(line, $"'{ip} {mask}' is not an IPv4 address and netmask; {adapter.Name} is read without its address.");
            at += 2;
            if (_broadcast) at++;
            if (_mac && at < tokens.Count)
            {
                if (LooksLikeMac(tokens[at].Text)) adapter.Mac = Mac(line, tokens[at].Text, adapter.Name) ?? adapter.Mac;
                else Context.Warn(line, $"'{tokens[at].Text}' is not a MAC address; {adapter.Name} is read without its MAC address.");
                at++;
            }
            if (_mtu && at < tokens.Count)
            {
                if (Numbers.TryParse(tokens[at].Text, out int mtu)) adapter.Mtu = mtu;
                else Context.Warn(line, $"'{tokens[at].Text}' is not an MTU; {adapter.Name} keeps the default MTU.");
            }
        }
    }
}
