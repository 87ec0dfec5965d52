using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNT001. KB 1004048: IP hash needs a static EtherChannel; without it the switch sees MAC flapping.</summary>
    internal sealed class IpHashWithoutStaticChannel : RuleDefinition
    {
        public IpHashWithoutStaticChannel() : base("VNT001", Severity.Error,
            "IP hash without a static port channel",
            "Route based on IP hash sends the frames of one VM or VMkernel port over several uplinks, one per " +
            "source and destination pair, so the physical switch sees the same MAC address on several ports. Only " +
            "an EtherChannel over exactly those ports lets the switch treat them as one link. Without it the " +
            "switch relearns the MAC address on whichever port it last saw it (MAC flapping) and delivers return " +
            "traffic to the wrong uplink: connectivity is unreliable.",
            "Configure a static EtherChannel (channel-group N mode on) over the switch ports of all the team's " +
            "uplinks, or change the teaming to route based on originating port ID, which needs no switch configuration.",
            "VMware KB 1004048; vSphere Networking guide (route based on IP hash)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.LoadBalancing | TeamingFields.FailoverOrder))
            {
                if (team.LoadBalancing != LoadBalancingPolicy.LoadBalanceIP) continue;
                var cabled = team.CabledActive.ToList();
                // One uplink cannot flap; an IP hash team of one is pointless but harmless.
                if (cabled.Count < 2 || cabled.Any(u => u.SwitchPort.PortChannel != null)) continue;
                yield return Finding(team.Target,
                    $"{team.Subject} routes based on IP hash, but its active uplinks {Describe.Uplinks(cabled)} are on " +
                    "switch ports in no port channel: the switch sees each source MAC address flap between them.");
            }
        }
    }
}
