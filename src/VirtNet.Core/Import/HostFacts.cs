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
        public PortGroupFacts(string name, SourceLine source) { Name = name; Source = source; }
        public string Name { get; }
        public SourceLine Source;
        public string VirtualSwitch;
        public int? VLanId;
        /// <summary>esxcfg-vswitch's per-port-group Uplinks column: the active uplinks (exports.md, sample _6).</summary>
        public List<string> ActiveHint;
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
        public int? DVPort;
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

    sealed class NicFacts
    {
        public NicFacts(string name) { Name = name; }
        public string Name { get; }
        public int? SpeedMbps;
        public MacAddress? Mac;
    }

    /// <summary>What the files say about one host. Everything is read first; the model is built from it afterwards.</summary>
    sealed class HostFacts
    {
        public readonly List<VSwitchFacts> VirtualSwitches = new List<VSwitchFacts>();
        public readonly List<PortGroupFacts> PortGroups = new List<PortGroupFacts>();
        public readonly List<AdapterFacts> Adapters = new List<AdapterFacts>();
        public readonly List<NicFacts> Nics = new List<NicFacts>();
        public readonly Dictionary<string, PolicyFacts> VirtualSwitchPolicies = new Dictionary<string, PolicyFacts>(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, PolicyFacts> PortGroupPolicies = new Dictionary<string, PolicyFacts>(StringComparer.OrdinalIgnoreCase);
        /// <summary>DVPort id to the distributed switch it is on, from esxcfg-vswitch's DVPort tables.</summary>
        public readonly Dictionary<int, string> DVPorts = new Dictionary<int, string>();
        public IPv4Address? DefaultGateway;
        public string DefaultGatewayInterface;
        public SourceLine DefaultGatewaySource;
        /// <summary>Host advanced settings by option path (/Net/TeamPolicyUpDelay), with the line each was read from.</summary>
        public readonly Dictionary<string, (string Value, SourceLine Source)> AdvancedSettings =
            new Dictionary<string, (string, SourceLine)>(StringComparer.OrdinalIgnoreCase);

        public VSwitchFacts VirtualSwitch(string name, SourceLine source)
        {
            var vs = VirtualSwitches.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
            if (vs == null) VirtualSwitches.Add(vs = new VSwitchFacts(name, source));
            return vs;
        }

        public PortGroupFacts PortGroup(string name, SourceLine source)
        {
            var pg = PortGroups.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (pg == null) PortGroups.Add(pg = new PortGroupFacts(name, source));
            return pg;
        }

        public AdapterFacts Adapter(string name, SourceLine source)
        {
            var a = Adapters.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (a == null) Adapters.Add(a = new AdapterFacts(name, source));
            return a;
        }

        public NicFacts Nic(string name)
        {
            var n = Nics.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (n == null) Nics.Add(n = new NicFacts(name));
            return n;
        }


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
                var pg = PortGroup(o.Name, o.Source);
                pg.VirtualSwitch = o.VirtualSwitch ?? pg.VirtualSwitch;
                pg.VLanId = o.VLanId ?? pg.VLanId;
                pg.ActiveHint = o.ActiveHint ?? pg.ActiveHint;
            }
            foreach (var o in other.Adapters)
            {
                var a = Adapter(o.Name, o.Source);
                if (o.PortGroup != null || o.DVPort != null) { a.PortGroup = o.PortGroup; a.DVPort = o.DVPort; }
                if (o.IPAddress != null || o.NoIPv4) { a.IPAddress = o.IPAddress; a.PrefixLength = o.PrefixLength; a.NoIPv4 = o.NoIPv4; a.Source = o.Source; }
                a.Mac = o.Mac ?? a.Mac;
                a.Mtu = o.Mtu ?? a.Mtu;
                a.Gateway = o.Gateway ?? a.Gateway;
                a.Purpose = o.Purpose ?? a.Purpose;
            }
            foreach (var o in other.Nics)
            {
                var n = Nic(o.Name);
                n.SpeedMbps = o.SpeedMbps ?? n.SpeedMbps;
                n.Mac = o.Mac ?? n.Mac;
            }
            foreach (var pair in other.VirtualSwitchPolicies) VirtualSwitchPolicies[pair.Key] = pair.Value;
            foreach (var pair in other.PortGroupPolicies) PortGroupPolicies[pair.Key] = pair.Value;
            foreach (var pair in other.DVPorts) DVPorts[pair.Key] = pair.Value;
            foreach (var pair in other.AdvancedSettings) AdvancedSettings[pair.Key] = pair.Value;
            if (other.DefaultGateway != null)
            {
                DefaultGateway = other.DefaultGateway;
                DefaultGatewayInterface = other.DefaultGatewayInterface;
                DefaultGatewaySource = other.DefaultGatewaySource;
            }
        }
    }
}
