using System.Collections.Generic;
using System.Globalization;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNS005. A link that 802.1D spanning tree blocks takes over an indirect failure only after max age, listening
    /// and learning (20 + 15 + 15 = 50 s with the defaults; Cisco, Understanding and Configuring Spanning Tree
    /// Protocol; KB 1003804: "30-50 seconds"), Rapid PVST+ in about a second. When HA's isolation response comes
    /// sooner, the management paths that cross the switch links are down long enough for it.
    /// </summary>
    internal sealed class ReconvergenceSlowerThanIsolation : ClusterRule
    {
        public ReconvergenceSlowerThanIsolation() : base("VNS005", Severity.Warning,
            "802.1D reconvergence slower than HA's isolation response",
            "Spanning tree blocks the redundant link of a management VLAN. With 802.1D (PVST+) a failure on another " +
            "switch lets the blocked port forward only after max age, listening and learning (50 s with the default " +
            "timers), a failure of the switch's own root port after listening and learning (30 s). If the cluster applies " +
            "its isolation response sooner (legacy HA at das.failuredetectiontime - 1 s; an FDM master at 5 s plus " +
            "das.config.fdm.isolationPolicyDelaySec), hosts cut off by the failure are isolated before the path is back.",
            "Run Rapid PVST+ (spanning-tree mode rapid-pvst) on the switches, which reconverges in about a second on " +
            "point-to-point links, or uplink the access switches by port channels to a vPC or MLAG pair so that no link blocks.",
            "Cisco, Understanding and Configuring Spanning Tree Protocol (802.1D timers); VMware KB 1003804")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            var management = ManagementFabric.Of(cluster, scope);
            if (management == null) yield break;
            var fabric = management.Fabric;
            long responseMs = SpanningTreeSlowerThanIsolation.EarliestResponseMs(cluster);
            var state = management.StateWithout(-1);
            var tree = new SpanningTree.SwitchFabric.Tree(fabric);
            for (int v = 0; v < fabric.Vlans.Length; v++)
            {
                fabric.Compute(v, state, tree);
                for (int e = 0; e < fabric.LinkCount; e++)
                {
                    int blocked = fabric.BlockedSide(v, e, tree);
                    if (blocked < 0 || fabric.Rapid[e]) continue;
                    var root = fabric.Switches[tree.Root[tree.SideNode[blocked]]];
                    long reconvergeMs = (long)(root.MaxAge.TotalMilliseconds + 2 * root.ForwardDelay.TotalMilliseconds);
                    if (reconvergeMs < responseMs) continue;
                    var sw = fabric.Switches[fabric.SideAnchor[blocked]];
                    var port = blocked % 2 == 0 ? fabric.Links[e].Port : fabric.Links[e].PeerPort;
                    yield return Finding(sw.Name + "/" + port,
                        $"{sw.Name} {port} blocks VLAN {fabric.Vlans[v]} (root {root.Name}, 802.1D) and takes over a failure elsewhere after " +
                        $"{Seconds(reconvergeMs)} s (max age {Seconds((long)root.MaxAge.TotalMilliseconds)} s + 2 x {Seconds((long)root.ForwardDelay.TotalMilliseconds)} s forward delay); " +
                        $"cluster {cluster.Name} applies the isolation response {Seconds(responseMs)} s after heartbeats stop.");
                }
            }
        }

        static string Seconds(long ms) => (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
    }
}
