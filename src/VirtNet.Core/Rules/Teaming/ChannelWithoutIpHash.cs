using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNT003. KB 1004048: with an EtherChannel on the switch, the vSwitch must route based on IP hash.</summary>
    internal sealed class ChannelWithoutIpHash : RuleDefinition
    {
        public ChannelWithoutIpHash() : base("VNT003", Severity.Error,
            "Port channel with a teaming policy other than IP hash",
            "An EtherChannel makes the switch treat its members as one link and hash the return traffic of every " +
            "MAC address over all of them, while port ID, MAC hash, explicit failover and load-based teaming send " +
            "each VM on one uplink and expect it there. The two sides disagree about where each address lives, which " +
            "VMware does not support and which shows as intermittent loss of connectivity.",
            "Set the team to route based on IP hash with all its uplinks active, or remove the EtherChannel from " +
            "the switch ports and keep the policy.",
            "VMware KB 1004048; Scott Lowe, Understanding NIC Utilization in VMware ESX (2008)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.LoadBalancing | TeamingFields.FailoverOrder))
            {
                if (team.LoadBalancing == LoadBalancingPolicy.LoadBalanceIP) continue;
                var inChannel = team.CabledMembers.Where(u => u.SwitchPort.PortChannel != null).ToList();
                if (inChannel.Count == 0) continue;
                yield return Finding(team.Target,
                    $"{team.Subject} is set to {Describe.Policy(team.LoadBalancing)}, but its uplinks {Describe.Uplinks(inChannel)} " +
                    $"are members of {Describe.List(inChannel.Select(u => u.SwitchPort.PortChannel.Path).Distinct())}.");
            }
        }
    }
}
