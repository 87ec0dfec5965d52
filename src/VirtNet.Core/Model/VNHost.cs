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
        public DnsResolution DnsResolution { get; set; } = DnsResolution.All;
        public bool ShortNameResolves => (DnsResolution & DnsResolution.ShortName) == DnsResolution.ShortName;
        public bool FqdnResolves => (DnsResolution & DnsResolution.Fqdn) == DnsResolution.Fqdn;
        /// <summary>The host's first (management) address, as given to New-VNHost -IPAddress.</summary>
        public IPv4Address? IPAddress { get; set; }
        public IReadOnlyList<VNVirtualSwitch> VirtualSwitches => _virtualSwitches;
        public IReadOnlyList<VNVirtualMachine> VirtualMachines => _virtualMachines;
        /// <summary>VMkernel and Service Console adapters in creation order (the order the Service Console routes in).</summary>
        public IReadOnlyList<VNVMKernelAdapter> VMKernelAdapters => _vmKernelAdapters;
        public IEnumerable<VNPortGroup> PortGroups => _virtualSwitches.SelectMany(s => s.PortGroups);
        public IEnumerable<VNUplink> Uplinks => _virtualSwitches.SelectMany(s => s.Uplinks);
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
        public VNVirtualSwitch AddVirtualSwitch(string name, VirtualSwitchType type, int? numPorts = null, int? mtu = null, IEnumerable<string> nic = null)
        {
            Names.Check(name, "virtual switch");
            Names.CheckUnique(_virtualSwitches, s => s.Name, name, "virtual switch", Name);
            var vswitch = new VNVirtualSwitch(this, name, type, numPorts, mtu);
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

        public VNPortGroup GetPortGroup(string name) =>
            Names.Find(PortGroups, p => p.Name, name)
            ?? throw Names.NotFound(ErrorIds.PortGroupNotFound, "port group", name, Name, PortGroups, p => p.Name);

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

        VirtNetException NotOwnPortGroup(VNPortGroup portGroup)
        {
            var names = PortGroups.Select(p => p.Name).ToList();
            var existing = names.Count == 0 ? "it has none" : "existing: " + string.Join(", ", names);
            var where = portGroup.Host == null ? "has been removed from its virtual switch" : $"is on host '{portGroup.Host.Name}'";
            return new VirtNetException(ErrorIds.PortGroupNotFound, VirtNetErrorKind.ObjectNotFound,
                $"Port group '{portGroup.Path}' {where}; a VM on '{Name}' connects only to port groups of '{Name}' ({existing}).", portGroup.Name);
        }

        internal void RegisterVMKernelAdapter(VNVMKernelAdapter adapter)
        {
            Names.CheckUnique(_vmKernelAdapters, a => a.Name, adapter.Name, "VMkernel or Service Console adapter", Name);
            _vmKernelAdapters.Add(adapter);
        }

        internal void UnregisterVMKernelAdapter(VNVMKernelAdapter adapter) => _vmKernelAdapters.Remove(adapter);

        internal void CheckPortGroupNameFree(string name) =>
            Names.CheckUnique(PortGroups, p => p.Name, name, "port group", Name);

        public override string ToString() => Name;
    }
}
