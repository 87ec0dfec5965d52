namespace VirtNet.Teaming
{
    /// <summary>
    /// What a kernel release's bonding driver does when it hashes a frame and picks a slave, from the history of
    /// drivers/net/bonding/bond_main.c (upstream releases; the commits named are those that changed it):
    /// <list type="bullet">
    /// <item>before 3.13: bond_xmit_hash_policy_l2/l23/l34, (ntohl(saddr ^ daddr) &amp; 0xffff) and for layer3+4
    /// ntohs(sport ^ dport), no fold; no encap policies.</item>
    /// <item>3.13: one bond_xmit_hash over the flow dissector ("bonding: modify the old and add new xmit hash
    /// policies"): h_dest[5] ^ h_source[5], addresses read as native u32, folded by &gt;&gt; 16 and &gt;&gt; 8;
    /// encap2+3 and encap3+4 added.</item>
    /// <item>before 3.18: balance-xor and 802.3ad take slave (hash mod all slaves) and, when it cannot transmit, the
    /// next one that can (bond_xmit_xor, bond_3ad_xmit_xor); from 3.18 they index the array of the slaves that can
    /// transmit (bond_3ad_xor_xmit, slave_arr: "bonding: Simplify the xmit function for modes that use
    /// xmit_hash"), and that release's bond_eth_hash XORs h_proto as it lies in memory: 0x0008 for IPv4 on a
    /// little-endian machine.</item>
    /// <item>4.15: "bonding: discard lowest hash bit for 802.3ad layer3+4" returns hash &gt;&gt; 1 for every policy
    /// but layer2.</item>
    /// <item>5.5: "bonding: balance ICMP echoes in layer3+4 mode": layer3+4 and encap3+4 start an ICMP echo's hash
    /// from its type, code and identifier (flow_dissector_key_icmp) where they would take the ports; until 5.12
    /// ("flow_dissector: fix byteorder of dissected ICMP ID") the identifier is the raw big-endian field.</item>
    /// <item>5.15: bond_eth_hash XORs be16_to_cpu(h_proto), 0x0800 (the XDP refactoring into __bond_xmit_hash).</item>
    /// <item>5.18: "bonding: do not discard lowest hash bit for non layer3+4 hashing": only layer3+4 and encap3+4
    /// shift.</item>
    /// </list>
    /// The boundaries are upstream releases. Distribution and stable kernels carry backports (Ubuntu 16.04's 4.4 has
    /// the 4.15 shift; the 5.12 ICMP fix went into 5.10 stable; RHEL and SUSE rebase the driver within a release),
    /// so a host is best described by the upstream release its bonding code matches.
    /// </summary>
    internal readonly struct BondKernel
    {
        BondKernel(int release)
        {
            Release = release;
        }

        /// <summary>major * 1000 + minor: 5.15 is 5015.</summary>
        int Release { get; }

        public static BondKernel Of(HostVersion version) => new BondKernel(version.Major * 1000 + version.Minor);

        /// <summary>The driver of the latest era (5.18 and later).</summary>
        public static BondKernel Current => new BondKernel(int.MaxValue);

        bool AtLeast(int major, int minor) => Release >= major * 1000 + minor;

        /// <summary>Before 3.13: the per-policy functions without the fold.</summary>
        public bool PerPolicyFunctions => !AtLeast(3, 13);

        /// <summary>encap2+3 and encap3+4 exist from 3.13.</summary>
        public bool HasEncapPolicies => AtLeast(3, 13);

        /// <summary>
        /// The EtherType term of bond_eth_hash for IPv4: none before 3.18, the raw bytes 08 00 read on a little-endian
        /// machine (0x0008) until 5.14, be16_to_cpu (0x0800) from 5.15.
        /// </summary>
        public uint EtherTypeTerm => !AtLeast(3, 18) ? 0u : AtLeast(5, 15) ? 0x0800u : 0x0008u;

        /// <summary>Whether the policy's hash loses its lowest bit: from 4.15 all but layer2, from 5.18 only the 3+4 ones.</summary>
        public bool DiscardsLowestBit(XmitHashPolicy policy) =>
            policy != XmitHashPolicy.Layer2 && AtLeast(4, 15)
            && (!AtLeast(5, 18) || policy == XmitHashPolicy.Layer3Plus4 || policy == XmitHashPolicy.Encap3Plus4);

        /// <summary>From 5.5 layer3+4 and encap3+4 hash an ICMP echo's identifier.</summary>
        public bool HashesIcmpIdentifier => AtLeast(5, 5);

        /// <summary>Until 5.12 the identifier is kept as the raw big-endian field, so a little-endian machine sees it byte-swapped.</summary>
        public bool IcmpIdentifierInHostOrder => AtLeast(5, 12);

        /// <summary>From 3.18 the hash indexes the slaves that can transmit; before, all slaves with a fallback to the next usable one.</summary>
        public bool IndexesUsableSlaves => AtLeast(3, 18);
    }
}
