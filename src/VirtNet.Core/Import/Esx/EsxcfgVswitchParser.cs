using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcfg-vswitch -l (and the same table in vem status). Published outputs show three section kinds (Switch
    /// Name: standard; DVS Name: distributed; the 4-column Switch Name header: an NSX opaque switch), column widths
    /// that change between versions, and names that overflow their column. So rows are tokenised from the right:
    /// Uplinks is a comma list without blanks (or empty), and the numeric columns come before it; the name is the
    /// text before them, blanks and all.
    /// </summary>
    sealed class EsxcfgVswitchParser : EsxTableParser
    {
        static readonly Regex SwitchHeader = new Regex(@"^(?<kind>Switch|DVS) Name\s+Num Ports\s+Used Ports\s+(?<full>Configured Ports\s+MTU\s+)?Uplinks$", RegexOptions.CultureInvariant);
        static readonly Regex PortGroupHeader = new Regex(@"^PortGroup Name\s+VLAN ID\s+Used Ports\s+Uplinks$", RegexOptions.CultureInvariant);
        static readonly Regex DVPortHeader = new Regex(@"^DVPort ID\s+In Use\s+Client$", RegexOptions.CultureInvariant);
        static readonly Regex AdapterClient = new Regex(@"^(?:vmk|vswif)[0-9]+$", RegexOptions.CultureInvariant);

        enum Table { Switches, PortGroups, DVPorts }

        Table _table;
        VirtualSwitchType _type;
        bool _full, _collapsed;
        VSwitchFacts _switch;

        public EsxcfgVswitchParser(HostFacts facts, ParseContext context) : base(facts, context) { }

        public override string Format => "esxcfg-vswitch -l";

        public override bool IsHeader(ExportLine line) =>
            SwitchHeader.IsMatch(line.Text) || (_switch != null && (PortGroupHeader.IsMatch(line.Text) || DVPortHeader.IsMatch(line.Text)));

        public override void Begin(ExportLine header)
        {
            _collapsed = IsCollapsed(header);
            var m = SwitchHeader.Match(header.Text);
            if (m.Success)
            {
                _table = Table.Switches;
                _full = m.Groups["full"].Success;
                // The 4-column header is an NSX opaque switch (N-VDS): centrally managed like a distributed switch.
                _type = m.Groups["kind"].Value == "DVS" || !_full ? VirtualSwitchType.Distributed : VirtualSwitchType.Standard;
                _switch = null;
            }
            else _table = PortGroupHeader.IsMatch(header.Text) ? Table.PortGroups : Table.DVPorts;
        }

        public override void Row(ExportLine line)
        {
            var tokens = ExportText.Tokens(line.Text);
            switch (_table)
            {
                case Table.Switches:
                {
                    int numbers = _full ? 4 : 2;
                    bool hasUplinks = !Numbers.IsAllDigits(tokens[tokens.Count - 1].Text);
                    int first = tokens.Count - (hasUplinks ? 1 : 0) - numbers;
                    if (first < 1 || tokens.Skip(first).Take(numbers).Any(t => !Numbers.IsAllDigits(t.Text)))
                    {
                        Context.Unknown(line, $"a switch row of {Format} (name, {(_full ? "Num Ports, Used Ports, Configured Ports, MTU" : "Num Ports, Used Ports")}, Uplinks)");
                        _switch = null;
                        return;
                    }
                    var name = line.Text.Substring(0, tokens[first].Start).Trim();
                    ReportCollapsed(line, name, _collapsed);
                    _switch = Facts.VirtualSwitch(name, Context.At(line));
                    _switch.Source = Context.At(line);
                    _switch.Type = _type;
                    if (_full)
                    {
                        _switch.ConfiguredPorts = Numbers.TryParse(tokens[first + 2].Text, out int configured) ? configured : (int?)null;
                        _switch.Mtu = Numbers.TryParse(tokens[first + 3].Text, out int mtu) ? mtu : (int?)null;
                    }
                    _switch.Uplinks = hasUplinks ? NameList(tokens[tokens.Count - 1].Text) : new System.Collections.Generic.List<string>();
                    return;
                }
                case Table.PortGroups:
                {
                    bool hasUplinks = !Numbers.IsAllDigits(tokens[tokens.Count - 1].Text);
                    int first = tokens.Count - (hasUplinks ? 1 : 0) - 2;
                    if (first < 1 || !Numbers.TryParse(tokens[first].Text, out int vlan) || !Numbers.IsAllDigits(tokens[first + 1].Text))
                    {
                        Context.Unknown(line, $"a port group row of {Format} (name, VLAN ID, Used Ports, Uplinks)");
                        return;
                    }
                    var pg = Facts.PortGroup(_switch.Name, line.Text.Substring(0, tokens[first].Start).Trim(), Context.At(line));
                    ReportCollapsed(line, pg.Name, _collapsed);
                    pg.VLanId = vlan;
                    pg.ActiveHint = hasUplinks ? NameList(tokens[tokens.Count - 1].Text) : new System.Collections.Generic.List<string>();
                    return;
                }
                default:
                {
                    // DVPort ID, In Use, Client: the client may hold blanks (VM3 ethernet0) or be empty.
                    if (tokens.Count < 2 || !Numbers.TryParse(tokens[0].Text, out int id) || !Numbers.IsAllDigits(tokens[1].Text))
                    {
                        Context.Unknown(line, $"a DVPort row of {Format} (DVPort ID, In Use, Client)");
                        return;
                    }
                    var client = tokens.Count > 2 ? line.Text.Substring(tokens[2].Start).Trim() : "";
                    if (AdapterClient.IsMatch(client)) Facts.DVPort(_switch.Name, id);
                    return;
                }
            }
        }
    }
}
