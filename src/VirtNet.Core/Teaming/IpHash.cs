using VirtNet.Net;

namespace VirtNet.Teaming
{
    /// <summary>
    /// "Route based on IP hash" (loadbalance_ip): uplink = active[(source IP XOR destination IP) mod n].
    /// FullAddress XORs the whole 32-bit addresses, as KB 2006129 and KB 1007371 compute it; LastOctet XORs only the
    /// last octets, as the vSphere 6.5+ documentation words it. The two agree for 2, 4 and 8 uplinks. One
    /// source/destination pair therefore always uses one uplink, whatever its ports or volume (KB 1004048).
    /// </summary>
    internal sealed class IpHash : TeamingAlgorithm
    {
        public static uint KeyMask(IpHashVariant variant) => variant == IpHashVariant.LastOctet ? 0xFFu : 0xFFFFFFFFu;

        /// <summary>The index into the list of usable uplinks.</summary>
        public static int SelectIndex(IPv4Address source, IPv4Address destination, int uplinkCount, IpHashVariant variant) =>
            (int)(((source.Value ^ destination.Value) & KeyMask(variant)) % (uint)uplinkCount);

        public override void AssignPorts(Team team, TeamRun run) { }

        /// <summary>The hot loop: one source, many destinations.</summary>
        public override void PlaceFlows(TeamRun run, int teamPort, uint sourceIp, uint[] destination, uint firstDestination, int start, int end,
            short[] flowUplink, int[] flowCount, in FlowPorts ports)
        {
            var usable = run.Usable;
            if (usable.Length == 0)
            {
                for (int f = start; f < end; f++) flowUplink[f] = -1;
                return;
            }
            var modulus = run.Modulus;
            uint mask = run.KeyMask;
            if (destination == null)
            {
                uint d = firstDestination;
                for (int f = start; f < end; f++, d++)
                {
                    int u = usable[modulus.Of((sourceIp ^ d) & mask)];
                    flowUplink[f] = (short)u;
                    flowCount[u]++;
                }
                return;
            }
            for (int f = start; f < end; f++)
            {
                int u = usable[modulus.Of((sourceIp ^ destination[f]) & mask)];
                flowUplink[f] = (short)u;
                flowCount[u]++;
            }
        }
    }
}
