using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcli's record output: a bare name line, then "Key: value" lines (indented 3 blanks, or not at all when a
    /// blog lost the indentation; an empty value ends after ": "). Which command printed a record is told by its
    /// keys: network vswitch standard list (Portgroups, Configured Ports), vswitch dvs vmware list (VDS ID),
    /// [portgroup] policy failover get (Load Balancing) and network ip interface list (Portset, Portgroup).
    /// policy failover get does not name its vSwitch or port group: the command line before it does
    /// (--vswitch-name=vSwitch1, -p "iSCSI1").
    /// </summary>
    sealed class EsxcliRecordParser
    {
        static readonly Regex KeyValue = new Regex(@"^(?<key>[A-Za-z][A-Za-z0-9 ()/_.-]*?):(?:\s+(?<value>.*))?$", RegexOptions.CultureInvariant);
        static readonly Regex VSwitchOption = new Regex(@"(?:--vswitch-name|-v)(?:=|\s+)(?:""(?<name>[^""]*)""|'(?<name>[^']*)'|(?<name>\S+))", RegexOptions.CultureInvariant);
        static readonly Regex PortGroupOption = new Regex(@"(?:--portgroup-name|-p)(?:=|\s+)(?:""(?<name>[^""]*)""|'(?<name>[^']*)'|(?<name>\S+))", RegexOptions.CultureInvariant);
        static readonly string[] FakeKeys = { "vSwitch Name", "Active Uplinks", "Load Balancing Policy" };

        readonly HostFacts _facts;
        readonly ParseContext _context;
        readonly List<(string Key, string Value, ExportLine Line)> _record = new List<(string, string, ExportLine)>();
        ExportLine _name, _pendingName;
        string _command;

        public EsxcliRecordParser(HostFacts facts, ParseContext context)
        {
            _facts = facts;
            _context = context;
        }

        public bool Recognized { get; private set; }

        public static bool IsKeyValue(ExportLine line) => KeyValue.IsMatch(line.Text);

        /// <summary>The command line the next records are output of.</summary>
        public void Command(string command)
        {
            End();
            _command = command;
        }

        public void Name(ExportLine line)
        {
            End();
            _pendingName = line;
        }

        public void Take(ExportLine line)
        {
            var m = KeyValue.Match(line.Text);
            var key = m.Groups["key"].Value.Trim();
            if (_record.Any(r => r.Key == key)) End();
            if (_record.Count == 0)
            {
                _name = _pendingName;
                _pendingName = null;
            }
            _record.Add((key, m.Groups["value"].Value.Trim(), line));
        }

        /// <summary>Ends the current record (a blank line, a command or the end of the file).</summary>
        public void End()
        {
            if (_pendingName != null)
            {
                _context.Unknown(_pendingName, "the output of a command this importer reads (no table header or esxcli record comes before it)");
                _pendingName = null;
            }
            if (_record.Count == 0) return;
            try { Apply(); }
            finally
            {
                _record.Clear();
                _name = null;
            }
        }

        string Value(string key) => _record.Where(r => r.Key == key).Select(r => r.Value).FirstOrDefault();

        ExportLine LineOf(string key) => _record.Where(r => r.Key == key).Select(r => r.Line).FirstOrDefault() ?? _record[0].Line;

        bool Has(string key) => _record.Any(r => r.Key == key);

        void Apply()
        {
            var first = _name ?? _record[0].Line;
            var fake = FakeKeys.Where(Has).ToList();
            if (fake.Count > 0)
                // A published "expected output" with these fields is not esxcli syntax.
                throw new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                    $"'{_context.File}', line {LineOf(fake[0]).Number}: '{fake[0]}:' is not a field esxcli prints (it prints Name:, Uplinks:, " +
                    "Load Balancing: and Active Adapters:), so this is not esxcli output. Capture the output of the command itself.", _context.File);
            if (Has("Load Balancing")) Policy(first);
            else if (Has("VDS ID")) VirtualSwitch(first, VirtualSwitchType.Distributed);
            else if (Has("Portgroups") || (Has("Class") && Has("Configured Ports"))) VirtualSwitch(first, VirtualSwitchType.Standard);
            else if (Has("Portset") || (Has("Portgroup") && Has("Name"))) Interface();
            else if (Has("Path") && Has("Int Value")) AdvancedSetting();
            else if (Has("Client") && Has("Port ID")) DVPortRecord();
            else _context.Unknown(first, "esxcli output (no known command prints these fields: " + string.Join(", ", _record.Select(r => r.Key).Take(4)) + ")");
        }

        void VirtualSwitch(ExportLine first, VirtualSwitchType type)
        {
            var name = Value("Name") ?? _name?.Text;
            if (string.IsNullOrEmpty(name))
            {
                _context.Warn(first, "a virtual switch record without a Name is skipped.");
                return;
            }
            Recognized = true;
            var vs = _facts.VirtualSwitch(name, _context.At(LineOf("Name")));
            vs.Type = type;
            // vswitch dvs vmware list: the DVPort records that follow are this switch's; the first comes in its record.
            _distributedSwitch = type == VirtualSwitchType.Distributed ? name : null;
            if (_distributedSwitch != null && Has("Port ID")) DVPortRecord();
            if (Int("Configured Ports") is int configured) vs.ConfiguredPorts = configured;
            if (Int("MTU") is int mtu) vs.Mtu = mtu;
            if (Value("Uplinks") is string uplinks) vs.Uplinks = Adapters(uplinks);
            if (Value("Portgroups") is string portGroups)
            {
                vs.PortGroupPieces = Names(portGroups);
                vs.PortGroupsSource = _context.At(LineOf("Portgroups"));
            }
        }

        /// <summary>
        /// system settings advanced list [-o /Net/TeamPolicyUpDelay]: one record per option (Path, Type, Int Value,
        /// Default Int Value, Min Value, Max Value, ...). A listing of every option holds hundreds the model does not
        /// simulate; they are passed over with one warning.
        /// </summary>
        void AdvancedSetting()
        {
            Recognized = true;
            var path = Value("Path");
            var known = HostAdvancedSettings.Names.FirstOrDefault(n => string.Equals("/" + n.Replace('.', '/'), path, StringComparison.OrdinalIgnoreCase));
            if (known == null)
            {
                if (!_skippedAdvanced)
                    _context.Warn(LineOf("Path"), $"advanced option {path} is not simulated and is not read (the importer reads {string.Join(", ", HostAdvancedSettings.Names)}); " +
                        "further options of this listing are passed over without a warning.");
                _skippedAdvanced = true;
                return;
            }
            _facts.AdvancedSettings[known] = (Value("Int Value"), _context.At(LineOf("Int Value")));
        }

        bool _skippedAdvanced;
        string _distributedSwitch;

        /// <summary>
        /// A DVPort record of vswitch dvs vmware list (Client, DVPortgroup ID, In Use, Port ID): which distributed
        /// port group, by its key, a VMkernel adapter's DVPort belongs to.
        /// </summary>
        void DVPortRecord()
        {
            Recognized = true;
            if (_distributedSwitch == null)
            {
                _context.Warn(LineOf("Port ID"), "a DVPort record comes without the distributed switch record before it (vswitch dvs vmware list prints the switch first); it is skipped.");
                return;
            }
            if (!(Int("Port ID") is int id)) return;
            var key = Value("DVPortgroup ID");
            var port = _facts.DVPort(_distributedSwitch, id);
            if (!string.IsNullOrEmpty(key) && key != "N/A") port.PortGroupKey = key;
        }

        void Interface()
        {
            var name = Value("Name") ?? _name?.Text;
            if (name == null || !Regex.IsMatch(name, @"^vmk[0-9]+$"))
            {
                _context.Warn(_record[0].Line, $"'{Echo.Cut(name)}' is not a VMkernel adapter name; the record is skipped.");
                return;
            }
            Recognized = true;
            var adapter = _facts.Adapter(name, _context.At(LineOf("Name")));
            var portGroup = Value("Portgroup");
            if (!string.IsNullOrEmpty(portGroup) && portGroup != "N/A")
            {
                adapter.PortGroup = portGroup;
                adapter.PortGroupIsStandard = true;
                adapter.DVPort = null;
                var portset = Value("Portset");
                if (!string.IsNullOrEmpty(portset) && portset != "N/A") _facts.PortGroup(portset, portGroup, _context.At(LineOf("Portgroup")));
            }
            else if (Value("VDS Port") is string dvPort && Numbers.TryParse(dvPort, out int id))
            {
                adapter.DVPort = id;
                adapter.DVSwitch = Value("VDS Name") is string dvs && dvs.Length > 0 && dvs != "N/A" ? dvs : null;
                adapter.PortGroup = null;
            }
            else if (Value("Opaque Network ID") is string opaque && opaque.Length > 0 && opaque != "N/A")
            {
                adapter.OpaqueNetwork = opaque;
                adapter.PortGroup = null;
                adapter.DVPort = null;
            }
            if (Value("Netstack Instance") is string netStack && netStack.Length > 0) adapter.NetStack = netStack;
            if (Value("MAC Address") is string mac)
            {
                if (Net.MacAddress.TryParse(mac, out var address)) adapter.Mac = address;
                else _context.Warn(LineOf("MAC Address"), $"'{Echo.Cut(mac)}' is not a MAC address; {name} is read without it.");
            }
            if (Int("MTU") is int mtu) adapter.Mtu = mtu;
        }

        void Policy(ExportLine first)
        {
            string vswitch = null, portGroup = null;
            if (_command != null)
            {
                var p = PortGroupOption.Match(_command);
                var v = VSwitchOption.Match(_command);
                if (_command.Contains("portgroup") && p.Success) portGroup = p.Groups["name"].Value;
                else if (v.Success) vswitch = v.Groups["name"].Value;
            }
            if (vswitch == null && portGroup == null)
            {
                _context.Warn(first, "policy failover get output does not name its vSwitch or port group, and no command line before it " +
                    "(such as esxcli network vswitch standard policy failover get --vswitch-name=vSwitch0) does; it is skipped.");
                return;
            }
            Recognized = true;
            var policy = new PolicyFacts(_context.At(first));
            var balancing = Value("Load Balancing");
            switch (balancing)
            {
                case "srcport": policy.LoadBalancing = LoadBalancingPolicy.LoadBalanceSrcId; break;
                case "srcmac": case "mac": policy.LoadBalancing = LoadBalancingPolicy.LoadBalanceSrcMac; break;
                case "iphash": policy.LoadBalancing = LoadBalancingPolicy.LoadBalanceIP; break;
                case "explicit": policy.LoadBalancing = LoadBalancingPolicy.ExplicitFailover; break;
                default: _context.Warn(LineOf("Load Balancing"), $"'{Echo.Cut(balancing)}' is none of srcport, srcmac, iphash and explicit; the load balancing is not read."); break;
            }
            var detection = Value("Network Failure Detection");
            if (detection == "link") policy.Detection = NetworkFailoverDetectionPolicy.LinkStatus;
            else if (detection == "beacon") policy.Detection = NetworkFailoverDetectionPolicy.BeaconProbing;
            else if (detection != null) _context.Warn(LineOf("Network Failure Detection"), $"'{Echo.Cut(detection)}' is neither link nor beacon; the failure detection is not read.");
            policy.NotifySwitches = Bool("Notify Switches");
            policy.Failback = Bool("Failback");
            if (Value("Active Adapters") is string active) policy.Active = Adapters(active);
            if (Value("Standby Adapters") is string standby) policy.Standby = Adapters(standby);
            if (Value("Unused Adapters") is string unused) policy.Unused = Adapters(unused);
            policy.OverrideLoadBalancing = Bool("Override Vswitch Load Balancing");
            policy.OverrideDetection = Bool("Override Vswitch Network Failure Detection");
            policy.OverrideNotify = Bool("Override Vswitch Notify Switches");
            policy.OverrideFailback = Bool("Override Vswitch Failback");
            policy.OverrideUplinks = Bool("Override Vswitch Uplinks");
            // policy failover get --portgroup-name names no vSwitch: standard port group names are unique on a host.
            if (portGroup != null) _facts.PortGroup(null, portGroup, policy.Source).Policy = policy;
            else _facts.VirtualSwitchPolicies[vswitch] = policy;
        }

        int? Int(string key)
        {
            var value = Value(key);
            if (value == null) return null;
            if (Numbers.TryParse(value, out int n)) return n;
            _context.Warn(LineOf(key), $"{key} '{Echo.Cut(value)}' is not a number; it is not read.");
            return null;
        }

        bool? Bool(string key)
        {
            var value = Value(key);
            if (value == null) return null;
            if (value == "true") return true;
            if (value == "false") return false;
            _context.Warn(LineOf(key), $"{key} '{Echo.Cut(value)}' is neither true nor false; it is not read.");
            return null;
        }

        /// <summary>NIC names hold no blanks or commas, so a comma separates them, with or without a blank.</summary>
        static List<string> Adapters(string text) => text.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();

        /// <summary>esxcli separates list items with ", "; port group names may hold blanks (and, rarely, commas).</summary>
        static List<string> Names(string text) =>
            text.Split(new[] { ", " }, StringSplitOptions.None).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
    }
}
