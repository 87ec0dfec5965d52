using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH004. vSphere 4.0 Availability Guide and vsphere-land's HA advanced options: with isolation addresses added,
    /// raise das.failuredetectiontime to 20000 ms or more (vSphere HA Deepdive, isolation addresses).
    /// </summary>
    internal sealed class IsolationAddressWithShortFailureDetection : ClusterRule
    {
        const int RecommendedMs = 20000;

        public IsolationAddressWithShortFailureDetection() : base("VNH004", Severity.Warning,
            "Isolation addresses with a failure detection time below 20 s",
            "Each extra isolation address takes time to ping. VMware's advice for legacy HA is a failure detection " +
            "time (das.failuredetectiontime) of at least 20000 ms once das.isolationaddress is set, so that an isolated " +
            "host has answered its pings and released its VMFS locks before the other hosts declare it failed (at F) " +
            "and restart its VMs.",
            "Set das.failuredetectiontime to 20000 or more (New-VNCluster -FailureDetectionTime 20).",
            "vSphere 4.0 Update 1 Availability Guide; vsphere-land, HA advanced options")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (cluster.HaAgent != HaAgent.Aam || cluster.IsolationAddress.Count == 0) yield break;
            var ms = (int)cluster.FailureDetectionTime.Value.TotalMilliseconds;
            if (ms >= RecommendedMs) yield break;
            yield return Finding(cluster.Path,
                $"Cluster {cluster.Name} pings isolation address{(cluster.IsolationAddress.Count == 1 ? "" : "es")} " +
                $"{Describe.List(cluster.IsolationAddress.Select(a => a.ToString()))} with das.failuredetectiontime " +
                $"{ms.ToString(CultureInfo.InvariantCulture)} ms, below the {RecommendedMs.ToString(CultureInfo.InvariantCulture)} ms advised.");
        }
    }
}
