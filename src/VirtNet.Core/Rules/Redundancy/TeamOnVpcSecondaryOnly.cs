using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNR003. Cisco vPC design and configuration guides (vPC peer-link failure, single-attached devices): when the
    /// peer link fails and the peer-keepalive shows the primary alive, the secondary suspends its vPC member ports;
    /// a device attached to the secondary only, through a vPC, loses its network.
    /// </summary>
    internal sealed class TeamOnVpcSecondaryOnly : RuleDefinition
    {
        public TeamOnVpcSecondaryOnly() : base("VNR003", Severity.Warning,
            "All uplinks of a team on vPC ports of the secondary only",
            "When the peer link of a vPC or MLAG pair fails while both peers run, the secondary suspends its vPC " +
            "member ports so that the pair does not forward as two switches. A team whose uplinks all go to vPC " +
            "ports of the secondary then loses every uplink at once, although neither switch failed: a management " +
            "network there makes its HA host isolated.",
            "Cable the team to both peers (one channel across the pair, or one uplink to each), or attach a " +
            "single-homed host to a port of the secondary that is no vPC member (an orphan port).",
            "Cisco vPC design and configuration guides (peer-link failure, single-attached devices)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.FailoverOrder))
            {
                var cabled = team.CabledMembers.ToList();
                if (cabled.Count == 0) continue;
                var secondary = cabled[0].PhysicalSwitch;
                var pair = secondary.Pair;
                if (pair == null || pair.Secondary != secondary) continue;
                if (cabled.Any(u => u.PhysicalSwitch != secondary || u.SwitchPort.PortChannel == null || !u.SwitchPort.PortChannel.IsMultiChassis)) continue;
                yield return Finding(team.Target,
                    $"All uplinks of {team.Name} ({Describe.Uplinks(cabled)}) are vPC member ports of {secondary.Name}, the secondary of {pair.Name}: " +
                    $"when the peer link fails and {pair.Primary.Name} still runs, {secondary.Name} suspends them all.");
            }
        }
    }
}
