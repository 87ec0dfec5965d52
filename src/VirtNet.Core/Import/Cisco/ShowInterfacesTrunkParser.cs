using System;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.Cisco
{
    /// <summary>
    /// Reads "show interfaces trunk": the first section gives each trunking port and its native VLAN, the second its
    /// allowed VLANs. The last two sections (active, forwarding) are state, not configuration, and are passed over.
    /// Published outputs show: sections need not be separated by blank lines, columns differ by platform (Packet Tracer is
    /// narrower), and IOS compresses allowed lists into ranges. A port channel's row stands for its members, which
    /// the command does not list: the model keeps trunk settings on the member ports. A row whose Status is not
    /// "trunking" is a port that is configured to trunk but does not (link down, or DTP negotiated access): it is read
    /// as what it is configured to be only when its Mode is "on". The model and ESXi know 802.1Q only, so an ISL trunk
    /// is a warning.
    /// </summary>
    sealed class ShowInterfacesTrunkParser
    {
        enum Section { None, Mode, Allowed, Other }

        static readonly Regex ModeHeader = new Regex(@"^Port\s+Mode\s+Encapsulation\s+Status\s+Native vlan$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        static readonly Regex AllowedHeader = new Regex(@"^Port\s+Vlans allowed on trunk$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        static readonly Regex OtherHeader = new Regex(@"^Port\s+Vlans (?:allowed and active in management domain|in spanning tree forwarding state and not pruned)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        readonly SwitchFacts _facts;
        readonly ParseContext _context;
        Section _section;

        public ShowInterfacesTrunkParser(SwitchFacts facts, ParseContext context)
        {
            _facts = facts;
            _context = context;
        }

        public static bool Starts(ExportLine line) => ModeHeader.IsMatch(line.Text) || AllowedHeader.IsMatch(line.Text) || OtherHeader.IsMatch(line.Text);

        public void Take(ExportLine line)
        {
            if (ModeHeader.IsMatch(line.Text)) { _section = Section.Mode; return; }
            if (AllowedHeader.IsMatch(line.Text)) { _section = Section.Allowed; return; }
            if (OtherHeader.IsMatch(line.Text)) { _section = Section.Other; return; }
            var tokens = ExportText.Tokens(line.Text).Select(t => t.Text).ToList();
            if (_section == Section.None || !SwitchPortName.TryNormalize(tokens[0], out var shortName, out _))
            {
                _context.Unknown(line, "show interfaces trunk");
                return;
            }
            if (_section == Section.Other) return;
            PortFacts Port() => shortName.StartsWith("Po", StringComparison.Ordinal) && Numbers.TryParse(shortName.Substring(2), out int group)
                ? _facts.ChannelTrunk(group, shortName, _context.At(line)) : _facts.Port(shortName, _context.At(line));
            if (_section == Section.Mode)
            {
                if (tokens.Count != 5 || !Numbers.TryParse(tokens[4], out int native) || native < 1 || native > 4094)
                {
                    _context.Unknown(line, "a row of show interfaces trunk (port, mode, encapsulation, status, native VLAN)");
                    return;
                }
                var encapsulation = tokens[2].ToLowerInvariant();
                if (encapsulation == "isl" || encapsulation == "n-isl")
                {
                    _context.Warn(line, $"{shortName} trunks with ISL, which ESXi and the model do not speak (802.1Q only); its trunk settings are skipped.");
                    return;
                }
                var port = Port();
                if (tokens[3].Equals("trunking", StringComparison.OrdinalIgnoreCase) || tokens[1].Equals("on", StringComparison.OrdinalIgnoreCase))
                    port.Mode = SwitchPortMode.Trunk;
                port.NativeVLan = native;
                return;
            }
            if (tokens.Count != 2 || !VLanList.TryParse(tokens[1], out var flags))
            {
                _context.Unknown(line, "a row of show interfaces trunk (port, allowed VLANs)");
                return;
            }
            var allowed = Port();
            allowed.AllowedAll = VLanList.IsAll(flags);
            allowed.Allowed = allowed.AllowedAll ? null : flags;
        }
    }
}
