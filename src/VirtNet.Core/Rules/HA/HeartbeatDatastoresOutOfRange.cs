using System.Collections.Generic;
using System.Globalization;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>VNH008. vSphere Availability (7.0): das.heartbeatDsPerHost ranges from 2 to 5, default 2.</summary>
    internal sealed class HeartbeatDatastoresOutOfRange : ClusterRule
    {
        public HeartbeatDatastoresOutOfRange() : base("VNH008", Severity.Error,
            "Heartbeat datastores per host outside 2 to 5",
            "FDM's master tells an isolated or partitioned host from a failed one by its datastore heartbeats. " +
            "das.heartbeatDsPerHost sets how many heartbeat datastores each host uses; valid values are 2 to 5.",
            "Set das.heartbeatDsPerHost to a value from 2 to 5, or remove it (default 2).",
            "vSphere 7.0 Availability, GUID-0502B198; HA Deepdive")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (cluster.HaAgent != HaAgent.Fdm) yield break;
            int count = cluster.HeartbeatDatastoresPerHost;
            if (count >= 2 && count <= 5) yield break;
            yield return Finding(cluster.Path,
                $"Cluster {cluster.Name} sets {DasSettings.HeartbeatDsPerHost} to {count.ToString(CultureInfo.InvariantCulture)}; valid values are 2 to 5.");
        }
    }
}
