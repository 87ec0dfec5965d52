using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNS004. HA heartbeats and isolation-address pings cross the switch links between the hosts' access switches
    /// and the gateway's; a link no other path backs up is a single point of failure for them (vSphere Availability:
    /// "network path redundancy"; KB 1002641 for the Service Console).
    /// </summary>
    internal sealed class ManagementPathOnOneSwitchLink : ClusterRule
    {
        public ManagementPathOnOneSwitchLink() : base("VNS004", Severity.Warning,
            "Management path that depends on one switch link",
            "Heartbeats between hosts on different switches, and pings to an isolation address on another switch, " +
            "cross the links between the switches. When one link carries them and no other link or vPC peer can take " +
            "over, its failure cuts the hosts apart or from their isolation address: HA sees isolated or partitioned " +
            "hosts although every host's own uplinks work.",
            "Uplink each access switch to two distribution switches (spanning tree blocks one until the other fails), " +
            "or by a port channel to a vPC or MLAG pair; or give the hosts a second management network over other switches.",
            "VMware vSphere Availability, network path redundancy; VMware KB 1002641")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            var management = ManagementFabric.Of(cluster, scope);
            if (management == null) yield break;
            var fabric = management.Fabric;
            var working = management.Paths(management.StateWithout(-1));
            for (int e = 0; e < fabric.LinkCount; e++)
            {
                var lost = working.Except(management.Paths(management.StateWithout(e))).ToList();
                if (lost.Count == 0) continue;
                var link = fabric.Links[e];
                yield return Finding(link.Path,
                    $"Switch link {link.Name} alone carries the management paths {Describe.List(lost.Take(4))}" + (lost.Count > 4 ? $" and {lost.Count - 4} more" : "") +
                    $" of cluster {cluster.Name}: if it fails, no other link takes over.");
            }
        }
    }
}
