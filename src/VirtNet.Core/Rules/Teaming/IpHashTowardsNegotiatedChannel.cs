using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNT002. A standard vSwitch speaks neither LACP nor PAgP (vSphere Networking guide: "only 802.3ad link
    /// aggregation in Static mode"); distributed switches speak LACP from 5.1; no ESX release speaks PAgP.
    /// </summary>
    internal sealed class IpHashTowardsNegotiatedChannel : RuleDefinition
    {
        public IpHashTowardsNegotiatedChannel() : base("VNT002", Severity.Error,
            "IP hash towards an LACP or PAgP port channel",
            "A standard vSwitch supports only static EtherChannel (mode on): it sends and answers no LACP or PAgP " +
            "frames. A channel in LACP mode (active, passive) or PAgP mode (desirable, auto) waits for a " +
            "negotiation that never comes, so its members are suspended or run as individual ports and the IP hash " +
            "team flaps MAC addresses between them. Distributed switches support LACP from vSphere 5.1; PAgP is " +
            "Cisco's own protocol and no ESX release speaks it.",
            "Set the channel to mode on (channel-group N mode on). On a distributed switch of vSphere 5.1 or later, " +
            "LACP works only with a link aggregation group configured on the vSwitch.",
            "VMware KB 1004048; vSphere Networking guide (LACP support on a vSphere Distributed Switch)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.LoadBalancing | TeamingFields.FailoverOrder))
            {
                if (team.LoadBalancing != LoadBalancingPolicy.LoadBalanceIP) continue;
                bool speaksLacp = team.VirtualSwitch.Type == VirtualSwitchType.Distributed && team.VirtualSwitch.Host.VersionInfo.IsAtLeast(5, 1);
                var channels = team.CabledActive.Select(u => u.SwitchPort.PortChannel)
                    .Where(c => c != null && (c.IsPagp || (c.IsLacp && !speaksLacp))).Distinct().ToList();
                if (channels.Count == 0) continue;
                string vswitch = team.VirtualSwitch.Type == VirtualSwitchType.Standard ? "a standard vSwitch"
                    : $"a distributed switch on ESX {team.VirtualSwitch.Host.Version}";
                yield return Finding(team.Target,
                    $"{team.Subject} routes based on IP hash towards " +
                    Describe.List(channels.Select(c => $"{c.Path} (mode {c.Mode}, {(c.IsLacp ? "LACP" : "PAgP")})")) +
                    $", but {vswitch} does not negotiate {(channels.Any(c => c.IsPagp) ? "PAgP" : "LACP")}: the channel does not form as configured.");
            }
        }
    }
}
