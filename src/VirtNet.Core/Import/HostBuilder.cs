using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Import
{
    /// <summary>
    /// Builds a host from what the exports say about it. Each model call is checked by the model's own rules; a
    /// refusal is a warning naming the file and line the refused fact came from, and the rest is still built.
    /// </summary>
    sealed class HostBuilder
    {
        readonly HostFacts _facts;
        readonly List<ImportWarning> _warnings;
        readonly SourceLine _origin;
        VNHost _host;
        /// <summary>The model's port group for each port group of the facts.</summary>
        readonly Dictionary<PortGroupFacts, VNPortGroup> _portGroups = new Dictionary<PortGroupFacts, VNPortGroup>();

        public HostBuilder(HostFacts facts, List<ImportWarning> warnings, SourceLine origin)
        {
            _facts = facts;
            _warnings = warnings;
            _origin = origin;
        }

        void Warn(SourceLine source, string message) => ParseContext.Warn(_warnings, source, message);

        bool Try(SourceLine source, string what, Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (VirtNetException e)
            {
                Warn(source, $"{what}: {e.Message}");
                return false;
            }
        }

        /// <summary>A host's short name: esx01 for esx01.lab.local; an IP address stays whole.</summary>
        public static string ShortName(string name) =>
            IPv4Address.TryParse(name, out _) || name.IndexOf('.') <= 0 ? name : name.Substring(0, name.IndexOf('.'));

        /// <param name="shortName">Name the host by its short name, keeping an FQDN as its Fqdn; false when another host has the same short name.</param>
        public VNHost Build(string name, string version, bool shortName = true)
        {
            // Without a version, a Service Console says ESX classic (retired after 4.1); anything else is taken as current.
            version = version ?? (_facts.Adapters.Any(a => a.Name.StartsWith("vswif", StringComparison.OrdinalIgnoreCase)) ? "4.1" : null);
            string fqdn = null;
            if (ShortName(name) != name)
            {
                fqdn = name;
                if (shortName) name = ShortName(name);
            }
            if (!Try(_origin, $"host '{Echo.Cut(name)}' is not imported", () => _host = new VNHost(name, Hypervisor.Esx, version)))
                return null;
            _host.Fqdn = fqdn;
            if (IPv4Address.TryParse(name, out var ip)) _host.IPAddress = ip;
            foreach (var vs in _facts.VirtualSwitches) AddVirtualSwitch(vs);
            // NICs no switch uses are the host's too: kept with their speed, MAC address and link.
            foreach (var nic in _facts.Nics)
                if (_host.FindUplink(nic.Name) == null)
                    Try(nic.Source, $"physical NIC '{Echo.Cut(nic.Name)}' is not imported", () => _host.AddUnusedNic(nic.Name, nic.SpeedMbps, nic.Mac, nic.Link));
            AddPortGroupsFromLists();
            foreach (var pg in _facts.PortGroups) AddPortGroup(pg);
            foreach (var pair in _facts.VirtualSwitchPolicies) ApplyVirtualSwitchPolicy(pair.Key, pair.Value);
            foreach (var pg in _facts.PortGroups) ApplyPortGroupTeaming(pg);
            foreach (var adapter in _facts.Adapters) AddAdapter(adapter);
            foreach (var vm in _facts.VirtualMachines) AddVirtualMachine(vm);
            foreach (var setting in _facts.AdvancedSettings)
                Try(setting.Value.Source, $"advanced setting {setting.Key} = '{setting.Value.Value}' is not imported",
                    () => _host.SetAdvancedSetting(setting.Key, setting.Value.Value));
            if (_host.IPAddress == null)
                _host.IPAddress = _host.VMKernelAdapters.Where(a => a.IsManagement).Select(a => a.IPAddress).FirstOrDefault();
            return _host;
        }

        void AddVirtualSwitch(VSwitchFacts vs)
        {
            var type = vs.Type ?? VirtualSwitchType.Standard;
            int? numPorts = vs.ConfiguredPorts;
            // ESX 3.x to 4.0 show the configured count with its 8 reserved ports (64 for 56 usable; Mastering VMware VI3).
            if (numPorts.HasValue && !_host.VersionInfo.IsAtLeast(4, 1) && VNVirtualSwitch.LegacyUsablePortCounts.Contains(numPorts.Value - 8))
                numPorts -= 8;
            int? mtu = vs.Mtu;
            VNVirtualSwitch vswitch = null;
            // A port count or MTU the model refuses costs only that value: the switch is imported with the other one.
            while (vswitch == null)
            {
                try { vswitch = _host.AddVirtualSwitch(vs.Name, type, numPorts, mtu); }
                catch (VirtNetException e) when (e.ErrorId == ErrorIds.InvalidNumPorts && numPorts != null)
                {
                    Warn(vs.Source, $"virtual switch '{Echo.Cut(vs.Name)}': {e.Message} It is imported with the default port count.");
                    numPorts = null;
                }
                catch (VirtNetException e) when (e.ErrorId == ErrorIds.InvalidMtu && mtu != null)
                {
                    Warn(vs.Source, $"virtual switch '{Echo.Cut(vs.Name)}': {e.Message} It is imported with MTU 1500.");
                    mtu = null;
                }
                catch (VirtNetException e)
                {
                    Warn(vs.Source, $"virtual switch '{Echo.Cut(vs.Name)}' is not imported: {e.Message}");
                    return;
                }
            }
            foreach (var uplink in vs.Uplinks ?? new List<string>())
            {
                var nic = _facts.FindNic(uplink);
                Try(vs.Source, $"uplink '{Echo.Cut(uplink)}' of '{vswitch.Path}' is not added",
                    () => vswitch.AddUplink(uplink, nic?.SpeedMbps ?? 1000, nic?.Mac));
            }
        }

        /// <summary>
        /// esxcli vswitch standard list names port groups split by ", ", which is ambiguous for a name holding ", ":
        /// pieces that together make a port group another file names are put back together.
        /// </summary>
        void AddPortGroupsFromLists()
        {
            var known = new HashSet<string>(_facts.PortGroups.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            // Pieces are joined only as far as names that exist, so a run of pieces is looked up at most maxPieces long.
            int maxPieces = 1 + _facts.PortGroups.Select(p => p.Name.Split(new[] { ", " }, StringSplitOptions.None).Length - 1).DefaultIfEmpty(0).Max();
            foreach (var vs in _facts.VirtualSwitches.Where(v => v.PortGroupPieces != null))
            {
                var pieces = vs.PortGroupPieces;
                for (int i = 0; i < pieces.Count; i++)
                {
                    int take = 1;
                    for (int k = Math.Min(maxPieces, pieces.Count - i); k > 1; k--)
                        if (known.Contains(string.Join(", ", pieces.GetRange(i, k)))) { take = k; break; }
                    var name = string.Join(", ", pieces.GetRange(i, take));
                    i += take - 1;
                    // A port group another file puts on a switch stays there; one only named so far goes on this one.
                    var pg = _facts.PortGroup(null, name, vs.PortGroupsSource);
                    if (pg.VirtualSwitch == null) _facts.PortGroup(vs.Name, name, vs.PortGroupsSource);
                }
            }
        }

        void AddPortGroup(PortGroupFacts pg)
        {
            if (pg.VirtualSwitch == null)
            {
                Warn(pg.Source, $"no file says which virtual switch port group '{pg.Name}' is on; it is not imported.");
                return;
            }
            var vswitch = Names.Find(_host.VirtualSwitches, v => v.Name, pg.VirtualSwitch);
            if (vswitch == null)
            {
                Warn(pg.Source, $"port group '{pg.Name}' is on virtual switch '{pg.VirtualSwitch}', which no file describes; it is not imported.");
                return;
            }
            Try(pg.Source, $"port group '{Echo.Cut(pg.Name)}' is not imported", () => _portGroups[pg] = vswitch.AddPortGroup(pg.Name, pg.VLanId ?? 0));
        }

        void ApplyVirtualSwitchPolicy(string name, PolicyFacts policy)
        {
            var vswitch = Names.Find(_host.VirtualSwitches, v => v.Name, name);
            if (vswitch == null)
            {
                Warn(policy.Source, $"the failover policy is for virtual switch '{Echo.Cut(name)}', which no file describes; it is not imported.");
                return;
            }
            Apply(vswitch, null, policy, policy.LoadBalancing, policy.Detection, policy.NotifySwitches, policy.Failback, policy.Active != null || policy.Standby != null || policy.Unused != null);
        }

        void ApplyPortGroupTeaming(PortGroupFacts facts)
        {
            // Most port groups state no policy: the switch's policy is only worked out for those that do.
            if (!_portGroups.TryGetValue(facts, out var portGroup) || (facts.Policy == null && facts.ActiveHint == null)) return;
            var sw = portGroup.VirtualSwitch.TeamingPolicy;
            if (facts.Policy is PolicyFacts policy)
            {
                // Without "Override Vswitch ..." lines, a value that differs from the vSwitch's can only be an override.
                bool Overrides<T>(bool? said, T? value, T inherited) where T : struct => said ?? (value.HasValue && !value.Value.Equals(inherited));
                bool orderDiffers = !Same(policy.Active, sw.ActiveNic) || !Same(policy.Standby, sw.StandbyNic) || !Same(policy.Unused, sw.UnusedNic);
                Apply(portGroup.VirtualSwitch, portGroup, policy,
                    Overrides(policy.OverrideLoadBalancing, policy.LoadBalancing, sw.LoadBalancingPolicy) ? policy.LoadBalancing : null,
                    Overrides(policy.OverrideDetection, policy.Detection, sw.NetworkFailoverDetectionPolicy) ? policy.Detection : null,
                    Overrides(policy.OverrideNotify, policy.NotifySwitches, sw.NotifySwitches) ? policy.NotifySwitches : null,
                    Overrides(policy.OverrideFailback, policy.Failback, sw.FailbackEnabled) ? policy.Failback : null,
                    policy.OverrideUplinks ?? orderDiffers);
                return;
            }
            // esxcfg-vswitch's only teaming hint: a port group listing other uplinks than its vSwitch uses (active,
            // then standby) overrides the failover order with those as active. A published iSCSI port-binding output
            // has one active uplink per port group and the others unused, which is what port binding requires.
            if (facts.ActiveHint == null || Same(facts.ActiveHint, sw.ActiveNic.Concat(sw.StandbyNic).ToArray())) return;
            var hint = new PolicyFacts(facts.Source)
            {
                Active = facts.ActiveHint,
                Standby = new List<string>(),
                Unused = portGroup.VirtualSwitch.Nic.Where(n => !facts.ActiveHint.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList(),
            };
            Apply(portGroup.VirtualSwitch, portGroup, hint, null, null, null, null, true);
        }

        static bool Same(List<string> said, string[] current) =>
            said == null || said.SequenceEqual(current, StringComparer.OrdinalIgnoreCase);

        void Apply(VNVirtualSwitch vswitch, VNPortGroup portGroup, PolicyFacts policy, LoadBalancingPolicy? balancing,
            NetworkFailoverDetectionPolicy? detection, bool? notify, bool? failback, bool order)
        {
            var target = portGroup?.Path ?? vswitch.Path;
            List<string> Known(List<string> names)
            {
                if (names == null) return null;
                foreach (var unknown in names.Where(n => vswitch.Nic.All(u => !string.Equals(u, n, StringComparison.OrdinalIgnoreCase))))
                    Warn(policy.Source, $"the failover order of '{Echo.Cut(target)}' names '{Echo.Cut(unknown)}', which is no uplink of '{vswitch.Path}'; it is left out.");
                return names.Where(n => vswitch.Nic.Any(u => string.Equals(u, n, StringComparison.OrdinalIgnoreCase))).ToList();
            }
            var change = new TeamingPolicyChange
            {
                LoadBalancingPolicy = balancing,
                NetworkFailoverDetectionPolicy = detection,
                NotifySwitches = notify,
                FailbackEnabled = failback,
            };
            if (order)
            {
                // Uplinks no list names stay active, after those named, so that the lists given come out in their order.
                var named = new[] { policy.Active, policy.Standby, policy.Unused }.Where(l => l != null).SelectMany(l => l).ToList();
                var active = Known(policy.Active) ?? new List<string>();
                active.AddRange(vswitch.Nic.Where(n => !named.Contains(n, StringComparer.OrdinalIgnoreCase)));
                change.MakeNicActive = active;
                change.MakeNicStandby = Known(policy.Standby);
                change.MakeNicUnused = Known(policy.Unused);
            }
            if (!Try(policy.Source, $"the teaming policy of '{Echo.Cut(target)}' is not imported", () => TeamingPolicyChange.Apply(vswitch, portGroup, change)))
                return;
            if (order && portGroup != null && portGroup.TeamingPolicy.IsFailoverOrderInherited)
                // An override that happens to list the vSwitch's own order is still an override.
                Try(policy.Source, $"the failover order of '{Echo.Cut(target)}' is not imported",
                    () => TeamingPolicyChange.Apply(vswitch, portGroup, new TeamingPolicyChange { MakeNicActive = vswitch.TeamingPolicy.ActiveNic }));
        }

        void AddAdapter(AdapterFacts a)
        {
            string what = $"adapter '{a.Name}' is not imported";
            if (a.OpaqueNetwork != null)
            {
                Warn(a.Source, $"{what}: it is on NSX opaque network {Echo.Cut(a.OpaqueNetwork)}, and the model holds no NSX networks.");
                return;
            }
            if (a.NoIPv4 || a.IPAddress == null || a.PrefixLength == null)
            {
                Warn(a.Source, a.NoIPv4 ? $"{what}: it has no IPv4 address (N/A)." : $"{what}: no file gives its IPv4 address and netmask.");
                return;
            }
            var portGroup = a.DVPort.HasValue ? DistributedPortGroup(a, what) : null;
            if (a.DVPort.HasValue && portGroup == null) return;
            if (portGroup == null && a.PortGroup == null)
            {
                Warn(a.Source, $"{what}: no file says which port group it is on.");
                return;
            }
            portGroup = portGroup ?? AdapterPortGroup(a);
            if (portGroup == null)
            {
                Warn(a.Source, $"{what}: it is on port group '{a.PortGroup}', which is on none of the imported virtual switches.");
                return;
            }
            // vmotion, provisioning and other netstacks route apart from the default one (vSphere Networking, "TCP/IP
            // Stacks at the VMkernel Level"); the model routes every VMkernel adapter through one.
            if (a.NetStack != null && !string.Equals(a.NetStack, DefaultNetStack, StringComparison.OrdinalIgnoreCase))
                Warn(a.Source, $"adapter '{a.Name}' is on TCP/IP stack {Echo.Cut(a.NetStack)}; the model keeps one stack per host, so it is imported on the default one.");
            var address = a.IPAddress.Value;
            int prefix = a.PrefixLength.Value;
            var gateway = a.Gateway ?? DefaultGatewayFor(a, address, prefix);
            if (gateway.HasValue && !gateway.Value.IsInSubnet(address, prefix))
            {
                Warn(a.Source, $"gateway {gateway} of adapter '{a.Name}' is outside its subnet {address}/{prefix}; the adapter is imported without it.");
                gateway = null;
            }
            Try(a.Source, what, () => VNVMKernelAdapter.Create(portGroup, a.Name, address, prefix, gateway, a.Mtu ?? 1500, a.Purpose, a.Mac));
        }

        /// <summary>
        /// A VM with one adapter per row, in row order. An adapter connects to the port group its row names on the
        /// switch its row names; a disconnected one, or one whose port group is not imported, is kept disconnected.
        /// </summary>
        void AddVirtualMachine(VirtualMachineFacts vm)
        {
            var specs = new List<VNVirtualMachine.AdapterSpec>();
            foreach (var a in vm.Adapters)
            {
                VNPortGroup portGroup = null;
                if (a.Connected && a.Network != null)
                {
                    var vswitch = a.VirtualSwitch == null ? null : Names.Find(_host.VirtualSwitches, v => v.Name, a.VirtualSwitch);
                    portGroup = vswitch?.FindPortGroup(a.Network);
                    if (portGroup == null)
                        Warn(a.Source, $"adapter {specs.Count + 1} of virtual machine '{Echo.Cut(vm.Name)}' is on network '{Echo.Cut(a.Network)}' of switch " +
                            $"'{Echo.Cut(a.VirtualSwitch)}', which is no imported port group; it is imported disconnected.");
                }
                specs.Add(new VNVirtualMachine.AdapterSpec(portGroup, a.Mac, a.IPAddress));
            }
            Try(vm.Source, $"virtual machine '{Echo.Cut(vm.Name)}' is not imported", () => _host.AddVirtualMachine(vm.Name, specs));
        }

        const string DefaultNetStack = "defaultTcpipStack";

        /// <summary>
        /// The distributed port group of an adapter on a DVPort. esxcfg and esxcli name a distributed port group only
        /// by its key (vswitch dvs vmware list's DVPortgroup ID, such as dvportgroup-102), so that is its name here;
        /// its VLAN and policy are vCenter's and not in these files.
        /// </summary>
        VNPortGroup DistributedPortGroup(AdapterFacts a, string what)
        {
            var port = _facts.FindDVPort(a.DVSwitch, a.DVPort.Value, out bool others);
            if (others)
            {
                Warn(a.Source, $"{what}: it is on DVPort {a.DVPort}, and more than one distributed switch has a port {a.DVPort}; no file says which " +
                    "(esxcli network ip interface list's VDS Name does).");
                return null;
            }
            var vswitchName = a.DVSwitch ?? port?.VirtualSwitch;
            var on = $"DVPort {a.DVPort}" + (vswitchName != null ? $" of distributed switch '{Echo.Cut(vswitchName)}'" : "");
            var vswitch = vswitchName == null ? null : Names.Find(_host.VirtualSwitches, v => v.Name, vswitchName);
            if (vswitch == null || port?.PortGroupKey == null)
            {
                Warn(a.Source, $"{what}: it is on {on}, and no file says " +
                    (vswitch == null ? "what that switch is (esxcfg-vswitch -l or esxcli network vswitch dvs vmware list does)." :
                        "which distributed port group that port is in (esxcli network vswitch dvs vmware list does)."));
                return null;
            }
            var portGroup = vswitch.FindPortGroup(port.PortGroupKey);
            if (portGroup == null && !Try(a.Source, what, () => portGroup = vswitch.AddPortGroup(port.PortGroupKey))) return null;
            return portGroup;
        }

        /// <summary>
        /// The port group an adapter's record names. Where a standard and a distributed port group share the name, a
        /// record of esxcfg-vmknic or esxcli means the standard one (it shows an adapter on a distributed switch as a
        /// DVPort); an RVTools or PowerCLI record names either kind without its switch, so the standard one is taken
        /// and the warning says so.
        /// </summary>
        VNPortGroup AdapterPortGroup(AdapterFacts a)
        {
            var named = _host.VirtualSwitches.Select(s => s.FindPortGroup(a.PortGroup)).Where(p => p != null).ToList();
            if (named.Count <= 1) return named.FirstOrDefault();
            var chosen = named.FirstOrDefault(p => p.VirtualSwitch.Type == VirtualSwitchType.Standard) ?? named[0];
            if (!a.PortGroupIsStandard)
                Warn(a.Source, $"adapter '{a.Name}' is on port group '{a.PortGroup}', which {string.Join(" and ", named.Select(p => p.VirtualSwitch.Name))} " +
                    $"both have, and the row does not say which switch; it is put on {chosen.Path}.");
            return chosen;
        }

        /// <summary>
        /// The VMkernel default gateway belongs to the interface its route names (5.x+); ESX 4.x names none, so it goes
        /// to the first VMkernel adapter whose subnet holds it. The Service Console has a gateway of its own, which
        /// esxcfg-route does not show.
        /// </summary>
        IPv4Address? DefaultGatewayFor(AdapterFacts a, IPv4Address address, int prefix)
        {
            var gateway = _facts.DefaultGateway;
            if (gateway == null || a.Name.StartsWith("vswif", StringComparison.OrdinalIgnoreCase)) return null;
            if (_facts.DefaultGatewayInterface != null)
                return string.Equals(_facts.DefaultGatewayInterface, a.Name, StringComparison.OrdinalIgnoreCase) ? gateway : null;
            var first = _facts.Adapters.FirstOrDefault(x => x.IPAddress.HasValue && x.PrefixLength.HasValue
                && !x.Name.StartsWith("vswif", StringComparison.OrdinalIgnoreCase) && gateway.Value.IsInSubnet(x.IPAddress.Value, x.PrefixLength.Value));
            return first == a ? gateway : null;
        }
    }
}
