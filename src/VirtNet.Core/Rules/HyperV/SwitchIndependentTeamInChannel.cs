using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNW005. NIC Teaming settings: a switch independent team must not face a port channel.</summary>
    internal sealed class SwitchIndependentTeamInChannel : RuleDefinition
    {
        public SwitchIndependentTeamInChannel() : base("VNW005", Severity.Error,
            "Switch independent team towards a port channel",
            "A switch independent team (every SET team, and LBFO teams in SwitchIndependent mode) expects the " +
            "switch to know nothing of it: each VM's traffic comes back on the NIC it left by, or on the primary " +
            "member. A port channel on the switch hashes return traffic over all its members instead, so frames " +
            "arrive on NICs the team does not expect them on, and a channel in LACP mode never forms because the " +
            "team does not speak LACP.",
            "Remove the port channel from the switch ports, or make the LBFO team Static or LACP to match it " +
            "(SET is always switch independent).",
            "Microsoft guide: NIC Teaming settings; Microsoft guide: Remote Direct Memory Access (RDMA) and Switch Embedded Teaming (SET)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                if (vswitch.Type != VirtualSwitchType.HyperV || vswitch.TeamingMode != TeamingMode.SwitchIndependent) continue;
                var team = PlatformTeam.Of(vswitch);
                var inChannel = team.Cabled.Where(u => u.SwitchPort.PortChannel != null).ToList();
                if (inChannel.Count == 0) continue;
                yield return Finding(vswitch.Path,
                    $"{team.Subject} is switch independent, but its NICs {Describe.Uplinks(inChannel)} are members of " +
                    $"{Describe.List(inChannel.Select(u => u.SwitchPort.PortChannel.Path).Distinct())}.");
            }
        }
    }
}
