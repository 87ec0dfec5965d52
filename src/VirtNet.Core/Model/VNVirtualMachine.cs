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

        /// <summary>What one adapter connects to. A null MAC is generated (see <see cref="VNVMNetworkAdapter"/>).</summary>
        public sealed class AdapterSpec
        {
            public AdapterSpec(VNPortGroup portGroup, MacAddress? mac = null, IPv4Address? ip = null, int? portId = null)
            {
                PortGroup = portGroup; MacAddress = mac; IPAddress = ip; PortId = portId;
            }
            public VNPortGroup PortGroup { get; }
            public MacAddress? MacAddress { get; }
            public IPv4Address? IPAddress { get; }
            /// <summary>Set only when reloading a saved model, to keep the ids it had.</summary>
            public int? PortId { get; }

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
            var added = new List<VNVMNetworkAdapter>();
            foreach (var spec in specs)
            {
                var adapter = new VNVMNetworkAdapter(this, "Network adapter " + (_adapters.Count + 1), spec.MacAddress, spec.IPAddress);
                spec.PortGroup?.Connect(adapter, spec.PortId);
                _adapters.Add(adapter);
                added.Add(adapter);
            }
            // Generated only once every adapter is in, so a generated MAC also avoids the given MACs of later adapters.
            foreach (var adapter in added)
                if (adapter.MacAddress == null) adapter.MacAddress = VNVMNetworkAdapter.GenerateMac(this, adapter);
        }

        internal void Detach() => Host = null;

        public override string ToString() => Name;
    }

    /// <summary>A VM's network adapter ("Network adapter 1").</summary>
    public sealed class VNVMNetworkAdapter : VNVirtualAdapter
    {
        internal VNVMNetworkAdapter(VNVirtualMachine vm, string name, MacAddress? mac, IPv4Address? ip) : base(name, mac, ip)
        {
            VirtualMachine = vm;
        }

        public VNVirtualMachine VirtualMachine { get; }
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
