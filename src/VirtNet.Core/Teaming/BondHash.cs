namespace VirtNet.Teaming
{
    /// <summary>
    /// The Linux bonding transmit hash, bit for bit as drivers/net/bonding/bond_main.c of each kernel era
    /// (<see cref="BondKernel"/>) computes it on a little-endian machine (x86, arm64), and the slave it picks.
    /// <para>
    /// bond_eth_hash: h_dest[5] ^ h_source[5] ^ the era's EtherType term. bond_ip_hash (3.13 and later): the start
    /// value ^ daddr ^ saddr, with the addresses read as native u32 from their network bytes, then
    /// hash ^= hash &gt;&gt; 16; hash ^= hash &gt;&gt; 8, and the era's lowest-bit discard. layer2+3 starts from the eth
    /// hash; layer3+4 from the two port fields copied into a u32 (source port at the lower address), or for an
    /// ICMP echo from 5.5 from type | code &lt;&lt; 8 | identifier &lt;&lt; 16. Frames without ports (ICMP before 5.5,
    /// fragments, other protocols) start from 0. Before 3.13 the policies were separate functions:
    /// (ntohl(saddr ^ daddr) &amp; 0xffff) ^ (h_dest[5] ^ h_source[5]) for layer2+3 and
    /// ntohs(sport ^ dport) ^ (ntohl(saddr ^ daddr) &amp; 0xffff) for TCP and UDP under layer3+4.
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

        /// <summary>ICMP echo request, the type of the frames an ICMP flow's source sends.</summary>
        const uint IcmpEchoRequest = 8;

        /// <summary>bond_eth_hash: the last octets of both MACs and the EtherType term.</summary>
        public static uint Layer2(byte sourceMacLastOctet, byte destinationMacLastOctet, ushort etherType) =>
            (uint)(destinationMacLastOctet ^ sourceMacLastOctet ^ etherType);

        /// <summary>layer2+3 (and encap2+3) of the current kernel: the layer2 hash folded with both IPv4 addresses (a.b.c.d = a&lt;&lt;24 | ... | d).</summary>
        public static uint Layer2Plus3(byte sourceMacLastOctet, byte destinationMacLastOctet, uint sourceIp, uint destinationIp) =>
            IpHash(Layer2(sourceMacLastOctet, destinationMacLastOctet, EtherTypeIPv4), sourceIp, destinationIp);

        /// <summary>layer3+4 (and encap3+4) of the current kernel: both ports and both IPv4 addresses, folded, lowest bit discarded.</summary>
        public static uint Layer3Plus4(uint sourceIp, uint destinationIp, ushort sourcePort, ushort destinationPort) =>
            IpHash(PortWord(sourcePort, destinationPort), sourceIp, destinationIp) >> 1;

        /// <summary>The hash of an IPv4 frame under a policy, by the current kernel. Ports count only for layer3+4 and encap3+4.</summary>
        public static uint Hash(XmitHashPolicy policy, byte sourceMacLastOctet, byte destinationMacLastOctet,
            uint sourceIp, uint destinationIp, ushort sourcePort, ushort destinationPort) =>
            Hash(BondKernel.Current, policy, sourceMacLastOctet, destinationMacLastOctet, sourceIp, destinationIp, FlowProtocol.Tcp,
                sourcePort, destinationPort);

        /// <summary>
        /// bond_xmit_hash of the kernel era for an IPv4 frame. For TCP and UDP, sourcePort and destinationPort are the
        /// ports; for ICMP, sourcePort is the echo identifier. Before 3.13 the value is what the per-policy function
        /// returns before its modulo.
        /// </summary>
        internal static uint Hash(in BondKernel kernel, XmitHashPolicy policy, byte sourceMacLastOctet, byte destinationMacLastOctet,
            uint sourceIp, uint destinationIp, FlowProtocol protocol, ushort sourcePort, ushort destinationPort)
        {
            bool transport = protocol != FlowProtocol.Icmp;
            uint eth = (uint)(destinationMacLastOctet ^ sourceMacLastOctet) ^ kernel.EtherTypeTerm;
            if (kernel.PerPolicyFunctions)
            {
                uint addresses = (sourceIp ^ destinationIp) & 0xFFFF;
                switch (policy)
                {
                    case XmitHashPolicy.Layer2: return eth;
                    case XmitHashPolicy.Layer2Plus3: return addresses ^ eth;
                    default: return (transport ? (uint)(sourcePort ^ destinationPort) : 0u) ^ addresses;
                }
            }
            if (policy == XmitHashPolicy.Layer2) return eth;

            uint start;
            if (policy == XmitHashPolicy.Layer2Plus3 || policy == XmitHashPolicy.Encap2Plus3) start = eth;
            else if (transport) start = PortWord(sourcePort, destinationPort);
            else if (kernel.HashesIcmpIdentifier)
            {
                // skb_flow_get_icmp_tci keeps an identifier of 0 as 1, since 0 means "no identifier".
                uint id = sourcePort == 0 ? 1u : kernel.IcmpIdentifierInHostOrder ? sourcePort : Swap16(sourcePort);
                start = IcmpEchoRequest | id << 16;
            }
            else start = 0;
            uint hash = IpHash(start, sourceIp, destinationIp);
            return kernel.DiscardsLowestBit(policy) ? hash >> 1 : hash;
        }

        /// <summary>slaves-&gt;arr[hash % count].</summary>
        public static int SlaveIndex(uint hash, int slaveCount) => (int)(hash % (uint)slaveCount);

        /// <summary>An address as the kernel reads its four network-order bytes into a native (little-endian) u32.</summary>
        public static uint NativeU32(uint networkOrderValue) =>
            (networkOrderValue >> 24) | ((networkOrderValue >> 8) & 0xFF00u) | ((networkOrderValue << 8) & 0xFF0000u) | (networkOrderValue << 24);

        /// <summary>flow.ports.ports (source then destination, each big-endian) copied into a native u32.</summary>
        public static uint PortWord(ushort sourcePort, ushort destinationPort) => Swap16(sourcePort) | (uint)Swap16(destinationPort) << 16;

        static uint Swap16(ushort value) => (uint)((value >> 8) | ((value & 0xFF) << 8));

        static uint IpHash(uint hash, uint sourceIp, uint destinationIp)
        {
            hash ^= NativeU32(destinationIp) ^ NativeU32(sourceIp);
            hash ^= hash >> 16;
            hash ^= hash >> 8;
            return hash;
        }
    }
}
