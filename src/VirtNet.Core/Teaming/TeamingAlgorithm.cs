namespace VirtNet.Teaming
{
    /// <summary>
    /// How a team picks the uplink for a frame: an ESX teaming policy, a Hyper-V algorithm or a bonding mode.
    /// Those that pin a port (port id, MAC hash, explicit failover, load-based, HyperVPort, active-backup) choose once
    /// per port in <see cref="AssignPorts"/>; the hashes choose per flow in <see cref="PlaceFlows"/>.
    /// </summary>
    internal abstract class TeamingAlgorithm
    {
        // In the order of the LoadBalancingPolicy values.
        static readonly TeamingAlgorithm[] ByPolicy =
        {
            new SourcePortId(), new SourceMacHash(), new IpHash(), new ExplicitFailover(), new LoadBasedTeaming(),
        };

        public static TeamingAlgorithm For(LoadBalancingPolicy policy) => ByPolicy[(int)policy];

        /// <summary>
        /// The destination MAC of every frame, for the hashes that read it: the model knows no remote MAC addresses,
        /// and for routed traffic it is one constant, the router's.
        /// </summary>
        protected const ulong RemoteMac = 0;

        /// <summary>Sets <see cref="TeamRun.PortUplink"/> for every port of the team.</summary>
        public abstract void AssignPorts(Team team, TeamRun run);

        /// <summary>
        /// Sets the uplink of flows [start, end), which all come from one team port, and adds them to flowCount of
        /// their uplinks. Flow f goes to destination[f], or when destination is null to firstDestination + (f - start).
        /// </summary>
        public virtual void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
            short[] flowUplink, int[] flowCount, in FlowPorts ports)
        {
            short uplink = (short)run.PortUplink[teamPort];
            for (int f = start; f < end; f++) flowUplink[f] = uplink;
            if (uplink >= 0) flowCount[uplink] += end - start;
        }

        protected static void Fill(int[] array, int start, int end, int value)
        {
            for (int i = start; i < end; i++) array[i] = value;
        }
    }

    /// <summary>
    /// The header fields of the flows being placed beyond their addresses, for the algorithms that hash them: the TCP
    /// or UDP ports (for ICMP the echo identifier in the source port's place) and the destination MAC; and what each
    /// flow sends, for the algorithms that weigh load.
    /// </summary>
    internal readonly struct FlowPorts
    {
        readonly ushort[] _source, _destination;
        readonly Traffic.NextHops _nextHops;
        readonly int _sourceIndex;
        readonly ulong? _destinationMac;

        /// <param name="source">Per flow of the list, its source port; null when no flow has one.</param>
        /// <param name="protocol">The flows' protocol: TCP and UDP have ports to hash.</param>
        /// <param name="nextHops">Where the destination MACs come from, for source sourceIndex, unless destinationMac says it.</param>
        public FlowPorts(ushort[] source, ushort[] destination, FlowProtocol protocol, Traffic.NextHops nextHops = null, int sourceIndex = 0,
            ulong? destinationMac = null, double demandMbps = double.PositiveInfinity, bool sends = true)
        {
            DemandMbps = demandMbps;
            Sends = sends;
            _source = source;
            _destination = destination;
            Protocol = protocol;
            _nextHops = nextHops;
            _sourceIndex = sourceIndex;
            _destinationMac = destinationMac;
        }

        public FlowProtocol Protocol { get; }
        public bool Transport => Protocol != FlowProtocol.Icmp;
        /// <summary>Each flow's demand; +Infinity: as much as it gets.</summary>
        public double DemandMbps { get; }
        /// <summary>The flows send from the source (Outbound or Both).</summary>
        public bool Sends { get; }
        public ushort Source(int flow) => _source?[flow] ?? 0;
        public ushort Destination(int flow) => _destination?[flow] ?? 0;

        /// <summary>The destination MAC of a flow's frames; false when the model does not know it (the MAC is then 0).</summary>
        public bool TryDestinationMac(uint destination, out ulong mac)
        {
            if (_destinationMac.HasValue) { mac = _destinationMac.Value; return true; }
            if (_nextHops != null) return _nextHops.TryGet(_sourceIndex, destination, out mac);
            mac = Traffic.NextHops.Unknown;
            return false;
        }
    }

    /// <summary>
    /// "Route based on originating virtual port" (loadbalance_srcid), the default. VMware documents only that the
    /// choice uses the port id and the number of uplinks and is kept until the uplink set changes; the model's
    /// choice: port k goes to active[k mod n]. When uplinks fail, only the ports whose uplink
    /// is gone move, spread round-robin over the remaining uplinks in port order; the others stay where they are.
    /// </summary>
    internal class SourcePortId : TeamingAlgorithm
    {
        public override void AssignPorts(Team team, TeamRun run)
        {
            var usable = run.Usable;
            if (usable.Length == 0) { Fill(run.PortUplink, 0, run.PortUplink.Length, -1); return; }
            int n = team.Active.Length, moved = 0;
            for (int p = 0; p < team.PortIds.Length; p++)
            {
                int home = n > 0 ? team.Active[team.PortIds[p] % n] : -1;
                run.PortUplink[p] = home >= 0 && run.IsUsable(home) ? home : usable[moved++ % usable.Length];
            }
        }
    }

    /// <summary>
    /// "Route based on source MAC hash" (loadbalance_srcmac). VMware documents only "the MAC address and the number
    /// of uplinks"; the model's choice is the whole 48-bit MAC mod n, which equals the last
    /// byte mod n for 2, 4 and 8 uplinks. A hash over the uplinks that are left: a failure can move other ports too.
    /// </summary>
    internal sealed class SourceMacHash : TeamingAlgorithm
    {
        public static int SelectIndex(ulong mac, int uplinkCount) => (int)(mac % (ulong)uplinkCount);

        public override void AssignPorts(Team team, TeamRun run)
        {
            var usable = run.Usable;
            for (int p = 0; p < team.PortIds.Length; p++)
                run.PortUplink[p] = usable.Length == 0 ? -1 : usable[SelectIndex(team.PortMacs[p], usable.Length)];
        }
    }

    /// <summary>"Use explicit failover order" (failover_explicit): the first uplink that is usable; standby only when no active is left.</summary>
    internal sealed class ExplicitFailover : TeamingAlgorithm
    {
        public override void AssignPorts(Team team, TeamRun run) =>
            Fill(run.PortUplink, 0, run.PortUplink.Length, run.Usable.Length == 0 ? -1 : run.Usable[0]);
    }
}
