using System.Collections.Generic;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH001. vCenter's "Host ... currently has no management network redundancy" (HostNoRedundantManagementNetworkEvent):
    /// one management port on one uplink. das.ignoreRedundantNetWarning silences it (KB 1004700).
    /// </summary>
    internal sealed class NoManagementRedundancy : ClusterRule
    {
        public NoManagementRedundancy() : base("VNH001", Severity.Warning,
            "HA host without management network redundancy",
            "HA heartbeats over the management network only. A host whose one Service Console or management " +
            "VMkernel port has one uplink loses every heartbeat with that NIC, cable or switch port, declares itself " +
            "isolated and applies the isolation response, although its VMs' own network may be fine. vCenter warns " +
            "with \"currently has no management network redundancy\" unless das.ignoreRedundantNetWarning is set.",
            "Give the management port group a second uplink to another switch (active and standby, failback off), or " +
            "add a second Service Console or management port on another vSwitch, NIC, switch and subnet.",
            "VMware KB 1002641, KB 1004700; HostNoRedundantManagementNetworkEvent; vSphere 6.7 Availability")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (cluster.IgnoreRedundantNetWarning) yield break;
            foreach (var host in cluster.Hosts)
            {
                var adapters = cluster.ManagementAdapters(host);
                if (adapters.Count != 1) continue;
                var team = scope.TeamOf(adapters[0].PortGroup);
                if (team.Members.Count >= 2) continue;
                yield return Finding(host.Path,
                    $"Host {host.Name} of cluster {cluster.Name} currently has no management network redundancy: its only management port " +
                    $"{adapters[0].Name} uses {(team.Members.Count == 0 ? "no uplink" : "only " + Describe.Uplink(team.Members[0]))}.");
            }
        }
    }
}
