using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH009. yellow-bricks, "Leave powered on" (2008) and the vSphere HA documentation (GUID-8CB28754): with Leave
    /// powered on, an isolated host keeps its VMs; on iSCSI or NFS over the same NICs their locks may expire and the
    /// copies restarted elsewhere run beside them (vSphere HA Deepdive, isolation response).
    /// </summary>
    internal sealed class LeaveOnWithIpStorageOnManagementUplinks : ClusterRule
    {
        public LeaveOnWithIpStorageOnManagementUplinks() : base("VNH009", Severity.Warning,
            "Leave powered on with IP storage on the management uplinks",
            "With the isolation response Leave powered on, an isolated host keeps running its VMs, and the other hosts " +
            "cannot restart them while it holds their locks. If its IP storage (NFS, iSCSI) shares uplinks with the " +
            "management network, an isolation cuts the storage too: the VMs hang without their disks, the locks time " +
            "out, the other hosts restart the VMs, and when the network returns two copies run (split brain).",
            "Use Power off (or Shut down) as the isolation response for hosts whose IP storage shares the management " +
            "uplinks, or move the storage VMkernel ports to uplinks of their own.",
            "yellow-bricks, Leave powered on (2008); vSphere HA documentation GUID-8CB28754")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (cluster.IsolationResponse != IsolationResponse.LeaveOn) yield break;
            foreach (var host in cluster.Hosts)
            {
                var management = cluster.ManagementAdapters(host).SelectMany(a => scope.TeamOf(a.PortGroup).Members).ToList();
                foreach (var storage in host.VMKernelAdapters.Where(a => a.Connected && a.Purpose.Contains(AdapterPurpose.Storage)))
                {
                    var shared = scope.TeamOf(storage.PortGroup).Members.Where(management.Contains).ToList();
                    if (shared.Count == 0) continue;
                    yield return Finding(storage.Path,
                        $"Cluster {cluster.Name} leaves an isolated host's VMs powered on, but storage port {storage.Name} of {host.Name} " +
                        $"shares {Describe.Uplinks(shared)} with the management network.");
                }
            }
        }
    }
}
