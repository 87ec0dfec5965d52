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
        /// LACP channels on separate switches (or separate channels of one) are separate aggregators, and an LACP
        /// team transmits on one only (<see cref="Teaming.LacpAggregators"/>): the message names it and the links
        /// that stay idle.
        /// </summary>
        string Aggregators(List<VNPortChannel> channels)
        {
            if (Required != RequiredPortChannel.Lacp || !channels.All(c => c.IsLacp)) return "";
            var members = Members.ToList();
            var aggregators = Teaming.LacpAggregators.Of(members);
            if (aggregators == null) return "";
            var policy = Bond ? Members[0].VirtualSwitch.AdSelect ?? AdSelect.Stable : AdSelect.Stable;
            int active = aggregators.Initial(policy);
            var channel = aggregators.Channel[active];
            var idle = members.Where((u, i) => aggregators.AggregatorOf[i] != active && u.SwitchPort != null).ToList();
            bool unpaired = channels.Select(c => (object)c.PhysicalSwitch.Pair ?? c.PhysicalSwitch).Distinct().Count() == channels.Count;
            return (unpaired ? ", switches that are no stack or vPC/MLAG pair" : "") +
                $": LACP forms one aggregator per {(unpaired ? "switch" : "channel")} and the {(Bond ? "bond" : "team")} transmits only on the active one " +
                $"({channel.Path}, {(Bond ? "ad_select " + policy.ToString().ToLowerInvariant() : "kept while a member of it is up")}), so {Describe.Uplinks(idle)} stay idle";
        }

        bool Bond => Subject.StartsWith("Bond ", System.StringComparison.Ordinal);

        bool Matches(VNPortChannel channel) => Required == RequiredPortChannel.Lacp ? channel.IsLacp : channel.IsStatic;
    }
}
