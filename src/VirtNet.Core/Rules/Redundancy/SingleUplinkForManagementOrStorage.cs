using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNR001. Scott Lowe, "VMware HA Configuration Notes" (2008): "Ensure that the vSwitch hosting the Service
    /// Console has at least two uplinks"; KB 1002641 (Service Console redundancy). IP storage likewise loses its
    /// datastores with its one NIC.
    /// </summary>
    internal sealed class SingleUplinkForManagementOrStorage : RuleDefinition
    {
        public SingleUplinkForManagementOrStorage() : base("VNR001", Severity.Warning,
            "Single uplink for management or storage",
            "A vSwitch or port group that carries the management network (Service Console or management VMkernel " +
            "port) or IP storage on one uplink loses it with that one NIC, cable or switch port. For management " +
            "that makes an HA host isolated from its cluster; for NFS or iSCSI it takes the datastores away from " +
            "every VM on them.",
            "Give the vSwitch at least two uplinks, cabled to different switches or stack members, and let the " +
            "port group use both (active and standby is enough).",
            "Scott Lowe, VMware HA Configuration Notes (2008); VMware KB 1002641")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.VirtualSwitches)
            {
                var critical = vswitch.PortGroups.Where(pg => Carried(pg).Any()).ToList();
                if (critical.Count == 0) continue;
                if (vswitch.Uplinks.Count < 2)
                {
                    yield return Finding(vswitch.Path,
                        $"{vswitch.Name} carries {Describe.List(critical.SelectMany(Carried))} on " +
                        $"{(vswitch.Uplinks.Count == 0 ? "no uplink" : "one uplink, " + Describe.Uplink(vswitch.Uplinks[0]))}.");
                    continue;
                }
                foreach (var portGroup in critical)
                {
                    var team = scope.TeamOf(portGroup);
                    if (team.Members.Count >= 2) continue;
                    yield return Finding(portGroup.Path,
                        $"Port group {portGroup.Name} carries {Describe.List(Carried(portGroup))} on " +
                        $"{(team.Members.Count == 0 ? "no uplink" : "one uplink, " + Describe.Uplink(team.Members[0]))}; " +
                        $"its other uplinks ({Describe.List(team.Policy.UnusedNic)}) are unused.");
                }
            }
        }

        /// <summary>"management vswif0", "storage vmk1": the traffic that must not hang on one NIC.</summary>
        static IEnumerable<string> Carried(VNPortGroup portGroup) =>
            portGroup.Ports.OfType<VNVMKernelAdapter>()
                .Where(a => a.IsManagement || a.Purpose.Contains(AdapterPurpose.Storage))
                .Select(a => (a.IsManagement ? "management " : "storage ") + a.Name);
    }
}
