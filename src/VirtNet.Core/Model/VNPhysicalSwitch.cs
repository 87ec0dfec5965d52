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
        readonly List<VNEndpoint> _endpoints = new List<VNEndpoint>();
        TimeSpan _forwardDelay = TimeSpan.FromSeconds(15), _maxAge = TimeSpan.FromSeconds(20);

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
        public EtherChannelLoadBalance LoadBalance { get; set; } = EtherChannelLoadBalance.SrcMac;
        public SpanningTreeMode SpanningTree { get; set; } = SpanningTreeMode.Pvst;
        /// <summary>802.1D forward delay (default 15 s; valid 4 to 30 s).</summary>
        public TimeSpan ForwardDelay { get => _forwardDelay; set => _forwardDelay = CheckTimer(value, 4, 30, "ForwardDelay"); }
        /// <summary>802.1D max age (default 20 s; valid 6 to 40 s).</summary>
        public TimeSpan MaxAge { get => _maxAge; set => _maxAge = CheckTimer(value, 6, 40, "MaxAge"); }
        public IReadOnlyList<VNSwitchPort> Ports => _ports;
        public IReadOnlyList<VNPortChannel> PortChannels => _portChannels;
        public IReadOnlyList<VNEndpoint> Endpoints => _endpoints;
        public string Path => Name;

        static TimeSpan CheckTimer(TimeSpan value, int min, int max, string what)
        {
            if (value < TimeSpan.FromSeconds(min) || value > TimeSpan.FromSeconds(max) || value.Ticks % TimeSpan.TicksPerSecond != 0)
                throw new VirtNetException(ErrorIds.InvalidTimer, VirtNetErrorKind.InvalidArgument,
                    $"{what} {value.TotalSeconds} s is not valid. Use whole seconds from {min} to {max}.", value);
            return value;
        }

        public VNSwitchPort FindPort(string name) =>
            SwitchPortName.TryNormalize(name, out var shortName, out _) ? Names.Find(_ports, p => p.Name, shortName) : null;

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
                    $"'{name}' is a port channel, not a physical port. Cable uplinks to member ports such as Gi1/0/1 and group them with New-VNPortChannel.", name);
            int member = SwitchPortName.StackMember(shortName);
            if (member > Stack)
                throw new VirtNetException(ErrorIds.InvalidSwitchPortName, VirtNetErrorKind.InvalidArgument,
                    $"Port '{name}' is on stack member {member}, but switch '{Name}' has {Stack} member(s). Use ports numbered 1 to {Stack} in the first position, or a larger -Stack.", name);
            return shortName;
        }

        /// <summary>Returns the port, creating it with IOS defaults (access, VLAN 1, no PortFast, MTU 1500) when new.</summary>
        public VNSwitchPort GetOrAddPort(string name)
        {
            var shortName = NormalizePortName(name);
            var port = Names.Find(_ports, p => p.Name, shortName);
            if (port != null) return port;
            port = new VNSwitchPort(this, shortName);
            _ports.Add(port);
            return port;
        }

        public VNPortChannel AddPortChannel(string name, IReadOnlyList<string> members, PortChannelMode mode)
        {
            var shortName = SwitchPortName.Normalize(name);
            if (!shortName.StartsWith("Po", StringComparison.Ordinal))
                throw new VirtNetException(ErrorIds.InvalidSwitchPortName, VirtNetErrorKind.InvalidArgument,
                    $"'{name}' is not a port channel name. Use Po<N> or Port-channel<N>, such as Po1.", name);
            Names.CheckUnique(_portChannels, p => p.Name, shortName, "port channel", Name);
            // Every check comes before the first new member port is created, so a refused channel changes nothing.
            var memberNames = members.Select(NormalizePortName).Distinct(Names.Comparer).ToList();
            foreach (var port in memberNames.Select(FindPort).Where(p => p?.PortChannel != null))
                throw new VirtNetException(ErrorIds.SwitchPortInUse, VirtNetErrorKind.ResourceExists,
                    $"Port '{port.Path}' is already a member of {port.PortChannel.Name}. A port belongs to one channel at most.", port.Name);
            // IOS allows 8 active members per EtherChannel.
            if (memberNames.Count == 0 || memberNames.Count > 8)
                throw new VirtNetException(ErrorIds.InvalidPortChannel, VirtNetErrorKind.InvalidArgument,
                    $"A port channel needs 1 to 8 member ports; {memberNames.Count} given.", name);
            var ports = memberNames.Select(GetOrAddPort).ToList();
            var channel = new VNPortChannel(this, shortName, mode, ports);
            foreach (var port in ports) port.PortChannel = channel;
            _portChannels.Add(channel);
            return channel;
        }

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
