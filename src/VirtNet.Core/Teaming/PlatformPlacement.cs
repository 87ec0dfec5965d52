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
}
