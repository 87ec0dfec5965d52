using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.SpanningTree
{
    /// <summary>
    /// Physical switches and the links between them compiled into flat arrays, with the spanning tree of each VLAN
    /// computed from them (PVST+ and Rapid PVST+ run one tree per VLAN). Each link is one spanning-tree port on
    /// each side (a port channel is one port); side 2e is the link's <see cref="VNSwitchLink.PhysicalSwitch"/> side,
    /// 2e + 1 its peer side. A vPC or MLAG pair whose peer link runs is one bridge (vPC peer-switch; without it the
    /// primary still runs spanning tree for the vPC ports, Cisco vPC design guide), so its multi-chassis channels are
    /// never blocked against each other.
    /// <para>The tree is IEEE 802.1D's: the root is the bridge with the lowest priority, then (the model's stand-in
    /// for the lowest MAC address, which the model does not know) the lowest name in ordinal, case-insensitive
    /// order; each other bridge's root port is the port with the lowest root path cost (the sum of the receiving
    /// ports' costs), then the lowest sending bridge, then the lowest sending port, then its own lowest port; a link
    /// whose two ends are neither a root port is blocked at the end that is not designated.</para>
    /// </summary>
    internal sealed class SwitchFabric
    {
        internal readonly List<VNPhysicalSwitch> Switches;
        internal readonly List<VNSwitchLink> Links;
        internal readonly int SwitchCount, LinkCount;
        /// <summary>Per side (2e, 2e + 1): its members (CSR over Member*), the switch named on it, its port's cost and order key.</summary>
        internal readonly int[] SideStart, SideAnchor, SideCost;
        internal readonly long[] SideKey;
        internal readonly int[] MemberSwitch, MemberStack;
        internal readonly VNSwitchPort[] MemberPort;
        /// <summary>Per member, the pair whose secondary suspends it when the peer link fails (a vPC member port of the secondary), or -1.</summary>
        internal readonly int[] MemberSuspendedBy;
        /// <summary>The pairs, in the order of the switches (as HaTopology lists them, so a pair has one index in both).</summary>
        internal readonly List<VNSwitchPair> Pairs = new List<VNSwitchPair>();
        internal readonly int[] PairPrimary, PairSecondary;
        /// <summary>True when every switch of the link runs Rapid PVST+; a side that hears 802.1D BPDUs falls back to 802.1D.</summary>
        internal readonly bool[] Rapid;
        /// <summary>The VLANs computed, and per VLAN (v * LinkCount + e) whether the link carries it on both sides.</summary>
        internal readonly int[] Vlans;
        internal readonly bool[] Carries;
        /// <summary>Per VLAN, the switches in bridge order (best first) and each switch's place in it.</summary>
        internal readonly int[] Order, Rank;
        readonly Dictionary<VNSwitchPort, int> _memberIndex = new Dictionary<VNSwitchPort, int>();

        // Scratch for one computation.
        readonly int[] _adjStart, _adjSide, _dist, _fill, _rank;
        readonly bool[] _done;

        /// <param name="switches">The switches; every switch a link or pair of theirs touches must be among them.</param>
        internal SwitchFabric(List<VNPhysicalSwitch> switches, IReadOnlyList<int> vlans)
        {
            Switches = switches;
            SwitchCount = switches.Count;
            Links = switches.SelectMany(s => s.SwitchLinks).Distinct().ToList();
            LinkCount = Links.Count;
            var index = new Dictionary<VNPhysicalSwitch, int>();
            for (int s = 0; s < SwitchCount; s++) index[switches[s]] = s;
            foreach (var sw in switches)
                if (sw.Pair != null && !Pairs.Contains(sw.Pair)) Pairs.Add(sw.Pair);
            PairPrimary = Pairs.Select(p => index[p.Primary]).ToArray();
            PairSecondary = Pairs.Select(p => index[p.Secondary]).ToArray();

            SideStart = new int[2 * LinkCount + 1];
            SideAnchor = new int[2 * LinkCount];
            SideCost = new int[2 * LinkCount];
            SideKey = new long[2 * LinkCount];
            Rapid = new bool[LinkCount];
            var members = new List<VNSwitchPort>();
            for (int e = 0; e < LinkCount; e++)
            {
                var link = Links[e];
                for (int side = 0; side < 2; side++)
                {
                    int k = 2 * e + side;
                    SideStart[k] = members.Count;
                    members.AddRange(side == 0 ? link.Ports : link.PeerPorts);
                    SideAnchor[k] = index[side == 0 ? link.PhysicalSwitch : link.PeerSwitch];
                    SideCost[k] = side == 0 ? link.Cost : link.PeerCost;
                    SideKey[k] = SwitchPortName.OrderKey(side == 0 ? link.Port : link.PeerPort);
                }
                Rapid[e] = link.PhysicalSwitches.All(s => s.SpanningTree == SpanningTreeMode.RapidPvst);
            }
            SideStart[2 * LinkCount] = members.Count;
            MemberPort = members.ToArray();
            MemberSwitch = members.Select(p => index[p.PhysicalSwitch]).ToArray();
            MemberStack = members.Select(p => p.StackMember).ToArray();
            MemberSuspendedBy = members.Select(p =>
            {
                var pair = p.PhysicalSwitch.Pair;
                return pair != null && pair.Secondary == p.PhysicalSwitch && p.PortChannel != null && p.PortChannel.IsMultiChassis ? Pairs.IndexOf(pair) : -1;
            }).ToArray();
            for (int k = 0; k < MemberPort.Length; k++) _memberIndex[MemberPort[k]] = k;

            Vlans = vlans.ToArray();
            Carries = new bool[Vlans.Length * LinkCount];
            Order = new int[Vlans.Length * SwitchCount];
            Rank = new int[Vlans.Length * SwitchCount];
            for (int v = 0; v < Vlans.Length; v++)
            {
                int vlan = Vlans[v];
                for (int e = 0; e < LinkCount; e++)
                    Carries[v * LinkCount + e] = Links[e].Ports[0].CarriesVLan(vlan) && Links[e].PeerPorts[0].CarriesVLan(vlan);
                var order = Enumerable.Range(0, SwitchCount)
                    .OrderBy(s => switches[s].BridgePriorityOf(vlan))
                    .ThenBy(s => switches[s].Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(s => switches[s].Name, StringComparer.Ordinal).ToArray();
                for (int k = 0; k < SwitchCount; k++)
                {
                    Order[v * SwitchCount + k] = order[k];
                    Rank[v * SwitchCount + order[k]] = k;
                }
            }
            _adjStart = new int[SwitchCount + 1];
            _adjSide = new int[2 * LinkCount];
            _dist = new int[SwitchCount];
            _fill = new int[SwitchCount];
            _rank = new int[SwitchCount];
            _done = new bool[SwitchCount];
        }

        /// <summary>The switches of the given ones, and every switch their links and pairs reach, transitively.</summary>
        internal static void Close(List<VNPhysicalSwitch> switches)
        {
            for (int k = 0; k < switches.Count; k++)
            {
                var peer = switches[k].Pair?.PeerOf(switches[k]);
                if (peer != null && !switches.Contains(peer)) switches.Add(peer);
                foreach (var link in switches[k].SwitchLinks)
                    foreach (var s in link.PhysicalSwitches)
                        if (!switches.Contains(s)) switches.Add(s);
            }
        }

        internal int VlanIndex(int vlan) => Array.IndexOf(Vlans, vlan);

        internal int MemberIndexOf(VNSwitchPort port) => _memberIndex.TryGetValue(port, out var k) ? k : -1;

        /// <summary>The state a tree is computed from: what runs, what is cabled, which peer links hold.</summary>
        internal sealed class State
        {
            internal readonly bool[] SwitchUp, MemberUp, PairJoined;

            internal State(SwitchFabric fabric)
            {
                SwitchUp = new bool[fabric.SwitchCount];
                MemberUp = new bool[fabric.MemberPort.Length];
                PairJoined = new bool[fabric.Pairs.Count];
            }
        }

        /// <summary>One VLAN's tree: per switch its bridge (a joined pair is one) and root; per side and link, liveness and roles.</summary>
        internal sealed class Tree
        {
            internal readonly int[] Node, Root, Dist, RootSide;
            internal readonly int[] SideNode;
            internal readonly bool[] SideAlive, LinkAlive, InTree;

            internal Tree(SwitchFabric fabric)
            {
                Node = new int[fabric.SwitchCount];
                Root = new int[fabric.SwitchCount];
                Dist = new int[fabric.SwitchCount];
                RootSide = new int[fabric.SwitchCount];
                SideNode = new int[2 * fabric.LinkCount];
                SideAlive = new bool[2 * fabric.LinkCount];
                LinkAlive = new bool[fabric.LinkCount];
                InTree = new bool[fabric.LinkCount];
            }

            /// <summary>True when the side is the root port of its bridge.</summary>
            internal bool IsRootPort(int side) => SideAlive[side] && RootSide[SideNode[side]] == side;
        }

        /// <summary>A member carries frames: its switch (and stack member) and its cable are up; the caller folds the scenario in.</summary>
        internal bool MemberUsable(State state, int k) => state.MemberUp[k] && state.SwitchUp[MemberSwitch[k]];

        /// <summary>Computes VLAN v's tree (index into <see cref="Vlans"/>) for a state. Time O(S^2 + L), no allocation.</summary>
        internal void Compute(int v, State state, Tree tree)
        {
            int n = SwitchCount;
            for (int s = 0; s < n; s++)
            {
                tree.Node[s] = s;
                tree.Root[s] = -1;
                tree.RootSide[s] = -1;
                _dist[s] = int.MaxValue;
                _done[s] = false;
            }
            for (int p = 0; p < Pairs.Count; p++)
                if (state.PairJoined[p]) tree.Node[PairSecondary[p]] = PairPrimary[p];
            for (int k = 0; k < 2 * LinkCount; k++)
            {
                tree.SideAlive[k] = false;
                tree.SideNode[k] = -1;
                for (int m = SideStart[k]; m < SideStart[k + 1]; m++)
                    if (MemberUsable(state, m))
                    {
                        tree.SideAlive[k] = true;
                        tree.SideNode[k] = tree.Node[MemberSwitch[m]];
                        break;
                    }
            }
            // Adjacency by bridge, over the links that run and carry the VLAN.
            Array.Clear(_adjStart, 0, _adjStart.Length);
            for (int e = 0; e < LinkCount; e++)
            {
                bool alive = tree.SideAlive[2 * e] && tree.SideAlive[2 * e + 1] && Carries[v * LinkCount + e] && tree.SideNode[2 * e] != tree.SideNode[2 * e + 1];
                tree.LinkAlive[e] = alive;
                tree.InTree[e] = false;
                if (!alive) continue;
                _adjStart[tree.SideNode[2 * e] + 1]++;
                _adjStart[tree.SideNode[2 * e + 1] + 1]++;
            }
            for (int s = 0; s < n; s++) _adjStart[s + 1] += _adjStart[s];
            Array.Copy(_adjStart, _fill, n);
            for (int e = 0; e < LinkCount; e++)
            {
                if (!tree.LinkAlive[e]) continue;
                // Stored is the side at the node: the far side is its partner (side ^ 1).
                for (int side = 2 * e; side <= 2 * e + 1; side++) _adjSide[_fill[tree.SideNode[side]]++] = side;
            }
            // Each bridge's rank: a joined pair has the better of its peers'.
            for (int s = 0; s < n; s++) _rank[s] = Rank[v * n + s];
            for (int s = 0; s < n; s++) if (tree.Node[s] != s) _rank[tree.Node[s]] = Math.Min(_rank[tree.Node[s]], _rank[s]);

            // In bridge order, the first bridge of each connected part not yet reached is that part's root (Dijkstra from it).
            for (int o = 0; o < n; o++)
            {
                int r = tree.Node[Order[v * n + o]];
                if (!state.SwitchUp[r] || _dist[r] != int.MaxValue) continue;
                _dist[r] = 0;
                for (;;)
                {
                    int u = -1;
                    for (int s = 0; s < n; s++)
                        if (!_done[s] && _dist[s] != int.MaxValue && (u < 0 || _dist[s] < _dist[u])) u = s;
                    if (u < 0) break;
                    _done[u] = true;
                    tree.Root[u] = r;
                    for (int a = _adjStart[u]; a < _adjStart[u + 1]; a++)
                    {
                        int far = _adjSide[a] ^ 1, w = tree.SideNode[far];
                        long d = (long)_dist[u] + SideCost[far];
                        if (!_done[w] && d < _dist[w]) _dist[w] = (int)Math.Min(d, int.MaxValue - 1);
                    }
                }
            }
            // Root ports: lowest root path cost, then sending bridge, sending port, own port.
            for (int u = 0; u < n; u++)
            {
                tree.Dist[u] = _dist[u];
                if (tree.Root[u] < 0 || tree.Root[u] == u) continue;
                int best = -1;
                for (int a = _adjStart[u]; a < _adjStart[u + 1]; a++)
                {
                    int own = _adjSide[a], far = own ^ 1, w = tree.SideNode[far];
                    if ((long)_dist[w] + SideCost[own] != _dist[u]) continue;
                    if (best < 0 || Better(own, best, tree)) best = own;
                }
                tree.RootSide[u] = best;
                if (best >= 0) tree.InTree[best / 2] = true;
            }
        }

        /// <summary>
        /// Of a link that runs but is in no root port, the side that blocks: the end that is not designated, the
        /// designated end having the lower root path cost, then bridge, then port. -1 for a link in the tree or down.
        /// </summary>
        internal int BlockedSide(int v, int e, Tree tree)
        {
            if (!tree.LinkAlive[e] || tree.InTree[e]) return -1;
            int a = 2 * e, b = a + 1, na = tree.SideNode[a], nb = tree.SideNode[b];
            if (tree.Dist[na] != tree.Dist[nb]) return tree.Dist[na] < tree.Dist[nb] ? b : a;
            int ra = Rank[v * SwitchCount + na], rb = Rank[v * SwitchCount + nb];
            if (ra != rb) return ra < rb ? b : a;
            return SideKey[a] < SideKey[b] ? b : a;
        }

        bool Better(int own, int best, Tree tree)
        {
            int far = own ^ 1, bestFar = best ^ 1;
            int w = tree.SideNode[far], bw = tree.SideNode[bestFar];
            if (_rank[w] != _rank[bw]) return _rank[w] < _rank[bw];
            if (SideKey[far] != SideKey[bestFar]) return SideKey[far] < SideKey[bestFar];
            return SideKey[own] < SideKey[best];
        }
    }
}
