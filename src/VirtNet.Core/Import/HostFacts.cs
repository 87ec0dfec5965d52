using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Import
{
    sealed class VSwitchFacts
    {
        public VSwitchFacts(string name, SourceLine source) { Name = name; Source = source; }
        public string Name { get; }
        public SourceLine Source;
        public VirtualSwitchType? Type;
        /// <summary>Configured Ports: what the admin set, as opposed to Num Ports, which counts internal ports too.</summary>
        public int? ConfiguredPorts;
        public int? Mtu;
        public List<string> Uplinks;
        /// <summary>esxcli's Portgroups list, split on ", " (a name with a comma in it is rejoined at build time).</summary>
        public List<string> PortGroupPieces;
        public SourceLine PortGroupsSource;
    }

    sealed class PortGroupFacts
    {
        public PortGroupFacts(string virtualSwitch, string name, SourceLine source) { VirtualSwitch = virtualSwitch; Name = name; Source = source; }
        public string Name { get; }
        /// <summary>Null while no file has said which switch the port group is on; set once, through <see cref="HostFacts.PortGroup"/>.</summary>
        public string VirtualSwitch { get; internal set; }
        public SourceLine Source;
        public int? VLanId;
        /// <summary>esxcfg-vswitch's per-port-group Uplinks column: the active uplinks (as published iSCSI port-binding outputs show).</summary>
        public List<string> ActiveHint;
        /// <summary>The port group's teaming policy as an export states it; null when none does.</summary>
        public PolicyFacts Policy;
    }

    sealed class PolicyFacts
    {
        public PolicyFacts(SourceLine source) { Source = source; }
        public SourceLine Source { get; }
        public LoadBalancingPolicy? LoadBalancing;
        public NetworkFailoverDetectionPolicy? Detection;
        public bool? NotifySwitches, Failback;
        public List<string> Active, Standby, Unused;
        /// <summary>portgroup policy failover get: "Override Vswitch ..." lines, by field; null when not printed.</summary>
        public bool? OverrideLoadBalancing, OverrideDetection, OverrideNotify, OverrideFailback, OverrideUplinks;
    }

    sealed class AdapterFacts
    {
        public AdapterFacts(string name, SourceLine source) { Name = name; Source = source; }
        public string Name { get; }
        public SourceLine Source;
        public string PortGroup;
        /// <summary>
        /// The file names only standard port groups (esxcfg-vmknic and esxcli show a distributed switch's adapter as a
        /// DVPort), so a distributed port group of the same name is not meant. RVTools and PowerCLI name both kinds.
        /// </summary>
        public bool PortGroupIsStandard;
        public int? DVPort;
        /// <summary>The distributed switch of <see cref="DVPort"/> (esxcli's VDS Name); null when the file does not say.</summary>
        public string DVSwitch;
        /// <summary>The NSX opaque network the adapter is on (esxcfg-vmknic's Opaque Network column, esxcli's Opaque Network ID).</summary>
        public string OpaqueNetwork;
        /// <summary>The TCP/IP stack instance (NetStack, Netstack Instance); null when the file does not say.</summary>
        public string NetStack;
        public IPv4Address? IPAddress;
        public int? PrefixLength;
        /// <summary>The IPv4 columns say N/A: the adapter has no IPv4 address.</summary>
        public bool NoIPv4;
        public MacAddress? Mac;
        public int? Mtu;
        public IPv4Address? Gateway;
        /// <summary>What the adapter is enabled for (PowerCLI's ManagementTrafficEnabled ...); null: the default for its name.</summary>
        public List<AdapterPurpose> Purpose;
    }

    /// <summary>A VM and its network adapters in row order, from RVTools' vNetwork tab.</summary>
    sealed class VirtualMachineFacts
    {
        public VirtualMachineFacts(string name, SourceLine source) { Name = name; Source = source; }
        public string Name { get; }
        public SourceLine Source { get; }
        public List<VMAdapterFacts> Adapters { get; } = new List<VMAdapterFacts>();
    }

    sealed class VMAdapterFacts
    {
        public VMAdapterFacts(SourceLine source) { Source = source; }
        public SourceLine Source { get; }
        /// <summary>The port group's name (vNetwork's Network) and its switch (Switch); null when the row gives none.</summary>
        public string Network, VirtualSwitch;
        public bool Connected = true;
        public MacAddress? Mac;
        public IPv4Address? IPAddress;
    }

    /// <summary>A port of a distributed switch, from esxcfg-vswitch's DVPort table or esxcli's vswitch dvs vmware list.</summary>
    sealed class DVPortFacts
    {
        public DVPortFacts(string virtualSwitch, int id) { VirtualSwitch = virtualSwitch; Id = id; }
        public string VirtualSwitch { get; }
        public int Id { get; }
        /// <summary>The key of the distributed port group the port belongs to (DVPortgroup ID: dvportgroup-102); null when not given.</summary>
        public string PortGroupKey;
    }

    sealed class NicFacts
    {
        public NicFacts(string name, SourceLine source) { Name = name; Source = source; }
        public string Name { get; }
        public SourceLine Source;
        public int? SpeedMbps;
        public MacAddress? Mac;
        public NicLinkStatus? Link;
    }

    /// <summary>
    /// What the files say about one host. Everything is read first; the model is built from it afterwards. Each kind
    /// of fact is indexed by its identity, so that reading stays linear in the size of the exports: switches, adapters
    /// and NICs by name, port groups by switch and name (a standard and a distributed port group may share a name).
    /// </summary>
    sealed class HostFacts
    {
        public readonly List<VSwitchFacts> VirtualSwitches = new List<VSwitchFacts>();
        public readonly List<PortGroupFacts> PortGroups = new List<PortGroupFacts>();
        public readonly List<AdapterFacts> Adapters = new List<AdapterFacts>();
        public readonly List<NicFacts> Nics = new List<NicFacts>();
        public readonly List<VirtualMachineFacts> VirtualMachines = new List<VirtualMachineFacts>();
        public readonly Dictionary<string, PolicyFacts> VirtualSwitchPolicies = new Dictionary<string, PolicyFacts>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Ports of distributed switches, by switch and port id (each switch numbers its ports from 0).</summary>
        public readonly List<DVPortFacts> DVPorts = new List<DVPortFacts>();
        public IPv4Address? DefaultGateway;
        public string DefaultGatewayInterface;
        public SourceLine DefaultGatewaySource;
        /// <summary>Host advanced settings by option path (/Net/TeamPolicyUpDelay), with the line each was read from.</summary>
        public readonly Dictionary<string, (string Value, SourceLine Source)> AdvancedSettings =
            new Dictionary<string, (string, SourceLine)>(StringComparer.OrdinalIgnoreCase);

        readonly Dictionary<string, VSwitchFacts> _switches = new Dictionary<string, VSwitchFacts>(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, AdapterFacts> _adapters = new Dictionary<string, AdapterFacts>(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, NicFacts> _nics = new Dictionary<string, NicFacts>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Port groups by switch and name; a port group no file has put on a switch yet is under the empty switch name.</summary>
        readonly Dictionary<(string, string), PortGroupFacts> _portGroups = new Dictionary<(string, string), PortGroupFacts>(IdentityComparer.Instance);
        /// <summary>The first port group seen with each name, for files that name a port group without its switch.</summary>
        readonly Dictionary<string, PortGroupFacts> _firstByName = new Dictionary<string, PortGroupFacts>(StringComparer.OrdinalIgnoreCase);

        // Keys are tuples, not joined strings: reading a port group allocates no key.
        static (string, string) Key(string vswitch, string name) => (vswitch ?? "", name);

        public VSwitchFacts VirtualSwitch(string name, SourceLine source)
        {
            if (!_switches.TryGetValue(name, out var vs))
            {
                _switches[name] = vs = new VSwitchFacts(name, source);
                VirtualSwitches.Add(vs);
            }
            return vs;
        }

        /// <summary>
        /// The port group named <paramref name="name"/> on <paramref name="vswitch"/>. Without a switch (a policy or an
        /// adapter that names only its port group): the first port group of that name, or a new one whose switch a
        /// later file may give.
        /// </summary>
        public PortGroupFacts PortGroup(string vswitch, string name, SourceLine source)
        {
            if (vswitch == null)
            {
                if (_firstByName.TryGetValue(name, out var any)) return any;
            }
            else
            {
                if (_portGroups.TryGetValue(Key(vswitch, name), out var pg)) return pg;
                if (_portGroups.TryGetValue(Key(null, name), out var unplaced))
                {
                    _portGroups.Remove(Key(null, name));
                    unplaced.VirtualSwitch = vswitch;
                    _portGroups[Key(vswitch, name)] = unplaced;
                    return unplaced;
                }
            }
            var created = new PortGroupFacts(vswitch, name, source);
            _portGroups[Key(vswitch, name)] = created;
            if (!_firstByName.ContainsKey(name)) _firstByName[name] = created;
            PortGroups.Add(created);
            return created;
        }

        /// <summary>Whether any file names a port group of this name, on any switch.</summary>
        public bool HasPortGroup(string name) => _firstByName.ContainsKey(name);

        public AdapterFacts Adapter(string name, SourceLine source)
        {
            if (!_adapters.TryGetValue(name, out var a))
            {
                _adapters[name] = a = new AdapterFacts(name, source);
                Adapters.Add(a);
            }
            return a;
        }

        public NicFacts Nic(string name, SourceLine source)
        {
            if (!_nics.TryGetValue(name, out var n))
            {
                _nics[name] = n = new NicFacts(name, source);
                Nics.Add(n);
            }
            return n;
        }

        readonly Dictionary<(string, int), DVPortFacts> _dvPorts = new Dictionary<(string, int), DVPortFacts>(IdentityComparer.Instance);

        static (string, int) DVPortKey(string vswitch, int id) => (vswitch ?? "", id);

        public DVPortFacts DVPort(string vswitch, int id)
        {
            var key = DVPortKey(vswitch, id);
            if (!_dvPorts.TryGetValue(key, out var port))
            {
                _dvPorts[key] = port = new DVPortFacts(vswitch, id);
                DVPorts.Add(port);
            }
            return port;
        }

        /// <summary>The port <paramref name="id"/> of the switch named, or, without one, of any distributed switch (several: the first, and <paramref name="others"/> is set).</summary>
        public DVPortFacts FindDVPort(string vswitch, int id, out bool others)
        {
            others = false;
            if (vswitch != null)
                return _dvPorts.TryGetValue(DVPortKey(vswitch, id), out var port) ? port : null;
            DVPortFacts found = null;
            foreach (var vs in VirtualSwitches)
            {
                if (!_dvPorts.TryGetValue(DVPortKey(vs.Name, id), out var port)) continue;
                if (found == null) found = port;
                else others = true;
            }
            return found;
        }

        readonly Dictionary<string, VirtualMachineFacts> _virtualMachines = new Dictionary<string, VirtualMachineFacts>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The VM known by <paramref name="id"/> (vCenter's VM ID where the export has it, else its name), made on first sight.</summary>
        public VirtualMachineFacts VirtualMachine(string id, string name, SourceLine source)
        {
            if (!_virtualMachines.TryGetValue(id, out var vm))
            {
                _virtualMachines[id] = vm = new VirtualMachineFacts(name, source);
                VirtualMachines.Add(vm);
            }
            return vm;
        }

        public NicFacts FindNic(string name) => _nics.TryGetValue(name, out var n) ? n : null;

        /// <summary>Adds what another file says; where both say something, the other (later) file wins.</summary>
        public void Merge(HostFacts other)
        {
            foreach (var o in other.VirtualSwitches)
            {
                var vs = VirtualSwitch(o.Name, o.Source);
                vs.Type = o.Type ?? vs.Type;
                vs.ConfiguredPorts = o.ConfiguredPorts ?? vs.ConfiguredPorts;
                vs.Mtu = o.Mtu ?? vs.Mtu;
                vs.Uplinks = o.Uplinks ?? vs.Uplinks;
                if (o.PortGroupPieces != null) { vs.PortGroupPieces = o.PortGroupPieces; vs.PortGroupsSource = o.PortGroupsSource; }
            }
            foreach (var o in other.PortGroups)
            {
                var pg = PortGroup(o.VirtualSwitch, o.Name, o.Source);
                pg.VLanId = o.VLanId ?? pg.VLanId;
                pg.ActiveHint = o.ActiveHint ?? pg.ActiveHint;
                pg.Policy = o.Policy ?? pg.Policy;
            }
            foreach (var o in other.Adapters)
            {
                var a = Adapter(o.Name, o.Source);
                if (o.PortGroup != null || o.DVPort != null || o.OpaqueNetwork != null)
                {
                    // A file that gives the DVPort without its switch keeps the switch another file gave for that port.
                    a.DVSwitch = o.DVSwitch ?? (o.DVPort == a.DVPort ? a.DVSwitch : null);
                    a.PortGroup = o.PortGroup;
                    a.PortGroupIsStandard = o.PortGroupIsStandard;
                    a.DVPort = o.DVPort;
                    a.OpaqueNetwork = o.OpaqueNetwork;
                }
                a.NetStack = o.NetStack ?? a.NetStack;
                if (o.IPAddress != null || o.NoIPv4) { a.IPAddress = o.IPAddress; a.PrefixLength = o.PrefixLength; a.NoIPv4 = o.NoIPv4; a.Source = o.Source; }
                a.Mac = o.Mac ?? a.Mac;
                a.Mtu = o.Mtu ?? a.Mtu;
                a.Gateway = o.Gateway ?? a.Gateway;
                a.Purpose = o.Purpose ?? a.Purpose;
            }
            foreach (var o in other.Nics)
            {
                var n = Nic(o.Name, o.Source);
                n.SpeedMbps = o.SpeedMbps ?? n.SpeedMbps;
                n.Mac = o.Mac ?? n.Mac;
                n.Link = o.Link ?? n.Link;
            }
            foreach (var o in other._virtualMachines)
                if (!_virtualMachines.ContainsKey(o.Key)) { _virtualMachines[o.Key] = o.Value; VirtualMachines.Add(o.Value); }
            foreach (var pair in other.VirtualSwitchPolicies) VirtualSwitchPolicies[pair.Key] = pair.Value;
            foreach (var o in other.DVPorts)
            {
                var port = DVPort(o.VirtualSwitch, o.Id);
                port.PortGroupKey = o.PortGroupKey ?? port.PortGroupKey;
            }
            foreach (var pair in other.AdvancedSettings) AdvancedSettings[pair.Key] = pair.Value;
            if (other.DefaultGateway != null)
            {
                DefaultGateway = other.DefaultGateway;
                DefaultGatewayInterface = other.DefaultGatewayInterface;
                DefaultGatewaySource = other.DefaultGatewaySource;
            }
        }
    }

    /// <summary>Compares a (switch, name) or (switch, port id) identity as the model compares names: without regard to case.</summary>
    sealed class IdentityComparer : IEqualityComparer<(string, string)>, IEqualityComparer<(string, int)>
    {
        public static readonly IdentityComparer Instance = new IdentityComparer();
        static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

        public bool Equals((string, string) x, (string, string) y) => Names.Equals(x.Item1, y.Item1) && Names.Equals(x.Item2, y.Item2);
        public int GetHashCode((string, string) key) => Names.GetHashCode(key.Item1) * 31 + Names.GetHashCode(key.Item2);
        public bool Equals((string, int) x, (string, int) y) => Names.Equals(x.Item1, y.Item1) && x.Item2 == y.Item2;
        public int GetHashCode((string, int) key) => Names.GetHashCode(key.Item1) * 31 + key.Item2;
    }
}
