using System.Collections.Generic;
using System.Globalization;

namespace VirtNet.Rules
{
    /// <summary>VNP002. Headroom before VNP001: the port count of a pre-5.5 vSwitch changes only with a reboot.</summary>
    internal sealed class VirtualSwitchAlmostFull : RuleDefinition
    {
        public VirtualSwitchAlmostFull() : base("VNP002", Severity.Warning,
            "vSwitch above 90 % of its ports",
            "A standard vSwitch before ESXi 5.5 has a fixed number of usable ports, and changing it needs a host " +
            "reboot. Above 90 % in use, a few more VMs, or the VMs that HA or vMotion bring during a failure of " +
            "another host, fill it, and then their adapters cannot connect.",
            "Plan a larger port count (effective after a reboot) or another vSwitch before the ports run out.",
            "vSphere Networking guide (vSwitch properties); VMware Configuration Maximums")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.VirtualSwitches)
            {
                if (vswitch.IsElastic || vswitch.NumPortsAvailable <= 0) continue;
                // Strictly above 90 %: used / usable > 0.9, in integers.
                if (vswitch.UsedPorts * 10 <= vswitch.NumPorts * 9) continue;
                yield return Finding(vswitch.Path,
                    $"{vswitch.Name} uses {vswitch.UsedPorts.ToString(CultureInfo.InvariantCulture)} of its " +
                    $"{vswitch.NumPorts.ToString(CultureInfo.InvariantCulture)} usable ports ({PortUse.Describe(vswitch)}); " +
                    $"{vswitch.NumPortsAvailable.ToString(CultureInfo.InvariantCulture)} left.");
            }
        }
    }
}
