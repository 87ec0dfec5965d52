using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.PowerCli
{
    /// <summary>
    /// One object as PowerCLI gives it, or as Import-Clixml, ConvertFrom-Json or Import-Csv give it back: its
    /// properties by name. Values are strings, booleans, numbers, lists of values, or null; a nested object
    /// (VMHost, VirtualSwitch) is given by its Name.
    /// </summary>
    public sealed class PowerCliObject
    {
        public PowerCliObject(string source, IReadOnlyDictionary<string, object> properties)
        {
            Source = source;
            Properties = new Dictionary<string, object>(properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Where the object came from, for warnings: "input object 3".</summary>
        public string Source { get; }
        public IReadOnlyDictionary<string, object> Properties { get; }
    }

    /// <summary>
    /// ConvertFrom-VNPowerCLI's core: PowerCLI's VirtualSwitch, VirtualPortGroup, NicTeamingPolicy and
    /// NicTeamingVirtualPortGroupPolicy, PhysicalNic and HostVMKernelVirtualNic objects (property names from the
    /// PowerCLI cmdlet reference), recognised by the properties they have, into hosts.
    /// </summary>
    public static class PowerCliImport
    {
        static readonly Regex Vmnic = new Regex(@"^vmnic[0-9]+$", RegexOptions.CultureInvariant);
        static readonly Regex Vmk = new Regex(@"^vmk[0-9]+$", RegexOptions.CultureInvariant);

        public static HostImportResult Convert(IReadOnlyList<PowerCliObject> objects, string hostName, string version)
        {
            var warnings = new List<ImportWarning>();
            var byHost = new Dictionary<string, HostFacts>(StringComparer.OrdinalIgnoreCase);
            var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var o in objects)
            {
                // Get-VMHost: the host itself, whose Version ("6.7.0") and Build ("8169922") say its release.
                if (IsVMHost(o))
                {
                    var hostVersion = Text(o, "Version") + " " + Text(o, "Build");
                    try { versions[hostName ?? Text(o, "Name")] = HostVersion.Parse(Hypervisor.Esx, hostVersion).Text; }
                    catch (VirtNetException e) { Warn(warnings, o, e.Message + " The host is taken to be ESXi 8.0."); }
                    if (!byHost.ContainsKey(hostName ?? Text(o, "Name"))) byHost[hostName ?? Text(o, "Name")] = new HostFacts();
                    continue;
                }
                var name = hostName ?? HostOf(o);
                if (name == null)
                {
                    Warn(warnings, o, "it does not say which host it is on (no VMHost or VMHostId property); give -HostName. It is skipped.");
                    continue;
                }
                if (!byHost.TryGetValue(name, out var facts)) byHost[name] = facts = new HostFacts();
                // ConvertTo-Json -Depth 4 keeps the VMHost object each network object names; its Version is the host's.
                if (!versions.ContainsKey(name) && Text(o, VMHostVersion) is string nested && HostVersion.TryParse(Hypervisor.Esx, nested, out var parsed))
                    versions[name] = parsed.Text;
                Read(o, facts, warnings);
            }
            var hosts = new List<VNHost>();
            foreach (var pair in byHost)
            {
                var host = new HostBuilder(pair.Value, warnings, new SourceLine("PowerCLI objects of " + pair.Key, 0))
                    .Build(pair.Key, version ?? (versions.TryGetValue(pair.Key, out var v) ? v : null));
                if (host != null) hosts.Add(host);
            }
            return new HostImportResult(hosts, warnings);
        }

        /// <summary>What ConvertFrom-VNPowerCLI keeps of an object's VMHost beyond its name: the host's Version and Build.</summary>
        public const string VMHostVersion = "VMHostVersion";

        static bool IsVMHost(PowerCliObject o) => Has(o, "Build") && Has(o, "Version") && Text(o, "Name") != null && !Has(o, "VMHost");

        static void Warn(List<ImportWarning> warnings, PowerCliObject o, string message) => warnings.Add(new ImportWarning(o.Source, 0, message));

        static string HostOf(PowerCliObject o)
        {
            var host = Text(o, "VMHost");
            if (!string.IsNullOrEmpty(host)) return host;
            // VMHostId is "HostSystem-host-10": the managed object id when the host's name was not exported.
            var id = Text(o, "VMHostId") ?? Text(o, "VmHostId");
            return string.IsNullOrEmpty(id) ? null : id;
        }

        static void Read(PowerCliObject o, HostFacts facts, List<ImportWarning> warnings)
        {
            var source = new SourceLine(o.Source, 0);
            var name = Text(o, "Name");
            if (Has(o, "ActiveNic") || Has(o, "ActiveNicJoin") || Has(o, "LoadBalancingPolicy")) Policy(o, facts, warnings, source);
            else if (Has(o, "VLanId") && name != null) PortGroup(o, facts, source, name);
            else if (Has(o, "Nic") && Has(o, "NumPorts") && name != null) VirtualSwitch(o, facts, warnings, source, name);
            else if (name != null && Vmk.IsMatch(name) && (Has(o, "IP") || Has(o, "PortGroupName"))) Adapter(o, facts, warnings, source, name);
            else if (name != null && Vmnic.IsMatch(name)) Nic(o, facts, warnings, name);
            else Warn(warnings, o, "it is none of VirtualSwitch, VirtualPortGroup, NicTeamingPolicy, NicTeamingVirtualPortGroupPolicy, PhysicalNic " +
                $"or HostVMKernelVirtualNic (properties: {string.Join(", ", o.Properties.Keys.Take(6))}); it is skipped.");
        }

        static void VirtualSwitch(PowerCliObject o, HostFacts facts, List<ImportWarning> warnings, SourceLine source, string name)
        {
            var vs = facts.VirtualSwitch(name, source);
            // Get-VirtualSwitch without -Standard also returns distributed switches (PowerCLI reference): they have a Vendor.
            vs.Type = Has(o, "Vendor") || Has(o, "NumUplinkPorts") ? VirtualSwitchType.Distributed : VirtualSwitchType.Standard;
            if (Int(o, "NumPorts") is int ports && ports > 0) vs.ConfiguredPorts = ports;
            if (Int(o, "Mtu") is int mtu && mtu > 0) vs.Mtu = mtu;
            vs.Uplinks = List(o, "Nic", warnings) ?? new List<string>();
        }

        static void PortGroup(PowerCliObject o, HostFacts facts, SourceLine source, string name)
        {
            var pg = facts.PortGroup(Text(o, "VirtualSwitchName") ?? Text(o, "VirtualSwitch"), name, source);
            pg.VLanId = Int(o, "VLanId") ?? pg.VLanId;
        }

        static void Policy(PowerCliObject o, HostFacts facts, List<ImportWarning> warnings, SourceLine source)
        {
            var policy = new PolicyFacts(source);
            var balancing = Text(o, "LoadBalancingPolicy");
            if (balancing != null)
            {
                policy.LoadBalancing = TeamingNames.LoadBalancing(balancing);
                if (policy.LoadBalancing == null)
                    Warn(warnings, o, $"LoadBalancingPolicy '{Echo.Cut(balancing)}' is no policy name (a number is what ConvertTo-Json makes of an enum " +
                        "in Windows PowerShell: use -EnumsAsStrings, or Export-Clixml); the load balancing is not read.");
            }
            var detection = Text(o, "NetworkFailoverDetectionPolicy");
            if (detection == "LinkStatus" || detection == "link") policy.Detection = NetworkFailoverDetectionPolicy.LinkStatus;
            else if (detection == "BeaconProbing" || detection == "beacon") policy.Detection = NetworkFailoverDetectionPolicy.BeaconProbing;
            else if (Bool(o, "CheckBeacon") is bool beacon) policy.Detection = beacon ? NetworkFailoverDetectionPolicy.BeaconProbing : NetworkFailoverDetectionPolicy.LinkStatus;
            policy.NotifySwitches = Bool(o, "NotifySwitches");
            // The vSphere API's rollingOrder is the inverse of Failback (vSphere API reference, VMwareUplinkPortOrderPolicy;
            // ansible-collections/community.vmware #1431): an exporter that kept the raw field says RollingOrder.
            policy.Failback = Bool(o, "FailbackEnabled") ?? (Bool(o, "RollingOrder") is bool rolling ? !rolling : (bool?)null);
            policy.Active = List(o, "ActiveNic", warnings);
            policy.Standby = List(o, "StandbyNic", warnings);
            policy.Unused = List(o, "UnusedNic", warnings);
            var portGroup = Text(o, "VirtualPortGroup") ?? KeyName(Text(o, "VirtualPortGroupId"), "key-vim.host.PortGroup-");
            if (portGroup != null || Has(o, "IsFailoverOrderInherited"))
            {
                if (portGroup == null)
                {
                    Warn(warnings, o, "a port group's teaming policy that does not name its port group (VirtualPortGroup) is skipped.");
                    return;
                }
                bool? Overrides(string key) => Bool(o, key) is bool inherited ? !inherited : (bool?)null;
                policy.OverrideLoadBalancing = Overrides("IsLoadBalancingInherited");
                policy.OverrideDetection = Overrides("IsNetworkFailoverDetectionInherited") ?? Overrides("IsCheckBeaconInherited");
                policy.OverrideNotify = Overrides("IsNotifySwitchesInherited");
                policy.OverrideFailback = Overrides("IsFailbackInherited");
                policy.OverrideUplinks = Overrides("IsFailoverOrderInherited");
                // NicTeamingVirtualPortGroupPolicy names no switch: it is a standard port group's, unique on its host.
                facts.PortGroup(null, portGroup, source).Policy = policy;
                return;
            }
            var vswitch = Text(o, "VirtualSwitch") ?? Text(o, "VirtualSwitchName") ?? KeyName(Text(o, "VirtualSwitchId"), "key-vim.host.VirtualSwitch-")
                ?? KeyName(Text(o, "Uid"), "VirtualSwitch=key-vim.host.VirtualSwitch-");
            if (vswitch == null)
            {
                Warn(warnings, o, "a teaming policy that names neither its vSwitch (VirtualSwitch) nor its port group (VirtualPortGroup) is skipped.");
                return;
            }
            facts.VirtualSwitchPolicies[vswitch] = policy;
        }

        static void Adapter(PowerCliObject o, HostFacts facts, List<ImportWarning> warnings, SourceLine source, string name)
        {
            var adapter = facts.Adapter(name, source);
            adapter.PortGroup = Text(o, "PortGroupName") ?? adapter.PortGroup;
            var ip = Text(o, "IP");
            var mask = Text(o, "SubnetMask");
            if (!string.IsNullOrEmpty(ip))
            {
                try
                {
                    var (address, prefix) = VNVMKernelAdapter.ParseAddress(ip, mask);
                    adapter.IPAddress = address;
                    adapter.PrefixLength = prefix;
                }
                catch (VirtNetException e)
                {
                    Warn(warnings, o, $"{name}: {e.Message} It is read without its address.");
                }
            }
            var mac = Text(o, "Mac");
            if (mac != null && MacAddress.TryParse(mac, out var m)) adapter.Mac = m;
            if (Int(o, "Mtu") is int mtu && mtu > 0) adapter.Mtu = mtu;
            var purpose = new List<AdapterPurpose>();
            if (Bool(o, "ManagementTrafficEnabled") == true) purpose.Add(AdapterPurpose.Management);
            if (Bool(o, "VMotionEnabled") == true) purpose.Add(AdapterPurpose.VMotion);
            if (Bool(o, "FaultToleranceLoggingEnabled") == true) purpose.Add(AdapterPurpose.FaultTolerance);
            if (Bool(o, "VsanTrafficEnabled") == true) purpose.Add(AdapterPurpose.Storage);
            if (purpose.Count > 0) adapter.Purpose = purpose;
        }

        static void Nic(PowerCliObject o, HostFacts facts, List<ImportWarning> warnings, string name)
        {
            var nic = facts.Nic(name, new SourceLine(o.Source, 0));
            // PhysicalNic.BitRatePerSec is in Mbps despite its name; Get-EsxCli's nic list says Speed.
            var speed = Int(o, "BitRatePerSec") ?? Int(o, "Speed");
            if (speed is int mbps && mbps > 0) nic.SpeedMbps = mbps;
            var mac = Text(o, "Mac") ?? Text(o, "MACAddress");
            if (mac == null) return;
            if (MacAddress.TryParse(mac, out var m)) nic.Mac = m;
            else Warn(warnings, o, $"'{Echo.Cut(mac)}' is not a MAC address (masked?); {name} is read without it.");
        }

        static bool Has(PowerCliObject o, string key) => o.Properties.ContainsKey(key);

        static string Text(PowerCliObject o, string key)
        {
            if (!o.Properties.TryGetValue(key, out var value) || value == null) return null;
            var text = System.Convert.ToString(value, CultureInfo.InvariantCulture).Trim();
            return text.Length == 0 ? null : text;
        }

        static int? Int(PowerCliObject o, string key)
        {
            if (!o.Properties.TryGetValue(key, out var value) || value == null) return null;
            switch (value)
            {
                case int i: return i;
                case long l when l >= int.MinValue && l <= int.MaxValue: return (int)l;
                case double d when d >= int.MinValue && d <= int.MaxValue && Math.Floor(d) == d: return (int)d;
                case string s when Numbers.TryParse(s.Trim(), out int n): return n;
                default: return null;
            }
        }

        static bool? Bool(PowerCliObject o, string key)
        {
            if (!o.Properties.TryGetValue(key, out var value) || value == null) return null;
            if (value is bool b) return b;
            var text = System.Convert.ToString(value, CultureInfo.InvariantCulture).Trim();
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }

        /// <summary>
        /// A list of NIC names: a real list (PowerCLI, Import-Clixml, ConvertFrom-Json), a joined string from a CSV's
        /// *Join column, or "System.String[]", which is what Export-Csv writes for a list and which has lost it.
        /// </summary>
        static List<string> List(PowerCliObject o, string key, List<ImportWarning> warnings)
        {
            o.Properties.TryGetValue(key, out var value);
            if (value is System.Collections.IEnumerable items && !(value is string))
                return items.Cast<object>().Where(i => i != null).Select(i => System.Convert.ToString(i, CultureInfo.InvariantCulture).Trim()).Where(i => i.Length > 0).ToList();
            var text = value as string ?? Text(o, key + "Join");
            if (value is string s && s.StartsWith("System.", StringComparison.Ordinal) && s.EndsWith("[]", StringComparison.Ordinal))
            {
                text = Text(o, key + "Join");
                if (text == null)
                {
                    Warn(warnings, o, $"{key} is '{Echo.Cut(s)}': Export-Csv wrote the type of the list instead of its items. " +
                        $"Export a joined column ({key}Join = $_.{key} -join ','), or use Export-Clixml; {key} is not read.");
                    return null;
                }
            }
            if (text == null) return value == null && !Has(o, key) && !Has(o, key + "Join") ? null : new List<string>();
            return text.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        /// <summary>"key-vim.host.PortGroup-VM Network" gives "VM Network".</summary>
        static string KeyName(string key, string prefix)
        {
            if (key == null) return null;
            int at = key.IndexOf(prefix, StringComparison.Ordinal);
            if (at < 0) return null;
            var rest = key.Substring(at + prefix.Length);
            int end = rest.IndexOf('/');
            return end >= 0 ? rest.Substring(0, end) : rest;
        }
    }
}
