using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// A list of flows kept as parallel arrays (one entry per flow: source, destination, demand, ports ...), so that a
    /// million flows cost a few dozen megabytes and no objects. Indexing or enumerating it yields <see cref="VNFlow"/>
    /// views made on demand.
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

        internal readonly FlowSource[] Sources;
        internal readonly int[] SourceIndex;
        internal readonly uint[] Destination;
        internal readonly double[] DemandMbps;
        internal readonly ushort[] SourcePort;
        internal readonly ushort[] DestinationPort;
        internal readonly byte[] Protocol;
        internal readonly byte[] Direction;

        VNFlowList(FlowSource[] sources, int count)
        {
            Sources = sources;
            SourceIndex = new int[count];
            Destination = new uint[count];
            DemandMbps = new double[count];
            SourcePort = new ushort[count];
            DestinationPort = new ushort[count];
            Protocol = new byte[count];
            Direction = new byte[count];
        }

        public static readonly VNFlowList Empty = new VNFlowList(new FlowSource[0], 0);

        public int Count => Destination.Length;

        public VNFlow this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                var source = Sources[SourceIndex[index]];
                return new VNFlow(source.Adapter, source.IPAddress, new IPv4Address(Destination[index]), DemandMbps[index],
                    (FlowProtocol)Protocol[index], SourcePort[index], DestinationPort[index], (FlowDirection)Direction[index]);
            }
        }

        public IEnumerator<VNFlow> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Count == 1 ? this[0].ToString() : Count + " flows";

        /// <summary>
        /// Every combination of source, destination address, source port and destination port, in that nesting order
        /// (so the flows of one source stay together). A source is an adapter and the address it sends from.
        /// </summary>
        public static VNFlowList Create(IReadOnlyList<(VNVirtualAdapter Adapter, IPv4Address Address)> sources,
            IReadOnlyList<IPv4AddressRange> destinations, double demandMbps = double.PositiveInfinity,
            FlowProtocol protocol = FlowProtocol.Tcp, IReadOnlyList<int> sourcePorts = null, IReadOnlyList<int> destinationPorts = null,
            FlowDirection direction = FlowDirection.Outbound)
        {
            CheckDemand(demandMbps);
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
            var list = new VNFlowList(table, (int)total);
            int i = 0;
            for (int s = 0; s < table.Length; s++)
                foreach (var range in destinations)
                    for (ulong d = range.First.Value; d <= range.Last.Value; d++)
                        foreach (var sp in srcPorts)
                            foreach (var dp in dstPorts)
                            {
                                list.SourceIndex[i] = s;
                                list.Destination[i] = (uint)d;
                                list.DemandMbps[i] = demandMbps;
                                list.SourcePort[i] = sp;
                                list.DestinationPort[i] = dp;
                                list.Protocol[i] = (byte)protocol;
                                list.Direction[i] = (byte)direction;
                                i++;
                            }
            return list;
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
                        $"Source '{name}' is a name; give -Host to say which host it is on, or pass the adapter or VM itself.", name);
                default:
                    throw new VirtNetException(ErrorIds.InvalidFlow, VirtNetErrorKind.InvalidArgument,
                        $"'{source}' cannot be a flow source. Use a VM, a VM network adapter, a VMkernel adapter, or the name of one with -Host.", source);
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
            foreach (var part in parts)
            {
                if (part is VNFlowList l) total += l.Count;
                else if (part is VNFlow) total++;
                else if (part != null)
                    throw new VirtNetException(ErrorIds.InvalidFlow, VirtNetErrorKind.InvalidArgument,
                        $"'{part}' is not a flow. Use the output of New-VNFlow.", part);
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

            var map = new List<int[]>();
            foreach (var item in items)
                if (item is VNFlowList l)
                {
                    var ids = new int[l.Sources.Length];
                    for (int s = 0; s < ids.Length; s++) ids[s] = SourceId(l.Sources[s].Adapter, l.Sources[s].IPAddress);
                    map.Add(ids);
                }
                else
                {
                    var f = (VNFlow)item;
                    CheckSource(f.Source);
                    map.Add(new[] { SourceId(f.Source, f.SourceIPAddress) });
                }

            var result = new VNFlowList(sources.ToArray(), (int)total);
            int at = 0;
            for (int k = 0; k < items.Count; k++)
            {
                if (items[k] is VNFlowList l)
                {
                    var ids = map[k];
                    for (int i = 0; i < l.Count; i++) result.SourceIndex[at + i] = ids[l.SourceIndex[i]];
                    Array.Copy(l.Destination, 0, result.Destination, at, l.Count);
                    Array.Copy(l.DemandMbps, 0, result.DemandMbps, at, l.Count);
                    Array.Copy(l.SourcePort, 0, result.SourcePort, at, l.Count);
                    Array.Copy(l.DestinationPort, 0, result.DestinationPort, at, l.Count);
                    Array.Copy(l.Protocol, 0, result.Protocol, at, l.Count);
                    Array.Copy(l.Direction, 0, result.Direction, at, l.Count);
                    at += l.Count;
                }
                else
                {
                    var f = (VNFlow)items[k];
                    CheckDemand(f.DemandMbps);
                    result.SourceIndex[at] = map[k][0];
                    result.Destination[at] = f.Destination.Value;
                    result.DemandMbps[at] = f.DemandMbps;
                    result.SourcePort[at] = CheckPort(f.SourcePort);
                    result.DestinationPort[at] = CheckPort(f.DestinationPort);
                    result.Protocol[at] = (byte)f.Protocol;
                    result.Direction[at] = (byte)f.Direction;
                    at++;
                }
            }
            return result;
        }

        /// <summary>The flows whose source is kept, in order.</summary>
        internal VNFlowList WhereSource(bool[] keepSource)
        {
            int count = 0;
            for (int i = 0; i < Count; i++) if (keepSource[SourceIndex[i]]) count++;
            var result = new VNFlowList(Sources, count);
            int at = 0;
            for (int i = 0; i < Count; i++)
            {
                if (!keepSource[SourceIndex[i]]) continue;
                result.SourceIndex[at] = SourceIndex[i];
                result.Destination[at] = Destination[i];
                result.DemandMbps[at] = DemandMbps[i];
                result.SourcePort[at] = SourcePort[i];
                result.DestinationPort[at] = DestinationPort[i];
                result.Protocol[at] = Protocol[i];
                result.Direction[at] = Direction[i];
                at++;
            }
            return result;
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
