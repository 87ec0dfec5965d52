using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNT006. KB 1004048: teaming with a port channel works "on a single physical switch or stacked switches".
    /// Cross-stack EtherChannel: Catalyst 3750 StackWise, the blade switches of the 3100 family; a vPC or MLAG pair
    /// offers one channel from two chassis as well (Cisco vPC design guide).
    /// </summary>
    internal sealed class ChannelAcrossSwitches : RuleDefinition
    {
        public ChannelAcrossSwitches() : base("VNT006", Severity.Error,
            "IP hash or port channel across switches that are not one stack or pair",
            "An EtherChannel, and so an IP hash team, may span several switches only when they form one stack " +
            "with one control plane, such as Catalyst 3750 StackWise or the Catalyst 3100 blade switches, or a vPC " +
            "or MLAG pair that offers one port channel from both chassis. Separate " +
            "switches cannot form one channel: each sees only its part of the team, and the host's MAC addresses " +
            "flap between them.",
            "Cable all the uplinks of an IP hash team to one switch or one stack and build one static EtherChannel " +
            "over them, or change the teaming to route based on originating port ID, which needs no switch " +
            "configuration and works across separate switches. With two Nexus switches, pair them in a vPC domain.",
            "VMware KB 1004048; Cisco Catalyst 3750 EtherChannel configuration guide (cross-stack EtherChannel); Cisco vPC design guide")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.LoadBalancing | TeamingFields.FailoverOrder))
            {
                if (team.LoadBalancing != LoadBalancingPolicy.LoadBalanceIP) continue;
                var cabled = team.CabledActive.ToList();
                var switches = cabled.Select(u => u.PhysicalSwitch).Distinct().ToList();
                if (switches.Count < 2) continue;
                // Two peers of one vPC or MLAG pair can offer one channel; whether they do is VNT001's and VNT005's question.
                if (switches.Count == 2 && switches[0].Pair != null && switches[0].Pair == switches[1].Pair) continue;
                yield return Finding(team.Target,
                    $"{team.Subject} routes based on IP hash over the active uplinks {Describe.Uplinks(cabled)}, which go to " +
                    $"{Describe.List(switches.Select(s => s.Name))}: separate switches (no stack, no vPC or MLAG pair) that cannot share one port channel.");
            }
        }
    }
}
