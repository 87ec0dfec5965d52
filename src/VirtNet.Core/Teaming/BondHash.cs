namespace VirtNet.Teaming
{
    /// <summary>
    /// The Linux bonding transmit hash, bit for bit as drivers/net/bonding/bond_main.c computes it on a
    /// little-endian machine (x86, arm64); the slave is usable[hash % count] (bond_xmit_3ad_xor_slave_get), where
    /// usable lists the transmit-capable slaves in enslave order (for 802.3ad, those of the active aggregator).
    /// <para>
    /// bond_eth_hash: h_dest[5] ^ h_source[5] ^ be16_to_cpu(h_proto), so IPv4 contributes 0x0800. Older kernels XORed
    /// the raw h_proto (0x0008 on x86); that bit never reaches the low three bits, so 2, 4 and 8 slaves choose alike.
    /// bond_ip_hash: hash ^= daddr ^ saddr, with the addresses read as native u32 from their network bytes; then
    /// hash ^= hash &gt;&gt; 16; hash ^= hash &gt;&gt; 8; and only layer3+4 and encap3+4 discard the lowest bit (hash &gt;&gt;= 1,
    /// "bonding: do not discard lowest hash bit for non layer3+4 hashing", 2022; earlier kernels shifted layer2+3 too).
    /// layer3+4 starts from the two port fields copied into a u32, source port at the lower address. Frames without
    /// ports (ICMP without an id, fragments, other protocols) start from 0.
    /// </para>
    /// <para>
    /// encap2+3 and encap3+4 dissect the inner headers of a tunnel; the model has no tunnels, so they hash the only
    /// headers there are, like layer2+3 and layer3+4. The kernel's shortcut for encap3+4, reusing skb-&gt;hash when the
    /// stack already set an L4 hash, is not modelled: that hash is per socket and cannot be known from the outside.
    /// </para>
    /// Everything here is arithmetic on values: no allocation, so the simulator may call it once per flow.
    /// </summary>
    public static class BondHash
    {
        public const ushort EtherTypeIPv4 = 0x0800;

        /// <summary>bond_eth_hash: the last octets of both MACs and the EtherType.</summary>
        public static uint Layer2(byte sourceMacLastOctet, byte destinationMacLastOctet, ushort etherType) =>
            (uint)(destinationMacLastOctet ^ sourceMacLastOctet ^ etherType);

        /// <summary>layer2+3 (and encap2+3): the layer2 hash folded with both IPv4 addresses (a.b.c.d = a&lt;&lt;24 | ... | d).</summary>
        public static uint Layer2Plus3(byte sourceMacLastOctet, byte destinationMacLastOctet, uint sourceIp, uint destinationIp) =>
            IpHash(Layer2(sourceMacLastOctet, destinationMacLastOctet, EtherTypeIPv4), sourceIp, destinationIp);

        /// <summary>layer3+4 (and encap3+4): both ports and both IPv4 addresses, folded, lowest bit discarded.</summary>
        public static uint Layer3Plus4(uint sourceIp, uint destinationIp, ushort sourcePort, ushort destinationPort) =>
            IpHash(PortWord(sourcePort, destinationPort), sourceIp, destinationIp) >> 1;

        /// <summary>The hash of an IPv4 frame under a policy. Ports count only for layer3+4 and encap3+4.</summary>
        public static uint Hash(XmitHashPolicy policy, byte sourceMacLastOctet, byte destinationMacLastOctet,
            uint sourceIp, uint destinationIp, ushort sourcePort, ushort destinationPort)
        {
            switch (policy)
            {
                case XmitHashPolicy.Layer2:
                    return Layer2(sourceMacLastOctet, destinationMacLastOctet, EtherTypeIPv4);
                case XmitHashPolicy.Layer2Plus3:
                case XmitHashPolicy.Encap2Plus3:
                    return Layer2Plus3(sourceMacLastOctet, destinationMacLastOctet, sourceIp, destinationIp);
                default:
                    return Layer3Plus4(sourceIp, destinationIp, sourcePort, destinationPort);
            }
        }

        /// <summary>slaves-&gt;arr[hash % count].</summary>
        public static int SlaveIndex(uint hash, int slaveCount) => (int)(hash % (uint)slaveCount);

        /// <summary>An address as the kernel reads its four network-order bytes into a native (little-endian) u32.</summary>
        public static uint NativeU32(uint networkOrderValue) =>
            (networkOrderValue >> 24) | ((networkOrderValue >> 8) & 0xFF00u) | ((networkOrderValue << 8) & 0xFF0000u) | (networkOrderValue << 24);

        /// <summary>flow.ports.ports (source then destination, each big-endian) copied into a native u32.</summary>
        public static uint PortWord(ushort sourcePort, ushort destinationPort) =>
            (uint)((sourcePort >> 8) | ((sourcePort & 0xFF) << 8)) | ((uint)((destinationPort >> 8) | ((destinationPort & 0xFF) << 8)) << 16);

        static uint IpHash(uint hash, uint sourceIp, uint destinationIp)
        {
            hash ^= NativeU32(destinationIp) ^ NativeU32(sourceIp);
            hash ^= hash >> 16;
            hash ^= hash >> 8;
            return hash;
        }
    }
}
