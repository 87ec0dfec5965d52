using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.RVTools
{
    /// <summary>Reads RVTools rows into facts per host, then builds the hosts.</summary>
    sealed class RVToolsReader
    {
        static readonly Regex EsxVersion = new Regex(@"(?<major>[0-9]+)\.(?<minor>[0-9]+)(?:\.(?<update>[0-9]+))?", RegexOptions.CultureInvariant);

        readonly List<ImportWarning> _warnings;
        readonly Dictionary<string, HostFacts> _hosts = new Dictionary<string, HostFacts>(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, string> _versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, SourceLine> _firstSeen = new Dictionary<string, SourceLine>(StringComparer.OrdinalIgnoreCase);
        /// <summary>vNIC's Uplink port: per host, the NIC behind each uplink port name ("Uplink 1") of a distributed switch.</summary>
        readonly Dictionary<HostFacts, Dictionary<string, string>> _uplinkPorts = new Dictionary<HostFacts, Dictionary<string, string>>();

        static string UplinkPortKey(string vswitch, string port) => vswitch + "\u0001" + port;

        public RVToolsReader(List<ImportWarning> warnings) { _warnings = warnings; }

        public void Read(RVToolsTable table)
        {
            foreach (var (line, cells) in table.Rows)
            {
                var source = new SourceLine(table.Source, line);
                string Get(params string[] names)
                {
                    int column = table.Column(names);
                    return column >= 0 && column < cells.Length && cells[column].Length > 0 ? cells[column] : null;
                }
                switch (table.Tab)
                {
                    case "dvPort": DistributedPortGroup(source, Get); continue;
                    case "dvSwitch": DistributedSwitch(source, Get); continue;
                }
                var hostName = Get("Host");
                if (hostName == null)
                {
                    ParseContext.Warn(_warnings, source, $"the {table.Tab} row names no Host; it is skipped.");
                    continue;
                }
                var facts = Host(hostName, source);
                switch (table.Tab)
                {
                    case "vSwitch": VirtualSwitch(facts, source, Get); break;
                    case "vPort": PortGroup(facts, source, Get); break;
                    case "vSC_VMK": Adapter(facts, source, Get); break;
                    case "vNIC": Nic(facts, source, Get); break;
                    case "vHost": Version(hostName, source, Get("ESX Version", "Version")); break;
                    case "vNetwork": VirtualMachineAdapter(facts, source, Get); break;
                }
            }
        }

        HostFacts Host(string name, SourceLine source)
        {
            if (!_hosts.TryGetValue(name, out var facts))
            {
                _hosts[name] = facts = new HostFacts();
                _firstSeen[name] = source;
            }
            return facts;
        }

        void VirtualSwitch(HostFacts facts, SourceLine source, Func<string[], string> get)
        {
            var name = get(new[] { "Switch" });
            if (name == null) { ParseContext.Warn(_warnings, source, "the vSwitch row names no Switch; it is skipped."); return; }
            var vs = facts.VirtualSwitch(name, source);
            vs.Source = source;
            vs.Type = VirtualSwitchType.Standard;
            vs.ConfiguredPorts = Int(source, get(new[] { "# Ports", "Num Ports" }), "# Ports") ?? vs.ConfiguredPorts;
            vs.Mtu = Int(source, get(new[] { "MTU" }), "MTU") ?? vs.Mtu;
            facts.VirtualSwitchPolicies[name] = Policy(source, get);
        }

        void PortGroup(HostFacts facts, SourceLine source, Func<string[], string> get)
        {
            var name = get(new[] { "Port Group", "Portgroup" });
            if (name == null) { ParseContext.Warn(_warnings, source, "the vPort row names no Port Group; it is skipped."); return; }
            var pg = facts.PortGroup(get(new[] { "Switch" }), name, source);
            pg.VLanId = VLan(source, get(new[] { "VLAN" })) ?? pg.VLanId;
            // vPort shows the effective policy; values that differ from the vSwitch's are the overrides.
            pg.Policy = Policy(source, get);
        }

        /// <summary>Policy holds the API's strings; Rolling Order is the API's rollingOrder, the inverse of Failback.</summary>
        PolicyFacts Policy(SourceLine source, Func<string[], string> get)
        {
            var policy = new PolicyFacts(source);
            var balancing = get(new[] { "Policy" });
            if (balancing != null)
            {
                policy.LoadBalancing = TeamingNames.LoadBalancing(balancing);
                if (policy.LoadBalancing == null) ParseContext.Warn(_warnings, source, $"Policy '{Echo.Cut(balancing)}' is no load balancing policy the model knows; it is not read.");
            }
            policy.NotifySwitches = Bool(get(new[] { "Notify Switch", "Notify Switches" }));
            policy.Failback = Bool(get(new[] { "Rolling Order" })) is bool rolling ? !rolling : (bool?)null;
            if (Bool(get(new[] { "Check Beacon" })) is bool beacon)
                policy.Detection = beacon ? NetworkFailoverDetectionPolicy.BeaconProbing : NetworkFailoverDetectionPolicy.LinkStatus;
            return policy;
        }

        void Adapter(HostFacts facts, SourceLine source, Func<string[], string> get)
        {
            var name = get(new[] { "Device" });
            if (name == null || !Regex.IsMatch(name, @"^(?:vmk|vswif)[0-9]+$"))
            {
                ParseContext.Warn(_warnings, source, $"'{Echo.Cut(name)}' is not a VMkernel adapter name (vmkN, vswifN); the vSC_VMK row is skipped.");
                return;
            }
            var adapter = facts.Adapter(name, source);
            adapter.Source = source;
            adapter.PortGroup = get(new[] { "Port Group", "Portgroup" }) ?? adapter.PortGroup;
            string ip = get(new[] { "IP Address" }), mask = get(new[] { "Subnet mask" });
            if (ip != null)
            {
                try
                {
                    var (address, prefix) = VNVMKernelAdapter.ParseAddress(ip, mask);
                    adapter.IPAddress = address;
                    adapter.PrefixLength = prefix;
                }
                catch (VirtNetException e) { ParseContext.Warn(_warnings, source, $"{name}: {e.Message}"); }
            }
            // RVTools repeats the host's default gateway on every row: it is the adapter's own gateway only when the
            // adapter's subnet holds it; for an adapter of another subnet it is normal data, not a fault.
            var gateway = get(new[] { "Gateway" });
            if (gateway != null && IPv4Address.TryParse(gateway, out var gw) && gw.Value != 0
                && adapter.IPAddress.HasValue && adapter.PrefixLength.HasValue && gw.IsInSubnet(adapter.IPAddress.Value, adapter.PrefixLength.Value))
                adapter.Gateway = gw;
            var mac = get(new[] { "Mac Address", "MAC" });
            if (mac != null)
            {
                if (MacAddress.TryParse(mac, out var m)) adapter.Mac = m;
                else ParseContext.Warn(_warnings, source, $"'{Echo.Cut(mac)}' is not a MAC address; {name} is read without it.");
            }
            adapter.Mtu = Int(source, get(new[] { "MTU" }), "MTU") ?? adapter.Mtu;
        }

        void Nic(HostFacts facts, SourceLine source, Func<string[], string> get)
        {
            var name = get(new[] { "Network Device", "Device" });
            if (name == null) { ParseContext.Warn(_warnings, source, "the vNIC row names no Network Device; it is skipped."); return; }
            var nic = facts.Nic(name, source);
            if (Int(source, get(new[] { "Speed" }), "Speed") is int speed && speed > 0) nic.SpeedMbps = speed;
            var mac = get(new[] { "MAC", "Mac Address" });
            if (mac != null)
            {
                if (MacAddress.TryParse(mac, out var m)) nic.Mac = m;
                else ParseContext.Warn(_warnings, source, $"'{Echo.Cut(mac)}' is not a MAC address; {name} is read without it.");
            }
            // vNIC's Switch column is the only place RVTools says which uplinks a vSwitch has.
            var vswitch = get(new[] { "Switch" });
            if (vswitch == null) return;
            var vs = facts.VirtualSwitch(vswitch, source);
            if (vs.Uplinks == null) vs.Uplinks = new List<string>();
            if (!vs.Uplinks.Contains(name, StringComparer.OrdinalIgnoreCase)) vs.Uplinks.Add(name);
            // On a distributed switch, the uplink port the NIC fills: dvPort's Active and Standby Uplink name these.
            var uplinkPort = get(new[] { "Uplink port", "Uplink" });
            if (uplinkPort == null) return;
            if (!_uplinkPorts.TryGetValue(facts, out var ports)) _uplinkPorts[facts] = ports = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            ports[UplinkPortKey(vswitch, uplinkPort)] = name;
        }

        /// <summary>
        /// vNetwork: one row per VM network adapter, with the port group (Network) and its switch (Switch), which tell a
        /// standard and a distributed port group of one name apart. Templates are not running VMs and are passed over.
        /// </summary>
        void VirtualMachineAdapter(HostFacts facts, SourceLine source, Func<string[], string> get)
        {
            var name = get(new[] { "VM" });
            if (name == null) { ParseContext.Warn(_warnings, source, "the vNetwork row names no VM; it is skipped."); return; }
            if (Bool(get(new[] { "Template" })) == true) return;
            var vm = facts.VirtualMachine(get(new[] { "VM ID" }) ?? name, name, source);
            var adapter = new VMAdapterFacts(source)
            {
                Network = get(new[] { "Network" }),
                VirtualSwitch = get(new[] { "Switch" }),
                Connected = Bool(get(new[] { "Connected" })) ?? true,
            };
            var mac = get(new[] { "Mac Address", "MAC" });
            if (mac != null)
            {
                if (MacAddress.TryParse(mac, out var m)) adapter.Mac = m;
                else ParseContext.Warn(_warnings, source, $"'{Echo.Cut(mac)}' is not a MAC address; the adapter of {Echo.Cut(name)} is read without it.");
            }
            // VMware Tools report every address of the adapter: the first IPv4 one is kept (the model is IPv4).
            foreach (var ip in (get(new[] { "IPv4 Address", "IP Address" }) ?? "").Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                if (IPv4Address.TryParse(ip, out var address)) { adapter.IPAddress = address; break; }
            vm.Adapters.Add(adapter);
        }

        void DistributedSwitch(SourceLine source, Func<string[], string> get)
        {
            var name = get(new[] { "Switch", "Name" });
            var members = get(new[] { "Host members" });
            if (name == null || members == null)
            {
                ParseContext.Warn(_warnings, source, "the dvSwitch row names no Switch or no Host members; it is skipped.");
                return;
            }
            foreach (var host in members.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(h => h.Trim()).Where(h => h.Length > 0))
            {
                var vs = Host(host, source).VirtualSwitch(name, source);
                vs.Type = VirtualSwitchType.Distributed;
                vs.Mtu = Int(source, get(new[] { "Max MTU", "MTU" }), "Max MTU") ?? vs.Mtu;
            }
        }

        /// <summary>dvPort has one row per distributed port group and no Host: the group is on every host of its switch.</summary>
        void DistributedPortGroup(SourceLine source, Func<string[], string> get)
        {
            string name = get(new[] { "Port" }), vswitch = get(new[] { "Switch" });
            if (name == null || vswitch == null)
            {
                ParseContext.Warn(_warnings, source, "the dvPort row names no Port or no Switch; it is skipped.");
                return;
            }
            var active = UplinkList(get(new[] { "Active Uplink", "Active Uplinks" }));
            var standby = UplinkList(get(new[] { "Standby Uplink", "Standby Uplinks" }));
            var vlanText = get(new[] { "VLAN" });
            // The uplink port group holds the switch's uplinks, not VMs or VMkernel adapters, whatever it is named. It
            // is the one group that trunks every VLAN with no active and no standby uplink: any other distributed port
            // group needs at least one active uplink to carry traffic.
            if (active.Count == 0 && standby.Count == 0 && (vlanText == "0-4094" || vlanText == "1-4094")) return;
            var vlan = VLan(source, vlanText);
            foreach (var facts in _hosts.Values)
            {
                var vs = facts.VirtualSwitches.FirstOrDefault(v => string.Equals(v.Name, vswitch, StringComparison.OrdinalIgnoreCase));
                if (vs == null) continue;
                var pg = facts.PortGroup(vswitch, name, source);
                pg.VLanId = vlan ?? pg.VLanId;
                pg.Policy = Policy(source, get);
                if (active.Count == 0 && standby.Count == 0) continue;
                // Uplink ports are the switch's; the NICs behind them are each host's (vNIC's Uplink port). A port with no
                // NIC on this host carries nothing here; NICs in neither list are unused.
                _uplinkPorts.TryGetValue(facts, out var ports);
                List<string> Nics(List<string> uplinkNames) =>
                    uplinkNames.Select(u => ports != null && ports.TryGetValue(UplinkPortKey(vswitch, u), out var nic) ? nic : null).Where(n => n != null).ToList();
                pg.Policy.Active = Nics(active);
                pg.Policy.Standby = Nics(standby);
                pg.Policy.Unused = (vs.Uplinks ?? new List<string>()).Where(n => !pg.Policy.Active.Contains(n, StringComparer.OrdinalIgnoreCase)
                    && !pg.Policy.Standby.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
            }
        }

        /// <summary>dvPort's uplink columns: uplink port names, separated by commas.</summary>
        static List<string> UplinkList(string text) =>
            (text ?? "").Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(u => u.Trim()).Where(u => u.Length > 0).ToList();

        void Version(string host, SourceLine source, string text)
        {
            var m = EsxVersion.Match(text ?? "");
            if (!m.Success) { ParseContext.Warn(_warnings, source, $"ESX Version '{Echo.Cut(text)}' names no release; the host's version is not read."); return; }
            try
            {
                _versions[host] = HostVersion.Parse(Hypervisor.Esx, m.Value).Text;
            }
            catch (VirtNetException e) { ParseContext.Warn(_warnings, source, e.Message + " The host is taken to be ESXi 8.0."); }
        }

        /// <summary>A VLAN id; "0-4094" (a trunk of every VLAN on a distributed port group) is the model's 4095.</summary>
        int? VLan(SourceLine source, string text)
        {
            if (text == null) return null;
            if (Numbers.TryParse(text, out int vlan)) return vlan;
            if (text == "0-4094" || text == "1-4094") return Net.VLan.All;
            ParseContext.Warn(_warnings, source, $"VLAN '{Echo.Cut(text)}' is no single VLAN id; the port group is read with VLAN 0.");
            return null;
        }

        int? Int(SourceLine source, string text, string what)
        {
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int n)) return n;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d >= 0 && d <= int.MaxValue && Math.Floor(d) == d) return (int)d;
            ParseContext.Warn(_warnings, source, $"{what} '{Echo.Cut(text)}' is not a number; it is not read.");
            return null;
        }

        static bool? Bool(string text) =>
            text == null ? (bool?)null
            : text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;

        public List<VNHost> Build(string version)
        {
            var hosts = new List<VNHost>();
            // esx11.site-a.local and esx11.site-b.local are two hosts: where short names clash, hosts keep their full names.
            var shortNames = _hosts.Keys.GroupBy(HostBuilder.ShortName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            foreach (var pair in _hosts)
            {
                var hostVersion = version ?? (_versions.TryGetValue(pair.Key, out var v) ? v : null);
                var host = new HostBuilder(pair.Value, _warnings, _firstSeen[pair.Key]).Build(pair.Key, hostVersion, shortName: shortNames[HostBuilder.ShortName(pair.Key)] == 1);
                if (host != null) hosts.Add(host);
            }
            return hosts;
        }
    }
}
