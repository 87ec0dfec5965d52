using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNS001. KB 1003804 (an HA isolation event after a teamed Service Console NIC is unplugged and plugged in):
    /// enable PortFast on every port facing an ESX NIC. Hosts run no spanning tree, so nothing is lost.
    /// </summary>
    internal sealed class HostPortWithoutPortFast : RuleDefinition
    {
        public HostPortWithoutPortFast() : base("VNS001", Severity.Warning,
            "Host-facing port without PortFast",
            "Without PortFast, a switch port that comes up listens and learns for twice the forward delay " +
            "(2 x 15 s by default) before it forwards. Link status failure detection sees the link up at once, so " +
            "after a flap the host sends into a port that drops everything for 30 s: long enough for legacy HA " +
            "(isolation response at 14 s) to declare the host isolated. A host runs no spanning tree and cannot " +
            "form a loop through its vSwitch, so the wait protects nothing.",
            "Enable PortFast on every switch port facing a host NIC: spanning-tree portfast on access ports, " +
            "spanning-tree portfast trunk (portfast edge trunk on newer IOS) on trunks; with BPDU guard.",
            "VMware KB 1003804; Scott Lowe, VMware HA Configuration Notes (2008); vSphere Networking guide")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var port in scope.SwitchPorts)
                if (port.Uplink != null && port.PortFast == PortFastMode.Disabled)
                    yield return Finding(port.Path,
                        $"{port.Path} faces {port.Uplink.Path} without PortFast: after each link-up it forwards only after {SpanningTreeDelay.Text(port)}.");
        }
    }
}
