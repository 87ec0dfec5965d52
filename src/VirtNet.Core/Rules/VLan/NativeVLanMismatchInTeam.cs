using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNV004. Teamed uplinks must reach the same layer-2 networks (vSphere Networking guide, NIC teaming).</summary>
    internal sealed class NativeVLanMismatchInTeam : RuleDefinition
    {
        public NativeVLanMismatchInTeam() : base("VNV004", Severity.Warning,
            "Native VLAN differs between the uplinks of one team",
            "The switch puts untagged frames into the native VLAN of a trunk (the access VLAN of an access port). " +
            "When the uplinks of one team have different native VLANs, untagged traffic (port groups with VLAN 0) " +
            "is in one VLAN on one uplink and in another after a failover or a change of uplink, and reaches " +
            "different networks. Teamed uplinks must all reach the same layer-2 networks.",
            "Configure the same native VLAN (switchport trunk native vlan N) on the switch ports of all the team's uplinks.",
            "vSphere Networking guide (NIC teaming); VMware KB 1003806")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.FailoverOrder))
            {
                var cabled = team.CabledMembers.ToList();
                if (cabled.Select(u => UntaggedVLan(u.SwitchPort)).Distinct().Count() < 2) continue;
                yield return Finding(team.Target,
                    $"{team.Subject} has uplinks whose switch ports put untagged frames in different VLANs: " +
                    Describe.List(cabled.Select(u => $"{Describe.Uplink(u)} VLAN {UntaggedVLan(u.SwitchPort).ToString(CultureInfo.InvariantCulture)}")) + ".");
            }
        }

        static int UntaggedVLan(VNSwitchPort port) => port.Mode == SwitchPortMode.Access ? port.AccessVLan : port.NativeVLan;
    }
}
