using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.SpanningTree;

namespace VirtNet.Rules
{
    /// <summary>
    /// A cluster's management network on the switches: where each host's management uplinks (active and standby)
    /// enter the switches and in which VLAN, where its isolation addresses sit, and the switch links between them
    /// with their spanning trees. Null when no switch of the cluster has a link to another switch.
    /// </summary>
    internal sealed class ManagementFabric
    {
        internal readonly SwitchFabric Fabric;
        /// <summary>Per host, its management attachments (switch index, VLAN index).</summary>
        internal readonly List<(int Switch, int Vlan)>[] Hosts;
        /// <summary>Per host, the isolation addresses on a modelled endpoint: (switch index, VLAN index, address).</summary>
        internal readonly List<(int Switch, int Vlan, string Name)>[] Targets;
        internal readonly VNCluster Cluster;

        ManagementFabric(VNCluster cluster, CheckScope scope, List<VNPhysicalSwitch> switches)
        {
            Cluster = cluster;
            var hosts = cluster.Hosts.ToList();
            var attachments = hosts.Select(h => cluster.ManagementAdapters(h).SelectMany(a =>
                scope.TeamOf(a.PortGroup).CabledMembers.Select(u => (u.PhysicalSwitch, Vlan: HaTopology.FabricVlan(a.PortGroup.VLanId, u.SwitchPort))))
                .Where(x => x.Vlan > 0).Distinct().ToList()).ToList();
            var targets = hosts.Select(h => cluster.IsolationAddressesOf(h).Select(a => cluster.IsolationTargetAt(a) as VNEndpoint)
                .Where(e => e != null).Select(e => (e.PhysicalSwitch, Vlan: e.VLanId ?? 1, e.Path)).ToList()).ToList();
            foreach (var sw in attachments.SelectMany(x => x).Select(x => x.PhysicalSwitch).Concat(targets.SelectMany(x => x).Select(x => x.PhysicalSwitch)))
                if (!switches.Contains(sw)) switches.Add(sw);
            SwitchFabric.Close(switches);
            var vlans = attachments.SelectMany(x => x).Select(x => x.Vlan).Concat(targets.SelectMany(x => x).Select(x => x.Vlan)).Distinct().OrderBy(v => v).ToList();
            Fabric = new SwitchFabric(switches, vlans);
            Hosts = attachments.Select(list => list.Select(x => (switches.IndexOf(x.PhysicalSwitch), vlans.IndexOf(x.Vlan))).ToList()).ToArray();
            Targets = targets.Select(list => list.Select(x => (switches.IndexOf(x.PhysicalSwitch), vlans.IndexOf(x.Vlan), x.Path)).ToList()).ToArray();
        }

        internal static ManagementFabric Of(VNCluster cluster, CheckScope scope)
        {
            var switches = new List<VNPhysicalSwitch>(cluster.PhysicalSwitches);
            var fabric = new ManagementFabric(cluster, scope, switches);
            return fabric.Fabric.LinkCount == 0 ? null : fabric;
        }

        /// <summary>A state with everything up but the given link (-1: none).</summary>
        internal SwitchFabric.State StateWithout(int link)
        {
            var state = new SwitchFabric.State(Fabric);
            for (int s = 0; s < Fabric.SwitchCount; s++) state.SwitchUp[s] = true;
            for (int k = 0; k < state.MemberUp.Length; k++) state.MemberUp[k] = true;
            for (int p = 0; p < Fabric.Pairs.Count; p++) state.PairJoined[p] = true;
            if (link >= 0)
                for (int k = Fabric.SideStart[2 * link]; k < Fabric.SideStart[2 * link + 1]; k++) state.MemberUp[k] = false;
            return state;
        }

        /// <summary>
        /// The management paths that work in a state: "host to host" and "host to isolation address", each as a
        /// sentence part, for every pair that shares a VLAN and sits in one joined part of its tree.
        /// </summary>
        internal HashSet<string> Paths(SwitchFabric.State state)
        {
            var trees = new SwitchFabric.Tree[Fabric.Vlans.Length];
            for (int v = 0; v < trees.Length; v++)
            {
                trees[v] = new SwitchFabric.Tree(Fabric);
                Fabric.Compute(v, state, trees[v]);
            }
            bool Joined(int v, int a, int b) => trees[v].Root[trees[v].Node[a]] >= 0 && trees[v].Root[trees[v].Node[a]] == trees[v].Root[trees[v].Node[b]];
            var hosts = Cluster.Hosts.ToList();
            var paths = new HashSet<string>();
            for (int h = 0; h < hosts.Count; h++)
            {
                foreach (var t in Targets[h])
                    if (Hosts[h].Any(x => x.Vlan == t.Vlan && Joined(t.Vlan, x.Switch, t.Switch))) paths.Add($"{hosts[h].Name} to isolation address {t.Name}");
                for (int o = h + 1; o < hosts.Count; o++)
                    if (Hosts[h].Any(x => Hosts[o].Any(y => y.Vlan == x.Vlan && Joined(x.Vlan, x.Switch, y.Switch)))) paths.Add($"{hosts[h].Name} to {hosts[o].Name}");
            }
            return paths;
        }
    }
}
