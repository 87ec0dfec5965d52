using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// A Hyper-V team (SET or LBFO) or a Linux bond as the platform rules see it: the NICs that carry its traffic
    /// and the port channel its mode needs on the physical switch.
    /// </summary>
    internal sealed class PlatformTeam
    {
        PlatformTeam(string subject, IReadOnlyList<VNUplink> members, RequiredPortChannel required)
        {
            Subject = subject;
            Members = members;
            Required = required;
        }

        /// <summary>"Team Team0 of hv01/External (Lacp)", "SET switch hv01/Converged", "Bond lx01/bond0 (802.3ad)".</summary>
        public string Subject { get; }
        public IReadOnlyList<VNUplink> Members { get; }
        public RequiredPortChannel Required { get; }
        public IEnumerable<VNUplink> Cabled => Members.Where(u => u.SwitchPort != null);

        /// <summary>The switch's team: SET, an LBFO team or a bond; null for a Hyper-V switch without either.</summary>
        public static PlatformTeam Of(VNVirtualSwitch vswitch)
        {
            if (vswitch.BondMode.HasValue)
                return new PlatformTeam($"Bond {vswitch.Path} ({LinuxBonding.Name(vswitch.BondMode.Value)})", vswitch.Uplinks,
                    LinuxBonding.RequiredChannel(vswitch.BondMode.Value));
            if (vswitch.EmbeddedTeamingEnabled)
                return new PlatformTeam($"SET switch {vswitch.Path}", vswitch.Uplinks, RequiredPortChannel.None);
            if (vswitch.Team != null)
                return new PlatformTeam($"Team {vswitch.Team.Name} of {vswitch.Path} ({vswitch.Team.TeamingMode})", vswitch.Team.Members,
                    vswitch.Team.RequiredPortChannel);
            return null;
        }

        /// <summary>
        /// Why the cabled members are not exactly one port channel of the required kind (static: mode on; LACP:
        /// active or passive); null when they are. Uncabled members cannot be judged and are left out.
        /// </summary>
        public string ChannelProblem()
        {
            var ports = Cabled.Select(u => u.SwitchPort).ToList();
            var channels = ports.Select(p => p.PortChannel?.Logical).Where(c => c != null).Distinct().ToList();
            var outside = ports.Where(p => p.PortChannel == null).ToList();
            if (channels.Count == 0)
                return $"its NICs {Describe.Uplinks(Cabled)} are on switch ports in no port channel";
            var facts = new List<string>();
            foreach (var channel in channels)
            {
                if (!Matches(channel)) facts.Add($"{channel.Path} is mode {channel.Mode}, not {(Required == RequiredPortChannel.Lacp ? "active or passive (LACP)" : "on (static)")}");
                var foreign = channel.AllMembers.Where(m => !ports.Contains(m)).ToList();
                if (foreign.Count > 0) facts.Add($"{channel.Path} also has {Describe.List(foreign.Select(m => channel.IsMultiChassis ? m.Path : m.Name))}, which no NIC of it is cabled to");
            }
            if (channels.Count > 1) facts.Add($"its NICs are split over {Describe.List(channels.Select(c => c.Path))}" + Aggregators(channels));
            if (outside.Count > 0) facts.Add($"{Describe.List(outside.Select(p => p.Path))} {(outside.Count == 1 ? "is" : "are")} in no channel");
            return facts.Count == 0 ? null : string.Join("; ", facts);
        }

        /// <summary>
        /// A bond's LACP channels on separate switches are separate aggregators, and an 802.3ad bond transmits on
        /// one only: with ad_select stable (the default) or bandwidth, the one of the largest aggregate speed, on a
        /// tie the first slave's (bonding.rst, "ad_select"; bond_3ad.c ad_agg_selection_logic).
        /// </summary>
        string Aggregators(List<VNPortChannel> channels)
        {
            if (!Subject.StartsWith("Bond ", System.StringComparison.Ordinal) || Required != RequiredPortChannel.Lacp || !channels.All(c => c.IsLacp)) return "";
            var switches = channels.Select(c => (object)c.PhysicalSwitch.Pair ?? c.PhysicalSwitch).Distinct().Count();
            if (switches != channels.Count) return "";
            var cabled = Cabled.ToList();
            var active = channels.OrderByDescending(c => cabled.Where(u => u.SwitchPort.PortChannel.Logical == c).Sum(u => (long)u.SpeedMbps))
                .ThenBy(c => cabled.FindIndex(u => u.SwitchPort.PortChannel.Logical == c)).First();
            var idle = cabled.Where(u => u.SwitchPort.PortChannel.Logical != active).ToList();
            return $", switches that are no stack or vPC/MLAG pair: LACP forms one aggregator per switch and the bond transmits only on the active one " +
                $"({active.Path}, ad_select stable), so {Describe.Uplinks(idle)} stay idle";
        }

        bool Matches(VNPortChannel channel) => Required == RequiredPortChannel.Lacp ? channel.IsLacp : channel.IsStatic;
    }
}
