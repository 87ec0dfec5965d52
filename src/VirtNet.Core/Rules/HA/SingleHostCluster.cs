using System.Collections.Generic;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH010. vSphere lets a cluster have one host, but HA restarts a failed host's VMs on another host of the
    /// cluster (vSphere Availability Guide, "How vSphere HA Works"), so with one host there is none to restart them.
    /// </summary>
    internal sealed class SingleHostCluster : ClusterRule
    {
        public SingleHostCluster() : base("VNH010", Severity.Warning,
            "Cluster of one host",
            "vSphere HA restarts the VMs of a failed or isolated host on the other hosts of the cluster. A cluster of " +
            "one host can still detect isolation and apply the isolation response, but no host can restart its VMs.",
            "Add at least one more host to the cluster (Set-VNCluster -AddHost), with management networks that " +
            "heartbeat to each other.",
            "vSphere Availability Guide, How vSphere HA Works; HA Deepdive")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (cluster.Hosts.Count != 1) yield break;
            yield return Finding(cluster.Path,
                $"Cluster {cluster.Name} has one host ({cluster.Hosts[0].Name}): no other host can restart its VMs when it fails or is isolated.");
        }
    }
}
