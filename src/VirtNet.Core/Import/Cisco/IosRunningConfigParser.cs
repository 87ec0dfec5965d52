using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.Cisco
{
    /// <summary>
    /// Reads the parts of an IOS configuration that matter to the hosts: interfaces (switchport mode, access, native
    /// and allowed VLANs, channel-group N mode X, spanning-tree portfast [edge] [trunk], mtu, description), and the
    /// global port-channel load-balance, spanning-tree mode and timers, portfast default and system mtu. Both
    /// "show running-config" and configuration-mode input (interface range, conf t ... end) are read. Every other
    /// command is valid IOS that the model has no place for, and is passed over without a warning.
    /// NX-OS configurations read the same way, with their own forms (Cisco Nexus 9000 NX-OS Layer 2 and Interfaces
    /// configuration guides): "spanning-tree port type edge [trunk]" is PortFast, "switchname", "system jumbomtu N",
    /// "port-channel load-balance src-dst ip", and the vPC commands "vpc domain N" (with "role priority N"), "vpc N"
    /// and "vpc peer-link" under interface port-channelN.
    /// </summary>
    sealed class IosRunningConfigParser
    {
        static readonly Regex Range = new Regex(@"^(?<type>[A-Za-z][A-Za-z-]*)?\s*(?<prefix>(?:[0-9]+/)*)(?<from>[0-9]+)\s*(?:-\s*(?<to>[0-9]+))?$", RegexOptions.CultureInvariant);

        // Interface subcommands the model reads or knows to pass over; anything else at the interface's own
        // indentation starts a new global command (pasted configurations often lose the one-blank indentation).
        static readonly string[] InterfaceCommands =
        {
            "switchport", "channel-group", "channel-protocol", "spanning-tree", "mtu", "description", "duplex", "speed", "shutdown",
            "no", "storm-control", "cdp", "lldp", "power", "media-type", "negotiation", "udld", "encapsulation", "service-policy",
            "ip", "ipv6", "load-interval", "flowcontrol", "auto", "switch", "vrf", "logging", "snmp", "carrier-delay", "priority-queue", "mls", "qos",
            "vpc", "link", "beacon", "bandwidth", "delay", "lacp", "rate-mode",
        };

        readonly SwitchFacts _facts;
        readonly ParseContext _context;
        List<PortFacts> _ports;   // the physical ports of the current interface block
        bool _inInterface;        // an interface block, maybe of a port channel or a VLAN interface the model does not keep
        int _interfaceIndent;
        int _channelGroup;        // the port channel of the current interface block, 0 for none
        bool _inVpcDomain;        // the block of "vpc domain N"

        public IosRunningConfigParser(SwitchFacts facts, ParseContext context)
        {
            _facts = facts;
            _context = context;
        }

        public static bool StartsConfig(ExportLine line) =>
            line.Text.StartsWith("interface ", StringComparison.Ordinal) || line.Text.StartsWith("hostname ", StringComparison.Ordinal)
            || line.Text.StartsWith("switchname ", StringComparison.Ordinal) || line.Text.StartsWith("!Command: show running-config", StringComparison.Ordinal)
            || line.Text.StartsWith("Current configuration", StringComparison.Ordinal) || line.Text.StartsWith("Building configuration", StringComparison.Ordinal);

        public void Take(ExportLine line)
        {
            var text = line.Text;
            if (text == "!" || text.StartsWith("!", StringComparison.Ordinal)) { EndInterface(); return; }
            var words = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (!char.IsLetter(text[0]))
            {
                _context.Unknown(line, "IOS configuration");
                return;
            }
            var first = words[0].ToLowerInvariant();
            if (first == "interface")
            {
                BeginInterface(line, text.Substring(words[0].Length).Trim());
                return;
            }
            if (_inInterface && (line.Indent > _interfaceIndent || (InterfaceCommands.Contains(first) && !IsGlobalSpanningTree(words) && !IsVpcDomain(words))))
            {
                if (first == "exit") { EndInterface(); return; }
                if (_ports != null) TakeInterfaceCommand(line, words);
                else if (_channelGroup > 0) TakeChannelCommand(line, words);
                return;
            }
            EndInterface();
            if (_inVpcDomain && line.Indent > 0)
            {
                TakeVpcDomainCommand(line, words);
                return;
            }
            _inVpcDomain = false;
            TakeGlobal(line, words);
        }

        /// <summary>spanning-tree mode, vlan and portfast default are global even when a paste lost the indentation.</summary>
        static bool IsGlobalSpanningTree(string[] words) =>
            words.Length >= 2 && words[0].Equals("spanning-tree", StringComparison.OrdinalIgnoreCase)
            && (words[1].Equals("mode", StringComparison.OrdinalIgnoreCase) || words[1].Equals("vlan", StringComparison.OrdinalIgnoreCase)
                || words[words.Length - 1].Equals("default", StringComparison.OrdinalIgnoreCase));

        /// <summary>Closes any open interface block, before lines that were read out of order.</summary>
        public void EndInterface()
        {
            _inInterface = false;
            _ports = null;
            _channelGroup = 0;
        }

        static bool IsVpcDomain(string[] words) =>
            words.Length >= 2 && words[0].Equals("vpc", StringComparison.OrdinalIgnoreCase) && words[1].Equals("domain", StringComparison.OrdinalIgnoreCase);

        /// <summary>Under interface port-channelN: "vpc N" makes it a vPC, "vpc peer-link" the peer link (NX-OS).</summary>
        void TakeChannelCommand(ExportLine line, string[] w)
        {
            var words = w.Select(x => x.ToLowerInvariant()).ToArray();
            if (words[0] == "spanning-tree" && words.Length >= 2 && words[1] == "cost")
            {
                if (words.Length == 3 && Numbers.TryParse(words[2], out int cost)) _facts.ChannelCost[_channelGroup] = (cost, _context.At(line));
                else _context.Warn(line, $"'{Echo.Cut(string.Join(" ", w))}' is not 'spanning-tree cost N'; it is skipped.");
                return;
            }
            if (words[0] != "vpc") return;
            if (words.Length == 2 && words[1] == "peer-link") _facts.PeerLinkGroup = _channelGroup;
            else if (words.Length == 2 && Numbers.TryParse(words[1], out int vpc) && vpc >= 1 && vpc <= 4096) _facts.VpcOfGroup[_channelGroup] = vpc;
            else _context.Warn(line, $"'{Echo.Cut(string.Join(" ", w))}' is not 'vpc N' (1 to 4096) or 'vpc peer-link'; it is skipped.");
        }

        /// <summary>The vpc domain block: the role priority decides the primary (lower wins); the rest (keepalive, timers) is not modelled.</summary>
        void TakeVpcDomainCommand(ExportLine line, string[] w)
        {
            var words = w.Select(x => x.ToLowerInvariant()).ToArray();
            if (words.Length >= 2 && words[0] == "role" && words[1] == "priority")
            {
                if (words.Length == 3 && Numbers.TryParse(words[2], out int priority) && priority >= 1 && priority <= 65535) _facts.RolePriority = priority;
                else _context.Warn(line, $"'{Echo.Cut(string.Join(" ", w))}' is not 'role priority N' (1 to 65535); it is skipped.");
            }
        }

        void BeginInterface(ExportLine line, string spec)
        {
            _inInterface = true;
            _interfaceIndent = line.Indent;
            _ports = null;
            var isRange = spec.StartsWith("range ", StringComparison.OrdinalIgnoreCase);
            if (isRange) spec = spec.Substring(6).Trim();
            var names = new List<string>();
            string type = null;
            foreach (var part in spec.Split(','))
            {
                var m = Range.Match(part.Trim());
                if (!m.Success || (!isRange && m.Groups["to"].Success))
                {
                    // Port channels, VLAN interfaces, loopbacks and the like: the model keeps no settings of theirs.
                    if (!isRange) return;
                    _context.Warn(line, $"'{part.Trim()}' is not an interface range such as Gi1/0/1 - 4; the interfaces are skipped.");
                    return;
                }
                if (m.Groups["type"].Success) type = m.Groups["type"].Value;
                if (type == null)
                {
                    _context.Warn(line, $"'{part.Trim()}' names no interface type; the interfaces are skipped.");
                    return;
                }
                int to = 0;
                if (!Numbers.TryParse(m.Groups["from"].Value, out int from) || (m.Groups["to"].Success && !Numbers.TryParse(m.Groups["to"].Value, out to)))
                    from = to = -1;
                else if (!m.Groups["to"].Success) to = from;
                if (from < 0 || to < from || to - from > 512)
                {
                    _context.Warn(line, $"'{part.Trim()}' is not a valid interface range; the interfaces are skipped.");
                    return;
                }
                for (int n = from; n <= to; n++)
                    names.Add(type + m.Groups["prefix"].Value + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            // A port channel's own block holds its vPC role (NX-OS); its switchport settings are repeated on its members.
            if (!isRange && names.Count == 1 && SwitchPortName.TryNormalize(names[0], out var channelName, out _) && channelName.StartsWith("Po", StringComparison.Ordinal))
            {
                if (Numbers.TryParse(channelName.Substring(2), out int group) && group >= 1) _channelGroup = group;
                return;
            }
            var ports = new List<PortFacts>();
            foreach (var name in names)
            {
                if (!SwitchPortName.TryNormalize(name, out var shortName, out _) || shortName.StartsWith("Po", StringComparison.Ordinal))
                {
                    if (isRange) _context.Warn(line, $"'{Echo.Cut(name)}' is not a physical interface; it is skipped.");
                    continue;
                }
                ports.Add(_facts.Port(shortName, _context.At(line)));
            }
            _ports = ports;
        }

        void TakeInterfaceCommand(ExportLine line, string[] w)
        {
            var words = w.Select(x => x.ToLowerInvariant()).ToArray();
            string Rest(int from) => string.Join(" ", w.Skip(from));
            switch (words[0])
            {
                case "switchport":
                    TakeSwitchport(line, w, words);
                    return;
                case "channel-group":
                    if (words.Length >= 4 && words[2] == "mode" && Numbers.TryParse(words[1], out int group) && group >= 1 && TryChannelMode(words[3], out var mode))
                    {
                        var channel = _facts.Channel(group, _context.At(line));
                        channel.Mode = mode;
                        foreach (var port in _ports)
                            if (!channel.Members.Contains(port.Name, StringComparer.OrdinalIgnoreCase)) channel.Members.Add(port.Name);
                    }
                    else _context.Warn(line, $"'{Rest(0)}' is not 'channel-group N mode on|active|passive|desirable|auto'; it is skipped.");
                    return;
                case "spanning-tree":
                    // NX-OS: "port type edge" is PortFast on an access port, "port type edge trunk" on a trunk;
                    // "port type network" and "normal" are no edge port.
                    if (words.Length >= 3 && words[1] == "port" && words[2] == "type")
                    {
                        PortFastMode? edge = words.Length == 4 && words[3] == "edge" ? PortFastMode.Enabled
                            : words.Length == 5 && words[3] == "edge" && words[4] == "trunk" ? PortFastMode.Trunk
                            : words.Length == 4 && (words[3] == "network" || words[3] == "normal") ? PortFastMode.Disabled
                            : (PortFastMode?)null;
                        if (edge == null) _context.Warn(line, $"'{Rest(0)}' is not 'spanning-tree port type edge [trunk]|network|normal'; it is skipped.");
                        else foreach (var port in _ports) port.PortFast = edge;
                        return;
                    }
                    if (words.Length >= 2 && words[1] == "cost")
                    {
                        if (words.Length == 3 && Numbers.TryParse(words[2], out int cost))
                            foreach (var port in _ports) { port.Cost = cost; port.CostSource = _context.At(line); }
                        else _context.Warn(line, $"'{Rest(0)}' is not 'spanning-tree cost N'; it is skipped.");
                        return;
                    }
                    // Per-VLAN port costs and priorities change one VLAN's tree only, which the model keeps per switch.
                    if (words.Length >= 2 && words[1] == "vlan")
                    {
                        _context.Warn(line, $"'{Rest(0)}': the model keeps one spanning-tree cost per port, not per VLAN; it is skipped.");
                        return;
                    }
                    if (words.Length >= 2 && words[1] == "portfast")
                    {
                        var rest = words.Skip(2).Where(x => x != "edge").ToArray();
                        PortFastMode? portFast = rest.Length == 0 ? PortFastMode.Enabled
                            : rest.Length == 1 && rest[0] == "trunk" ? PortFastMode.Trunk
                            : rest.Length == 1 && rest[0] == "disable" ? PortFastMode.Disabled
                            : (PortFastMode?)null;
                        if (portFast == null) _context.Warn(line, $"'{Rest(0)}' is not a PortFast setting the model knows; it is skipped.");
                        else foreach (var port in _ports) port.PortFast = portFast;
                    }
                    return;
                case "no":
                    if (words.Length == 3 && words[1] == "spanning-tree" && words[2] == "portfast")
                        foreach (var port in _ports) port.PortFast = PortFastMode.Disabled;
                    else if (words.Length == 2 && words[1] == "switchport")
                        foreach (var port in _ports) port.Routed = true;
                    return;
                case "ip":
                    // An address of its own makes a port routed (a router's interface, or a switch's no switchport port).
                    if (words.Length >= 3 && words[1] == "address")
                        foreach (var port in _ports) port.Routed = true;
                    return;
                case "mtu":
                    if (words.Length == 2 && Numbers.TryParse(words[1], out int mtu))
                        foreach (var port in _ports) { port.Mtu = mtu; port.MtuSource = _context.At(line); }
                    else _context.Warn(line, $"'{Rest(0)}' is not 'mtu N'; it is skipped.");
                    return;
                case "description":
                    foreach (var port in _ports) port.Description = Rest(1);
                    return;
            }
        }

        void TakeSwitchport(ExportLine line, string[] w, string[] words)
        {
            string text = string.Join(" ", w);
            if (words.Length >= 3 && words[1] == "mode")
            {
                if (words.Length == 3 && (words[2] == "access" || words[2] == "trunk"))
                    foreach (var port in _ports) port.Mode = words[2] == "access" ? SwitchPortMode.Access : SwitchPortMode.Trunk;
                else _context.Warn(line, $"'{Echo.Cut(text)}': the model has access and trunk ports only; the mode is skipped.");
                return;
            }
            if (words.Length == 4 && words[1] == "access" && words[2] == "vlan")
            {
                if (TryVLan(words[3], out int vlan)) foreach (var port in _ports) port.AccessVLan = vlan;
                else _context.Warn(line, $"'{Echo.Cut(text)}': '{Echo.Cut(w[3])}' is not a VLAN id from 1 to 4094; it is skipped.");
                return;
            }
            if (words.Length >= 4 && words[1] == "trunk" && words[2] == "native" && words[3] == "vlan")
            {
                if (words.Length == 5 && TryVLan(words[4], out int vlan)) foreach (var port in _ports) port.NativeVLan = vlan;
                else _context.Warn(line, $"'{Echo.Cut(text)}' is not 'switchport trunk native vlan N'; it is skipped.");
                return;
            }
            if (words.Length >= 5 && words[1] == "trunk" && words[2] == "allowed" && words[3] == "vlan")
            {
                TakeAllowed(line, text, words.Skip(4).ToArray());
                return;
            }
        }

        void TakeAllowed(ExportLine line, string text, string[] args)
        {
            string op = args[0] == "add" || args[0] == "remove" || args[0] == "except" ? args[0] : null;
            var list = string.Join("", op == null ? args : args.Skip(1));
            bool all = list == "all" && op == null;
            bool[] flags = null;
            if (!all && !VLanList.TryParse(list, out flags))
            {
                _context.Warn(line, $"'{Echo.Cut(text)}': '{Echo.Cut(list)}' is not a VLAN list such as 10,20,100-110; it is skipped.");
                return;
            }
            foreach (var port in _ports)
            {
                if (all) { port.AllowedAll = true; port.Allowed = null; continue; }
                // Without an allowed line a trunk carries every VLAN, so add and remove start from all of them.
                var current = port.AllowedAll || port.Allowed == null ? Enumerable.Range(0, 4095).Select(v => v >= 1 && v <= 4094).ToArray() : (bool[])port.Allowed.Clone();
                for (int v = 1; v <= 4094; v++)
                {
                    if (op == null) current[v] = flags[v];
                    else if (op == "add") current[v] |= flags[v];
                    else if (op == "remove") current[v] &= !flags[v];
                    else current[v] = !flags[v];
                }
                port.AllowedAll = false;
                port.Allowed = current;
            }
        }

        void TakeGlobal(ExportLine line, string[] w)
        {
            var words = w.Select(x => x.ToLowerInvariant()).ToArray();
            string text = string.Join(" ", w);
            if ((words[0] == "hostname" || words[0] == "switchname") && words.Length == 2) { _facts.HostName = w[1]; return; }
            if (IsVpcDomain(words))
            {
                if (words.Length == 3 && Numbers.TryParse(words[2], out int domain) && domain >= 1 && domain <= 1000)
                {
                    _facts.VpcDomain = domain;
                    _facts.VpcSource = _context.At(line);
                    _inVpcDomain = true;
                }
                else _context.Warn(line, $"'{Echo.Cut(text)}' is not 'vpc domain N' (1 to 1000); the vPC domain is skipped.");
                return;
            }
            if (words.Length == 3 && words[0] == "system" && words[1] == "jumbomtu")
            {
                if (Numbers.TryParse(words[2], out int jumbo)) { _facts.JumboMtu = jumbo; _facts.JumboMtuSource = _context.At(line); }
                else _context.Warn(line, $"'{Echo.Cut(text)}' is not 'system jumbomtu N'; it is skipped.");
                return;
            }
            if (words.Length >= 2 && words[0] == "port-channel" && words[1] == "load-balance")
            {
                // NX-OS 9000 writes "src-dst ip"; the Nexus 5000 "ethernet source-dest-ip".
                var method = words.Length == 4 && words[2] != "ethernet" ? words[2] + "-" + words[3]
                    : words.Length == 4 ? words[3].Replace("source-dest", "src-dst").Replace("source", "src").Replace("destination", "dst")
                    : words.Length == 3 ? words[2] : null;
                if (method != null && TryLoadBalance(method, out var balance)) _facts.LoadBalance = balance;
                else _context.Warn(line, $"'{Echo.Cut(text)}': the model knows src-mac, dst-mac, src-dst-mac, src-ip, dst-ip and src-dst-ip; it is skipped.");
                return;
            }
            if (words.Length >= 2 && words[0] == "spanning-tree")
            {
                if (words[1] == "mode")
                {
                    if (words.Length == 3 && words[2] == "pvst") _facts.SpanningTree = SpanningTreeMode.Pvst;
                    else if (words.Length == 3 && words[2] == "rapid-pvst") _facts.SpanningTree = SpanningTreeMode.RapidPvst;
                    else _context.Warn(line, $"'{Echo.Cut(text)}': the model knows spanning-tree modes pvst and rapid-pvst; it is skipped.");
                }
                else if (words[1] == "portfast" && words.Last() == "default" && words.Skip(2).Take(words.Length - 3).All(x => x == "edge"))
                    _facts.PortFastDefault = true;
                // NX-OS: "spanning-tree port type edge default" makes every access port an edge port.
                else if (words.Length == 5 && words[1] == "port" && words[2] == "type" && words[3] == "edge" && words[4] == "default")
                    _facts.PortFastDefault = true;
                else if (words[1] == "vlan" && words.Length == 5 && words[3] == "priority")
                {
                    // "spanning-tree vlan 10,20-30 priority 24576" (also what "root primary" is saved as).
                    if (!VLanList.TryParse(words[2], out var vlans) || !Numbers.TryParse(words[4], out int priority))
                        _context.Warn(line, $"'{Echo.Cut(text)}' is not 'spanning-tree vlan LIST priority P'; it is skipped.");
                    // Every usable VLAN at once (1-4094 on IOS, 1-3967 on NX-OS, which reserves 3968-4094) is the
                    // switch's priority, not thousands of VLANs' own.
                    else if (Enumerable.Range(1, 3967).All(v => vlans[v])) _facts.BridgePriority = (priority, _context.At(line));
                    else
                        for (int v = 1; v <= 4094; v++)
                            if (vlans[v]) _facts.VlanPriority[v] = (priority, _context.At(line));
                }
                else if (words[1] == "vlan" && words.Length == 5 && (words[3] == "forward-time" || words[3] == "max-age"))
                {
                    if (!Numbers.TryParse(words[4], out int seconds)) _context.Warn(line, $"'{Echo.Cut(text)}': '{Echo.Cut(w[4])}' is not a number of seconds; it is skipped.");
                    else if (words[3] == "forward-time") _facts.ForwardDelay = seconds;
                    else _facts.MaxAge = seconds;
                    _facts.TimersSource = _context.At(line);
                }
                return;
            }
            if (words.Length >= 3 && words[0] == "system" && words[1] == "mtu")
            {
                // Catalyst "system mtu jumbo 9000" sets the Gigabit and faster ports; "system mtu N" the rest.
                var value = words.Last();
                // "system mtu routing N" is the MTU of routed (IP) traffic, no port's frame size: understood, not used.
                if (words.Length == 4 && words[2] == "routing" && Numbers.IsAllDigits(value)) return;
                if ((words.Length == 3 || (words.Length == 4 && words[2] == "jumbo")) && Numbers.TryParse(value, out int mtu))
                {
                    if (words.Length == 4 || _facts.SystemMtu == null) _facts.SystemMtu = mtu;
                    _facts.SystemMtuSource = _context.At(line);
                }
                else _context.Warn(line, $"'{Echo.Cut(text)}' is not 'system mtu [jumbo|routing] N'; it is skipped.");
            }
        }

        static bool TryVLan(string text, out int vlan) => Numbers.TryParse(text, out vlan) && vlan >= 1 && vlan <= 4094;

        internal static bool TryChannelMode(string text, out PortChannelMode mode)
        {
            switch (text)
            {
                case "on": mode = PortChannelMode.On; return true;
                case "active": mode = PortChannelMode.Active; return true;
                case "passive": mode = PortChannelMode.Passive; return true;
                case "desirable": mode = PortChannelMode.Desirable; return true;
                case "auto": mode = PortChannelMode.Auto; return true;
                default: mode = default; return false;
            }
        }

        static bool TryLoadBalance(string text, out EtherChannelLoadBalance balance)
        {
            switch (text)
            {
                case "src-mac": balance = EtherChannelLoadBalance.SrcMac; return true;
                case "dst-mac": balance = EtherChannelLoadBalance.DstMac; return true;
                case "src-dst-mac": balance = EtherChannelLoadBalance.SrcDstMac; return true;
                case "src-ip": balance = EtherChannelLoadBalance.SrcIp; return true;
                case "dst-ip": balance = EtherChannelLoadBalance.DstIp; return true;
                case "src-dst-ip": balance = EtherChannelLoadBalance.SrcDstIp; return true;
                default: balance = default; return false;
            }
        }
    }
}
