using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>A virtual machine with its network adapters.</summary>
    public sealed class VNVirtualMachine
    {
        readonly List<VNVMNetworkAdapter> _adapters = new List<VNVMNetworkAdapter>();

        internal VNVirtualMachine(VNHost host, string name)
        {
            Host = host;
            Name = name;
        }

        public string Name { get; }
        public VNHost Host { get; private set; }
        public IReadOnlyList<VNVMNetworkAdapter> NetworkAdapters => _adapters;
        public string Path => Host == null ? Name : Host.Name + "/" + Name;
        /// <summary>Each network adapter's port group, in adapter order (null for a disconnected adapter), as Get-VM's NetworkAdapters list them.</summary>
        public IReadOnlyList<VNPortGroup> PortGroup => _adapters.Select(a => a.PortGroup).ToList();
        /// <summary>Each network adapter's MAC address, in adapter order.</summary>
        public IReadOnlyList<MacAddress?> MacAddress => _adapters.Select(a => a.MacAddress).ToList();
        /// <summary>Each network adapter's IP address, in adapter order.</summary>
        public IReadOnlyList<IPv4Address?> IPAddress => _adapters.Select(a => a.IPAddress).ToList();

        /// <summary>What one adapter connects to. A null MAC is generated (see <see cref="VNVMNetworkAdapter"/>).</summary>
        public sealed class AdapterSpec
        {
            public AdapterSpec(VNPortGroup portGroup, MacAddress? mac = null, IPv4Address? ip = null, int? portId = null, bool dynamicMacAddress = false)
            {
                PortGroup = portGroup; MacAddress = mac; IPAddress = ip; PortId = portId; DynamicMacAddress = dynamicMacAddress || mac == null;
            }
            public VNPortGroup PortGroup { get; }
            public MacAddress? MacAddress { get; }
            public IPv4Address? IPAddress { get; }
            /// <summary>Set only when reloading a saved model, to keep the ids it had.</summary>
            public int? PortId { get; }
            /// <summary>
            /// The MAC is generated: always when none is given; with a MAC given, only when reloading a saved model
            /// whose adapter had a generated one.
            /// </summary>
            public bool DynamicMacAddress { get; }

            /// <summary>
            /// One spec per port group, in order, with the MAC and IP address at the same position (a missing or null
            /// entry: generated MAC, no IP). More addresses than port groups is an error: they would belong to no adapter.
            /// </summary>
            public static IReadOnlyList<AdapterSpec> ForPortGroups(IReadOnlyList<VNPortGroup> portGroups,
                IReadOnlyList<MacAddress?> macAddresses, IReadOnlyList<IPv4Address?> ipAddresses)
            {
                CheckAligned(portGroups.Count, macAddresses.Count, "MAC address");
                CheckAligned(portGroups.Count, ipAddresses.Count, "IP address");
                var specs = new AdapterSpec[portGroups.Count];
                for (int i = 0; i < specs.Length; i++)
                    specs[i] = new AdapterSpec(portGroups[i], i < macAddresses.Count ? macAddresses[i] : null, i < ipAddresses.Count ? ipAddresses[i] : null);
                return specs;
            }

            static void CheckAligned(int portGroups, int addresses, string what)
            {
                if (addresses > portGroups)
                    throw new VirtNetException(ErrorIds.ParameterCountMismatch, VirtNetErrorKind.InvalidArgument,
                        $"{addresses} {what}es were given for {portGroups} port group(s). A VM gets one network adapter per port group, " +
                        $"and the n-th {what} goes to the n-th adapter: give at most {portGroups}, and leave an entry empty where none is wanted.", addresses);
            }
        }

        /// <summary>
        /// Adds adapters all or nothing, checked before anything connects: a VM refused for a full vSwitch must not
        /// use up port ids either, since LoadBalanceSrcId places every later port by its id.
        /// </summary>
        internal void AddAdapters(IReadOnlyList<AdapterSpec> specs)
        {
            foreach (var needed in specs.Where(s => s.PortGroup != null).GroupBy(s => s.PortGroup.VirtualSwitch))
                needed.Key.CheckFreePorts(needed.Count());
            // Hyper-V hands out addresses from the host's pool. Taken before anything connects, so an exhausted pool
            // leaves no half-made VM; the given MACs of this VM count as in use.
            var pooled = new Queue<MacAddress>();
            int generated = specs.Count(s => s.MacAddress == null);
            if (Host.Hypervisor == Hypervisor.HyperV && generated > 0)
            {
                var pool = Host.RequireMacAddressPool();
                var inUse = Host.MacAddressesInUse();
                foreach (var spec in specs)
                    if (spec.MacAddress.HasValue) inUse.Add(spec.MacAddress.Value.Value);
                foreach (var mac in pool.Allocate(generated, inUse, Host.Name)) pooled.Enqueue(mac);
            }
            var added = new List<VNVMNetworkAdapter>();
            foreach (var spec in specs)
            {
                var adapter = new VNVMNetworkAdapter(this, "Network adapter " + (_adapters.Count + 1), spec.MacAddress ?? (pooled.Count > 0 ? pooled.Dequeue() : (MacAddress?)null),
                    spec.IPAddress, spec.DynamicMacAddress);
                spec.PortGroup?.Connect(adapter, spec.PortId);
                _adapters.Add(adapter);
                added.Add(adapter);
            }
            // Generated only once every adapter is in, so a generated MAC also avoids the given MACs of later adapters.
            foreach (var adapter in added)
                if (adapter.MacAddress == null) adapter.MacAddress = VNVMNetworkAdapter.GenerateMac(this, adapter);
        }

        /// <summary>
        /// Moves the running VM to another host of the same hypervisor, as a Hyper-V live migration or a vMotion does:
        /// every adapter keeps its MAC address, dynamic or not, and reconnects to the port group of the same name on
        /// the destination (Hyper-V needs a switch of the same name there). The port ids are the destination's next
        /// ones. All or nothing: when one adapter cannot reconnect, the VM stays where it is.
        /// </summary>
        public void Move(VNHost destination)
        {
            var source = CurrentHost();
            if (destination == null)
                throw new VirtNetException(ErrorIds.InvalidMove, VirtNetErrorKind.InvalidArgument, $"No destination host given for virtual machine '{Path}'.", Name);
            if (destination == source)
                throw new VirtNetException(ErrorIds.InvalidMove, VirtNetErrorKind.InvalidArgument,
                    $"Virtual machine '{Name}' is already on host '{source.Name}'. Give another host as the destination.", Name);
            if (destination.Hypervisor != source.Hypervisor)
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"Virtual machine '{Path}' runs on {source.Hypervisor} and '{destination.Name}' is an {destination.Hypervisor} host. " +
                    "Live migration and vMotion move VMs between hosts of one hypervisor.", destination.Name);
            Names.CheckUnique(destination.VirtualMachines, v => v.Name, Name, "virtual machine", destination.Name);
            var targets = new List<(VNVMNetworkAdapter Adapter, VNPortGroup PortGroup)>();
            foreach (var adapter in _adapters.Where(a => a.Connected))
            {
                // The port group of the same name on the switch of the same name, else the one port group of that name.
                var portGroup = destination.FindPortGroup(adapter.PortGroup.VirtualSwitch.Name + "/" + adapter.PortGroup.Name)
                    ?? destination.FindPortGroup(adapter.PortGroup.Name);
                if (portGroup == null)
                {
                    var existing = destination.PortGroups.Select(p => p.Name).ToList();
                    throw new VirtNetException(ErrorIds.PortGroupNotFound, VirtNetErrorKind.ObjectNotFound,
                        $"'{adapter.Path}' is connected to port group '{adapter.PortGroup.Name}', and host '{destination.Name}' has none of that name " +
                        $"({(existing.Count == 0 ? "it has none" : "existing: " + string.Join(", ", existing))}). Create it there first.", adapter.PortGroup.Name);
                }
                targets.Add((adapter, portGroup));
            }
            foreach (var needed in targets.GroupBy(t => t.PortGroup.VirtualSwitch))
                needed.Key.CheckFreePorts(needed.Count());

            foreach (var (adapter, _) in targets) adapter.Disconnect();
            source.TransferVirtualMachine(this, destination);
            Host = destination;
            foreach (var (adapter, portGroup) in targets) portGroup.Connect(adapter);
        }

        /// <summary>
        /// Powers the VM off and on again on its host. At power-on Hyper-V gives a new dynamic MAC address, from the
        /// host's pool, to every adapter whose dynamic address lies outside the host's range: the one moment a migrated
        /// VM's address changes (Ben Armstrong, "Hyper-V and dynamic MAC address regeneration", 2010). Addresses inside
        /// the range, and static ones, stay. Other hypervisors keep every address. Returns the adapters that changed.
        /// </summary>
        public IReadOnlyList<VNVMNetworkAdapter> Restart()
        {
            var host = CurrentHost();
            if (host.Hypervisor != Hypervisor.HyperV) return new VNVMNetworkAdapter[0];
            var outside = _adapters.Where(a => a.DynamicMacAddressEnabled && a.MacAddress.HasValue).ToList();
            if (outside.Count == 0) return new VNVMNetworkAdapter[0];
            var pool = host.RequireMacAddressPool();
            outside = outside.Where(a => !pool.Contains(a.MacAddress.Value)).ToList();
            if (outside.Count == 0) return outside;
            var inUse = host.MacAddressesInUse();
            var fresh = pool.Allocate(outside.Count, inUse, host.Name);
            for (int i = 0; i < outside.Count; i++) outside[i].MacAddress = fresh[i];
            return outside;
        }

        VNHost CurrentHost()
        {
            if (Host == null || !Host.VirtualMachines.Contains(this))
                throw new VirtNetException(ErrorIds.VirtualMachineNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"Virtual machine '{Name}' has been removed from its host.", Name);
            return Host;
        }

        internal void Detach() => Host = null;

        public override string ToString() => Name;
    }

    /// <summary>A VM's network adapter ("Network adapter 1").</summary>
    public sealed class VNVMNetworkAdapter : VNVirtualAdapter
    {
        internal VNVMNetworkAdapter(VNVirtualMachine vm, string name, MacAddress? mac, IPv4Address? ip, bool dynamicMacAddress) : base(name, mac, ip)
        {
            VirtualMachine = vm;
            DynamicMacAddressEnabled = dynamicMacAddress;
        }

        public VNVirtualMachine VirtualMachine { get; }
        /// <summary>
        /// True when the MAC address was generated rather than given, as Get-VMNetworkAdapter's DynamicMacAddressEnabled:
        /// on Hyper-V it came from the host's pool and may be regenerated at power-on (see <see cref="VNVirtualMachine.Restart"/>).
        /// </summary>
        public bool DynamicMacAddressEnabled { get; }
        public override string Path => VirtualMachine.Path + "/" + Name;

        /// <summary>
        /// ESX generates 00:0c:29 addresses from the VM's UUID; the model stands in a stable FNV-1a hash of the
        /// adapter's path for the UUID, so the same lab always gets the same MACs. Unique within the host.
        /// </summary>
        internal static MacAddress GenerateMac(VNVirtualMachine vm, VNVMNetworkAdapter adapter)
        {
            const ulong vmwareGenerated = 0x000C29UL << 24;
            uint hash = 2166136261;
            foreach (char c in adapter.Path) { hash ^= c; hash *= 16777619; }
            var used = new HashSet<ulong>();
            foreach (var other in vm.Host.VirtualMachines)
                foreach (var a in other.NetworkAdapters)
                    if (a.MacAddress.HasValue) used.Add(a.MacAddress.Value.Value);
            foreach (var a in vm.NetworkAdapters)
                if (a != adapter && a.MacAddress.HasValue) used.Add(a.MacAddress.Value.Value);
            ulong candidate = vmwareGenerated | (hash & 0xFFFFFF);
            while (used.Contains(candidate)) candidate = vmwareGenerated | ((candidate + 1) & 0xFFFFFF);
            return new MacAddress(candidate);
        }
    }
}
