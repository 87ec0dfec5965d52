using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;
using VirtNet.Teaming;

namespace VirtNet.HA
{
    /// <summary>
    /// A cluster's network compiled into flat arrays for the simulator: interfaces with their teams, links, spanning
    /// tree ports, switches, endpoints, and every heartbeat, ping and storage path with its route already chosen.
    /// Routes and reverse-path filtering depend only on addresses, so they are decided here once; the simulator
    /// only asks, per moment, which interfaces are attached to which VLAN and which endpoints are present.
    /// </summary>
    internal sealed class HaTopology
    {
        /// <summary>Why a path is impossible whatever the network does (for explanations).</summary>
        internal enum TargetStatus : byte { Reachable, NoDevice, NoPing, NoRoute, NoGateway, Filtered }

        /// <summary>
        /// A path from a source interface to a host interface or an endpoint, on-link or through a gateway endpoint.
        /// </summary>
        internal struct NetPath
        {
            public int Source;
            public int DestinationInterface;
            public int DestinationEndpoint;
            public int Gateway;
        }

        internal struct PingTarget
        {
            public IPv4Address Address;
            public TargetStatus Status;
            public string Device;
        }

        internal readonly VNCluster Cluster;
        internal readonly int HostCount;
        internal readonly VNHost[] Hosts;
        internal readonly bool[] Primary;

        // Interfaces: every adapter of each host's HA stack and storage stack.
        internal readonly List<VNVMKernelAdapter> Interfaces = new List<VNVMKernelAdapter>();
        internal int[] InterfaceHost;
        internal bool[] InterfaceIsHa;
        /// <summary>
        /// Per interface, its uplinks as slots: active then standby, in failover order (TeamStart to TeamStart +
        /// TeamCount in SlotLink and SlotVlan; the first TeamActive are active).
        /// </summary>
        internal int[] TeamStart, TeamActive, TeamCount;
        internal int[] SlotLink, SlotVlan;
        /// <summary>
        /// The port groups' teams, compiled by the teaming engine over this topology's link indices; per interface,
        /// its team and its position among the team's ports.
        /// </summary>
        internal Team[] Teams;
        internal int[] InterfaceTeam, InterfacePort;
        /// <summary>Per team, per uplink of the team (active then standby), the VLAN its frames travel in on the switch (-1: dropped).</summary>
        internal int[][] TeamVlan;
        /// <summary>Per link, the host's up delay (Net.TeamPolicyUpDelay) in ms.</summary>
        internal long[] LinkUpDelayMs;
        /// <summary>Per host, its HA interfaces (CSR over HaInterfaces).</summary>
        internal int[] HaStart, HaCount, HaInterfaces;
        /// <summary>False for an HA interface that no heartbeat can use, because routing or reverse-path filtering sends everything elsewhere.</summary>
        internal bool[] CarriesHeartbeats;

        // Links (uplink plus the switch port it is cabled to), spanning-tree ports, switches, endpoints.
        internal readonly List<VNUplink> Links = new List<VNUplink>();
        internal int[] LinkHost, LinkSwitch, LinkMember, LinkStp;
        internal readonly List<VNSwitchPort> StpPorts = new List<VNSwitchPort>();
        internal long[] StpDelayMs;
        internal readonly List<VNPhysicalSwitch> Switches = new List<VNPhysicalSwitch>();
        internal readonly List<VNEndpoint> Endpoints = new List<VNEndpoint>();
        internal int[] EndpointSwitch, EndpointVlan;
        internal bool[] EndpointIsGateway;
        internal bool HasRoutedPaths;
        /// <summary>vPC or MLAG pairs among the switches; per pair its peers' switch indices.</summary>
        internal readonly List<VNSwitchPair> Pairs = new List<VNSwitchPair>();
        internal int[] PairPrimary, PairSecondary;
        /// <summary>Peer-link cables: the primary's port k (PeerPorts[2k]) to the secondary's port k (PeerPorts[2k + 1]); per cable, its pair.</summary>
        internal readonly List<VNSwitchPort> PeerPorts = new List<VNSwitchPort>();
        internal int[] CablePair;
        /// <summary>Per link, the pair whose secondary suspends it when the peer link fails (a vPC member port on the secondary), or -1.</summary>
        internal int[] LinkSuspendedBy;

        /// <summary>Heartbeat paths from host b to host a, CSR by a * HostCount + b.</summary>
        internal int[] HeartbeatStart, HeartbeatCount;
        internal NetPath[] HeartbeatPaths;
        /// <summary>Isolation-address pings per host (CSR), and the addresses with their static status.</summary>
        internal int[] PingStart, PingCount;
        internal NetPath[] PingPaths;
        internal PingTarget[][] PingTargets;
        /// <summary>Paths to IP storage per host (CSR); a host without IP storage has datastore heartbeats regardless.</summary>
        internal int[] StorageStart, StorageCount;
        internal NetPath[] StoragePaths;
        internal bool[] StorageAlways;

        readonly Dictionary<VNUplink, int> _linkIndex = new Dictionary<VNUplink, int>();
        readonly Dictionary<object, int> _stpIndex = new Dictionary<object, int>();
        readonly Dictionary<VNVMKernelAdapter, int> _interfaceIndex = new Dictionary<VNVMKernelAdapter, int>();
        int[][] _haStack, _storageStack;

        internal HaTopology(VNCluster cluster)
        {
            Cluster = cluster;
            Hosts = cluster.Hosts.ToArray();
            HostCount = Hosts.Length;
            Primary = Hosts.Select(h => cluster.HaAgent == HaAgent.Aam && cluster.IsPrimary(h)).ToArray();
            CompileInterfaces();
            CompileEndpoints();
            CompileHeartbeats();
            CompilePings();
            CompileStorage();
        }

        /// <summary>The pairs of the switches, with both peers among the switches, and the ports each peer-link failure suspends.</summary>
        void CompilePairs()
        {
            for (int k = 0; k < Switches.Count; k++)
            {
                var pair = Switches[k].Pair;
                if (pair == null || Pairs.Contains(pair)) continue;
                Pairs.Add(pair);
                foreach (var peer in pair.PhysicalSwitches)
                    if (!Switches.Contains(peer)) Switches.Add(peer);
            }
            PairPrimary = Pairs.Select(p => Switches.IndexOf(p.Primary)).ToArray();
            PairSecondary = Pairs.Select(p => Switches.IndexOf(p.Secondary)).ToArray();
            var cablePair = new List<int>();
            for (int p = 0; p < Pairs.Count; p++)
                for (int k = 0; k < Pairs[p].PrimaryPeerLink.Count; k++)
                {
                    PeerPorts.Add(Pairs[p].PrimaryPeerLink[k]);
                    PeerPorts.Add(Pairs[p].SecondaryPeerLink[k]);
                    cablePair.Add(p);
                }
            CablePair = cablePair.ToArray();
            LinkSuspendedBy = Links.Select(u =>
            {
                var port = u.SwitchPort;
                var pair = port?.PhysicalSwitch.Pair;
                return pair != null && pair.SuspendsWithPeerLink(port) ? Pairs.IndexOf(pair) : -1;
            }).ToArray();
        }

        internal int IndexOfPeerPort(VNSwitchPort port) => PeerPorts.IndexOf(port);

        internal int IndexOfLink(VNUplink uplink) => _linkIndex.TryGetValue(uplink, out var i) ? i : -1;
        internal int IndexOfSwitch(VNPhysicalSwitch sw) => Switches.IndexOf(sw);
        internal int IndexOfEndpoint(VNEndpoint endpoint) => Endpoints.IndexOf(endpoint);
        internal int IndexOfHost(VNHost host) => Array.IndexOf(Hosts, host);

        void CompileInterfaces()
        {
            _haStack = new int[HostCount][];
            _storageStack = new int[HostCount][];
            var ha = new List<int>();
            HaStart = new int[HostCount];
            HaCount = new int[HostCount];
            var isHa = new List<bool>();
            var host = new List<int>();
            for (int h = 0; h < HostCount; h++)
            {
                var managed = Cluster.ManagementAdapters(Hosts[h]);
                if (managed.Count == 0) throw VNCluster.NoManagementNetwork(Cluster, Hosts[h]);
                var adapters = Hosts[h].VMKernelAdapters.Where(a => a.Connected).ToList();
                // ESX classic: the Service Console (vswif) is its own Linux network stack; VMkernel ports (vmk) are
                // another. ESXi has one VMkernel stack for management and storage alike.
                bool classic = adapters.Any(a => a.IsServiceConsole);
                var haStack = classic ? adapters.Where(a => a.IsServiceConsole).ToList() : adapters;
                var storageStack = classic ? adapters.Where(a => !a.IsServiceConsole).ToList() : adapters;
                _haStack[h] = haStack.Select(a => AddInterface(a, h, host, isHa)).ToArray();
                _storageStack[h] = storageStack.Select(a => AddInterface(a, h, host, isHa)).ToArray();
                HaStart[h] = ha.Count;
                foreach (var adapter in managed)
                {
                    int i = _interfaceIndex[adapter];
                    isHa[i] = true;
                    ha.Add(i);
                }
                HaCount[h] = ha.Count - HaStart[h];
            }
            HaInterfaces = ha.ToArray();
            InterfaceHost = host.ToArray();
            InterfaceIsHa = isHa.ToArray();
            CompileTeams();
        }

        int AddInterface(VNVMKernelAdapter adapter, int host, List<int> hostOf, List<bool> isHa)
        {
            if (_interfaceIndex.TryGetValue(adapter, out var existing)) return existing;
            _interfaceIndex[adapter] = Interfaces.Count;
            Interfaces.Add(adapter);
            hostOf.Add(host);
            isHa.Add(false);
            return Interfaces.Count - 1;
        }

        void CompileTeams()
        {
            int n = Interfaces.Count;
            TeamStart = new int[n]; TeamActive = new int[n]; TeamCount = new int[n];
            InterfaceTeam = new int[n]; InterfacePort = new int[n];
            var teams = new List<Team>();
            var teamOf = new Dictionary<VNPortGroup, int>();
            var slotLink = new List<int>();
            var slotVlan = new List<int>();
            for (int i = 0; i < n; i++)
            {
                var adapter = Interfaces[i];
                var portGroup = adapter.PortGroup;
                if (!teamOf.TryGetValue(portGroup, out int t))
                {
                    int host = InterfaceHost[i];
                    // Unused uplinks never carry the port group's traffic, so they are no link of the topology.
                    var unused = portGroup.TeamingPolicy.UnusedNic;
                    t = teams.Count;
                    teams.Add(Team.Compile(t, portGroup, u => unused.Contains(u.Name, Names.Comparer) ? -1 : AddLink(u, host)));
                    teamOf[portGroup] = t;
                }
                var team = teams[t];
                InterfaceTeam[i] = t;
                InterfacePort[i] = Array.IndexOf(team.PortIds, adapter.PortId);
                TeamStart[i] = slotLink.Count;
                foreach (var link in team.TeamUplinks)
                {
                    slotLink.Add(link);
                    slotVlan.Add(FabricVlan(portGroup.VLanId, Links[link].SwitchPort));
                }
                TeamActive[i] = team.Active.Length;
                TeamCount[i] = slotLink.Count - TeamStart[i];
            }
            Teams = teams.ToArray();
            TeamVlan = Teams.Select(team => team.TeamUplinks.Select(l => FabricVlan(team.PortGroup.VLanId, Links[l].SwitchPort)).ToArray()).ToArray();
            SlotLink = slotLink.ToArray();
            SlotVlan = slotVlan.ToArray();
            LinkUpDelayMs = Links.Select(u => Team.UpDelayOf(u.VirtualSwitch)).ToArray();
            LinkHost = Links.Select(u => IndexOfHost(u.Host)).ToArray();
            LinkSwitch = Links.Select(u => u.PhysicalSwitch == null ? -1 : Switches.IndexOf(u.PhysicalSwitch)).ToArray();
            LinkMember = Links.Select(u => u.SwitchPort == null ? 1 : u.SwitchPort.StackMember).ToArray();
            LinkStp = Links.Select(u => u.SwitchPort == null ? -1 : _stpIndex[(object)u.SwitchPort.PortChannel ?? u.SwitchPort]).ToArray();
            StpDelayMs = StpPorts.Select(p => (long)p.ListeningAndLearning.TotalMilliseconds).ToArray();
        }

        /// <summary>The slot of interface i that holds link l, or -1.</summary>
        internal int SlotOf(int i, int link)
        {
            for (int s = TeamStart[i]; s < TeamStart[i] + TeamCount[i]; s++)
                if (SlotLink[s] == link) return s;
            return -1;
        }

        int AddLink(VNUplink uplink, int host)
        {
            if (_linkIndex.TryGetValue(uplink, out var existing)) return existing;
            _linkIndex[uplink] = Links.Count;
            Links.Add(uplink);
            var port = uplink.SwitchPort;
            if (port != null)
            {
                if (!Switches.Contains(port.PhysicalSwitch)) Switches.Add(port.PhysicalSwitch);
                // A port channel is one spanning-tree port: members that come back join a bundle already forwarding.
                object key = (object)port.PortChannel ?? port;
                if (!_stpIndex.ContainsKey(key))
                {
                    _stpIndex[key] = StpPorts.Count;
                    StpPorts.Add(port.PortChannel?.Members[0] ?? port);
                }
            }
            return Links.Count - 1;
        }

        /// <summary>
        /// The VLAN a port group's frames travel in once on the switch: untagged frames land in the access or native
        /// VLAN; tagged ones need a trunk allowing the VLAN (IEEE 802.1Q). -1: the port drops them.
        /// An uplink cabled to no modelled switch reaches an unmodelled LAN that carries every VLAN.
        /// </summary>
        internal static int FabricVlan(int portGroupVlan, VNSwitchPort port)
        {
            if (portGroupVlan == VLan.All) return -1;
            int untagged = 1;
            if (port == null) return portGroupVlan == VLan.None ? untagged : portGroupVlan;
            if (portGroupVlan == VLan.None) return port.Mode == SwitchPortMode.Access ? port.AccessVLan : port.NativeVLan;
            return port.Mode == SwitchPortMode.Trunk && port.CarriesVLan(portGroupVlan) ? portGroupVlan : -1;
        }

        void CompileEndpoints()
        {
            // Switches nobody is cabled to come last, so the link-to-switch indices already taken stay valid.
            foreach (var sw in Cluster.PhysicalSwitches)
                if (!Switches.Contains(sw)) Switches.Add(sw);
            CompilePairs();
            foreach (var sw in Switches) Endpoints.AddRange(sw.Endpoints);
            EndpointSwitch = Endpoints.Select(e => Switches.IndexOf(e.PhysicalSwitch)).ToArray();
            // An endpoint without a VLAN sits in the switch's default VLAN 1 (IOS default native and access VLAN).
            EndpointVlan = Endpoints.Select(e => e.VLanId ?? 1).ToArray();
            EndpointIsGateway = Endpoints.Select(e => e.Role == EndpointRole.Gateway).ToArray();
        }

        /// <summary>
        /// The Service Console's (and VMkernel's) routing: the first interface, in creation order, whose subnet
        /// holds the destination; otherwise the default gateway of the first Service Console or management
        /// interface, sent out of the first interface whose subnet holds that gateway (Scott Lowe, "VMware HA
        /// Configuration Notes", 2008: a second vswif on the same subnet is never used). Returns the interface and
        /// the gateway address, or -1.
        /// </summary>
        int Route(int[] stack, IPv4Address destination, out IPv4Address? gateway)
        {
            gateway = null;
            foreach (int i in stack)
                if (destination.IsInSubnet(Interfaces[i].IPAddress.Value, Interfaces[i].PrefixLength)) return i;
            IPv4Address? defaultGateway = null;
            foreach (int i in stack)
                if (Interfaces[i].IsManagement && Interfaces[i].Gateway.HasValue) { defaultGateway = Interfaces[i].Gateway; break; }
            if (defaultGateway == null)
                foreach (int i in stack)
                    if (Interfaces[i].Gateway.HasValue) { defaultGateway = Interfaces[i].Gateway; break; }
            if (defaultGateway == null) return -1;
            foreach (int i in stack)
                if (defaultGateway.Value.IsInSubnet(Interfaces[i].IPAddress.Value, Interfaces[i].PrefixLength))
                {
                    gateway = defaultGateway;
                    return i;
                }
            return -1;
        }

        /// <summary>The isolation address HA pings by default: the Service Console's or management network's default gateway.</summary>
        internal IPv4Address? DefaultGateway(int host)
        {
            var stack = _haStack[host];
            foreach (int i in stack)
                if (Interfaces[i].IsManagement && Interfaces[i].Gateway.HasValue) return Interfaces[i].Gateway;
            return null;
        }

        int EndpointAt(IPv4Address address)
        {
            for (int e = 0; e < Endpoints.Count; e++)
                if (Endpoints[e].IPAddress == address) return e;
            return -1;
        }

        /// <summary>
        /// A path from host <paramref name="from"/> (its stack) to an address that belongs to a host interface or an
        /// endpoint. Reverse-path filtering on the receiving host: the packet is accepted only if the receiver's
        /// route back to the source leaves by the interface it arrived on (Linux rp_filter).
        /// </summary>
        TargetStatus MakePath(int[] stack, IPv4Address address, int destinationInterface, int destinationEndpoint, out NetPath path)
        {
            path = new NetPath { Source = -1, DestinationInterface = destinationInterface, DestinationEndpoint = destinationEndpoint, Gateway = -1 };
            int source = Route(stack, address, out var gateway);
            if (source < 0) return TargetStatus.NoRoute;
            path.Source = source;
            if (gateway.HasValue)
            {
                path.Gateway = EndpointAt(gateway.Value);
                if (path.Gateway < 0) return TargetStatus.NoGateway;
            }
            if (destinationInterface >= 0)
            {
                int receiver = InterfaceHost[destinationInterface];
                if (Route(_haStack[receiver], Interfaces[source].IPAddress.Value, out _) != destinationInterface) return TargetStatus.Filtered;
            }
            return TargetStatus.Reachable;
        }

        void CompileHeartbeats()
        {
            int n = HostCount;
            HeartbeatStart = new int[n * n];
            HeartbeatCount = new int[n * n];
            CarriesHeartbeats = new bool[Interfaces.Count];
            var paths = new List<NetPath>();
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                {
                    HeartbeatStart[a * n + b] = paths.Count;
                    if (a == b) continue;
                    // b heartbeats to every HA address of a (HA Deepdive: heartbeats go over every management network).
                    for (int k = HaStart[a]; k < HaStart[a] + HaCount[a]; k++)
                    {
                        int target = HaInterfaces[k];
                        if (MakePath(_haStack[b], Interfaces[target].IPAddress.Value, target, -1, out var path) != TargetStatus.Reachable) continue;
                        paths.Add(path);
                        CarriesHeartbeats[target] = true;
                        CarriesHeartbeats[path.Source] = true;
                        HasRoutedPaths |= path.Gateway >= 0;
                    }
                    HeartbeatCount[a * n + b] = paths.Count - HeartbeatStart[a * n + b];
                }
            HeartbeatPaths = paths.ToArray();
        }

        void CompilePings()
        {
            PingStart = new int[HostCount];
            PingCount = new int[HostCount];
            PingTargets = new PingTarget[HostCount][];
            var paths = new List<NetPath>();
            for (int h = 0; h < HostCount; h++)
            {
                PingStart[h] = paths.Count;
                var addresses = new List<IPv4Address>();
                var gateway = DefaultGateway(h);
                if (Cluster.UseDefaultIsolationAddress && gateway.HasValue) addresses.Add(gateway.Value);
                foreach (var address in Cluster.IsolationAddress)
                    if (!addresses.Contains(address)) addresses.Add(address);
                var targets = new PingTarget[addresses.Count];
                for (int k = 0; k < addresses.Count; k++)
                {
                    targets[k] = new PingTarget { Address = addresses[k] };
                    int endpoint = EndpointAt(addresses[k]);
                    int peerInterface = -1;
                    for (int i = 0; i < Interfaces.Count && endpoint < 0; i++)
                        if (InterfaceHost[i] != h && Interfaces[i].IPAddress == addresses[k]) { peerInterface = i; break; }
                    if (endpoint >= 0)
                    {
                        targets[k].Device = Endpoints[endpoint].Path;
                        if (!Endpoints[endpoint].RespondsToPing) { targets[k].Status = TargetStatus.NoPing; continue; }
                    }
                    else if (peerInterface >= 0) targets[k].Device = Interfaces[peerInterface].Path;
                    else { targets[k].Status = TargetStatus.NoDevice; continue; }
                    targets[k].Status = MakePath(_haStack[h], addresses[k], peerInterface, endpoint, out var path);
                    if (targets[k].Status != TargetStatus.Reachable) continue;
                    paths.Add(path);
                    HasRoutedPaths |= path.Gateway >= 0;
                }
                PingTargets[h] = targets;
                PingCount[h] = paths.Count - PingStart[h];
            }
            PingPaths = paths.ToArray();
        }

        void CompileStorage()
        {
            StorageStart = new int[HostCount];
            StorageCount = new int[HostCount];
            StorageAlways = new bool[HostCount];
            var paths = new List<NetPath>();
            var targets = Enumerable.Range(0, Endpoints.Count).Where(e => Endpoints[e].Role == EndpointRole.Storage).ToList();
            for (int h = 0; h < HostCount; h++)
            {
                StorageStart[h] = paths.Count;
                bool ipStorage = _storageStack[h].Any(i => Interfaces[i].Purpose.Contains(AdapterPurpose.Storage));
                // Without a storage VMkernel port or a modelled storage target, datastores are taken to be on
                // Fibre Channel or local: the network cannot take the datastore heartbeats away.
                StorageAlways[h] = !ipStorage || targets.Count == 0;
                if (StorageAlways[h]) continue;
                foreach (int e in targets)
                    if (MakePath(_storageStack[h], Endpoints[e].IPAddress, -1, e, out var path) == TargetStatus.Reachable)
                    {
                        paths.Add(path);
                        HasRoutedPaths |= path.Gateway >= 0;
                    }
                StorageCount[h] = paths.Count - StorageStart[h];
            }
            StoragePaths = paths.ToArray();
        }

        /// <summary>The HA interface of the same host that a shadowed interface's subnet is routed through, or -1.</summary>
        internal int ShadowOf(int iface)
        {
            int host = InterfaceHost[iface];
            int route = Route(_haStack[host], Interfaces[iface].IPAddress.Value, out _);
            return route >= 0 && route != iface ? route : -1;
        }
    }
}
