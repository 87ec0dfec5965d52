using System.Collections.Generic;
using VirtNet.Net;

namespace VirtNet.Rules
{
    /// <summary>VNV003. VLAN 4095 is virtual guest tagging, for VM port groups only (KB 1003806).</summary>
    internal sealed class AllVLansOnVMKernelPort : RuleDefinition
    {
        public AllVLansOnVMKernelPort() : base("VNV003", Severity.Error,
            "VLAN 4095 on a VMkernel port",
            "VLAN 4095 is virtual guest tagging: the vSwitch passes every VLAN to the port untouched and leaves the " +
            "tagging to the guest operating system. A VMkernel or Service Console port tags nothing itself, so on such " +
            "a port group its frames leave untagged and land in the trunk's native VLAN, not in any VLAN it was meant for.",
            "Put the VMkernel port on a port group with its own VLAN id (1 to 4094), or VLAN 0 for the native VLAN.",
            "VMware KB 1003806; vSphere Networking guide (VLAN configuration)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var adapter in scope.VMKernelAdapters)
                if (adapter.PortGroup.VLanId == VLan.All)
                    yield return Finding(adapter.Path,
                        $"{adapter.Name} is on port group {adapter.PortGroup.Name}, whose VLAN 4095 passes all VLANs to guests that tag their own frames; a VMkernel port does not tag.");
        }
    }
}
