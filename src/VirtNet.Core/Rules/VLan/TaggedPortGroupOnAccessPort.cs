using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Rules
{
    /// <summary>VNV002. Tagged frames need a trunk; an access port carries one untagged VLAN (KB 1003806).</summary>
    internal sealed class TaggedPortGroupOnAccessPort : RuleDefinition
    {
        public TaggedPortGroupOnAccessPort() : base("VNV002", Severity.Error,
            "Access port under a tagged port group",
            "A port group with a VLAN id (1 to 4094, or 4095 for guest tagging) sends 802.1Q-tagged frames. An " +
            "access port carries one VLAN untagged and drops tagged frames, so the port groups that tag lose their " +
            "network on that uplink while untagged port groups keep working.",
            "Make the switch port a trunk allowing the port groups' VLANs (switchport mode trunk), or set the port " +
            "groups to VLAN 0 when the uplink is meant to carry only the access VLAN.",
            "VMware KB 1003806; vSphere Networking guide (VLAN configuration)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var uplink in scope.Uplinks)
            {
                var port = uplink.SwitchPort;
                if (port == null || port.Mode != SwitchPortMode.Access) continue;
                var tagged = scope.PortGroupsUsing(uplink)
                    .Where(pg => pg.VLanId != VLan.None)
                    .Select(pg => pg.Name + " (VLAN " + pg.VLanId.ToString(CultureInfo.InvariantCulture) + ")")
                    .ToList();
                if (tagged.Count == 0) continue;
                yield return Finding(uplink.Path,
                    $"{port.Path} of {uplink.Name} is an access port in VLAN {port.AccessVLan.ToString(CultureInfo.InvariantCulture)}, " +
                    $"but the port group{(tagged.Count == 1 ? "" : "s")} {Describe.List(tagged)} send tagged frames over {uplink.Name}: the switch drops them.");
            }
        }
    }
}
