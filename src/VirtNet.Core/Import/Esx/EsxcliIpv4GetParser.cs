using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcli network ip interface ipv4 get (and ipv4 address list). Published outputs show that builds before 6.5 have no
    /// Gateway column; DHCP DNS is sometimes misaligned; localcli prints one continuous dash rule. Rows are read
    /// by token: name, address, netmask, broadcast, address type, [gateway,] DHCP DNS.
    /// </summary>
    sealed class EsxcliIpv4GetParser : EsxTableParser
    {
        static readonly Regex Header = new Regex(@"^Name\s+IPv4 Address\s+IPv4 Netmask\s+IPv4 Broadcast\s+Address Type\s+(?<gw>Gateway\s+)?DHCP DNS$", RegexOptions.CultureInvariant);
        static readonly Regex AdapterName = new Regex(@"^vmk[0-9]+$", RegexOptions.CultureInvariant);

        bool _gateway;

        public EsxcliIpv4GetParser(HostFacts facts, ParseContext context) : base(facts, context) { }

        public override string Format => "esxcli network ip interface ipv4 get";

        public override bool IsHeader(ExportLine line) => Header.IsMatch(line.Text);

        public override void Begin(ExportLine header) => _gateway = Header.Match(header.Text).Groups["gw"].Success;

        public override void Row(ExportLine line)
        {
            if (IsRule(line)) return;
            var tokens = ExportText.Tokens(line.Text).Select(t => t.Text).ToList();
            int expected = _gateway ? 7 : 6;
            if (tokens.Count != expected || !AdapterName.IsMatch(tokens[0]) || !TryIPv4(tokens[1], out var ip) || !TryPrefix(tokens[2], out int prefix)
                || (_gateway && !TryIPv4(tokens[5], out _)))
            {
                Context.Unknown(line, $"a row of {Format} (name, address, netmask, broadcast, address type{(_gateway ? ", gateway" : "")}, DHCP DNS)");
                return;
            }
            var adapter = Facts.Adapter(tokens[0], Context.At(line));
            adapter.IPAddress = ip;
            adapter.PrefixLength = prefix;
            adapter.NoIPv4 = false;
            // 0.0.0.0 is how esxcli prints "no gateway of its own".
            if (_gateway && TryIPv4(tokens[5], out var gateway) && gateway.Value != 0) adapter.Gateway = gateway;
        }
    }
}
