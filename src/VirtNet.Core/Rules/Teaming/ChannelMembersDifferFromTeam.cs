using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNT005. vSphere Networking guide: the EtherChannel's port count must equal the team's uplink count.</summary>
    internal sealed class ChannelMembersDifferFromTeam : RuleDefinition
    {
        public ChannelMembersDifferFromTeam() : base("VNT005", Severity.Error,
            "Port channel members differ from the team's uplinks",
            "An IP hash team and its EtherChannel must cover the same links: one channel whose members are exactly " +
            "the switch ports of the team's active uplinks. A member cabled to no active uplink of the team " +
            "receives traffic the host never gets; an active uplink outside the channel, or in a second channel, " +
            "makes its MAC addresses flap between the channel and that port.",
            "Put the switch ports of all the team's active uplinks, and no other port, into one static EtherChannel.",
            "vSphere Networking guide (route based on IP hash); VMware KB 1004048")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.LoadBalancing | TeamingFields.FailoverOrder))
            {
                if (team.LoadBalancing != LoadBalancingPolicy.LoadBalanceIP) continue;
                var cabled = team.CabledActive.ToList();
                var ports = cabled.Select(u => u.SwitchPort).ToList();
                // Uplinks on separate switches are VNT006's finding; uplinks in no channel at all are VNT001's. The two
                // peers of a vPC or MLAG pair count as one switch, and a channel on both as one channel.
                if (ports.Select(p => (object)p.PhysicalSwitch.Pair ?? p.PhysicalSwitch).Distinct().Count() != 1) continue;
                var channels = ports.Select(p => p.PortChannel?.Logical).Where(c => c != null).Distinct().ToList();
                if (channels.Count == 0) continue;
                var outside = ports.Where(p => p.PortChannel == null).ToList();
                var foreign = channels.SelectMany(c => c.AllMembers).Where(m => !ports.Contains(m)).ToList();
                if (channels.Count == 1 && outside.Count == 0 && foreign.Count == 0) continue;
                var facts = channels.Select(c => $"{c.Path} has members {Describe.List(c.AllMembers.Select(m => c.IsMultiChassis ? m.Path : m.Name))}").ToList();
                if (outside.Count > 0) facts.Add($"{Describe.List(outside.Select(p => p.Name))} {(outside.Count == 1 ? "is" : "are")} in no channel");
                yield return Finding(team.Target,
                    $"{team.Subject} has the active uplinks {Describe.Uplinks(cabled)}, but {string.Join("; ", facts)}.");
            }
        }
    }
}
