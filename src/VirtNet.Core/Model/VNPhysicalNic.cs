using VirtNet.Net;

namespace VirtNet
{
    /// <summary>Whether a physical NIC's link is up, as esxcfg-nics -l (Link) and esxcli network nic list (Link Status) show it.</summary>
    public enum NicLinkStatus { Up, Down }

    /// <summary>
    /// A physical NIC of a host that no virtual switch uses. esxcfg-nics -l and esxcli network nic list list every
    /// NIC of a host; those a switch uses are its uplinks (<see cref="VNUplink"/>), the others are kept here, so that
    /// a spare 25 Gb port with its link up is not lost from the model of the host.
    /// </summary>
    public sealed class VNPhysicalNic
    {
        internal VNPhysicalNic(VNHost host, string name, int? speedMbps, MacAddress? mac, NicLinkStatus? linkStatus)
        {
            if (speedMbps.HasValue && (speedMbps <= 0 || speedMbps > VNUplink.MaxSpeedMbps))
                throw new VirtNetException(ErrorIds.InvalidSpeed, VirtNetErrorKind.InvalidArgument,
                    $"Speed {speedMbps} Mbps is not valid. Use a link speed in Mbps from 1 to {VNUplink.MaxSpeedMbps}, such as 1000 or 10000.", speedMbps);
            Host = host;
            Name = Names.Check(name, "physical NIC");
            SpeedMbps = speedMbps;
            MacAddress = mac;
            LinkStatus = linkStatus.HasValue ? EnumValue.Check(linkStatus.Value, nameof(LinkStatus)) : (NicLinkStatus?)null;
        }

        public VNHost Host { get; }
        public string Name { get; }
        /// <summary>The link speed; null when not known (a NIC whose link is down shows 0 Mbps).</summary>
        public int? SpeedMbps { get; }
        public MacAddress? MacAddress { get; }
        /// <summary>Up or Down; null when the export does not say.</summary>
        public NicLinkStatus? LinkStatus { get; }
        public string Path => Host.Path + "/" + Name;

        public override string ToString() => Name;
    }
}
