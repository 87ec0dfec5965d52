using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>A hypervisor host: ESX/ESXi, Hyper-V or Linux.</summary>
    public sealed class VNHost
    {
        readonly List<VNVirtualSwitch> _virtualSwitches = new List<VNVirtualSwitch>();
        readonly List<VNVirtualMachine> _virtualMachines = new List<VNVirtualMachine>();
        readonly List<VNVMKernelAdapter> _vmKernelAdapters = new List<VNVMKernelAdapter>();
        readonly List<VNPhysicalNic> _unusedNics = new List<VNPhysicalNic>();
        IPv4Address? _ipAddress;
        DnsResolution _dnsResolution = DnsResolution.All;
        MacAddressPool _macAddressPool;

        public VNHost(string name, Hypervisor hypervisor, string version = null)
        {
            Name = Names.Check(name, "host");
            Hypervisor = hypervisor;
            VersionInfo = HostVersion.Parse(hypervisor, version ?? HostVersion.DefaultFor(hypervisor));
        }

        public string Name { get; }
        public Hypervisor Hypervisor { get; }
        public string Version => VersionInfo.Text;
        public HostVersion VersionInfo { get; }
        public string Fqdn { get; set; }
        /// <summary>Which lookups of this host's names work from the other hosts (default: all of them).</summary>
        public DnsResolution DnsResolution
        {
            get => _dnsResolution;
            set
            {
                // A flags value: any combination of the defined flags, nothing beyond them.
                if ((value & ~DnsResolution.All) != 0)
                    throw new VirtNetException(ErrorIds.InvalidEnumValue, VirtNetErrorKind.InvalidArgument,
                        $"{(int)value} is not a valid DnsResolution. Use a combination of: {string.Join(", ", System.Enum.GetNames(typeof(DnsResolution)))}.", value);
                _dnsResolution = value;
            }
        }
        public bool ShortNameResolves => (DnsResolution & DnsResolution.ShortName) == DnsResolution.ShortName;
        public bool FqdnResolves => (DnsResolution & DnsResolution.Fqdn) == DnsResolution.Fqdn;
        /// <summary>
        /// The host's first (management) address, as given to New-VNHost -IPAddress. On a Hyper-V host the first
        /// address it gets also fixes its dynamic MAC address pool; a later change leaves the pool as it is, as
        /// Hyper-V writes the pool once, when the role is installed (KB 2804678).
        /// </summary>
        public IPv4Address? IPAddress
        {
            get => _ipAddress;
            set
            {
                _ipAddress = value;
                if (Hypervisor == Hypervisor.HyperV && _macAddressPool == null && value.HasValue)
                    _macAddressPool = MacAddressPool.Derive(value.Value);
            }
        }
        /// <summary>Hyper-V: the lowest address of the dynamic MAC address pool, as Get-VMHost shows it; null without a pool.</summary>
        public MacAddress? MacAddressMinimum => _macAddressPool?.Minimum;
        /// <summary>Hyper-V: the highest address of the dynamic MAC address pool; null without a pool.</summary>
        public MacAddress? MacAddressMaximum => _macAddressPool?.Maximum;
        /// <summary>
        /// ESX: Net.TeamPolicyUpDelay in milliseconds, how long the host's teams wait after an uplink's link comes up
        /// before they use it again (see <see cref="HostAdvancedSettings.TeamPolicyUpDelay"/>); null on other hosts.
        /// </summary>
        public int? TeamPolicyUpDelay => Hypervisor == Hypervisor.Esx ? _teamPolicyUpDelay : (int?)null;
        int _teamPolicyUpDelay = HostAdvancedSettings.DefaultTeamPolicyUpDelayMs;

        /// <summary>The host advanced settings the model keeps, by canonical name (ESX hosts only).</summary>
        public IReadOnlyDictionary<string, int> AdvancedSetting =>
            Hypervisor == Hypervisor.Esx ? new Dictionary<string, int> { [HostAdvancedSettings.TeamPolicyUpDelay] = _teamPolicyUpDelay } : new Dictionary<string, int>();

        /// <summary>Sets a host advanced setting; an unknown name, a bad value or a host that is not ESX is an error.</summary>
        public void SetAdvancedSetting(string name, object value)
        {
            var canonical = HostAdvancedSettings.Canonical(name);
            int parsed = HostAdvancedSettings.ParseValue(canonical, value);
            if (Hypervisor != Hypervisor.Esx)
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidOperation,
                    $"{canonical} is an ESX advanced setting; host '{Name}' is {Hypervisor}.", this);
            _teamPolicyUpDelay = parsed;
        }

        /// <summary>Hyper-V LBFO teams, one at most per External switch.</summary>
        public IEnumerable<VNTeam> Teams => _virtualSwitches.Where(s => s.Team != null).Select(s => s.Team);
        public IReadOnlyList<VNVirtualSwitch> VirtualSwitches => _virtualSwitches;
        public IReadOnlyList<VNVirtualMachine> VirtualMachines => _virtualMachines;
        /// <summary>VMkernel and Service Console adapters in creation order (the order the Service Console routes in).</summary>
        public IReadOnlyList<VNVMKernelAdapter> VMKernelAdapters => _vmKernelAdapters;
        public IEnumerable<VNPortGroup> PortGroups => _virtualSwitches.SelectMany(s => s.PortGroups);
        public IEnumerable<VNUplink> Uplinks => _virtualSwitches.SelectMany(s => s.Uplinks);
        /// <summary>The host's physical NICs that no virtual switch uses, as imported from esxcfg-nics -l, esxcli network nic list or RVTools' vNIC tab.</summary>
        public IReadOnlyList<VNPhysicalNic> UnusedNics => _unusedNics;
        public string Path => Name;

        /// <summary>The switch type a host gets when none is asked for: Standard on ESX, HyperV on Hyper-V, LinuxBond on Linux.</summary>
        public VirtualSwitchType DefaultVirtualSwitchType =>
            Hypervisor == Hypervisor.Esx ? VirtualSwitchType.Standard
            : Hypervisor == Hypervisor.HyperV ? VirtualSwitchType.HyperV
            : VirtualSwitchType.LinuxBond;

        /// <summary>
        /// Creates a vSwitch, with uplinks of the default speed when <paramref name="nic"/> names some (PowerCLI
        /// New-VirtualSwitch -Nic). All or nothing: if one uplink cannot be added, the switch is not created.
        /// </summary>
        public VNVirtualSwitch AddVirtualSwitch(string name, VirtualSwitchType type, int? numPorts = null, int? mtu = null, IEnumerable<string> nic = null,
            VirtualSwitchSettings settings = null)
        {
            Names.Check(name, "virtual switch");
            Names.CheckUnique(_virtualSwitches, s => s.Name, name, "virtual switch", Name);
            var vswitch = new VNVirtualSwitch(this, name, type, numPorts, mtu, settings);
            _virtualSwitches.Add(vswitch);
            if (nic != null)
            {
                try
                {
                    foreach (var uplink in nic) vswitch.AddUplink(uplink);
                }
                catch
                {
                    RemoveVirtualSwitch(vswitch, force: true);
                    throw;
                }
            }
            return vswitch;
        }

        public VNVirtualSwitch GetVirtualSwitch(string name) =>
            Names.Find(_virtualSwitches, s => s.Name, name)
            ?? throw Names.NotFound(ErrorIds.VirtualSwitchNotFound, "virtual switch", name, Name, _virtualSwitches, s => s.Name);

        /// <summary>
        /// The port group a name or path stands for on this host: NFS, vSwitch1/NFS or esx01/vSwitch1/NFS. Names are
        /// unique among the host's switches of one type, not across types: a standard and a distributed port group may
        /// share one while VMs move between them, and then the bare name is an AmbiguousName error listing their paths.
        /// Null when none answers.
        /// </summary>
        internal VNPortGroup FindPortGroup(string nameOrPath)
        {
            if (nameOrPath == null) return null;
            int slash = nameOrPath.LastIndexOf('/');
            if (slash >= 0)
            {
                // Names hold no '/', so the parts before the port group's name are the switch's and, first, the host's.
                var switchName = nameOrPath.Substring(0, slash);
                int hostSlash = switchName.IndexOf('/');
                if (hostSlash >= 0)
                {
                    if (!Names.Comparer.Equals(switchName.Substring(0, hostSlash), Name)) return null;
                    switchName = switchName.Substring(hostSlash + 1);
                }
                return Names.Find(_virtualSwitches, s => s.Name, switchName)?.FindPortGroup(nameOrPath.Substring(slash + 1));
            }
            VNPortGroup found = null;
            List<VNPortGroup> several = null;
            foreach (var vswitch in _virtualSwitches)
            {
                var portGroup = vswitch.FindPortGroup(nameOrPath);
                if (portGroup == null) continue;
                if (found == null) found = portGroup;
                else (several ?? (several = new List<VNPortGroup> { found })).Add(portGroup);
            }
            if (several != null)
                throw new VirtNetException(ErrorIds.AmbiguousName, VirtNetErrorKind.InvalidArgument,
                    $"{several.Count} port groups of host '{Name}' are named '{Echo.Cut(nameOrPath)}': {string.Join(", ", several.Select(p => p.Path))}. " +
                    $"Give the port group's path ({several[0].VirtualSwitch.Name}/{several[0].Name}), or pass the port group itself.", nameOrPath);
            return found;
        }

        /// <summary>A port group by name or path (see <see cref="FindPortGroup"/>): PortGroupNotFound when none answers, AmbiguousName when several do.</summary>
        public VNPortGroup GetPortGroup(string nameOrPath) =>
            FindPortGroup(nameOrPath)
            ?? throw Names.NotFound(ErrorIds.PortGroupNotFound, "port group", nameOrPath, Name, PortGroups, PortGroupReference);

        /// <summary>How a file names a port group of this host: by name, or by switch and name where the name alone is ambiguous.</summary>
        public string PortGroupReference(VNPortGroup portGroup)
        {
            foreach (var vswitch in _virtualSwitches)
                if (vswitch != portGroup.VirtualSwitch && vswitch.FindPortGroup(portGroup.Name) != null)
                    return portGroup.VirtualSwitch.Name + "/" + portGroup.Name;
            return portGroup.Name;
        }

        public VNVirtualMachine GetVirtualMachine(string name) =>
            Names.Find(_virtualMachines, v => v.Name, name)
            ?? throw Names.NotFound(ErrorIds.VirtualMachineNotFound, "virtual machine", name, Name, _virtualMachines, v => v.Name);

        public VNVMKernelAdapter GetVMKernelAdapter(string name) =>
            Names.Find(_vmKernelAdapters, a => a.Name, name)
            ?? throw Names.NotFound(ErrorIds.VMKernelAdapterNotFound, "VMkernel adapter", name, Name, _vmKernelAdapters, a => a.Name);

        public VNUplink FindUplink(string name) => Names.Find(Uplinks, u => u.Name, name);

        public VNUplink GetUplink(string name) =>
            FindUplink(name) ?? throw Names.NotFound(ErrorIds.UplinkNotFound, "uplink", name, Name, Uplinks, u => u.Name);

        /// <summary>Adds a VM with one adapter per port group given (none: a VM without network).</summary>
        public VNVirtualMachine AddVirtualMachine(string name, IReadOnlyList<VNVirtualMachine.AdapterSpec> adapters)
        {
            Names.Check(name, "virtual machine");
            Names.CheckUnique(_virtualMachines, v => v.Name, name, "virtual machine", Name);
            foreach (var spec in adapters)
                if (spec.PortGroup != null && spec.PortGroup.Host != this) throw NotOwnPortGroup(spec.PortGroup);
            var vm = new VNVirtualMachine(this, name);
            vm.AddAdapters(adapters);
            _virtualMachines.Add(vm);
            return vm;
        }

        public void RemoveVirtualSwitch(VNVirtualSwitch vswitch, bool force)
        {
            if (vswitch.Host != this) return;
            var inUse = vswitch.ConnectedAdapters.ToList();
            if (inUse.Count > 0 && !force)
                throw new VirtNetException(ErrorIds.VirtualSwitchInUse, VirtNetErrorKind.InvalidOperation,
                    $"Virtual switch '{vswitch.Path}' has {inUse.Count} port(s) in use ({string.Join(", ", inUse.Select(a => a.Path))}). " +
                    "Remove or move them first, or use -Force to remove the VMkernel adapters and disconnect the VM adapters.", vswitch);
            foreach (var pg in vswitch.PortGroups.ToList()) vswitch.RemovePortGroup(pg, force: true);
            foreach (var uplink in vswitch.Uplinks.ToList()) vswitch.RemoveUplink(uplink);
            _virtualSwitches.Remove(vswitch);
            vswitch.Detach();
        }

        public void RemoveVirtualMachine(VNVirtualMachine vm)
        {
            if (vm.Host != this) return;
            foreach (var adapter in vm.NetworkAdapters) adapter.Disconnect();
            _virtualMachines.Remove(vm);
            vm.Detach();
        }

        /// <summary>
        /// Creates an LBFO team (New-NetLbfoTeam) from the NICs of one Hyper-V External switch and binds the switch to it.
        /// A switch binds to one network adapter, here the team, so the team takes every NIC of the switch; the order
        /// given is the team order. The algorithm defaults as New-NetLbfoTeam's does (Dynamic, TransportPorts on 2012).
        /// </summary>
        public VNTeam NewTeam(string name, IReadOnlyList<string> teamMembers, TeamingMode teamingMode = TeamingMode.SwitchIndependent,
            LoadBalancingAlgorithm? loadBalancingAlgorithm = null, string standbyMember = null)
        {
            if (Hypervisor != Hypervisor.HyperV)
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"NIC teams (LBFO) are a Windows feature; '{Name}' is an {Hypervisor} host. " +
                    (Hypervisor == Hypervisor.Linux ? "Team Linux NICs with a bond (Add-VNVirtualSwitch -Type LinuxBond -BondMode)." : "Team ESX uplinks with Set-VNTeamingPolicy."), name);
            Names.Check(name, "team");
            Names.CheckUnique(Teams, t => t.Name, name, "team", Name);
            var algorithm = loadBalancingAlgorithm ?? HyperVTeaming.DefaultTeamAlgorithm(this);
            HyperVTeaming.CheckTeamUnderSwitch(this, algorithm);
            if (teamMembers == null || teamMembers.Count == 0)
                throw InvalidTeam(name, $"Team '{Echo.Cut(name)}' has no members. Name the NICs of one External switch in -TeamMembers.");
            var members = new List<VNUplink>();
            foreach (var memberName in teamMembers)
            {
                var uplink = GetUplink(memberName);
                if (members.Contains(uplink))
                    throw InvalidTeam(name, $"NIC '{uplink.Name}' is named twice in -TeamMembers. Name each NIC once.");
                members.Add(uplink);
            }
            var vswitch = members[0].VirtualSwitch;
            var elsewhere = members.FirstOrDefault(m => m.VirtualSwitch != vswitch);
            if (elsewhere != null)
                throw InvalidTeam(name, $"NICs '{members[0].Name}' and '{elsewhere.Name}' are on different switches ('{vswitch.Name}', '{elsewhere.VirtualSwitch.Name}'). " +
                    "A team binds the NICs of one External switch.");
            if (vswitch.SwitchType != HyperVSwitchType.External || vswitch.EmbeddedTeamingEnabled || vswitch.Team != null)
                throw InvalidTeam(name, vswitch.EmbeddedTeamingEnabled
                    ? $"Switch '{vswitch.Path}' already teams its NICs with Switch Embedded Teaming; SET and LBFO do not mix."
                    : vswitch.Team != null
                        ? $"Switch '{vswitch.Path}' is already bound to team '{vswitch.Team.Name}'. A switch binds to one team."
                        : $"'{vswitch.Path}' is not a Hyper-V External switch. Team the NICs of an External switch.");
            var missing = vswitch.Uplinks.Where(u => !members.Contains(u)).Select(u => u.Name).ToList();
            if (missing.Count > 0)
                throw InvalidTeam(name, $"Team '{Echo.Cut(name)}' leaves out {string.Join(", ", missing)} of switch '{vswitch.Path}'. A Hyper-V switch binds to one " +
                    "network adapter, here the team, so the team takes every NIC of the switch: add them to -TeamMembers or remove them from the switch.");
            VNUplink standby = null;
            if (standbyMember != null)
            {
                standby = members.FirstOrDefault(m => Names.Comparer.Equals(m.Name, standbyMember))
                    ?? throw InvalidTeam(name, $"Standby member '{Echo.Cut(standbyMember)}' is not one of the team members ({string.Join(", ", members.Select(m => m.Name))}).");
                if (members.Count < 2)
                    throw InvalidTeam(name, $"Team '{Echo.Cut(name)}' has one member; making it standby would leave no active member. A standby member needs a team of two or more.");
            }
            var team = new VNTeam(vswitch, name, members, teamingMode, algorithm, standby);
            vswitch.Team = team;
            return team;
        }

        static VirtNetException InvalidTeam(string name, string message) =>
            new VirtNetException(ErrorIds.InvalidTeam, VirtNetErrorKind.InvalidArgument, message, name);

        /// <summary>A snapshot of the Hyper-V host's dynamic MAC address pool and how much of it is in use.</summary>
        public VNMacAddressPool GetMacAddressPool()
        {
            var pool = RequireMacAddressPool();
            long inUse = MacAddressesInUse().LongCount(mac => pool.Contains(new MacAddress(mac)));
            return new VNMacAddressPool(this, pool, inUse);
        }

        /// <summary>
        /// Sets the range as Set-VMHost -MacAddressMinimum/-MacAddressMaximum do; an end not given stays as it is.
        /// Dynamic addresses already handed out stay with their adapters; the next one is the lowest free address of
        /// the new range (the model's choice: Microsoft does not say where allocation resumes).
        /// </summary>
        public void SetMacAddressRange(MacAddress? minimum, MacAddress? maximum)
        {
            if (!minimum.HasValue && !maximum.HasValue) return;
            if (Hypervisor != Hypervisor.HyperV) throw NoMacAddressPool();
            var low = minimum ?? _macAddressPool?.Minimum;
            var high = maximum ?? _macAddressPool?.Maximum;
            if (!low.HasValue || !high.HasValue)
                throw new VirtNetException(ErrorIds.InvalidMacAddressPool, VirtNetErrorKind.InvalidArgument,
                    $"Host '{Name}' has no MAC address pool yet (it has no IP address to derive one from), so give both -MacAddressMinimum and -MacAddressMaximum.", Name);
            _macAddressPool = MacAddressPool.Explicit(low.Value, high.Value);
        }

        /// <summary>Puts back a pool saved in a configuration file, allocation point included.</summary>
        internal void RestoreMacAddressPool(MacAddress minimum, MacAddress maximum, MacAddressPoolSource source, MacAddress next)
        {
            if (Hypervisor != Hypervisor.HyperV) throw NoMacAddressPool();
            _macAddressPool = MacAddressPool.Restore(minimum, maximum, source, next);
        }

        internal MacAddressPool MacAddressPool => _macAddressPool;

        internal MacAddressPool RequireMacAddressPool()
        {
            if (Hypervisor != Hypervisor.HyperV) throw NoMacAddressPool();
            return _macAddressPool ?? throw new VirtNetException(ErrorIds.MacAddressPoolUndefined, VirtNetErrorKind.InvalidOperation,
                $"Hyper-V host '{Name}' has no dynamic MAC address pool: Hyper-V derives it from the host's first IP address, and '{Name}' has none. " +
                "Give it one (New-VNHost or Set-VNHost -IPAddress), set a range (Set-VNHost -MacAddressMinimum -MacAddressMaximum), or give the adapters static MAC addresses.", Name);
        }

        VirtNetException NoMacAddressPool() =>
            new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                $"Dynamic MAC address pools are a Hyper-V feature; '{Name}' is an {Hypervisor} host" +
                (Hypervisor == Hypervisor.Esx ? ", which generates 00:0c:29 addresses from each VM's UUID." : "."), Name);

        /// <summary>The MAC addresses of this host's VM network adapters.</summary>
        internal HashSet<ulong> MacAddressesInUse()
        {
            var used = new HashSet<ulong>();
            foreach (var vm in _virtualMachines)
                foreach (var adapter in vm.NetworkAdapters)
                    if (adapter.MacAddress.HasValue) used.Add(adapter.MacAddress.Value.Value);
            return used;
        }

        /// <summary>Hands a moving VM over to its destination host (see <see cref="VNVirtualMachine.Move"/>).</summary>
        internal void TransferVirtualMachine(VNVirtualMachine vm, VNHost destination)
        {
            _virtualMachines.Remove(vm);
            destination._virtualMachines.Add(vm);
        }

        VirtNetException NotOwnPortGroup(VNPortGroup portGroup)
        {
            var names = PortGroups.Select(p => p.Name).ToList();
            var existing = names.Count == 0 ? "it has none" : "existing: " + string.Join(", ", names);
            var where = portGroup.Host == null ? "has been removed from its virtual switch" : $"is on host '{portGroup.Host.Name}'";
            return new VirtNetException(ErrorIds.PortGroupNotFound, VirtNetErrorKind.ObjectNotFound,
                $"Port group '{portGroup.Path}' {where}; a VM on '{Name}' connects only to port groups of '{Name}' ({existing}).", portGroup.Name);
        }

        /// <summary>Keeps a physical NIC no switch uses; its name must not be an uplink's or another NIC's.</summary>
        internal VNPhysicalNic AddUnusedNic(string name, int? speedMbps, MacAddress? mac, NicLinkStatus? linkStatus)
        {
            var nic = new VNPhysicalNic(this, name, speedMbps, mac, linkStatus);
            var uplink = FindUplink(name);
            if (uplink != null)
                throw new VirtNetException(ErrorIds.UplinkInUse, VirtNetErrorKind.ResourceExists,
                    $"Physical NIC '{Echo.Cut(name)}' is already uplink '{uplink.Path}'.", name);
            Names.CheckUnique(_unusedNics, n => n.Name, name, "physical NIC", Name);
            _unusedNics.Add(nic);
            return nic;
        }

        /// <summary>A NIC that becomes a switch's uplink is no longer unused.</summary>
        internal void TakeUnusedNic(string name)
        {
            var nic = Names.Find(_unusedNics, n => n.Name, name);
            if (nic != null) _unusedNics.Remove(nic);
        }

        internal void RegisterVMKernelAdapter(VNVMKernelAdapter adapter)
        {
            Names.CheckUnique(_vmKernelAdapters, a => a.Name, adapter.Name, "VMkernel or Service Console adapter", Name);
            _vmKernelAdapters.Add(adapter);
        }

        internal void UnregisterVMKernelAdapter(VNVMKernelAdapter adapter) => _vmKernelAdapters.Remove(adapter);

        public override string ToString() => Name;
    }
}
