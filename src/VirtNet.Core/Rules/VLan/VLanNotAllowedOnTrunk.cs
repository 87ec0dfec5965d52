using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Rules
{
    /// <summary>VNV001. Virtual switch tagging needs every port group VLAN in the trunk's allowed list (KB 1003806).</summary>
    internal sealed class VLanNotAllowedOnTrunk : RuleDefinition
    {
        public VLanNotAllowedOnTrunk() : base("VNV001", Severity.Error,
            "Port group VLAN not allowed on the trunk of an uplink",
            "With virtual switch tagging the vSwitch tags the frames of each port group with its VLAN, and the " +
            "switch port of every uplink that can carry the port group must be a trunk allowing that VLAN. The " +
            "switch drops the frames of a VLAN missing from the allowed list, and link status failure detection " +
            "does not notice: the uplink stays up while the port groups using it lose their network.",
            "Add the port groups' VLANs to the trunk (switchport trunk allowed vlan add N) on the switch port of " +
            "every uplink the port groups can use, active or standby.",
            "VMware KB 1003806; vSphere Networking guide (VLAN configuration)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var uplink in scope.Uplinks)
            {
                var port = uplink.SwitchPort;
                if (port == null || port.Mode != SwitchPortMode.Trunk) continue;
                var missing = scope.PortGroupsUsing(uplink)
                    .Where(pg => pg.VLanId != VLan.None && pg.VLanId != VLan.All && !port.CarriesVLan(pg.VLanId))
                    .Select(pg => pg.VLanId.ToString(CultureInfo.InvariantCulture) + " (" + pg.Name + ")")
                    .ToList();
                if (missing.Count == 0) continue;
                yield return Finding(uplink.Path,
                    $"Trunk {port.Path} of {uplink.Name} allows VLANs {port.AllowedVLan}, not the VLAN{(missing.Count == 1 ? "" : "s")} " +
                    $"{Describe.List(missing)} of port groups that use {uplink.Name}: the switch drops their frames.");
            }
        }
    }
}
