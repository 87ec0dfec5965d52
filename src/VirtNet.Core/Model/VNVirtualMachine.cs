using System.Collections.Generic;
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
        }

        /// <summary>Adds adapters all or nothing: if one cannot connect (full vSwitch), none stays connected.</summary>
        internal void AddAdapters(IReadOnlyList<AdapterSpec> specs)
        {
            var added = new List<VNVMNetworkAdapter>();
            try
            {
                foreach (var spec in specs)
                {
                    var adapter = new VNVMNetworkAdapter(this, "Network adapter " + (_adapters.Count + 1), spec.MacAddress, spec.IPAddress);
                    if (spec.PortGroup != null) spec.PortGroup.Connect(adapter, spec.PortId);
                    _adapters.Add(adapter);
                    added.Add(adapter);
                    if (adapter.MacAddress == null) adapter.MacAddress = VNVMNetworkAdapter.GenerateMac(this, adapter);
                }
            }
            catch
            {
                foreach (var adapter in added) { adapter.Disconnect(); _adapters.Remove(adapter); }
                throw;
            }
        }

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
