using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>An interface of a physical switch, with its switchport and spanning-tree settings.</summary>
    public sealed class VNSwitchPort
    {
        public const int MinMtu = 1500, MaxMtu = 9216;
        int _accessVLan = 1, _nativeVLan = 1, _mtu = 1500;
        SwitchPortMode _mode = SwitchPortMode.Access;
        PortFastMode _portFast = PortFastMode.Disabled;
        int? _cost;
        bool[] _allowed; // null: all VLANs (IOS default "switchport trunk allowed vlan all")

        internal VNSwitchPort(VNPhysicalSwitch physicalSwitch, string shortName)
        {
            PhysicalSwitch = physicalSwitch;
            Name = shortName;
        }

        /// <summary>The short form, Gi1/0/1.</summary>
        public string Name { get; }
        public string LongName => SwitchPortName.LongForm(Name);
        public VNPhysicalSwitch PhysicalSwitch { get; }
        public int StackMember => SwitchPortName.StackMember(Name);
        public SwitchPortMode Mode { get => _mode; set => _mode = EnumValue.Check(value, nameof(Mode)); }
        public int AccessVLan { get => _accessVLan; set => _accessVLan = VLan.CheckSwitchVLan(value); }
        public int NativeVLan { get => _nativeVLan; set => _nativeVLan = VLan.CheckSwitchVLan(value); }
        /// <summary>The trunk's allowed list in IOS form ("all", or "10,20,100-110").</summary>
        public string AllowedVLan => FormatAllowed();
        public PortFastMode PortFast { get => _portFast; set => _portFast = EnumValue.Check(value, nameof(PortFast)); }
        public int Mtu { get => _mtu; set => _mtu = CheckMtu(value); }
        public VNPortChannel PortChannel { get; internal set; }
        /// <summary>The link to another switch this port is part of, if any.</summary>
        public VNSwitchLink SwitchLink { get; internal set; }
        /// <summary>
        /// spanning-tree cost: the port's path cost, 1 to 200000000; null for the default by speed (IEEE 802.1D-1998
        /// short costs, see <see cref="SpanningTreeCosts"/>).
        /// </summary>
        public int? SpanningTreeCost { get => _cost; set => _cost = value.HasValue ? CheckCost(value.Value) : (int?)null; }
        /// <summary>How the port takes part in its channel, as show etherchannel summary flags it; null when not known (or in no channel).</summary>
        public PortChannelMemberState? MemberState { get; internal set; }
        /// <summary>The host NIC cabled to this port, if any.</summary>
        public VNUplink Uplink { get; private set; }
        public string Path => PhysicalSwitch.Name + "/" + Name;

        /// <summary>
        /// PortFast takes effect on an access port with "portfast" or "portfast trunk", and on a trunk only with
        /// "portfast trunk"; plain portfast on a trunk is ignored by IOS.
        /// </summary>
        public bool IsPortFastEffective => PortFast == PortFastMode.Trunk || (PortFast == PortFastMode.Enabled && Mode == SwitchPortMode.Access);

        /// <summary>
        /// How long the port listens and learns after its link comes up before it forwards (802.1D: 2 x forward
        /// delay, 30 s by default); zero with effective PortFast.
        /// </summary>
        public System.TimeSpan ListeningAndLearning => IsPortFastEffective ? System.TimeSpan.Zero : System.TimeSpan.FromTicks(2 * PhysicalSwitch.ForwardDelay.Ticks);

        /// <summary>True when the port carries the VLAN: its access VLAN, or on a trunk an allowed VLAN.</summary>
        public bool CarriesVLan(int vlanId) =>
            Mode == SwitchPortMode.Access ? vlanId == _accessVLan : _allowed == null || (vlanId >= 1 && vlanId <= 4094 && _allowed[vlanId]);

        /// <summary>Sets the allowed list from IOS text: "all", "none", or ids and ranges such as "10,20,100-110".</summary>
        public void SetAllowedVLan(IEnumerable<string> items) => _allowed = ParseAllowedVLan(items);

        internal static int CheckCost(int cost)
        {
            // IOS "spanning-tree cost" takes 1 to 200000000 (the 802.1t long range); short costs fit inside it.
            if (cost < 1 || cost > 200000000)
                throw new VirtNetException(ErrorIds.InvalidPathCost, VirtNetErrorKind.InvalidArgument,
                    $"Spanning-tree cost {cost} is not valid. Use 1 to 200000000 (IEEE 802.1D short costs: 2 for 10 Gb/s, 4 for 1 Gb/s, 19 for 100 Mb/s).", cost);
            return cost;
        }

        internal static int CheckMtu(int mtu)
        {
            if (mtu < MinMtu || mtu > MaxMtu)
                throw new VirtNetException(ErrorIds.InvalidMtu, VirtNetErrorKind.InvalidArgument,
                    $"MTU {mtu} is not valid on a switch port. Use {MinMtu} to {MaxMtu}.", mtu);
            return mtu;
        }

        /// <summary>The allowed list as flags indexed by VLAN id; null for "all".</summary>
        internal static bool[] ParseAllowedVLan(IEnumerable<string> items)
        {
            var list = items.SelectMany(i => i.Split(',')).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
            if (list.Count == 1 && string.Equals(list[0], "all", StringComparison.OrdinalIgnoreCase)) return null;
            var allowed = new bool[4095];
            if (!(list.Count == 1 && string.Equals(list[0], "none", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var item in list)
                {
                    var parts = item.Split('-');
                    if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                        || !int.TryParse(parts[parts.Length - 1], NumberStyles.None, CultureInfo.InvariantCulture, out int to) || from > to)
                        throw new VirtNetException(ErrorIds.InvalidVLanId, VirtNetErrorKind.InvalidArgument,
                            $"'{item}' is not a VLAN id or range. Use ids 1 to 4094 and ranges such as 100-110, or 'all'.", item);
                    VLan.CheckSwitchVLan(from);
                    VLan.CheckSwitchVLan(to);
                    for (int v = from; v <= to; v++) allowed[v] = true;
                }
            }
            return allowed;
        }

        string FormatAllowed()
        {
            if (_allowed == null) return "all";
            var ranges = new List<string>();
            for (int v = 1; v <= 4094; v++)
            {
                if (!_allowed[v]) continue;
                int start = v;
                while (v < 4094 && _allowed[v + 1]) v++;
                ranges.Add(start == v ? start.ToString(CultureInfo.InvariantCulture)
                    : start.ToString(CultureInfo.InvariantCulture) + "-" + v.ToString(CultureInfo.InvariantCulture));
            }
            return ranges.Count == 0 ? "none" : string.Join(",", ranges);
        }

        internal void SetAllowedVLanFlags(bool[] allowed) => _allowed = allowed;

        internal void Plug(VNUplink uplink) => Uplink = uplink;
        internal void Unplug() => Uplink = null;

        public override string ToString() => Name;
    }

    /// <summary>An EtherChannel: channel-group N mode X on its member ports.</summary>
    public sealed class VNPortChannel
    {
        internal VNPortChannel(VNPhysicalSwitch physicalSwitch, string name, PortChannelMode mode, IReadOnlyList<VNSwitchPort> members)
        {
            PhysicalSwitch = physicalSwitch;
            Name = name;
            Mode = mode;
            Members = members;
        }

        public string Name { get; }
        public VNPhysicalSwitch PhysicalSwitch { get; }
        public PortChannelMode Mode { get; }
        public IReadOnlyList<VNSwitchPort> Members { get; }
        public bool IsStatic => Mode == PortChannelMode.On;
        public bool IsLacp => Mode == PortChannelMode.Active || Mode == PortChannelMode.Passive;
        public bool IsPagp => Mode == PortChannelMode.Desirable || Mode == PortChannelMode.Auto;
        public string Path => PhysicalSwitch.Name + "/" + Name;

        /// <summary>
        /// The channel of the same name on the other switch of a vPC or MLAG pair, which with this one is a single
        /// multi-chassis channel to the device cabled to both; null on a switch outside a pair.
        /// </summary>
        public VNPortChannel PeerChannel => PhysicalSwitch.Pair?.PeerChannelOf(this);

        /// <summary>True when the channel spans both switches of a pair (a vPC or MLAG port channel).</summary>
        public bool IsMultiChassis => PeerChannel != null;

        /// <summary>The one logical channel this channel is part of: the primary's side of a multi-chassis channel, else itself.</summary>
        public VNPortChannel Logical => PeerChannel != null && PhysicalSwitch.Pair.Secondary == PhysicalSwitch ? PeerChannel : this;

        /// <summary>The members of the logical channel: this switch's, then the pair peer's.</summary>
        public IEnumerable<VNSwitchPort> AllMembers => PeerChannel == null ? Members : Members.Concat(PeerChannel.Members);

        /// <summary>Records a member's state as show etherchannel summary flags it (null: not known).</summary>
        internal void SetMemberState(VNSwitchPort member, PortChannelMemberState? state)
        {
            if (member.PortChannel != this)
                throw new VirtNetException(ErrorIds.InvalidPortChannel, VirtNetErrorKind.InvalidArgument,
                    $"Port '{member.Path}' is not a member of {Path}; only a member has a state in it.", member.Name);
            member.MemberState = state.HasValue ? EnumValue.Check(state.Value, nameof(VNSwitchPort.MemberState)) : (PortChannelMemberState?)null;
        }

        /// <summary>
        /// The members that carry the channel's frames, in configured order: those bundled (or of unknown state) whose
        /// link is up and, in place of each bundled member whose link is down, the next hot-standby member whose link
        /// is up, as LACP brings a standby link into the aggregator when an active one fails (IEEE 802.1AX; Cisco's
        /// lacp max-bundle). Suspended, stand-alone, down and waiting members carry nothing for the channel.
        /// </summary>
        internal List<VNSwitchPort> CarryingMembers(Func<VNSwitchPort, bool> linkDown)
        {
            var carrying = new List<VNSwitchPort>();
            int replacements = 0;
            foreach (var member in AllMembers)
            {
                bool bundled = member.MemberState == null || member.MemberState == PortChannelMemberState.Bundled;
                if (!bundled) continue;
                if (linkDown(member)) replacements++;
                else carrying.Add(member);
            }
            foreach (var member in AllMembers)
            {
                if (replacements == 0) break;
                if (member.MemberState != PortChannelMemberState.HotStandby || linkDown(member)) continue;
                carrying.Add(member);
                replacements--;
            }
            return carrying;
        }

        public override string ToString() => Name;
    }

    /// <summary>Something on the physical network that hosts talk to: a gateway, a storage target, a DNS server.</summary>
    public sealed class VNEndpoint
    {
        internal VNEndpoint(VNPhysicalSwitch physicalSwitch, string name, IPv4Address ip, int? vlanId, bool respondsToPing, EndpointRole role,
            MacAddress? mac)
        {
            MacAddress = mac;
            PhysicalSwitch = physicalSwitch;
            Name = name;
            IPAddress = ip;
            VLanId = vlanId;
            RespondsToPing = respondsToPing;
            Role = role;
        }

        public string Name { get; }
        public VNPhysicalSwitch PhysicalSwitch { get; }
        public IPv4Address IPAddress { get; }
        /// <summary>Null: the native/access VLAN of the switch.</summary>
        public int? VLanId { get; }
        public bool RespondsToPing { get; set; }
        public EndpointRole Role { get; }
        /// <summary>The MAC its frames come from and go to: the destination MAC of frames a host sends it, or through it when it is the gateway.</summary>
        public MacAddress? MacAddress { get; }
        public string Path => PhysicalSwitch.Name + "/" + Name;
        public override string ToString() => Name;
    }
}
