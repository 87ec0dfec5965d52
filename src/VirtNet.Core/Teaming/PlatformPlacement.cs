namespace VirtNet.Teaming
{
    /// <summary>
    /// Hyper-V SET and LBFO placement (the documented model variant of <see cref="HyperVTeamHash"/>): HyperVPort pins
    /// each switch port to active[port id mod n]; the address hashes and Dynamic place each flow by its hash. The
    /// model knows no remote MAC addresses and takes the destination MAC as one constant, as it is for traffic
    /// through a router (the router's MAC): MacAddresses then keeps all of a VM's flows on one member.
    /// </summary>
    internal abstract class HyperVPlacement : TeamingAlgorithm
    {
        static readonly TeamingAlgorithm[] ByAlgorithm =
        {
            new Hashed(LoadBalancingAlgorithm.TransportPorts), new Hashed(LoadBalancingAlgorithm.IPAddresses),
            new Hashed(LoadBalancingAlgorithm.MacAddresses), new HyperVPort(), new Hashed(LoadBalancingAlgorithm.Dynamic),
        };

        public static TeamingAlgorithm For(LoadBalancingAlgorithm algorithm) => ByAlgorithm[(int)algorithm];

        sealed class HyperVPort : HyperVPlacement
        {
            public override void AssignPorts(Team team, TeamRun run)
            {
                var usable = run.Usable;
                for (int p = 0; p < team.PortIds.Length; p++)
                    run.PortUplink[p] = usable.Length == 0 ? -1 : usable[HyperVTeamHash.MemberIndex(LoadBalancingAlgorithm.HyperVPort, usable.Length,
                        team.PortIds[p], 0, 0, 0, 0, false, 0, 0)];
            }
        }

        sealed class Hashed : HyperVPlacement
        {
            readonly LoadBalancingAlgorithm _algorithm;

            public Hashed(LoadBalancingAlgorithm algorithm) { _algorithm = algorithm; }

            public override void AssignPorts(Team team, TeamRun run) { }

            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                ulong sourceMac = run.Team.PortMacs[teamPort];
                int portId = run.Team.PortIds[teamPort];
                for (int f = start; f < end; f++)
                {
                    if (usable.Length == 0) { flowUplink[f] = -1; continue; }
                    uint remote = destination?[f] ?? firstDestination + (uint)(f - start);
                    int u = usable[HyperVTeamHash.MemberIndex(_algorithm, usable.Length, portId, sourceMac, RemoteMac, sourceIp, remote,
                        ports.Transport, ports.Source(f), ports.Destination(f))];
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
            }
        }
    }

    /// <summary>
    /// Linux bonding transmit (bonding.rst, bond_main.c). balance-xor and 802.3ad hash each flow with
    /// <see cref="BondHash"/> over the usable slaves; active-backup sends on the first usable slave (as with the
    /// first slave as primary); broadcast sends every frame on every slave, and the model counts the copy on the
    /// first usable slave. Two documented model variants: balance-rr spreads packets, and the model, which places
    /// whole flows, gives the flows to the slaves in turn (so one flow never exceeds one slave, where the kernel
    /// would spray its packets and reorder them); balance-tlb and balance-alb send by current load, and the model
    /// gives each flow to the usable slave carrying the fewest flows. The model knows no remote MAC addresses and
    /// takes the destination MAC as one constant, as for routed traffic: layer2 then keeps a source on one slave.
    /// </summary>
    internal abstract class BondPlacement : TeamingAlgorithm
    {
        static readonly TeamingAlgorithm RoundRobin = new InTurn(), FirstUsable = new ExplicitFailover(), LeastFlows = new Lightest();
        static readonly TeamingAlgorithm[] HashedBy =
        {
            new Hashed(XmitHashPolicy.Layer2), new Hashed(XmitHashPolicy.Layer2Plus3), new Hashed(XmitHashPolicy.Layer3Plus4),
            new Hashed(XmitHashPolicy.Encap2Plus3), new Hashed(XmitHashPolicy.Encap3Plus4),
        };

        public static TeamingAlgorithm For(BondMode mode, XmitHashPolicy policy)
        {
            switch (mode)
            {
                case BondMode.BalanceRR: return RoundRobin;
                case BondMode.BalanceXor:
                case BondMode.Ieee8023ad: return HashedBy[(int)policy];
                case BondMode.BalanceTlb:
                case BondMode.BalanceAlb: return LeastFlows;
                default: return FirstUsable;
            }
        }

        sealed class Hashed : BondPlacement
        {
            readonly XmitHashPolicy _policy;

            public Hashed(XmitHashPolicy policy) { _policy = policy; }

            public override void AssignPorts(Team team, TeamRun run) { }

            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                byte sourceMac = (byte)run.Team.PortMacs[teamPort];
                for (int f = start; f < end; f++)
                {
                    if (usable.Length == 0) { flowUplink[f] = -1; continue; }
                    uint remote = destination?[f] ?? firstDestination + (uint)(f - start);
                    // Frames without TCP or UDP ports start the layer3+4 hash from 0, as the kernel's flow dissector leaves them.
                    uint hash = BondHash.Hash(_policy, sourceMac, (byte)RemoteMac, sourceIp, remote,
                        ports.Transport ? ports.Source(f) : (ushort)0, ports.Transport ? ports.Destination(f) : (ushort)0);
                    int u = usable[BondHash.SlaveIndex(hash, usable.Length)];
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
            }
        }

        sealed class InTurn : BondPlacement
        {
            public override void AssignPorts(Team team, TeamRun run) { }

            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                for (int f = start; f < end; f++)
                {
                    if (usable.Length == 0) { flowUplink[f] = -1; continue; }
                    int u = usable[run.Turn++ % usable.Length];
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
            }
        }

        sealed class Lightest : BondPlacement
        {
            public override void AssignPorts(Team team, TeamRun run) { }

            public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
                short[] flowUplink, int[] flowCount, in FlowPorts ports)
            {
                var usable = run.Usable;
                for (int f = start; f < end; f++)
                {
                    if (usable.Length == 0) { flowUplink[f] = -1; continue; }
                    int u = usable[0];
                    foreach (var candidate in usable)
                        if (flowCount[candidate] < flowCount[u]) u = candidate;
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
            }
        }
    }
}
