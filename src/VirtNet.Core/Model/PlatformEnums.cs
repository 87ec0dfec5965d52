namespace VirtNet
{
    /// <summary>New-VMSwitch -SwitchType: External switches reach the physical network through NICs; Internal
    /// switches connect VMs and the management OS; Private switches connect VMs only.</summary>
    public enum HyperVSwitchType { External, Internal, Private }

    /// <summary>New-NetLbfoTeam -TeamingMode. Switch Embedded Teaming is always SwitchIndependent.</summary>
    public enum TeamingMode
    {
        /// <summary>The physical switches know nothing of the team; members may go to different switches.</summary>
        SwitchIndependent,
        /// <summary>Switch dependent: a static port channel (channel-group mode on) on one switch or stack.</summary>
        Static,
        /// <summary>Switch dependent: an LACP (802.1AX) port channel; Windows always runs LACP active with the short timer.</summary>
        Lacp,
    }

    /// <summary>
    /// New-NetLbfoTeam -LoadBalancingAlgorithm; Switch Embedded Teaming takes HyperVPort and Dynamic only
    /// (Set-VMSwitchTeam). Microsoft does not publish the hash functions: see <see cref="Teaming.HyperVTeamHash"/>.
    /// </summary>
    public enum LoadBalancingAlgorithm
    {
        /// <summary>Address hash on source and destination TCP/UDP ports and IP addresses.</summary>
        TransportPorts,
        /// <summary>Address hash on source and destination IP addresses.</summary>
        IPAddresses,
        /// <summary>Address hash on source and destination MAC addresses.</summary>
        MacAddresses,
        /// <summary>By the Hyper-V switch port the traffic comes from; inbound arrives on the same member.</summary>
        HyperVPort,
        /// <summary>Outbound by the TransportPorts hash, rebalanced at flowlet gaps; inbound as HyperVPort.</summary>
        Dynamic,
    }

    /// <summary>
    /// The Linux bonding modes 0 to 6. The kernel's names (balance-rr ... balance-alb) are not C# identifiers; see
    /// <see cref="LinuxBonding"/> for converting to and from them.
    /// </summary>
    public enum BondMode
    {
        /// <summary>0, balance-rr: packets in turn over every slave.</summary>
        BalanceRR = 0,
        /// <summary>1, active-backup: one slave at a time.</summary>
        ActiveBackup = 1,
        /// <summary>2, balance-xor: slave by xmit_hash_policy; needs a static port channel.</summary>
        BalanceXor = 2,
        /// <summary>3, broadcast: every frame on every slave.</summary>
        Broadcast = 3,
        /// <summary>4, 802.3ad: slave by xmit_hash_policy among the active aggregator's; needs an LACP port channel.</summary>
        Ieee8023ad = 4,
        /// <summary>5, balance-tlb: outbound by load, inbound on the current slave.</summary>
        BalanceTlb = 5,
        /// <summary>6, balance-alb: balance-tlb plus inbound balancing by ARP negotiation.</summary>
        BalanceAlb = 6,
    }

    /// <summary>The bonding xmit_hash_policy values the model computes (kernel names layer2, layer2+3 ...).</summary>
    public enum XmitHashPolicy { Layer2, Layer2Plus3, Layer3Plus4, Encap2Plus3, Encap3Plus4 }

    /// <summary>
    /// The bonding primary_reselect option (bonding.rst): when the primary slave comes back while another slave is
    /// active, whether it takes over again. The kernel's names are always, better and failure (0 to 2).
    /// </summary>
    public enum PrimaryReselect
    {
        /// <summary>0, always: the primary takes over as soon as it is up (the default).</summary>
        Always,
        /// <summary>1, better: only when it is faster than the active slave (or as fast with a better duplex).</summary>
        Better,
        /// <summary>2, failure: only when the active slave fails.</summary>
        Failure,
    }

    /// <summary>
    /// The bonding ad_select option (bonding.rst; bond_3ad.c ad_agg_selection_logic): which of an 802.3ad bond's
    /// aggregators transmits when its slaves reach more than one partner. The kernel's names are stable, bandwidth
    /// and count (0 to 2).
    /// </summary>
    public enum AdSelect
    {
        /// <summary>0, stable: the largest aggregate bandwidth, kept until all its slaves are down (the default).</summary>
        Stable,
        /// <summary>1, bandwidth: the largest aggregate bandwidth, chosen again whenever a slave's link changes.</summary>
        Bandwidth,
        /// <summary>2, count: the most slaves up, then the largest bandwidth, chosen again whenever a slave's link changes.</summary>
        Count,
    }

    /// <summary>Where a Hyper-V host's dynamic MAC address pool comes from.</summary>
    public enum MacAddressPoolSource
    {
        /// <summary>00-15-5D plus the last two octets of the host's first IP address, 256 addresses (KB 2804678).</summary>
        Derived,
        /// <summary>Set with Set-VNHost -MacAddressMinimum/-MacAddressMaximum, as Set-VMHost sets it.</summary>
        Explicit,
    }

    /// <summary>Which team member inbound traffic arrives on.</summary>
    public enum InboundDistribution
    {
        /// <summary>The member the traffic's switch port sends on: the physical switch learns each VM's MAC there.</summary>
        SendingMember,
        /// <summary>One member receives everything: the primary member, the active slave or the current slave.</summary>
        PrimaryMember,
        /// <summary>The physical switch's port channel hash picks the member.</summary>
        PortChannel,
        /// <summary>
        /// balance-alb: ARP negotiation hands the peers of the bond's own addresses out to the slaves in turn
        /// (bond_alb.c, rlb); VMs bridged over the bond answer ARP themselves and receive on the active slave.
        /// </summary>
        PerPeer,
    }

    /// <summary>The port channel a team or bond needs on the physical switch.</summary>
    public enum RequiredPortChannel
    {
        /// <summary>No channel: the switch must see separate ports.</summary>
        None,
        /// <summary>channel-group N mode on.</summary>
        Static,
        /// <summary>channel-group N mode active or passive.</summary>
        Lacp,
    }

    /// <summary>What Test-VNMacAddressConflict found.</summary>
    public enum MacAddressConflictKind
    {
        /// <summary>Derived pools that are equal because the hosts' IP addresses share their last two octets.</summary>
        SameIPOctets,
        /// <summary>Equal pools that the hosts' current addresses do not explain: a cloned image, or a pool derived from an earlier address.</summary>
        ClonedPool,
        /// <summary>Pools that share part of their range.</summary>
        OverlappingPool,
        /// <summary>One MAC address on more than one network adapter.</summary>
        DuplicateMacAddress,
        /// <summary>A dynamic MAC address from another host's pool, which that host will hand out again.</summary>
        ForeignDynamicMacAddress,
    }
}
