using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// A physical switch or a stack of switches managed as one (Catalyst 3750 StackWise: one configuration,
    /// ports Gi1/0/x on member 1, Gi2/0/x on member 2). A port channel may span the members of one stack.
    /// </summary>
    public sealed class VNPhysicalSwitch
    {
        readonly List<VNSwitchPort> _ports = new List<VNSwitchPort>();
        readonly List<VNPortChannel> _portChannels = new List<VNPortChannel>();
        // Ports and channels by short name, so that a configuration of thousands of interfaces builds in linear time.
        readonly Dictionary<string, VNSwitchPort> _portsByName = new Dictionary<string, VNSwitchPort>(Names.Comparer);
        readonly Dictionary<string, VNPortChannel> _channelsByName = new Dictionary<string, VNPortChannel>(Names.Comparer);
        readonly List<VNEndpoint> _endpoints = new List<VNEndpoint>();
        readonly List<VNSwitchLink> _links = new List<VNSwitchLink>();
        readonly SortedDictionary<int, int> _vlanPriority = new SortedDictionary<int, int>();
        int _bridgePriority = DefaultBridgePriority;
        TimeSpan _forwardDelay = TimeSpan.FromSeconds(15), _maxAge = TimeSpan.FromSeconds(20);
        EtherChannelLoadBalance _loadBalance = EtherChannelLoadBalance.SrcMac;
        SpanningTreeMode _spanningTree = SpanningTreeMode.Pvst;

        public VNPhysicalSwitch(string name, string model = null, int stack = 1)
        {
            Name = Names.Check(name, "physical switch");
            Model = model;
            if (stack < 1 || stack > 9)
                throw new VirtNetException(ErrorIds.InvalidStack, VirtNetErrorKind.InvalidArgument,
                    $"Stack member count {stack} is not valid. Use 1 for a standalone switch, or 2 to 9 members for a stack.", stack);
            Stack = stack;
        }

        public string Name { get; }
        public string Model { get; set; }
        /// <summary>Number of stack members; 1 for a standalone switch.</summary>
        public int Stack { get; }
        public bool IsStack => Stack > 1;
        /// <summary>port-channel load-balance; src-mac is the Catalyst 3750 default.</summary>
        public EtherChannelLoadBalance LoadBalance { get => _loadBalance; set => _loadBalance = EnumValue.Check(value, nameof(LoadBalance)); }
        public SpanningTreeMode SpanningTree { get => _spanningTree; set => _spanningTree = EnumValue.Check(value, nameof(SpanningTree)); }
        /// <summary>802.1D forward delay (default 15 s; valid 4 to 30 s).</summary>
        public TimeSpan ForwardDelay { get => _forwardDelay; set => _forwardDelay = CheckTimer(value, 4, 30, "ForwardDelay"); }
        /// <summary>802.1D max age (default 20 s; valid 6 to 40 s).</summary>
        public TimeSpan MaxAge { get => _maxAge; set => _maxAge = CheckTimer(value, 6, 40, "MaxAge"); }
        /// <summary>The 802.1D bridge priority of every VLAN not set on its own (default 32768; 0 to 61440 in steps of 4096).</summary>
        public int BridgePriority { get => _bridgePriority; set => _bridgePriority = CheckPriority(value); }
        /// <summary>spanning-tree vlan N priority P: the VLANs whose priority differs from <see cref="BridgePriority"/>.</summary>
        public IReadOnlyDictionary<int, int> VLanBridgePriority => _vlanPriority;
        /// <summary>The links to other switches (trunks and port channels), in the order they were made.</summary>
        public IReadOnlyList<VNSwitchLink> SwitchLinks => _links;
        public IReadOnlyList<VNSwitchPort> Ports => _ports;
        public IReadOnlyList<VNPortChannel> PortChannels => _portChannels;
        public IReadOnlyList<VNEndpoint> Endpoints => _endpoints;
        /// <summary>The vPC or MLAG pair this switch is a peer of, if any.</summary>
        public VNSwitchPair Pair { get; internal set; }
        public string Path => Name;

        public const int DefaultBridgePriority = 32768;

        /// <summary>The bridge priority of one VLAN's spanning tree (PVST+ runs one tree per VLAN).</summary>
        public int BridgePriorityOf(int vlanId) => _vlanPriority.TryGetValue(vlanId, out var p) ? p : _bridgePriority;

        /// <summary>spanning-tree vlan N priority P; null goes back to <see cref="BridgePriority"/>.</summary>
        public void SetBridgePriority(int vlanId, int? priority)
        {
            VLan.CheckSwitchVLan(vlanId);
            if (priority.HasValue) _vlanPriority[vlanId] = CheckPriority(priority.Value);
            else _vlanPriority.Remove(vlanId);
        }

        static int CheckPriority(int priority)
        {
            // The priority shares its 16 bits with the 12-bit VLAN id (extended system id), so only multiples of 4096 remain (IEEE 802.1t).
            if (priority < 0 || priority > 61440 || priority % 4096 != 0)
                throw new VirtNetException(ErrorIds.InvalidBridgePriority, VirtNetErrorKind.InvalidArgument,
                    $"Bridge priority {priority} is not valid. Use 0 to 61440 in steps of 4096 (0, 4096, 8192 ... 32768 is the default).", priority);
            return priority;
        }

        internal void AddLink(VNSwitchLink link) { if (!_links.Contains(link)) _links.Add(link); }
        internal void RemoveLink(VNSwitchLink link) => _links.Remove(link);

        static TimeSpan CheckTimer(TimeSpan value, int min, int max, string what)
        {
            if (value < TimeSpan.FromSeconds(min) || value > TimeSpan.FromSeconds(max) || value.Ticks % TimeSpan.TicksPerSecond != 0)
                throw new VirtNetException(ErrorIds.InvalidTimer, VirtNetErrorKind.InvalidArgument,
                    $"{what} {value.TotalSeconds} s is not valid. Use whole seconds from {min} to {max}.", value);
            return value;
        }

        public VNSwitchPort FindPort(string name) =>
            SwitchPortName.TryNormalize(name, out var shortName, out _) && _portsByName.TryGetValue(shortName, out var port) ? port : null;

        public VNSwitchPort GetPort(string name) =>
            FindPort(SwitchPortName.Normalize(name))
            ?? throw Names.NotFound(ErrorIds.SwitchPortNotFound, "switch port", name, "physical switch " + Name, _ports, p => p.Name);

        /// <summary>
        /// The short name (Gi1/0/1) of a physical port this switch can have, without creating it. Throws
        /// InvalidSwitchPortName for a malformed name, a port channel, or a port on a stack member the switch lacks.
        /// </summary>
        public string NormalizePortName(string name)
        {
            var shortName = SwitchPortName.Normalize(name);
            if (shortName.StartsWith("Po", StringComparison.Ordinal))
                throw new VirtNetException(ErrorIds.InvalidSwitchPortName, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(name)}' is a port channel, not a physical port. Cable uplinks to member ports such as Gi1/0/1 and group them with New-VNPortChannel.", name);
            int member = SwitchPortName.StackMember(shortName);
            if (member > Stack)
                throw new VirtNetException(ErrorIds.InvalidSwitchPortName, VirtNetErrorKind.InvalidArgument,
                    $"Port '{Echo.Cut(name)}' is on stack member {member}, but switch '{Name}' has {Stack} member(s). Use ports numbered 1 to {Stack} in the first position, or a larger -Stack.", name);
            return shortName;
        }

        /// <summary>Returns the port, creating it with IOS defaults (access, VLAN 1, no PortFast, MTU 1500) when new.</summary>
        public VNSwitchPort GetOrAddPort(string name)
        {
            var shortName = NormalizePortName(name);
            if (_portsByName.TryGetValue(shortName, out var port)) return port;
            port = new VNSwitchPort(this, shortName);
            _ports.Add(port);
            _portsByName[shortName] = port;
            return port;
        }

        public VNPortChannel AddPortChannel(string name, IReadOnlyList<string> members, PortChannelMode mode)
        {
            var shortName = SwitchPortName.Normalize(name);
            if (!shortName.StartsWith("Po", StringComparison.Ordinal))
                throw new VirtNetException(ErrorIds.InvalidSwitchPortName, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(name)}' is not a port channel name. Use Po<N> or Port-channel<N>, such as Po1.", name);
            Names.CheckUnique(_channelsByName.ContainsKey(shortName), shortName, "port channel", Name);
            // Every check comes before the first new member port is created, so a refused channel changes nothing.
            var memberNames = members.Select(NormalizePortName).Distinct(Names.Comparer).ToList();
            foreach (var port in memberNames.Select(FindPort).Where(p => p?.PortChannel != null))
                throw new VirtNetException(ErrorIds.SwitchPortInUse, VirtNetErrorKind.ResourceExists,
                    $"Port '{port.Path}' is already a member of {port.PortChannel.Name}. A port belongs to one channel at most.", port.Name);
            // IOS bundles 8 members per EtherChannel; LACP takes 8 more as hot-standby members.
            int most = mode == PortChannelMode.Active || mode == PortChannelMode.Passive ? 16 : 8;
            if (memberNames.Count == 0 || memberNames.Count > most)
                throw new VirtNetException(ErrorIds.InvalidPortChannel, VirtNetErrorKind.InvalidArgument,
                    $"A port channel needs 1 to 8 member ports (up to 16 with LACP: 8 bundled and 8 hot-standby); {memberNames.Count} given.", name);
            var ports = memberNames.Select(GetOrAddPort).ToList();
            var channel = new VNPortChannel(this, shortName, mode, ports);
            foreach (var port in ports) port.PortChannel = channel;
            _portChannels.Add(channel);
            _channelsByName.Add(shortName, channel);
            return channel;
        }

        public VNPortChannel FindPortChannel(string name) =>
            SwitchPortName.TryNormalize(name, out var shortName, out _) && _channelsByName.TryGetValue(shortName, out var channel) ? channel : null;

        public VNEndpoint AddEndpoint(string name, IPv4Address ip, int? vlanId, bool respondsToPing, EndpointRole role, MacAddress? mac = null)
        {
            Names.Check(name, "endpoint");
            Names.CheckUnique(_endpoints, e => e.Name, name, "endpoint", Name);
            var endpoint = new VNEndpoint(this, name, ip, vlanId.HasValue ? VLan.CheckSwitchVLan(vlanId.Value) : (int?)null, respondsToPing, role, mac);
            _endpoints.Add(endpoint);
            return endpoint;
        }

        public override string ToString() => Name;
    }
}
