using System;
using System.Collections.Generic;

namespace VirtNet.Teaming
{
    /// <summary>
    /// Linux bonding transmit, mode by mode as drivers/net/bonding/bond_main.c and bond_alb.c do it
    /// (Documentation/networking/bonding.rst):
    /// <list type="bullet">
    /// <item>balance-xor and 802.3ad hash each flow with <see cref="BondHash"/> for the host's kernel era
    /// (<see cref="BondKernel"/>).</item>
    /// <item>active-backup sends on the active slave (<see cref="SelectActiveSlave"/>).</item>
    /// <item>balance-rr sends packet n on slave n mod (all slaves), or the next usable one when that slave cannot
    /// (bond_xmit_roundrobin_slave_get, bond_get_slave_by_id), so every flow is sprayed over the slaves:
    /// <see cref="SendingCapacity"/> and <see cref="SpreadSprayed"/> give the bond the throughput that makes.</item>
    /// <item>broadcast sends every frame on every usable slave (bond_xmit_broadcast); the copy on the fastest
    /// slave is the one that counts.</item>
    /// <item>balance-tlb (bond_xmit_tlb_slave_get) hashes each frame with the transmit hash policy: with
    /// tlb_dynamic_lb=1 bucket hash &amp; 0xff goes to the slave with the most spare capacity when the bucket is
    /// first used after a rebalance (tlb_choose_channel, tlb_get_least_loaded_slave), and every 10 s
    /// (BOND_TLB_REBALANCE_INTERVAL) the buckets are handed out again by last interval's load; the model gives
    /// the state after a rebalance. With tlb_dynamic_lb=0 the slave is usable[hash mod count].</item>
    /// <item>balance-alb transmits IPv4 by the bucket of the destination address, its four bytes XORed
    /// (bond_xmit_alb_slave_get, _simple_hash), into the same table: all flows to one peer share a slave.</item>
    /// </list>
    /// balance-tlb and balance-alb send multicast and broadcast frames on the active slave, as they do any frame
    /// without a slave.
    /// </summary>
    internal abstract class BondPlacement : TeamingAlgorithm
    {
        static readonly TeamingAlgorithm Sprayed = new RoundRobin(), Copied = new Broadcast(), OnActiveSlave = new ActiveBackup();
        static readonly TeamingAlgorithm[] HashedBy = ForEachPolicy(p => new Hashed(p));
        static readonly TeamingAlgorithm[] TlbBy = ForEachPolicy(p => new LoadBalanced(p, alb: false));
        static readonly TeamingAlgorithm[] AlbBy = ForEachPolicy(p => new LoadBalanced(p, alb: true));

        static TeamingAlgorithm[] ForEachPolicy(Func<XmitHashPolicy, TeamingAlgorithm> make)
        {
            var policies = (XmitHashPolicy[])Enum.GetValues(typeof(XmitHashPolicy));
            return Array.ConvertAll(policies, p => make(p));
        }

        public static TeamingAlgorithm For(BondMode mode, XmitHashPolicy policy)
        {
            switch (mode)
            {
                case BondMode.BalanceRR: return Sprayed;
                case BondMode.Broadcast: return Copied;
                case BondMode.BalanceXor:
                case BondMode.Ieee8023ad: return HashedBy[(int)policy];
                case BondMode.BalanceTlb: return TlbBy[(int)policy];
                case BondMode.BalanceAlb: return AlbBy[(int)policy];
                default: return OnActiveSlave;
            }
        }

        public override void AssignPorts(Team team, TeamRun run) { }

        static BondKernel KernelOf(TeamRun run) => BondKernel.Of(run.Team.VirtualSwitch.Host.VersionInfo);

        static bool ReadsMac(XmitHashPolicy policy) =>
            policy == XmitHashPolicy.Layer2 || policy == XmitHashPolicy.Layer2Plus3 || policy == XmitHashPolicy.Encap2Plus3;

        /// <summary>The last octet of a flow's destination MAC, for a policy that reads it; counts the flows whose MAC the model does not know.</summary>
        static byte DestinationMacLastOctet(TeamRun run, XmitHashPolicy policy, in FlowPorts ports, uint destination, out ulong mac)
        {
            if (!ports.TryDestinationMac(destination, out mac) && ReadsMac(policy)) run.UnknownDestinationMac++;
            return (byte)mac;
        }

        /// <summary>
        /// Per position in enslave order, the first slave at or after it that can transmit, wrapping around: where a
        /// kernel before 3.18 sends a frame whose hash names a slave that cannot (bond_xmit_xor), and where balance-rr
        /// sends a packet whose turn falls on one (bond_get_slave_by_id). -1 everywhere when none can.
        /// </summary>
        static int[] NextUsable(TeamRun run)
        {
            var slaves = run.Team.Active;
            var next = new int[slaves.Length];
            for (int i = 0; i < slaves.Length; i++)
            {
                next[i] = -1;
                for (int k = 0; k < slaves.Length; k++)
                {
                    int candidate = slaves[(i + k) % slaves.Length];
                    if (run.IsUsable(candidate)) { next[i] = candidate; break; }
                }
            }
            return next;
        }

        /// <summary>usable[hash mod count] from 3.18; before, the slave the hash names among all slaves, or the next usable one.</summary>
        static int SlaveFor(TeamRun run, uint hash, int[] nextUsable) =>
            nextUsable == null ? run.Usable[run.Modulus.Of(hash)] : nextUsable[BondHash.SlaveIndex(hash, nextUsable.Length)];

        sealed class Hashed : BondPlacement
        {
            readonly XmitHashPolicy _policy;

            public Hashed(XmitHashPolicy policy) { _policy = policy; }

            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                var kernel = KernelOf(run);
                var nextUsable = kernel.IndexesUsableSlaves ? null : NextUsable(run);
                bool readsMac = ReadsMac(_policy);
                byte sourceMac = (byte)run.Team.PortMacs[teamPort];
                for (int f = start; f < end; f++)
                {
                    if (usable.Length == 0) { flowUplink[f] = -1; continue; }
                    uint remote = destination?[f] ?? firstDestination + (uint)(f - start);
                    // Only the policies that read the destination MAC look it up.
                    byte destinationMac = readsMac ? DestinationMacLastOctet(run, _policy, ports, remote, out _) : (byte)0;
                    uint hash = BondHash.Hash(kernel, _policy, sourceMac, destinationMac, sourceIp, remote, ports.Protocol,
                        ports.Source(f), ports.Destination(f));
                    int u = SlaveFor(run, hash, nextUsable);
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
            }
        }

        sealed class ActiveBackup : BondPlacement
        {
            public override void AssignPorts(Team team, TeamRun run) => Fill(run.PortUplink, 0, run.PortUplink.Length, run.ActiveSlave);
        }

        /// <summary>Every flow is placed on the first usable slave, the one its throughput is shared on; it counts on every slave its packets reach.</summary>
        sealed class RoundRobin : BondPlacement
        {
            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                short anchor = (short)(usable.Length == 0 ? -1 : usable[0]);
                for (int f = start; f < end; f++) flowUplink[f] = anchor;
                if (anchor < 0) return;
                foreach (var u in usable)
                    if (SprayWeight(run, u) > 0) flowCount[u] += end - start;
            }
        }

        /// <summary>Every flow is placed on the fastest usable slave (the first of equals), whose copy gets through best; it counts on every slave.</summary>
        sealed class Broadcast : BondPlacement
        {
            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                short anchor = (short)Fastest(run);
                for (int f = start; f < end; f++) flowUplink[f] = anchor;
                if (anchor < 0) return;
                foreach (var u in run.Usable) flowCount[u] += end - start;
            }
        }

        sealed class LoadBalanced : BondPlacement
        {
            readonly XmitHashPolicy _policy;
            readonly bool _alb;

            public LoadBalanced(XmitHashPolicy policy, bool alb) { _policy = policy; _alb = alb; }

            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                var kernel = KernelOf(run);
                bool dynamic = run.Team.VirtualSwitch.TlbDynamicLb ?? true;
                byte sourceMac = (byte)run.Team.PortMacs[teamPort];
                // tlb_get_least_loaded_slave weighs a bucket by last interval's bytes: a flow without a demand took what its slave gave it.
                double load = ports.Sends ? Math.Min(ports.DemandMbps, Fastest(run) < 0 ? 0 : run.Buckets.Speed[Fastest(run)]) : 0;
                for (int f = start; f < end; f++)
                {
                    if (usable.Length == 0) { flowUplink[f] = -1; continue; }
                    uint remote = destination?[f] ?? firstDestination + (uint)(f - start);
                    byte destinationMac = DestinationMacLastOctet(run, _alb && dynamic ? XmitHashPolicy.Layer3Plus4 : _policy, ports, remote, out ulong mac);
                    bool group = (mac & 0x0100_0000_0000UL) != 0;
                    int u;
                    if (_alb ? mac == Traffic.NextHops.Broadcast || remote == 0xFFFF_FFFFu : group) u = run.ActiveSlave;
                    else if (!dynamic)
                        u = usable[run.Modulus.Of(BondHash.Hash(kernel, _policy, sourceMac, destinationMac, sourceIp, remote, ports.Protocol,
                            ports.Source(f), ports.Destination(f)))];
                    else
                    {
                        uint bucket = _alb ? (remote ^ remote >> 8 ^ remote >> 16 ^ remote >> 24) & 0xFF
                            : BondHash.Hash(kernel, _policy, sourceMac, destinationMac, sourceIp, remote, ports.Protocol, ports.Source(f), ports.Destination(f)) & 0xFF;
                        u = run.Buckets.Slave((int)bucket, usable, load);
                    }
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
            }
        }

        /// <summary>The usable slave with the highest speed, the first of equals; -1 when none is usable.</summary>
        static int Fastest(TeamRun run)
        {
            int best = -1;
            foreach (var u in run.Usable)
                if (best < 0 || run.Buckets.Speed[u] > run.Buckets.Speed[best]) best = u;
            return best;
        }

        /// <summary>
        /// The share of a balance-rr bond's packets that slave u sends: the turns that fall on it, and on the slaves
        /// before it that cannot send, out of all slaves. With eth0..eth2 and eth1 failed: eth0 1/3, eth2 2/3.
        /// </summary>
        static double SprayWeight(TeamRun run, int u)
        {
            var slaves = run.Team.Active;
            int turns = 0;
            for (int i = 0; i < slaves.Length; i++)
            {
                int k = 0;
                while (k < slaves.Length && !run.IsUsable(slaves[(i + k) % slaves.Length])) k++;
                if (k < slaves.Length && slaves[(i + k) % slaves.Length] == u) turns++;
            }
            return slaves.Length == 0 ? 0 : (double)turns / slaves.Length;
        }

        // ---- What the engine asks of bonds around placement and sharing ----

        /// <summary>
        /// Before each placement: the counters start from zero, and the teams of one bond (its port groups) share one
        /// balance-tlb/alb bucket table, as the bond has one (bond_alb_info.tx_hashtbl). True when a table hands
        /// buckets out by load and so needs a measuring pass first (<see cref="EndMeasuring"/>).
        /// </summary>
        public static bool BeginPlacement(TeamRun[] teams, double[] capacity)
        {
            var tables = new Dictionary<VNVirtualSwitch, BondBuckets>();
            bool measures = false;
            foreach (var team in teams)
            {
                team.UnknownDestinationMac = 0;
                if (team.Option.Platform != Hypervisor.Linux) continue;
                if (!tables.TryGetValue(team.Team.VirtualSwitch, out var table))
                    tables.Add(team.Team.VirtualSwitch, table = new BondBuckets(capacity));
                team.Buckets = table;
                measures |= (team.Option.BondMode == BondMode.BalanceTlb || team.Option.BondMode == BondMode.BalanceAlb)
                    && (team.Team.VirtualSwitch.TlbDynamicLb ?? true);
            }
            return measures;
        }

        /// <summary>After the measuring pass: the tables hand buckets out for real, and the counters start again.</summary>
        public static void EndMeasuring(TeamRun[] teams)
        {
            foreach (var team in teams)
            {
                team.UnknownDestinationMac = 0;
                team.Buckets?.EndMeasuring();
            }
        }

        /// <summary>
        /// The capacities the sending side is shared on: as the model's, except that the slave a balance-rr bond's
        /// flows are placed on stands for the whole bond. Sprayed in the shares w_u of <see cref="SprayWeight"/>, a
        /// rate R puts R * w_u on slave u, so the bond carries up to min over u of capacity_u / w_u: 2000 Mbps for
        /// two 1000 Mbps slaves, 1500 for three with one failed (1000 / (2/3)). Returns the model's array when no
        /// bond sprays.
        /// </summary>
        public static double[] SendingCapacity(TeamRun[] teams, double[] capacity)
        {
            double[] result = capacity;
            foreach (var team in teams)
            {
                if (team.Option.BondMode != BondMode.BalanceRR || team.Usable.Length == 0) continue;
                if (result == capacity) result = (double[])capacity.Clone();
                double bond = double.PositiveInfinity;
                foreach (var u in team.Usable)
                {
                    double w = SprayWeight(team, u);
                    if (w > 0) bond = Math.Min(bond, capacity[u] / w);
                }
                result[team.Usable[0]] = bond;
            }
            return result;
        }

        /// <summary>
        /// After the sending side is shared: a balance-rr bond's load moves from the slave that stood for it to each
        /// slave by its share, and a broadcast bond's copies load every other usable slave with what the best copy
        /// carries, up to its speed. Returns the Mbps of those copies, which deliver nothing new.
        /// </summary>
        public static double SpreadSprayed(TeamRun[] teams, double[] capacity, double[] level, double[] load)
        {
            double copies = 0;
            var done = new HashSet<int>();
            foreach (var team in teams)
            {
                if (team.Usable.Length == 0) continue;
                if (team.Option.BondMode == BondMode.BalanceRR)
                {
                    int anchor = team.Usable[0];
                    if (!done.Add(anchor)) continue;
                    double total = load[anchor];
                    foreach (var u in team.Usable)
                    {
                        load[u] = total * SprayWeight(team, u);
                        level[u] = level[anchor];
                    }
                }
                else if (team.Option.BondMode == BondMode.Broadcast)
                {
                    int anchor = Fastest(team);
                    if (!done.Add(anchor)) continue;
                    foreach (var u in team.Usable)
                    {
                        if (u == anchor) continue;
                        load[u] = Math.Min(load[anchor], capacity[u]);
                        level[u] = level[anchor];
                        copies += load[u];
                    }
                }
            }
            return copies;
        }

        /// <summary>
        /// The active slave (curr_active_slave) of an active-backup, balance-tlb or balance-alb bond, as
        /// bond_select_active_slave and bond_choose_primary_or_current pick it: before any failure the primary, or
        /// without one the first slave; when the active slave fails, the primary if it is up, else the first slave
        /// that is up. A slave that has recovered is taken back only as the primary, and then by primary_reselect:
        /// always at once, better only when it is faster than the active slave, failure never while that one works.
        /// Without a primary the bond stays where it is. Sets -1 when no slave is up.
        /// </summary>
        public static void SelectActiveSlave(TeamRun run, UplinkState[] state)
        {
            var vswitch = run.Team.VirtualSwitch;
            var slaves = run.Team.Active;
            int primary = -1;
            for (int i = 0; i < slaves.Length && vswitch.Primary != null; i++)
                if (Names.Comparer.Equals(vswitch.Uplinks[i].Name, vswitch.Primary)) primary = slaves[i];

            // A slave still in its updelay (BOND_LINK_BACK) is not up to the bond yet.
            bool Up(int u) => state[u] != UplinkState.Failed && state[u] != UplinkState.UpDelay;
            // A recovered slave was down while the others took over.
            bool WasUp(int u) => Up(u) && state[u] != UplinkState.Recovered;
            int Best(Func<int, bool> up)
            {
                if (primary >= 0 && up(primary)) return primary;
                foreach (var u in slaves) if (up(u)) return u;
                return -1;
            }

            int initial = primary >= 0 ? primary : slaves.Length > 0 ? slaves[0] : -1;
            int during = initial >= 0 && WasUp(initial) ? initial : Best(WasUp);
            int now;
            if (during < 0 || !Up(during)) now = Best(Up);
            else if (primary < 0 || primary == during || !Up(primary)) now = during;
            else
                switch (vswitch.PrimaryReselect)
                {
                    case PrimaryReselect.Better: now = vswitch.Uplinks[Array.IndexOf(slaves, primary)].SpeedMbps > vswitch.Uplinks[Array.IndexOf(slaves, during)].SpeedMbps ? primary : during; break;
                    case PrimaryReselect.Failure: now = during; break;
                    default: now = primary; break;
                }
            run.ActiveSlave = now;
        }
    }

    /// <summary>
    /// A balance-tlb/alb bond's transmit hash table after a rebalance: each of the 256 buckets is given, when first
    /// used, to the usable slave with the largest gap between its speed and the load already given to it
    /// (compute_gap: (speed &lt;&lt; 20) / 8 bytes/s less the load; the first slave of equals), and that slave's load
    /// grows by the bucket's load of the last interval (load_history), its flows' together. A first, measuring pass
    /// over the flows sums each bucket's load.
    /// </summary>
    internal sealed class BondBuckets
    {
        const int Buckets = 256;
        readonly int[] _slave = new int[Buckets];
        readonly double[] _bucketLoad = new double[Buckets];
        readonly double[] _assigned;
        bool _measuring = true;

        public BondBuckets(double[] speed)
        {
            Speed = speed;
            _assigned = new double[speed.Length];
            for (int b = 0; b < Buckets; b++) _slave[b] = -1;
        }

        /// <summary>Per model uplink, its speed in Mbps.</summary>
        public double[] Speed { get; }

        public void EndMeasuring() => _measuring = false;

        /// <param name="loadMbps">What the flow sends, which its bucket's load counts.</param>
        public int Slave(int bucket, int[] usable, double loadMbps)
        {
            if (_measuring)
            {
                _bucketLoad[bucket] += loadMbps;
                return usable[0];
            }
            int slave = _slave[bucket];
            if (slave < 0)
            {
                double maxGap = double.NegativeInfinity;
                foreach (var u in usable)
                {
                    // The kernel reads the speed as 2^20 bits per Mbps and the load as bytes.
                    double gap = Speed[u] * 1048576 / 8 - _assigned[u] * 1e6 / 8;
                    if (gap > maxGap) { maxGap = gap; slave = u; }
                }
                _slave[bucket] = slave;
                _assigned[slave] += _bucketLoad[bucket];
            }
            return slave;
        }
    }
}
