using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcfg-route -l, and esxcli network ip route ipv4 list. Published outputs show that ESX 4.x has no Interface column
    /// and a duplicated header (Network Network Gateway); 5.x+ has Interface, and "Local Subnet" (with a blank) in
    /// the Gateway column. Only the default route reaches the model, as the gateway of a VMkernel adapter; the other
    /// routes are checked and passed over. "VMkernel default gateway is X" (esxcfg-route without -l) says the same.
    /// </summary>
    sealed class EsxcfgRouteParser : EsxTableParser
    {
        static readonly Regex Header = new Regex(@"^Network\s+(?:Netmask|Network)\s+Gateway(?<interface>\s+Interface)?(?:\s+Source)?$", RegexOptions.CultureInvariant);
        public static readonly Regex DefaultGatewayLine = new Regex(@"^VMkernel default gateway is (?<gw>\S+)$", RegexOptions.CultureInvariant);

        bool _interface;

        public EsxcfgRouteParser(HostFacts facts, ParseContext context) : base(facts, context) { }

        public override string Format => "esxcfg-route -l";

        public override bool IsHeader(ExportLine line) => Header.IsMatch(line.Text);

        public override void Begin(ExportLine header) => _interface = Header.Match(header.Text).Groups["interface"].Success;

        public override void Row(ExportLine line)
        {
            if (IsRule(line)) return;
            var tokens = ExportText.Tokens(line.Text).Select(t => t.Text).ToList();
            bool local = tokens.Count >= 4 && tokens[2] == "Local" && tokens[3] == "Subnet";
            int gatewayEnd = local ? 4 : 3;
            bool isDefault = tokens[0] == "default";
            if (tokens.Count < gatewayEnd || (!isDefault && !TryIPv4(tokens[0], out _)) || !TryIPv4(tokens[1], out _) || (!local && !TryIPv4(tokens[2], out _)))
            {
                Context.Unknown(line, $"a row of {Format} (network, netmask, gateway{(_interface ? ", interface" : "")})");
                return;
            }
            if (!isDefault || local) return;
            TryIPv4(tokens[2], out var gateway);
            SetDefault(gateway, _interface && tokens.Count > gatewayEnd ? tokens[gatewayEnd] : null, line);
        }

        public void TakeDefaultGatewayLine(ExportLine line)
        {
            var gw = DefaultGatewayLine.Match(line.Text).Groups["gw"].Value;
            if (TryIPv4(gw, out var gateway)) SetDefault(gateway, null, line);
            else Context.Unknown(line, "the VMkernel default gateway");
        }

        void SetDefault(Net.IPv4Address gateway, string iface, ExportLine line)
        {
            if (gateway.Value == 0) return;
            Facts.DefaultGateway = gateway;
            Facts.DefaultGatewayInterface = iface;
            Facts.DefaultGatewaySource = Context.At(line);
        }
    }
}
