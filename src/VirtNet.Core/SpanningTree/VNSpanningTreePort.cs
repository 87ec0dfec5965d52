using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.SpanningTree
{
    /// <summary>The role of a spanning-tree port (IEEE 802.1D-2004 names, as show spanning-tree prints them).</summary>
    public enum SpanningTreeRole
    {
        /// <summary>The port towards the root bridge: forwarding.</summary>
        Root,
        /// <summary>The port that serves its link towards the root's side: forwarding.</summary>
        Designated,
        /// <summary>A redundant port: blocking (802.1D) or discarding (Rapid PVST+) until a failure makes it the way to the root.</summary>
        Alternate,
        /// <summary>The link is down or does not carry the VLAN.</summary>
        Disabled,
    }

    public enum SpanningTreeState { Forwarding, Blocking, Down }

    /// <summary>One end of a switch link in one VLAN's spanning tree: a line of show spanning-tree vlan N.</summary>
    public sealed class VNSpanningTreePort
    {
        internal VNSpanningTreePort(int vlanId, VNPhysicalSwitch physicalSwitch, string port, VNSwitchLink link, SpanningTreeRole role,
            int cost, int? rootPathCost, VNPhysicalSwitch rootBridge)
        {
            VLanId = vlanId;
            PhysicalSwitch = physicalSwitch;
            Port = port;
            SwitchLink = link;
            Role = role;
            Cost = cost;
            RootPathCost = rootPathCost;
            RootBridge = rootBridge;
        }

        public int VLanId { get; }
        public VNPhysicalSwitch PhysicalSwitch { get; }
        /// <summary>The port or port channel (Gi1/0/49, Po1).</summary>
        public string Port { get; }
        public VNSwitchLink SwitchLink { get; }
        public SpanningTreeRole Role { get; }
        public SpanningTreeState State => Role == SpanningTreeRole.Disabled ? SpanningTreeState.Down
            : Role == SpanningTreeRole.Alternate ? SpanningTreeState.Blocking : SpanningTreeState.Forwarding;
        /// <summary>The port's path cost.</summary>
        public int Cost { get; }
        /// <summary>The switch's root path cost (0 on the root bridge); null when the port's switch is cut off.</summary>
        public int? RootPathCost { get; }
        /// <summary>The root bridge of the switch's part of the VLAN (for a joined vPC pair, its primary).</summary>
        public VNPhysicalSwitch RootBridge { get; }
        public int BridgePriority => PhysicalSwitch.BridgePriorityOf(VLanId);
        public string Path => PhysicalSwitch.Name + "/" + Port;
        public override string ToString() => $"VLAN {VLanId} {Path} {Role}";
    }

    /// <summary>The spanning trees of a set of switches with every link and switch up, as an admin reads them.</summary>
    public static class SpanningTreeView
    {
        /// <summary>
        /// One row per link end of the given switches per VLAN, as show spanning-tree on each prints them (the
        /// trees are computed over every switch the links reach). Without VLANs,
        /// those in use: VLAN 1, the access and native VLANs of the ports, the VLANs of endpoints, and the VLANs of
        /// the port groups whose uplinks are cabled to the switches.
        /// </summary>
        public static IReadOnlyList<VNSpanningTreePort> Compute(IEnumerable<VNPhysicalSwitch> switches, IEnumerable<int> vlanIds = null)
        {
            var given = switches.Where(s => s != null).Distinct().ToList();
            var all = new List<VNPhysicalSwitch>(given);
            SwitchFabric.Close(all);
            var vlans = (vlanIds ?? VLansInUse(all)).Select(Net.VLan.CheckSwitchVLan).Distinct().OrderBy(v => v).ToList();
            var fabric = new SwitchFabric(all, vlans);
            var state = new SwitchFabric.State(fabric);
            for (int s = 0; s < fabric.SwitchCount; s++) state.SwitchUp[s] = true;
            for (int k = 0; k < state.MemberUp.Length; k++) state.MemberUp[k] = true;
            for (int p = 0; p < fabric.Pairs.Count; p++) state.PairJoined[p] = true;
            var tree = new SwitchFabric.Tree(fabric);
            var rows = new List<VNSpanningTreePort>();
            for (int v = 0; v < vlans.Count; v++)
            {
                fabric.Compute(v, state, tree);
                for (int e = 0; e < fabric.LinkCount; e++)
                {
                    var link = fabric.Links[e];
                    for (int side = 2 * e; side <= 2 * e + 1; side++)
                    {
                        var sw = fabric.Switches[fabric.SideAnchor[side]];
                        if (!given.Contains(sw)) continue;
                        int node = tree.Node[fabric.SideAnchor[side]];
                        bool reached = tree.Root[node] >= 0;
                        var role = !tree.LinkAlive[e] ? SpanningTreeRole.Disabled
                            : tree.IsRootPort(side) ? SpanningTreeRole.Root
                            : fabric.BlockedSide(v, e, tree) == side ? SpanningTreeRole.Alternate : SpanningTreeRole.Designated;
                        rows.Add(new VNSpanningTreePort(vlans[v], sw, side % 2 == 0 ? link.Port : link.PeerPort, link, role, fabric.SideCost[side],
                            reached ? tree.Dist[node] : (int?)null, reached ? fabric.Switches[tree.Root[node]] : null));
                    }
                }
            }
            return rows;
        }

        static IEnumerable<int> VLansInUse(List<VNPhysicalSwitch> switches)
        {
            var vlans = new HashSet<int> { 1 };
            foreach (var sw in switches)
            {
                foreach (var e in sw.Endpoints) vlans.Add(e.VLanId ?? 1);
                foreach (var port in sw.Ports)
                {
                    vlans.Add(port.Mode == SwitchPortMode.Access ? port.AccessVLan : port.NativeVLan);
                    if (port.Uplink?.VirtualSwitch == null) continue;
                    foreach (var group in port.Uplink.VirtualSwitch.PortGroups)
                    {
                        int vlan = HaTopology.FabricVlan(group.VLanId, port);
                        if (vlan > 0) vlans.Add(vlan);
                    }
                }
            }
            return vlans;
        }
    }
}
