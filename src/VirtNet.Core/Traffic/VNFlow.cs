using System.Globalization;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// One flow: traffic between a host's adapter (a VM network adapter or a VMkernel/Service Console port) and a
    /// remote IPv4 address. Flows live in a <see cref="VNFlowList"/>; this object is a view of one of them.
    /// </summary>
    public sealed class VNFlow
    {
        public VNFlow(VNVirtualAdapter source, IPv4Address sourceIPAddress, IPv4Address destination, double demandMbps,
            FlowProtocol protocol, int sourcePort, int destinationPort, FlowDirection direction, int icmpIdentifier = 0,
            MacAddress? destinationMacAddress = null)
        {
            IcmpIdentifier = icmpIdentifier;
            DestinationMacAddress = destinationMacAddress;
            Source = source;
            SourceIPAddress = sourceIPAddress;
            Destination = destination;
            DemandMbps = demandMbps;
            Protocol = protocol;
            SourcePort = sourcePort;
            DestinationPort = destinationPort;
            Direction = direction;
        }

        public VNVirtualAdapter Source { get; }
        public IPv4Address SourceIPAddress { get; }
        /// <summary>The remote end: the address the source talks to.</summary>
        public IPv4Address Destination { get; }
        /// <summary>What the flow would use in each direction it runs; +Infinity: as much as the network gives it.</summary>
        public double DemandMbps { get; }
        public FlowProtocol Protocol { get; }
        /// <summary>0: not specified.</summary>
        public int SourcePort { get; }
        /// <summary>0: not specified.</summary>
        public int DestinationPort { get; }
        public FlowDirection Direction { get; }
        /// <summary>ICMP flows: the echo identifier of the source's echo requests (0: not specified).</summary>
        public int IcmpIdentifier { get; }
        /// <summary>The destination MAC of the source's frames when given; null: the next hop's (the peer on the subnet, else the gateway).</summary>
        public MacAddress? DestinationMacAddress { get; }

        public override string ToString() =>
            Source.Path + " " + SourceIPAddress + (Direction == FlowDirection.Inbound ? " <- " : Direction == FlowDirection.Both ? " <-> " : " -> ")
            + Destination + (DestinationPort > 0 ? ":" + DestinationPort.ToString(CultureInfo.InvariantCulture) : "")
            + (IcmpIdentifier > 0 ? " id " + IcmpIdentifier.ToString(CultureInfo.InvariantCulture) : "");
    }
}
