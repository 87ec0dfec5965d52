using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Import.Cisco
{
    /// <summary>What one file says about a physical switch port; null fields are not said.</summary>
    sealed class PortFacts
    {
        public PortFacts(string name, SourceLine source)
        {
            Name = name;
            Source = source;
        }

        public string Name { get; }
        public SourceLine Source { get; }
        public SwitchPortMode? Mode;
        public int? AccessVLan;
        public int? NativeVLan;
        /// <summary>Allowed VLANs as flags by id; null when not said. <see cref="AllowedAll"/> overrides.</summary>
        public bool[] Allowed;
        public bool AllowedAll;
        public PortFastMode? PortFast;
        /// <summary>spanning-tree cost N.</summary>
        public int? Cost;
        public SourceLine CostSource;
        public int? Mtu;
        public SourceLine MtuSource;
        public string Description;
        /// <summary>A routed port (no switchport, or an IP address of its own): no layer-2 port, left out of the model.</summary>
        public bool Routed;
    }

    /// <summary>An EtherChannel as one file describes it.</summary>
    sealed class ChannelFacts
    {
        public ChannelFacts(int group, SourceLine source)
        {
            Group = group;
            Source = source;
        }

        public int Group { get; }
        public SourceLine Source { get; }
        public PortChannelMode? Mode;
        public List<string> Members { get; } = new List<string>();
        /// <summary>Each member's state from its show etherchannel summary flags, by port name; members without flags have none.</summary>
        public Dictionary<string, PortChannelMemberState> States { get; } = new Dictionary<string, PortChannelMemberState>(System.StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What one file says about a switch. Everything is read first; the model is built from it afterwards.</summary>
    sealed class SwitchFacts
    {
        readonly Dictionary<string, PortFacts> _ports = new Dictionary<string, PortFacts>(System.StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<int, ChannelFacts> _channels = new Dictionary<int, ChannelFacts>();

        public string HostName;
        public EtherChannelLoadBalance? LoadBalance;
        public SpanningTreeMode? SpanningTree;
        public int? ForwardDelay, MaxAge;
        public SourceLine TimersSource;
        /// <summary>spanning-tree vlan 1-4094 priority P: the priority of every VLAN.</summary>
        public (int Priority, SourceLine Source)? BridgePriority;
        /// <summary>spanning-tree vlan N priority P, by VLAN, with the line that said it.</summary>
        public readonly Dictionary<int, (int Priority, SourceLine Source)> VlanPriority = new Dictionary<int, (int, SourceLine)>();
        /// <summary>spanning-tree cost N under interface Port-channelN, by channel group: the cost of the channel's port.</summary>
        public readonly Dictionary<int, (int Cost, SourceLine Source)> ChannelCost = new Dictionary<int, (int, SourceLine)>();
        /// <summary>spanning-tree portfast [edge] default: PortFast on every access port that does not say otherwise.</summary>
        public bool PortFastDefault;
        /// <summary>system mtu [jumbo] N: the MTU of every port that does not set its own.</summary>
        public int? SystemMtu;
        public SourceLine SystemMtuSource;

        readonly Dictionary<int, PortFacts> _channelTrunks = new Dictionary<int, PortFacts>();

        // NX-OS vPC: "vpc domain N" with "role priority N", "vpc N" and "vpc peer-link" on port channels, the role
        // show vpc brief prints; "system jumbomtu N", the only MTU other than 1500 a layer-2 port may have.
        public int? VpcDomain;
        public SourceLine VpcSource;
        public int? RolePriority;
        /// <summary>The configured role show vpc brief prints: true primary, false secondary.</summary>
        public bool? VpcPrimary;
        public int? PeerLinkGroup;
        /// <summary>Channel group to its vpc number.</summary>
        public readonly Dictionary<int, int> VpcOfGroup = new Dictionary<int, int>();
        public int? JumboMtu;
        public SourceLine JumboMtuSource;

        public IEnumerable<PortFacts> Ports => _ports.Values;
        public IEnumerable<ChannelFacts> Channels => _channels.Values;
        /// <summary>show interfaces trunk rows of port channels, by channel group: they hold for the channel's members.</summary>
        public IReadOnlyDictionary<int, PortFacts> ChannelTrunks => _channelTrunks;

        public PortFacts ChannelTrunk(int group, string name, SourceLine source)
        {
            if (!_channelTrunks.TryGetValue(group, out var port)) _channelTrunks[group] = port = new PortFacts(name, source);
            return port;
        }

        public PortFacts Port(string shortName, SourceLine source)
        {
            if (!_ports.TryGetValue(shortName, out var port)) _ports[shortName] = port = new PortFacts(shortName, source);
            return port;
        }

        public ChannelFacts Channel(int group, SourceLine source)
        {
            if (!_channels.TryGetValue(group, out var channel)) _channels[group] = channel = new ChannelFacts(group, source);
            return channel;
        }
    }

    /// <summary>IOS VLAN lists: "10,20,99-100", "1-4094", "none".</summary>
    static class VLanList
    {
        public static bool TryParse(string text, out bool[] flags)
        {
            flags = new bool[4095];
            if (text.Trim().Equals("none", System.StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var item in text.Split(','))
            {
                var parts = item.Trim().Split('-');
                if (parts.Length > 2 || !Numbers.TryParse(parts[0].Trim(), out int from) || !Numbers.TryParse(parts[parts.Length - 1].Trim(), out int to)
                    || from < 1 || to > 4094 || from > to)
                    return false;
                for (int v = from; v <= to; v++) flags[v] = true;
            }
            return true;
        }

        /// <summary>True when every VLAN 1-4094 is in the list: IOS shows "allowed vlan all" as 1-4094.</summary>
        public static bool IsAll(bool[] flags) => Enumerable.Range(1, 4094).All(v => flags[v]);

        public static string Format(bool[] flags)
        {
            var ranges = new List<string>();
            for (int v = 1; v <= 4094; v++)
            {
                if (!flags[v]) continue;
                int start = v;
                while (v < 4094 && flags[v + 1]) v++;
                ranges.Add(start == v ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "-" + v.ToString(CultureInfo.InvariantCulture));
            }
            return ranges.Count == 0 ? "none" : string.Join(",", ranges);
        }
    }
}
