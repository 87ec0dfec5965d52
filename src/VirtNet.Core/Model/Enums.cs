using System;

namespace VirtNet
{
    /// <summary>
    /// A value set on a model property: .NET lets any number pass as an enum ($port.Mode = 7), which then saves to a
    /// file no import reads back. Properties refuse what their cmdlets' parameters refuse.
    /// </summary>
    static class EnumValue
    {
        public static T Check<T>(T value, string property) where T : struct, Enum
        {
            if (Enum.IsDefined(typeof(T), value)) return value;
            throw new VirtNetException(ErrorIds.InvalidEnumValue, VirtNetErrorKind.InvalidArgument,
                $"{Echo.Cut(value)} is not a valid {property}. Use one of: {string.Join(", ", Enum.GetNames(typeof(T)))}.", value);
        }
    }

    public enum Hypervisor { Esx, HyperV, Linux }

    public enum VirtualSwitchType { Standard, Distributed, HyperV, LinuxBond }

    /// <summary>PowerCLI's names; the vSphere API's in brackets on each value.</summary>
    public enum LoadBalancingPolicy
    {
        /// <summary>loadbalance_srcid: route based on the originating virtual port.</summary>
        LoadBalanceSrcId,
        /// <summary>loadbalance_srcmac: route based on source MAC hash.</summary>
        LoadBalanceSrcMac,
        /// <summary>loadbalance_ip: route based on IP hash.</summary>
        LoadBalanceIP,
        /// <summary>failover_explicit: use explicit failover order.</summary>
        ExplicitFailover,
        /// <summary>loadbalance_loadbased: route based on physical NIC load (distributed switch only).</summary>
        LoadBalanceLoadBased,
    }

    public enum NetworkFailoverDetectionPolicy { LinkStatus, BeaconProbing }

    /// <summary>
    /// How IP hash reduces the addresses. FullAddress XORs the whole 32-bit addresses (KB 2006129);
    /// LastOctet XORs only the last octets (vSphere 6.5+ documentation). They agree for 2, 4 and 8 uplinks.
    /// </summary>
    public enum IpHashVariant { FullAddress, LastOctet }

    public enum AdapterPurpose { Management, ServiceConsole, VMotion, Storage, FaultTolerance }

    public enum SwitchPortMode { Access, Trunk }

    /// <summary>Disabled; Enabled (spanning-tree portfast: edge on access ports only); Trunk (portfast trunk / edge trunk).</summary>
    public enum PortFastMode { Disabled, Enabled, Trunk }

    /// <summary>channel-group N mode X: On (static), Active/Passive (LACP), Desirable/Auto (PAgP).</summary>
    public enum PortChannelMode { On, Active, Passive, Desirable, Auto }

    /// <summary>The global port-channel load-balance method of a Catalyst switch.</summary>
    public enum EtherChannelLoadBalance { SrcMac, DstMac, SrcDstMac, SrcIp, DstIp, SrcDstIp }

    public enum SpanningTreeMode { Pvst, RapidPvst }

    /// <summary>How two switches offer one port channel from both chassis: Cisco vPC (Nexus) or another vendor's MLAG.</summary>
    public enum SwitchPairKind { Vpc, Mlag }

    public enum EndpointRole { Gateway, Storage, Dns, Other }

    /// <summary>
    /// A port channel member's state, as the flags of show etherchannel summary give it: P bundled, H hot-standby
    /// (LACP only), s suspended, I stand-alone (individual), D down, w waiting to be aggregated.
    /// </summary>
    public enum PortChannelMemberState { Bundled, HotStandby, Suspended, StandAlone, Down, Waiting }
}
