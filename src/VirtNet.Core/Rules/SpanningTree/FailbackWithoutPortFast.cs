using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNS003. KB 1003804: failback moves the Service Console back to a recovered active uplink once the host's
    /// Net.TeamPolicyUpDelay (100 ms by default, KB 2014075) has run out, while its switch port without PortFast may
    /// still listen and learn. A delay at least as long as the port's listening and learning time waits for it.
    /// </summary>
    internal sealed class FailbackWithoutPortFast : RuleDefinition
    {
        public FailbackWithoutPortFast() : base("VNS003", Severity.Warning,
            "Failback on the management team while its ports lack PortFast",
            "With failback on (the default), a recovered active uplink takes its traffic back as soon as its link " +
            "is up and the host's Net.TeamPolicyUpDelay (100 ms by default) has run out. Without PortFast its switch port " +
            "still listens and learns for 30 s, so unless the delay is at least that long the management network " +
            "moves from a working uplink onto a port that drops everything. HA heartbeats stop, and legacy " +
            "HA applies the isolation response after 14 s: a short flap of the active NIC powers off or shuts down " +
            "the host's VMs although the other uplink was fine.",
            "Enable PortFast (portfast trunk on trunks) on the switch ports of the management uplinks, raise " +
            "Net.TeamPolicyUpDelay to at least the ports' listening and learning time (Set-VNHost -AdvancedSetting), or set " +
            "failback to No on the management port group.",
            "VMware KB 1003804 and KB 2014075; Scott Lowe, VMware HA Configuration Notes (2008)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var portGroup in scope.PortGroups)
            {
                var management = portGroup.Ports.OfType<VNVMKernelAdapter>().Where(a => a.IsManagement).ToList();
                if (management.Count == 0) continue;
                var team = scope.TeamOf(portGroup);
                // Failback needs somewhere to fail over to first.
                if (!team.Policy.FailbackEnabled || team.Members.Count < 2) continue;
                var upDelay = TimeSpan.FromMilliseconds(Teaming.Team.UpDelayOf(portGroup.VirtualSwitch));
                var slow = team.CabledActive.Where(u => u.SwitchPort.ListeningAndLearning > upDelay).ToList();
                if (slow.Count == 0) continue;
                yield return Finding(portGroup.Path,
                    $"Port group {portGroup.Name} carries management ({Describe.List(management.Select(a => a.Name))}) with failback on, " +
                    $"but the active uplink{(slow.Count == 1 ? "" : "s")} {Describe.Uplinks(slow)} face{(slow.Count == 1 ? "s" : "")} " +
                    $"ports without effective PortFast: failback returns, {upDelay.TotalMilliseconds:0} ms (Net.TeamPolicyUpDelay) after the link " +
                    $"comes up, to a port that forwards only after {SpanningTreeDelay.Text(slow[0].SwitchPort)}.");
            }
        }
    }
}
