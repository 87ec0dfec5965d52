using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// A list of flows kept as segments of consecutive flows that share a source, demand, protocol and direction, as
    /// New-VNFlow makes them. A segment made from an address range keeps only its first address: a million flows to
    /// 10.1.0.0-10.16.66.63 cost a few bytes. Lists with ports, or joined from single flows, keep each flow's
    /// destination (and ports) in arrays. Indexing or enumerating the list yields <see cref="VNFlow"/> views made on
    /// demand.
    /// </summary>
    public sealed class VNFlowList : IReadOnlyList<VNFlow>
    {
        /// <summary>More flows than this in one list is a typo in a range rather than a plan (a /8 is 16,777,216).</summary>
        public const int MaxFlows = 1 << 24;

        internal readonly struct FlowSource
        {
            public FlowSource(VNVirtualAdapter adapter, IPv4Address ip) { Adapter = adapter; IPAddress = ip; }
            public VNVirtualAdapter Adapter { get; }
            public IPv4Address IPAddress { get; }
        }

        /// <summary>
        /// Flows [start, start + count) share a source, demand, protocol and direction. In a list without a
        /// destination array, flow start + k goes to FirstDestination + k.
        /// </summary>
        internal readonly struct Segment
        {
            public Segment(int start, int count, int source, double demandMbps, FlowProtocol protocol, FlowDirection direction, uint firstDestination,
                ulong? destinationMac)
            {
                Start = start; Count = count; Source = source; DemandMbps = demandMbps; Protocol = protocol; Direction = direction;
                FirstDestination = firstDestination; DestinationMac = destinationMac;
            }
            public int Start { get; }
            public int Count { get; }
            public int End => Start + Count;
            public int Source { get; }
            public double DemandMbps { get; }
            public FlowProtocol Protocol { get; }
            public FlowDirection Direction { get; }
            public uint FirstDestination { get; }
            /// <summary>The destination MAC the flows' frames carry, when New-VNFlow was told it; null: the next hop's, as the model knows it.</summary>
            public ulong? DestinationMac { get; }
            public Segment At(int start, int source) => new Segment(start, Count, source, DemandMbps, Protocol, Direction, FirstDestination, DestinationMac);
            public Segment Longer(int count) => new Segment(Start, Count + count, Source, DemandMbps, Protocol, Direction, FirstDestination, DestinationMac);
        }

        internal readonly FlowSource[] Sources;
        internal readonly Segment[] Segments;
        /// <summary>Per flow, its destination; null when every segment is an address range.</summary>
        internal readonly uint[] Destination;
        /// <summary>
        /// Per flow, its ports; null when no flow has ports (all 0). An ICMP flow keeps its echo identifier where a TCP or
        /// UDP flow keeps its source port, as the kernel's flow keys put one where the other would be.
        /// </summary>
        internal readonly ushort[] SourcePort, DestinationPort;
        readonly int _count;

        VNFlowList(FlowSource[] sources, Segment[] segments, int count, uint[] destination, ushort[] sourcePort, ushort[] destinationPort)
        {
            Sources = sources;
            Segments = segments;
            _count = count;
            Destination = destination;
            SourcePort = sourcePort;
            DestinationPort = destinationPort;
        }

        /// <summary>No flows: a switch compiled only for its teams (Optimize-VNTeaming without -Flow).</summary>
        internal static readonly VNFlowList Empty = new VNFlowList(new FlowSource[0], new Segment[0], 0, null, null, null);

        public int Count => _count;

        public VNFlow this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                var segment = Segments[SegmentOf(index)];
                var source = Sources[segment.Source];
                bool icmp = segment.Protocol == FlowProtocol.Icmp;
                int first = SourcePort?[index] ?? 0;
                return new VNFlow(source.Adapter, source.IPAddress, new IPv4Address(DestinationOf(segment, index)), segment.DemandMbps,
                    segment.Protocol, icmp ? 0 : first, DestinationPort?[index] ?? 0, segment.Direction,
                    icmp ? first : 0, segment.DestinationMac.HasValue ? new MacAddress(segment.DestinationMac.Value) : (MacAddress?)null);
            }
        }

        internal uint DestinationOf(in Segment segment, int index) =>
            Destination?[index] ?? segment.FirstDestination + (uint)(index - segment.Start);

        internal int SegmentOf(int index)
        {
            int lo = 0, hi = Segments.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (Segments[mid].Start <= index) lo = mid; else hi = mid - 1;
            }
            return lo;
        }

        public IEnumerator<VNFlow> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Count == 1 ? this[0].ToString() : Count + " flows";

        /// <summary>
        /// Every combination of source, destination address, source port and destination port, in that nesting order
        /// (so the flows of one source stay together). A source is an adapter and the address it sends from. ICMP flows
        /// take echo identifiers in place of ports; destinationMac, when given, is the destination MAC of every frame.
        /// </summary>
        public static VNFlowList Create(IReadOnlyList<(VNVirtualAdapter Adapter, IPv4Address Address)> sources,
            IReadOnlyList<IPv4AddressRange> destinations, double demandMbps = double.PositiveInfinity,
            FlowProtocol protocol = FlowProtocol.Tcp, IReadOnlyList<int> sourcePorts = null, IReadOnlyList<int> destinationPorts = null,
            FlowDirection direction = FlowDirection.Outbound, IReadOnlyList<int> icmpIdentifiers = null, MacAddress? destinationMac = null)
        {
            CheckDemand(demandMbps);
            bool icmp = protocol == FlowProtocol.Icmp;
            if (icmp && (sourcePorts?.Count > 0 || destinationPorts?.Count > 0))
                throw new VirtNetException(ErrorIds.InvalidFlow, VirtNetErrorKind.InvalidArgument,
                    "ICMP has no ports. Give an ICMP flow its echo identifier (-IcmpIdentifier), or use -Protocol Tcp or Udp for ports.", protocol);
            if (!icmp && icmpIdentifiers?.Count > 0)
                throw new VirtNetException(ErrorIds.InvalidFlow, VirtNetErrorKind.InvalidArgument,
                    $"An echo identifier belongs to ICMP flows; these are {protocol}. Use -Protocol Icmp, or give ports instead.", protocol);
            if (icmp) sourcePorts = icmpIdentifiers;
            ulong? mac = destinationMac?.Value;
            var srcPorts = CheckPorts(sourcePorts);
            var dstPorts = CheckPorts(destinationPorts);
            long addresses = 0;
            foreach (var range in destinations) addresses += range.Count;
            long total = sources.Count * addresses * srcPorts.Length * dstPorts.Length;
            if (total > MaxFlows)
                throw new VirtNetException(ErrorIds.TooManyFlows, VirtNetErrorKind.InvalidArgument,
                    $"That describes {total:N0} flows; one list holds at most {MaxFlows:N0}. Use smaller address ranges or fewer sources.", total);

            var table = new FlowSource[sources.Count];
            for (int s = 0; s < sources.Count; s++)
            {
                CheckSource(sources[s].Adapter);
                table[s] = new FlowSource(sources[s].Adapter, sources[s].Address);
            }
            bool ports = srcPorts.Length > 1 || dstPorts.Length > 1 || srcPorts[0] != 0 || dstPorts[0] != 0;
            var segments = new List<Segment>();
            if (!ports)
            {
                // The bulk case: one segment per source and range, nothing per flow.
                int at = 0;
                for (int s = 0; s < table.Length; s++)
                    foreach (var range in destinations)
                    {
                        segments.Add(new Segment(at, (int)range.Count, s, demandMbps, protocol, direction, range.First.Value, mac));
                        at += (int)range.Count;
                    }
                return new VNFlowList(table, segments.ToArray(), (int)total, null, null, null);
            }

            var destination = new uint[total];
            var sourcePort = new ushort[total];
            var destinationPort = new ushort[total];
            int i = 0;
            for (int s = 0; s < table.Length; s++)
            {
                segments.Add(new Segment(i, (int)(total / table.Length), s, demandMbps, protocol, direction, 0, mac));
                foreach (var range in destinations)
                    for (ulong d = range.First.Value; d <= range.Last.Value; d++)
                        foreach (var sp in srcPorts)
                            foreach (var dp in dstPorts)
                            {
                                destination[i] = (uint)d;
                                sourcePort[i] = sp;
                                destinationPort[i] = dp;
                                i++;
                            }
            }
            return new VNFlowList(table, segments.ToArray(), (int)total, destination, sourcePort, destinationPort);
        }

        /// <summary>
        /// The adapter and address a flow source stands for: a VM network adapter or VMkernel/Service Console port; a
        /// VM (its first connected adapter); or the name of a VMkernel adapter or VM on <paramref name="host"/>.
        /// The address is <paramref name="sourceIPAddress"/> when given, else the adapter's own.
        /// </summary>
        public static (VNVirtualAdapter Adapter, IPv4Address Address) ResolveSource(object source, VNHost host, IPv4Address? sourceIPAddress)
        {
            VNVirtualAdapter adapter;
            switch (source)
            {
                case VNVirtualAdapter a: adapter = a; break;
                case VNVirtualMachine vm: adapter = FirstConnected(vm); break;
                case string name when host != null:
                    var vmk = Names.Find(host.VMKernelAdapters, x => x.Name, name);
                    var machine = vmk == null ? Names.Find(host.VirtualMachines, x => x.Name, name) : null;
                    if (vmk == null && machine == null)
                        throw Names.NotFound(ErrorIds.FlowSourceNotFound, "VMkernel adapter or virtual machine", name, host.Name,
                            host.VMKernelAdapters.Select(x => x.Name).Concat(host.VirtualMachines.Select(x => x.Name)), x => x);
                    adapter = (VNVirtualAdapter)vmk ?? FirstConnected(machine);
                    break;
                case string name:
                    throw new VirtNetException(ErrorIds.FlowSourceNotFound, VirtNetErrorKind.InvalidArgument,
                        $"Source '{Echo.Cut(name)}' is a name; give -Host to say which host it is on, or pass the adapter or VM itself.", name);
                default:
                    throw new VirtNetException(ErrorIds.InvalidFlow, VirtNetErrorKind.InvalidArgument,
                        $"'{Echo.Cut(source)}' cannot be a flow source. Use a VM, a VM network adapter, a VMkernel adapter, or the name of one with -Host.", source);
            }
            CheckSource(adapter);
            var address = sourceIPAddress ?? adapter.IPAddress
                ?? throw new VirtNetException(ErrorIds.FlowSourceWithoutAddress, VirtNetErrorKind.InvalidArgument,
                    $"Adapter '{adapter.Path}' has no IP address, and IP hash needs one. Give it one, or pass -SourceIPAddress.", adapter);
            return (adapter, address);
        }

        static VNVirtualAdapter FirstConnected(VNVirtualMachine vm) =>
            vm.NetworkAdapters.FirstOrDefault(a => a.Connected)
            ?? throw new VirtNetException(ErrorIds.FlowSourceNotConnected, VirtNetErrorKind.InvalidArgument,
                $"Virtual machine '{vm.Path}' has no connected network adapter, so it sends nothing.", vm);

        /// <summary>Joins lists and single flows into one list, in the order given.</summary>
        public static VNFlowList Combine(IEnumerable<object> parts)
        {
            var items = new List<object>();
            long total = 0;
            bool ports = false, ranges = true;
            foreach (var part in parts)
            {
                if (part is VNFlowList l) { total += l.Count; ports |= l.SourcePort != null; ranges &= l.Destination == null; }
                else if (part is VNFlow f) { total++; ports |= f.SourcePort != 0 || f.DestinationPort != 0 || f.IcmpIdentifier != 0; ranges = false; }
                else if (part != null)
                    throw new VirtNetException(ErrorIds.InvalidFlow, VirtNetErrorKind.InvalidArgument,
                        $"'{Echo.Cut(part)}' is not a flow. Use the output of New-VNFlow.", part);
                else continue;
                items.Add(part);
            }
            if (items.Count == 1 && items[0] is VNFlowList only) return only;
            if (total > MaxFlows)
                throw new VirtNetException(ErrorIds.TooManyFlows, VirtNetErrorKind.InvalidArgument,
                    $"Together these are {total:N0} flows; one simulation takes at most {MaxFlows:N0}.", total);

            var sourceIds = new Dictionary<(VNVirtualAdapter, uint), int>();
            var sources = new List<FlowSource>();
            int SourceId(VNVirtualAdapter adapter, IPv4Address ip)
            {
                if (!sourceIds.TryGetValue((adapter, ip.Value), out int id))
                {
                    id = sources.Count;
                    sourceIds.Add((adapter, ip.Value), id);
                    sources.Add(new FlowSource(adapter, ip));
                }
                return id;
            }

            // Ranges stay ranges only when every part is made of them; otherwise every destination is written out.
            var segments = new List<Segment>();
            var destination = ranges ? null : new uint[total];
            var sourcePort = ports ? new ushort[total] : null;
            var destinationPort = ports ? new ushort[total] : null;
            int at = 0;
            foreach (var item in items)
            {
                if (item is VNFlowList l)
                {
                    foreach (var segment in l.Segments)
                    {
                        Append(segments, segment.At(at + segment.Start, SourceId(l.Sources[segment.Source].Adapter, l.Sources[segment.Source].IPAddress)), ranges);
                        if (destination != null)
                            for (int k = segment.Start; k < segment.End; k++) destination[at + k] = l.DestinationOf(segment, k);
                    }
                    if (l.SourcePort != null)
                    {
                        Array.Copy(l.SourcePort, 0, sourcePort, at, l.Count);
                        Array.Copy(l.DestinationPort, 0, destinationPort, at, l.Count);
                    }
                    at += l.Count;
                }
                else
                {
                    var f = (VNFlow)item;
                    CheckSource(f.Source);
                    CheckDemand(f.DemandMbps);
                    Append(segments, new Segment(at, 1, SourceId(f.Source, f.SourceIPAddress), f.DemandMbps, f.Protocol, f.Direction, 0,
                        f.DestinationMacAddress?.Value), ranges);
                    destination[at] = f.Destination.Value;
                    if (ports)
                    {
                        sourcePort[at] = CheckPort(f.Protocol == FlowProtocol.Icmp ? f.IcmpIdentifier : f.SourcePort);
                        destinationPort[at] = CheckPort(f.DestinationPort);
                    }
                    at++;
                }
            }
            return new VNFlowList(sources.ToArray(), segments.ToArray(), (int)total, destination, sourcePort, destinationPort);
        }

        /// <summary>
        /// Adds a segment, joining it to the last one when it continues it (flows picked one by one and joined again):
        /// same source, demand, protocol, direction and destination MAC, and for ranges the next address.
        /// </summary>
        static void Append(List<Segment> segments, Segment segment, bool ranges)
        {
            if (segment.Count == 0) return;
            int last = segments.Count - 1;
            if (last >= 0)
            {
                var previous = segments[last];
                if (previous.End == segment.Start && previous.Source == segment.Source && previous.DemandMbps.Equals(segment.DemandMbps)
                    && previous.Protocol == segment.Protocol && previous.Direction == segment.Direction && previous.DestinationMac == segment.DestinationMac
                    && (!ranges || previous.FirstDestination + (uint)previous.Count == segment.FirstDestination))
                {
                    segments[last] = previous.Longer(segment.Count);
                    return;
                }
            }
            segments.Add(segment);
        }

        /// <summary>The flows whose source is kept, in order.</summary>
        internal VNFlowList WhereSource(bool[] keepSource)
        {
            int count = 0;
            foreach (var segment in Segments) if (keepSource[segment.Source]) count += segment.Count;
            var segments = new List<Segment>();
            var destination = Destination == null ? null : new uint[count];
            var sourcePort = SourcePort == null ? null : new ushort[count];
            var destinationPort = SourcePort == null ? null : new ushort[count];
            int at = 0;
            foreach (var segment in Segments)
            {
                if (!keepSource[segment.Source]) continue;
                segments.Add(segment.At(at, segment.Source));
                if (destination != null) Array.Copy(Destination, segment.Start, destination, at, segment.Count);
                if (sourcePort != null)
                {
                    Array.Copy(SourcePort, segment.Start, sourcePort, at, segment.Count);
                    Array.Copy(DestinationPort, segment.Start, destinationPort, at, segment.Count);
                }
                at += segment.Count;
            }
            return new VNFlowList(Sources, segments.ToArray(), count, destination, sourcePort, destinationPort);
        }

        static void CheckSource(VNVirtualAdapter adapter)
        {
            if (adapter == null || !adapter.Connected)
                throw new VirtNetException(ErrorIds.FlowSourceNotConnected, VirtNetErrorKind.InvalidArgument,
                    $"Adapter '{adapter?.Path}' is not connected to a port group, so it sends nothing. Connect it first.", adapter);
        }

        static void CheckDemand(double demandMbps)
        {
            if (!(demandMbps > 0))
                throw new VirtNetException(ErrorIds.InvalidDemand, VirtNetErrorKind.InvalidArgument,
                    $"Demand {demandMbps} Mbps is not valid. Use a positive number of Mbps, or leave it out for as much as the network gives.", demandMbps);
        }

        static ushort[] CheckPorts(IReadOnlyList<int> ports)
        {
            if (ports == null || ports.Count == 0) return new ushort[] { 0 };
            var result = new ushort[ports.Count];
            for (int i = 0; i < result.Length; i++) result[i] = CheckPort(ports[i]);
            return result;
        }

        static ushort CheckPort(int port)
        {
            if (port < 0 || port > 65535)
                throw new VirtNetException(ErrorIds.InvalidPort, VirtNetErrorKind.InvalidArgument,
                    $"Port {port} is not valid. Use 1 to 65535, or 0 for not specified.", port);
            return (ushort)port;
        }
    }
}
