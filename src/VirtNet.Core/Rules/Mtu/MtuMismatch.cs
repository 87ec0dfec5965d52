using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNM001. Jumbo frames must be enabled end to end: VMkernel port, vSwitch and physical port.</summary>
    internal sealed class MtuMismatch : RuleDefinition
    {
        public MtuMismatch() : base("VNM001", Severity.Error,
            "MTU of VMkernel port, vSwitch and physical port disagree",
            "Jumbo frames pass only where every hop allows them. A VMkernel port whose MTU is larger than its " +
            "vSwitch's sends frames the vSwitch drops, and a vSwitch whose MTU is larger than its uplinks' switch " +
            "ports sends frames the physical switch drops. Small packets such as pings still pass, so the mismatch " +
            "shows only as stalled NFS, iSCSI or vMotion transfers.",
            "Set the same MTU on the VMkernel port, its vSwitch and the switch ports of all the vSwitch's uplinks " +
            "(9000 for jumbo frames; the switch port may be larger, such as 9216), or 1500 everywhere.",
            "vSphere Networking guide (enabling jumbo frames)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.VirtualSwitches)
            {
                string switchMtu = vswitch.Mtu.ToString(CultureInfo.InvariantCulture);
                foreach (var adapter in vswitch.PortGroups.SelectMany(p => p.Ports).OfType<VNVMKernelAdapter>())
                    if (adapter.Mtu > vswitch.Mtu)
                        yield return Finding(adapter.Path,
                            $"{adapter.Name} has MTU {adapter.Mtu.ToString(CultureInfo.InvariantCulture)}, but its vSwitch {vswitch.Name} has MTU {switchMtu}: the vSwitch drops its larger frames.");
                foreach (var uplink in vswitch.Uplinks)
                    if (uplink.SwitchPort != null && uplink.SwitchPort.Mtu < vswitch.Mtu)
                        yield return Finding(uplink.Path,
                            $"{vswitch.Name} has MTU {switchMtu}, but {uplink.SwitchPort.Path} of {uplink.Name} has MTU " +
                            $"{uplink.SwitchPort.Mtu.ToString(CultureInfo.InvariantCulture)}: the switch drops larger frames sent over {uplink.Name}.");
            }
        }
    }
}
