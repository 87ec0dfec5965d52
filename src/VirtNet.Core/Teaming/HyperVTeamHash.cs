namespace VirtNet.Teaming
{
    /// <summary>
    /// The model's variant of the Windows NIC Teaming (LBFO) and Switch Embedded Teaming distribution. Microsoft
    /// documents what each algorithm hashes (nic-teaming-settings.md, New-NetLbfoTeam) but not the hash function or
    /// how a hash maps to a member, so the model uses the plainest function over the documented inputs, as it does
    /// for VMware's unpublished hashes. The member is active[key mod n] over the active
    /// members that are up, in team order:
    /// <list type="bullet">
    /// <item>MacAddresses: key = source MAC XOR destination MAC, all 48 bits.</item>
    /// <item>IPAddresses: key = source IP XOR destination IP, all 32 bits.</item>
    /// <item>TransportPorts: key = source IP XOR destination IP XOR (source port &lt;&lt; 16 | destination port). Traffic
    /// without TCP or UDP ports falls back to the IPAddresses hash, as Windows does (non-IP would fall back to MacAddresses).</item>
    /// <item>HyperVPort: key = the Hyper-V switch port id, so port k goes to active[k mod n], like ESX port id.</item>
    /// <item>Dynamic: placed by the TransportPorts hash. Windows then moves flows between members at flowlet gaps;
    /// the model keeps the initial placement, so it shows where a flow starts, not where rebalancing may take it.</item>
    /// </list>
    /// Real teams may place individual flows elsewhere; aggregate effects (one flow never exceeds one member, one VM
    /// under HyperVPort stays on one member, address hash spreads pairs) hold whatever the function.
    /// </summary>
    public static class HyperVTeamHash
    {
        public static ulong MacAddressesKey(ulong sourceMac, ulong destinationMac) => sourceMac ^ destinationMac;

        public static uint IPAddressesKey(uint sourceIp, uint destinationIp) => sourceIp ^ destinationIp;

        public static uint TransportPortsKey(uint sourceIp, uint destinationIp, ushort sourcePort, ushort destinationPort) =>
            sourceIp ^ destinationIp ^ ((uint)sourcePort << 16 | destinationPort);

        /// <summary>The member index for a flow; <paramref name="hasPorts"/> is false for traffic without TCP/UDP ports.</summary>
        public static int MemberIndex(LoadBalancingAlgorithm algorithm, int memberCount, int switchPortId, ulong sourceMac, ulong destinationMac,
            uint sourceIp, uint destinationIp, bool hasPorts, ushort sourcePort, ushort destinationPort)
        {
            switch (algorithm)
            {
                case LoadBalancingAlgorithm.HyperVPort:
                    return (int)((uint)switchPortId % (uint)memberCount);
                case LoadBalancingAlgorithm.MacAddresses:
                    return (int)(MacAddressesKey(sourceMac, destinationMac) % (ulong)memberCount);
                case LoadBalancingAlgorithm.IPAddresses:
                    return (int)(IPAddressesKey(sourceIp, destinationIp) % (uint)memberCount);
                default:
                    return hasPorts
                        ? (int)(TransportPortsKey(sourceIp, destinationIp, sourcePort, destinationPort) % (uint)memberCount)
                        : (int)(IPAddressesKey(sourceIp, destinationIp) % (uint)memberCount);
            }
        }
    }
}
