using System.Collections.Generic;
using System.Globalization;

namespace VirtNet.Rules
{
    /// <summary>VNP001. A full vSwitch refuses the next connection (usable ports 2^k - 8 before 5.5: Mastering VMware VI3; vSphere 5.5 elastic ports).</summary>
    internal sealed class VirtualSwitchFull : RuleDefinition
    {
        public VirtualSwitchFull() : base("VNP001", Severity.Error,
            "vSwitch full",
            "Every uplink, VM network adapter and VMkernel or Service Console port takes one of a standard " +
            "vSwitch's usable ports (ESX 3.x and 4.0: 8, 24, 56, 120, 248, 504 or 1016; 4.1 to 5.1: as configured). " +
            "On a full vSwitch the next VM adapter cannot connect: the VM powers on without network, and vMotion " +
            "to the host fails. From ESXi 5.5 standard vSwitches are elastic and never fill up this way.",
            "Recreate the vSwitch with more ports (the change needs a host reboot), or move VMs to another vSwitch.",
            "vSphere Networking guide (vSwitch properties); VMware Configuration Maximums")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.VirtualSwitches)
                if (!vswitch.IsElastic && vswitch.NumPortsAvailable <= 0)
                    yield return Finding(vswitch.Path,
                        $"{vswitch.Name} uses all {vswitch.NumPorts.ToString(CultureInfo.InvariantCulture)} usable ports " +
                        $"({PortUse.Describe(vswitch)}): the next adapter cannot connect.");
        }
    }
}
